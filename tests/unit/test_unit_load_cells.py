"""Stage 2, load: the cells of a number column, each cleaned once (markup, white space) and then
read as a number or as one of Fingertips' no-value markers (`-`, `*`, `x`, `..`)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from generators.load import cells

NAMES = ["indicator_id", "area_code", "period", "value", "count", "value_note"]
VALUES = ["12.5", "-", " * ", '<div class="no-data">-</div>', "X", "..", "1,234.5", "", "-"]
NOTES = ["", "", "", "", "", "", "", "", "Data not available"]


def table(values: list[str] = VALUES, notes: list[str] = NOTES) -> pd.DataFrame:
    records = [["I1", "E1", "2022", value, "3", note] for value, note in zip(values, notes)]
    return cells.to_table(Path("export.csv"), list(NAMES), records, list(range(2, len(records) + 2)))


def test_no_value_markers_are_blank_values_with_a_note_where_there_was_none() -> None:
    frame = table()
    assert [None if math.isnan(v) else v for v in frame["value"]] == [12.5, None, None, None, None, None, 1234.5, None, None]
    marked = "No value: Fingertips shows none"
    assert list(frame["value_note"]) == ["", marked, marked, marked, marked, marked, "", "", "Data not available"]


def test_a_marker_in_another_number_column_is_a_blank_cell_and_notes_nothing() -> None:
    records = [["I1", "E1", "2022", "4", "-", ""]]
    frame = cells.to_table(Path("export.csv"), list(NAMES), records, [2])
    assert frame["value"].tolist() == [4.0] and math.isnan(frame["count"][0]) and frame["value_note"].tolist() == [""]


def test_the_value_columns_cells_are_cleaned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once for both the no-value check and the number: never a second pass over the same cells."""
    cleaned: list[list[str]] = []
    clean = cells._clean_text

    def spy(text: pd.Series) -> pd.Series:
        cleaned.append(list(text))
        return clean(text)

    monkeypatch.setattr(cells, "_clean_text", spy)
    table()
    assert sum(1 for call in cleaned if set(call) == set(VALUES)) == 1
