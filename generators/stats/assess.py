"""Stage 4, statistics: limits for local data, comparisons with the benchmark, recent trends.

Wires the pure methods of `generators.stats` to the indicator table, and checks the
recomputed verdicts and trends against the export's own columns for the build report.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np
import pandas as pd

from generators.columns import SERIES
from generators.config import ENGLAND, Config
from generators.load.metadata import Indicator
from generators.stats.proportions import compute_proportion
from generators.stats.rates import compute_rate
from generators.stats.trend import value_type_for_trend
from generators.stats.verdicts import agreement, compare_categories_to_overall, compare_rows_to_benchmark, compute_trends, infer_polarity, overall_values
from generators.tidy.rows import Tidy, mark_no_data

JUDGED = ["Better", "Similar", "Worse", "Higher", "Lower"]
QUINTILES = ["Lowest quintile", "Low quintile", "Middle quintile", "High quintile", "Highest quintile"]
"""Fingertips' words for an indicator compared by quintiles (no interval test): published as the export gives them."""


def assess(tidy: Tidy, config: Config) -> tuple[Tidy, dict[str, Any]]:
    """The tidy table with `verdict` and `trend` columns, polarity settled, and the checks.

    An export's own "Compared to England" verdicts are used (where the benchmark's row is not in
    the data) and checked only when the benchmark is England: against any other benchmark they
    answer another question."""
    if tidy.table.empty:
        table = tidy.table.assign(verdict=pd.Series(dtype="str"), trend=pd.Series(dtype="str"), trend_source=pd.Series(dtype="str"))
        return dataclasses.replace(tidy, table=table), {}
    table = add_local_limits(tidy.table, tidy.indicators, tidy.local_files)
    mark_no_data(table, table["value"].isna() & (table["status"] == "used"))  # local counts whose value could not be computed
    indicators = settle_polarity(table, tidy.indicators, ENGLAND)  # the export's verdicts compare with England
    polarity = {i: (m.polarity or "no_judgement") for i, m in indicators.items()}
    recomputed = _verdicts(table, indicators, polarity, config.benchmark)
    checkable = has_reference_row(table, config.benchmark)
    exported = table["compared_to_england"] if config.benchmark == ENGLAND else pd.Series("", index=table.index)
    table["verdict"] = recomputed.where(checkable | ~exported.isin(JUDGED), exported)
    by_metadata = [i for i, m in indicators.items() if _by_quantile(m)]  # a quintile indicator is never judged by interval
    by_quintile = table["indicator_id"].isin([*table.loc[exported.isin(QUINTILES), "indicator_id"].unique(), *by_metadata])
    table.loc[by_quintile, "verdict"] = exported[by_quintile].where(exported[by_quintile].isin(QUINTILES), "Not compared")
    kinds = {i: value_type_for_trend(m.value_type, m.unit) for i, m in indicators.items()}  # Fingertips tests proportions and rates only
    ours = compute_trends(table, polarity, kinds)
    carried = (ours == "Cannot be calculated") & ~table["recent_trend"].isin(["", "Cannot be calculated"])
    table["trend"] = ours.where(~carried, table["recent_trend"])
    table["trend_source"] = np.where(carried, "fingertips", np.where(ours.isin(["", "Cannot be calculated"]), "", "recomputed"))
    table.loc[table["status"] != "used", "verdict"] = "Not compared"
    silent = table["indicator_id"].isin([i for i, m in indicators.items() if _not_compared(m)])
    checks = check_against_export(table, checkable & ~by_quintile & ~silent & (config.benchmark == ENGLAND), carried)
    checks["verdicts"]["from_export"] = int((~checkable & ~by_quintile & exported.isin(JUDGED)).sum())
    checks["verdicts"]["quintiles"] = int((by_quintile & exported.isin(QUINTILES)).sum())
    checks["trend_sources"] = _trend_sources(table, ours, carried)
    return dataclasses.replace(tidy, table=table, indicators=indicators), checks


def _trend_sources(table: pd.DataFrame, ours: pd.Series, carried: pd.Series) -> list[dict[str, Any]]:
    """Per indicator: recent trends recomputed that agree or disagree with the export's, and the export's carried."""
    tested = ~ours.isin(["", "Cannot be calculated"]) & (table["recent_trend"] != "")
    agreed = tested & (ours == table["recent_trend"])
    frame = pd.DataFrame({"id": table["indicator_id"], "agreed": agreed, "disagreed": tested & ~agreed, "carried": carried})
    counts = frame.groupby("id", sort=True)[["agreed", "disagreed", "carried"]].sum()
    return [{"id": str(i), **{k: int(v) for k, v in row.items()}} for i, row in counts.iterrows() if row.sum()]


def settle_polarity(table: pd.DataFrame, indicators: dict[str, Indicator], benchmark: str) -> dict[str, Indicator]:
    """Metadata polarity first; else inferred from the export's own verdicts; else none."""
    missing = [i for i, m in indicators.items() if not m.polarity]
    if not missing:
        return indicators
    inferred = infer_polarity(table[table["indicator_id"].isin(missing)], benchmark)
    return {
        i: dataclasses.replace(m, polarity=inferred[i], polarity_source="inferred") if i in inferred else m
        for i, m in indicators.items()
    }


def _verdicts(table: pd.DataFrame, indicators: dict[str, Indicator], polarity: dict[str, str], benchmark: str) -> pd.Series:
    """Each row against the benchmark at its indicator's level; a category's row against its area's overall value."""
    verdict = pd.Series("Not compared", index=table.index, dtype=object)
    category = table["category_type"] != ""
    for level in (95, 99.8):
        ids = [i for i, m in indicators.items() if _level(m) == level and not _not_compared(m)]
        rows = table["indicator_id"].isin(ids)
        if (rows & ~category).any():
            verdict[rows & ~category] = compare_rows_to_benchmark(table[rows & ~category], polarity, benchmark, level)
        if (rows & category).any():
            verdict[rows & category] = compare_categories_to_overall(table[rows], polarity, level)[category[rows]]
    return verdict


def has_reference_row(table: pd.DataFrame, benchmark: str) -> pd.Series:
    """Rows whose reference is in the data: the benchmark's row, or for a category's row its area's overall row."""
    category = table["category_type"] != ""
    if not category.any():
        return has_benchmark_row(table, benchmark)
    overall = pd.Series(~np.isnan(overall_values(table)), index=table.index)
    return has_benchmark_row(table, benchmark).where(~category, overall)


def has_benchmark_row(table: pd.DataFrame, benchmark: str) -> pd.Series:
    """Rows whose benchmark row (same indicator, breakdown and period) is in the data."""
    key = [*SERIES, "period"]
    present = table.loc[(table["area_code"] == benchmark) & table["value"].notna(), key].drop_duplicates()
    marked = table[key].merge(present.assign(_has=True), on=key, how="left")["_has"]
    return pd.Series(marked.fillna(False).to_numpy(dtype=bool), index=table.index)


def _level(indicator: Indicator) -> float:
    return 99.8 if "99.8" in indicator.comparison else 95


def _not_compared(indicator: Indicator) -> bool:
    """Fingertips' grouping compares the indicator with nothing (`make data`: `comparison: not compared`)."""
    return indicator.comparison.strip().lower() == "not compared"


def _by_quantile(indicator: Indicator) -> bool:
    """Fingertips' grouping compares the indicator by quintiles or quartiles, not by interval."""
    return indicator.comparison.strip().lower() in ("quintiles", "quartiles")


def check_against_export(table: pd.DataFrame, checkable: pd.Series, carried: pd.Series) -> dict[str, Any]:
    """How many recomputed verdicts and trends agree with the export's, and each disagreement.
    Verdicts are checked only where the benchmark's own row is in the data; trends only where they
    were recomputed (not where the export's own is carried)."""
    verdicts = agreement(table[checkable], table.loc[checkable, "verdict"], "compared_to_england", only=JUDGED)
    trends = agreement(table[~carried], table.loc[~carried, "trend"], "recent_trend")
    disagreements = [
        {"file": r.source_file, "line": int(r.source_line), "what": what, "export": r.export, "ours": r.recomputed}
        for what, found in (("comparison with England", verdicts), ("recent trend", trends))
        for r in found.disagreeing.itertuples()
    ]
    return {
        "verdicts": {"checked": verdicts.checked, "agreed": verdicts.agreed},
        "trends": {"checked": trends.checked, "agreed": trends.agreed},
        "disagreements": disagreements,
    }


def add_local_limits(table: pd.DataFrame, indicators: dict[str, Indicator], local_files: frozenset[str]) -> pd.DataFrame:
    """Local rows with a count and denominator but no limits get them, by the indicator's value type."""
    table = table.copy()
    needs = table["source_file"].isin(list(local_files)) & table["lower_ci_95"].isna() & table["count"].notna() & table["denominator"].notna()
    for indicator_id, rows in table[needs].groupby("indicator_id"):
        estimates = _estimates(indicators[str(indicator_id)], rows)
        if estimates is not None:
            frame = estimates.as_frame()
            frame.index = rows.index
            for column in ("lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998"):
                table.loc[rows.index, column] = frame[column]
            table.loc[rows.index, "value"] = table.loc[rows.index, "value"].fillna(frame["value"])
    return table


def _estimates(indicator: Indicator, rows: pd.DataFrame) -> Any:
    labels = [f"indicator {indicator.id}, area {a}, period {p}" for a, p in zip(rows["area_code"], rows["period"])]
    kind = indicator.value_type.lower()
    if "proportion" in kind or indicator.unit == "%":
        return compute_proportion(rows["count"].to_numpy(), rows["denominator"].to_numpy(), 100 if indicator.unit == "%" else 1, labels)
    if "rate" in kind and "standardised" not in kind:
        return compute_rate(rows["count"].to_numpy(), rows["denominator"].to_numpy(), _multiplier(indicator.unit), labels)
    return None


def _multiplier(unit: str) -> float:
    match = re.search(r"([\d,]+)", unit)
    return float(match.group(1).replace(",", "")) if match else 100_000.0



