"""Fingertips' recent trend: the chi-square test for trend over the five most recent points.

References:
[1] Armitage P, Berry G, Matthews JNS. Statistical Methods in Medical Research (4th edn).
    Oxford: Blackwell, 2002: 504-506 (the chi-square test for a linear trend in proportions).
[2] Office for Health Improvement and Disparities. Fingertips technical guidance: recent
    trends. The five most recent points are tested for trend at the 99.8% level (p < 0.002);
    fewer points, or missing counts or denominators, and no trend can be calculated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import stats

from generators.stats._common import Floats, as_floats

POINTS = 5
"""A recent trend uses this many of the most recent points [2]."""
SIGNIFICANCE = 0.002
"""A trend is significant when its p-value is below this (the 99.8% level) [2]."""

_QUALIFIER = {  # polarity -> (suffix when increasing, suffix when decreasing)
    "high_is_good": (" and getting better", " and getting worse"),
    "low_is_good": (" and getting worse", " and getting better"),
    "no_judgement": ("", ""),
}


def compute_trend_statistic(count: ArrayLike, denominator: ArrayLike) -> tuple[Floats, Floats]:
    """Chi-square statistic for a linear trend in proportions [1] and its slope direction, per series.

    count, denominator: series x points, oldest point first; scores are 1, 2, 3, ...
    With p = X / N and s_bar = sum(n s) / N, the statistic is
    (sum x (s - s_bar))^2 / (p (1 - p) sum n (s - s_bar)^2), one degree of freedom.
    Returns (statistic, sum x (s - s_bar)); NaN where the statistic cannot be computed.
    """
    x, n = np.atleast_2d(as_floats(count)), np.atleast_2d(as_floats(denominator))
    score = np.arange(1, x.shape[1] + 1, dtype=float)
    total_x, total_n = x.sum(axis=1), n.sum(axis=1)
    centre = (n * score).sum(axis=1) / total_n
    slope = (x * (score - centre[:, None])).sum(axis=1)
    p = total_x / total_n
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = slope**2 / (p * (1 - p) * (n * (score - centre[:, None]) ** 2).sum(axis=1))
    return np.where((p > 0) & (p < 1), statistic, np.nan), slope


def compute_trend(count: ArrayLike, denominator: ArrayLike, polarity: ArrayLike) -> NDArray[np.object_]:
    """Fingertips' recent trend [2] per series.

    count, denominator: series x points, oldest first, NaN-padded at the start for short
    series; the last five points are used. polarity: per series or one for all.
    Returns "Increasing"/"Decreasing" (with " and getting better"/" and getting worse" by
    polarity), "No significant change", or "Cannot be calculated" where a series has fewer
    than five points or a missing count or denominator.
    """
    x = np.atleast_2d(as_floats(count))[:, -POINTS:]
    n = np.atleast_2d(as_floats(denominator))[:, -POINTS:]
    statistic, slope = compute_trend_statistic(x, n)
    significant = stats.chi2.sf(statistic, 1) < SIGNIFICANCE
    pol = pd.Series(np.broadcast_to(np.asarray(polarity, dtype=object), slope.shape))
    rising = "Increasing" + pol.map({p: q[0] for p, q in _QUALIFIER.items()})
    falling = "Decreasing" + pol.map({p: q[1] for p, q in _QUALIFIER.items()})
    verdict = np.where(significant, np.where(slope > 0, rising, falling), "No significant change")
    incomplete = (x.shape[1] < POINTS) | np.isnan(x).any(axis=1) | np.isnan(n).any(axis=1) | np.isnan(statistic)
    return np.where(incomplete, "Cannot be calculated", verdict).astype(object)
