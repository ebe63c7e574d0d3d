"""Choropleth map of an indicator across areas, from GeoJSON or HexJSON boundaries.

The interactive spec loads the boundaries from ``geo/{key}.json`` beside charts.js
(written once by ``write_assets``) and joins the chart's values by area code, so a
page carries only the values. The static SVG is rendered by vl-convert with the
geometry inline, cached by spec hash. Areas without a boundary are listed in
``missing_codes``; the map still builds and the table lists every area.
"""

from __future__ import annotations

import json
from pathlib import Path

from generators.charts.assets import geometry_file
from generators.charts.chart import PHONE, Chart, NoChart, clean_verdict, finite, make_csv, round4
from generators.charts.designs import new_spec
from generators.charts.inputs import MapArea, MapInput
from generators.charts.palette import VERDICTS, verdict_scale
from generators.charts.static import FIT, add_title_desc, render_static
from generators.load.boundaries import Boundaries
from generators.words import format_chart_value

COLUMNS = ("Area code", "Area", "Value", "Compared with {}", "On the map")  # {}: the benchmark
NO_DATA = ("No data", "#E4E4E4")


def chart_map(data: MapInput, boundaries: Boundaries, cache_dir: Path | None = None) -> Chart | NoChart:
    """A choropleth of ``data`` on ``boundaries``, or why there is none."""
    areas = sorted((_clean(a) for a in data.areas), key=lambda a: (a.name, a.code))
    drawn = {s.code for s in boundaries.shapes}
    missing = tuple(sorted(a.code for a in areas if a.code not in drawn))
    shown = [a for a in areas if a.code in drawn and a.value is not None]
    if not shown:
        return NoChart("map", f"There is no map: no area with a value for {data.period} is in the boundary file.")
    by_verdict = any(a.verdict not in ("", "Not compared") for a in shown)
    title, description = _describe(data, shown, by_verdict, len(missing))
    spec = _spec(data, shown, boundaries, by_verdict, description)
    svg = add_title_desc(render_static(spec, cache_dir, inline=lambda: _inline(boundaries)), title, description)
    phone = add_title_desc(render_static(_narrow(spec), cache_dir, inline=lambda: _inline(boundaries), width=PHONE), title, description)
    columns = tuple(c.format(data.benchmark_name) for c in COLUMNS)
    raw = [(a.code, a.name, a.value, a.verdict, "No" if a.code in missing else "Yes") for a in areas]
    rows = tuple((c, n, "" if v is None else f"{v:,.{data.decimals}f}", vd, m) for c, n, v, vd, m in raw)
    return Chart(
        kind="map", title=title, description=description, spec=spec, svg=svg, columns=columns, rows=rows, csv=make_csv(columns, raw), missing_codes=missing,
        phone_svg=phone,
    )


def _narrow(spec: dict) -> dict:
    """The spec for a phone's static map: key and all as wide as the phone, the verdicts' key in rows of three."""
    color = spec["encoding"]["color"]
    if color.get("type") == "nominal":
        color = {**color, "legend": {"columns": 3}}
    return {**spec, "autosize": FIT, "height": 380, "encoding": {**spec["encoding"], "color": color}}


def _clean(a: MapArea) -> MapArea:
    return MapArea(str(a.code), str(a.name), finite(a.value), clean_verdict(a.verdict) if a.verdict else "")


def _describe(data: MapInput, shown: list[MapArea], by_verdict: bool, missing: int) -> tuple[str, str]:
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    low = min(shown, key=lambda a: (a.value, a.name))
    high = max(shown, key=lambda a: (a.value, a.name))
    text = f"{data.indicator} in {data.period} ranged from {f(low.value)} in {low.name} to {f(high.value)} in {high.name}"
    text += f" across {len(shown)} areas on the map"
    if missing:
        text += f" ({missing} more not in the boundary file)"
    if not by_verdict:
        return f"{data.indicator} was highest in {high.name}, {data.period}", text + "."
    tally = ", ".join(f"{n} {v.lower()}" for v in VERDICTS if (n := sum(a.verdict == v for a in shown)))
    worse = sum(a.verdict == "Worse" for a in shown)
    title = (
        f"{data.indicator} was worse than {data.benchmark_name} in {worse} of {len(shown)} areas, {data.period}"
        if worse
        else f"{data.indicator} compared with {data.benchmark_name} across areas, {data.period}"
    )
    return title, f"{text}. Compared with {data.benchmark_name}: {tally}."


def _spec(data: MapInput, shown: list[MapArea], boundaries: Boundaries, by_verdict: bool, description: str) -> dict:
    values = [{"c": a.code, "v": round4(a.value), "vd": a.verdict or "Not compared", "t": format_chart_value(a.value, data.decimals, data.unit)} for a in shown]
    spec = new_spec("map" if by_verdict else "map_values", [], description, data.benchmark_name)
    spec["data"] = {"url": geometry_file(boundaries)[0], "format": {"type": "json", "property": "features"}}
    lookup = {"lookup": "properties.c", "from": {"data": {"values": values}, "key": "c", "fields": ["v", "vd", "t"]}}
    spec["transform"] = [lookup, {"calculate": "datum.properties.n", "as": "n"}]
    if by_verdict:
        lookup["default"] = NO_DATA[0]
        domain, colours, _ = verdict_scale([a.verdict or "Not compared" for a in shown])
        spec["encoding"]["color"]["scale"] = {"domain": [*domain, NO_DATA[0]], "range": [*colours, NO_DATA[1]]}
    else:
        spec["encoding"]["color"]["title"] = data.unit or data.indicator
    for tip in spec["encoding"]["tooltip"]:
        tip["field"] = tip["field"].removeprefix("properties.")
    spec["encoding"]["color"]["field"] = spec["encoding"]["color"]["field"].removeprefix("properties.")
    if boundaries.kind == "hexjson":
        spec["projection"] = {"type": "identity", "reflectY": True}
    return spec


def _inline(boundaries: Boundaries) -> dict:
    return {"values": json.loads(geometry_file(boundaries)[1]), "format": {"type": "json", "property": "features"}}
