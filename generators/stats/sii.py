"""The slope index of inequality (SII) and relative index of inequality (RII) of one area.

Method (Low and Low [1], as PHEindicatormethods' `phe_sii` applies it [2]):

* The quantiles (e.g. deprivation deciles, 1 = most deprived) are put in order and each is
  given its share of the area's population, a, and its relative rank, b: the midpoint of its
  range in the cumulative population distribution (a quantile holding the first 12% has
  b = 0.06; the next, holding 10%, b = 0.12 + 0.05 = 0.17).
* A line is fitted by least squares to sqrt(a) y = c sqrt(a) + s b sqrt(a), with no other
  intercept: a regression of the values y on b weighted by a, which allows for the quantiles'
  different sizes. The SII is the slope s (the fitted value at b = 1 less the fitted value at
  b = 0), times the multiplier; the RII is the fitted value at b = 1 over the fitted value at
  b = 0, (c + s) / c. A negative multiplier reverses the polarity: the SII changes sign and the
  RII is inverted.
* Confidence limits are simulated: each quantile's value is drawn `repetitions` times from a
  normal distribution with the value as mean and its standard error as spread, the line is
  refitted to every draw, and the limits are the matching ranked SIIs and RIIs (the 2,500th
  and 97,500th of 100,000 for 95%). Rates (value type 1) and proportions (value type 2) are
  drawn on the log and logit scales, where their limits are closer to symmetric, and turned
  back into rates and proportions before the fit.
* Standard errors come from the values' 95% limits, (upper - lower) / (2 x 1.96), on the log
  scale for rates and the logit scale for proportions; or they are given directly, on the same
  scales.
* With `transform`, the line is fitted to the log rates or logit proportions themselves and the
  results turned back into the indicator's units: the SII is the difference between the
  back-transformed fitted values at b = 1 and b = 0 and the RII their ratio; the limits come
  from the simulated slopes' limits, applied about the fitted value at b = 0.5.

Where `phe_sii` treats a multiplier between 0 and 1 as negative (transformed rates' limits),
a negative multiplier is what reverses the polarity here, for every value type.

The random draws come from numpy's default generator with a fixed seed, so the same inputs
always give the same limits; they match R's simulated limits to well within 1% at 100,000
repetitions (R's own tests allow 5% at 10,000).

References:
[1] Low A, Low A. Measuring the gap: quantifying and comparing local health inequalities.
    Journal of Public Health 2004; 26: 388-395.
[2] PHEindicatormethods (R package, UKHSA), function phe_sii: its documented options and
    checks. This module is written from the method, not translated from that code.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from generators.errors import DataError
from generators.stats._common import Floats, as_floats

VALUE_TYPES = {0: "normal", 1: "rate", 2: "proportion"}
"""The value types `phe_sii` documents: 0 other (e.g. life expectancy), 1 rate, 2 proportion."""
MIN_QUANTILES, MAX_QUANTILES = 5, 100
"""The method needs 5 to 100 quantiles."""
MANY_QUANTILES = 10
"""Above this many quantiles a warning says that small quantiles can make the SII unstable."""
MIN_REPETITIONS = 1000
"""Fewest simulated samples allowed for the confidence limits."""
RELIABILITY_ROUNDS = 10
"""With `reliability`, the simulation runs this many times."""
DEFAULT_SEED = 2004
"""The seed of the simulation unless another is given (the year of Low and Low's paper)."""
_Z95 = 1.959963984540054
"""The standard normal quantile at 97.5%: input limits are read as 95% limits."""
_CHUNK = 2_000_000
"""Draws simulated at a time (about 16 MB of floats), whatever the repetitions and quantiles."""


class SIIInputError(DataError, ValueError):
    """Inputs the SII cannot be calculated from; a `ValueError` and a `DataError` (with a code)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"sii-{code}", message)


@dataclass(frozen=True)
class SIIResult:
    """The SII (and, unless turned off, the RII) of one area with their simulated limits.

    sii, sii_lower, sii_upper: in the indicator's units times the multiplier.
    rii, rii_lower, rii_upper: ratios; None when `rii=False`.
    intercept: the fitted value at relative rank 0 (the most deprived end), in the indicator's
        units times the size of the multiplier; None unless `intercept=True`. (`phe_sii` scales
        it so only with `transform`; without, it leaves it unscaled, in other units than its SII.)
    sii_mad, rii_mad: with `reliability=True`, the mean absolute difference between the first
        simulation's limits and those of nine more (a measure of the simulation's variability);
        None otherwise.
    """

    sii: float
    sii_lower: float
    sii_upper: float
    rii: float | None
    rii_lower: float | None
    rii_upper: float | None
    quantiles: int
    confidence: float
    """The confidence level of the limits, as a fraction (0.95)."""
    repetitions: int
    intercept: float | None = None
    sii_mad: float | None = None
    rii_mad: float | None = None


def compute_sii(
    quantile: ArrayLike,
    population: ArrayLike,
    value: ArrayLike | None = None,
    *,
    value_type: int,
    lower: ArrayLike | None = None,
    upper: ArrayLike | None = None,
    se: ArrayLike | None = None,
    count: ArrayLike | None = None,
    transform: bool = False,
    multiplier: float = 1,
    repetitions: int = 100_000,
    confidence: float = 0.95,
    rii: bool = True,
    intercept: bool = False,
    reliability: bool = False,
    seed: int = DEFAULT_SEED,
) -> SIIResult:
    """The slope and relative indices of inequality of one area, one element per quantile.

    quantile: the quantile numbers, 5 to 100 of them, each once (1 = most deprived; rows may
        come in any order and are sorted by this number). More than 10 gives a warning.
    population: each quantile's population (denominator), > 0.
    value: each quantile's value (a proportion as a fraction 0..1, not a percentage). For
        proportions it may be left out and `count` given instead (value = count / population).
    value_type: 0 normal (e.g. life expectancy), 1 rate, 2 proportion.
    lower, upper: each value's 95% confidence limits (95% whatever `confidence` is); or instead
    se: each value's standard error, >= 0: on the log scale for rates and the logit scale for
        proportions (as `phe_sii` reads it), unless value_type is 0. Not with `transform`. When
        both are given the standard errors are used and the limits ignored, as in `phe_sii`.
    count: for proportions without `value`: each quantile's numerator, > 0.
    transform: fit the line to log rates or logit proportions (value type 1 or 2 only; needs
        `lower` and `upper`).
    multiplier: scales the SII and its limits (100 for proportions as percentages); a negative
        multiplier also inverts the RII, for indicators where lower is worse.
    repetitions: simulated samples for the limits, >= 1000.
    confidence: level of the limits, 0.9 up to (not including) 1, or 90 up to 100 as a percentage.
    rii, intercept: also return the RII (default) and the intercept (not by default).
    reliability: run the simulation 10 times and return how much the limits vary between runs.
    seed: the random generator's seed; the same seed gives the same limits.

    Raises `SIIInputError` (a ValueError) naming what was expected and what was found.
    """
    value_type = _check_options(value_type, transform, multiplier, repetitions, se is not None, lower is not None, upper is not None)
    level = _check_confidence(confidence)
    order, rows = _read_rows(quantile, population, value, count, lower, upper, se, value_type)
    ordered = {name: column[order] for name, column in rows.items()}
    n = len(order)

    pop = ordered["population"]
    share = pop / pop.sum()
    cumulative = np.cumsum(share)
    rank = cumulative - share / 2
    root = np.sqrt(share)
    design = np.column_stack([root, rank * root])  # quantiles x (intercept, slope)
    projection = np.linalg.solve(design.T @ design, design.T)  # (X'X)^-1 X': 2 x quantiles

    forward, back = _SCALES[value_type]
    mean = forward(ordered["value"])
    spread = ordered["se"] if "se" in ordered else (forward(ordered["upper"]) - forward(ordered["lower"])) / (2 * _Z95)
    fitted_scale = forward if transform else _identity
    point = projection @ (root * fitted_scale(ordered["value"]))
    rounds = RELIABILITY_ROUNDS if reliability else 1
    limits = _simulate(mean, spread, back, transform, multiplier, projection, root, repetitions, rounds, level, seed)

    ends = _transformed(point, limits, back, multiplier, rii, intercept) if transform else _untransformed(point, limits, multiplier, rii, intercept)
    sii_value, sii_limits, rii_value, rii_limits, intercept_value = ends
    sii_mad = _mean_absolute_difference(sii_limits) if reliability else None
    rii_mad = _mean_absolute_difference(rii_limits) if reliability and rii_limits is not None else None
    return SIIResult(
        sii=sii_value,
        sii_lower=float(sii_limits[0, 0]),
        sii_upper=float(sii_limits[0, 1]),
        rii=rii_value,
        rii_lower=None if rii_limits is None else float(rii_limits[0, 0]),
        rii_upper=None if rii_limits is None else float(rii_limits[0, 1]),
        quantiles=n,
        confidence=level,
        repetitions=repetitions,
        intercept=intercept_value,
        sii_mad=sii_mad,
        rii_mad=rii_mad,
    )


# --- the options and the rows ----------------------------------------------------------------


def _check_options(value_type: object, transform: bool, multiplier: object, repetitions: object, has_se: bool, has_lower: bool, has_upper: bool) -> int:
    """The value type as an int, once the options are consistent; SIIInputError otherwise."""
    if isinstance(value_type, bool) or not isinstance(value_type, int | float | np.integer | np.floating) or value_type not in VALUE_TYPES:
        raise SIIInputError("value-type", f"expected value_type 0 (normal), 1 (rate) or 2 (proportion), found {value_type!r}")
    if isinstance(multiplier, bool) or not isinstance(multiplier, int | float | np.integer | np.floating) or not math.isfinite(multiplier):
        raise SIIInputError("multiplier", f"expected a number for the multiplier, found {multiplier!r}")
    if isinstance(repetitions, bool) or not isinstance(repetitions, int | np.integer):
        raise SIIInputError("repetitions", f"expected a whole number of repetitions, found {repetitions!r}")
    if repetitions < MIN_REPETITIONS:
        raise SIIInputError("repetitions", f"expected at least {MIN_REPETITIONS:,} repetitions (the default is 100,000), found {repetitions:,}")
    if has_lower != has_upper:
        given, absent = ("lower", "upper") if has_lower else ("upper", "lower")
        raise SIIInputError("limits", f"expected both lower and upper confidence limits, found {given} limits but no {absent} limits")
    if not has_se and not has_lower:
        raise SIIInputError("limits", "expected either lower and upper confidence limits or standard errors, found neither")
    if transform:
        if value_type == 0:
            raise SIIInputError("transform", "expected value_type 1 (rate) or 2 (proportion) with transform, found value_type 0 (normal)")
        if has_se:
            raise SIIInputError("transform", "expected lower and upper confidence limits, not standard errors, with transform, found standard errors")
    return int(value_type)


def _check_confidence(confidence: object) -> float:
    """The confidence level as a fraction: 0.9 <= level < 1, or 90 <= level < 100 as a percentage."""
    if isinstance(confidence, bool) or not isinstance(confidence, int | float | np.integer | np.floating) or not math.isfinite(confidence):
        raise SIIInputError("confidence", f"expected a confidence level between 0.9 and 1 or between 90 and 100, found {confidence!r}")
    level = float(confidence) / 100 if confidence >= 90 else float(confidence)
    if not 0.9 <= level < 1:
        raise SIIInputError("confidence", f"expected a confidence level from 0.9 up to 1 or from 90 up to 100 (a percentage), found {confidence:g}")
    return level


def _read_rows(
    quantile: ArrayLike,
    population: ArrayLike,
    value: ArrayLike | None,
    count: ArrayLike | None,
    lower: ArrayLike | None,
    upper: ArrayLike | None,
    se: ArrayLike | None,
    value_type: int,
) -> tuple[NDArray[np.intp], dict[str, Floats]]:
    """The rows as float columns with the order of their quantiles, once every check passes."""
    given = {"quantile": quantile, "population": population, "value": value, "count": count, "lower": lower, "upper": upper, "se": se}
    columns = {name: np.ravel(as_floats(column)) for name, column in given.items() if column is not None}
    lengths = {name: column.size for name, column in columns.items()}
    if len(set(lengths.values())) > 1:
        found = ", ".join(f"{size} {name}" for name, size in lengths.items())
        raise SIIInputError("lengths", f"expected one element per quantile in every input, found {found}")
    labels = columns["quantile"]
    if np.isnan(labels).any():
        raise SIIInputError("quantile", f"expected a quantile number on every row, found {int(np.isnan(labels).sum())} without one")
    distinct = np.unique(labels)
    if distinct.size < labels.size:
        repeated = [q for q in distinct if (labels == q).sum() > 1]
        raise SIIInputError("quantile", f"expected each quantile once, found {_names(repeated)} more than once")
    if not MIN_QUANTILES <= labels.size <= MAX_QUANTILES:
        raise SIIInputError("quantiles", f"expected between {MIN_QUANTILES} and {MAX_QUANTILES} quantiles, found {labels.size}")

    def check(bad: NDArray[np.bool_], code: str, expected: str, column: str) -> None:
        if bad.any():
            found = ", ".join(f"{_describe(columns[column][i])} for quantile {labels[i]:g}" for i in np.flatnonzero(bad))
            raise SIIInputError(code, f"expected {expected}, found {found}")

    pop = columns["population"]
    check(~(pop > 0), "population", "a positive population for every quantile", "population")
    if value is None:
        if value_type != 2 or count is None:
            needs = "values (or, for proportions, counts)" if value_type == 2 else "values"
            raise SIIInputError("value", f"expected {needs} for the quantiles, found none")
        check(~(columns["count"] > 0), "count", "a positive count for every quantile (the proportions are count / population)", "count")
        columns["value"] = columns["count"] / pop
    check(np.isnan(columns["value"]), "value", "a value for every quantile", "value")
    if se is not None:
        check(~(columns["se"] >= 0), "se", "a standard error of zero or more for every quantile", "se")
    else:
        for side in ("lower", "upper"):
            check(np.isnan(columns[side]), "limits", f"a {side} confidence limit for every quantile", side)
    if value_type == 2:
        check((columns["value"] < 0) | (columns["value"] > 1), "proportion", "proportions between 0 and 1 (fractions, not percentages)", "value")
        if se is None:
            for side in ("lower", "upper"):
                bad = (columns[side] < 0) | (columns[side] > 1)
                check(bad, "proportion", f"{side} confidence limits of proportions between 0 and 1 (fractions, not percentages)", side)
    if se is None:
        check(columns["lower"] > columns["upper"], "limits", "lower confidence limits no higher than the upper ones", "lower")
    if value_type == 2:
        # the logit of 0 or 1 is infinite: such a proportion cannot be simulated
        for side in ("value",) if se is not None else ("value", "lower", "upper"):
            bad = (columns[side] == 0) | (columns[side] == 1)
            check(bad, "proportion", f"{_PLURAL[side]} of proportions above 0 and below 1 (the method works on their logits)", side)
    if value_type == 1:
        for side in ("value",) if se is not None else ("value", "lower", "upper"):
            check(~(columns[side] > 0), "rate", f"positive {_PLURAL[side]} of rates (the method works on their logarithms)", side)
    for name, column in columns.items():
        check(np.isinf(column), "infinite", f"finite {name}s", name)
    if labels.size > MANY_QUANTILES:
        warnings.warn(f"{labels.size} quantiles: small populations can make the SII unstable when there are more than {MANY_QUANTILES}", stacklevel=3)
    order = np.argsort(labels, kind="stable")
    return order, {name: column for name, column in columns.items() if name in ("population", "value", "lower", "upper", "se")}


_PLURAL = {"value": "values", "lower": "lower confidence limits", "upper": "upper confidence limits"}


def _describe(number: float) -> str:
    return "nothing" if math.isnan(number) else f"{number:g}"


def _names(quantiles: list[float]) -> str:
    return ", ".join(f"{q:g}" for q in quantiles)


# --- the scales, the simulation and the results ----------------------------------------------


def _identity(x: Floats) -> Floats:
    return x


def _logit(p: Floats) -> Floats:
    return np.log(p / (1 - p))


def _expit(x: Floats) -> Floats:
    return 1 / (1 + np.exp(-x))


_SCALES: dict[int, tuple[Callable[[Floats], Floats], Callable[[Floats], Floats]]] = {
    0: (_identity, _identity),
    1: (np.log, np.exp),
    2: (_logit, _expit),
}
"""Per value type: the scale values are simulated on, and the way back."""


def _positions(repetitions: int, level: float) -> tuple[int, int]:
    """Ranks (from 1) of the lower and upper limits among `repetitions` sorted samples."""
    tail = (1 - level) / 2
    low = round(repetitions * tail)
    high = round(repetitions * (level + tail))
    return max(low, 1), min(high, repetitions)


def _simulate(
    mean: Floats,
    spread: Floats,
    back: Callable[[Floats], Floats],
    transform: bool,
    multiplier: float,
    projection: Floats,
    root: Floats,
    repetitions: int,
    rounds: int,
    level: float,
    seed: int,
) -> dict[str, Floats]:
    """Per round (rows), the simulated limits (columns lower, upper) of the slope and of (c + s) / c.

    The values are drawn on the log or logit scale and turned back unless `transform`; the line
    is refitted to every draw by one matrix product with the least-squares projection. Unless
    `transform`, the slopes are the SIIs (times the multiplier) and the ratios the RIIs
    (inverted for a negative multiplier) before they are ranked.
    """
    generator = np.random.default_rng(seed)
    n = mean.size
    chunk = max(1, _CHUNK // n)
    low, high = _positions(repetitions, level)
    found = {"slope": np.empty((rounds, 2)), "ratio": np.empty((rounds, 2))}
    weights = np.ascontiguousarray((projection * root).T)  # column k: the k-th coefficient as a weighted sum of the values
    for r in range(rounds):
        slopes = np.empty(repetitions)
        ratios = np.empty(repetitions)
        for start in range(0, repetitions, chunk):
            size = min(chunk, repetitions - start)
            draws = generator.standard_normal((size, n))
            draws *= spread
            draws += mean
            if not transform:
                draws = back(draws)
            coefficients = draws @ weights  # size x (intercept, slope)
            slopes[start : start + size] = coefficients[:, 1]
            ratios[start : start + size] = (coefficients[:, 0] + coefficients[:, 1]) / coefficients[:, 0]
        if not transform:
            slopes *= multiplier
            if multiplier < 0:
                ratios = 1 / ratios
        for name, samples in (("slope", slopes), ("ratio", ratios)):
            found[name][r] = _ranked(samples, low, high)
    return found


def _ranked(samples: Floats, low: int, high: int) -> Floats:
    """The `low`-th and `high`-th smallest samples (ranks from 1)."""
    picked = np.partition(samples, (low - 1, high - 1))
    return np.array([picked[low - 1], picked[high - 1]])


def _untransformed(
    point: Floats, limits: dict[str, Floats], multiplier: float, rii: bool, intercept: bool
) -> tuple[float, Floats, float | None, Floats | None, float | None]:
    """SII, its limits per round, RII, its limits per round and the intercept of a line fitted to the values."""
    c, s = float(point[0]), float(point[1])
    ratio = (c + s) / c
    if multiplier < 0:
        ratio = 1 / ratio
    return (
        s * multiplier,
        limits["slope"],
        ratio if rii else None,
        limits["ratio"] if rii else None,
        c * abs(multiplier) if intercept else None,
    )


def _transformed(
    point: Floats, limits: dict[str, Floats], back: Callable[[Floats], Floats], multiplier: float, rii: bool, intercept: bool
) -> tuple[float, Floats, float | None, Floats | None, float | None]:
    """The same for a line fitted to log rates or logit proportions, turned back into their units.

    A slope s about the fitted midpoint m (at b = 0.5) runs from m - s/2 at b = 0 to m + s/2 at
    b = 1: the SII is the difference of those ends back-transformed, the RII their ratio. Both
    grow with s, so the slope's limits give theirs (swapped when a negative multiplier turns
    the SII or inverts the RII).
    """
    c, s = float(point[0]), float(point[1])
    middle = c + s / 2
    ends_low, ends_high = back(middle - limits["slope"] / 2), back(middle + limits["slope"] / 2)
    sii_limits = np.sort((ends_high - ends_low) * multiplier, axis=1)
    ratio_limits = ends_high / ends_low
    start, end = float(back(np.array(c))), float(back(np.array(c + s)))
    ratio = end / start
    if multiplier < 0:
        ratio, ratio_limits = 1 / ratio, 1 / ratio_limits
    return (
        (end - start) * multiplier,
        sii_limits,
        ratio if rii else None,
        np.sort(ratio_limits, axis=1) if rii else None,
        start * abs(multiplier) if intercept else None,
    )


def _mean_absolute_difference(limits: Floats) -> float:
    """Mean absolute difference of later rounds' lower and upper limits from the first round's."""
    return float(np.mean(np.abs(limits[1:] - limits[0])))
