"""Table-level verdicts over the indicator table (ARCHITECTURE.md): benchmark comparisons,
recent trends, polarity read from an export's own verdicts, and agreement with the export.

All functions work by merge and groupby over the whole table; see compare.py and trend.py
for the methods and their sources.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from generators.columns import BREAKDOWN
from generators.stats.compare import compare_limits_to_benchmark
from generators.stats.trend import COVERED, POINTS, compute_trend

BENCHMARK_KEY = ["indicator_id", "period", *BREAKDOWN]
"""A row's benchmark is the benchmark area's row with these values in common."""
AREA_SERIES = ["indicator_id", "area_code", *BREAKDOWN]
"""A time series: one area's values for one indicator and breakdown."""
LIMITS = {95: ("lower_ci_95", "upper_ci_95"), 99.8: ("lower_ci_998", "upper_ci_998")}
TREND_INPUTS = ["value", "lower_ci_95", "upper_ci_95", "count", "denominator"]
"""The columns a recent trend is worked out from, in `compute_trend`'s order."""


def compare_rows_to_benchmark(
    table: pd.DataFrame,
    polarity_by_indicator: dict[str, str],
    benchmark_area_code: str = "E92000001",
    level: float = 95,
) -> pd.Series:
    """Fingertips' verdict for every row against the benchmark area's value (compare.py).

    table: the indicator table. polarity_by_indicator: polarity per indicator_id.
    benchmark_area_code: the benchmark area (England by default). level: 95 or 99.8.
    Returns a Series aligned with `table`; the benchmark's own rows and rows whose benchmark
    row is absent or has no value are "Not compared".
    Raises ValueError when an indicator has no polarity.
    """
    lower, upper = LIMITS[level]
    merged = _attach_benchmark(table, benchmark_area_code)
    polarity = _polarities(table, polarity_by_indicator)
    verdict = compare_limits_to_benchmark(merged[lower], merged[upper], merged["benchmark_value"], polarity)
    is_benchmark = (table["area_code"] == benchmark_area_code).to_numpy()
    return pd.Series(np.where(is_benchmark, "Not compared", verdict), index=table.index, dtype=object)


OVERALL_KEY = ["indicator_id", "area_code", "sex", "age", "period"]
"""A category row's reference: the same area's row for everyone (no category), same sex, age and period."""


def overall_values(table: pd.DataFrame) -> np.ndarray:
    """For each row of a category (a deprivation decile, an ethnic group...), the same area's value for
    everyone (same indicator, sex, age and period); NaN for other rows and where that value is absent."""
    keys = table[OVERALL_KEY].fillna("").astype(str)
    everyone = (table["category_type"] == "").to_numpy()
    overall = keys[everyone].assign(overall_value=table["value"].to_numpy()[everyone])
    overall = overall[overall["overall_value"].notna()].drop_duplicates(OVERALL_KEY)
    reference = keys.merge(overall, on=OVERALL_KEY, how="left", validate="many_to_one")["overall_value"].to_numpy(dtype=float)
    return np.where(everyone, np.nan, reference)


def compare_categories_to_overall(table: pd.DataFrame, polarity_by_indicator: dict[str, str], level: float = 95) -> pd.Series:
    """Each row of a category against its area's value for everyone (`overall_values`), as Fingertips
    compares a breakdown: the category's interval against that value (compare.py). Aligned with
    `table`; rows that are not a category's are ""."""
    lower, upper = LIMITS[level]
    verdict = compare_limits_to_benchmark(table[lower].to_numpy(), table[upper].to_numpy(), overall_values(table), _polarities(table, polarity_by_indicator))
    return pd.Series(np.where((table["category_type"] != "").to_numpy(), verdict, ""), index=table.index, dtype=object)


def compute_trends(
    table: pd.DataFrame, polarity_by_indicator: dict[str, str], value_type_by_indicator: Mapping[str, str] | None = None
) -> pd.Series:
    """Fingertips' recent trend (trend.py) on the latest row of every series; "" on other rows.

    table: the indicator table (needs value, lower_ci_95, upper_ci_95, count, denominator and
    period_sortable). polarity_by_indicator: polarity per indicator_id.
    value_type_by_indicator: Fingertips' value type per indicator_id (`trend.value_type_for_trend`
    reads it from the metadata); an indicator left out, or "", is not covered and "Cannot be
    calculated". None when the caller does not know them: every indicator is then tested as a
    proportion or rate.
    """
    order = table.sort_values("period_sortable", kind="stable")
    from_latest = order.groupby(AREA_SERIES, dropna=False, sort=False).cumcount(ascending=False)
    recent = order[from_latest < POINTS].assign(_slot=POINTS - 1 - from_latest[from_latest < POINTS])
    latest = recent[recent["_slot"] == POINTS - 1]
    slots = recent.assign(_series=recent.groupby(AREA_SERIES, dropna=False, sort=False).ngroup())
    grid = slots.pivot(index="_series", columns="_slot", values=TREND_INPUTS)
    grid = grid.reindex(columns=pd.MultiIndex.from_product([TREND_INPUTS, range(POINTS)]))
    rows = grid.loc[slots.loc[latest.index, "_series"]]
    known = value_type_by_indicator
    ids = latest["indicator_id"].astype(str)
    value_type = np.full(len(ids), COVERED[0], dtype=object) if known is None else ids.map(lambda i: known.get(i, "")).to_numpy(dtype=object)
    value, lower, upper, count, denominator = (rows[column] for column in TREND_INPUTS)
    trend = compute_trend(value, lower, upper, count, denominator, _polarities(latest, polarity_by_indicator), value_type)
    out = pd.Series("", index=table.index, dtype=object)
    out.loc[latest.index] = trend
    return out


def infer_polarity(table: pd.DataFrame, benchmark_area_code: str = "E92000001") -> dict[str, str]:
    """Polarity per indicator read from the export's own `compared_to_england` verdicts.

    An area marked Better whose value (and so its interval) lies above the benchmark value means
    high is good,
    below it low is good; Higher/Lower verdicts mean no judgement. Without a benchmark row,
    Better areas with higher values than every Worse area mean high is good (and the reverse).
    Indicators with nothing to go on (only Similar or Not compared) are left out.
    """
    merged = _attach_benchmark(table, benchmark_area_code).assign(verdict=table["compared_to_england"].to_numpy())
    signs = {"Better": 1, "Worse": -1}
    merged["_sign"] = merged["verdict"].map(signs)
    merged["_side"] = np.sign(merged["value"] - merged["benchmark_value"])
    votes = (merged["_sign"] * merged["_side"]).groupby(merged["indicator_id"]).sum()
    ordering = merged.groupby("indicator_id").apply(_order_vote, include_groups=False)
    judged = merged["verdict"].isin(["Higher", "Lower"]).groupby(merged["indicator_id"]).any()
    score = votes.where(votes != 0, ordering)
    polarity = pd.Series(np.where(score > 0, "high_is_good", np.where(score < 0, "low_is_good", "")), index=score.index)
    polarity[judged.reindex(polarity.index, fill_value=False)] = "no_judgement"
    return {str(k): v for k, v in polarity.items() if v}


@dataclass(frozen=True)
class Agreement:
    """How far recomputed values agree with the export's own.

    checked: rows compared. agreed: rows equal. disagreeing: those rows of the table, with
    the export's value and ours side by side (columns `export` and `recomputed`).
    """

    checked: int
    agreed: int
    disagreeing: pd.DataFrame


def agreement(
    table: pd.DataFrame, recomputed: pd.Series, column: str, only: Collection[str] | None = None
) -> Agreement:
    """Compare `recomputed` (aligned with `table`) with the export's `column`.

    only: check only rows whose export value is one of these (e.g. Better, Similar, Worse);
    None checks every row with a non-empty export value.
    """
    export = table[column].fillna("").astype(str)
    checked = export.isin(list(only)) if only is not None else export != ""
    differs = checked & (export != recomputed.astype(str))
    disagreeing = table[differs].assign(export=export[differs], recomputed=recomputed[differs])
    return Agreement(int(checked.sum()), int((checked & ~differs).sum()), disagreeing)


def _attach_benchmark(table: pd.DataFrame, benchmark_area_code: str) -> pd.DataFrame:
    """`table` with the benchmark row's value for the same breakdown as `benchmark_value`."""
    keys = table[BENCHMARK_KEY].fillna("").astype(str)
    bench = keys[table["area_code"] == benchmark_area_code].assign(benchmark_value=table["value"])
    bench = bench.drop_duplicates(BENCHMARK_KEY)
    merged = keys.merge(bench, on=BENCHMARK_KEY, how="left", validate="many_to_one")
    merged.index = table.index
    return pd.concat([table.drop(columns=BENCHMARK_KEY), merged], axis=1)


def _polarities(table: pd.DataFrame, polarity_by_indicator: dict[str, str]) -> np.ndarray:
    """Polarity per row; ValueError naming any indicator without one."""
    ids = table["indicator_id"].astype(str)
    missing = sorted(set(ids) - set(polarity_by_indicator))
    if missing:
        raise ValueError(f"expected a polarity for every indicator, found none for {', '.join(missing)}")
    return ids.map(polarity_by_indicator).to_numpy(dtype=object)


def _order_vote(group: pd.DataFrame) -> int:
    """+1 when every Better value is above every Worse value, -1 when below, 0 otherwise."""
    better = group.loc[group["verdict"] == "Better", "value"]
    worse = group.loc[group["verdict"] == "Worse", "value"]
    if better.empty or worse.empty:
        return 0
    return 1 if better.min() > worse.max() else -1 if better.max() < worse.min() else 0
