"""The range of each indicator across areas, for the spine chart: as Fingertips draws it."""

from __future__ import annotations

import pandas as pd

from generators.columns import SERIES

MIN_AREAS_FOR_RANGE = 5


def compute_ranges(table: pd.DataFrame, benchmark: str) -> dict[tuple, tuple[float, ...]]:
    """Minimum, 25th and 75th percentiles and maximum of each indicator across the areas of a type
    (as Fingertips' spine charts); where a type has fewer than 5 areas in the data, across all
    areas but the benchmark, keyed with area type "*"."""
    rows = table[table["value"].notna() & (table["status"] == "used") & (table["area_code"] != benchmark)]
    keys = [*SERIES, "period"]
    by_type = _summary(rows, [*keys, "area_type"])
    everyone = _summary(rows.assign(area_type="*"), [*keys, "area_type"])
    return everyone | by_type


def _summary(rows: pd.DataFrame, keys: list[str]) -> dict[tuple, tuple[float, ...]]:
    grouped = rows.groupby(keys, sort=True)["value"]
    summary = pd.concat([grouped.min(), grouped.quantile(0.25), grouped.quantile(0.75), grouped.max(), grouped.count()], axis=1)
    return {key: tuple(float(v) for v in values[:4]) for key, values in zip(summary.index, summary.to_numpy()) if values[4] >= MIN_AREAS_FOR_RANGE}
