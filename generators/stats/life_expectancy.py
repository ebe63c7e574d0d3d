"""Life expectancy from an abridged life table (Chiang II) with the Silcocks final-band variance.

The rules follow PHE's life expectancy calculator as PHEindicatormethods' `phe_life_expectancy`
applies them [3, 4]: the 20 bands 0, 1-4, 5-9, ..., 85-89 and 90+; no value for any age when the
whole table has 5,000 person-years or fewer; the value (not its limits) withheld where the 95%
interval is wider than 20 years.

References:
[1] Chiang CL. The Life Table and its Applications. Malabar (FL): Krieger, 1984 (method II:
    q = n M / (1 + n (1 - a) M); variance of q = q^2 (1 - q) / D).
[2] Silcocks PBS, Jenner DA, Reza R. Life expectancy as a summary of mortality in a population:
    statistical considerations and suitability for use by health authorities. J Epidemiol
    Community Health 2001; 55: 38-43 (variance for the open final age band).
[3] Public Health England. Life expectancy calculator and Technical Guide (2018): fraction of
    the first year lived by infants who die 0.1, else 0.5; no value under 5,000 person-years;
    values suppressed where the 95% interval is wider than 20 years.
[4] PHEindicatormethods (R package) 2.1.0, `phe_life_expectancy` and its tests: the band
    structure, the whole-table person-years rule (5,000 or fewer: no value) and the
    suppression of the value alone when the interval is too wide.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from generators.errors import DataError, Place, raise_all
from generators.stats._common import Estimates, Floats, as_floats, z_value

STANDARD_START_AGES = (0, 1, *range(5, 95, 5))
"""The start ages of the 20 bands a life table must have [3, 4]: 0, 1-4, 5-9, ..., 85-89 and 90+ (open)."""
MIN_PERSON_YEARS = 5_000
"""No life expectancy at any age from a table whose total population is this many person-years or fewer [3, 4]."""
MAX_INTERVAL_WIDTH = 20.0
"""A life expectancy whose 95% interval is wider than this many years is withheld; its limits are kept [3, 4]."""
RADIX = 100_000.0

SMALL_TABLE_NOTE = "total person-years 5,000 or fewer"
WIDE_INTERVAL_NOTE = "95% interval wider than 20 years"
NO_SURVIVORS_NOTE = "no survivors to this age in the life table"

_UNDER = re.compile(r"^\s*(<|under\b|less than\b)", re.IGNORECASE)
_FIRST_NUMBER = re.compile(r"\d+")
_EXPECTED_BANDS = "the 20 age bands 0, 1-4, 5-9, 10-14, ..., 85-89 and 90+"


def band_name(start_age: int) -> str:
    """How messages name the band starting at `start_age`: '0', '1-4', '10-14', '90+'."""
    if start_age == STANDARD_START_AGES[-1]:
        return f"{start_age}+"
    if start_age in STANDARD_START_AGES:
        following = STANDARD_START_AGES[STANDARD_START_AGES.index(start_age) + 1]
        return "0" if start_age == 0 else f"{start_age}-{following - 1}"
    return f"starting at {start_age}"


def parse_start_age(label: object) -> int | None:
    """The start age of an age band given as a number (10) or text ('10 – 14', '10-14', '90 +', '<1'); None if unreadable.

    Text is read as R's `phe_life_expectancy` reads it, by its first whole number ('1-4 yrs' -> 1),
    except that a band written as under an age ('<1', 'Under 1') starts at 0.
    """
    if isinstance(label, str):
        if _UNDER.match(label):
            return 0
        found = _FIRST_NUMBER.search(label)
        return int(found.group()) if found else None
    if isinstance(label, numbers.Real) and not isinstance(label, bool) and np.isfinite(float(label)):
        value = float(label)
        return int(value) if value.is_integer() else None
    return None


def compute_fraction_lived(start_ages: Floats) -> Floats:
    """Fraction of an age band lived by those who die in it [3]: 0.1 in the first year of life, else 0.5."""
    return np.where(start_ages == 0, 0.1, 0.5)


def compute_death_probability(rate: Floats, width: Floats, fraction: Floats) -> Floats:
    """Chiang's [1] probability of dying in each band, q = n M / (1 + n (1 - a) M), at most 1; 1 in the open band.

    The formula exceeds 1 where n a M > 1 (a high death rate in a wide band); q is then 1, as in [4].
    rate: M per band. width: n (inf for the open final band). fraction: a.
    """
    with np.errstate(invalid="ignore", over="ignore"):
        q = width * rate / (1 + width * (1 - fraction) * rate)
        q = np.where(width * fraction * rate <= 1, q, 1.0)
    return np.where(np.isinf(width), 1.0, q)


def compute_survivors(q: Floats) -> Floats:
    """Survivors l at the start of each band out of `RADIX` births, given the probabilities of dying q."""
    return RADIX * np.concatenate([[1.0], np.cumprod(1 - q[:-1])])


def compute_person_years(alive: Floats, q: Floats, rate: Floats, width: Floats, fraction: Floats) -> Floats:
    """Person-years L lived in each band: n (l_next + a d), and l / M in the open final band."""
    dying = alive * q
    following = np.append(alive[1:], 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isinf(width), alive / rate, width * (following + fraction * dying))


def compute_expectancy(alive: Floats, person_years: Floats) -> Floats:
    """Life expectancy e = T / l at the start of each band, T the person-years from there on; 0 where no one is left (as [4])."""
    remaining = np.cumsum(person_years[::-1])[::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(alive > 0, remaining / alive, 0.0)


def compute_variance(alive: Floats, q: Floats, deaths: Floats, population: Floats, expectancy: Floats, width: Floats, fraction: Floats) -> Floats:
    """Variance of life expectancy at each start age: Chiang II [1] and Silcocks' final band [2].

    Each closed band adds l^2 ((1 - a) n + e_next)^2 q^2 (1 - q) / D (nothing where no one dies
    in it); the open band adds l^2 var(M) / M^4 with var(M) = D / P^2 (Silcocks); the terms are
    summed from each start age upwards and divided by l^2 at that age (NaN where l = 0).
    alive: l. q: probabilities of dying. deaths: D. population: P. expectancy: e (0 where l = 0).
    width: n (inf for the open band). fraction: a.
    """
    final = np.isinf(width)
    following = np.append(expectancy[1:], 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        closed = alive**2 * ((1 - fraction) * width + following) ** 2 * np.where(alive * q > 0, q**2 * (1 - q) / deaths, 0.0)
        rate = deaths / population
        open_band = alive**2 / rate**4 * deaths / population**2
        terms = np.where(final, open_band, closed)
        return np.cumsum(terms[::-1])[::-1] / alive**2


def compute_life_expectancy(start_ages: ArrayLike, population: ArrayLike, deaths: ArrayLike, labels: Sequence[str] | None = None) -> Estimates:
    """Life expectancy at the start of every band of one abridged life table [1-4], with 95% and 99.8% limits.

    start_ages: each band's start age or label, in any order: numbers (0, 1, 5, ..., 90) or text
    ('0', '1-4', '10 – 14', '10-14', '90+', '90 +'); the table must have exactly the 20 bands
    0, 1-4, 5-9, ..., 85-89 and 90+, the last open. population: person-years per band, > 0.
    deaths: deaths per band, 0 to the band's population, at least 1 in 90+.
    labels: optional row descriptions for error messages (default: the age band).
    Returns one estimate per input row, in the input's order. Limits use the exact normal
    quantiles (1.959964 rather than PHE's rounded 1.96, a difference of about 0.00001 years).
    Withheld, with a value note: every value and limit when the table's total population is
    5,000 person-years or fewer (`SMALL_TABLE_NOTE`); the value alone, limits kept, where the 95%
    interval is wider than 20 years (`WIDE_INTERVAL_NOTE`); value and limits at ages no one in the
    table survives to, after a band where everyone dies (`NO_SURVIVORS_NOTE`).
    Raises DataError for unreadable, duplicate, missing or unexpected age bands, missing or negative
    deaths, missing or non-positive populations, deaths above a band's population, and no deaths
    in 90+; ValueError when the three inputs differ in length.
    """
    texts = list(np.ravel(np.asarray(start_ages, dtype=object)))
    pop, dead = np.ravel(as_floats(population)), np.ravel(as_floats(deaths))
    if not len(texts) == pop.size == dead.size or (labels is not None and len(labels) != len(texts)):
        sizes = f"{len(texts)} start ages, {pop.size} populations, {dead.size} deaths" + (f", {len(labels)} labels" if labels is not None else "")
        raise ValueError(f"start_ages, population and deaths: expected one value per age band in each, found {sizes}")
    ages = _check_table(texts, pop, dead, labels)
    order = np.argsort(ages, kind="stable")
    sorted_estimates = _life_table(ages[order].astype(float), pop[order], dead[order])
    return _in_input_order(sorted_estimates, order)


def _life_table(ages: Floats, pop: Floats, dead: Floats) -> Estimates:
    """The life table and withholding rules for bands sorted by start age."""
    size = ages.size
    if pop.sum() <= MIN_PERSON_YEARS:
        empty = np.full(size, np.nan)
        return Estimates(empty, empty, empty, empty, empty, value_note=np.full(size, SMALL_TABLE_NOTE))
    width = np.append(np.diff(ages), np.inf)
    fraction = compute_fraction_lived(ages)
    rate = dead / pop
    q = compute_death_probability(rate, width, fraction)
    alive = compute_survivors(q)
    expectancy = compute_expectancy(alive, compute_person_years(alive, q, rate, width, fraction))
    se = np.sqrt(compute_variance(alive, q, dead, pop, expectancy, width, fraction))
    (lo95, up95), (lo998, up998) = [(expectancy - z * se, expectancy + z * se) for z in (z_value(95), z_value(99.8))]
    with np.errstate(invalid="ignore"):
        wide = z_value(95) * se > MAX_INTERVAL_WIDTH / 2
    gone = ~(alive > 0)
    note = np.where(gone, NO_SURVIVORS_NOTE, np.where(wide, WIDE_INTERVAL_NOTE, ""))
    value = np.where(gone | wide, np.nan, expectancy)
    limits = [np.where(gone, np.nan, limit) for limit in (lo95, up95, lo998, up998)]
    return Estimates(value, *limits, value_note=note)  # type: ignore[misc]


def _in_input_order(estimates: Estimates, order: np.ndarray) -> Estimates:
    """Estimates computed in start-age order put back in the order of the input rows."""
    parts = []
    for sorted_part in (estimates.value, estimates.lower_ci_95, estimates.upper_ci_95, estimates.lower_ci_998, estimates.upper_ci_998, estimates.value_note):
        assert sorted_part is not None
        part = np.empty_like(sorted_part)
        part[order] = sorted_part
        parts.append(part)
    return Estimates(*parts)  # type: ignore[arg-type]


def _check_table(texts: list[object], pop: Floats, dead: Floats, labels: Sequence[str] | None) -> np.ndarray:
    """Every problem with a life table, raised together; otherwise each row's start age."""
    parsed = [parse_start_age(text) for text in texts]
    errors: list[DataError] = []

    def row(i: int) -> str:
        if labels is not None:
            return labels[i]
        start = parsed[i]
        return f"age band {band_name(start) if start is not None and not isinstance(texts[i], str) else texts[i]}"

    def add(code: str, column: str, i: int, expected: str, found: str) -> None:
        errors.append(DataError(code, f"{row(i)}: expected {expected}, found {found}", Place(column=column)))

    for i, start in enumerate(parsed):
        if start is None:
            add("unreadable-age-band", "start_ages", i, "an age band such as 0, 1-4, 10 – 14 or 90+", repr(texts[i]))
        elif start not in STANDARD_START_AGES:
            add("unexpected-age-band", "start_ages", i, f"one of {_EXPECTED_BANDS}", f"a band starting at {start}")
    for name, values, code, expected in (
        ("deaths", dead, "negative-deaths", "deaths of 0 or more"),
        ("population", pop, "non-positive-population", "a positive population"),
    ):
        for i in np.flatnonzero(np.isnan(values)).tolist():
            add(f"missing-{name}", name, i, expected, "no number")
        for i in np.flatnonzero(~np.isnan(values) & ~((values >= 0) if name == "deaths" else (values > 0))).tolist():
            add(code, name, i, expected, f"{values[i]:g}")
    for i in np.flatnonzero((dead > pop) & (pop > 0)).tolist():
        add("deaths-above-population", "deaths", i, f"deaths no more than the band's population ({pop[i]:g})", f"{dead[i]:g}")

    starts = [start for start in parsed if start is not None]
    for start in sorted({s for s in starts if starts.count(s) > 1}):
        rows = [i for i, s in enumerate(parsed) if s == start]
        found = ", ".join(f"{row(i)} (row {i + 1})" for i in rows)
        errors.append(
            DataError("duplicate-age-band", f"expected one row for the age band {band_name(start)}, found {len(rows)}: {found}", Place(column="start_ages"))
        )
    missing = [band_name(start) for start in STANDARD_START_AGES if start not in starts]
    if missing:
        errors.append(DataError("missing-age-band", f"expected {_EXPECTED_BANDS}, found none for {', '.join(missing)}", Place(column="start_ages")))
    final = [i for i, s in enumerate(parsed) if s == STANDARD_START_AGES[-1]]
    if len(final) == 1 and dead[final[0]] == 0:
        add("no-deaths-in-final-band", "deaths", final[0], "at least one death in the open final band (90+)", "0")
    raise_all(errors)
    return np.array(parsed, dtype=int)
