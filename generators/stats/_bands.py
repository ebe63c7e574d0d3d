"""Age-banded inputs for standardised rates: checks and reshaping long tables to areas x bands."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from generators.errors import DataError
from generators.stats._common import Floats, as_floats, check_rows


def normalise_band(label: str) -> str:
    """An age band label in one spelling: '00-04' -> '0-4', ' 90+ ' -> '90+'."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), str(label).strip())


def check_banded(
    count: ArrayLike, population: ArrayLike, standard: ArrayLike, labels: Sequence[str] | None = None
) -> tuple[Floats, Floats, Floats]:
    """Checked float arrays (areas x bands, areas x bands, bands) for a standardised rate.

    count: events per area and age band; a missing count is taken as no events (0).
    population: person-years per area and band, > 0. standard: the standard or reference
    population weights, one per band, >= 0. labels: optional area descriptions for messages.
    Raises DataError for mismatched shapes, negative counts or weights, and missing or
    non-positive populations.
    """
    x, n, w = np.atleast_2d(as_floats(count)), np.atleast_2d(as_floats(population)), as_floats(standard)
    if x.shape != n.shape or x.shape[1] != w.shape[-1]:
        raise DataError(
            "mismatched-age-bands",
            f"expected the counts, populations and standard to have the same age bands, found "
            f"{x.shape[1]} count bands, {n.shape[1]} population bands and {w.shape[-1]} standard bands",
        )
    area_labels = [band_label(labels, i, x.shape[1]) for i in range(x.size)]
    check_rows(x < 0, "negative-count", "a count of 0 or more", x, "count", area_labels)
    check_rows(~(n > 0), "non-positive-population", "a positive population", n, "population", area_labels)
    check_rows(~(w >= 0), "negative-standard-population", "a standard population of 0 or more", w, "standard population")
    return np.nan_to_num(x, nan=0.0), n, w


def band_label(labels: Sequence[str] | None, cell: int, bands: int) -> str:
    """How a message names cell `cell` of an areas x bands array: 'area E06000001, age band 3'."""
    area, band = divmod(cell, bands)
    return f"{labels[area] if labels is not None else f'area {area + 1}'}, age band {band + 1}"


def describe_band_mismatch(expected: list[str], found: list[str]) -> str:
    """What differs between two lists of age bands, in words."""
    missing = [b for b in expected if b not in found]
    unexpected = [b for b in found if b not in expected]
    repeated = sorted({b for b in found if found.count(b) > 1})
    parts = [("missing", missing), ("not in the standard", unexpected), ("repeated", repeated)]
    return "; ".join(f"{word} {', '.join(bands)}" for word, bands in parts if bands)


def pivot_bands(
    frame: pd.DataFrame, area: str, age_band: str, values: Sequence[str], bands: Sequence[str]
) -> tuple[list[str], list[pd.DataFrame]]:
    """Long rows (one per area and age band) as one areas x bands table per column in `values`.

    bands: the expected band labels in order (compared after `normalise_band`).
    Raises DataError naming the area when an area lacks a band, has a band twice or has a band
    that is not in `bands`.
    """
    expected = [normalise_band(b) for b in bands]
    rows = frame.assign(_band=frame[age_band].map(normalise_band))
    found = rows.groupby(area, sort=False)["_band"].agg(list)
    for name, got in found.items():
        if sorted(got) != sorted(expected):
            raise DataError(
                "mismatched-age-bands",
                f"area {name}: expected the {len(expected)} age bands of the standard, found "
                f"{describe_band_mismatch(expected, got)}",
            )
    tables = [rows.pivot(index=area, columns="_band", values=v).loc[list(found.index), expected] for v in values]
    return [str(a) for a in found.index], tables
