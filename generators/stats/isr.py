"""Indirectly standardised ratios and rates with Byar's (or exact) limits on the observed count.

References:
[1] Breslow NE, Day NE. Statistical Methods in Cancer Research, volume II. IARC Scientific
    Publications 82, 1987: 69 (Byar's approximation to the Poisson limits of the observed count).
[2] Public Health England. Technical Guide: Confidence intervals (2018), section on indirectly
    standardised ratios: limits of the observed count divided by the expected count; exact
    Poisson limits below 10 events.
[3] PHEindicatormethods (R package) 2.1.0, `calculate_ISRatio` and `calculate_ISRate`: an age band
    with no population adds no expected events (populations must be 0 or more, not positive);
    missing counts and missing reference counts are none.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from generators.stats._common import (
    Estimates,
    Floats,
    check_band_shapes,
    check_banded_numbers,
    check_multiplier,
    check_numbers,
    check_per_band_numbers,
)
from generators.stats.rates import compute_count


def compute_expected(
    population: ArrayLike, reference_count: ArrayLike, reference_population: ArrayLike, labels: Sequence[str] | None = None
) -> Floats:
    """Expected events per area: the sum over age bands of population x reference rate [3].

    population: person-years, areas x bands, numbers of 0 or more (a band with no population adds
    no expected events). reference_count, reference_population: events (0 or more; missing: none)
    and person-years (positive) of the reference population per band. labels: optional area
    descriptions for error messages.
    Raises DataError for mismatched bands and for values that are not numbers or out of range.
    """
    n, ref_count, ref_pop = _read_reference(population, reference_count, reference_population, labels)
    return (n * ref_count / ref_pop).sum(axis=1)


def compute_isr_from_totals(
    observed: ArrayLike, expected: ArrayLike, multiplier: float = 100, labels: Sequence[str] | None = None
) -> Estimates:
    """Indirectly standardised ratios O/E x multiplier with limits [1, 2] at 95% and 99.8%.

    observed: total events O per area, 0 or more (NaN: no value). expected: expected events E per
    area, positive (NaN: no value). multiplier: 1 for a ratio, 100 for a ratio x 100 (the default),
    a reference rate for a rate; positive. labels: optional area descriptions for error messages.
    Raises DataError for values that are not numbers, negative observed counts, expected counts of
    0 or less (R would return an infinite or NaN ratio) and multipliers of 0 or less.
    """
    o = check_numbers(observed, "observed", sign="non-negative", noun="observed count", labels=labels)
    e = check_numbers(expected, "expected", sign="positive", noun="number of expected events", labels=labels)
    scale = check_multiplier(multiplier)
    counts = compute_count(o)
    parts = (counts.value, counts.lower_ci_95, counts.upper_ci_95, counts.lower_ci_998, counts.upper_ci_998)
    return Estimates(*(scale * a / e for a in parts))  # type: ignore[arg-type]


def compute_isr(
    count: ArrayLike,
    population: ArrayLike,
    reference_count: ArrayLike,
    reference_population: ArrayLike,
    multiplier: float = 100,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Indirectly standardised ratios [2, 3] from age-banded data, one per area.

    count: events, areas x age bands, 0 or more (missing counts are no events). population:
    person-years, areas x bands, 0 or more. reference_count, reference_population: the reference
    events (0 or more; missing: none) and person-years (positive) per band. multiplier: 1 or 100
    (default); positive. labels: optional area descriptions for messages.
    Raises DataError for mismatched bands, values that are not numbers or out of range, and an
    area with no expected events (every populated band's reference count 0, or no population).
    """
    check_multiplier(multiplier)
    x = _read_counts(count, population, reference_count, labels)
    expected = compute_expected(population, reference_count, reference_population, labels)
    return compute_isr_from_totals(x.sum(axis=1), expected, multiplier, _area_names(labels, x.shape[0]))


def compute_isr_rate(
    count: ArrayLike,
    population: ArrayLike,
    reference_count: ArrayLike,
    reference_population: ArrayLike,
    multiplier: float = 100_000,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Indirectly standardised rates [2, 3]: the ratio O/E times the reference population's crude rate.

    Parameters as `compute_isr`; multiplier: rate per this many (default 100,000), positive.
    """
    scale = check_multiplier(multiplier)
    x = _read_counts(count, population, reference_count, labels)
    n, ref_count, ref_pop = _read_reference(population, reference_count, reference_population, labels)
    ref_rate = ref_count.sum() / ref_pop.sum() * scale
    expected = (n * ref_count / ref_pop).sum(axis=1)  # 0 everywhere when the reference has no events: refused
    return compute_isr_from_totals(x.sum(axis=1), expected, ref_rate, _area_names(labels, x.shape[0]))


def _read_counts(count: ArrayLike, population: ArrayLike, reference_count: ArrayLike, labels: Sequence[str] | None) -> Floats:
    """The counts, areas x bands, checked (0 or more, missing: 0) against the bands of the other inputs."""
    check_band_shapes({"counts": count, "populations": population}, {"reference counts": reference_count})
    return np.nan_to_num(check_banded_numbers(count, "count", sign="non-negative", labels=labels), nan=0.0)


def _read_reference(
    population: ArrayLike, reference_count: ArrayLike, reference_population: ArrayLike, labels: Sequence[str] | None
) -> tuple[Floats, Floats, Floats]:
    """Populations (areas x bands, 0 or more, none missing), reference counts (0 or more, missing: 0) and
    reference populations (positive, none missing), checked."""
    check_band_shapes({"populations": population}, {"reference counts": reference_count, "reference populations": reference_population})
    n = check_banded_numbers(population, "population", sign="non-negative", missing=False, labels=labels)
    ref_count = np.nan_to_num(check_per_band_numbers(reference_count, "reference count", sign="non-negative"), nan=0.0)
    ref_pop = check_per_band_numbers(reference_population, "reference population", sign="positive", missing=False)
    return n, ref_count, ref_pop


def _area_names(labels: Sequence[str] | None, areas: int) -> list[str]:
    """How messages about a whole area name it: the caller's label or 'area N'."""
    return list(labels) if labels is not None else [f"area {a + 1}" for a in range(areas)]
