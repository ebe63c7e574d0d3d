"""Each chart type's Vega-Lite design, made once with Altair and cached as JSON text.

Altair's ``to_dict()`` costs about 20 ms, so it runs once per type; a chart's spec is
``json.loads`` of the cached text (about 20 µs) with its data and labels filled in.
Per-chart values go in as data or literal properties, never into Vega expressions.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import altair as alt

from generators.charts.palette import AREA, ENGLAND, FEMALE, MALE, RANGE_INNER, RANGE_OUTER

DATA = alt.NamedData(name="table")


def _tip(field: str, title: str) -> alt.Tooltip:
    return alt.Tooltip(field, type="nominal", title=title)


def _trend() -> alt.LayerChart | alt.FacetChart:
    x = alt.X("p:O", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True))
    tips = [_tip("p", "Period"), _tip("tv", "Value"), _tip("tci", "95% interval"), _tip("te", "England")]
    band = alt.Chart(DATA).mark_area(opacity=0.2, color=AREA).encode(x=x, y=alt.Y("lo:Q", title="unit", scale=alt.Scale(zero=False)), y2=alt.Y2("hi:Q"))
    series = alt.Color(
        "k:N",
        title=None,
        scale=alt.Scale(domain=["v", "e"], range=[AREA, ENGLAND]),
        legend=alt.Legend(labelExpr="datum.label == 'v' ? 'This area' : 'England'"),
    )
    dash = alt.StrokeDash("k:N", scale=alt.Scale(domain=["v", "e"], range=[[1, 0], [5, 4]]), legend=None)
    lines = (
        alt.Chart(DATA)
        .transform_fold(["v", "e"], as_=["k", "y"])
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=40), strokeWidth=2.5)
        .encode(x=x, y=alt.Y("y:Q"), color=series, strokeDash=dash, tooltip=tips)
    )
    return alt.layer(band, lines).properties(width="container", height=260)


def _verdict_enc() -> dict[str, Any]:
    return {
        "color": alt.Color("vd:N", title=None, scale=alt.Scale(domain=["x"], range=["#000"])),
        "shape": alt.Shape("vd:N", title=None, scale=alt.Scale(domain=["x"], range=["circle"])),
    }


def _compare() -> alt.LayerChart | alt.FacetChart:
    y = alt.Y("l:N", sort=None, title=None, axis=alt.Axis(labelLimit=220))
    tips = [_tip("l", "Area"), _tip("tv", "Value"), _tip("tci", "95% interval"), _tip("vd", "Compared with England")]
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
    return alt.layer(bar, whisker, point, label).properties(width="container", height=alt.Step(24))


def _spine() -> alt.LayerChart | alt.FacetChart:
    y = alt.Y("i:N", sort=None, title=None, axis=alt.Axis(labelLimit=300))
    scale = alt.Scale(domain=[0, 1], nice=False)
    axis = alt.Axis(
        values=[0, 0.5, 1],
        labelExpr="datum.value == 0 ? 'Worst' : datum.value == 1 ? 'Best' : 'England'",
        title="Worst ← England value → Best (lower ← → higher where there is no judgement)",
    )
    tips = [_tip("i", "Indicator"), _tip("tv", "Value"), _tip("te", "England"), _tip("tr", "England range"), _tip("vd", "Compared with England")]
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


def _pyramid() -> alt.LayerChart | alt.FacetChart:
    y = alt.Y("a:N", sort=["x"], title="Age band", axis=alt.Axis(labelOverlap=False))
    x_axis = alt.Axis(labelExpr="abs(datum.value) + '%'", title="% of total population")
    tips = [_tip("s", "Sex"), _tip("a", "Age band"), _tip("tp", "Area"), _tip("te", "England")]
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
            stroke=alt.Stroke("eg:N", title=None, scale=alt.Scale(domain=["England"], range=[ENGLAND])),
        )
        .transform_calculate(eg="'England'")
    )
    return alt.layer(bars, eng).properties(width="container", height=alt.Step(16))


def _map() -> alt.Chart:
    tips = [_tip("properties.n", "Area"), _tip("properties.t", "Value"), _tip("properties.vd", "Compared with England")]
    return (
        alt.Chart(DATA)
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=0.5)
        .encode(
            color=alt.Color("properties.vd:N", title=None, scale=alt.Scale(domain=["x"], range=["#000"])),
            tooltip=tips,
        )
        .properties(width="container", height=460, projection=alt.Projection(type="mercator"))
    )


def _map_values() -> alt.Chart:
    tips = [_tip("properties.n", "Area"), _tip("properties.t", "Value")]
    return (
        alt.Chart(DATA)
        .mark_geoshape(stroke="#FFFFFF", strokeWidth=0.5)
        .encode(
            color=alt.Color("properties.v:Q", title="unit", scale=alt.Scale(scheme="viridis", reverse=True)),
            tooltip=tips,
        )
        .properties(width="container", height=460, projection=alt.Projection(type="mercator"))
    )


DESIGNS = {"trend": _trend, "compare": _compare, "spine": _spine, "pyramid": _pyramid, "map": _map, "map_values": _map_values}


@functools.cache
def template_json(kind: str) -> str:
    """The design's spec as JSON text: Altair runs once per type and process."""
    spec = DESIGNS[kind]().to_dict()
    spec.pop("config", None)
    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False)


def new_spec(kind: str, values: list[dict[str, Any]], description: str) -> dict[str, Any]:
    """A fresh, independent copy of the design with the chart's data and description."""
    spec: dict[str, Any] = json.loads(template_json(kind))
    spec["data"] = {"values": values}
    spec["description"] = description
    return spec
