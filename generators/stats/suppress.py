"""Small-number suppression for local data before publication.

References:
[1] Office for National Statistics. Review of the dissemination of health statistics:
    confidentiality guidance (2006), small counts and the values derived from them.
[2] NHS Digital. Disclosure control guidance: counts between 1 and 7 suppressed, with the
    values and limits computed from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from generators.stats._common import as_floats

DERIVED_COLUMNS = ("count", "value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998")
"""The indicator-table columns blanked in a suppressed row."""


@dataclass(frozen=True)
class SuppressionRule:
    """Which counts are too small to publish: `smallest` to `largest` inclusive [2].

    smallest: the smallest suppressed count (1 by default: zero is published).
    largest: the largest suppressed count (7 by default).
    """

    smallest: float = 1
    largest: float = 7

    def describe(self) -> str:
        """The rule in words, used as the value note of suppressed rows."""
        return f"Suppressed: count between {self.smallest:g} and {self.largest:g}"


def find_small_counts(count: ArrayLike, rule: SuppressionRule = SuppressionRule()) -> NDArray[np.bool_]:
    """True where a count falls within the rule's range [1, 2]; missing counts are never suppressed.

    count: counts per row. rule: the suppression range.
    """
    c = as_floats(count)
    return (c >= rule.smallest) & (c <= rule.largest)


def suppress_small_counts(
    table: pd.DataFrame, rule: SuppressionRule = SuppressionRule()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The indicator table with small counts and everything derived from them blanked [1, 2].

    table: the indicator table (ARCHITECTURE.md columns; needs at least `count`).
    rule: the suppression range (default counts 1 to 7).
    Returns (table, suppressed): the table with `DERIVED_COLUMNS` set to NaN and the rule as
    `value_note` in suppressed rows, and one row per suppressed row giving its index, the
    count and the reason.
    """
    small = find_small_counts(table["count"], rule)
    suppressed = pd.DataFrame(
        {"row": table.index[small], "count": table.loc[small, "count"].to_numpy(), "reason": rule.describe()}
    )
    out = table.copy()
    blanked = [c for c in DERIVED_COLUMNS if c in out.columns]
    out.loc[small, blanked] = np.nan
    out.loc[small, "value_note"] = rule.describe()
    return out, suppressed
