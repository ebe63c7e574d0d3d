"""Stage 2, load: CSV files to rows, with every column and number checked.

Reads Fingertips exports exactly as downloaded (26 or 27 columns, with or without a BOM,
`Area Name` or `AreaName`, any parent-comparison column name) and local data in the
documented tidy format. Collects every bad cell before stopping.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from generators.errors import DataError, DataErrors, Place

FINGERTIPS_COLUMNS = {
    "Indicator ID": "indicator_id", "Indicator Name": "indicator_name", "Parent Code": "parent_code",
    "Parent Name": "parent_name", "Area Code": "area_code", "Area Name": "area_name", "Area Type": "area_type",
    "Sex": "sex", "Age": "age", "Category Type": "category_type", "Category": "category",
    "Time period": "period", "Value": "value", "Lower CI 95.0 limit": "lower_ci_95",
    "Upper CI 95.0 limit": "upper_ci_95", "Lower CI 99.8 limit": "lower_ci_998",
    "Upper CI 99.8 limit": "upper_ci_998", "Count": "count", "Denominator": "denominator",
    "Value note": "value_note", "Recent Trend": "recent_trend",
    "Compared to England value or percentiles": "compared_to_england",
    "Time period Sortable": "period_sortable", "New data": "new_data", "Compared to goal": "compared_to_goal",
}
OPTIONAL_FINGERTIPS = {"Time period range": "period_range"}
PARENT_COMPARISON = re.compile(r"^Compared to (?!England\b)(.+ )?(value or )?percentiles$", re.IGNORECASE)

TIDY_REQUIRED = ("area_code", "indicator_id", "period", "value")
TIDY_OPTIONAL = (
    "area_name", "area_type", "parent_code", "parent_name", "indicator_name", "sex", "age",
    "category_type", "category", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998",
    "count", "denominator", "value_note", "period_sortable",
)
NUMBER_COLUMNS = ("value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator")
TEXT_COLUMNS = (
    "indicator_id", "indicator_name", "parent_code", "parent_name", "area_code", "area_name", "area_type",
    "sex", "age", "category_type", "category", "period", "value_note", "recent_trend",
    "compared_to_england", "compared_to_parent",
)
MAX_FIELD = 10_000


@dataclass(frozen=True)
class Loaded:
    """Rows read from every input file: one table, and how many rows each file had."""

    table: pd.DataFrame
    rows_by_file: tuple[tuple[str, int], ...]


def list_csv_files(paths: tuple[Path, ...]) -> list[Path]:
    """Every CSV file named, or inside a folder named, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".csv"))
        elif path.exists():
            files.append(path)
        else:
            raise DataError("input-missing", "expected a CSV file or a folder of them, found nothing", Place(str(path)))
    return files


def load_inputs(fingertips: list[Path], local: list[Path]) -> Loaded:
    """Read every Fingertips export and every local tidy CSV into one table of rows."""
    frames, counts = [], []
    for path, reader in [(p, read_fingertips_file) for p in fingertips] + [(p, read_tidy_file) for p in local]:
        frame = reader(path)
        frames.append(frame)
        counts.append((str(path), len(frame)))
    table = pd.concat(frames, ignore_index=True) if frames else empty_table()
    return Loaded(table, tuple(counts))


def empty_table() -> pd.DataFrame:
    columns = {c: pd.Series(dtype="str") for c in TEXT_COLUMNS + ("source_file",)}
    columns.update({c: pd.Series(dtype="float64") for c in NUMBER_COLUMNS})
    columns.update({"period_sortable": pd.Series(dtype="int64"), "source_line": pd.Series(dtype="int64")})
    return pd.DataFrame(columns)


def read_records(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the records and the line each record starts on."""
    text = _decode(path)
    if not text.strip():
        raise DataError("empty-file", "expected a header row and data rows, found an empty file", Place(str(path)))
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader)
        records, lines, previous = [], [], reader.line_num
        for record in reader:
            if record:
                records.append(record)
                lines.append(previous + 1)
            previous = reader.line_num
    except csv.Error as error:
        raise DataError("bad-csv", f"expected well-formed CSV: {error}", Place(str(path), reader.line_num)) from None
    return header, records, lines


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        found = data[error.start : error.start + 1].hex().upper()
        message = f"expected UTF-8 text, found byte 0x{found}; save the file as CSV UTF-8"
        raise DataError("encoding", message, Place(str(path), line)) from None


def read_fingertips_file(path: Path) -> pd.DataFrame:
    """Read one Fingertips export as downloaded; stop with a clear error if it is not one."""
    header, records, lines = read_records(path)
    names = map_fingertips_header(header, path)
    return _to_table(path, names, records, lines)


def _normalise(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip().lstrip("\ufeff"))
    return "Area Name" if name.replace(" ", "").lower() == "areaname" else name


def map_fingertips_header(header: list[str], path: Path) -> list[str]:
    """Our column name for each header cell ("" for a column we do not use)."""
    _check_delimiter(header, path, "Indicator ID")
    names, seen = [], set()
    for index, cell in enumerate(header, start=1):
        name = _normalise(cell)
        ours = FINGERTIPS_COLUMNS.get(name) or OPTIONAL_FINGERTIPS.get(name)
        if ours is None and PARENT_COMPARISON.match(name):
            ours = "compared_to_parent"
        if ours and ours in seen:
            raise DataError("duplicate-column", f"expected each column once, found \"{name}\" again", Place(str(path), 1, name))
        seen.add(ours or "")
        names.append(ours or "")
    missing = [k for k, v in FINGERTIPS_COLUMNS.items() if v not in seen]
    if missing:
        raise DataError("missing-column", f"expected the Fingertips export columns; missing: {', '.join(missing)}", Place(str(path), 1, missing[0]))
    return names


def _check_delimiter(header: list[str], path: Path, first: str) -> None:
    if len(header) == 1 and any(d in header[0] for d in ";\t|"):
        raise DataError("delimiter", f"expected comma-separated values, found another separator in \"{header[0][:60]}\"", Place(str(path), 1))
    if not header or not header[0].strip():
        raise DataError("missing-header", f"expected a header row starting \"{first}\"", Place(str(path), 1))


def read_tidy_file(path: Path) -> pd.DataFrame:
    """Read one local CSV in the documented tidy format."""
    header, records, lines = read_records(path)
    _check_delimiter(header, path, "area_code")
    names = [_normalise(c).lower().replace(" ", "_") for c in header]
    for name in TIDY_REQUIRED:
        if name not in names:
            raise DataError("missing-column", f"expected a \"{name}\" column in the tidy format", Place(str(path), 1, name))
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DataError("duplicate-column", f"expected each column once, found \"{duplicates[0]}\" twice", Place(str(path), 1, duplicates[0]))
    names = [n if n in TIDY_REQUIRED + TIDY_OPTIONAL else "" for n in names]
    return _to_table(path, names, records, lines)


TRAILING_OPTIONAL = {"", "new_data", "compared_to_goal", "period_range"}


def _fit_width(names: list[str], records: list[list[str]], lines: list[int], path: Path) -> list[DataError]:
    """Pad rows that stop before optional trailing columns (real old exports omit the last
    empty cell); trim blank cells past the header. Anything else is an error."""
    width, optional = len(names), 0
    while optional < width and names[width - 1 - optional] in TRAILING_OPTIONAL:
        optional += 1
    errors = []
    for record, line in zip(records, lines):
        gap = width - len(record)
        if 0 < gap <= optional:
            record.extend([""] * gap)
        elif gap < 0 and not any(c.strip() for c in record[width:]):
            del record[width:]
        elif gap:
            errors.append(DataError("row-width", f"expected {width} fields as in the header, found {len(record)}", Place(str(path), line)))
    return errors


def _to_table(path: Path, names: list[str], records: list[list[str]], lines: list[int]) -> pd.DataFrame:
    _raise_any(_fit_width(names, records, lines, path))
    columns = {name: [r[i] for r in records] for i, name in enumerate(names) if name}
    frame = pd.DataFrame(columns, dtype="str") if records else pd.DataFrame({n: pd.Series(dtype="str") for n in names if n})
    frame["source_file"] = str(path)
    frame["source_line"] = np.array(lines, dtype="int64")
    return _typed(frame, path)


def _typed(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    errors: list[DataError] = []
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].str.replace(r"\s+", " ", regex=True).str.strip() if column in frame else ""
    for column in NUMBER_COLUMNS:
        frame[column] = _numbers(frame, column, path, errors) if column in frame else np.nan
    errors += _long_fields(frame, path)
    frame["period_sortable"] = _period_sortable(frame, path, errors)
    frame["area_code"] = frame["area_code"].str.upper()
    _raise_any(errors)
    return frame[list(TEXT_COLUMNS + NUMBER_COLUMNS) + ["period_sortable", "source_file", "source_line"]]


def _numbers(frame: pd.DataFrame, column: str, path: Path, errors: list[DataError]) -> pd.Series:
    text = frame[column].str.strip().str.replace(",", "", regex=False)
    numbers = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = numbers.isna() & (text != "") | np.isinf(numbers)
    for line, found in zip(frame.loc[bad, "source_line"], frame.loc[bad, column]):
        errors.append(DataError("not-a-number", f"expected a number or a blank cell, found \"{found[:40]}\"", Place(str(path), int(line), _header_name(column))))
    return numbers.astype("float64")


def _long_fields(frame: pd.DataFrame, path: Path) -> list[DataError]:
    errors = []
    for column in TEXT_COLUMNS:
        long = frame[column].str.len() > MAX_FIELD
        for line in frame.loc[long, "source_line"]:
            errors.append(DataError("field-too-long", f"expected at most {MAX_FIELD} characters", Place(str(path), int(line), _header_name(column))))
    return errors


def _period_sortable(frame: pd.DataFrame, path: Path, errors: list[DataError]) -> pd.Series:
    given = frame["period_sortable"].str.strip() if "period_sortable" in frame else pd.Series("", index=frame.index)
    derived = frame["period"].str.extract(r"((?:19|20)\d\d)", expand=False).fillna("0") + "0000"
    text = given.where(given != "", derived)
    numbers = pd.to_numeric(text, errors="coerce")
    for line in frame.loc[numbers.isna(), "source_line"]:
        errors.append(DataError("not-a-number", "expected a sortable period such as 20190000", Place(str(path), int(line), "Time period Sortable")))
    return numbers.fillna(0).astype("int64")


def _header_name(column: str) -> str:
    reverse = {v: k for k, v in FINGERTIPS_COLUMNS.items()}
    return reverse.get(column, column)


def _raise_any(errors: list[DataError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DataErrors(errors)
