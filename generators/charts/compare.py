"""Compare areas: horizontal bars with 95% interval whiskers, coloured and shaped by verdict."""

from __future__ import annotations

from generators.charts import svg
from generators.charts.chart import PHONE, Chart, NoChart, clean_verdict, finite, make_csv, round4, table_number
from generators.charts.designs import expr_string, new_spec
from generators.charts.inputs import CompareBar, CompareInput
from generators.charts.palette import ENGLAND, GRID, HIGHLIGHT, VERDICTS, verdict_scale
from generators.words import SHORT_VERDICT_WORDS, format_chart_value, lower_first, ordinal, plural

COLUMNS = ("Area", "Value", "Lower 95% limit", "Upper 95% limit", "Compared with {}")  # {}: the benchmark
W, ROW, BOTTOM = 640.0, 24.0, 34.0
LONG, ENDS = 20, 5
"""A ranking of more than LONG areas shows its ENDS highest and lowest, the highlighted areas and the
benchmark, so that it reads on a phone; the page's table lists every area. That compact chart is
a static SVG alone, drawn for a phone (PHONE px wide, shown at its own size), with no live version."""


def chart_compare(data: CompareInput) -> Chart | NoChart:
    """Bars for the area, its comparators and the benchmark, or why there are none."""
    bars = [_clean(b, data.benchmark_name) for b in data.bars]
    if not any(b.value is not None for b in bars):
        return NoChart("compare", f"There is no comparison chart: no area has a value for {data.period}.")
    if data.ranked:
        bars.sort(key=lambda b: (b.value is None, -(b.value or 0.0)))
    title, description = _describe_ranking(data, bars) if data.areas_name else _describe(data, bars)
    columns = tuple(c.format(data.benchmark_name) for c in COLUMNS)
    raw = [(b.label, b.value, b.lower, b.upper, _word(b)) for b in bars]
    d = data.decimals
    rows = tuple((b.label, *(table_number(x, d) for x in (b.value, b.lower, b.upper)), _word(b)) for b in bars)
    drawn = [_ranked_label(b) for b in _shown(bars)] if data.ranked else bars
    compact = data.ranked and _long(bars)
    return Chart(
        kind="compare",
        title=title,
        description=description,
        spec=None if compact else _spec(data, drawn, description),
        svg=_svg(data, drawn, title, description, width=PHONE if compact else W),
        phone_svg="" if compact else _svg(data, drawn, title, description, width=PHONE),
        columns=columns,
        rows=rows,
        csv=make_csv(columns, raw),
    )


def _clean(b: CompareBar, benchmark: str) -> CompareBar:
    verdict = benchmark if b.role == "benchmark" else clean_verdict(b.verdict)
    return CompareBar(str(b.label), finite(b.value), finite(b.lower), finite(b.upper), verdict, b.role, b.rank)


def _long(bars: list[CompareBar]) -> bool:
    """More areas with a value than a phone reads as bars (the benchmark not counted)."""
    return sum(1 for b in bars if b.value is not None and b.role != "benchmark") > LONG


def _shown(bars: list[CompareBar]) -> list[CompareBar]:
    """A long ranking as a phone reads it: the highest and lowest, every highlighted area and the
    benchmark in their places, and one row naming each run of areas left out."""
    if not _long(bars):
        return bars
    valued = [b for b in bars if b.value is not None]
    areas = [b for b in valued if b.role != "benchmark"]
    ends = {id(b) for b in areas[:ENDS] + areas[-ENDS:]}
    out: list[CompareBar] = []
    left_out: list[CompareBar] = []
    for b in valued:
        if id(b) in ends or b.role in ("area", "benchmark"):
            out += [_gap(left_out)] if left_out else []
            out.append(b)
            left_out = []
        else:
            left_out.append(b)
    out += [_gap(left_out)] if left_out else []
    missing = len(bars) - len(valued)
    return out + ([CompareBar(f"⋯ {plural(missing, 'area')} with no value", None, verdict="", role="gap")] if missing else [])


def _gap(left_out: list[CompareBar]) -> CompareBar:
    first, last = left_out[0].rank, left_out[-1].rank
    where = f" ({first:,}–{last:,})" if first and last and first != last else ""  # short: a phone shows about 16 characters
    return CompareBar(f"⋯ {len(left_out):,} more{where}", None, verdict="", role="gap")


def _ranked_label(b: CompareBar) -> CompareBar:
    return CompareBar(f"{b.rank:,}. {b.label}", b.value, b.lower, b.upper, b.verdict, b.role, b.rank) if b.rank else b


def _word(b: CompareBar) -> str:
    return "" if b.role in ("benchmark", "gap") else b.verdict


def _describe(data: CompareInput, bars: list[CompareBar]) -> tuple[str, str]:
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    area = next((b for b in bars if b.role == "area"), None)
    name = data.benchmark_name
    benchmark = next((b for b in bars if b.role == "benchmark"), None)
    counted = [b for b in bars if b.role != "benchmark" and b.value is not None]
    tally = ", ".join(f"{sum(b.verdict == v for b in counted)} {v.lower()}" for v in VERDICTS if any(b.verdict == v for b in counted))
    summary = f"Of {plural(len(counted), 'area')} compared with {name}: {tally}."
    if area is None or area.value is None:
        return f"{data.indicator} by area, {data.period}", f"{data.indicator}, {data.period}. {summary}"
    judged = SHORT_VERDICT_WORDS.get(area.verdict)
    title = (
        f"{data.indicator} in {area.label} is {judged} {name}, {data.period}"
        if judged
        else f"{data.indicator} in {area.label} compared with other areas, {data.period}"
    )
    value = f" ({f(benchmark.value)})" if benchmark and benchmark.value is not None else ""
    verdict = f", {judged} {name}{value}" if judged else (f"; {name}{value}" if value else "")
    return title, f"In {data.period}, {data.indicator} in {area.label} was {f(area.value)}{verdict}. {summary}"


def _describe_ranking(data: CompareInput, bars: list[CompareBar]) -> tuple[str, str]:
    """A ranking's title and text alternative: how many areas, the benchmark, each highlighted area's place."""
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    name, kinds = data.benchmark_name, lower_first(data.areas_name)
    areas = [b for b in bars if b.role in ("area", "comparator")]
    ranked = sum(1 for b in areas if b.rank)
    own = [b for b in areas if b.role == "area" and b.rank]
    title = (
        f"{data.indicator}: {own[0].label} is {ordinal(own[0].rank)} of {ranked:,} {kinds}, {data.period}"
        if len(own) == 1
        else f"{data.indicator}: {ranked:,} {kinds} ranked, {data.period}"
    )
    parts = [f"{ranked:,} {kinds} ranked from the highest value to the lowest, {data.period}."]
    benchmark = next((b for b in bars if b.role == "benchmark" and b.value is not None), None)
    if benchmark is not None:
        parts.append(f"{name}: {f(benchmark.value)}.")
    for b in own:
        judged = SHORT_VERDICT_WORDS.get(b.verdict)
        parts.append(f"{b.label}: {ordinal(b.rank)}, {f(b.value)}{', ' + judged + ' ' + name if judged else ''}.")
    counted = [b for b in areas if b.value is not None]
    tally = ", ".join(f"{sum(b.verdict == v for b in counted)} {v.lower()}" for v in VERDICTS if any(b.verdict == v for b in counted))
    if tally:
        parts.append(f"Compared with {name}: {tally}.")
    if len(counted) > LONG:
        parts.append(f"The chart shows the {ENDS} highest and {ENDS} lowest{', the highlighted areas' if own else ''} and {name}; the table lists every area.")
    return title, " ".join(parts)


def _spec(data: CompareInput, bars: list[CompareBar], description: str, reference: tuple[str, float] | None = None) -> dict:
    d, u = data.decimals, data.unit
    values = [
        {
            "l": b.label,
            "v": round4(b.value),
            "lo": round4(b.lower),
            "hi": round4(b.upper),
            "vd": b.verdict,
            "tx": round4(max(x for x in (b.value, b.upper, 0.0) if x is not None)),
            "tv": format_chart_value(b.value, d, u),
            "tci": "" if b.lower is None or b.upper is None else f"{b.lower:,.{d}f} to {b.upper:,.{d}f}",
            "o": int(b.role == "area"),
        }
        for b in bars
    ]
    spec = new_spec("compare", values, description, data.benchmark_name)
    domain, colours, shapes = _scale(bars, data.benchmark_name)
    layers = spec["layer"]
    layers[1]["encoding"]["x"]["title"] = u or data.indicator
    layers[1]["encoding"]["color"]["scale"] = {"domain": domain, "range": colours}
    layers[3]["encoding"]["color"]["scale"] = {"domain": domain, "range": colours}
    layers[3]["encoding"]["shape"]["scale"] = {"domain": domain, "range": shapes}
    spec["padding"] = {"left": 4, "top": 4, "bottom": 4, "right": 64}  # room for the verdict words right of the bars on a phone
    for layer in layers:  # the rows in the order given, gaps included (Vega-Lite would put rows without a value last)
        layer["encoding"]["y"]["scale"] = {"domain": [b.label for b in bars]}
    bold = [b.label for b in bars if b.role in ("area", "benchmark")]
    if bold:  # the highlighted areas and the benchmark are named in bold, as in the static chart
        test = " || ".join(f"datum.value === {expr_string(label)}" for label in bold)
        layers[1]["encoding"]["y"]["axis"]["labelFontWeight"] = {"expr": f"({test}) ? 'bold' : 'normal'"}
    if reference is not None:  # the area's value for everyone, as a dashed rule across the bars, named in its tooltip
        layers.append({
            "data": {"values": [{"r": round4(reference[1]), "rn": reference[0], "tr": format_chart_value(reference[1], d, u)}]},
            "mark": {"type": "rule", "color": ENGLAND, "strokeDash": [4, 3], "strokeWidth": 2},
            "encoding": {"x": {"field": "r", "type": "quantitative"}, "tooltip": [{"field": "rn", "title": "Reference"}, {"field": "tr", "title": "Value"}]},
        })
    return spec


def _scale(bars: list[CompareBar], benchmark: str) -> tuple[list[str], list[str], list[str]]:
    domain, colours, shapes = verdict_scale([b.verdict for b in bars if b.role != "benchmark"])
    if any(b.role == "benchmark" for b in bars):
        domain, colours, shapes = [*domain, benchmark], [*colours, ENGLAND], [*shapes, "stroke"]
    return domain, colours, shapes


def _style(b: CompareBar) -> tuple[str, str]:
    colour, shape, _ = (ENGLAND, "", "") if b.role == "benchmark" else VERDICTS.get(b.verdict, (ENGLAND, "", ""))
    return colour, shape


def _svg(
    data: CompareInput, bars: list[CompareBar], title: str, description: str, reference: tuple[str, float] | None = None, width: float = W
) -> str:
    """The static chart, ``width`` px wide; `reference`: a dashed line across the bars at a value, with its name (an area's value for everyone)."""
    present = [v for v in VERDICTS if any(b.verdict == v and b.role != "benchmark" for b in bars)]
    items = [(VERDICTS[v][1], VERDICTS[v][0], v) for v in present]
    items += [("bar", ENGLAND, data.benchmark_name)] if any(b.role == "benchmark" for b in bars) else []
    items += [("dash", ENGLAND, reference[0])] if reference is not None else []
    key, key_h = svg.legend([*items, ("line", ENGLAND, "95% confidence interval")], 8, 16, width - 16)
    top = key_h + 12
    nums = [x for b in bars for x in (b.value, b.lower, b.upper) if x is not None] + [0.0] + ([reference[1]] if reference else [])
    compact = width < W  # a phone's chart: the markers' shapes and the key say the verdicts; the labels get the room
    words = [] if compact else [svg.text_width(b.verdict) for b in bars if b.role != "gap" and b.value is not None]  # the benchmark's bar says its name
    label_w = min(max(svg.text_width(b.label) * 1.1 for b in bars if b.role != "gap") + 20, width * 0.5 if compact else 220)  # bold labels are wider
    left, right = label_w, max([*words, 0.0]) + 20
    plot_w = width - left - right
    ticks = svg.fit_ticks(min(nums), max(nums), plot_w)
    height = top + ROW * len(bars) + BOTTOM

    def x(v: float) -> float:
        return left + plot_w * (v - ticks[0]) / (ticks[-1] - ticks[0])

    out = []
    for t in ticks:
        out.append(svg.tag("line", x1=x(t), y1=top, x2=x(t), y2=height - BOTTOM, stroke=GRID))
        out.append(svg.text(x(t), height - BOTTOM + 16, svg.tick_label(t), "middle"))
    out.append(svg.text(left + plot_w / 2, height - 4, svg.shorten(data.unit or data.indicator, plot_w), "middle"))
    for i, b in enumerate(bars):
        out.append(_bar(b, top + ROW * (i + 0.5), x, left, x(max(0.0, ticks[0])), width, not compact))
    if reference is not None:
        out.append(svg.tag("line", x1=x(reference[1]), y1=top - 4, x2=x(reference[1]), y2=height - BOTTOM, stroke=ENGLAND, stroke_width=2, stroke_dasharray="4 3"))
    return svg.document(width, height, title, description, "".join(out) + key)


def _bar(b: CompareBar, cy: float, x, left: float, zero: float, width: float, words: bool = True) -> str:
    colour, shape = _style(b)
    if b.role == "gap":
        return svg.text(left - 8, cy + 4, svg.shorten(b.label, left - 12), "end", font_style="italic")
    weight = {"font_weight": "bold"} if b.role in ("area", "benchmark") else {}
    band = [svg.tag("rect", x=0, y=cy - ROW / 2, width=width, height=ROW, fill=HIGHLIGHT)] if b.role == "area" else []
    out = [*band, svg.text(left - 8, cy + 4, svg.shorten(b.label, (left - 12) / (1.1 if weight else 1.0)), "end", **weight)]
    if b.value is None:
        return "".join(out) + svg.text(left + 4, cy + 4, "no value")
    x0, x1 = sorted((zero, x(b.value)))
    out.append(svg.tag("rect", x=x0, y=cy - 8, width=max(x1 - x0, 0.5), height=16, fill=colour, fill_opacity="1" if b.role == "benchmark" else "0.35"))
    if b.lower is not None and b.upper is not None:
        lo, hi = x(b.lower), x(b.upper)
        out.append(
            svg.tag(
                "path",
                d=f"M{svg.n(lo)} {svg.n(cy - 5)}v10M{svg.n(lo)} {svg.n(cy)}H{svg.n(hi)}M{svg.n(hi)} {svg.n(cy - 5)}v10",
                stroke=ENGLAND,
                stroke_width=1.5,
                fill="none",
            )
        )
    if shape:
        out.append(svg.marker(shape, x(b.value), cy, colour))
    if words:
        end = max(x(b.value), x(b.upper) if b.upper is not None else 0.0)
        out.append(svg.text(end + 9, cy + 4, b.verdict, fill=colour if shape else ENGLAND))
    return "".join(out)
