"""The result of every chart function, and the helpers they share (numbers, CSV)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generators.words import formula_safe

Cell = str | float | int | None
PHONE = 320.0
"""The width of a static chart drawn for a phone: at the narrowest screen (320 px, 288 px of content) it shows at 90%."""


@dataclass(frozen=True)
class Chart:
    """One chart: its message, its Vega-Lite spec, its static SVG and its data.

    ``spec`` is None for a chart with no live version (the static SVG is the chart: a long
    ranking); ``html`` is a chart drawn in HTML, shown instead of the static SVG, which is
    then its download (the spine chart)."""

    kind: str
    title: str
    description: str
    spec: dict[str, Any] | None
    svg: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    csv: str
    missing_codes: tuple[str, ...] = field(default=())
    html: str = ""
    phone_svg: str = ""
    """The same static chart drawn PHONE px wide, which a phone shows instead of ``svg`` (never scaled to half its size)."""

    @property
    def alt(self) -> str:
        """A short alternative text for the static image; the caption has the detail."""
        return f"{KIND_NAMES.get(self.kind, 'Chart')}: {self.title}"


@dataclass(frozen=True)
class NoChart:
    """Why a chart was not drawn, in a sentence the page can show."""

    kind: str
    reason: str


KIND_NAMES = {
    "trend": "Line chart",
    "compare": "Bar chart",
    "inequality": "Bar chart",
    "funnel": "Funnel plot",
    "spine": "Spine chart",
    "pyramid": "Population pyramid",
    "map": "Map",
}

def finite(x: float | None) -> float | None:
    """A finite float, or None for missing and NaN."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def round4(x: float | None) -> float | int | None:
    """Round to 4 significant digits for compact specs; whole numbers become ints."""
    if x is None:
        return None
    r = float(f"{x:.4g}")
    return int(r) if r.is_integer() and abs(r) < 1e15 else r


def table_number(x: float | None, decimals: int) -> str:
    """A number as a chart's data table shows it: thousands separated, the indicator's decimals; blank where there is none."""
    return "" if x is None else f"{x:,.{decimals}f}"


def safe_cell(value: Cell) -> str:
    """Text for a CSV cell, safe against spreadsheet formula injection."""
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if not math.isfinite(value) else f"{value:.12g}"
    return formula_safe(str(value))


def make_csv(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """CSV text (RFC 4180 quoting, CRLF) with every cell made formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()


def clean_verdict(verdict: str) -> str:
    """A Fingertips verdict word, with anything else read as 'Not compared'."""
    from generators.charts.palette import VERDICTS

    return verdict if verdict in VERDICTS else "Not compared"
