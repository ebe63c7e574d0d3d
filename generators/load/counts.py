"""Local counts by age band (`local_counts:` files): the events and population of each area, indicator,
period, sex and age band, from which the stats stage computes the published values (directly
standardised rates, standardised ratios, life expectancy, crude rates, proportions).

    area_code, indicator_id, period, sex, age_band, events, population   (required)
    area_name, area_type, parent_code, parent_name, standard_population  (optional)

Every cell is checked here: a bad one is named by file, line and column. A blank `events` cell is
no events (as PHEindicatormethods reads a missing count); a blank population is an error."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from generators.errors import DataError, DataErrors, Place
from generators.load.csvtext import read_records

REQUIRED = ("area_code", "indicator_id", "period", "sex", "age_band", "events", "population")
OPTIONAL = ("area_name", "area_type", "parent_code", "parent_name", "standard_population")
NUMBERS = ("events", "population", "standard_population")
COLUMNS = [*REQUIRED, *OPTIONAL, "source_file", "source_line"]


def empty_counts() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in NUMBERS else "int64" if c == "source_line" else "object") for c in COLUMNS})


def read_counts_files(paths: list[Path]) -> tuple[pd.DataFrame, tuple[tuple[str, int], ...]]:
    """Every local counts file as one table, and the rows read from each; every bad file named in one run."""
    frames, counts, errors = [], [], []
    for path in paths:
        try:
            frame = read_counts_file(path)
        except DataErrors as found:
            errors += found.errors[:5]
            continue
        except DataError as found:
            errors.append(found)
            continue
        frames.append(frame)
        counts.append((str(path), len(frame)))
    if errors:
        raise DataErrors(errors) if len(errors) > 1 else errors[0]
    return (pd.concat(frames, ignore_index=True) if frames else empty_counts()), tuple(counts)


def read_counts_file(path: Path) -> pd.DataFrame:
    header, records, lines = read_records(path)
    names = [c.strip().lower().replace(" ", "_") for c in header]
    for name in REQUIRED:
        if name not in names:
            raise DataError("missing-column", f"expected a \"{name}\" column in the local counts format ({', '.join(REQUIRED)})", Place(str(path), 1, name))
    width = len(names)
    columns: dict[str, list[str]] = {n: [] for n in [*REQUIRED, *OPTIONAL]}
    errors: list[DataError] = []
    for record, line in zip(records, lines):
        if len(record) != width:
            errors.append(DataError("wrong-column-count", f"expected {width} cells, found {len(record)}", Place(str(path), line, "")))
            continue
        cells = dict(zip(names, (c.strip() for c in record)))
        for name in columns:
            columns[name].append(cells.get(name, ""))
    frame = pd.DataFrame(columns)
    for name in NUMBERS:
        text = frame[name]
        numbers = pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce")
        required = name == "population"  # a blank count of events is no events, as PHEindicatormethods reads it
        bad = (numbers.isna() & ((text != "") | required)) | (numbers < 0)
        for index in bad[bad].index[:5]:
            found = text[index] or "a blank cell"
            errors.append(DataError("not-a-count", f"expected a number of zero or more, found \"{found}\"", Place(str(path), int(lines[index]), name)))
        frame[name] = numbers
    for name in ("area_code", "indicator_id", "period", "age_band"):
        for index in frame.index[frame[name] == ""][:5]:
            errors.append(DataError("blank-cell", f"expected a value in \"{name}\", found a blank cell", Place(str(path), int(lines[index]), name)))
    if errors:
        raise DataErrors(errors) if len(errors) > 1 else errors[0]
    frame["sex"] = frame["sex"].where(frame["sex"] != "", "Persons")
    frame["source_file"] = str(path)
    frame["source_line"] = [int(x) for x in lines[: len(frame)]]
    return frame[COLUMNS]
