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
NO_DATA_SYMBOL = "M0,-1L0.87,-0.5L0.87,0.5L0,1L-0.87,0.5L-0.87,-0.5Z"
"""The key's sign for an area with no data: a grey hexagon, an area with no marker on it."""
MARKER_SIZES = (20, 150, 6000)
"""A marker's area in px²: at least, at most, and shared out by the number of areas drawn (7 districts: 150; 300 areas: 20)."""


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
    if "layer" in spec:  # by verdict: the markers' layer holds the key
        area, marker = spec["layer"]
        key = {channel: {**marker["encoding"][channel], "legend": {"columns": 3}} for channel in ("color", "shape")}
        return {**spec, "autosize": FIT, "height": 380, "layer": [area, {**marker, "encoding": {**marker["encoding"], **key}}]}
    return {**spec, "autosize": FIT, "height": 380}


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
        blank = _blank(shown, boundaries)
        spec["encoding"]["color"]["scale"] = {"domain": [*domain, *blank[:1]], "range": [*colours, *blank[1:]]}
    else:
        spec["encoding"]["color"]["title"] = data.unit or data.indicator
    for tip in spec["encoding"]["tooltip"]:
        tip["field"] = tip["field"].removeprefix("properties.")
    spec["encoding"]["color"]["field"] = spec["encoding"]["color"]["field"].removeprefix("properties.")
    if boundaries.kind == "hexjson":
        spec["projection"] = {"type": "identity", "reflectY": True}
    return _with_markers(spec, shown, boundaries) if by_verdict else spec


def _with_markers(spec: dict, shown: list[MapArea], boundaries: Boundaries) -> dict:
    """The map with each area's verdict also as a shape at its centre (▲ better, ● similar, ▼ worse,
    ■ higher, ◆ lower, ✚ not compared), ringed in white, so colour is never the only sign (WCAG
    1.4.1). One key names colour and shape together; "No data" areas are grey with no marker."""
    centres = {s.code: _centre(json.loads(s.geometry)) for s in boundaries.shapes}
    marks = [{"x": round4(centres[a.code][0]), "y": round4(centres[a.code][1]), "vd": a.verdict or "Not compared", "n": a.name, "t": t["t"]}
             for a, t in zip(shown, spec["transform"][0]["from"]["data"]["values"], strict=True)]
    size = max(MARKER_SIZES[0], min(MARKER_SIZES[1], MARKER_SIZES[2] / len(boundaries.shapes)))  # smaller where the areas are many
    encoding = spec["encoding"]
    area = {key: value for key, value in spec.items() if key not in ("data", "projection", "padding", "width", "height", "autosize", "description", "$schema")}
    area["encoding"] = {**encoding, "color": {**encoding["color"], "title": None}}
    scale = encoding["color"]["scale"]  # the areas' verdicts and "No data" where drawn (_spec): one scale, one key
    key = {"field": "vd", "type": "nominal", "title": None, "scale": scale}
    shapes = [VERDICTS[v][1] if v in VERDICTS else NO_DATA_SYMBOL for v in scale["domain"]]
    marker = {
        "data": {"values": marks},
        "mark": {"type": "point", "filled": True, "size": size, "stroke": "#FFFFFF", "strokeWidth": 2 if size >= 80 else 1, "opacity": 1},
        "encoding": {
            "longitude": {"field": "x", "type": "quantitative"},
            "latitude": {"field": "y", "type": "quantitative"},
            "color": key,
            "shape": {**key, "scale": {"domain": scale["domain"], "range": shapes}},
            "tooltip": encoding["tooltip"],
        },
    }
    kept = {key: value for key, value in spec.items() if key in ("$schema", "data", "description", "width", "height", "padding", "projection", "autosize")}
    return {**kept, "layer": [area, marker]}


def _blank(shown: list[MapArea], boundaries: Boundaries) -> tuple[str, ...]:
    """The key's "No data" entry (its name and grey) where the map draws an area with no value; () where every area has one."""
    have = {a.code for a in shown}
    return NO_DATA if any(s.code not in have for s in boundaries.shapes) else ()


def _centre(geometry: dict) -> tuple[float, float]:
    """The centroid of an area's largest polygon (where its marker goes): the shoelace formula."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best, centre = -1.0, (0.0, 0.0)
    for polygon in polygons:
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) > best and area:
            best, centre = abs(area), (cx / (3 * area), cy / (3 * area))
    return centre


def _inline(boundaries: Boundaries) -> dict:
    return {"values": json.loads(geometry_file(boundaries)[1]), "format": {"type": "json", "property": "features"}}
