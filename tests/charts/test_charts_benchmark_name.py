"""Every chart names its benchmark by ``benchmark_name``: a regional benchmark reads
"South East region" wherever England's charts read "England", and "England" appears nowhere."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from html import escape

import chart_samples as s
import pytest
import vl_convert as vlc

from generators.charts import (
    Chart,
    CompareBar,
    chart_compare,
    chart_files,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
    render_figure,
)
from generators.charts.designs import expr_string
from generators.charts.html import spec_json

NAME = "South East region"


def regional(kind: str, name: str = NAME, cache=None) -> Chart:
    if kind == "compare":
        bars = tuple(CompareBar(name, b.value, b.lower, b.upper, b.verdict, b.role) if b.role == "benchmark" else b for b in s.compare().bars)
        chart = chart_compare(replace(s.compare(), bars=bars, benchmark_name=name))
    elif kind == "map":
        if not s.FIXTURES.is_dir():
            pytest.skip("../shared/fixtures/boundaries is not beside the repository")
        chart = chart_map(replace(s.map_input(s.hex_boundaries()), benchmark_name=name), s.hex_boundaries(), cache)
    else:
        make = {"trend": (chart_trend, s.trend), "spine": (chart_spine, s.spine), "pyramid": (chart_pyramid, s.pyramid)}[kind]
        chart = make[0](replace(make[1](), benchmark_name=name))
    assert isinstance(chart, Chart)
    return chart


def texts(svg: str) -> list[str]:
    return [t.strip() for t in ET.fromstring(svg).itertext() if t.strip()]


@pytest.mark.parametrize("kind", ["trend", "compare", "spine", "pyramid", "map"])
def test_england_appears_nowhere(kind, tmp_path):
    chart = regional(kind, cache=tmp_path)
    outputs = {
        "spec": spec_json(chart),
        "figure": render_figure(chart, kind),
        **{path: data.decode("utf-8-sig") for path, data in chart_files(chart, kind).items()},
    }
    if chart.spec is None:  # drawn in HTML, with no live version
        assert outputs.pop("spec") == "null"
    for where, text in outputs.items():
        assert "England" not in text, f"{kind} {where}"
        assert NAME in text, f"{kind} {where}"


def test_trend_names_the_benchmark():
    chart = regional("trend")
    assert chart.description.endswith(f"; {NAME} 12.8%.")
    assert chart.columns[-1] == NAME and chart.csv.splitlines()[0].endswith(f",{NAME}")
    lines = chart.spec["layer"][1]["encoding"]
    assert lines["color"]["legend"]["labelExpr"] == f"datum.label == 'v' ? 'This area' : '{NAME}'"
    assert lines["tooltip"][-1]["title"] == NAME
    assert NAME in texts(chart.svg)  # the static SVG's legend
    assert NAME in texts(vlc.vegalite_to_svg({**chart.spec, "width": 640}))  # the interactive chart's legend


def test_compare_names_the_benchmark():
    chart = regional("compare")
    assert chart.title == f"Smoking prevalence in County Durham is worse than {NAME}, 2023"
    assert f"worse than {NAME} (12.9%). Of 6 areas compared with {NAME}:" in chart.description
    assert chart.columns[-1] == f"Compared with {NAME}"
    assert chart.spec["layer"][1]["encoding"]["tooltip"][-1]["title"] == f"Compared with {NAME}"
    assert chart.spec["layer"][3]["encoding"]["color"]["scale"]["domain"][-1] == NAME
    assert NAME in texts(chart.svg)


def test_spine_names_the_benchmark():
    chart = regional("spine")
    assert chart.title.startswith(f"County Durham is worse than {NAME} on 1 of 4 indicators")
    assert f"each on the range of all areas in {NAME}." in chart.description
    assert chart.columns[3] == NAME and chart.columns[-1] == f"Compared with {NAME}"
    figure = render_figure(chart, "spine")
    assert f"<span>Worst or lowest</span><span>{NAME}</span><span>Best or highest</span>" in figure  # the scale above the bars
    assert f"<strong>14.2%</strong>, {NAME} 12.9%, worst 25.0%, best 4.0%." in figure
    assert f"Significantly worse than {NAME}." in figure
    assert {NAME, "Worst or lowest", f"Significantly worse than {NAME}."} <= set(texts(chart.svg))
    none = chart_spine(replace(s.spine(), rows=(replace(s.spine().rows[0], benchmark=None),), benchmark_name=NAME))
    assert none.reason.endswith(f"and a {NAME} range.")  # type: ignore[union-attr]


def test_pyramid_names_the_benchmark(tmp_path):
    chart = regional("pyramid", cache=tmp_path)
    assert chart.title.endswith(f"population than {NAME}, 2023")
    assert f"({NAME} " in chart.description
    assert chart.columns[3:] == (f"{NAME} males %", f"{NAME} females %")
    outline = chart.spec["layer"][1]
    assert outline["encoding"]["stroke"]["scale"]["domain"] == [NAME]
    assert outline["encoding"]["tooltip"][-1]["title"] == NAME
    assert NAME in texts(chart.svg)  # the legend of the outline


def test_map_names_the_benchmark(tmp_path):
    chart = regional("map", cache=tmp_path)
    assert f"than {NAME} in" in chart.title
    assert f"Compared with {NAME}:" in chart.description
    assert chart.columns[3] == f"Compared with {NAME}"
    for layer in chart.spec["layer"]:  # the areas and their verdicts' markers
        assert layer["encoding"]["tooltip"][-1]["title"] == f"Compared with {NAME}"


HOSTILE_NAMES = ["Area' + 'X", "Ends with\\", 'Back\\slash "quoted"', "Line\nbreak\u2028sep", "');alert(1);('"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_expr_string_is_always_a_value(name):
    spec = {"data": {"values": [{}]}, "mark": "text", "encoding": {"text": {"field": "t"}}, "transform": [{"calculate": expr_string(name), "as": "t"}]}
    svg = vlc.vegalite_to_svg(spec)  # the expression parses, and yields the name itself
    assert "".join(name.split()) in "".join("".join(texts(svg)).split())
    assert expr_string("England") == "'England'"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_benchmark_names_stay_text(name, tmp_path):
    for kind in ("trend", "spine", "pyramid"):
        chart = regional(kind, name, tmp_path)
        svg = vlc.vegalite_to_svg({**chart.spec, "width": 640}) if kind == "trend" else chart.svg
        assert "".join(name.split()) in "".join("".join(texts(svg)).split()), kind
    figure = render_figure(regional("spine", name), "spine")  # the spine chart's HTML: the name as text, escaped
    assert escape(" ".join(name.split())) in figure and "<script" not in figure
