"""The spine chart as the page shows it: HTML, one row per indicator, no JavaScript.

Each row is text (name and period; the value, the benchmark's, the worst and best areas' and
the verdict, in a sentence that reads aloud as it reads on screen) and a small bar of boxes
placed by percentages (hidden from screen readers: the text says it all), with a fixed-size
marker, so nothing is ever scaled down. charts.css lays the rows out: stacked on a phone,
name, bar and numbers side by side on a wide screen.
"""

from __future__ import annotations

from html import escape

from generators.charts import svg
from generators.charts.inputs import SpineRow
from generators.charts.palette import ENGLAND, RANGE_INNER, RANGE_OUTER, VERDICTS
from generators.charts.spine_rows import ends, position, row_text


def render_spine(rows: list[SpineRow], benchmark: str) -> str:
    """The figure's body: the key, how to read a bar, and the rows (lines of HTML, none blank)."""
    present = [v for v in VERDICTS if any(r.verdict == v for r in rows)]
    key = "".join(f'<span class="jsna-spine__item">{_marker(v)}{_e(v)}</span>' for v in present) + "".join(
        f'<span class="jsna-spine__item"><span class="jsna-spine__swatch jsna-spine__swatch--{kind}" aria-hidden="true"></span>{_e(words)}</span>'
        for kind, words in (("all", "All areas"), ("middle", "Middle half of areas"), ("benchmark", benchmark))
    )
    how = f"Each bar runs from the worst area on the left to the best on the right, with {benchmark} in the middle; where neither is better, from the lowest to the highest."
    scale = "".join(f"<span>{_e(s)}</span>" for s in ("Worst or lowest", benchmark, "Best or highest"))
    return "\n".join(
        [
            f'<div class="jsna-spine" style="--jsna-all:{RANGE_OUTER};--jsna-middle:{RANGE_INNER};--jsna-benchmark:{ENGLAND}" data-search-exclude>',
            f'<p class="jsna-spine__key">{key}</p>',
            f'<p class="jsna-spine__how">{_e(how)}</p>',
            f'<div class="jsna-spine__head" aria-hidden="true"><span></span><span class="jsna-spine__scale">{scale}</span><span></span></div>',
            '<ol class="jsna-spine__rows">',
            *(_row(r, benchmark) for r in rows),
            "</ol>",
            "</div>",
        ]
    )


def _row(r: SpineRow, benchmark: str) -> str:
    heading, value, others, verdict = row_text(r, benchmark)
    return (
        f'<li class="jsna-spine__row"><span class="jsna-spine__name">{_e(heading)}<span class="jsna-vh">:</span></span>'
        f"{_bar(r)}"
        f'<span class="jsna-spine__values"><strong>{_e(value)}</strong>, {_e(others)} '
        f'<span class="jsna-spine__verdict">{_e(verdict)}</span></span></li>'
    )


def _bar(r: SpineRow) -> str:
    o0, o1, q0, q1 = ends(r)
    parts = [f'<span class="jsna-spine__all" style="left:{_pct(o0)};width:{_pct(o1 - o0)}"></span>']
    if q0 is not None and q1 is not None:
        parts.append(f'<span class="jsna-spine__middle" style="left:{_pct(q0)};width:{_pct(q1 - q0)}"></span>')
    parts.append('<span class="jsna-spine__benchmark"></span>')
    marker = _marker(r.verdict, "jsna-spine__marker", f"left:{_pct(position(r, r.value, clamp=True) or 0.0)}")
    return f'<span class="jsna-spine__bar" aria-hidden="true"><span class="jsna-spine__track">{"".join(parts)}{marker}</span></span>'


def _marker(verdict: str, cls: str = "jsna-spine__symbol", style: str = "") -> str:
    """A verdict's marker, its colour and shape, as a small fixed-size inline SVG."""
    colour, shape, _ = VERDICTS[verdict]
    placed = f' style="{style}"' if style else ""
    return (
        f'<svg class="{cls}"{placed} viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true" focusable="false">'
        f"{svg.marker(shape, 0, 0, colour, 6.5)}</svg>"
    )


def _pct(p: float) -> str:
    return f"{100 * min(max(p, 0.0), 1.0):.1f}%"


def _e(text: str) -> str:
    """Escaped text on one line, so data can never end the HTML block or open a tag."""
    return escape(" ".join(str(text).split()), quote=True)
