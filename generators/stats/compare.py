"""Benchmark comparison and quantiles as Fingertips does them.

References:
[1] Office for Health Improvement and Disparities. Fingertips technical guidance: comparing an
    area with a benchmark. The area's 95% (or 99.8%) confidence interval is set against the
    benchmark's value: an interval wholly above or below it is significantly different.
[2] PHEindicatormethods documentation, phe_quantile: areas ranked within a group (ties take
    the best rank) and cut into quantiles of as equal size as possible; no quantiles for a
    group with fewer areas than quantiles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from generators.columns import POLARITIES
from generators.errors import DataError
from generators.stats._common import Floats, as_floats, check_number, check_numbers

_WORDS = {  # polarity -> (word when above the benchmark, word when below)
    "high_is_good": ("Better", "Worse"),
    "low_is_good": ("Worse", "Better"),
    "no_judgement": ("Higher", "Lower"),
}


def compare_limits_to_benchmark(
    lower: ArrayLike, upper: ArrayLike, benchmark: ArrayLike, polarity: ArrayLike
) -> NDArray[np.object_]:
    """Fingertips' verdict per row [1]: the area's interval against the benchmark's value.

    lower, upper: the area's limits at the chosen level (95% or 99.8%).
    benchmark: the benchmark's value per row (e.g. England's). polarity: per row or one for all,
    "high_is_good", "low_is_good" or "no_judgement".
    Returns "Better"/"Similar"/"Worse" (or "Higher"/"Similar"/"Lower" for no_judgement), and
    "Not compared" where a limit or the benchmark value is missing.
    """
    lo, up, bench = as_floats(lower), as_floats(upper), as_floats(benchmark)
    pol = np.broadcast_to(np.asarray(polarity, dtype=object), np.shape(lo))
    _check_polarity(pol)
    above, below = (_word_for(pol, side) for side in (0, 1))
    missing = np.isnan(lo) | np.isnan(up) | np.isnan(bench)
    verdict = np.where(lo > bench, above, np.where(up < bench, below, "Similar"))
    return np.where(missing, "Not compared", verdict).astype(object)


def assign_quantiles(
    values: ArrayLike, n_quantiles: int, highest_first: bool, groups: ArrayLike | None = None
) -> Floats:
    """Quantile number (1 .. n_quantiles) of each value within its group [2].

    values: the indicator values, any numbers (NaN: no quantile). n_quantiles: a whole number of 1
    or more, e.g. 5 for quintiles. highest_first: true to put the highest values in quantile 1,
    false for the lowest. groups: a group label per value (None: one group). With r the rank from
    quantile 1's end (ties take the smaller rank) and n the values in the group, the quantile is
    n_quantiles + 1 - ceil((n + 1 - r) n_quantiles / n). NaN for groups with fewer values than quantiles.
    Raises DataError for values that are not numbers (as R's `phe_quantile` does), a number of
    quantiles that is not a whole number of 1 or more, and a `highest_first` that is not true or false.
    """
    v = check_numbers(values, "value")
    n_quantiles = _check_quantile_count(n_quantiles)
    if not isinstance(highest_first, bool | np.bool_):
        raise DataError("non-boolean-highest-first", f"expected highest_first to be True or False, found {highest_first!r}")
    frame = pd.DataFrame({"v": v, "g": 0 if groups is None else np.asarray(groups)})
    by = frame.groupby("g", sort=False)["v"]
    rank = by.rank(method="min", ascending=not highest_first)
    n = by.transform("count")
    quantile = n_quantiles + 1 - np.ceil((n + 1 - rank) * n_quantiles / n)
    return np.where(n < n_quantiles, np.nan, quantile)


def _check_quantile_count(n_quantiles: object) -> int:
    """The number of quantiles as an int: a whole number of 1 or more ('expected a whole number of quantiles ...')."""
    count = check_number(n_quantiles, "n_quantiles", sign="positive", noun="number of quantiles")
    if not count.is_integer():
        raise DataError("non-integer-n-quantiles", f"expected a whole number of quantiles, found {count:g}")
    return int(count)


def compare_by_quintile(values: ArrayLike, polarity: str, groups: ArrayLike | None = None) -> NDArray[np.object_]:
    """Quintile verdicts for indicators compared by quintile rather than by interval.

    values: the indicator values. polarity: one of `POLARITIES`. groups: optional group labels.
    Returns "Best", "Better", "Middle", "Worse", "Worst" for high_is_good/low_is_good (quintile
    1 best), "Highest", "High", "Middle", "Low", "Lowest" for no_judgement, and "Not compared"
    where there is no value or the group has fewer than 5 values.
    """
    _check_polarity(np.asarray([polarity], dtype=object))
    highest_first = polarity != "low_is_good"
    words = ("Highest", "High", "Middle", "Low", "Lowest") if polarity == "no_judgement" else ("Best", "Better", "Middle", "Worse", "Worst")
    quintile = assign_quantiles(values, 5, highest_first, groups)
    labels = np.array(("Not compared", *words), dtype=object)
    return labels[np.nan_to_num(quintile, nan=0).astype(int)]


def _word_for(polarity: NDArray[np.object_], side: int) -> NDArray[np.object_]:
    """The verdict word per row for an interval above (side 0) or below (side 1) the benchmark."""
    words = {p: pair[side] for p, pair in _WORDS.items()}
    return pd.Series(np.ravel(polarity)).map(words).to_numpy(dtype=object).reshape(polarity.shape)


def _check_polarity(polarity: NDArray[np.object_]) -> None:
    """Reject polarities other than the three of ARCHITECTURE.md."""
    unknown = sorted({str(p) for p in pd.unique(np.ravel(polarity))} - set(POLARITIES))
    if unknown:
        raise ValueError(f"expected polarity {', '.join(POLARITIES)}, found {', '.join(unknown)}")
