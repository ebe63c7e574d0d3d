"""Fingertips' recent trend: a weighted regression through the five most recent points.

References:
[1] Office for Health Improvement and Disparities. FingertipsNext, trend analysis
    (github.com/dhsc-govuk/FingertipsNext, folder trend-analysis/TrendAnalysisApp/Calculator,
    MIT licence), which carries the Fingertips recent-trend calculator over from the old site.
    Read as a description of the method; the code below is our own.
[2] Office for Health Improvement and Disparities. Fingertips technical guidance: recent trends
    are tested at the 99.8% level over the five most recent points.

The method [1], in our words:
- Only proportions, crude rates and directly standardised rates have a recent trend; any other
  value type (life expectancy, ratios, indirectly standardised values, counts...) "Cannot be
  calculated".
- The five most recent points are taken. Fewer than five, or any of them without a value, a count
  or a positive denominator, or with a count equal to its denominator: "Cannot be calculated".
- Of those five, the points with both 95% limits are scored 1, 2, 3... (oldest first, gaps in the
  years ignored) and their values regressed on the score by weighted least squares, each point
  weighted by 1 / se^2 with se = (upper - lower) / (2 x 1.96).
- The trend is significant when (slope / its standard error)^2 exceeds 9.5495 (chi-square, one
  degree of freedom, 99.8%) and the slope keeps its direction when each point is left out in
  turn. Otherwise, and wherever the statistic cannot be computed (no limits, zero-width limits),
  "No significant change".
- A significant trend is "Increasing" or "Decreasing"; polarity adds "and getting better" or
  "and getting worse" (nothing for no judgement).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import stats

from generators.stats._common import Floats, as_floats

POINTS = 5
"""A recent trend uses this many of the most recent points [1, 2]."""
THRESHOLD = float(stats.chi2.ppf(0.998, 1))
"""A trend is significant when its statistic is above this: chi-square, 1 df, 99.8% (9.5495) [1]."""
WIDTH_IN_SE = 2 * 1.96
"""A 95% interval spans this many standard errors."""
COVERED = ("proportion", "crude rate", "directly standardised rate")
"""The value types a recent trend is calculated for [1]."""

CANNOT = "Cannot be calculated"
NO_CHANGE = "No significant change"
_QUALIFIER = {  # polarity -> (suffix when increasing, suffix when decreasing)
    "high_is_good": (" and getting better", " and getting worse"),
    "low_is_good": (" and getting worse", " and getting better"),
    "no_judgement": ("", ""),
    "": ("", ""),
}


class TrendStatistic(NamedTuple):
    """Per series: the chi-square statistic of the weighted slope, the slope (value per point), and
    whether the slope keeps its direction when each point is left out in turn. NaN statistic and
    slope where they cannot be computed (fewer than two points with limits, zero-width limits)."""

    statistic: Floats
    slope: Floats
    steady: NDArray[np.bool_]


def value_type_for_trend(value_type: str, unit: str = "") -> str:
    """The value type the trend method goes by, from an indicator's metadata.

    The metadata's value type when it has one; otherwise a unit of "%" means a proportion and a
    unit "per N" a rate (crude and directly standardised rates are tested alike); otherwise "".
    """
    if value_type.strip():
        return value_type.strip()
    if unit.strip() == "%":
        return "proportion"
    if re.fullmatch(r"per [\d,]+", unit.strip(), re.IGNORECASE):
        return "crude rate"
    return ""


def is_covered(value_type: ArrayLike) -> NDArray[np.bool_]:
    """Whether each value type (Fingertips' words, any case, e.g. "Directly standardised rate") has a recent trend."""
    names = pd.Series(np.ravel(np.asarray(value_type, dtype=object))).fillna("").astype(str)
    normal = names.str.strip().str.lower().str.replace(r"\s+", " ", regex=True)
    return normal.isin(COVERED).to_numpy().reshape(np.shape(value_type))


def compute_trend_statistic(value: ArrayLike, lower: ArrayLike, upper: ArrayLike) -> TrendStatistic:
    """The weighted regression of the method [1] per series (see the module's notes).

    value, lower, upper: series x points, oldest first, 95% limits. Points without a value or
    either limit take no part; the others are scored 1, 2, 3... in order.
    """
    y, lo, hi = (np.atleast_2d(as_floats(a)) for a in (value, lower, upper))
    used = np.isfinite(y) & np.isfinite(lo) & np.isfinite(hi)
    score = np.cumsum(used, axis=1).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        weight = np.where(used, (WIDTH_IN_SE / (hi - lo)) ** 2, 0.0)  # zero width: infinite weight, no statistic
    y, score = np.where(used, y, 0.0), np.where(used, score, 0.0)
    # every point, then each point left out in turn: a (1 + points) x series x points stack of masks
    left_out = np.arange(1, y.shape[1] + 1, dtype=float)[:, None, None]
    keep = np.concatenate([used[None], used[None] & (score[None] != left_out)])
    slope, variance = _weighted_slope(np.where(keep, weight[None], 0.0), y[None], score[None])
    direction = np.where(slope < 0, -1, 1)  # an undefined slope counts as not decreasing
    steady = np.abs(direction.sum(axis=0)) == direction.shape[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = slope[0] ** 2 / variance[0]
    return TrendStatistic(statistic, slope[0], steady)


def _weighted_slope(weight: Floats, y: Floats, score: Floats) -> tuple[Floats, Floats]:
    """Weighted least-squares slope of y on score over the last axis, and its variance."""
    with np.errstate(divide="ignore", invalid="ignore"):
        s_w = weight.sum(axis=-1)
        s_x = (weight * score).sum(axis=-1)
        s_y = (weight * y).sum(axis=-1)
        s_xy = (weight * score * y).sum(axis=-1)
        s_xx = (weight * score**2).sum(axis=-1)
        spread = s_w * s_xx - s_x**2
        return (s_w * s_xy - s_x * s_y) / spread, s_w / spread


def compute_trend(
    value: ArrayLike,
    lower: ArrayLike,
    upper: ArrayLike,
    count: ArrayLike,
    denominator: ArrayLike,
    polarity: ArrayLike,
    value_type: ArrayLike,
) -> NDArray[np.object_]:
    """Fingertips' recent trend [1] per series.

    value, lower, upper (95% limits), count, denominator: series x points, oldest first,
    NaN-padded at the start for short series; the last five points are used.
    polarity: high_is_good, low_is_good or no_judgement ("" for none), per series or one for all.
    value_type: Fingertips' value type per series or one for all (see `COVERED`).
    Returns "Increasing"/"Decreasing" (with " and getting better"/" and getting worse" by
    polarity), "No significant change", or "Cannot be calculated".
    Raises ValueError for an unknown polarity.
    """
    columns = [np.atleast_2d(as_floats(a))[:, -POINTS:] for a in (value, lower, upper, count, denominator)]
    if len({c.shape for c in columns}) > 1:
        raise ValueError(f"expected value, limits, count and denominator of one shape, found {[c.shape for c in columns]}")
    y, lo, hi, x, n = columns
    pol = np.broadcast_to(np.asarray(polarity, dtype=object), (y.shape[0],))
    unknown = sorted({str(p) for p in pol} - set(_QUALIFIER))
    if unknown:
        raise ValueError(f"expected polarity high_is_good, low_is_good or no_judgement, found {unknown[0]}")
    covered = np.broadcast_to(is_covered(value_type), (y.shape[0],))
    with np.errstate(invalid="ignore"):
        complete = np.isfinite(y).all(axis=1) & np.isfinite(x).all(axis=1) & (n > 0).all(axis=1) & (y.shape[1] == POINTS)
        degenerate = (x == n).any(axis=1)  # every event: no variation left to test
    found = compute_trend_statistic(y, lo, hi)
    with np.errstate(invalid="ignore"):
        significant = found.steady & (found.statistic > THRESHOLD)
    rising = np.array(["Increasing" + _QUALIFIER[str(p)][0] for p in pol], dtype=object)
    falling = np.array(["Decreasing" + _QUALIFIER[str(p)][1] for p in pol], dtype=object)
    verdict = np.where(significant & (found.slope > 0), rising, np.where(significant & (found.slope < 0), falling, NO_CHANGE))
    return np.where(covered & complete & ~degenerate, verdict, CANNOT).astype(object)
