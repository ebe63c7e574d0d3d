"""The one small-number suppression rule, for every local input (tidy CSVs and counts by age band):
counts from `smallest` to `largest` are not published, with everything derived from them.

Fingertips downloads are published figures, already suppressed by OHID's own rules: they are never
suppressed again. The rule comes from the configuration (`suppress_counts_below`).

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


@dataclass(frozen=True)
class SuppressionRule:
    """Which counts are too small to publish: `smallest` to `largest` inclusive [2].

    smallest: the smallest suppressed count (1 by default: zero is published).
    largest: the largest suppressed count (7 by default).
    """

    smallest: float = 1
    largest: float = 7

    @classmethod
    def below(cls, count: int) -> SuppressionRule:
        """The rule of the configuration's `suppress_counts_below`: counts from 1 to `count` - 1."""
        return cls(1, count - 1)

    def describe(self) -> str:
        """The rule in words: the value note of every suppressed row."""
        return f"Suppressed: count between {self.smallest:g} and {self.largest:g}"


def find_small_counts(count: ArrayLike, rule: SuppressionRule = SuppressionRule()) -> NDArray[np.bool_]:
    """True where a count falls within the rule's range [1, 2]; missing counts are never suppressed."""
    c = np.asarray(pd.to_numeric(pd.Series(np.ravel(count)), errors="coerce"), dtype=float)
    return (c >= rule.smallest) & (c <= rule.largest)
