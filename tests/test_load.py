"""Reading Fingertips exports as downloaded, and refusing what is not one, with the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.errors import DataError
from generators.load.exports import load_inputs, read_fingertips_file, read_tidy_file

HEADER = ('Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,'
          'Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,'
          'Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,'
          'Time period Sortable,New data,Compared to goal')
ROW = '92443,Smoking,E12000008,South East region,E10000032,West Sussex,County,Persons,18+ yrs,,,2022,{value},8.6,10.1,,,494,5307,,,Better,Similar,20220000,,'


def write(tmp_path: Path, text: str, name: str = "export.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_real_old_export_reads_every_row_with_line_numbers(shared: Path) -> None:
    table = read_fingertips_file(shared / "fixtures/fingertips/campylobacter_county_ua_2015_2017.csv")
    assert len(table) == 852
    assert table["indicator_name"].iloc[0] == "Campylobacter incidence rate/100,000"
    assert table["source_line"].iloc[:2].tolist() == [2, 4]  # the name holds a line break inside quotes


def test_real_new_export_with_bom_quotes_and_areaname(shared: Path) -> None:
    table = read_fingertips_file(shared / "fixtures/fingertips/five_a_day_ltla_2019_20.csv")
    assert len(table) == 307
    assert table["area_name"].iloc[0] == "Tunbridge Wells"
    assert table["compared_to_parent"].eq("").all() and table["compared_to_england"].iloc[0] == "Better"
    assert table["count"].isna().all() and table["denominator"].iloc[0] == 493


def test_a_folder_is_read_file_by_file(shared: Path) -> None:
    folder = shared / "fixtures/fingertips"
    loaded = load_inputs(sorted(folder.glob("*.csv")), [])
    assert sum(n for _, n in loaded.rows_by_file) == len(loaded.table) == 852 + 307


@pytest.mark.parametrize(
    ("text", "encoding", "code", "where"),
    [
        ("", "utf-8", "empty-file", "export.csv"),
        (HEADER.replace(",Value,", ",") + "\n", "utf-8", "missing-column", 'line 1, column "Value"'),
        (HEADER + "\n" + ROW.format(value="nine") + "\n", "utf-8", "not-a-number", 'line 2, column "Value"'),
        (HEADER.replace(",", ";") + "\n", "utf-8", "delimiter", "line 1"),
        (HEADER + "\n" + ROW.format(value="9.3").replace("West Sussex", "Chichester Café") + "\n", "latin-1", "encoding", "line 2"),
        (HEADER + ",Value\n", "utf-8", "duplicate-column", 'column "Value"'),
        (HEADER + "\n" + ROW.format(value="9.3") + ",x,y\n", "utf-8", "row-width", "line 2"),
    ],
)
def test_bad_exports_name_file_line_and_column(tmp_path: Path, text: str, encoding: str, code: str, where: str) -> None:
    path = write(tmp_path, text, encoding=encoding)
    with pytest.raises(DataError) as caught:
        read_fingertips_file(path)
    assert caught.value.code == code
    assert str(path) in str(caught.value) and where in str(caught.value)


def test_every_bad_cell_is_reported_not_just_the_first(tmp_path: Path) -> None:
    rows = "\n".join(ROW.format(value=v) for v in ("ten", "9.3", "y"))
    with pytest.raises(DataError) as caught:
        read_fingertips_file(write(tmp_path, HEADER + "\n" + rows + "\n"))
    assert "line 2" in str(caught.value) and "line 4" in str(caught.value)


def test_tidy_local_format(tmp_path: Path) -> None:
    path = write(tmp_path, "area_code,indicator_id,period,sex,age,value,count,denominator,value_note\nE07000223,L1,2023,Persons,All ages,12.5,25,200,\n", "local.csv")
    table = read_tidy_file(path)
    assert table.loc[0, "value"] == 12.5 and table.loc[0, "period_sortable"] == 20230000


def test_tidy_format_names_the_missing_column(tmp_path: Path) -> None:
    with pytest.raises(DataError, match='"value" column'):
        read_tidy_file(write(tmp_path, "area_code,indicator_id,period\nE1,L1,2023\n", "local.csv"))
