"""Stage 3, tidy: every input row ends used, no_data, suppressed or rejected (with its reason);
repeated rows are set aside, conflicting ones stop the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.config import build_config
from generators.errors import DataError
from generators.load import load_inputs
from generators.load.metadata import Indicator
from generators.tidy import tidy_rows

TIDY_HEADER = "area_code,area_name,indicator_id,period,category_type,category,value,lower_ci_95,upper_ci_95,count,denominator,value_note"
ROWS = {  # line -> (row, the status it must end in, its reason)
    2: ("E1,One,X1,2022,,,10,8,12,50,500,", "used", ""),
    3: ("E1,One,X1,2021,,,,,,,,Data not available", "no_data", "Data not available"),
    4: ("E1,One,X1,2020,,,,,,,,", "no_data", "no value given"),
    5: ("E2,Two,X1,2022,,,0.6,0.2,1.8,3,500,", "suppressed", "Suppressed: count between 1 and 7: not published, with the values derived from it"),
    6: ("E1,One,X1,2022,,,10,8,12,50,500,", "rejected", "repeats {file}, line 2"),
    7: ("E2,Two,X1,2021,,,10,12,8,50,500,", "rejected", "95% lower limit is above the upper limit"),
    8: ("E2,Two,X1,2020,,,20,8,12,50,500,", "rejected", "95% limits do not contain the value"),
    9: ("E1,One,X1,2022,Deprivation decile,Most deprived,10,8,12,50,500,", "used", ""),
    10: ("E1,One,X9,2022,,,10,8,12,50,500,", "rejected", "indicator is in none of the chapters listed in the configuration"),
    11: ("E3,Three,X1,2022,,,0,0,0.7,0,500,", "used", ""),
    12: ("E3,Three,X1,2021,,,1.6,0.8,3.1,8,500,", "used", ""),
}
FINGERTIPS_HEADER = (
    '"Indicator ID","Indicator Name","Parent Code","Parent Name","Area Code","AreaName","Area Type","Sex","Age","Category Type","Category",'
    '"Time period","Value","Lower CI 95.0 limit","Upper CI 95.0 limit","Lower CI 99.8 limit","Upper CI 99.8 limit","Count","Denominator",'
    '"Value note","Recent Trend","Compared to England value or percentiles","Compared to Region value or percentiles","Time period Sortable",'
    '"New data","Compared to goal","Time period range"'
)


def fingertips_row(area: str, period: str, value: str, count: str) -> str:
    return f"X1,Export indicator,,,{area},Area {area},District,Persons,All ages,,,{period},{value},,,,,{count},500,,,,,{period}0000,,,1y"


def write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def tidy(tmp_path: Path, local: list[Path], fingertips: list[Path] = (), **settings):
    config = build_config({"chapters": [{"name": "Chapter", "indicators": ["X1"]}], **settings}, "jsna.yml", tmp_path, {})
    loaded = load_inputs(list(fingertips), local)
    return tidy_rows(loaded.table, config, {"X1": Indicator("X1", "One indicator")}, {str(p) for p in local})


@pytest.fixture()
def local_file(tmp_path: Path) -> Path:
    return write(tmp_path / "local.csv", TIDY_HEADER, [row for row, _, _ in ROWS.values()])


def statuses(tidied) -> dict[int, tuple[str, str]]:
    """Status and reason of every input line: the kept table's and the rows set aside (a line is in one or the other)."""
    kept = {int(line): (s, r) for line, s, r in zip(tidied.table["source_line"], tidied.table["status"], tidied.table["reason"]) if s != "suppressed"}
    aside = {row.line: (row.status, row.reason) for row in tidied.set_aside}
    assert not set(kept) & set(aside)
    return kept | aside


def test_every_row_ends_in_exactly_one_status_with_its_reason(tmp_path: Path, local_file: Path) -> None:
    tidied = tidy(tmp_path, [local_file])
    expected = {line: (status, reason.format(file=local_file)) for line, (_, status, reason) in ROWS.items()}
    assert statuses(tidied) == expected
    assert tidied.rows_read == len(ROWS)


def test_the_table_keeps_used_no_data_and_suppressed_rows_and_sets_the_rest_aside(tmp_path: Path, local_file: Path) -> None:
    tidied = tidy(tmp_path, [local_file])
    assert sorted(set(tidied.table["status"])) == ["no_data", "suppressed", "used"]
    assert sorted({r.status for r in tidied.set_aside}) == ["rejected", "suppressed"]
    rejected = sum(1 for r in tidied.set_aside if r.status == "rejected")
    assert len(tidied.table) + rejected == tidied.rows_read


def test_a_suppressed_row_loses_every_value_derived_from_its_count(tmp_path: Path, local_file: Path) -> None:
    row = tidy(tmp_path, [local_file]).table.query("status == 'suppressed'").iloc[0]
    assert row[["value", "lower_ci_95", "upper_ci_95", "count", "denominator"]].isna().all()
    assert row["value_note"] == "Suppressed: count between 1 and 7"  # the one rule, suppress_counts_below 8


def test_the_suppression_threshold_is_a_setting(tmp_path: Path, local_file: Path) -> None:
    found = statuses(tidy(tmp_path, [local_file], suppress_counts_below=9))
    assert found[12][0] == "suppressed"  # a count of 8
    assert found[11][0] == "used"  # zero is never suppressed


def test_published_exports_are_never_suppressed(tmp_path: Path) -> None:
    export = write(tmp_path / "export.csv", FINGERTIPS_HEADER, [fingertips_row("E1", "2022", "0.6", "3")])
    tidied = tidy(tmp_path, [], [export])
    assert tidied.table["status"].tolist() == ["used"]
    assert tidied.table["count"].tolist() == [3]


def test_a_row_repeated_in_another_file_is_set_aside_naming_the_first(tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", TIDY_HEADER, [ROWS[2][0]])
    again = write(tmp_path / "b.csv", TIDY_HEADER, ["E3,Three,X1,2020,,,10,8,12,50,500,", ROWS[2][0]])
    tidied = tidy(tmp_path, [first, again])
    assert [(r.file, r.line, r.status, r.reason) for r in tidied.set_aside] == [(str(again), 3, "rejected", f"repeats {first}, line 2")]


def test_conflicting_rows_stop_the_build_naming_both(tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", TIDY_HEADER, [ROWS[2][0]])
    other = write(tmp_path / "b.csv", TIDY_HEADER, [ROWS[2][0].replace(",10,8,12,", ",11,8,12,")])
    with pytest.raises(DataError) as caught:
        tidy(tmp_path, [first, other])
    assert caught.value.code == "conflicting-duplicate"
    assert caught.value.place.file == str(first) and caught.value.place.line == 2
    assert f"found 10 here and 11 at {other}, line 2" in str(caught.value)


def test_several_conflicts_are_reported_together(tmp_path: Path) -> None:
    rows = [ROWS[2][0], ROWS[2][0].replace(",10,8,12,", ",11,8,12,"), ROWS[11][0], ROWS[11][0].replace(",0,0,0.7,", ",0.1,0,0.7,")]
    with pytest.raises(DataError) as caught:
        tidy(tmp_path, [write(tmp_path / "a.csv", TIDY_HEADER, rows)])
    assert len(caught.value.errors) == 2


def test_a_negative_count_stops_the_build_with_its_place(tmp_path: Path) -> None:
    bad = write(tmp_path / "a.csv", TIDY_HEADER, ["E1,One,X1,2022,,,10,8,12,-3,500,"])
    with pytest.raises(DataError) as caught:
        tidy(tmp_path, [bad])
    assert (caught.value.code, caught.value.place.line, caught.value.place.column) == ("negative-count", 2, "Count")
    assert "found -3" in str(caught.value)


def test_without_listed_indicators_the_unclaimed_go_to_other_indicators(tmp_path: Path, local_file: Path) -> None:
    config = build_config({"chapters": ["Chapter"]}, "jsna.yml", tmp_path, {})
    loaded = load_inputs([], [local_file])
    tidied = tidy_rows(loaded.table, config, {}, {str(local_file)})
    assert tidied.chapter_of == {"X1": "other-indicators", "X9": "other-indicators"}
    assert [c.slug for c in tidied.chapters] == ["chapter", "other-indicators"]
    assert "indicator is in none of the chapters listed in the configuration" not in {r.reason for r in tidied.set_aside}
