"""Stage 4, stats (`assess`): verdicts recomputed against the benchmark at each indicator's own
level, the export's verdict kept where the benchmark's row is missing, limits for local data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

from generators.config import build_config
from generators.load import load_inputs
from generators.load.metadata import Indicator
from generators.stats import assess, compute_proportion, compute_rate
from generators.tidy import tidy_rows

COLUMNS = (
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "AreaName", "Area Type", "Sex", "Age",
    "Category Type", "Category", "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit",
    "Upper CI 99.8 limit", "Count", "Denominator", "Value note", "Recent Trend", "Compared to England value or percentiles",
    "Compared to Region value or percentiles", "Time period Sortable", "New data", "Compared to goal", "Time period range",
)
ENGLAND = {"area": "E92000001", "value": "10", "lower95": "9.9", "upper95": "10.1", "lower998": "9.8", "upper998": "10.2"}
REGION = {"area": "E12000008", "value": "12", "lower95": "11.9", "upper95": "12.1", "lower998": "11.8", "upper998": "12.2"}


def row(indicator: str = "X1", area: str = "E10000032", period: str = "2022", value: str = "12", lower95: str = "10.5", upper95: str = "13.5",
        lower998: str = "9.5", upper998: str = "14.5", england: str = "", note: str = "") -> dict[str, str]:
    cells = dict.fromkeys(COLUMNS, "")
    cells.update({"Indicator ID": indicator, "Indicator Name": f"Indicator {indicator}", "Area Code": area, "AreaName": f"Area {area}",
                  "Area Type": "County", "Sex": "Persons", "Age": "All ages", "Time period": period, "Value": value,
                  "Lower CI 95.0 limit": lower95, "Upper CI 95.0 limit": upper95, "Lower CI 99.8 limit": lower998, "Upper CI 99.8 limit": upper998,
                  "Value note": note, "Compared to England value or percentiles": england, "Time period Sortable": f"{period}0000", "Time period range": "1y"})
    return cells


def write_export(path: Path, rows: list[dict[str, str]]) -> Path:
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def assessed(tmp_path: Path, rows: list[dict[str, str]], known: dict[str, Indicator], benchmark: str = "E92000001", local: list[Path] = ()):
    export = write_export(tmp_path / "export.csv", rows) if rows else None
    loaded = load_inputs([export] if export else [], list(local))
    config = build_config({"benchmark": benchmark, "chapters": ["Chapter"]}, "jsna.yml", tmp_path, {})
    tidied = tidy_rows(loaded.table, config, known, {str(p) for p in local})
    return assess(tidied, config)


def verdict_of(tidied, indicator: str, area: str = "E10000032", period: str = "2022") -> str:
    table = tidied.table
    return table.loc[(table["indicator_id"] == indicator) & (table["area_code"] == area) & (table["period"] == period), "verdict"].item()


LOW = "low_is_good"


def test_each_indicator_is_compared_at_its_own_level(tmp_path: Path) -> None:
    known = {"X95": Indicator("X95", "At 95%", polarity=LOW), "X998": Indicator("X998", "At 99.8%", polarity=LOW, comparison="confidence interval 99.8")}
    rows = [row(i, **ENGLAND) for i in known] + [row(i) for i in known]
    tidied, _ = assessed(tmp_path, rows, known)
    assert verdict_of(tidied, "X95") == "Worse"  # 10.5 to 13.5 is above England's 10
    assert verdict_of(tidied, "X998") == "Similar"  # 9.5 to 14.5 holds it
    assert verdict_of(tidied, "X95", "E92000001") == "Not compared"


def test_a_grouping_that_compares_nothing_or_by_quintiles_is_never_judged_by_interval(tmp_path: Path) -> None:
    known = {"XN": Indicator("XN", "Not compared", polarity=LOW, comparison="not compared"), "XQ": Indicator("XQ", "Quintiles", polarity=LOW, comparison="quintiles")}
    rows = [row(i, **ENGLAND) for i in known] + [row(i, england="Worse") for i in known]
    tidied, checks = assessed(tmp_path, rows, known)
    assert verdict_of(tidied, "XN") == "Not compared" and verdict_of(tidied, "XQ") == "Not compared"  # 10.5 to 13.5 would be "Worse" at 95%
    assert checks["verdicts"]["checked"] == 0  # neither is counted as a disagreement with the export


def test_the_level_can_be_set_as_confidence_level_in_the_metadata(tmp_path: Path) -> None:
    (tmp_path / "indicators.yml").write_text("- id: X1\n  polarity: low_is_good\n  confidence_level: 99.8\n")
    from generators.load.metadata import load_indicators

    known = load_indicators(tmp_path / "indicators.yml")
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), row()], known)
    assert verdict_of(tidied, "X1") == "Similar"


def test_the_exports_verdict_is_kept_where_the_benchmark_has_no_row(tmp_path: Path) -> None:
    tidied, checks = assessed(tmp_path, [row(england="Worse"), row(area="E10000033", england="Similar")], {"X1": Indicator("X1", "X", polarity=LOW)})
    assert verdict_of(tidied, "X1") == "Worse"
    assert verdict_of(tidied, "X1", "E10000033") == "Similar"
    assert checks["verdicts"] == {"checked": 0, "agreed": 0, "from_export": 2, "quintiles": 0}


def test_where_the_benchmark_has_a_row_the_verdict_is_recomputed_and_a_disagreement_reported(tmp_path: Path) -> None:
    tidied, checks = assessed(tmp_path, [row(**ENGLAND), row(england="Better")], {"X1": Indicator("X1", "X", polarity=LOW)})
    assert verdict_of(tidied, "X1") == "Worse"
    assert checks["verdicts"] == {"checked": 1, "agreed": 0, "from_export": 0, "quintiles": 0}
    assert checks["disagreements"] == [{"file": str(tmp_path / "export.csv"), "line": 3, "what": "comparison with England", "export": "Better", "ours": "Worse"}]


def test_a_benchmark_row_of_another_period_is_no_benchmark(tmp_path: Path) -> None:
    tidied, checks = assessed(tmp_path, [row(**{**ENGLAND, "period": "2021"}), row(england="Better")], {"X1": Indicator("X1", "X", polarity=LOW)})
    assert verdict_of(tidied, "X1") == "Better"
    assert checks["verdicts"]["from_export"] == 1


def test_rows_without_a_value_are_not_compared(tmp_path: Path) -> None:
    blank = row(value="", lower95="", upper95="", lower998="", upper998="", england="Worse", note="Data not available")
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), blank], {"X1": Indicator("X1", "X", polarity=LOW)})
    assert verdict_of(tidied, "X1") == "Not compared"


def test_without_polarity_verdicts_are_higher_or_lower(tmp_path: Path) -> None:
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), row()], {})
    assert verdict_of(tidied, "X1") == "Higher"
    assert tidied.indicators["X1"].polarity == ""


def test_polarity_is_inferred_from_the_exports_verdicts_when_the_metadata_has_none(tmp_path: Path) -> None:
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), row(england="Worse")], {})
    assert (tidied.indicators["X1"].polarity, tidied.indicators["X1"].polarity_source) == (LOW, "inferred")
    assert verdict_of(tidied, "X1") == "Worse"


def test_metadata_polarity_wins_over_the_export(tmp_path: Path) -> None:
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), row(england="Worse")], {"X1": Indicator("X1", "X", polarity="high_is_good", polarity_source="metadata")})
    assert tidied.indicators["X1"].polarity_source == "metadata"
    assert verdict_of(tidied, "X1") == "Better"


def test_local_rows_get_limits_by_their_value_type(tmp_path: Path) -> None:
    local = tmp_path / "local.csv"
    local.write_text("area_code,indicator_id,period,value,count,denominator\nE10000032,P,2022,10,50,500\nE10000032,R,2022,25,50,200000\n")
    known = {"P": Indicator("P", "Share", unit="%", value_type="proportion", polarity=LOW), "R": Indicator("R", "Rate", unit="per 100,000", value_type="crude rate", polarity=LOW)}
    tidied, _ = assessed(tmp_path, [], known, local=[local])
    table = tidied.table.set_index("indicator_id")
    wilson, byars = compute_proportion([50], [500], 100), compute_rate([50], [200000], 100_000)
    limits = ["lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998"]
    assert np.allclose(table.loc["P", limits].astype(float), [getattr(wilson, c)[0] for c in limits])
    assert np.allclose(table.loc["R", limits].astype(float), [getattr(byars, c)[0] for c in limits])


def test_a_regional_benchmark_recomputes_verdicts_against_the_region(tmp_path: Path) -> None:
    between = {"value": "11", "lower95": "10.5", "upper95": "11.5", "lower998": "10.2", "upper998": "11.8"}
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), row(**REGION), row(**between, england="Worse")], {"X1": Indicator("X1", "X", polarity=LOW)}, benchmark="E12000008")
    assert verdict_of(tidied, "X1") == "Better"  # below the region's 12, though above England's 10


def test_a_regional_benchmark_is_not_checked_against_the_exports_england_column(tmp_path: Path) -> None:
    between = {"value": "11", "lower95": "10.5", "upper95": "11.5", "lower998": "10.2", "upper998": "11.8"}
    rows = [row(**ENGLAND), row(**REGION, england="Worse"), row(**between, england="Worse")]
    _, checks = assessed(tmp_path, rows, {"X1": Indicator("X1", "X", polarity=LOW)}, benchmark="E12000008")
    assert checks["disagreements"] == []


def test_a_regional_benchmark_without_its_row_never_takes_the_england_verdict(tmp_path: Path) -> None:
    tidied, _ = assessed(tmp_path, [row(**ENGLAND), row(england="Worse")], {"X1": Indicator("X1", "X", polarity=LOW)}, benchmark="E12000008")
    assert verdict_of(tidied, "X1") == "Not compared"


def test_a_row_counted_as_no_data_has_no_value(tmp_path: Path) -> None:
    local = tmp_path / "local.csv"
    local.write_text("area_code,indicator_id,period,value,count,denominator\nE92000001,P,2022,,5000,50000\nE10000032,P,2022,,60,400\n")
    known = {"P": Indicator("P", "Share", unit="%", value_type="proportion", polarity=LOW)}
    tidied, _ = assessed(tmp_path, [], known, local=[local])
    no_data = tidied.table[tidied.table["status"] == "no_data"]
    assert no_data["value"].isna().all()
