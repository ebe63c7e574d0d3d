"""Population estimates by area, sex and age band, for the population pyramid."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from generators.errors import DataError, Place
from generators.load.exports import read_records

COLUMNS = ("area_code", "period", "sex", "age_band", "population")


@dataclass(frozen=True)
class Population:
    """Counts by area, period, sex and age band (tidy, one row each)."""

    table: pd.DataFrame

    def latest_period(self, area_code: str) -> str | None:
        """The latest period with counts for an area, or None."""
        own = self.table.loc[self.table["area_code"] == area_code, "period"]
        return None if own.empty else own.max()

    def counts(self, area_code: str, period: str) -> dict[tuple[str, str], float]:
        """An area's counts in a period by (age band, sex)."""
        rows = self.table[(self.table["area_code"] == area_code) & (self.table["period"] == period)]
        return {(b, s): float(v) for b, s, v in zip(rows["age_band"], rows["sex"], rows["population"])}


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
