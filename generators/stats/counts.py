"""Values computed from local counts by age band (`local_counts:`), by the method the indicator's
metadata names in `value_type`, with 95% and 99.8% limits, as rows of the indicator table that the
build then treats like any local row (comparisons, trends, suppression):

- directly standardised rate: Dobson limits, against the file's `standard_population` or the
  European Standard Population 2013 (`dsr.compute_dsr`), per the unit's multiplier (per 100,000);
- indirectly standardised ratio (x 100) or rate: observed over expected events, the expected from
  the benchmark's own rates by age band in the same file (`isr.compute_isr_from_totals`);
- life expectancy at birth: Chiang II with Silcocks' adjustment (`life_expectancy`);
- crude rate (Byar's limits) and proportion (Wilson) of the summed events and population.

One row per area, indicator, period and sex; `computed_methods` says which method ran for which indicator."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from generators.errors import DataError, Place
from generators.load.metadata import Indicator
from generators.stats._common import Estimates
from generators.stats.dsr import compute_dsr, load_esp2013
from generators.stats.isr import compute_isr_from_totals
from generators.stats.life_expectancy import compute_life_expectancy
from generators.stats.proportions import compute_proportion
from generators.stats.rates import compute_rate

METHODS = {
    "directly standardised rate": "Directly standardised rate (Dobson limits), European Standard Population 2013 unless the file gives its own",
    "indirectly standardised ratio": "Indirectly standardised ratio x 100 (Byar's limits on the observed count), expected events from the benchmark's rates by age band",
    "indirectly standardised rate": "Indirectly standardised rate: the ratio times the benchmark's crude rate",
    "life expectancy": "Life expectancy at birth (Chiang II, Silcocks' adjustment)",
    "crude rate": "Crude rate (Byar's limits)",
    "proportion": "Proportion (Wilson score limits)",
}
GROUP = ["area_code", "indicator_id", "period", "sex"]


def method_of(indicator: Indicator | None) -> str:
    """The method an indicator's `value_type` names (`METHODS`), or "" where it names none."""
    kind = (indicator.value_type if indicator else "").lower().replace("standardized", "standardised")
    return next((m for m in METHODS if m in kind), "")


def rate_multiplier(unit: str) -> float | None:
    """The N of a rate's unit `per N`: `per 100,000` -> 100000; None for any other unit."""
    found = re.search(r"per\s+([\d,]+)", unit)
    return float(found.group(1).replace(",", "")) if found else None


def multiplier_of(indicator: Indicator) -> float:
    """`per 100,000` -> 100000; `%` -> 100; else 1 (a ratio x 100 is scaled by its method)."""
    return rate_multiplier(indicator.unit) or (100.0 if indicator.unit == "%" else 1.0)


def rows_from_counts(counts: pd.DataFrame, indicators: dict[str, Indicator], benchmark: str, like: pd.DataFrame) -> pd.DataFrame:
    """One row per area, indicator, period and sex of `counts`, in the columns and types of `like` (the rows read)."""
    if counts.empty:
        return like.iloc[0:0]
    made: list[dict[str, Any]] = []
    for indicator_id, rows in counts.groupby("indicator_id", sort=True):
        indicator = indicators.get(str(indicator_id))
        method = method_of(indicator)
        if indicator is None or not method:
            first = rows.iloc[0]
            raise DataError(
                "counts-method", f"expected the indicator metadata to name a method in value_type ({', '.join(METHODS)}), found "
                + (f"\"{indicator.value_type}\"" if indicator and indicator.value_type else f"no metadata for indicator {indicator_id}"),
                Place(str(first["source_file"]), int(first["source_line"]), "indicator_id"),
            )
        made += _compute(rows, indicator, method, benchmark)
    frame = pd.DataFrame(made)
    years = frame["period"].str.extract(r"((?:19|20)\d\d)", expand=False).fillna("0")
    frame["period_sortable"] = (years.astype(int) * 10000).astype("int64")
    return frame[list(like.columns)].astype(like.dtypes.to_dict())


def _compute(rows: pd.DataFrame, indicator: Indicator, method: str, benchmark: str) -> list[dict[str, Any]]:
    multiplier = multiplier_of(indicator)
    out = []
    for (area, _, period, sex), group in rows.groupby(GROUP, sort=True):
        label = f"indicator {indicator.id}, area {area}, period {period}, sex {sex}"
        events, population = float(group["events"].sum()), float(group["population"].sum())
        if method == "directly standardised rate":
            estimate = _dsr(group, multiplier, label)
        elif method.startswith("indirectly standardised"):
            estimate = _isr(group, rows, benchmark, method, multiplier, label)
        elif method == "life expectancy":
            estimate = _life_expectancy(group, label)
        elif method == "crude rate":
            estimate = compute_rate([events], [population], multiplier, labels=[label])
        else:
            estimate = compute_proportion([events], [population], multiplier, labels=[label])
        values = estimate.as_frame().iloc[0]
        first = group.iloc[0]
        out.append({
            "indicator_id": indicator.id, "indicator_name": indicator.name, "area_code": area, "area_name": first["area_name"] or area,
            "area_type": first["area_type"], "parent_code": first["parent_code"], "parent_name": first["parent_name"],
            "sex": sex, "age": "All ages", "category_type": "", "category": "", "period": period,
            "value_note": str(values.get("value_note", "") or ""), "recent_trend": "", "compared_to_england": "", "compared_to_parent": "",
            **{c: float(values[c]) for c in ("value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998")},
            "count": events, "denominator": population, "source_file": first["source_file"], "source_line": int(group["source_line"].min()),
        })
    return out


def _start(band: str) -> float:
    found = re.match(r"\s*(\d+)", str(band))
    return float(found.group(1)) if found else np.nan


def _dsr(group: pd.DataFrame, multiplier: float, label: str) -> Any:
    ordered = group.assign(_start=group["age_band"].map(_start)).sort_values("_start")
    if ordered["standard_population"].notna().all():
        weights = ordered["standard_population"].to_numpy(dtype=float)
    else:
        esp = load_esp2013()
        by_start = {_start(b): w for b, w in esp.items()}
        if sorted(ordered["_start"]) != sorted(by_start):
            first = group.iloc[0]
            raise DataError(
                "counts-age-bands", f"expected the 19 age bands of the European Standard Population 2013 (0-4 ... 90+) or a standard_population column, found {len(group)} bands",
                Place(str(first["source_file"]), int(first["source_line"]), "age_band"),
            )
        weights = ordered["_start"].map(by_start).to_numpy(dtype=float)
    events = ordered["events"].to_numpy(dtype=float)[None, :]
    population = ordered["population"].to_numpy(dtype=float)[None, :]
    return compute_dsr(events, population, weights, multiplier, labels=[label])


def _isr(group: pd.DataFrame, rows: pd.DataFrame, benchmark: str, method: str, multiplier: float, label: str) -> Any:
    first = group.iloc[0]
    reference = rows[(rows["area_code"] == benchmark) & (rows["period"] == first["period"]) & (rows["sex"] == first["sex"])]
    if reference.empty:
        raise DataError("counts-reference", f"expected the benchmark's ({benchmark}) own counts by age band for period {first['period']}, to compute expected events; found none",
                        Place(str(first["source_file"]), int(first["source_line"]), "area_code"))
    rates = dict(zip(reference["age_band"].map(_start), reference["events"] / reference["population"]))
    starts = group["age_band"].map(_start)
    missing = sorted(set(starts) - set(rates))
    if missing:
        raise DataError("counts-reference", f"expected the benchmark's counts for every age band, found none for the band starting at {missing[0]:g}",
                        Place(str(first["source_file"]), int(first["source_line"]), "age_band"))
    expected = float((group["population"].to_numpy(dtype=float) * starts.map(rates).to_numpy(dtype=float)).sum())
    observed = float(group["events"].sum())
    if method == "indirectly standardised ratio":
        return compute_isr_from_totals([observed], [expected], 100)
    crude = float(reference["events"].sum() / reference["population"].sum())
    return compute_isr_from_totals([observed], [expected], crude * multiplier)


def _life_expectancy(group: pd.DataFrame, label: str) -> Any:
    ordered = group.assign(_start=group["age_band"].map(_start)).sort_values("_start")
    table = compute_life_expectancy(ordered["_start"].to_numpy(), ordered["population"].to_numpy(dtype=float), ordered["events"].to_numpy(dtype=float),
                                    labels=[f"{label}, age band {b}" for b in ordered["age_band"]])
    return Estimates(
        table.value[:1], table.lower_ci_95[:1], table.upper_ci_95[:1], table.lower_ci_998[:1], table.upper_ci_998[:1],
        None if table.value_note is None else table.value_note[:1],
    )  # at birth


def computed_methods(counts: pd.DataFrame, indicators: dict[str, Indicator]) -> list[dict[str, Any]]:
    """Which method ran for which indicator, and from how many age-band rows: for the build report and the Methods page."""
    return [
        {"indicator_id": str(i), "name": indicators[str(i)].name if str(i) in indicators else str(i), "method": METHODS.get(method_of(indicators.get(str(i))), ""), "rows": len(rows)}
        for i, rows in counts.groupby("indicator_id", sort=True)
    ]
