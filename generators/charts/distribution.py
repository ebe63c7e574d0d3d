"""A distribution: the GP practices (and PCNs) within an area on one indicator, as dots on one line per
group, each dot coloured and shaped by its comparison with the benchmark; the area's own value and
the benchmark's as lines across. Never a ranking: the dots are placed by value only, side by side
where they would touch (a beeswarm), with no order or rank. Drawn phone first, 320 px wide.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.charts import svg
from generators.charts.chart import Chart, NoChart, clean_verdict, finite, make_csv, round4, table_number
from generators.charts.designs import tip_title
from generators.charts.palette import ENGLAND, GRID, VERDICTS, verdict_scale
from generators.words import format_chart_value, lower_first, plural

W, R, LANES, TOP_GAP, BOTTOM = 320.0, 4.5, 7, 6.0, 34.0
"""Width; a dot's radius; lanes a group's dots may take (beyond them dots overlap in the middle); space above a group's label; axis."""
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
COLUMNS = ("Area", "Group", "Value", "Lower 95% limit", "Upper 95% limit", "Compared with {}")  # {}: the benchmark


@dataclass(frozen=True)
class Dot:
    """One practice or PCN: its value, 95% limits (for the table and tooltip) and comparison with the benchmark."""

    label: str
    value: float | None
    lower: float | None = None
    upper: float | None = None
    verdict: str = "Not compared"


@dataclass(frozen=True)
class Group:
    """One line of dots: `GP practices` (`one`: `GP practice`), `Primary care networks`."""

    name: str
    one: str
    dots: tuple[Dot, ...]
    short: str = ""
    """Its label beside the live chart's line, where a phone has room for a few letters (`PCNs`)."""


@dataclass(frozen=True)
class DistributionInput:
    """The values of the practices and PCNs within an area, in one period; `own` the area's value. `area` is "" where the
    dots are every practice and PCN of the data (an indicator page): `own` is then None."""

    indicator: str
    area: str
    period: str
    unit: str
    groups: tuple[Group, ...]
    own: float | None
    benchmark: float | None
    benchmark_name: str = "England"
    decimals: int = 1


def chart_distribution(data: DistributionInput) -> Chart | NoChart:
    """The dots of every group with a value, or why there is no chart."""
    groups = [Group(g.name, g.one, tuple(Dot(d.label, finite(d.value), finite(d.lower), finite(d.upper), clean_verdict(d.verdict)) for d in g.dots), g.short or g.name) for g in data.groups]
    groups = [g for g in groups if any(d.value is not None for d in g.dots)]
    if not groups:
        return NoChart("distribution", f"There is no distribution chart: no practice or PCN has a value for {data.period}.")
    names = " and ".join(g.name if i == 0 else lower_first(g.name) for i, g in enumerate(groups))
    title = f"{data.indicator}: {names}{_in(data)}, {data.period}"
    description = _describe(data, groups)
    columns = tuple(c.format(data.benchmark_name) for c in COLUMNS)
    dots = [(d, g.name) for g in groups for d in g.dots]
    rows = tuple((d.label, group, table_number(d.value, data.decimals), table_number(d.lower, data.decimals), table_number(d.upper, data.decimals), d.verdict) for d, group in dots)
    laid = [(g, _lanes(g, data)) for g in groups]
    return Chart(
        kind="distribution",
        title=title,
        description=description,
        spec=_spec(data, laid, description),
        svg=_svg(data, laid, title, description),
        columns=columns,
        rows=rows,
        csv=make_csv(columns, [(d.label, group, d.value, d.lower, d.upper, d.verdict) for d, group in dots]),
    )


def _describe(data: DistributionInput, groups: list[Group]) -> str:
    """Each group's spread (lowest, highest, the middle half), the lines, the tally against the benchmark."""
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    parts = []
    for group in groups:
        valued = sorted((d for d in group.dots if d.value is not None), key=lambda d: d.value or 0.0)
        values = [d.value or 0.0 for d in valued]
        spread = f"from {f(values[0])} ({valued[0].label}) to {f(values[-1])} ({valued[-1].label})" if len(valued) > 1 else f"{f(values[0])} ({valued[0].label})"
        middle = f", the middle half {f(_quartile(values, 0.25))} to {f(_quartile(values, 0.75))}" if len(valued) >= 4 else ""
        tally = ", ".join(f"{sum(d.verdict == v for d in valued)} {v.lower()}" for v in VERDICTS if any(d.verdict == v for d in valued))
        parts.append(f"{plural(len(valued), lower_first(group.one), lower_first(group.name))}{_in(data)}, {data.period}: {spread}{middle}; compared with {data.benchmark_name}: {tally}.")
    lines = [f"{n}: {f(v)}." for n, v in ((data.area, data.own), (data.benchmark_name, data.benchmark)) if v is not None and n]
    return " ".join(parts + lines + ["Not a ranking: each dot is placed by its value alone."])


def _in(data: DistributionInput) -> str:
    return f" in {data.area}" if data.area else ""


def _quartile(values: list[float], q: float) -> float:
    """The q-th quantile by linear interpolation between the sorted values."""
    at = q * (len(values) - 1)
    low = int(at)
    return values[low] + (values[min(low + 1, len(values) - 1)] - values[low]) * (at - low)


def _domain(data: DistributionInput, groups: list[Group]) -> list[float]:
    values = [d.value for g in groups for d in g.dots if d.value is not None] + [v for v in (data.own, data.benchmark) if v is not None]
    return svg.fit_ticks(min(values), max(values), W - 2 * _pad(values, data))


def _pad(values: list[float], data: DistributionInput) -> float:
    """Room at each side for the end ticks' labels, centred on their ticks."""
    ends = svg.nice_ticks(min(values), max(values))
    return max(12.0, max(svg.text_width(svg.tick_label(t)) for t in (ends[0], ends[-1])) / 2 + 4)


def _lanes(group: Group, data: DistributionInput) -> list[tuple[Dot, int]]:
    """Each dot with a value and its lane (0, 1, -1, 2, -2 ...): the first where it clears the dot before it, in value order."""
    values = [d.value for g in data.groups for d in g.dots if d.value is not None] + [v for v in (data.own, data.benchmark) if v is not None]
    lo, hi = min(values), max(values)
    scale = (W - 24) / ((hi - lo) or 1.0)
    order = [0] + [s * k for k in range(1, LANES // 2 + 1) for s in (1, -1)]
    last: dict[int, float] = {}
    laid = []
    for dot in sorted((d for d in group.dots if d.value is not None), key=lambda d: (d.value, d.label)):
        x = (dot.value or 0.0) * scale
        lane = next((k for k in order if k not in last or x - last[k] >= 2 * R + 1), 0)
        last[lane] = x
        laid.append((dot, lane))
    return laid


def _spec(data: DistributionInput, laid: list[tuple[Group, list[tuple[Dot, int]]]], description: str) -> dict:
    d, u, name = data.decimals, data.unit, data.benchmark_name
    values = [
        {"l": dot.label, "s": group.short, "v": round4(dot.value), "j": lane, "vd": dot.verdict, "tv": format_chart_value(dot.value, d, u),
         "tci": "" if dot.lower is None or dot.upper is None else f"{dot.lower:,.{d}f} to {dot.upper:,.{d}f}"}
        for group, dots in laid for dot, lane in dots
    ]
    domain, colours, shapes = verdict_scale([dot.verdict for _, dots in laid for dot, _ in dots])
    lines = [{"r": round4(v), "rn": n, "tr": format_chart_value(v, d, u)} for n, v in ((data.area, data.own), (name, data.benchmark)) if v is not None and n]
    x = {"field": "v", "type": "quantitative", "title": u or data.indicator, "scale": {"zero": False, "nice": True}}
    dots = {
        "mark": {"type": "point", "filled": True, "size": 70, "opacity": 1, "stroke": "#FFFFFF", "strokeWidth": 1},
        "encoding": {
            "x": x,
            "y": {"field": "s", "type": "nominal", "title": None, "sort": [g.short for g, _ in laid], "axis": {"labelAngle": 0, "labelLimit": 96, "domain": False, "ticks": False}},
            "yOffset": {"field": "j", "type": "quantitative", "scale": {"domain": [-(LANES // 2) - 1, LANES // 2 + 1]}},
            "color": {"field": "vd", "type": "nominal", "title": f"Compared with {name}", "scale": {"domain": domain, "range": colours}, "legend": {"orient": "bottom", "direction": "horizontal", "columns": 2}},
            "shape": {"field": "vd", "type": "nominal", "title": f"Compared with {name}", "scale": {"domain": domain, "range": shapes}},
            "tooltip": [{"field": "l", "type": "nominal", "title": "Area"}, {"field": "tv", "type": "nominal", "title": "Value"},
                        {"field": "tci", "type": "nominal", "title": "95% interval"}, {"field": "vd", "type": "nominal", "title": tip_title(f"Compared with {name}")}],
        },
    }
    rules = {
        "data": {"values": lines},
        "mark": {"type": "rule", "color": ENGLAND, "strokeWidth": 2},
        "encoding": {
            "x": {"field": "r", "type": "quantitative"},
            "strokeDash": {"field": "rn", "type": "nominal", "title": None, "scale": {"domain": [v["rn"] for v in lines], "range": [[1, 0], [5, 4]][-len(lines):]}, "legend": {"orient": "top"}},
            "tooltip": [{"field": "rn", "type": "nominal", "title": "Reference"}, {"field": "tr", "type": "nominal", "title": "Value"}],
        },
    }
    return {"$schema": SCHEMA, "description": description, "data": {"values": values}, "width": "container", "height": {"step": 64},
            "padding": {"left": 4, "top": 4, "right": 12, "bottom": 4}, "layer": [rules, dots], "resolve": {"scale": {"strokeDash": "independent"}}}


def _svg(data: DistributionInput, laid: list[tuple[Group, list[tuple[Dot, int]]]], title: str, description: str) -> str:
    groups = [g for g, _ in laid]
    values = [d.value for g in groups for d in g.dots if d.value is not None] + [v for v in (data.own, data.benchmark) if v is not None]
    pad = _pad(values, data)
    ticks = _domain(data, groups)
    left, plot_w = pad, W - 2 * pad

    def x(v: float) -> float:
        return left + plot_w * (v - ticks[0]) / (ticks[-1] - ticks[0])

    present = [v for v in VERDICTS if any(d.verdict == v for _, dots in laid for d, _ in dots)]
    items = [(VERDICTS[v][1], VERDICTS[v][0], v) for v in present]
    items += [(kind, ENGLAND, n) for kind, n, v in (("line", data.area, data.own), ("dash", data.benchmark_name, data.benchmark)) if v is not None and n]
    key, key_h = svg.legend(items, 8, 16, W - 16)
    step = 2 * R + 1
    out, y = [], key_h + 8
    bands = []
    for group, dots in laid:
        used = max((abs(lane) for _, lane in dots), default=0)
        label = plural(len(dots), lower_first(group.one), lower_first(group.name))
        out.append(svg.text(8, y + TOP_GAP + 12, svg.shorten(label, (W - 16) / 1.1), font_weight="bold"))
        middle = y + TOP_GAP + 18 + step * (used + 0.5) + 4
        bands.append((middle - step * (used + 0.5) - 4, middle + step * (used + 0.5) + 4))
        out.append(svg.tag("line", x1=left, y1=middle, x2=left + plot_w, y2=middle, stroke=GRID))
        out += [svg.marker(VERDICTS[dot.verdict][1], x(dot.value or 0.0), middle + lane * step, VERDICTS[dot.verdict][0], R) for dot, lane in dots]
        y = bands[-1][1]
    height = y + BOTTOM
    grid = [svg.tag("line", x1=x(t), y1=top, x2=x(t), y2=bottom, stroke=GRID) for t in ticks for top, bottom in bands]
    grid += [svg.text(x(t), y + 16, svg.tick_label(t), "middle") for t in ticks]
    grid.append(svg.text(W / 2, height - 4, svg.shorten(data.unit or data.indicator, plot_w), "middle"))
    for dash, value in (("", data.own), ("4 3", data.benchmark)):  # the area's value and the benchmark's, across each line of dots
        extra = {"stroke_dasharray": dash} if dash else {}
        grid += [svg.tag("line", x1=x(value), y1=top, x2=x(value), y2=bottom, stroke=ENGLAND, stroke_width=2, **extra) for top, bottom in bands] if value is not None else []
    return svg.document(W, height, title, description, "".join(grid + out) + key)
