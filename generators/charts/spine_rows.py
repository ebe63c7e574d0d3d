"""One row of the spine chart: where its marks sit on the bar, and what it says in words.

Shared by the page's HTML figure and the downloadable SVG, so the two always agree.
"""

from __future__ import annotations

from generators.charts.inputs import SpineRow
from generators.words import format_chart_value, verdict_words


def position(r: SpineRow, x: float | None, clamp: bool = False) -> float | None:
    """Where ``x`` sits on the spine, 0 (worst, or lowest) to 1 (best, or highest); the benchmark at 0.5."""
    if x is None:
        return None
    half = max(r.benchmark - r.minimum, r.maximum - r.benchmark) or 1.0  # type: ignore[operator]
    sign = -1.0 if r.polarity == "low_is_good" else 1.0
    p = round(0.5 + sign * (x - r.benchmark) / (2 * half), 4)  # type: ignore[operator]
    return min(max(p, 0.0), 1.0) if clamp else p


def ends(r: SpineRow) -> tuple[float, float, float | None, float | None]:
    """The bar's two ends (all areas) and its middle half (25th to 75th percentile), as positions."""
    a, b = position(r, r.minimum), position(r, r.maximum)
    q0, q1 = position(r, r.q25), position(r, r.q75)
    if q0 is not None and q1 is not None:
        q0, q1 = sorted((q0, q1))
    return min(a, b), max(a, b), q0, q1  # type: ignore[type-var, return-value]


def row_text(r: SpineRow, benchmark: str) -> tuple[str, str, str, str]:
    """The row's words, read in order: `Adult smoking (2023)`, `12.1%`, `England 11.6%, worst 20.3%, best 5.0%.`,
    `Similar to England.` (lowest and highest where better or worse is not judged). A unit other than % is
    said once: `364.3 per 100,000`, `England 351.3, worst 468.1, best 229.2.`"""
    f = lambda x: format_chart_value(x, r.decimals, r.unit if r.unit == "%" else "")  # noqa: E731  # the unit said once, after the area's value
    if r.polarity == "no_judgement":
        low, high = f"lowest {f(r.minimum)}", f"highest {f(r.maximum)}"
    elif r.polarity == "low_is_good":
        low, high = f"worst {f(r.maximum)}", f"best {f(r.minimum)}"
    else:
        low, high = f"worst {f(r.minimum)}", f"best {f(r.maximum)}"
    verdict = verdict_words(r.verdict, benchmark)
    return (
        f"{r.indicator} ({r.period})",
        format_chart_value(r.value, r.decimals, r.unit),
        f"{benchmark} {f(r.benchmark)}, {low}, {high}.",
        verdict[:1].upper() + verdict[1:] + ".",
    )
