"""Shared pieces of the statistics stage: confidence levels, estimates and input checks.

Every method computes its 95% and 99.8% limits in one pass and returns an `Estimates`,
whose field names are the indicator-table columns (ARCHITECTURE.md).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import stats

from generators.errors import DataError, DataErrors, Place

LEVELS = (95.0, 99.8)
"""The two confidence levels Fingertips publishes, in percent."""

Floats = NDArray[np.float64]

Sign = Literal["any", "non-negative", "positive"]
"""Which numbers `check_numbers` accepts: any, 0 or more, or more than 0."""


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


def parse_numbers(values: ArrayLike) -> tuple[Floats, NDArray[np.bool_], NDArray[Any]]:
    """`values` as floats, which cells are not numbers, and the cells as given (to quote in messages).

    Numbers (int, float, numpy numbers, Decimal) and text holding one number (" 12 ", "1e3") are read;
    None, NaN, pandas NA and blank text are missing (NaN). Anything else (text such as "abc",
    "<5" or "1,234", True and False, dates) is not a number: NaN, flagged in the mask.
    """
    raw = np.asarray(values)
    if raw.dtype.kind in "iuf":
        return raw.astype(float), np.zeros(raw.shape, dtype=bool), raw
    cells = np.asarray(values, dtype=object)  # the cells as given: numpy would turn [-1, "abc"] into text
    parsed = [_read_number(cell) for cell in cells.ravel()]
    floats = np.array([number for number, _ in parsed], dtype=float).reshape(raw.shape)
    not_numbers = np.array([not ok for _, ok in parsed], dtype=bool).reshape(raw.shape)
    return floats, not_numbers, cells


def _read_number(cell: object) -> tuple[float, bool]:
    """One cell as (number, true) or (NaN, true) when missing, or (NaN, false) when it is not a number."""
    if cell is None or cell is pd.NA or cell is pd.NaT:
        return np.nan, True
    if isinstance(cell, bool | np.bool_):
        return np.nan, False
    if isinstance(cell, numbers.Real | Decimal):
        return float(cell), True
    if isinstance(cell, str):
        text = cell.strip()
        if not text:
            return np.nan, True
        if "_" in text:  # float() would read "1_000"; a data file means something else
            return np.nan, False
        try:
            return float(text), True
        except ValueError:
            return np.nan, False
    return np.nan, False


def describe_cell(cell: object) -> str:
    """How a message quotes what it found: -4, "abc", True, no value."""
    if isinstance(cell, bool | np.bool_):
        return str(bool(cell))
    if isinstance(cell, numbers.Real | Decimal):
        return "no value" if np.isnan(float(cell)) else f"{float(cell):g}"
    if cell is None or cell is pd.NA or cell is pd.NaT or (isinstance(cell, str) and not cell.strip()):
        return "no value"
    return f'"{cell}"'


def _expected(noun: str, sign: Sign, finite: bool = False) -> str:
    """What a message says was expected: 'a count of 0 or more', 'a positive population', 'a number for the mean'."""
    adjective = "finite " if finite else ""
    if sign == "positive":
        return f"a {adjective}positive {noun}"
    if sign == "non-negative":
        return f"a {adjective}{noun} of 0 or more" if finite else f"{_article(noun)} {noun} of 0 or more"
    return f"a {adjective}number for the {noun}"


def _slug(field: str) -> str:
    """A field's name as part of an error code: 'standard population' -> 'standard-population'."""
    return field.replace(" ", "-").replace("_", "-")


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def check_numbers(
    values: ArrayLike,
    field: str,
    *,
    sign: Sign = "any",
    missing: bool = True,
    noun: str | None = None,
    labels: Sequence[str] | None = None,
) -> Floats:
    """`values` as floats, once checked: every input check of the statistics methods goes through here.

    values: one cell per row (any shape; labels follow the flattened order). field: the column or
    argument the values came from, named in the error's place and code ("count" ->
    "negative-count"). sign: "non-negative" refuses numbers below 0, "positive" refuses 0 and
    below, "any" accepts every finite number. missing: true to let missing cells through as NaN
    (no value), false to refuse them. noun: how the message names one value ("standard
    population"; default `field`). labels: how messages name each cell ('area E06000001, age band 3';
    default 'row N').
    Raises one `DataErrors` naming every bad cell with what was expected and what was found; codes
    non-numeric-FIELD (text, True/False, ...), missing-FIELD, non-finite-FIELD (infinity),
    negative-FIELD or non-positive-FIELD, FIELD with spaces as hyphens.
    """
    floats, not_numbers, cells = parse_numbers(values)
    noun = noun or field
    slug = _slug(field)
    absent = np.isnan(floats) & ~not_numbers
    infinite = np.isinf(floats)
    with np.errstate(invalid="ignore"):
        out_of_range = (floats < 0) if sign == "non-negative" else (floats <= 0) if sign == "positive" else np.zeros(floats.shape, dtype=bool)
    range_code = {"non-negative": "negative", "positive": "non-positive"}.get(sign, "")
    problems = (
        (not_numbers, f"non-numeric-{slug}", _expected(noun, sign)),
        (absent if not missing else np.zeros(floats.shape, dtype=bool), f"missing-{slug}", _expected(noun, sign)),
        (infinite, f"non-finite-{slug}", _expected(noun, sign, finite=True)),
        (out_of_range & ~infinite, f"{range_code}-{slug}", _expected(noun, sign)),
    )
    flat_cells = np.ravel(cells)
    scalar = np.ndim(cells) == 0
    found: dict[int, DataError] = {}
    for bad, code, expected in problems:
        for i in np.flatnonzero(np.ravel(bad)):
            if i not in found:
                where = "" if scalar else f"{row_label(labels, int(i))}: "
                place = Place() if scalar else Place(column=field)  # an argument, not a column: the message names it
                found[int(i)] = DataError(code, f"{where}expected {expected}, found {describe_cell(flat_cells[i])}", place)
    if found:
        raise DataErrors([found[i] for i in sorted(found)])
    return floats


def check_number(value: object, field: str, *, sign: Sign = "positive", noun: str | None = None) -> float:
    """One argument (a multiplier, a number of quantiles) as a float, checked as `check_numbers` checks a
    column (missing refused, default sign "positive"): 'expected a positive multiplier, found -100'.
    Text is refused even when it holds a number ("100"): an argument is given as a number, as R requires.
    """
    if isinstance(value, str):
        raise DataError(f"non-numeric-{_slug(field)}", f"expected {_expected(noun or field, sign)}, found {describe_cell(value)}")
    if np.ndim(np.asarray(value, dtype=object)) != 0:
        raise DataError(f"non-numeric-{_slug(field)}", f"expected one number for the {noun or field}, found {np.size(np.asarray(value, dtype=object))} values")
    return float(check_numbers(np.asarray(value, dtype=object), field, sign=sign, missing=False, noun=noun))


def check_multiplier(multiplier: object) -> float:
    """A multiplier (per 100, per 100,000, x 100) as a float: a positive number, as R's `calculate_dsr` requires."""
    return check_number(multiplier, "multiplier", sign="positive")


def check_band_shapes(banded: Mapping[str, ArrayLike], per_band: Mapping[str, ArrayLike]) -> tuple[int, int]:
    """(areas, age bands) of age-banded inputs, once their shapes agree.

    banded: name -> areas x bands values (one area may be given as one row). per_band: name ->
    one value per band (a standard or reference population).
    Raises DataError `mismatched-age-bands` saying how many areas and bands each input has.
    """
    shapes = {name: _banded_shape(v) for name, v in banded.items()}
    sizes = {name: int(np.prod(np.shape(v))) for name, v in per_band.items()}
    first = next(iter(shapes.values()))
    names = [*shapes, *sizes]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    if any(len(s) != 2 for s in shapes.values()):
        raise DataError("mismatched-age-bands", f"expected the {listed} as areas x age bands, found {' and '.join(f'{len(s)} dimensions' for s in shapes.values())}")
    if any(s[0] != first[0] for s in shapes.values()):
        raise DataError("mismatched-age-bands", f"expected the {listed} for the same areas, found " + " and ".join(f"{s[0]} areas of {n}" for n, s in shapes.items()))
    bands = [s[1] for s in shapes.values()] + list(sizes.values())
    if len(set(bands)) > 1:
        raise DataError(
            "mismatched-age-bands",
            f"expected the {listed} to have the same age bands, found "
            + ", ".join(f"{b} {n.removesuffix('s')} bands" for n, b in zip(names[:-1], bands[:-1]))
            + f" and {bands[-1]} {names[-1].removesuffix('s')} bands",
        )
    return first[0], first[1]


def check_banded_numbers(
    values: ArrayLike,
    field: str,
    *,
    sign: Sign = "any",
    missing: bool = True,
    noun: str | None = None,
    labels: Sequence[str] | None = None,
) -> Floats:
    """Areas x age bands `values` (one area may be one row) checked by `check_numbers`, as a 2-d float array.

    labels: one description per area; messages name each cell 'area E06000001, age band 3'
    (default 'area N, age band M').
    """
    shape = _banded_shape(values)
    names = _BandCells(labels, shape[0], int(np.prod(shape[1:])))
    return np.atleast_2d(check_numbers(values, field, sign=sign, missing=missing, noun=noun, labels=names))


class _BandCells(Sequence[str]):
    """The names of the cells of an areas x bands array, 'area E06000001, age band 3', made only when a message needs one."""

    def __init__(self, labels: Sequence[str] | None, areas: int, bands: int) -> None:
        self.labels, self.areas, self.bands = labels, areas, bands

    def __len__(self) -> int:
        return self.areas * self.bands

    def __getitem__(self, cell: int) -> str:  # type: ignore[override]
        area, band = divmod(cell, self.bands)
        return f"{self.labels[area] if self.labels is not None else f'area {area + 1}'}, age band {band + 1}"


def check_per_band_numbers(values: ArrayLike, field: str, *, sign: Sign = "any", missing: bool = True, noun: str | None = None) -> Floats:
    """One value per age band (a standard or reference population) checked by `check_numbers`, as a
    1-d float array; messages name each cell 'age band 3'."""
    bands = int(np.prod(np.shape(values)))
    return np.ravel(check_numbers(values, field, sign=sign, missing=missing, noun=noun, labels=[f"age band {b + 1}" for b in range(bands)]))


def _banded_shape(values: ArrayLike) -> tuple[int, ...]:
    """The shape of areas x bands values, one area given as one row counting as 1 x bands."""
    shape = np.shape(values)
    return (1, 1) if not shape else (1, *shape) if len(shape) == 1 else shape


def read_counts(
    count: ArrayLike,
    denominator: ArrayLike,
    *,
    count_at_most_denominator: bool = False,
    labels: Sequence[str] | None = None,
) -> tuple[Floats, Floats]:
    """Counts and denominators as floats, checked: counts 0 or more, denominators positive, both numbers
    (missing allowed: no value), and (for proportions) no count above its denominator."""
    x = check_numbers(count, "count", sign="non-negative", labels=labels)
    n = check_numbers(denominator, "denominator", sign="positive", labels=labels)
    if count_at_most_denominator:
        check_rows(x > n, "count-above-denominator", "a count no larger than the denominator", x, "count", labels)
    return x, n


def check_counts(
    count: ArrayLike,
    denominator: ArrayLike | None = None,
    *,
    count_at_most_denominator: bool = False,
    labels: Sequence[str] | None = None,
) -> None:
    """Reject counts that are negative or not numbers, and denominators that are zero, negative, not
    numbers or (for proportions) below the count.

    count: events (NaN allowed: no value). denominator: population or trials (NaN allowed).
    count_at_most_denominator: true for proportions, where the count is part of the denominator.
    labels: optional description of each row for the error messages.
    """
    if denominator is None:
        check_numbers(count, "count", sign="non-negative", labels=labels)
    else:
        read_counts(count, denominator, count_at_most_denominator=count_at_most_denominator, labels=labels)
