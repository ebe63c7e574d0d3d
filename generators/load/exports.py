"""Stage 2, load: CSV files to rows, with every column and number checked.

Reads Fingertips exports exactly as downloaded (26 or 27 columns, with or without a BOM,
`Area Name` or `AreaName`, any parent-comparison column name) and local data in the
documented tidy format. Collects every bad cell before stopping.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from generators.errors import DataError, Place, raise_all
from generators.load.cache import ContentCache

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
CONTROL = r"[\x00-\x1f\x7f-\x9f]"  # after white space is folded: escapes, bells, C1 controls
LINE_END = re.compile(r"\r\n|\r|\n")


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


def load_inputs(fingertips: list[Path], local: list[Path], cache: Path | None = None) -> Loaded:
    """Read every Fingertips export and every local tidy CSV into one table of rows.

    With `cache` (a folder of its own), each file's rows are kept there keyed by the file's bytes
    and this module's code, so a rebuild parses only the files that changed; the result is the
    same as without. After a load that succeeds, entries nobody used for two weeks are deleted
    (see `ContentCache.prune`).
    """
    store = ContentCache(cache, _code_fingerprint()) if cache is not None else None
    frames, counts = [], []
    with _collector_paused():  # unpickled frames too are many objects and no cycles
        for path, reader in [(p, read_fingertips_file) for p in fingertips] + [(p, read_tidy_file) for p in local]:
            frame = reader(path) if store is None else _read_cached(path, reader, store)
            frames.append(frame)
            counts.append((str(path), len(frame)))
        table = pd.concat(frames, ignore_index=True) if frames else empty_table()
    if store is not None:
        store.prune()
    return Loaded(table, tuple(counts))


def _read_cached(path: Path, reader: Callable[[Path, bytes | None], pd.DataFrame], store: ContentCache) -> pd.DataFrame:
    """The file's rows from the cache when its bytes were read before, else parsed (and stored:
    only files that load without an error). The rows name the file by its path now."""
    data = path.read_bytes()  # parsed below too, so what is stored is what the key was made from
    key = store.key(reader.__name__.encode(), data)
    frame = store.get(key)
    if isinstance(frame, pd.DataFrame) and "source_file" in frame.columns:
        frame["source_file"] = pd.Series(str(path), index=frame.index, dtype=frame["source_file"].dtype)
        return frame
    frame = reader(path, data)
    store.put(key, frame)
    return frame


def _code_fingerprint() -> str:
    """What, besides a file's bytes, decides the table read from it: this module and the versions it runs on."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return f"{code} python {sys.version} pandas {pd.__version__} numpy {np.__version__} field limit {csv.field_size_limit()}"


def empty_table() -> pd.DataFrame:
    columns = {c: pd.Series(dtype="str") for c in (*TEXT_COLUMNS, "source_file")}
    columns.update({c: pd.Series(dtype="float64") for c in NUMBER_COLUMNS})
    columns.update({"period_sortable": pd.Series(dtype="int64"), "source_line": pd.Series(dtype="int64")})
    return pd.DataFrame(columns)


def read_records(path: Path, data: bytes | None = None) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the records and the line each record starts on (from `data`, the file's bytes, when given)."""
    text = _decode(path, data)
    if not text.strip():
        raise DataError("empty-file", "expected a header row and data rows, found an empty file", Place(str(path), 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # lines end only at LF, CRLF, CR
    try:
        header = next(reader)
        records, lines, previous = [], [], reader.line_num
        for record in reader:
            if record and (record[0].strip() or any(map(str.strip, record))):  # skip empty lines and lines of blank cells
                records.append(record)
                lines.append(previous + 1)
            previous = reader.line_num
    except csv.Error as error:
        raise _csv_error(error, path, reader.line_num) from None
    return header, records, lines


def _csv_error(error: csv.Error, path: Path, line: int) -> DataError:
    if "field larger than field limit" in str(error):
        return DataError("field-too-long", f"expected at most {MAX_FIELD} characters in a cell, found more than {csv.field_size_limit()}", Place(str(path), line))
    return DataError("bad-csv", f"expected well-formed CSV: {error}", Place(str(path), line))


def _decode(path: Path, data: bytes | None = None) -> str:
    """The file's text: UTF-8 (with or without a BOM), or UTF-16 with its BOM (Excel's "Unicode text")."""
    if data is None:
        data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        text = data.decode("utf-16") if utf16 else data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-16" if utf16 else "utf-8", errors="replace")
        line = _line_at(before, len(before))
        found = data[error.start : error.start + 1].hex().upper()
        message = f"expected {'UTF-16' if utf16 else 'UTF-8'} text, found byte 0x{found}; save the file as CSV UTF-8"
        raise DataError("encoding", message, Place(str(path), line)) from None
    if "\x00" in text:
        line = _line_at(text, text.index("\x00"))
        hint = "the file looks like UTF-16 without a BOM" if text.count("\x00") * 4 > len(text) else "a NUL byte is not text"
        raise DataError("encoding", f"expected UTF-8 text, found a NUL byte (0x00): {hint}; save the file as CSV UTF-8", Place(str(path), line))
    return text


def _line_at(text: str, index: int) -> int:
    """The line number of `text[index]`, counting LF, CRLF and CR (only) as line ends, as the CSV reader does."""
    return len(LINE_END.findall(text, 0, index)) + 1


def read_fingertips_file(path: Path, data: bytes | None = None) -> pd.DataFrame:
    """Read one Fingertips export as downloaded (`data`: its bytes, if already read); stop with a clear error if it is not one."""
    with _collector_paused():
        header, records, lines = read_records(path, data)
        names = map_fingertips_header(header, path)
        return _to_table(path, names, records, lines)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of new cells would set off Python's cycle collector over and over (five times slower); they hold no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _normalise(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip().lstrip("\ufeff"))
    return "Area Name" if name.replace(" ", "").lower() == "areaname" else name


def map_fingertips_header(header: list[str], path: Path) -> list[str]:
    """Our column name for each header cell ("" for a column we do not use)."""
    _check_delimiter(header, path, "Indicator ID")
    names, seen = [], set()
    for _index, cell in enumerate(header, start=1):
        name = _normalise(cell)
        ours = FINGERTIPS_COLUMNS.get(name) or OPTIONAL_FINGERTIPS.get(name)
        if ours is None and PARENT_COMPARISON.match(name):
            ours = "compared_to_parent"
        if ours and ours in seen:
            raise DataError("duplicate-column", f"expected each column once, found \"{name}\" again", Place(str(path), 1, name))
        seen.add(ours or "")
        names.append(ours or "")
    missing = [k for k, v in FINGERTIPS_COLUMNS.items() if v not in seen]
    if len(missing) == len(FINGERTIPS_COLUMNS):
        found = ",".join(header)[:60]
        raise DataError("missing-header", f"expected a header row starting \"Indicator ID\", found \"{found}\"", Place(str(path), 1))
    if missing:
        raise DataError("missing-column", f"expected the Fingertips export columns; missing: {', '.join(missing)}", Place(str(path), 1, missing[0]))
    return names


def _check_delimiter(header: list[str], path: Path, first: str) -> None:
    if len(header) == 1 and any(d in header[0] for d in ";\t|"):
        raise DataError("delimiter", f"expected comma-separated values, found another separator in \"{header[0][:60]}\"", Place(str(path), 1))
    if not header or not header[0].strip():
        raise DataError("missing-header", f"expected a header row starting \"{first}\"", Place(str(path), 1))


def read_tidy_file(path: Path, data: bytes | None = None) -> pd.DataFrame:
    """Read one local CSV in the documented tidy format (`data`: its bytes, if already read)."""
    with _collector_paused():
        return _read_tidy(path, data)


def _read_tidy(path: Path, data: bytes | None) -> pd.DataFrame:
    header, records, lines = read_records(path, data)
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
    raise_all(_fit_width(names, records, lines, path))
    cells = list(zip(*records)) if records else [()] * len(names)
    raw = {name: np.array(cells[i], dtype=object) for i, name in enumerate(names) if name}
    where = pd.DataFrame({"source_file": str(path), "source_line": np.array(lines, dtype="int64")})
    return _typed(raw, where, path)


def _typed(raw: dict[str, np.ndarray], where: pd.DataFrame, path: Path) -> pd.DataFrame:
    """The table's columns from the raw cells, collecting every bad cell."""
    errors: list[DataError] = []
    lines = where["source_line"].to_numpy()
    columns: dict[str, pd.Series] = {}
    for column in TEXT_COLUMNS:
        columns[column] = _text(raw, column, lines, path, errors) if column in raw else pd.Series("", index=where.index, dtype="str")
    for column in NUMBER_COLUMNS:
        columns[column] = _numbers(raw, column, lines, path, errors) if column in raw else pd.Series(np.nan, index=where.index)
    columns["period_sortable"] = _period_sortable(raw, columns["period"], lines, path, errors)
    columns["area_code"] = per_unique(columns["area_code"], lambda codes: codes.str.upper())
    frame = pd.DataFrame(columns | {"source_file": where["source_file"], "source_line": where["source_line"]})
    errors += _check_keys(frame, path)
    raise_all(sorted(errors, key=lambda e: e.place.line or 0))
    return frame


AREA_CODE = r"[A-Z0-9][A-Z0-9_\-]*"  # ONS codes (E10000032) and local ones; never markup or a path
THOUSANDS = r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?"  # 1,234.5; but "10,5" is a decimal comma, not 105


def _check_keys(frame: pd.DataFrame, path: Path) -> list[DataError]:
    """Every row names its indicator, a well-formed area code and a time period with a year."""
    checks = [
        ("missing-value", "indicator_id", frame["indicator_id"] == "", "expected an indicator id, found a blank cell"),
        ("area-code", "area_code", ~per_unique(frame["area_code"], lambda codes: codes.str.fullmatch(AREA_CODE)), "expected an area code of letters and digits such as E10000032"),
        ("bad-period", "period", frame["period"] == "", "expected a time period such as 2019/20, found a blank cell"),
        ("bad-period", "period", frame["period_sortable"] == 0, "expected a time period with a year, such as 2019/20, or a \"Time period Sortable\""),
    ]
    errors, seen = [], set()
    for code, column, bad, expected in checks:
        for line, found in zip(frame.loc[bad, "source_line"], frame.loc[bad, column]):
            if (line, column) not in seen:
                seen.add((line, column))
                message = expected if not found else f"{expected}, found \"{shown(found)}\""
                errors.append(DataError(code, message, Place(str(path), int(line), _header_name(column))))
    return errors


def shown(text: str, width: int = 40) -> str:
    """Text from a cell, safe to print in a message: short, with control characters written as escapes."""
    short = text[:width] + ("..." if len(text) > width else "")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in short)


def _clean_text(text: pd.Series) -> pd.Series:
    """Runs of white space (any kind, line breaks included) as one space; control characters dropped."""
    return text.str.replace(r"\s+", " ", regex=True).str.replace(CONTROL, "", regex=True).str.strip()


def per_unique(column: pd.Series | np.ndarray, change: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """`change` done once per distinct value: an export repeats the same few names a million times."""
    codes, uniques = pd.factorize(column)
    changed = change(pd.Series(uniques, dtype="str"))
    return pd.Series(changed.array.take(codes))


def _number_or_bad(text: pd.Series) -> pd.Series:
    """The number in each cell; NaN for a blank cell, -inf for a cell that is not a number."""
    text = text.str.strip()
    text = text.where(~text.str.fullmatch(THOUSANDS), text.str.replace(",", "", regex=False))
    numbers = pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")
    return numbers.mask(numbers.isna() & (text != "") | np.isinf(numbers), -np.inf)


def _numbers(raw: dict[str, np.ndarray], column: str, lines: np.ndarray, path: Path, errors: list[DataError]) -> pd.Series:
    numbers = per_unique(raw[column], _number_or_bad)
    bad = (numbers == -np.inf).to_numpy()
    for line, found in zip(lines[bad], raw[column][bad]):
        errors.append(DataError("not-a-number", f"expected a number or a blank cell, found \"{shown(found)}\"", Place(str(path), int(line), _header_name(column))))
    return numbers.mask(bad)


def _text(raw: dict[str, np.ndarray], column: str, lines: np.ndarray, path: Path, errors: list[DataError]) -> pd.Series:
    """The column's text tidied, with an error for each cell too long to be a name or a note."""
    codes, uniques = pd.factorize(raw[column])
    text = _clean_text(pd.Series(uniques, dtype="str"))
    for line in lines[(text.str.len() > MAX_FIELD).to_numpy()[codes]]:
        errors.append(DataError("field-too-long", f"expected at most {MAX_FIELD} characters", Place(str(path), int(line), _header_name(column))))
    return pd.Series(text.array.take(codes))


def _period_sortable(raw: dict[str, np.ndarray], period: pd.Series, lines: np.ndarray, path: Path, errors: list[DataError]) -> pd.Series:
    given = per_unique(raw["period_sortable"], lambda text: text.str.strip()) if "period_sortable" in raw else pd.Series("", index=period.index)
    derived = per_unique(period, lambda text: text.str.extract(r"((?:19|20)\d\d)", expand=False).fillna("0") + "0000")
    text = given.where(given != "", derived)
    numbers = per_unique(text, lambda text: pd.to_numeric(text, errors="coerce"))
    for line in lines[numbers.isna().to_numpy()]:
        errors.append(DataError("not-a-number", "expected a sortable period such as 20190000", Place(str(path), int(line), "Time period Sortable")))
    return numbers.fillna(-1).astype("int64")  # -1 only where an error was recorded


def _header_name(column: str) -> str:
    reverse = {v: k for k, v in FINGERTIPS_COLUMNS.items()}
    return reverse.get(column, column)


