"""Means with Student's t confidence limits.

References:
[1] Student. The probable error of a mean. Biometrika 1908; 6: 1-25.
[2] Public Health England. Technical Guide: Confidence intervals (2018), section on means:
    mean +/- t(1 - alpha/2; n - 1) x s / sqrt(n).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import stats

from generators.stats._common import Estimates, check_numbers


def compute_mean(mean: ArrayLike, sd: ArrayLike, n: ArrayLike) -> Estimates:
    """Means with Student's t limits [1, 2] at 95% and 99.8%.

    mean: sample mean per row, any number. sd: sample standard deviation (n - 1 divisor) per row,
    0 or more. n: number of observations per row, 0 or more; limits need n >= 2 (NaN otherwise).
    Missing values give no value (NaN); values that are not numbers, negative standard deviations
    and negative numbers of observations raise DataError.
    """
    m = check_numbers(mean, "mean")
    s = check_numbers(sd, "sd", sign="non-negative", noun="standard deviation")
    k = check_numbers(n, "n", sign="non-negative", noun="number of observations")
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.where(k >= 2, s / np.sqrt(k), np.nan)
        t95, t998 = (stats.t.ppf(0.5 + level / 200, k - 1) for level in (95, 99.8))
    return Estimates(m, m - t95 * se, m + t95 * se, m - t998 * se, m + t998 * se)


def summarise_values(values: ArrayLike, groups: ArrayLike) -> pd.DataFrame:
    """Mean, sample standard deviation and count of `values` per group (in order of first appearance).

    values: individual observations, any numbers. groups: a group label per observation.
    Raises DataError naming every value that is missing (a mean would silently drop it) or not a
    number (codes missing-value, non-numeric-value).
    """
    v = check_numbers(values, "value", missing=False, noun="observation")
    frame = pd.DataFrame({"group": np.asarray(groups), "value": v})
    return frame.groupby("group", sort=False)["value"].agg(mean="mean", sd="std", n="count")
