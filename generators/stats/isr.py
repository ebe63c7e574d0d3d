"""Indirectly standardised ratios and rates with Byar's (or exact) limits on the observed count.

References:
[1] Breslow NE, Day NE. Statistical Methods in Cancer Research, volume II. IARC Scientific
    Publications 82, 1987: 69 (Byar's approximation to the Poisson limits of the observed count).
[2] Public Health England. Technical Guide: Confidence intervals (2018), section on indirectly
    standardised ratios: limits of the observed count divided by the expected count; exact
    Poisson limits below 10 events.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from generators.stats._bands import check_banded
from generators.stats._common import Estimates, Floats, as_floats
from generators.stats.rates import compute_count


def compute_expected(
    population: ArrayLike, reference_count: ArrayLike, reference_population: ArrayLike, labels: Sequence[str] | None = None
) -> Floats:
    """Expected events per area: the sum over age bands of population x reference rate.

    population: person-years, areas x bands. reference_count, reference_population: events and
    person-years of the reference population per band. labels: optional area descriptions.
    """
    _, n, ref_count = check_banded(np.zeros_like(as_floats(population)), population, reference_count, labels)
    ref_pop = as_floats(reference_population)
    return (n * ref_count / ref_pop).sum(axis=1)


def compute_isr_from_totals(observed: ArrayLike, expected: ArrayLike, multiplier: float = 100) -> Estimates:
    """Indirectly standardised ratios O/E x multiplier with limits [1, 2] at 95% and 99.8%.

    observed: total events O per area. expected: expected events E per area, > 0.
    multiplier: 1 for a ratio, 100 for a ratio x 100 (the default).
    """
    o, e = as_floats(observed), as_floats(expected)
    counts = compute_count(o)
    parts = (counts.value, counts.lower_ci_95, counts.upper_ci_95, counts.lower_ci_998, counts.upper_ci_998)
    return Estimates(*(multiplier * a / e for a in parts))  # type: ignore[arg-type]


def compute_isr(
    count: ArrayLike,
    population: ArrayLike,
    reference_count: ArrayLike,
    reference_population: ArrayLike,
    multiplier: float = 100,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Indirectly standardised ratios [2] from age-banded data, one per area.

    count: events, areas x age bands (missing counts are no events). population: person-years,
    areas x bands. reference_count, reference_population: the reference events and person-years
    per band. multiplier: 1 or 100 (default). labels: optional area descriptions for messages.
    Raises DataError for mismatched bands, negative counts and bad populations.
    """
    x, _, _ = check_banded(count, population, reference_count, labels)
    expected = compute_expected(population, reference_count, reference_population, labels)
    return compute_isr_from_totals(x.sum(axis=1), expected, multiplier)


def compute_isr_rate(
    count: ArrayLike,
    population: ArrayLike,
    reference_count: ArrayLike,
    reference_population: ArrayLike,
    multiplier: float = 100_000,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Indirectly standardised rates [2]: the ratio O/E times the reference population's crude rate.

    Parameters as `compute_isr`; multiplier: rate per this many (default 100,000).
    """
    ref_rate = np.nansum(as_floats(reference_count)) / np.nansum(as_floats(reference_population)) * multiplier
    ratios = compute_isr(count, population, reference_count, reference_population, 1, labels)
    return Estimates(*(ref_rate * a for a in (ratios.value, *_four(ratios))))  # type: ignore[arg-type]


def _four(e: Estimates) -> tuple[Floats, Floats, Floats, Floats]:
    """The four limits of an `Estimates`, in column order."""
    return e.lower_ci_95, e.upper_ci_95, e.lower_ci_998, e.upper_ci_998
