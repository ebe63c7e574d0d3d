"""The data downloads: the all-data CSV split into one file per area, safe to open in a spreadsheet."""

from __future__ import annotations

import pandas as pd

from generators.render.downloads import by_area, safe_csv


def test_per_area_files_split_from_the_whole_are_what_writing_each_area_gives() -> None:
    frame = pd.DataFrame({"area_code": ["A", "B", "A"], "value_note": ["x", "=HYPERLINK(1)", "-3"], "value": [1.5, float("nan"), 2.0]})
    split = by_area(frame, safe_csv(frame))
    assert split == {code: safe_csv(rows) for code, rows in frame.groupby("area_code")}
    assert split["B"] == "area_code,value_note,value\r\nB,'=HYPERLINK(1),\r\n"


def test_a_line_break_inside_a_cell_writes_each_area_again() -> None:
    frame = pd.DataFrame({"area_code": ["A", "B"], "value_note": ["two\nlines", "one"], "value": [1.0, 2.0]})
    assert by_area(frame, safe_csv(frame)) == {code: safe_csv(rows) for code, rows in frame.groupby("area_code")}
