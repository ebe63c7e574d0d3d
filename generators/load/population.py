"""Population estimates by area, sex and age band, for the population pyramid."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from generators.charts import PyramidBand, PyramidInput
from generators.errors import DataError, Place
from generators.load.exports import read_records

COLUMNS = ("area_code", "period", "sex", "age_band", "population")


@dataclass(frozen=True)
class Population:
    """Counts by area, period, sex and age band (tidy, one row each)."""

    table: pd.DataFrame

    def pyramid(self, area_code: str, area_name: str, benchmark: str) -> PyramidInput | None:
        """The latest period's pyramid for an area, with the benchmark's shape as the outline."""
        own = self.table[self.table["area_code"] == area_code]
        if own.empty:
            return None
        period = own["period"].max()
        england = self.table[(self.table["area_code"] == benchmark) & (self.table["period"] == period)]
        area_counts = _by_band(own[own["period"] == period])
        england_counts = _by_band(england)
        bands = tuple(
            PyramidBand(band, area_counts.get((band, "Male")), area_counts.get((band, "Female")), england_counts.get((band, "Male")), england_counts.get((band, "Female")))
            for band in sorted({b for b, _ in area_counts}, key=_band_start)
        )
        return PyramidInput(area_name, str(period), bands)


def _by_band(rows: pd.DataFrame) -> dict[tuple[str, str], float]:
    return {(b, s): float(v) for b, s, v in zip(rows["age_band"], rows["sex"], rows["population"])}


def _band_start(band: str) -> int:
    match = re.match(r"(\d+)", band)
    return int(match.group(1)) if match else 999


def load_population(path: Path | None) -> Population | None:
    """Read the population CSV: area_code, period, sex (Male/Female), age_band, population."""
    if path is None:
        return None
    header, records, lines = read_records(path)
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise DataError("missing-column", f"expected population columns {', '.join(COLUMNS)}; missing: {', '.join(missing)}", Place(str(path), 1, missing[0]))
    table = pd.DataFrame([dict(zip(names, r)) for r in records], columns=names)
    numbers = pd.to_numeric(table["population"], errors="coerce")
    bad = numbers.isna() | (numbers < 0)
    if bad.any():
        index = int(bad.to_numpy().nonzero()[0][0])
        raise DataError("not-a-number", f"expected a population of zero or more, found \"{table['population'].iloc[index]}\"", Place(str(path), lines[index], "population"))
    table["population"] = numbers
    table["area_code"] = table["area_code"].str.strip().str.upper()
    return Population(table[list(COLUMNS)])
