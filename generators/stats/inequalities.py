"""The slope and relative indices of inequality of every area's deprivation breakdowns, from the
indicator table (`sii.compute_sii`): one per area, indicator, sex, age and deprivation category
type, in the newest period that has every quantile's value, limits and population."""

from __future__ import annotations

import math
import re
import warnings
from typing import Any

import numpy as np
import pandas as pd

from generators.load.metadata import Indicator
from generators.stats.sii import SIIInputError, compute_sii

DEPRIVATION = re.compile(r"deprivation (deciles|quintiles)", re.IGNORECASE)
"""A category type of deprivation quantiles (Fingertips' `LSOA11 deprivation deciles within area (IMD2019)`...)."""
KEY = ["area_code", "indicator_id", "sex", "age", "category_type"]


def category_order(table: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Each category's place within its type (0 first), as the data orders them: Fingertips writes
    its categories in its own order (`Most deprived decile` first)."""
    rows = table[table["category_type"] != ""].sort_values(["source_file", "source_line"], kind="stable")
    order: dict[tuple[str, str], int] = {}
    counts: dict[str, int] = {}
    for category_type, category in rows.drop_duplicates(["category_type", "category"])[["category_type", "category"]].itertuples(index=False):
        order[(category_type, category)] = counts.get(category_type, 0)
        counts[category_type] = order[(category_type, category)] + 1
    return order


def value_type_of(indicator: Indicator) -> tuple[int, float]:
    """`phe_sii`'s value type (0 normal, 1 rate, 2 proportion) and the multiplier of an indicator's values."""
    kind, unit = indicator.value_type.lower(), indicator.unit
    if "proportion" in kind or unit == "%":
        return 2, 100.0 if unit == "%" else 1.0
    if "rate" in kind or unit.startswith("per "):
        return 1, 1.0
    return 0, 1.0


def inequality_indices(
    table: pd.DataFrame, indicators: dict[str, Indicator], order: dict[tuple[str, str], int], repetitions: int = 100_000, areas: set[str] | None = None
) -> dict[tuple[str, ...], tuple[float, ...]]:
    """(area code, indicator id, sex, age, category type, period) -> (sii, its limits, rii, its limits).

    areas: the area codes whose indices are published (each takes some 40 ms of simulation); None for every area.
    order: each category's place within its type (1st is the most deprived, as Fingertips orders them).
    A breakdown without every quantile's value, 95% limits and denominator has none (the page says so)."""
    rows = table[(table["category_type"] != "") & table["category_type"].str.contains(r"deprivation (?:deciles|quintiles)", case=False, regex=True) & (table["status"] == "used")]
    if areas is not None:
        rows = rows[rows["area_code"].isin(areas)]
    found: dict[tuple[str, ...], tuple[float, ...]] = {}
    if rows.empty:
        return found
    newest = rows.sort_values("period_sortable", kind="stable").groupby(KEY, sort=True).tail(1)[[*KEY, "period"]]
    for values, group in rows.merge(newest, on=[*KEY, "period"]).groupby([*KEY, "period"], sort=True):
        key = tuple(str(v) for v in values)
        indicator = indicators.get(key[1])
        if indicator is None:
            continue
        result = _one(group, indicator, order, repetitions)
        if result is not None:
            found[key] = result
    return found


def _one(group: pd.DataFrame, indicator: Indicator, order: dict[tuple[str, str], int], repetitions: int) -> tuple[float, ...] | None:
    columns = ["value", "lower_ci_95", "upper_ci_95", "denominator"]
    if group[columns].isna().to_numpy().any() or len(group) < 5:
        return None
    value_type, multiplier = value_type_of(indicator)
    quantile = np.array([order.get((t, c), 999) + 1 for t, c in zip(group["category_type"], group["category"])])
    scale = multiplier if value_type == 2 else 1.0  # proportions go in as fractions
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # more than ten quantiles: allowed
            result = compute_sii(
                quantile, group["denominator"].to_numpy(dtype=float), group["value"].to_numpy(dtype=float) / scale,
                value_type=value_type, lower=group["lower_ci_95"].to_numpy(dtype=float) / scale, upper=group["upper_ci_95"].to_numpy(dtype=float) / scale,
                multiplier=scale, repetitions=repetitions,
            )
    except SIIInputError:
        return None  # e.g. a proportion of 0 or a repeated quantile: no index, the breakdown still shows
    numbers: list[Any] = [result.sii, result.sii_lower, result.sii_upper, result.rii, result.rii_lower, result.rii_upper]
    return tuple(float(x) for x in numbers) if all(x is not None and math.isfinite(x) for x in numbers) else None
