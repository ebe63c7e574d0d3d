"""Life expectancy from an abridged life table (Chiang II) with the Silcocks final-band variance.

References:
[1] Chiang CL. The Life Table and its Applications. Malabar (FL): Krieger, 1984 (method II:
    q = n M / (1 + n (1 - a) M); variance of q = q^2 (1 - q) / D).
[2] Silcocks PBS, Jenner DA, Reza R. Life expectancy as a summary of mortality in a population:
    statistical considerations and suitability for use by health authorities. J Epidemiol
    Community Health 2001; 55: 38-43 (variance for the open final age band).
[3] Public Health England. Life expectancy calculator and Technical Guide (2018): fraction of
    the first year lived by infants who die 0.1, else 0.5; no value under 5,000 person-years;
    values suppressed where the 95% interval is wider than 20 years.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from generators.errors import DataError
from generators.stats._common import Estimates, Floats, as_floats, check_rows, z_value

MIN_PERSON_YEARS = 5_000
"""No life expectancy from a start age whose population (that age and over) is smaller [3]."""
MAX_INTERVAL_WIDTH = 20.0
"""Life expectancies whose 95% interval is wider than this many years are suppressed [3]."""
RADIX = 100_000.0


def compute_fraction_lived(start_ages: Floats) -> Floats:
    """Fraction of an age band lived by those who die in it [3]: 0.1 for infants under 1, else 0.5."""
    return np.where((start_ages == 0) & (np.diff(start_ages, append=np.inf) == 1), 0.1, 0.5)


def compute_death_probability(rate: Floats, width: Floats, fraction: Floats) -> Floats:
    """Chiang's [1] probability of dying in each band, q = n M / (1 + n (1 - a) M); 1 in the open band."""
    with np.errstate(invalid="ignore"):
        q = width * rate / (1 + width * (1 - fraction) * rate)
    return np.where(np.isinf(width), 1.0, q)


def compute_survivors(q: Floats) -> Floats:
    """Survivors l at the start of each band out of `RADIX` births, given the probabilities of dying q."""
    return RADIX * np.concatenate([[1.0], np.cumprod(1 - q[:-1])])


def compute_person_years(alive: Floats, q: Floats, rate: Floats, width: Floats, fraction: Floats) -> Floats:
    """Person-years L lived in each band: n (l_next + a d), and l / M in the open final band."""
    dying = alive * q
    following = np.append(alive[1:], 0.0)
    with np.errstate(divide="ignore"):
        return np.where(np.isinf(width), alive / rate, width * (following + fraction * dying))


def compute_variance(
    alive: Floats, q: Floats, deaths: Floats, population: Floats, expectancy: Floats, width: Floats, fraction: Floats
) -> Floats:
    """Variance of life expectancy at each start age: Chiang II [1] and Silcocks' final band [2].

    Each closed band adds l^2 ((1 - a) n + e_next)^2 q^2 (1 - q) / D (nothing where D = 0); the
    open band adds l^2 var(M) / M^4 with var(M) = D / P^2 (Silcocks); the terms are summed from
    each start age upwards and divided by l^2 at that age. alive: l. q: probabilities of dying.
    deaths: D. population: P. expectancy: e. width: n (inf for the open band). fraction: a.
    """
    final = np.isinf(width)
    following = np.append(expectancy[1:], 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        closed = alive**2 * ((1 - fraction) * width + following) ** 2 * np.where(deaths > 0, q**2 * (1 - q) / deaths, 0.0)
        rate = deaths / population
        open_band = alive**2 / rate**4 * deaths / population**2
    terms = np.where(final, open_band, closed)
    return np.cumsum(terms[::-1])[::-1] / alive**2


def compute_life_expectancy(
    start_ages: ArrayLike, population: ArrayLike, deaths: ArrayLike, labels: Sequence[str] | None = None
) -> Estimates:
    """Life expectancy at every start age of one abridged life table [1, 2, 3], with 95% and 99.8% limits.

    start_ages: the first age of each band, increasing (e.g. 0, 1, 5, 10, ..., 90); the last band is open.
    population: person-years per band, > 0. deaths: deaths per band, >= 0.
    labels: optional band descriptions for error messages.
    Limits use the exact normal quantiles (1.959964 rather than PHE's rounded 1.96, a difference
    of about 0.00001 years). Values are NaN where the population from that start age up is under 5,000, or the 95%
    interval is wider than 20 years (with a value note saying which).
    Raises DataError for unordered ages, negative deaths, non-positive populations, or no deaths in the final band.
    """
    ages, pop, dead = as_floats(start_ages), as_floats(population), as_floats(deaths)
    _check_table(ages, pop, dead, labels)
    width = np.append(np.diff(ages), np.inf)
    fraction = compute_fraction_lived(ages)
    rate = dead / pop
    q = compute_death_probability(rate, width, fraction)
    alive = compute_survivors(q)
    expectancy = np.cumsum(compute_person_years(alive, q, rate, width, fraction)[::-1])[::-1] / alive
    se = np.sqrt(compute_variance(alive, q, dead, pop, expectancy, width, fraction))
    limits = [(expectancy - z * se, expectancy + z * se) for z in (z_value(95), z_value(99.8))]
    return _withhold(expectancy, limits, np.cumsum(pop[::-1])[::-1])


def _withhold(expectancy: Floats, limits: list[tuple[Floats, Floats]], person_years: Floats) -> Estimates:
    """Apply the 5,000 person-years and 20-year interval rules [3]."""
    (lo95, up95), (lo998, up998) = limits
    small = person_years < MIN_PERSON_YEARS
    wide = (up95 - lo95) > MAX_INTERVAL_WIDTH
    note = np.where(small, "person-years under 5,000", np.where(wide, "95% interval wider than 20 years", ""))
    parts = [np.where(small | wide, np.nan, a) for a in (expectancy, lo95, up95, lo998, up998)]
    return Estimates(*parts, value_note=note)  # type: ignore[misc]


def _check_table(ages: Floats, pop: Floats, dead: Floats, labels: Sequence[str] | None) -> None:
    """Reject life tables the method cannot use."""
    if ages.size < 2 or not (np.diff(ages) > 0).all():
        raise DataError("unordered-age-bands", f"expected increasing start ages, found {ages.tolist()}")
    check_rows(~(dead >= 0), "negative-deaths", "a number of deaths of 0 or more", dead, "deaths", labels)
    check_rows(~(pop > 0), "non-positive-population", "a positive population", pop, "population", labels)
    if not dead[-1] > 0:
        raise DataError("no-deaths-in-final-band", "expected deaths in the open final age band, found none")
