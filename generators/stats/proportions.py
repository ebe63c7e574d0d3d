"""Proportions with Wilson score confidence limits.

References:
[1] Wilson EB. Probable inference, the law of succession, and statistical inference.
    J Am Stat Assoc 1927; 22: 209-212.
[2] Newcombe RG, Altman DG. Proportions and their differences. In: Altman DG et al. (eds)
    Statistics with Confidence (2nd edn). BMJ Books, 2000: 46-48.
[3] Public Health England. Technical Guide: Confidence intervals (2018), section on proportions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from generators.stats._common import Estimates, Floats, check_multiplier, read_counts, z_value


def compute_wilson_limits(count: ArrayLike, denominator: ArrayLike, level: float) -> tuple[Floats, Floats]:
    """Wilson score limits [1] for the proportion count/denominator, as proportions of 1.

    count: events, x (need not be whole). denominator: trials, n > 0.
    level: confidence level in percent, e.g. 95 or 99.8.
    Returns (lower, upper); NaN where count or denominator is missing.
    Raises DataError for values that are not numbers, negative counts, denominators of 0 or less
    and counts above the denominator.
    """
    x, n = read_counts(count, denominator, count_at_most_denominator=True)
    z = z_value(level)
    p = x / n
    centre = 2 * x + z**2
    spread = z * np.sqrt(z**2 + 4 * x * (1 - p))
    return (centre - spread) / (2 * (n + z**2)), (centre + spread) / (2 * (n + z**2))


def compute_proportion(
    count: ArrayLike,
    denominator: ArrayLike,
    multiplier: float = 1,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Proportions with Wilson score limits [1, 3] at 95% and 99.8%.

    count: events per row (NaN: no value). denominator: trials per row, at least the count.
    multiplier: 1 for a proportion of 1, 100 for a percentage; positive.
    labels: optional description of each row ('indicator 90366, area E06000001, period 2019/20')
    used in error messages.
    Raises DataError for counts or denominators that are not numbers, negative counts, denominators
    of zero or less, counts above the denominator and multipliers of zero or less.
    """
    scale = check_multiplier(multiplier)
    x, n = read_counts(count, denominator, count_at_most_denominator=True, labels=labels)
    limits = [compute_wilson_limits(x, n, level) for level in (95, 99.8)]
    (lo95, up95), (lo998, up998) = limits
    return Estimates(*(scale * a for a in (x / n, lo95, up95, lo998, up998)))  # type: ignore[arg-type]
