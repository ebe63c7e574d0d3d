"""Directly standardised rates with Dobson confidence limits.

References:
[1] Dobson AJ, Kuulasmaa K, Eberle E, Scherer J. Confidence intervals for weighted sums of
    Poisson parameters. Stat Med 1991; 10: 457-462.
[2] Eurostat. Revision of the European Standard Population: report of Eurostat's task force.
    Luxembourg: Publications Office of the European Union, 2013 (the ESP2013 weights in esp2013.csv).
[3] Public Health England. Technical Guide: Confidence intervals (2018), section on directly
    standardised rates: no value where the total count is under 10.
[4] Office for Health Improvement and Disparities. Fingertips technical guidance: DSRs for
    non-independent events, where the variance uses the frequency of events per person.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from generators.errors import DataError, Place
from generators.stats._bands import pivot_bands
from generators.stats._common import (
    Estimates,
    Floats,
    as_floats,
    check_band_shapes,
    check_banded_numbers,
    check_multiplier,
    check_per_band_numbers,
)
from generators.stats.rates import compute_poisson_limits

MIN_TOTAL_COUNT = 10
"""A DSR needs at least this many events in total [3]."""

SMALL_TOTAL_NOTE = "dsr NA for total count < 10"

ESP2013_FILE = Path(__file__).with_name("esp2013.csv")


def load_esp2013() -> pd.Series:
    """The European Standard Population 2013 [2]: weights indexed by age band, 0-4 ... 90+ (19 bands)."""
    table = pd.read_csv(ESP2013_FILE, dtype={"age_band": str})
    return table.set_index("age_band")["population"].astype(float)


def compute_dobson_limits(
    dsr: Floats, variance: Floats, total: Floats, level: float
) -> tuple[Floats, Floats]:
    """Dobson limits [1]: DSR + sqrt(var(DSR) / O) x (O_limit - O), O_limit the Poisson limits of O.

    dsr: the standardised rates. variance: their variances. total: the total counts O.
    level: confidence level in percent.
    """
    lower, upper = compute_poisson_limits(total, level)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.sqrt(variance / total)
    return dsr + scale * (lower - total), dsr + scale * (upper - total)


def compute_dsr(
    count: ArrayLike,
    population: ArrayLike,
    standard: ArrayLike,
    multiplier: float = 100_000,
    squared_events: ArrayLike | None = None,
    labels: Sequence[str] | None = None,
) -> Estimates:
    """Directly standardised rates with Dobson limits [1, 3] at 95% and 99.8%, one per area.

    count: events, areas x age bands; missing counts are no events (as R's `calculate_dsr`), but
    a cell that is not a number ("abc", "<5") is refused, never taken as 0. population: person-years,
    areas x bands, each a positive number. standard: standard population weights per band, numbers
    of 0 or more, e.g. `load_esp2013()`. multiplier: rate per this many (default 100,000), positive.
    squared_events: for non-independent events [4], the sum over persons of (events per person)
    squared, areas x bands, 0 or more (missing: none); None for independent events (then it
    equals the count).
    labels: optional area descriptions for error messages.
    Rates whose total count is under 10 are NaN, with `SMALL_TOTAL_NOTE` as value note.
    Raises DataError for mismatched age bands, a multiplier of 0 or less, and counts, populations,
    weights or squared events that are not numbers or out of range (one error naming every bad cell).
    """
    scale = check_multiplier(multiplier)
    x, n, w = _read_dsr_inputs(count, population, standard, labels)
    if squared_events is None:
        squares = x
    else:
        check_band_shapes({"counts": count, "squared events": squared_events}, {})
        squares = np.nan_to_num(np.atleast_2d(check_banded_numbers(squared_events, "squared_events", sign="non-negative", noun="sum of squared events per person", labels=labels)))
    weights = w / w.sum()
    dsr = (weights * x / n).sum(axis=1) * scale
    variance = (weights**2 * squares / n**2).sum(axis=1) * scale**2
    total = x.sum(axis=1)
    limits = [compute_dobson_limits(dsr, variance, total, level) for level in (95, 99.8)]
    small = total < MIN_TOTAL_COUNT
    parts = [np.where(small, np.nan, a) for a in (dsr, *limits[0], *limits[1])]
    return Estimates(*parts, value_note=np.where(small, SMALL_TOTAL_NOTE, ""))  # type: ignore[misc]


def _read_dsr_inputs(
    count: ArrayLike, population: ArrayLike, standard: ArrayLike, labels: Sequence[str] | None = None
) -> tuple[Floats, Floats, Floats]:
    """Checked float arrays (areas x bands, areas x bands, bands) for a DSR, as R's `calculate_dsr` checks them.

    count: numbers of 0 or more; missing is no events (0). population: positive numbers, none
    missing. standard: numbers of 0 or more, none missing. labels: optional area descriptions.
    Raises DataError for mismatched shapes, for cells that are not numbers or out of range, and
    for a standard that is 0 in every band.
    """
    check_band_shapes({"counts": count, "populations": population}, {"standard": standard})
    x = check_banded_numbers(count, "count", sign="non-negative", labels=labels)
    n = check_banded_numbers(population, "population", sign="positive", missing=False, labels=labels)
    w = check_per_band_numbers(standard, "standard population", sign="non-negative", missing=False)
    if w.sum() <= 0:  # R would divide by 0 and return NaN
        raise DataError("zero-standard-population", "expected a standard population with some weight in at least one age band, found 0 in every band", Place(column="standard population"))
    return np.nan_to_num(x, nan=0.0), n, w


def compute_dsr_by_area(
    frame: pd.DataFrame,
    standard: pd.Series | None = None,
    multiplier: float = 100_000,
    *,
    area: str = "area_code",
    age_band: str = "age_band",
    count: str = "count",
    population: str = "denominator",
) -> pd.DataFrame:
    """DSRs [1] from long rows, one per area and age band, against a labelled standard.

    frame: the rows. standard: weights indexed by age band (default ESP2013 [2]).
    multiplier: rate per this many. area, age_band, count, population: column names in `frame`.
    Returns one row per area: total_count, total_population and the `Estimates` columns.
    Raises DataError naming the area when its age bands differ from the standard's.
    """
    weights = load_esp2013() if standard is None else standard
    areas, (x, n) = pivot_bands(frame, area, age_band, [count, population], list(weights.index))
    estimates = compute_dsr(x, n, weights.to_numpy(), multiplier, labels=[f"area {a}" for a in areas])
    # after compute_dsr has checked them: the cells are numbers or missing (a missing count is none)
    totals = pd.DataFrame({"total_count": np.nansum(as_floats(x), axis=1), "total_population": as_floats(n).sum(axis=1)})
    return pd.concat([totals, estimates.as_frame()], axis=1).set_axis(pd.Index(areas, name=area))
