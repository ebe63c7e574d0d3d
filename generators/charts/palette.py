"""Colours, shapes and theme: colour-blind safe (after Okabe and Ito), every colour
at least 3:1 against white, and every verdict also shown by a shape and its word."""

from __future__ import annotations

from typing import Any

# verdict: (colour, Vega-Lite shape, symbol used in text)
VERDICTS: dict[str, tuple[str, str, str]] = {
    "Better": ("#0072B2", "triangle-up", "▲"),
    "Similar": ("#8C6D00", "circle", "●"),
    "Worse": ("#D55E00", "triangle-down", "▼"),
    "Higher": ("#5E3C99", "square", "■"),
    "Lower": ("#B8478F", "diamond", "◆"),
    "Not compared": ("#767676", "cross", "✚"),
}
AREA = "#0072B2"
ENGLAND = "#222222"
MALE = "#0072B2"
FEMALE = "#D55E00"
GRID = "#DDDDDD"
RANGE_OUTER = "#D9D9D9"
RANGE_INNER = "#8C8C8C"
TEXT = "#222222"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

# The Vega-Lite config shared by every chart: given to vega-embed by charts.js and to
# vl-convert for the static renders, so it is not repeated in every page's specs.
THEME: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelColor": TEXT, "titleColor": TEXT, "gridColor": GRID, "labelFontSize": 12},
    "legend": {"labelColor": TEXT, "titleColor": TEXT, "labelFontSize": 12, "orient": "top"},
    "title": {"color": TEXT, "anchor": "start"},
}


HIGHLIGHT = "#FFF1B8"
"""The band behind a highlighted area's row (never the only sign: its label is bold too)."""


def verdict_scale(verdicts: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Domain, colours and shapes for the verdicts present, in a fixed order."""
    domain = [v for v in VERDICTS if v in verdicts]
    return domain, [VERDICTS[v][0] for v in domain], [VERDICTS[v][1] for v in domain]


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of a #RRGGBB colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return 1.05 / (lum + 0.05)
