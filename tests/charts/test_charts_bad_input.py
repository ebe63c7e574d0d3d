"""Bad input: no empty charts, reasons instead; hostile text inert; safe CSV; determinism."""

from __future__ import annotations

import math

import chart_samples as s
import pytest

from generators.charts import (
    Chart,
    CompareBar,
    CompareInput,
    MapArea,
    MapInput,
    NoChart,
    PyramidBand,
    PyramidInput,
    SpineInput,
    TrendInput,
    TrendPoint,
    chart_compare,
    chart_files,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
    render_figure,
)
from generators.charts.chart import make_csv, safe_cell


def test_one_period_gets_no_trend_chart_but_a_reason():
    result = chart_trend(TrendInput("Smoking", "Durham", "%", (TrendPoint("2023", 14.2),)))
    assert result == NoChart("trend", "There is no trend chart: only one period (2023) has a value.")


def test_empty_series_never_make_empty_charts():
    nan = math.nan
    assert isinstance(chart_trend(TrendInput("x", "Durham", "%", ())), NoChart)
    assert isinstance(chart_trend(TrendInput("x", "Durham", "%", (TrendPoint("a", nan), TrendPoint("b", None)))), NoChart)
    assert isinstance(chart_compare(CompareInput("x", "2023", "%", (CompareBar("A", None),))), NoChart)
    assert isinstance(chart_spine(SpineInput("Durham", ())), NoChart)
    assert isinstance(chart_pyramid(PyramidInput("Durham", "2023", (PyramidBand("0-4", 0, None),))), NoChart)


def test_map_with_no_matching_area_says_why():
    if not s.FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    result = chart_map(MapInput("x", "2023", "%", (MapArea("E99999999", "Nowhere", 1.0),)), s.hex_boundaries())
    assert isinstance(result, NoChart)


def test_trend_with_gaps_still_draws():
    points = (TrendPoint("2019", 10.0), TrendPoint("2020", None), TrendPoint("2021", 12.0))
    chart = chart_trend(TrendInput("x", "Durham", "%", points))
    assert isinstance(chart, Chart) and "rose from 10.0% in 2019 to 12.0% in 2021" in chart.description


def hostile_charts() -> list[Chart]:
    h = s.HOSTILE
    charts = [
        chart_trend(s.trend(h)),
        chart_compare(s.compare(h)),
        chart_spine(s.spine(h)),
        chart_compare(CompareInput("x", "2023", "%", (CompareBar(h, 1.0, verdict=h, role="area"),))),
    ]
    return [c for c in charts if isinstance(c, Chart)]


def test_hostile_names_come_out_inert():
    for chart in hostile_charts():
        html = render_figure(chart, "stem")
        files = chart_files(chart, "stem")
        assert "<script" not in html.lower()
        assert b"<script" not in files["charts/stem.svg"].lower()
        assert "&lt;script&gt;" in html
        assert "\n\n" not in html


def test_hostile_stem_is_escaped():
    html = render_figure(chart_trend(s.trend()), '"><script>x</script>')
    assert "<script" not in html


@pytest.mark.parametrize(
    "cell, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-A1", "'-A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3.5", "-3.5"),
        ("+2", "+2"),
        ("1e-5", "1e-5"),
        ("Durham", "Durham"),
        (-3.5, "-3.5"),
        (None, ""),
        (math.nan, ""),
        (19.0, "19"),
    ],
)
def test_csv_cells_are_safe_from_formula_injection(cell, expected):
    assert safe_cell(cell) == expected


def test_csv_is_quoted():
    assert make_csv(("a", "b"), [("x,y", "=1+1")]) == 'a,b\r\n"x,y",\'=1+1\r\n'


def test_same_input_gives_identical_bytes(tmp_path):
    first = [
        render_figure(c, "x") + c.svg + c.csv
        for c in (chart_trend(s.trend()), chart_compare(s.compare()), chart_spine(s.spine()), chart_pyramid(s.pyramid(), tmp_path))
    ]
    second = [
        render_figure(c, "x") + c.svg + c.csv
        for c in (chart_trend(s.trend()), chart_compare(s.compare()), chart_spine(s.spine()), chart_pyramid(s.pyramid(), None))
    ]
    assert first == second
