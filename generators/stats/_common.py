"""Shared pieces of the statistics stage: confidence levels, estimates and input checks.

Every method computes its 95% and 99.8% limits in one pass and returns an `Estimates`,
whose field names are the indicator-table columns (ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import stats

from generators.errors import DataError, DataErrors, Place

LEVELS = (95.0, 99.8)
"""The two confidence levels Fingertips publishes, in percent."""

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class Estimates:
    """An estimate with its 95% and 99.8% limits, one element per row."""

    value: Floats
    lower_ci_95: Floats
    upper_ci_95: Floats
    lower_ci_998: Floats
    upper_ci_998: Floats
    value_note: NDArray[np.str_] | None = None
    """Why a value is missing, where the method withholds one (None: the method never does)."""

    def as_frame(self) -> pd.DataFrame:
        """The estimates as a DataFrame with the indicator-table column names."""
        names = [n for n in self.__dataclass_fields__ if getattr(self, n) is not None]
        return pd.DataFrame({name: np.ravel(getattr(self, name)) for name in names})


def z_value(level: float) -> float:
    """Two-sided standard normal quantile for a confidence level in percent (95 -> 1.96)."""
    return float(stats.norm.ppf(0.5 + level / 200))


def as_floats(values: ArrayLike) -> Floats:
    """`values` as a float array (None and pandas NA become NaN)."""
    return np.asarray(pd.to_numeric(pd.Series(np.ravel(values)), errors="coerce"), dtype=float).reshape(
        np.shape(values)
    )


def row_label(labels: Sequence[str] | None, index: int) -> str:
    """How a message names row `index`: the caller's label ('indicator 93356, area E06000001, period 2015') or 'row N'."""
    return labels[index] if labels is not None else f"row {index + 1}"


def check_rows(
    bad: NDArray[np.bool_],
    code: str,
    expected: str,
    found: Floats,
    column: str,
    labels: Sequence[str] | None = None,
) -> None:
    """Raise a `DataErrors` naming every row where `bad` is true (none: return quietly)."""
    rows = np.flatnonzero(np.ravel(bad))
    if rows.size == 0:
        return
    flat = np.ravel(found)
    errors = [
        DataError(code, f"{row_label(labels, i)}: expected {expected}, found {flat[i]:g}", Place(column=column))  # type: ignore[arg-type]
        for i in rows
    ]
    raise DataErrors(errors)


def check_counts(
    count: Floats,
    denominator: Floats | None = None,
    *,
    count_at_most_denominator: bool = False,
    labels: Sequence[str] | None = None,
) -> None:
    """Reject negative counts, and denominators that are zero, negative or (for proportions) below the count.

    count: events (NaN allowed: no value). denominator: population or trials (NaN allowed).
    count_at_most_denominator: true for proportions, where the count is part of the denominator.
    labels: optional description of each row for the error messages.
    """
    check_rows(count < 0, "negative-count", "a count of 0 or more", count, "count", labels)
    if denominator is None:
        return
    check_rows(denominator <= 0, "non-positive-denominator", "a positive denominator", denominator, "denominator", labels)
    if count_at_most_denominator:
        check_rows(count > denominator, "count-above-denominator", "a count no larger than the denominator", count, "count", labels)
