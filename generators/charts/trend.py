"""Trend over time: the area's values with their 95% interval band, and the benchmark's line."""

from __future__ import annotations

from generators.charts import svg
from generators.charts.chart import PHONE, Chart, NoChart, finite, make_csv, round4, table_number
from generators.charts.designs import new_spec
from generators.charts.inputs import TrendInput, TrendPoint
from generators.charts.palette import AREA, ENGLAND, GRID
from generators.words import format_chart_value

COLUMNS = ("Period", "Value", "Lower 95% limit", "Upper 95% limit", "{}")  # {}: the benchmark
W, H, TOP, BOTTOM, RIGHT = 640.0, 320.0, 34.0, 30.0, 16.0
PHONE_HEIGHT = 280.0


def chart_trend(data: TrendInput) -> Chart | NoChart:
    """A line chart of the area's values over time, or why there is none."""
    points = [_clean(p) for p in data.points]
    known = [p for p in points if p.value is not None]
    if not known:
        return NoChart("trend", f"There is no trend chart: no period has a value for {data.area}.")
    if len(known) == 1:
        return NoChart("trend", f"There is no trend chart: only one period ({known[0].period}) has a value.")
    title, description = _describe(data, known[0], known[-1])
    columns = tuple(c.format(data.benchmark_name) for c in COLUMNS)
    raw = [(p.period, p.value, p.lower, p.upper, p.benchmark) for p in points]
    rows = tuple((p.period, *(_show(x, data) for x in (p.value, p.lower, p.upper, p.benchmark))) for p in points)
    return Chart(
        kind="trend",
        title=title,
        description=description,
        spec=_spec(data, points, description),
        svg=_svg(data, points, title, description),
        phone_svg=_svg(data, points, title, description, PHONE, PHONE_HEIGHT),
        columns=columns,
        rows=rows,
        csv=make_csv(columns, raw),
    )


def _clean(p: TrendPoint) -> TrendPoint:
    return TrendPoint(str(p.period), finite(p.value), finite(p.lower), finite(p.upper), finite(p.benchmark))


def _show(x: float | None, data: TrendInput) -> str:
    return table_number(x, data.decimals)


def _describe(data: TrendInput, first: TrendPoint, last: TrendPoint) -> tuple[str, str]:
    a, b = round(first.value or 0.0, data.decimals), round(last.value or 0.0, data.decimals)
    verb = "rose" if b > a else "fell" if b < a else "did not change"
    title = f"{data.indicator} in {data.area} {verb} between {first.period} and {last.period}"
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    if verb == "did not change":
        text = f"{data.indicator} in {data.area} was {f(last.value)} in both {first.period} and {last.period}"
    else:
        text = f"{data.indicator} in {data.area} {verb} from {f(first.value)} in {first.period} to {f(last.value)} in {last.period}"
    benchmark = f"; {data.benchmark_name} {f(last.benchmark)}." if last.benchmark is not None else "."
    return title, text + benchmark


def _spec(data: TrendInput, points: list[TrendPoint], description: str) -> dict:
    d, u = data.decimals, data.unit
    values = [
        {
            "p": p.period,
            "v": round4(p.value),
            "lo": round4(p.lower),
            "hi": round4(p.upper),
            "e": round4(p.benchmark),
            "tv": format_chart_value(p.value, d, u),
            "tci": _interval(p, d),
            "te": format_chart_value(p.benchmark, d, u),
        }
        for p in points
    ]
    spec = new_spec("trend", values, description, data.benchmark_name)
    spec["layer"][0]["encoding"]["y"]["title"] = u or data.indicator
    return spec


def _interval(p: TrendPoint, d: int) -> str:
    return "" if p.lower is None or p.upper is None else f"{p.lower:,.{d}f} to {p.upper:,.{d}f}"


def _svg(data: TrendInput, points: list[TrendPoint], title: str, description: str, width: float = W, height: float = H) -> str:
    """The static chart, ``width`` by ``height`` px (640 by 320; a phone's is narrower), its key above the plot."""
    nums = [x for p in points for x in (p.value, p.lower, p.upper, p.benchmark) if x is not None]
    ticks = svg.nice_ticks(min(nums), max(nums), 5 if height >= H else 4)
    labels = [svg.tick_label(t) for t in ticks]
    left = max(svg.text_width(t) for t in labels) + 34
    plot_w = width - left - RIGHT
    items = [("line", AREA, data.area), ("dash", ENGLAND, data.benchmark_name), ("band", AREA, "95% confidence interval")]
    key, key_h = svg.legend(items, left, 14, plot_w)
    top = max(TOP, key_h + 16)
    plot_h = height - top - BOTTOM
    step = plot_w / len(points)
    xs = [left + step * (i + 0.5) for i in range(len(points))]

    def y(v: float) -> float:
        return top + plot_h * (ticks[-1] - v) / (ticks[-1] - ticks[0])

    out = [_axes(ticks, labels, y, left, plot_w, data.unit or data.indicator)]
    out.append(_x_labels(points, xs, step, height, width))
    out.append(_band(points, xs, y))
    out.append(_line([(x, p.benchmark) for x, p in zip(xs, points, strict=False)], y, ENGLAND, dash="5 4"))
    out.append(_line([(x, p.value) for x, p in zip(xs, points, strict=False)], y, AREA))
    out += [svg.tag("circle", cx=x, cy=y(p.value), r=3.5, fill=AREA) for x, p in zip(xs, points, strict=False) if p.value is not None]
    return svg.document(width, height, title, description, "".join(out) + key)


def _axes(ticks: list[float], labels: list[str], y, left: float, plot_w: float, unit: str) -> str:
    out = []
    for t, label in zip(ticks, labels, strict=False):
        out.append(svg.tag("line", x1=left, y1=y(t), x2=left + plot_w, y2=y(t), stroke=GRID))
        out.append(svg.text(left - 6, y(t) + 4, label, "end"))
    mid = (y(ticks[0]) + y(ticks[-1])) / 2
    out.append(svg.text(0, 0, svg.shorten(unit, y(ticks[0]) - y(ticks[-1]) + 20), "middle", transform=f"translate(12 {svg.n(mid)}) rotate(-90)"))
    return "".join(out)


def _x_labels(points: list[TrendPoint], xs: list[float], step: float, height: float, width: float) -> str:
    """Every period's label that has room, the last always; an end label kept inside the chart's edge."""
    longest = max(svg.text_width(p.period) for p in points) + 8
    every = max(1, -(-int(longest) // max(int(step), 1)))
    shown = [i for i in range(len(points)) if i % every == 0 or i == len(points) - 1]
    placed: list[tuple[float, float, str]] = []  # left, right, label
    for i in shown:
        w = svg.text_width(points[i].period)
        left = min(max(xs[i] - w / 2, 2.0), width - 2 - w)
        while placed and placed[-1][1] + 4 > left:  # the later label wins: the last period is always named
            placed.pop()
        placed.append((left, left + w, points[i].period))
    return "".join(svg.text((left + right) / 2, height - 10, label, "middle") for left, right, label in placed)


def _band(points: list[TrendPoint], xs: list[float], y) -> str:
    spans = [(x, p.lower, p.upper) for x, p in zip(xs, points, strict=False) if p.lower is not None and p.upper is not None]
    if len(spans) < 2:
        return "".join(svg.tag("line", x1=x, y1=y(lo), x2=x, y2=y(hi), stroke=AREA, stroke_opacity="0.4", stroke_width=6) for x, lo, hi in spans)
    top = [f"{svg.n(x)},{svg.n(y(hi))}" for x, _, hi in spans]
    bottom = [f"{svg.n(x)},{svg.n(y(lo))}" for x, lo, _ in reversed(spans)]
    return svg.tag("polygon", points=" ".join(top + bottom), fill=AREA, fill_opacity="0.2")


def _line(pairs: list[tuple[float, float | None]], y, colour: str, dash: str = "") -> str:
    runs: list[list[str]] = [[]]
    for x, v in pairs:
        if v is None:
            runs.append([])
        else:
            runs[-1].append(f"{svg.n(x)},{svg.n(y(v))}")
    extra = {"stroke_dasharray": dash} if dash else {}
    return "".join(svg.tag("polyline", points=" ".join(r), fill="none", stroke=colour, stroke_width=2.5, **extra) for r in runs if len(r) > 1)
