"""Funnel plot control limits and significance, as PHEindicatormethods computes them.

A funnel plot sets each area's value against the denominator (or expected events) it rests on,
with the average across all areas as the baseline and control limits at 2 and 3 standard
deviations (a tail of 0.025, and of 0.001, on each side: 95% and 99.8%) that narrow as the
denominator grows. An area outside a limit is significantly high or low [1, 2].

- proportions: the limits are the score-test bounds around the average proportion p,
  p +/- z sqrt(p (1 - p) / n): the proportions whose Wilson interval [3] just touches p;
- ratios (of observed to expected events; "count", shown as ratio - 1, or "isr", x 100) and
  rates (crude or directly standardised, over `years_of_data` years): exact Poisson limits
  on the observed events, found by the bisection the Fingertips funnel tools use [1, 2];
- significance per area: proportions against the same limits at the area's own denominator;
  ratios and rates by the area's Poisson limits (exact below 10 events, Byar's from 10 [4])
  against 1 or against the average rate. Directly standardised rates from fewer than 10 events
  are not assessed.

The axis points (100 denominators, closer together at the small end) are those of PHEindicatormethods,
so that the tables agree row for row with its `calculate_funnel_limits`.

References:
[1] Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005; 24: 1185-1202.
[2] Public Health England. Fingertips technical guidance: funnel plots; the PHEindicatormethods R
    package (`calculate_funnel_limits`, `assign_funnel_significance`), v2.1.0, 2024.
[3] Wilson EB. Probable inference, the law of succession, and statistical inference.
    J Am Stat Assoc 1927; 22: 209-212.
[4] Public Health England. Technical Guide: Confidence intervals (2018).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import special

from generators.errors import DataError, DataErrors, Place
from generators.stats._common import Floats, as_floats, check_rows, row_label, z_value
from generators.stats.rates import compute_poisson_limits

STATISTICS = ("proportion", "rate", "ratio")
RATIO_TYPES = ("count", "isr")
RATE_TYPES = ("dsr", "crude")

HIGH_3SD, HIGH_2SD, LOW_3SD, LOW_2SD = "High (0.001)", "High (0.025)", "Low (0.001)", "Low (0.025)"
NOT_SIGNIFICANT = "Not significant"
TOO_FEW_FOR_DSR = "Not applicable for events less than 10 for dsrs"
SIGNIFICANCE_LEVELS = (HIGH_3SD, HIGH_2SD, LOW_3SD, LOW_2SD, NOT_SIGNIFICANT, TOO_FEW_FOR_DSR)
"""Every label `assign_funnel_significance` gives, in PHEindicatormethods' order."""

DSR_MIN_EVENTS = 10
"""Directly standardised rates from fewer events than this are not assessed."""

TAILS = {"2s": 0.025, "3s": 0.001}
"""One-sided tail probability of each pair of limits: 2 (95%) and 3 (99.8%) standard deviations."""

N_POINTS = 100
"""Rows of the limits table: the points the funnel lines are drawn through."""


def compute_funnel_limits(
    numerator: ArrayLike,
    denominator: ArrayLike | None = None,
    *,
    statistic: str,
    multiplier: float | None = None,
    ratio_type: str | None = None,
    rate: ArrayLike | None = None,
    rate_type: str | None = None,
    years_of_data: float | None = None,
    metadata: bool = True,
    labels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The funnel plot's control lines: 100 points along the x axis with the limits at each.

    numerator: per area, the events (proportions: those with the condition; ratios: the observed
    events; rates: the events over all `years_of_data` years). 0 or more, none missing.
    denominator: per area, the population (proportions, > 0 and at least the numerator), the
    expected events (ratios, > 0), or for rates the population over all years, needed only for
    areas with no events (crude rates take it as their population; DSRs need it, as R does).
    statistic: "proportion", "ratio" or "rate".
    multiplier: proportions and rates, required: 100 for a percentage, 100,000 for a rate per
    100,000. Ratios: the ISR scale (default 100; PHEindicatormethods always uses 100).
    ratio_type: ratios, required: "count" (limits on observed/expected - 1) or "isr" (x multiplier).
    rate: rates, required: the area's rate per `multiplier` (over all years); the population is
    derived from it as multiplier x numerator / rate, as for a DSR its equivalent population.
    rate_type: rates, required: "dsr" or "crude". years_of_data: rates, required: years the data span.
    metadata: add the `statistic` and `method` columns (R's type = "full"; False is "standard").
    labels: optional description of each area for error messages ('area E06000001').

    Returns a DataFrame of 100 rows, R's columns in R's order:
    - proportion: `Population` (the denominator), `lower_2s_limit`, `upper_2s_limit` (95%),
      `lower_3s_limit`, `upper_3s_limit` (99.8%), each x multiplier and held within 0 and
      multiplier, and `baseline` (sum of numerators / sum of denominators x multiplier);
    - ratio: `Observed_events`, then per limit the expected events at which those observed
      events lie on it (`lower_2s_exp_events`, ...) and the limit (`lower_2s_limit`, ...), as
      observed/expected - 1 ("count") or x multiplier ("isr"); no baseline (1, or 100);
    - rate: `Events`, then per limit the population per year at which those events lie on it
      (`lower_2s_population_1_year`, ...) and the limit as a rate per multiplier
      (`lower_2s_limit`, ...), and `baseline` (sum of events / sum of derived populations x multiplier);
    - with metadata: `statistic` ("proportion", "ratio (isr)", "rate (dsr per 100,000)") and
      `method` ("Wilson" for proportions, "Poisson" otherwise).
    Raises DataError for unknown options, missing required ones, and bad or missing values.
    """
    kind = _choose("statistic", statistic, STATISTICS)
    if kind == "proportion":
        scale = _required_number("multiplier", multiplier, "proportions")
        x, n = _proportion_inputs(numerator, denominator, labels)
        average = x.sum() / n.sum()
        low, high = float(n.min()), float(n.max())
        axis = _axis_points(_axis_minimum(low, high), _signif_ceiling(high), ends_on_maximum=True)
        frame = _proportion_limits(axis, average, scale)
    elif kind == "ratio":
        subtype = _choose("ratio_type", _required_option("ratio_type", ratio_type, "ratios"), RATIO_TYPES)
        scale = 100.0 if multiplier is None else _required_number("multiplier", multiplier, "ratios")
        x, n = _ratio_inputs(numerator, denominator, labels)
        low, high = float(n.min()), float(n.max())
        axis = _axis_points(_axis_minimum(low, high), _signif_ceiling(high), ends_on_maximum=False)
        frame = _ratio_limits(axis, subtype, scale)
    else:
        subtype = _choose("rate_type", _required_option("rate_type", rate_type, "rates"), RATE_TYPES)
        scale = _required_number("multiplier", multiplier, "rates")
        years = _required_number("years_of_data", years_of_data, "rates")
        x, n = _rate_inputs(numerator, denominator, rate, subtype, scale, labels)
        average = _rate_average(x, n)
        low, high = float(np.nanmin(n)), float(np.nanmax(n))
        axis_min = _axis_minimum(low / years, high / years) * years
        axis_max = _signif_ceiling(high / years) * years
        axis = _axis_points(math.floor(axis_min * average), math.ceil(axis_max * average), ends_on_maximum=True)
        frame = _rate_limits(axis, average, scale, years)
    if metadata:
        frame["statistic"] = _statistic_label(kind, ratio_type, rate_type, multiplier)
        frame["method"] = "Wilson" if kind == "proportion" else "Poisson"
    return frame


def assign_funnel_significance(
    numerator: ArrayLike,
    denominator: ArrayLike | None = None,
    *,
    statistic: str,
    rate: ArrayLike | None = None,
    rate_type: str | None = None,
    multiplier: float | None = None,
    labels: Sequence[str] | None = None,
) -> NDArray[np.object_]:
    """Each area's place on the funnel: outside its 99.8% or 95% limits, high or low, or neither.

    numerator, denominator, rate, rate_type, multiplier: as for `compute_funnel_limits`
    (the denominator is required for proportions and ratios; `rate`, `rate_type` and
    `multiplier` for rates; proportions and ratios need no multiplier).
    statistic: "proportion", "ratio" or "rate".
    labels: optional description of each area for error messages.

    Returns one label per area, in order: "High (0.001)" (above the 3 standard deviation limit),
    "High (0.025)" (above the 2 standard deviation one only), "Low (0.001)", "Low (0.025)",
    "Not significant", and for directly standardised rates from fewer than 10 events
    "Not applicable for events less than 10 for dsrs".
    - proportion: numerator/denominator against the average proportion's limits at the area's denominator;
    - ratio: the Poisson limits of the observed events over the expected events against 1;
    - rate: the Poisson limits of the events over the derived population against the average rate.
    Raises DataError for unknown options, missing required ones, and bad or missing values.
    """
    kind = _choose("statistic", statistic, STATISTICS)
    if kind == "proportion":
        x, n = _proportion_inputs(numerator, denominator, labels)
        average = x.sum() / n.sum()
        p = x / n
        spread = np.sqrt(average * (1 - average) / n)
        z3, z2 = z_value(99.8), z_value(95)
        return _label(p < average - z3 * spread, p < average - z2 * spread, p > average + z3 * spread, p > average + z2 * spread)
    if kind == "ratio":
        x, n = _ratio_inputs(numerator, denominator, labels)
        benchmark: float | Floats = 1.0
        too_few = np.zeros(x.shape, dtype=bool)
    else:
        subtype = _choose("rate_type", _required_option("rate_type", rate_type, "rates"), RATE_TYPES)
        scale = _required_number("multiplier", multiplier, "rates")
        x, n = _rate_inputs(numerator, denominator, rate, subtype, scale, labels)
        benchmark = _rate_average(x, n)
        too_few = x < DSR_MIN_EVENTS if subtype == "dsr" else np.zeros(x.shape, dtype=bool)
    (lo95, up95), (lo998, up998) = (compute_poisson_limits(x, level) for level in (95, 99.8))
    with np.errstate(invalid="ignore", divide="ignore"):  # NaN populations: DSRs without events
        labels_out = _label(up998 / n < benchmark, up95 / n < benchmark, lo998 / n > benchmark, lo95 / n > benchmark)
    return np.where(too_few, TOO_FEW_FOR_DSR, labels_out).astype(object)


# --- the limits ---------------------------------------------------------------------------------


def _proportion_limits(axis: Floats, average: float, multiplier: float) -> pd.DataFrame:
    """Score-test limits around the average proportion at each population on the axis."""
    columns: dict[str, Floats] = {"Population": axis}
    spread = np.sqrt(average * (1 - average) / axis)
    for name, tail in TAILS.items():
        z = z_value(100 * (1 - 2 * tail))
        columns[f"lower_{name}_limit"] = np.maximum(0.0, (average - z * spread) * multiplier)
        columns[f"upper_{name}_limit"] = np.minimum(multiplier, (average + z * spread) * multiplier)
    return pd.DataFrame({**columns, "baseline": np.full(axis.shape, average * multiplier)})


def _ratio_limits(axis: Floats, ratio_type: str, multiplier: float) -> pd.DataFrame:
    """At each observed count on the axis, the expected events putting it on each limit, and the limit."""
    columns: dict[str, Floats] = {"Observed_events": axis}
    for name, tail in TAILS.items():
        for side, larger_mean in (("lower", True), ("upper", False)):
            expected = _poisson_mean_at_tail(axis, tail, larger_mean)
            ratio = axis / expected
            columns[f"{side}_{name}_exp_events"] = expected
            columns[f"{side}_{name}_limit"] = ratio - 1 if ratio_type == "count" else ratio * multiplier
    return pd.DataFrame(_in_r_order(columns, "Observed_events", "exp_events"))


def _rate_limits(axis: Floats, average: float, multiplier: float, years: float) -> pd.DataFrame:
    """At each event count on the axis, the yearly population putting it on each limit, and the limit."""
    columns: dict[str, Floats] = {"Events": axis}
    for name, tail in TAILS.items():
        for side, larger_mean in (("lower", True), ("upper", False)):
            population = _poisson_mean_at_tail(axis, tail, larger_mean) / average
            columns[f"{side}_{name}_population_1_year"] = population / years
            columns[f"{side}_{name}_limit"] = axis / population * multiplier
    ordered = _in_r_order(columns, "Events", "population_1_year")
    return pd.DataFrame({**ordered, "baseline": np.full(axis.shape, average * multiplier)})


def _in_r_order(columns: dict[str, Floats], first: str, helper: str) -> dict[str, Floats]:
    """The axis column, then per limit (lower 2s, upper 2s, lower 3s, upper 3s) the helper column and the limit."""
    names = [first] + [f"{side}_{sd}_{part}" for sd in TAILS for side in ("lower", "upper") for part in (helper, "limit")]
    return {name: columns[name] for name in names}


def _poisson_mean_at_tail(observed: Floats, tail: float, larger_mean: bool) -> Floats:
    """The Poisson mean m at which `observed` events sit in a tail of probability `tail`.

    larger_mean: the m above the observed events, with P(X <= observed | m) = tail (so observed/m
    is the lower limit); otherwise the m below, with P(X >= observed | m) = tail.
    Found as the Fingertips funnel tools do [2], by bisection on v in (0, 1) with
    m = (observed + 1) v / (1 - v), halving the step from 1/4 until it is below 1e-7, which
    fixes m to about 1 part in 10 million, with the probabilities as those tools sum them
    (`_summed_tail`): the same steps give the same limits as R, to about 1 part in 10^9.
    """
    v = np.full(observed.shape, 0.5)
    step = 0.5
    while step > 1e-7:
        step /= 2
        mean = (1 + observed) * v / (1 - v)
        probability = _summed_tail(observed, mean, at_most=larger_mean)
        too_high = probability < tail if larger_mean else probability > tail
        v = np.where(too_high, v - step, v + step)
    return (1 + observed) * v / (1 - v)


def _summed_tail(observed: Floats, mean: Floats, at_most: bool) -> Floats:
    """P(X <= observed) (at_most) or P(X >= observed) for X ~ Poisson(mean), as the funnel tools [2]
    compute it: the series of Poisson terms summed from 0 and stopped at the first term K beyond the
    mean that is no more than 1e-10 of the sum before it, the probability taken within terms 0 .. K - 1.

    The stopped series leaves out about 1e-10 of the total, which moves a tail probability of 0.001 by
    up to 1 part in a million, enough to turn a late step of the bisection; so it is left out here too."""
    end = _series_end(mean)  # the first term left out
    kept = special.pdtr(end - 1, mean)  # P(X <= K - 1)
    if at_most:
        return special.pdtr(np.minimum(observed, end - 1), mean) / kept
    within = special.pdtrc(observed - 1, mean) - special.pdtrc(end - 1, mean)  # P(observed <= X <= K - 1)
    return np.where(observed <= end - 1, within, 0.0) / kept


def _series_end(mean: Floats) -> Floats:
    """The first whole k above `mean` whose Poisson term is at most 1e-10 of the sum of the terms
    below it: P(X = k) <= 1e-10 P(X <= k - 1), found by halving (the ratio falls as k grows)."""
    def small_enough(k: Floats) -> NDArray[np.bool_]:
        log_term = k * np.log(mean) - mean - special.gammaln(k + 1)
        return log_term <= np.log(1e-10) + np.log(special.pdtr(k - 1, mean))

    low = np.floor(mean) + 1
    high = low + np.ceil(10 * np.sqrt(mean) + 50)  # 10 standard deviations and more beyond the mean: always small enough
    while np.any(high > low):
        middle = np.floor((low + high) / 2)
        ok = small_enough(middle)
        high, low = np.where(ok, middle, high), np.where(ok, low, middle + 1)
    return low


# --- the axis -----------------------------------------------------------------------------------


def _axis_minimum(smallest: float, largest: float) -> float:
    """0 when the denominators span more than a factor of 2, else the smallest rounded down."""
    return 0.0 if largest > 2 * smallest else _signif_floor(smallest)


def _axis_points(minimum: float, maximum: float, ends_on_maximum: bool) -> Floats:
    """100 whole-number points from max(1, minimum) towards maximum, spaced geometrically.

    Point j (from 2) is point j - 1 times (maximum / point j-1)^(1 / (101 - j)) rounded (halves
    to even), and at least one more than point j - 1, so that the last is the maximum; for
    ratios (ends_on_maximum false) the power is 1 / (102 - j), as in PHEindicatormethods,
    which stops the points a step short of it.
    """
    points = [max(1.0, float(minimum))]
    for j in range(2, N_POINTS + 1):
        previous = points[-1]
        exponent = 1 / (N_POINTS + 1 - (j if ends_on_maximum else j - 1))
        points.append(max(float(round((maximum / previous) ** exponent * previous)), previous + 1))
    return np.array(points)


def _signif_floor(x: float, fraction: float = 0.95) -> float:
    """x x 0.95 rounded down to its leading digit (R: the number of characters less 1)."""
    if x == 0:
        return 0.0
    power = _r_nchar(math.floor(x * fraction)) - 1
    return math.floor(x * fraction / 10.0**power) * 10.0**power


def _signif_ceiling(x: float, fraction: float = 1.05) -> float:
    """x x 1.05 rounded up to its two leading digits (R: the number of characters less 2)."""
    if x == 0:
        return 0.0
    power = _r_nchar(math.ceil(x * fraction)) - 2
    return math.ceil(x * fraction / 10.0**power) * 10.0**power


def _r_nchar(whole: int) -> int:
    """The characters R prints for a whole number held as a double: its digits, or the width of
    its scientific form where that is shorter (R prints 100000 as "1e+05" and 123000000 as
    "1.23e+08"), so that the axis ends where PHEindicatormethods puts them."""
    digits = str(whole)
    significant = digits.rstrip("0") or "0"
    exponent = len(digits) - 1
    mantissa = len(significant) + (1 if len(significant) > 1 else 0)
    scientific = mantissa + 2 + max(2, len(str(exponent)))
    return min(len(digits), scientific)


# --- inputs -------------------------------------------------------------------------------------


def _proportion_inputs(numerator: ArrayLike, denominator: ArrayLike | None, labels: Sequence[str] | None) -> tuple[Floats, Floats]:
    x = _values(numerator, "numerator")
    n = _values(_required_values("denominator", denominator, "proportions"), "denominator", len(x))
    _require_present(x, "numerator", "a numerator for every area (0 where there are none)", labels)
    _require_present(n, "denominator", "a denominator for every area", labels)
    _check_signs(x, n, "a positive denominator", labels)
    check_rows(x > n, "count-above-denominator", "a numerator no larger than the denominator", x, "numerator", labels)
    return x, n


def _ratio_inputs(numerator: ArrayLike, denominator: ArrayLike | None, labels: Sequence[str] | None) -> tuple[Floats, Floats]:
    x = _values(numerator, "numerator")
    n = _values(_required_values("denominator", denominator, "ratios (the expected events)"), "denominator", len(x))
    _require_present(x, "numerator", "observed events for every area (0 where there are none)", labels)
    _require_present(n, "denominator", "a number of expected events for every area", labels)
    _check_signs(x, n, "positive expected events", labels)
    return x, n


def _rate_inputs(
    numerator: ArrayLike,
    denominator: ArrayLike | None,
    rate: ArrayLike | None,
    rate_type: str,
    multiplier: float,
    labels: Sequence[str] | None,
) -> tuple[Floats, Floats]:
    """Events, and the population each rate implies (multiplier x events / rate).

    Areas without events: a crude rate's population is its denominator; a DSR's is missing (NaN)."""
    x = _values(numerator, "numerator")
    r = _values(_required_values("rate", rate, "rates"), "rate", len(x))
    _require_present(x, "numerator", "events for every area (0 where there are none)", labels)
    _check_signs(x, None, "", labels)
    check_rows((x > 0) & ~(r > 0), "non-positive-rate", "a positive rate where there are events", r, "rate", labels)
    none = x == 0
    if denominator is None:
        if none.any():
            raise DataError(
                "denominator-needed",
                f"{row_label(labels, int(np.flatnonzero(none)[0]))}: expected a denominator for areas with no events, found no denominator column",
                Place(column="denominator"),
            )
        n = np.full(x.shape, np.nan)
    else:
        n = _values(denominator, "denominator", len(x))
        check_rows(n <= 0, "non-positive-denominator", "a positive denominator", n, "denominator", labels)
        check_rows(none & np.isnan(n), "missing-value", "a denominator where there are no events", n, "denominator", labels)
    with np.errstate(divide="ignore", invalid="ignore"):
        derived = multiplier * x / r
    if rate_type == "dsr":
        return x, np.where(none, np.nan, derived)
    return x, np.where(none, n, derived)


def _rate_average(events: Floats, population: Floats) -> float:
    """Sum of events over the sum of the (known) populations: the funnel's baseline rate, per person."""
    if events.sum() == 0:
        raise DataError("no-events", "expected events in at least one area for a funnel of rates, found none", Place(column="numerator"))
    return float(events.sum() / np.nansum(population))


def _values(values: ArrayLike, column: str, length: int | None = None) -> Floats:
    x = np.ravel(as_floats(values))
    if length is None and x.size == 0:
        raise DataError("no-areas", "expected at least one area for a funnel plot, found none", Place(column=column))
    if length is not None and x.size != length:
        raise DataError("mismatched-lengths", f"expected {length} values, one per area as in the numerator, found {x.size}", Place(column=column))
    return x


def _require_present(values: Floats, column: str, expected: str, labels: Sequence[str] | None) -> None:
    """Reject missing values (NaN), naming every area that has one; and infinite ones."""
    rows = np.flatnonzero(np.isnan(values))
    if rows.size:
        raise DataErrors([DataError("missing-value", f"{row_label(labels, int(i))}: expected {expected}, found none", Place(column=column)) for i in rows])
    check_rows(np.isinf(values), "not-finite", "a finite number", values, column, labels)


def _check_signs(numerator: Floats, denominator: Floats | None, positive: str, labels: Sequence[str] | None) -> None:
    """Reject negative numerators, and denominators (when given) that are 0 or less."""
    check_rows(numerator < 0, "negative-count", "a numerator of 0 or more", numerator, "numerator", labels)
    if denominator is not None:
        check_rows(denominator <= 0, "non-positive-denominator", positive, denominator, "denominator", labels)


def _required_values(name: str, values: ArrayLike | None, statistic: str) -> ArrayLike:
    if values is None:
        raise DataError("missing-argument", f"expected {name} values for funnel plots of {statistic}, found none", Place(column=name))
    return values


def _required_option(name: str, value: str | None, statistic: str) -> str:
    if value is None:
        raise DataError("missing-argument", f"expected {name} for funnel plots of {statistic}, found none")
    return value


def _required_number(name: str, value: float | None, statistic: str) -> float:
    if value is None:
        raise DataError("missing-argument", f"expected {name} for funnel plots of {statistic}, found none")
    number = float(value)
    if not (math.isfinite(number) and number > 0):
        raise DataError("bad-argument", f"expected a positive {name}, found {value!r}")
    return number


def _choose(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        options = ", ".join(f'"{a}"' for a in allowed)
        raise DataError("unknown-option", f'expected {name} to be one of {options}, found "{value}"')
    return value


def _label(
    low_3sd: NDArray[np.bool_], low_2sd: NDArray[np.bool_], high_3sd: NDArray[np.bool_], high_2sd: NDArray[np.bool_]
) -> NDArray[np.object_]:
    """The first that holds, in R's order: low at 3 sd, low at 2 sd, high at 3 sd, high at 2 sd, else not significant."""
    labels = np.select([low_3sd, low_2sd, high_3sd, high_2sd], [LOW_3SD, LOW_2SD, HIGH_3SD, HIGH_2SD], NOT_SIGNIFICANT)
    return labels.astype(object)


def _statistic_label(statistic: str, ratio_type: str | None, rate_type: str | None, multiplier: float | None) -> str:
    """R's `statistic` column: "proportion", "ratio (count)", "rate (crude per 100,000)"."""
    if statistic == "ratio":
        return f"ratio ({ratio_type})"
    if statistic == "rate":
        m = float(multiplier or 0)
        return f"rate ({rate_type} per {int(m):,})" if m.is_integer() else f"rate ({rate_type} per {m:,})"
    return statistic
