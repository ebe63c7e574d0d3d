"""The build report: its counts add up to the rows read (`check_totals` refuses a report that
does not), set-aside rows are grouped with every line, and its JSON is stable."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from generators.config import build_config
from generators.load import load_inputs
from generators.load.metadata import Indicator
from generators.report import build_report, check_totals, report_json
from generators.tidy import tidy_rows

HEADER = "area_code,indicator_id,period,value,lower_ci_95,upper_ci_95,count,denominator,value_note"
ROWS = [
    "E1,X1,2022,10,8,12,50,500,",  # 2 used
    "E1,X1,2021,,,,,,Data not available",  # 3 no data
    "E2,X1,2021,,,,,,Data not available",  # 4 no data
    "E2,X1,2022,0.6,0.2,1.8,3,500,",  # 5 suppressed
    "E1,X1,2022,10,8,12,50,500,",  # 6 repeats line 2
    "E2,X1,2020,10,12,8,50,500,",  # 7 crossed limits
    "E3,X1,2020,10,12,8,50,500,",  # 8 crossed limits
    "E1,X9,2022,10,8,12,50,500,",  # 9 in no chapter
]


@pytest.fixture()
def report(tmp_path: Path) -> dict:
    path = tmp_path / "local.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    loaded = load_inputs([], [path])
    config = build_config({"chapters": [{"name": "Chapter", "indicators": ["X1"]}]}, "jsna.yml", tmp_path, {})
    known = {"X1": Indicator("X1", "Crude rate", polarity="low_is_good", polarity_source="metadata")}
    return build_report(loaded, tidy_rows(loaded.table, config, known, {str(path)}))


def test_the_counts_add_up_to_the_rows_read(report: dict) -> None:
    assert report["rows"] == {"read": 8, "used": 1, "no_data": 2, "suppressed": 1, "rejected": 4}
    check_totals(report)


def test_every_input_file_is_listed_with_its_rows(report: dict, tmp_path: Path) -> None:
    assert report["files"] == [{"file": str(tmp_path / "local.csv"), "rows": 8}]


def test_rows_set_aside_are_grouped_by_file_status_and_reason_with_every_line(report: dict, tmp_path: Path) -> None:
    file = str(tmp_path / "local.csv")
    assert report["set_aside"] == [
        {"file": file, "status": "rejected", "reason": "95% lower limit is above the upper limit", "rows": 2, "lines": [7, 8]},
        {"file": file, "status": "rejected", "reason": "indicator is in none of the chapters listed in the configuration", "rows": 1, "lines": [9]},
        {"file": file, "status": "rejected", "reason": f"repeats {file}, line 2", "rows": 1, "lines": [6]},
        {"file": file, "status": "suppressed", "reason": "Suppressed: count between 1 and 7: not published, with the values derived from it", "rows": 1, "lines": [5]},
    ]
    assert report["no_data"] == [{"file": file, "note": "Data not available", "rows": 2}]


def test_polarity_says_where_it_came_from(report: dict) -> None:
    assert report["polarity"] == [
        {"id": "X1", "name": "Crude rate", "words": "low is good (from the metadata)", "polarity": "low_is_good", "source": "metadata"},
        {"id": "X9", "name": "", "words": "no polarity given or inferable: compared as higher or lower, with no judgement of better or worse", "polarity": "", "source": ""},
    ]
    assert report["indicators_without_polarity"] == ["X9"]


def test_without_checks_the_comparison_counts_are_zero(report: dict) -> None:
    assert report["verdicts"] == report["trends"] == {"checked": 0, "agreed": 0}
    assert report["disagreements"] == report["missing_boundaries"] == report["stale"] == []


@pytest.mark.parametrize("status", ["used", "no_data", "suppressed", "rejected"])
def test_check_totals_refuses_a_report_that_does_not_add_up(report: dict, status: str) -> None:
    wrong = copy.deepcopy(report)
    wrong["rows"][status] += 1
    with pytest.raises(AssertionError, match="build report does not add up: 9 accounted for, 8 read"):
        check_totals(wrong)


def test_the_json_is_stable_sorted_and_readable(report: dict) -> None:
    text = report_json(report)
    assert text.endswith("}\n")
    assert json.loads(text) == report
    assert list(json.loads(text)) == sorted(report)
    assert report_json({"b": "Café", "a": 1}) == '{\n  "a": 1,\n  "b": "Café"\n}\n'


def test_the_small_sites_report_adds_up(small) -> None:
    report = small.report_job.model
    assert report["rows"] == {"read": 33, "used": 33, "no_data": 0, "suppressed": 0, "rejected": 0}
    check_totals(report)
