"""Each chart type: valid Vega-Lite, valid SVG with title and desc, and cheap to make."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import chart_samples as s
import pytest
import vl_convert as vlc

from generators.charts import (
    Chart,
    chart_compare,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
)
from generators.charts.palette import AREA, ENGLAND, FEMALE, MALE, VERDICTS, contrast_on_white

SVG = "{http://www.w3.org/2000/svg}"


def all_charts(tmp_path) -> dict[str, Chart]:
    charts = {
        "trend": chart_trend(s.trend()),
        "compare": chart_compare(s.compare()),
        "spine": chart_spine(s.spine()),
        "pyramid": chart_pyramid(s.pyramid(), tmp_path),
        "map-hex": chart_map(s.map_input(s.hex_boundaries()), s.hex_boundaries(), tmp_path),
        "map-geo": chart_map(s.map_input(s.geo_boundaries()), s.geo_boundaries(), tmp_path),
    }
    assert all(isinstance(c, Chart) for c in charts.values())
    return charts  # type: ignore[return-value]


@pytest.fixture(scope="module")
def charts(tmp_path_factory) -> dict[str, Chart]:
    if not s.FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    return all_charts(tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("name", ["trend", "compare", "spine", "pyramid", "map-hex", "map-geo"])
def test_spec_compiles_to_vega(charts, name):
    vega = vlc.vegalite_to_vega(charts[name].spec)
    assert vega["marks"]


@pytest.mark.parametrize("name", ["trend", "compare", "spine", "pyramid", "map-hex", "map-geo"])
def test_svg_is_well_formed_with_title_and_desc(charts, name):
    root = ET.fromstring(charts[name].svg)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == charts[name].title
    assert root.find(f"{SVG}desc").text == charts[name].description


def test_map_names_areas_missing_from_the_boundaries(charts):
    for name in ("map-hex", "map-geo"):
        chart = charts[name]
        assert chart.missing_codes == ("E99999999",)
        assert "Not on any map" in [row[1] for row in chart.rows]  # the table lists every area
        assert "1 more not in the boundary file" in chart.description


def test_descriptions_state_the_message(charts):
    assert charts["trend"].description == ("Smoking prevalence in County Durham fell from 19.0% in 2015 to 14.2% in 2023; England 12.8%.")
    assert charts["trend"].title == "Smoking prevalence in County Durham fell between 2015 and 2023"
    assert charts["compare"].title == "Smoking prevalence in County Durham is worse than England, 2023"


def test_verdicts_have_distinct_shapes_and_contrast():
    shapes = [shape for _, shape, _ in VERDICTS.values()]
    assert len(set(shapes)) == len(shapes)
    for colour in [c for c, _, _ in VERDICTS.values()] + [AREA, ENGLAND, MALE, FEMALE]:
        assert contrast_on_white(colour) >= 3.0, colour


def test_specs_are_independent_copies():
    a, b = chart_trend(s.trend()), chart_trend(s.trend())
    a.spec["layer"][0]["encoding"]["y"]["title"] = "changed"
    assert b.spec["layer"][0]["encoding"]["y"]["title"] == "%"
