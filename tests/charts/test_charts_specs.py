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
    page_specs,
    render_figure,
)
from generators.charts.palette import AREA, ENGLAND, FEMALE, MALE, VERDICTS, contrast_on_white

SVG = "{http://www.w3.org/2000/svg}"


def all_charts(tmp_path) -> dict[str, Chart]:
    charts = {
        "trend": chart_trend(s.trend()),
        "compare": chart_compare(s.compare()),
        "spine": chart_spine(s.spine()),
        "ranking": chart_compare(s.ranking()),
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


@pytest.mark.parametrize("name", ["trend", "compare", "pyramid", "map-hex", "map-geo"])
def test_spec_compiles_to_vega(charts, name):
    vega = vlc.vegalite_to_vega(charts[name].spec)
    assert vega["marks"]


@pytest.mark.parametrize("name", ["trend", "compare", "spine", "ranking", "pyramid", "map-hex", "map-geo"])
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


@pytest.mark.parametrize("name", ["spine", "ranking"])
def test_the_spine_and_a_long_ranking_have_no_live_chart(charts, name):
    """The spine chart is HTML, a long ranking's compact chart a static SVG drawn for a phone: charts.js leaves both alone."""
    chart = charts[name]
    assert chart.spec is None
    figure = render_figure(chart, name)
    assert 'data-jsna-state="static"' in figure and "data-vega-spec-src" not in figure
    assert page_specs({name: chart}) == {}
    assert page_specs({name: chart, "trend": charts["trend"]}).keys() == {"charts/specs.json"}


def test_a_long_ranking_is_drawn_compact_for_a_phone(charts):
    root = ET.fromstring(charts["ranking"].svg)
    assert root.get("width") == "320"
    labels = [t.strip() for t in root.itertext() if t.strip()]
    assert "18. Bath and North…" in labels and "⋯ 12 more (6–17)" in labels and "England" in labels
    assert "Not compared" in labels and labels.count("Not compared") == 1  # in the key only: the shapes say each verdict
    short = chart_compare(s.ranking(count=12))
    assert isinstance(short, Chart) and short.spec is not None and ET.fromstring(short.svg).get("width") == "640"


def test_the_spine_chart_is_html_rows_that_read_aloud(charts):
    """Each row's text, as a screen reader reads it; the bars are hidden from it (the text says it all)."""
    html = charts["spine"].html
    assert html.count('<li class="jsna-spine__row">') == 4
    assert (
        'Smoking prevalence (2023)<span class="jsna-vh">:</span></span><span class="jsna-spine__bar" aria-hidden="true">' in html
        and "<strong>14.2%</strong>, England 12.9%, worst 25.0%, best 4.0%. <span class=\"jsna-spine__verdict\">Significantly worse than England.</span>" in html
    )
    assert "<strong>21.0%</strong>, England 18.7%, lowest 8.0%, highest 33.0%." in html  # no judgement: lowest and highest
    assert "<strong>70.1%</strong>, England 67.1%, worst 55.0%, best 78.0%." in html  # high is good: the lowest is the worst
    assert 'style="left:44.6%"' in html  # the marker, fixed size, placed by a percentage
    assert all(line.strip() for line in html.splitlines())


def test_the_spine_title_and_description_count_the_same_indicators(charts):
    chart = charts["spine"]
    assert chart.title == "County Durham is worse than England on 1 of 4 indicators and better on 1"
    assert chart.description == (
        "4 indicators for County Durham, each on the range of all areas in England. "
        "Of the 3 that can be better or worse, compared with England: 1 better, 1 similar, 1 worse. "
        "The other one is not judged better or worse (1 higher)."
    )


@pytest.mark.parametrize("name", ["map-hex", "map-geo"])
def test_a_maps_verdicts_are_shapes_as_well_as_colours(charts, name):
    """WCAG 1.4.1: each area with a verdict carries its verdict's shape (▲ better, ● similar, ▼ worse...)
    at its centre, drawn in the static SVG, and one key names colour and shape together."""
    chart = charts[name]
    area, marker = chart.spec["layer"]
    compared = {row[1]: row[3] for row in chart.rows if row[4] == "Yes" and row[2]}
    assert sorted(m["n"] for m in marker["data"]["values"]) == sorted(compared)
    shapes = dict(zip(marker["encoding"]["shape"]["scale"]["domain"], marker["encoding"]["shape"]["scale"]["range"], strict=True))
    colours = dict(zip(marker["encoding"]["color"]["scale"]["domain"], marker["encoding"]["color"]["scale"]["range"], strict=True))
    for verdict in set(compared.values()):
        assert (colours[verdict], shapes[verdict]) == VERDICTS[verdict][:2]
    assert len({*shapes.values()}) == len(shapes), "two keys share a shape"
    assert area["encoding"]["color"]["scale"] == marker["encoding"]["color"]["scale"]  # one scale: one key
    root = ET.fromstring(chart.svg)
    drawn = [g for g in root.iter(f"{SVG}g") if "mark-symbol" in (g.get("class") or "") and "role-mark" in (g.get("class") or "")]
    assert drawn and len(list(drawn[0])) == len(compared), "the static map does not draw one marker per compared area"
    legend = [g for g in root.iter(f"{SVG}g") if (g.get("class") or "").split()[-1:] == ["role-legend"]]
    assert len(legend) == 1, "colour and shape have separate keys"


def test_a_map_keys_no_data_only_where_it_draws_an_area_without_a_value(tmp_path):
    if not s.FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    from generators.charts.inputs import MapArea, MapInput

    hexes = s.hex_boundaries()
    every = MapInput("Smoking prevalence", "2023", "%", tuple(MapArea(h.code, h.name, 12.0, "Similar") for h in hexes.shapes))
    some = s.map_input(hexes)
    keys = {name: chart_map(data, hexes, tmp_path).spec["layer"][1]["encoding"]["color"]["scale"]["domain"] for name, data in (("every", every), ("some", some))}
    assert keys == {"every": ["Similar"], "some": ["Better", "Similar", "Worse", "No data"]}
