"""CSV files to rows: Fingertips exports and tidy local CSVs, with every column and number checked.

Reads Fingertips exports exactly as downloaded (26 or 27 columns, with or without a BOM,
`Area Name` or `AreaName`, any parent-comparison column name) and local data in the
documented tidy format. Collects every bad cell before stopping.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from generators.errors import DataError, DataErrors, Place, raise_all
from generators.load.cache import ContentCache
from generators.load.cells import to_table
from generators.load.csvtext import read_records
from generators.load.headers import FINGERTIPS_COLUMNS, NUMBER_COLUMNS, TEXT_COLUMNS, TIDY_OPTIONAL, TIDY_REQUIRED, fingertips_name, is_r_resave

READERS = ("exports.py", "cells.py", "csvtext.py", "headers.py")
"""The modules whose code decides the table read from a file (the load cache's key includes them)."""
READER_CODE = hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes() for name in READERS)).hexdigest()
"""Read when this module is imported, just after the others: a process that runs on after its code
was edited keeps the key of the code it runs, never storing old results under the new code's key."""


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
    frames, counts, errors = [], [], []
    with _collector_paused():  # unpickled frames too are many objects and no cycles
        for path, reader in [(p, read_fingertips_file) for p in fingertips] + [(p, read_tidy_file) for p in local]:
            try:
                frame = reader(path) if store is None else _read_cached(path, reader, store)
            except DataError as error:  # every bad file is named in one run, each with its first errors
                errors += first_errors(error)
                continue
            frames.append(frame)
            counts.append((str(path), len(frame)))
        raise_all(errors)
        table = pd.concat(frames, ignore_index=True) if frames else empty_table()
    if store is not None:
        store.prune()
    return Loaded(table, tuple(counts))


ERRORS_PER_FILE = 5


def first_errors(error: DataError) -> list[DataError]:
    """A file's first few errors, and how many more it has."""
    found = error.errors if isinstance(error, DataErrors) else [error]
    shown = found[:ERRORS_PER_FILE]
    if len(found) > len(shown):
        shown.append(DataError("more-errors", f"... and {len(found) - len(shown)} more errors in this file", Place(shown[0].place.file)))
    return shown


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
    """What, besides a file's bytes, decides the table read from it: the modules that read it (as they
    were when this process imported them) and the versions they run on."""
    return f"{READER_CODE} python {sys.version} pandas {pd.__version__} numpy {np.__version__} field limit {csv.field_size_limit()}"


def empty_table() -> pd.DataFrame:
    columns = {c: pd.Series(dtype="str") for c in (*TEXT_COLUMNS, "source_file")}
    columns.update({c: pd.Series(dtype="float64") for c in NUMBER_COLUMNS})
    columns.update({"period_sortable": pd.Series(dtype="int64"), "source_line": pd.Series(dtype="int64")})
    return pd.DataFrame(columns)


def read_fingertips_file(path: Path, data: bytes | None = None) -> pd.DataFrame:
    """Read one Fingertips export as downloaded (`data`: its bytes, if already read); stop with a clear error if it is not one."""
    with _collector_paused():
        header, records, lines = read_records(path, data)
        names = map_fingertips_header(header, path)
        if is_r_resave(header):  # R writes every blank cell as NA
            records = [["" if cell == "NA" else cell for cell in record] for record in records]
        return to_table(path, names, records, lines)


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
    return re.sub(r"\s+", " ", name.strip().lstrip("\ufeff"))


def map_fingertips_header(header: list[str], path: Path) -> list[str]:
    """Our column name for each header cell ("" for a column we do not use), however the header was
    written (see `headers.header_key`): as downloaded, renamed, or re-saved by R or pandas."""
    _check_delimiter(header, path, "Indicator ID")
    names, seen = [], set()
    for cell in header:
        ours = fingertips_name(cell) or ""
        if ours and ours in seen:
            raise DataError("duplicate-column", f"expected each column once, found \"{_normalise(cell)}\" again", Place(str(path), 1, _normalise(cell)))
        seen.add(ours)
        names.append(ours)
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
    if not header or not (header[0].strip() or is_r_resave(header)):
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
    return to_table(path, names, records, lines)


