"""CSV bytes to records: decoded (UTF-8 or UTF-16, with or without a BOM), every line end, each record's line number."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from generators.errors import DataError, Place

MAX_FIELD = 10_000
LINE_END = re.compile(r"\r\n|\r|\n")


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

