"""Small-number suppression of an indicator table (the rule itself: generators/suppression.py, one for every local input).

References:
[1] Office for National Statistics. Review of the dissemination of health statistics:
    confidentiality guidance (2006), small counts and the values derived from them.
[2] NHS Digital. Disclosure control guidance: counts between 1 and 7 suppressed, with the
    values and limits computed from them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators.suppression import SuppressionRule, find_small_counts

__all__ = ["DERIVED_COLUMNS", "SuppressionRule", "find_small_counts", "suppress_small_counts"]

DERIVED_COLUMNS = ("count", "value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998")
"""The indicator-table columns blanked in a suppressed row."""


DEFAULT_RULE = SuppressionRule()


def suppress_small_counts(
    table: pd.DataFrame, rule: SuppressionRule = DEFAULT_RULE
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
