"""The data downloads as CSV text: every row in one file, and each area's rows in its own."""

from __future__ import annotations

import pandas as pd

from generators.words import formula_safe_column


def safe_csv(frame: pd.DataFrame) -> str:
    """CSV text that a spreadsheet opens as data: text cells that would start a formula get a
    leading apostrophe; numbers are written in full (Python's repr), missing numbers as blanks."""
    safe = {}
    for column in frame.columns:
        values = frame[column]
        safe[column] = values if values.dtype.kind == "f" else formula_safe_column(values.astype(str))
    return pd.DataFrame(safe, index=frame.index).to_csv(index=False, lineterminator="\r\n", na_rep="")


def by_area(frame: pd.DataFrame, everything: str) -> dict[str, str]:
    """Each area's rows as CSV: the all-data CSV's lines, one a row, split by area rather than
    written again; written again per area only if some cell holds a line break."""
    header, *lines = everything.split("\r\n")[:-1]
    if len(lines) != len(frame):
        return {code: safe_csv(rows) for code, rows in frame.groupby("area_code", sort=False)}
    split: dict[str, list[str]] = {}
    for code, line in zip(frame["area_code"].tolist(), lines):
        split.setdefault(code, [header]).append(line)
    return {code: "\r\n".join([*rows, ""]) for code, rows in split.items()}
