"""Each chart type's Vega-Lite design, made once with Altair and cached as JSON text.

Altair's ``to_dict()`` costs about 20 ms, so it runs once per type; a chart's spec is
``json.loads`` of the cached text (about 20 µs) with its data and labels filled in.
Per-chart values go in as data or literal properties, never into Vega expressions. The one
exception is the benchmark's name (a site's, not a chart's: "England", "South East region"),
which three designs must show through an expression (a legend or axis label, a constant
series name); it goes in only as a string literal made by ``expr_string``, so it is always a
value and never code; in tooltip titles (which Vega-Lite itself puts into an expression) it
is cleaned by ``tip_title``. Designs are cached per type and benchmark name.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import altair as alt

from generators.charts.palette import AREA, ENGLAND, FEMALE, HIGHLIGHT, MALE, RANGE_INNER, RANGE_OUTER

DATA = alt.NamedData(name="table")


def expr_string(text: str) -> str:
    """``text`` as a single-quoted Vega expression string literal: quotes, backslashes, control
    characters and line separators escaped, so whatever the text, the expression reads it as a value."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]  # escapes \\ " and control characters
    return "'" + body.replace("'", "\\'").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "'"


def tip_title(text: str) -> str:
    """``text`` fit for a tooltip title: Vega-Lite puts the titles into the tooltip's expression
    escaping only double quotes, so backslashes and control characters go and spaces run together."""
    return " ".join("".join(ch for ch in text if ch != "\\" and (ch.isprintable() or ch.isspace())).split())


def _tip(field: str, title: str) -> alt.Tooltip:
    return alt.Tooltip(field, type="nominal", title=tip_title(title))


def _trend(benchmark: str) -> alt.LayerChart | alt.FacetChart:
    x = alt.X("p:O", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True))
    tips = [_tip("p", "Period"), _tip("tv", "Value"), _tip("tci", "95% interval"), _tip("te", benchmark)]
    band = alt.Chart(DATA).mark_area(opacity=0.2, color=AREA).encode(x=x, y=alt.Y("lo:Q", title="unit", scale=alt.Scale(zero=False)), y2=alt.Y2("hi:Q"))
    series = alt.Color(
        "k:N",
        title=None,
        scale=alt.Scale(domain=["v", "e"], range=[AREA, ENGLAND]),
        legend=alt.Legend(labelExpr=f"datum.label == 'v' ? 'This area' : {expr_string(benchmark)}"),
    )
    dash = alt.StrokeDash("k:N", scale=alt.Scale(domain=["v", "e"], range=[[1, 0], [5, 4]]), legend=None)
    lines = (
        alt.Chart(DATA)
        .transform_fold(["v", "e"], as_=["k", "y"])
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=40), strokeWidth=2.5)
        .encode(x=x, y=alt.Y("y:Q"), color=series, strokeDash=dash, tooltip=tips)
    )
    # room on the right for the last period's label, centred on its point (a phone's last label would be cut)
    return alt.layer(band, lines).properties(width="container", height=260, padding={"left": 5, "top": 5, "right": 24, "bottom": 5})


def _verdict_enc() -> dict[str, Any]:
    return {
        "color": alt.Color("vd:N", title=None, scale=alt.Scale(domain=["x"], range=["#000"])),
        "shape": alt.Shape("vd:N", title=None, scale=alt.Scale(domain=["x"], range=["circle"])),
    }


PHONE_LABELS = "containerSize()[0] < 480 ? 112 : {wide}"
"""Row labels on a phone take at most 112 px (cut with an ellipsis; the table has them whole), so the bars keep their room."""


def _compare(benchmark: str) -> alt.LayerChart | alt.FacetChart:
    y = alt.Y("l:N", sort=None, title=None, axis=alt.Axis(labelLimit=alt.ExprRef(PHONE_LABELS.format(wide=220))))
    tips = [_tip("l", "Area"), _tip("tv", "Value"), _tip("tci", "95% interval"), _tip("vd", f"Compared with {benchmark}")]
    ve = _verdict_enc()
    bar = (
        alt.Chart(DATA)
        .mark_bar(opacity=0.35, height=alt.RelativeBandSize(0.7))
        .encode(y=y, x=alt.X("v:Q", title="unit"), color=alt.Color("vd:N", legend=None), tooltip=tips)
    )
    whisker = alt.Chart(DATA).mark_errorbar(ticks=alt.MarkConfig(size=8), color=ENGLAND).encode(y=y, x=alt.X("lo:Q", title=None), x2=alt.X2("hi:Q"))
    point = (
        alt.Chart(DATA).mark_point(filled=True, size=90, opacity=1).encode(y=y, x=alt.X("v:Q", title=None), color=ve["color"], shape=ve["shape"], tooltip=tips)
    )
    label = alt.Chart(DATA).mark_text(align="left", dx=8).encode(y=y, x=alt.X("tx:Q", title=None), text=alt.Text("vd:N"))
    band = alt.Chart(DATA).transform_filter("datum.o == 1").mark_rect(color=HIGHLIGHT).encode(y=y)  # the highlighted area's row
    return alt.layer(band, bar, whisker, point, label).properties(width="container", height=alt.Step(24))


def _spine(benchmark: str) -> alt.LayerChart | alt.FacetChart:
    y = alt.Y("i:N", sort=None, title=None, axis=alt.Axis(labelLimit=alt.ExprRef(PHONE_LABELS.format(wide=300))))
    scale = alt.Scale(domain=[0, 1], nice=False)
    axis = alt.Axis(
        values=[0, 0.5, 1],
        labelExpr=f"datum.value == 0 ? 'Worst' : datum.value == 1 ? 'Best' : {expr_string(benchmark)}",
        title=[f"Worst ← {benchmark} → Best", "(no judgement: lower ← → higher)"],  # two short lines: a phone's plot is narrow
        titleLimit=alt.ExprRef("containerSize()[0] < 480 ? 200 : 600"),
    )
    tips = [
        _tip("i", "Indicator"),
        _tip("tv", "Value"),
        _tip("te", benchmark),
        _tip("tr", f"{benchmark} range"),
        _tip("vd", f"Compared with {benchmark}"),
    ]
    outer = alt.Chart(DATA).mark_bar(color=RANGE_OUTER, height=14).encode(y=y, x=alt.X("o0:Q", scale=scale, axis=axis), x2=alt.X2("o1:Q"), tooltip=tips)
    inner = alt.Chart(DATA).mark_bar(color=RANGE_INNER, height=14).encode(y=y, x=alt.X("q0:Q"), x2=alt.X2("q1:Q"))
    eng = alt.Chart(DATA).mark_tick(color=ENGLAND, thickness=2, size=22).encode(y=y, x=alt.X("e:Q"))
    ve = _verdict_enc()
    point = (
        alt.Chart(DATA)
        .mark_point(filled=True, size=110, opacity=1, stroke="#FFFFFF", strokeWidth=1)
        .encode(y=y, x=alt.X("v:Q"), color=ve["color"], shape=ve["shape"], tooltip=tips)
    )
    return alt.layer(outer, inner, eng, point).properties(width="container", height=alt.Step(28))


def _pyramid(benchmark: str) -> alt.LayerChart | alt.FacetChart:
    y = alt.Y("a:N", sort=["x"], title="Age band", axis=alt.Axis(labelOverlap=False))
    x_axis = alt.Axis(labelExpr="abs(datum.value) + '%'", title="% of total population")
    tips = [_tip("s", "Sex"), _tip("a", "Age band"), _tip("tp", "Area"), _tip("te", benchmark)]
    bars = (
        alt.Chart(DATA)
        .mark_bar(height=alt.RelativeBandSize(0.9))
        .encode(
            y=y,
            x=alt.X("p:Q", axis=x_axis),
            tooltip=tips,
            color=alt.Color("s:N", title=None, scale=alt.Scale(domain=["Males", "Females"], range=[MALE, FEMALE])),
        )
    )
    eng = (
        alt.Chart(DATA)
        .mark_bar(filled=False, strokeWidth=1.5, height=alt.RelativeBandSize(0.9))
        .encode(
            y=y,
            x=alt.X("ep:Q"),
            tooltip=tips,
            stroke=alt.Stroke("eg:N", title=None, scale=alt.Scale(domain=[benchmark], range=[ENGLAND])),
        )
        .transform_calculate(eg=expr_string(benchmark))
    )
    return alt.layer(bars, eng).properties(width="container", height=alt.Step(16))


MAP_PADDING = {"left": 12, "top": 5, "right": 12, "bottom": 5}
"""Room beside the key: a value key's end labels are centred on the ends of its gradient."""


def _map(benchmark: str) -> alt.Chart:
    tips = [_tip("properties.n", "Area"), _tip("properties.t", "Value"), _tip("properties.vd", f"Compared with {benchmark}")]
    return (
        alt.Chart(DATA)
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=0.5)
        .encode(
            color=alt.Color("properties.vd:N", title=None, scale=alt.Scale(domain=["x"], range=["#000"])),
            tooltip=tips,
        )
        .properties(width="container", height=460, projection=alt.Projection(type="mercator"), padding=MAP_PADDING)
    )


def _map_values(benchmark: str) -> alt.Chart:  # a map of values alone names no benchmark
    tips = [_tip("properties.n", "Area"), _tip("properties.t", "Value")]
    return (
        alt.Chart(DATA)
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=0.5)
        .encode(
            color=alt.Color("properties.v:Q", title="unit", scale=alt.Scale(scheme="viridis", reverse=True)),
            tooltip=tips,
        )
        .properties(width="container", height=460, projection=alt.Projection(type="mercator"), padding=MAP_PADDING)
    )


DESIGNS = {"trend": _trend, "compare": _compare, "spine": _spine, "pyramid": _pyramid, "map": _map, "map_values": _map_values}


@functools.cache
def design_json(kind: str, benchmark: str) -> str:
    """The design's spec as JSON text: Altair runs once per type and benchmark name, per process."""
    spec = DESIGNS[kind](benchmark).to_dict()
    spec.pop("config", None)
    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False)


def new_spec(kind: str, values: list[dict[str, Any]], description: str, benchmark: str) -> dict[str, Any]:
    """A fresh, independent copy of the design, naming ``benchmark``, with the chart's data and description."""
    spec: dict[str, Any] = json.loads(design_json(kind, benchmark))
    spec["data"] = {"values": values}
    spec["description"] = description
    return spec
