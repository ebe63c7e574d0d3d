"""Spine chart of an area overview: each indicator's value on the range of all areas.

As Fingertips draws it: the benchmark's value (England's, or a region's) is the centre
line, the bar spans all areas (worst to best by polarity; low to high where there is no
judgement), the dark part is the middle half of areas (25th to 75th percentile), and both
halves share one scale (the furthest extreme). Drawn phone first, one full-width row per
indicator: its name above the bar, its numbers and verdict in words below. The page shows
it as HTML (``spine_html``: no JavaScript, nothing scaled); the SVG is the download.
"""

from __future__ import annotations

from dataclasses import replace

from generators.charts import svg
from generators.charts.chart import Chart, NoChart, clean_verdict, finite, make_csv, table_number
from generators.charts.inputs import SpineInput, SpineRow
from generators.charts.palette import ENGLAND, RANGE_INNER, RANGE_OUTER, VERDICTS
from generators.charts.spine_html import render_spine
from generators.charts.spine_rows import ends, position, row_text
from generators.words import plural

COLUMNS = ("Indicator", "Period", "Value", "{}", "Lowest", "25th percentile", "75th percentile", "Highest", "Compared with {}")  # {}: the benchmark
W, PAD, BAR = 640.0, 8.0, 14.0
JUDGED = ("Better", "Similar", "Worse")


def chart_spine(data: SpineInput) -> Chart | NoChart:
    """The spine chart for an area overview, or why there is none."""
    rows = [_clean(r) for r in data.rows]
    drawn = [r for r in rows if _placed(r)]
    name = data.benchmark_name
    if not drawn:
        return NoChart("spine", f"There is no spine chart: no indicator has both a value for {data.area} and {_a(name)} {name} range.")
    title, description = _describe(data, drawn, len(rows) - len(drawn))
    columns = tuple(c.format(name) for c in COLUMNS)
    raw = [(r.indicator, r.period, r.value, r.benchmark, r.minimum, r.q25, r.q75, r.maximum, r.verdict) for r in rows]
    return Chart(
        kind="spine",
        title=title,
        description=description,
        spec=None,
        svg=_svg(data, drawn, title, description),
        columns=columns,
        rows=tuple(_table_row(r) for r in rows),
        csv=make_csv(columns, raw),
        html=render_spine(drawn, name),
    )


def _a(name: str) -> str:
    """The article before a name: "an England range", "a South East region range"."""
    return "an" if name[:1].upper() in "AEIOU" else "a"


def _clean(r: SpineRow) -> SpineRow:
    v, e, lo, q25, q75, hi = (finite(x) for x in (r.value, r.benchmark, r.minimum, r.q25, r.q75, r.maximum))
    return replace(
        r, indicator=str(r.indicator), period=str(r.period), value=v, benchmark=e, minimum=lo, q25=q25, q75=q75, maximum=hi, verdict=clean_verdict(r.verdict)
    )


def _placed(r: SpineRow) -> bool:
    return None not in (r.value, r.benchmark, r.minimum, r.maximum) and r.maximum > r.minimum  # type: ignore[operator]


def _table_row(r: SpineRow) -> tuple[str, ...]:
    nums = (r.value, r.benchmark, r.minimum, r.q25, r.q75, r.maximum)
    return (r.indicator, r.period, *(table_number(x, r.decimals) for x in nums), r.verdict)


def _tally(counts: dict[str, int], verdicts: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"{counts[v]} {v.lower()}" for v in verdicts if counts[v])


def _describe(data: SpineInput, rows: list[SpineRow], left_out: int) -> tuple[str, str]:
    """Title and text alternative, counting the same indicators: every one drawn on the chart."""
    counts = {v: sum(r.verdict == v for r in rows) for v in VERDICTS}
    judged = sum(counts[v] for v in JUDGED)
    name, total = data.benchmark_name, len(rows)
    title = (
        f"{data.area} is worse than {name} on {counts['Worse']} of {plural(total, 'indicator')} and better on {counts['Better']}"
        if judged
        else f"{data.area} compared with the range of all areas in {name}, {plural(total, 'indicator')}"
    )
    text = [f"{plural(total, 'indicator')} for {data.area}, each on the range of all areas in {name}."]
    others = _tally(counts, [v for v in VERDICTS if v not in JUDGED])
    if judged == total:
        text.append(f"Compared with {name}: {_tally(counts, JUDGED)}.")
    elif judged:
        text.append(f"Of the {judged} that can be better or worse, compared with {name}: {_tally(counts, JUDGED)}.")
        text.append(
            f"The other one is not judged better or worse ({others})."
            if total - judged == 1
            else f"The other {total - judged} are not judged better or worse: {others}."
        )
    else:
        text.append(f"None is judged better or worse: {others}.")
    if left_out:
        text.append(
            f"{plural(left_out, 'more indicator')} {'has' if left_out == 1 else 'have'} no range of areas and {'is' if left_out == 1 else 'are'} in the table only."
        )
    sentence = " ".join(text)
    return title, sentence[:1].upper() + sentence[1:]


def _svg(data: SpineInput, rows: list[SpineRow], title: str, description: str) -> str:
    """The downloadable SVG: the page's rows drawn the same way, stacked, 640 px wide."""
    name = data.benchmark_name
    present = [v for v in VERDICTS if any(r.verdict == v for r in rows)]
    items = [(VERDICTS[v][1], VERDICTS[v][0], v) for v in present] + [
        ("bar", RANGE_OUTER, "All areas"),
        ("bar", RANGE_INNER, "Middle half of areas"),
        ("line", ENGLAND, name),
    ]
    key, key_h = svg.legend(items, PAD, 14, W - 2 * PAD)
    y = key_h + 14
    out = [key]
    for text, anchor, x in (("Worst or lowest", "start", PAD), (name, "middle", W / 2), ("Best or highest", "end", W - PAD)):
        out.append(svg.text(x, y, svg.shorten(text, W / 3 - PAD), anchor, font_weight="bold"))
    y += 10
    for r in rows:
        drawn, y = _row(r, name, y)
        out.append(drawn)
    return svg.document(W, y + PAD, title, description, "".join(out))


def _row(r: SpineRow, name: str, top: float) -> tuple[str, float]:
    """One indicator: its name, the bar, and its numbers and verdict, each wrapped to the width."""
    heading, value, others, verdict = row_text(r, name)
    room = W - 2 * PAD
    out = []
    y = top
    for line in svg.wrap(heading, room / 1.1, lines=2):  # bold is wider
        y += 15
        out.append(svg.text(PAD, y, line, font_weight="bold"))
    cy = y + 8 + BAR / 2
    o0, o1, q0, q1 = ends(r)
    left, width = PAD + 8, W - 2 * PAD - 16  # room for the marker at either end
    x = lambda p: left + width * p  # noqa: E731
    out.append(svg.tag("rect", x=x(o0), y=cy - BAR / 2, width=x(o1) - x(o0), height=BAR, fill=RANGE_OUTER))
    if q0 is not None and q1 is not None:
        out.append(svg.tag("rect", x=x(q0), y=cy - BAR / 2, width=x(q1) - x(q0), height=BAR, fill=RANGE_INNER))
    out.append(svg.tag("line", x1=x(0.5), y1=cy - 10, x2=x(0.5), y2=cy + 10, stroke=ENGLAND, stroke_width=2))
    colour, shape, _ = VERDICTS[r.verdict]
    out.append(svg.marker(shape, x(position(r, r.value, clamp=True)), cy, colour, 6.5))  # type: ignore[arg-type]
    y = cy + BAR / 2 + 2
    for line in [*svg.wrap(f"{value}, {others}", room), *svg.wrap(verdict, room)]:
        y += 15
        out.append(svg.text(PAD, y, line))
    return "".join(out), y + 10
