"""Spine chart of an area overview: each indicator's value on the range of all areas.

As Fingertips draws it: the benchmark's value (England's, or a region's) is the centre
line, the bar spans all areas (worst to best by polarity; low to high where there is no
judgement), the dark part is the 25th to 75th percentile, and both halves share one scale
(the furthest extreme).
"""

from __future__ import annotations

from dataclasses import replace

from generators.charts import svg
from generators.charts.chart import Chart, NoChart, clean_verdict, finite, make_csv
from generators.charts.designs import new_spec
from generators.charts.inputs import SpineInput, SpineRow
from generators.charts.palette import ENGLAND, RANGE_INNER, RANGE_OUTER, VERDICTS, verdict_scale
from generators.words import format_chart_value

COLUMNS = ("Indicator", "Period", "Value", "{}", "Lowest", "25th percentile", "75th percentile", "Highest", "Compared with {}")  # {}: the benchmark
W, ROW, TOP, BOTTOM = 720.0, 30.0, 58.0, 12.0


def chart_spine(data: SpineInput) -> Chart | NoChart:
    """The spine chart for an area overview, or why there is none."""
    rows = [_clean(r) for r in data.rows]
    drawn = [r for r in rows if _placed(r)]
    name = data.benchmark_name
    if not drawn:
        return NoChart("spine", f"There is no spine chart: no indicator has both a value for {data.area} and {_a(name)} {name} range.")
    title, description = _describe(data, drawn)
    columns = tuple(c.format(name) for c in COLUMNS)
    raw = [(r.indicator, r.period, r.value, r.benchmark, r.minimum, r.q25, r.q75, r.maximum, r.verdict) for r in rows]
    table = tuple(_table_row(r) for r in rows)
    return Chart(
        kind="spine",
        title=title,
        description=description,
        spec=_spec(data, drawn, description),
        svg=_svg(data, drawn, title, description),
        columns=columns,
        rows=table,
        csv=make_csv(columns, raw),
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
    return (r.indicator, r.period, *("" if x is None else f"{x:,.{r.decimals}f}" for x in nums), r.verdict)


def position(r: SpineRow, x: float | None) -> float | None:
    """Where ``x`` sits on the spine, 0 (worst, or lowest) to 1 (best, or highest)."""
    if x is None:
        return None
    half = max(r.benchmark - r.minimum, r.maximum - r.benchmark) or 1.0  # type: ignore[operator]
    sign = -1.0 if r.polarity == "low_is_good" else 1.0
    return round(0.5 + sign * (x - r.benchmark) / (2 * half), 4)  # type: ignore[operator]


def _ends(r: SpineRow) -> tuple[float, float, float | None, float | None]:
    a, b = position(r, r.minimum), position(r, r.maximum)
    q0, q1 = position(r, r.q25), position(r, r.q75)
    if q0 is not None and q1 is not None:
        q0, q1 = sorted((q0, q1))
    return min(a, b), max(a, b), q0, q1  # type: ignore[type-var, return-value]


def _describe(data: SpineInput, rows: list[SpineRow]) -> tuple[str, str]:
    counts = {v: sum(r.verdict == v for r in rows) for v in VERDICTS}
    judged = counts["Better"] + counts["Similar"] + counts["Worse"]
    name = data.benchmark_name
    title = (
        f"{data.area} is worse than {name} on {counts['Worse']} of {judged} indicators and better on {counts['Better']}"
        if judged
        else f"{data.area} compared with the range of all areas in {name}"
    )
    tally = ", ".join(f"{n} {v.lower()}" for v, n in counts.items() if n)
    return title, f"{len(rows)} indicators for {data.area} against the range of all areas in {name}: {tally}."


def _spec(data: SpineInput, rows: list[SpineRow], description: str) -> dict:
    values = []
    for r in rows:
        o0, o1, q0, q1 = _ends(r)
        f = lambda x: format_chart_value(x, r.decimals, r.unit)  # noqa: E731,B023
        values.append(
            {
                "i": f"{r.indicator} ({r.period})",
                "o0": o0,
                "o1": o1,
                "q0": q0,
                "q1": q1,
                "e": 0.5,
                "v": position(r, r.value),
                "vd": r.verdict,
                "tv": f(r.value),
                "te": f(r.benchmark),
                "tr": f"{f(r.minimum)} to {f(r.maximum)}",
            }
        )
    spec = new_spec("spine", values, description, data.benchmark_name)
    domain, colours, shapes = verdict_scale([r.verdict for r in rows])
    enc = spec["layer"][3]["encoding"]
    enc["color"]["scale"] = {"domain": domain, "range": colours}
    enc["shape"]["scale"] = {"domain": domain, "range": shapes}
    return spec


def _svg(data: SpineInput, rows: list[SpineRow], title: str, description: str) -> str:
    label_w = min(max(svg.text_width(f"{r.indicator} ({r.period})") for r in rows) + 12, 300)
    value_w = max(svg.text_width(format_chart_value(r.value, r.decimals, r.unit)) for r in rows) + 16
    left, right = label_w + value_w, 16.0
    plot_w = W - left - right
    height = TOP + ROW * len(rows) + BOTTOM
    out = [svg.text(label_w + value_w - 8, TOP - 8, "Value", "end", font_weight="bold")]
    out += [
        svg.text(left + plot_w * p, TOP - 8, s, a, font_weight="bold")
        for p, s, a in ((0, "Worst / lowest", "start"), (0.5, data.benchmark_name, "middle"), (1, "Best / highest", "end"))
    ]
    for i, r in enumerate(rows):
        out.append(_row(r, TOP + ROW * (i + 0.5), label_w, left, plot_w))
    present = [v for v in VERDICTS if any(r.verdict == v for r in rows)]
    items = [(VERDICTS[v][1], VERDICTS[v][0], v) for v in present] + [
        ("bar", RANGE_INNER, "25th–75th percentile"),
        ("bar", RANGE_OUTER, f"{data.benchmark_name} range"),
    ]
    key, _ = svg.legend(items, 8, 14, W - 16)
    return svg.document(W, height, title, description, "".join(out) + key)


def _row(r: SpineRow, cy: float, label_w: float, left: float, plot_w: float) -> str:
    o0, o1, q0, q1 = _ends(r)
    colour, shape, _ = VERDICTS[r.verdict]
    x = lambda p: left + plot_w * p  # noqa: E731
    out = [
        svg.text(label_w - 8, cy + 4, svg.shorten(f"{r.indicator} ({r.period})", label_w - 12), "end"),
        svg.text(left - 8, cy + 4, format_chart_value(r.value, r.decimals, r.unit), "end"),
        svg.tag("rect", x=x(o0), y=cy - 7, width=x(o1) - x(o0), height=14, fill=RANGE_OUTER),
    ]
    if q0 is not None and q1 is not None:
        out.append(svg.tag("rect", x=x(q0), y=cy - 7, width=x(q1) - x(q0), height=14, fill=RANGE_INNER))
    out.append(svg.tag("line", x1=x(0.5), y1=cy - 11, x2=x(0.5), y2=cy + 11, stroke=ENGLAND, stroke_width=2))
    out.append(svg.marker(shape, x(position(r, r.value)), cy, colour, 6.5))  # type: ignore[arg-type]
    return "".join(out)
