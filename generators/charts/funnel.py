"""Funnel plot: each area's value against its denominator, the average of the areas as a line and
the 95% and 99.8% control limits around it (PHEindicatormethods' funnels); each area's place said
in words, by shape and by colour, the highlighted areas named."""

from __future__ import annotations

import math
from dataclasses import dataclass

from generators.charts import svg
from generators.charts.chart import PHONE, Chart, NoChart, make_csv, round4
from generators.charts.palette import ENGLAND, GRID, HIGHLIGHT, VERDICTS
from generators.words import format_chart_value, lower_first, plural

SIGNIFICANCE = {  # label: (colour, shape, words)
    "High (0.001)": (VERDICTS["Higher"][0], "square", "above the 99.8% limit"),
    "High (0.025)": (VERDICTS["Higher"][0], "square", "above the 95% limit"),
    "Not significant": (VERDICTS["Not compared"][0], "circle", "within the limits"),
    "Low (0.025)": (VERDICTS["Lower"][0], "diamond", "below the 95% limit"),
    "Low (0.001)": (VERDICTS["Lower"][0], "diamond", "below the 99.8% limit"),
}
COLUMNS = ("Area", "Denominator", "Value", "On the funnel")
W, H, LEFT, RIGHT, BOTTOM, PHONE_HEIGHT = 640.0, 380.0, 64.0, 24.0, 44.0, 360.0


@dataclass(frozen=True)
class FunnelDot:
    label: str
    denominator: float
    value: float
    significance: str
    own: bool = False


@dataclass(frozen=True)
class FunnelInput:
    indicator: str
    period: str
    unit: str
    areas_name: str
    dots: tuple[FunnelDot, ...]
    lines: tuple[tuple[str, tuple[float, ...], tuple[float, ...]], ...]
    baseline: float
    decimals: int = 1


def chart_funnel(data: FunnelInput) -> Chart | NoChart:
    """The funnel plot of one ranking, or why there is none."""
    if len(data.dots) < 5:
        return NoChart("funnel", "There is no funnel plot: fewer than five areas have a count and a denominator.")
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    kinds = lower_first(data.areas_name)
    title = f"{data.indicator}: {len(data.dots):,} {kinds} against their size, {data.period}"
    tally = ", ".join(f"{sum(d.significance == s for d in data.dots)} {words}" for s, (_, _, words) in SIGNIFICANCE.items() if any(d.significance == s for d in data.dots))
    own = [d for d in data.dots if d.own]
    description = (
        f"A funnel plot of {plural(len(data.dots), 'area')}: each one's value against its denominator, with the average of these areas "
        f"({f(data.baseline)}) and the control limits that chance alone would rarely cross. {tally[:1].upper() + tally[1:]}."
        + "".join(f" {d.label}: {f(d.value)}, {SIGNIFICANCE.get(d.significance, ('', '', d.significance))[2]}." for d in own)
    )
    rows = tuple((d.label, f"{d.denominator:,.0f}", f"{d.value:,.{data.decimals}f}", SIGNIFICANCE.get(d.significance, ("", "", d.significance))[2]) for d in data.dots)
    raw = [(d.label, d.denominator, d.value, d.significance) for d in data.dots]
    return Chart(
        kind="funnel", title=title, description=description, spec=_spec(data, description), svg=_svg(data, title, description),
        phone_svg=_svg(data, title, description, PHONE, PHONE_HEIGHT),
        columns=COLUMNS, rows=rows, csv=make_csv(COLUMNS, raw),
    )


def _window(data: FunnelInput) -> tuple[float, float, list[float]]:
    """The x range (the areas' denominators, a little wider) and the y ticks the chart shows."""
    xs = [d.denominator for d in data.dots]
    ys = [d.value for d in data.dots] + [data.baseline]
    return min(xs) * 0.9, max(xs) * 1.1, svg.nice_ticks(min(0.0, min(ys)), max(ys) * 1.15)


def _spec(data: FunnelInput, description: str) -> dict:
    x0, x1, ticks = _window(data)
    lines = [
        {"k": name, "x": round4(x), "y": round4(y)}
        for name, xs, ys in data.lines for x, y in zip(xs, ys) if x0 <= x <= x1 and ticks[0] <= y <= ticks[-1]
    ]
    dots = [
        {"l": d.label, "x": round4(d.denominator), "y": round4(d.value), "s": d.significance, "w": SIGNIFICANCE.get(d.significance, ("", "", d.significance))[2],
         "tv": format_chart_value(d.value, data.decimals, data.unit), "o": int(d.own)}
        for d in data.dots
    ]
    present = [s for s in SIGNIFICANCE if any(d.significance == s for d in data.dots)]
    x = {"field": "x", "type": "quantitative", "title": "Denominator (log scale)", "scale": {"type": "log", "domain": [round4(x0), round4(x1)]}}
    y = {"field": "y", "type": "quantitative", "title": data.unit or data.indicator, "scale": {"domain": [ticks[0], ticks[-1]]}}
    return {
        "description": description,
        "width": "container",
        "height": 300,
        "layer": [
            {"data": {"values": lines}, "mark": {"type": "line", "clip": True, "color": ENGLAND, "strokeWidth": 1.5},
             "encoding": {"x": x, "y": y, "detail": {"field": "k"}, "strokeDash": {"field": "k", "type": "nominal", "legend": None,
                          "scale": {"domain": ["95% lower", "95% upper", "99.8% lower", "99.8% upper"], "range": [[6, 3], [6, 3], [1, 0], [1, 0]]}}}},
            {"data": {"values": [{"b": round4(data.baseline)}]}, "mark": {"type": "rule", "color": GRID, "strokeWidth": 2}, "encoding": {"y": {"field": "b", "type": "quantitative"}}},
            {"data": {"values": dots}, "mark": {"type": "point", "filled": True, "size": 60, "opacity": 1},
             "encoding": {
                 "x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"},
                 "color": {"field": "s", "type": "nominal", "title": "On the funnel", "scale": {"domain": present, "range": [SIGNIFICANCE[s][0] for s in present]},
                           "legend": {"orient": "bottom", "columns": 2}},
                 "shape": {"field": "s", "type": "nominal", "scale": {"domain": present, "range": [SIGNIFICANCE[s][1] for s in present]}},
                 "size": {"condition": {"test": "datum.o == 1", "value": 160}, "value": 50},
                 "tooltip": [{"field": "l", "title": "Area"}, {"field": "tv", "title": "Value"}, {"field": "x", "title": "Denominator", "format": ",.0f"}, {"field": "w", "title": "On the funnel"}],
             }},
            {"data": {"values": [d for d in dots if d["o"]]}, "mark": {"type": "text", "align": "left", "dx": 8, "fontWeight": "bold"},
             "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}, "text": {"field": "l"}}},
        ],
    }


def _svg(data: FunnelInput, title: str, description: str, width: float = W, height: float = H) -> str:
    """The static funnel, ``width`` by ``height`` px (a phone's is narrower), its key above the plot."""
    x0, x1, ticks = _window(data)
    lo_x, hi_x = math.log10(x0), math.log10(x1)
    key_svg, key_h = svg.legend(_key(data), 8, 16, width - 16)
    top = max(key_h + 24, 40.0)
    plot_w, plot_h = width - LEFT - RIGHT, height - top - BOTTOM

    def px(v: float) -> float:
        return LEFT + plot_w * (math.log10(max(v, 1e-9)) - lo_x) / (hi_x - lo_x)

    def py(v: float) -> float:
        return top + plot_h * (1 - (v - ticks[0]) / (ticks[-1] - ticks[0]))

    out = []
    for t in ticks:
        out.append(svg.tag("line", x1=LEFT, y1=py(t), x2=width - RIGHT, y2=py(t), stroke=GRID))
        out.append(svg.text(LEFT - 6, py(t) + 4, svg.tick_label(t), "end"))
    powers = list(range(math.ceil(lo_x), math.floor(hi_x) + 1))
    room = plot_w / max(hi_x - lo_x, 1e-9)  # px per power of ten
    every = next((k for k in range(1, 10) if k * room >= max((svg.text_width(svg.tick_label(10**p)) for p in powers), default=0) + 8), 10)
    for power in powers[::-1][::every]:
        out.append(svg.text(px(10**power), height - BOTTOM + 16, svg.tick_label(10**power), "middle"))
    out.append(svg.text(LEFT + plot_w / 2, height - 6, "Denominator (log scale)", "middle"))
    clip_top, clip_bottom = py(ticks[-1]), py(ticks[0])
    for name, lx, ly in data.lines:
        points = [
            (px(x), py(y)) for x, y in zip(lx, ly) if math.isfinite(x) and math.isfinite(y) and LEFT <= px(x) <= width - RIGHT and clip_top <= py(y) <= clip_bottom
        ]
        if len(points) > 1:
            dash = {"stroke_dasharray": "6 3"} if name.startswith("95%") else {}
            out.append(svg.tag("polyline", points=" ".join(f"{svg.n(a)},{svg.n(b)}" for a, b in points), fill="none", stroke=ENGLAND, stroke_width=1.5, **dash))
    out.append(svg.tag("line", x1=LEFT, y1=py(data.baseline), x2=width - RIGHT, y2=py(data.baseline), stroke="#999999", stroke_width=2))
    named: list[tuple[float, float, float, float]] = []  # the boxes of the names placed so far
    for d in sorted(data.dots, key=lambda d: d.own):
        out.append(_dot(d, px(d.denominator), py(d.value), width, named))
    return svg.document(width, height, title, description, "".join(out) + key_svg)


def _dot(d: FunnelDot, x: float, y: float, width: float, named: list[tuple[float, float, float, float]]) -> str:
    """One area; a highlighted one ringed, and named where its name has room (left of it near the edge;
    not over another's name: the table names them all)."""
    colour, shape, _ = SIGNIFICANCE.get(d.significance, (ENGLAND, "circle", ""))
    if not d.own:
        return svg.marker(shape, x, y, colour, 4.5)
    ring = svg.tag("circle", cx=x, cy=y, r=11, fill=HIGHLIGHT) + svg.marker(shape, x, y, colour, 7.5)
    name = svg.shorten(d.label, width / 2)
    w = svg.text_width(name) * 1.1
    left = x + 10 if x + 10 + w <= width - 4 else x - 10 - w
    box = (left - 2, y - 20, left + w + 2, y - 4)
    if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in named):
        return ring
    named.append(box)
    return ring + svg.text(left, y - 8, name, font_weight="bold")


def _key(data: FunnelInput) -> list[tuple[str, str, str]]:
    present = [s for s in SIGNIFICANCE if any(d.significance == s for d in data.dots)]
    seen: set[str] = set()
    items = []
    for s in present:
        colour, shape, words = SIGNIFICANCE[s]
        key = words.replace("99.8% ", "").replace("95% ", "")
        if key not in seen:
            seen.add(key)
            items.append((shape, colour, key))
    return [*items, ("dash", ENGLAND, "95% limits"), ("line", ENGLAND, "99.8% limits")]
