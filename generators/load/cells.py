"""Records to a typed table: every cell checked (numbers, periods, area codes, text), every bad cell collected."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from generators.errors import DataError, Place, raise_all
from generators.load.csvtext import MAX_FIELD
from generators.load.headers import FINGERTIPS_COLUMNS, NUMBER_COLUMNS, TEXT_COLUMNS, TRAILING_OPTIONAL

CONTROL = r"[\x00-\x1f\x7f-\x9f]"  # after white space is folded: escapes, bells, C1 controls
HTML_ELEMENTS = ["a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr"]
TAG = r"<!--.*?-->|</?(?:" + "|".join(HTML_ELEMENTS) + r")\b[^<>]*>"
"""An HTML comment or tag of a real element (Fingertips' <span class="tooltipValueNote">); text in
angle brackets that is not HTML, such as `<local survey>` or `<15 yrs`, is kept."""
NO_VALUE_MARKERS = {"-", "*", "x", ".."}
"""What Fingertips (and the tables people copy from its pages) show in a cell that has no value;
its web pages' own `<div class="no-data">-</div>` becomes `-` once its tags are removed."""


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


def to_table(path: Path, names: list[str], records: list[list[str]], lines: list[int]) -> pd.DataFrame:
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
    marked: dict[str, np.ndarray] = {}
    for column in NUMBER_COLUMNS:
        if column in raw:
            columns[column], marked[column] = _numbers(raw, column, lines, path, errors)
        else:
            columns[column] = pd.Series(np.nan, index=where.index)
    if "value" in marked:
        columns["value_note"] = columns["value_note"].mask(marked["value"] & (columns["value_note"] == "").to_numpy(), "No value: Fingertips shows none")
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
    """Plain text: HTML tags removed and entities decoded (`<span class="tooltipValueNote">* Value for
    Cornwall and Isles of Scilly combined</span>`, `&nbsp;`, `&ndash;`), runs of white space (line
    breaks included) as one space, control characters dropped. Everything is escaped again for the page."""
    markup = text.str.contains(r"[<&]", regex=True)
    if markup.any():
        text = text.where(~markup, text[markup].str.replace(TAG, " ", regex=True, case=False).map(html.unescape))
    return text.str.replace(r"\s+", " ", regex=True).str.replace(CONTROL, "", regex=True).str.strip()


def per_unique(column: pd.Series | np.ndarray, change: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """`change` done once per distinct value: an export repeats the same few names a million times."""
    codes, uniques = pd.factorize(column)
    changed = change(pd.Series(uniques, dtype="str"))
    return pd.Series(changed.array.take(codes))


def _number_or_bad(text: pd.Series) -> pd.Series:
    """The number in each cleaned cell; NaN for a blank cell, -inf for a cell that is not a number."""
    text = text.where(~text.str.fullmatch(THOUSANDS), text.str.replace(",", "", regex=False))
    numbers = pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")
    return numbers.mask(numbers.isna() & (text != "") | np.isinf(numbers), -np.inf)


def _numbers(raw: dict[str, np.ndarray], column: str, lines: np.ndarray, path: Path, errors: list[DataError]) -> tuple[pd.Series, np.ndarray]:
    """The column's numbers (NaN for a blank cell or a no-value marker such as `-`), and which cells
    held such a marker: each distinct cell is cleaned once, for both."""
    codes, uniques = pd.factorize(raw[column])
    text = _clean_text(pd.Series(uniques, dtype="str"))
    marker = text.str.lower().isin(NO_VALUE_MARKERS)
    numbers = pd.Series(_number_or_bad(text.where(~marker, "")).array.take(codes))
    bad = (numbers == -np.inf).to_numpy()
    for line, found in zip(lines[bad], raw[column][bad]):
        errors.append(DataError("not-a-number", f"expected a number or a blank cell, found \"{shown(found)}\"", Place(str(path), int(line), _header_name(column))))
    return numbers.mask(bad), marker.to_numpy(dtype=bool)[codes]


def _text(raw: dict[str, np.ndarray], column: str, lines: np.ndarray, path: Path, errors: list[DataError]) -> pd.Series:
    """The column's text tidied, with an error for each cell too long to be a name or a note (as written)."""
    codes, uniques = pd.factorize(raw[column])
    written = pd.Series(uniques, dtype="str")
    text = _clean_text(written)
    for line in lines[(written.str.len() > MAX_FIELD).to_numpy()[codes]]:
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

