"""Counts and crude rates with Byar's or exact Poisson confidence limits.

References:
[1] Breslow NE, Day NE. Statistical Methods in Cancer Research, volume II: The design and
    analysis of cohort studies. IARC Scientific Publications 82, 1987: 69 (Byar's approximation).
[2] Ulm K. A simple method to calculate the confidence interval of a standardized mortality
    ratio. Am J Epidemiol 1990; 131: 373-375 (exact Poisson limits from the chi-square distribution).
[3] Public Health England. Technical Guide: Confidence intervals (2018): Byar's method for counts
    of 10 or more, exact Poisson limits for smaller counts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from generators.stats._common import Estimates, Floats, check_multiplier, check_numbers, read_counts, z_value

EXACT_BELOW = 10
"""Counts below this use exact Poisson limits; 10 and above use Byar's method [3]."""


def compute_byars_limits(count: ArrayLike, level: float) -> tuple[Floats, Floats]:
    """Byar's approximation [1] to the Poisson limits of a count, at `level` percent.

    count: observed events O >= 0. level: confidence level in percent.
    lower = O (1 - 1/(9 O) - z/(3 sqrt O))^3, upper = (O+1) (1 - 1/(9 (O+1)) + z/(3 sqrt(O+1)))^3.
    The lower limit is 0 for O = 0, and NaN where the approximation breaks down (the bracket
    is negative, as for O = 1 at 99.8%): use `compute_poisson_limits` for small counts.
    Raises DataError for counts that are negative or not numbers (NaN: no limits).
    """
    o = _counts(count)
    z = z_value(level)
    with np.errstate(divide="ignore", invalid="ignore"):
        base = 1 - 1 / (9 * o) - z / (3 * np.sqrt(o))
        lower = np.where(o == 0, 0.0, np.where(base < 0, np.nan, o * base**3))
    upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
    return lower, upper


def compute_exact_limits(count: ArrayLike, level: float) -> tuple[Floats, Floats]:
    """Exact Poisson limits [2] of a count from the chi-square distribution.

    count: observed events O >= 0. level: confidence level in percent.
    lower = chi2(alpha/2; 2 O) / 2, upper = chi2(1 - alpha/2; 2 O + 2) / 2, alpha = 1 - level/100.
    Raises DataError for counts that are negative or not numbers (NaN: no limits).
    """
    o = _counts(count)
    alpha = 1 - level / 100
    lower = np.where(o == 0, 0.0, stats.chi2.ppf(alpha / 2, 2 * np.maximum(o, 1e-300)) / 2)
    return lower, stats.chi2.ppf(1 - alpha / 2, 2 * o + 2) / 2


def compute_poisson_limits(count: ArrayLike, level: float) -> tuple[Floats, Floats]:
    """Limits of a count as PHE computes them [3]: exact below 10 events, Byar's from 10.

    count: observed events, 0 or more (NaN: no value). level: confidence level in percent.
    Raises DataError for counts that are negative or not numbers.
    """
    o = _counts(count)
    small = o < EXACT_BELOW
    lower, upper = compute_byars_limits(o, level)
    exact_lower, exact_upper = compute_exact_limits(o[small], level)  # chi-square only where needed
    lower[small], upper[small] = exact_lower, exact_upper
    return lower, upper


def name_count_method(count: ArrayLike) -> list[str]:
    """'Exact' or 'Byars' per count, as PHE labels the method [3]; '' where the count is missing.

    Raises DataError for counts that are negative or not numbers.
    """
    o = _counts(count)
    return ["" if np.isnan(c) else "Exact" if c < EXACT_BELOW else "Byars" for c in np.ravel(o)]


def compute_count(count: ArrayLike, labels: Sequence[str] | None = None) -> Estimates:
    """A count of events with its Poisson limits [3] at 95% and 99.8%.

    count: events per row (NaN: no value). labels: optional row descriptions for error messages.
    Raises DataError for counts that are negative or not numbers.
    """
    o = _counts(count, labels)
    (lo95, up95), (lo998, up998) = (compute_poisson_limits(o, level) for level in (95, 99.8))
    return Estimates(o, lo95, up95, lo998, up998)


def compute_rate(
    count: ArrayLike,
    denominator: ArrayLike,
    multiplier: float = 100_000,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Crude rates count/denominator x multiplier with Poisson limits [1, 3] at 95% and 99.8%.

    count: events per row (NaN: no value). denominator: population or person-years, > 0; the count
    may exceed it (several events per person). multiplier: e.g. 100 or 100,000 (the default), positive.
    labels: optional row descriptions for error messages.
    Raises DataError for counts or denominators that are not numbers, negative counts, denominators
    of zero or less and multipliers of zero or less.
    """
    per = check_multiplier(multiplier)
    o, n = read_counts(count, denominator, labels=labels)
    counts = compute_count(o)
    scale = per / n
    return Estimates(*(scale * a for a in (o, *_limits_of(counts))))  # type: ignore[arg-type]


def _counts(count: ArrayLike, labels: Sequence[str] | None = None) -> Floats:
    """Observed events as floats: numbers of 0 or more, NaN where missing (`check_numbers`)."""
    return check_numbers(count, "count", sign="non-negative", labels=labels)


def _limits_of(e: Estimates) -> tuple[Floats, Floats, Floats, Floats]:
    """The four limits of an `Estimates`, in column order."""
    return e.lower_ci_95, e.upper_ci_95, e.lower_ci_998, e.upper_ci_998
