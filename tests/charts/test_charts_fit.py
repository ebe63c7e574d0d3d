"""Every chart's static SVG keeps its text inside its own box: no label or key cut at an edge,
with long names (real exports' indicators and areas) as well as short ones."""

from __future__ import annotations

from dataclasses import replace

import chart_samples as s
import pytest
from svg_fit import text_overflow

from generators.charts import (
    Chart,
    CompareBar,
    chart_compare,
    chart_funnel,
    chart_inequality,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
)
from generators.charts.html import svg_size


def samples(cache) -> dict[str, object]:
    made = {
        "trend": chart_trend(s.trend()),
        "trend-long-name": chart_trend(replace(s.trend(s.long_spine().rows[-1].indicator), unit="per 100,000")),
        "trend-long-periods": chart_trend(replace(s.trend(), area="NHS West Yorkshire Integrated Care Board - QWO", points=s.long_periods())),
        "compare": chart_compare(s.compare()),
        "compare-long-names": chart_compare(replace(s.ranking(count=12), ranked=False)),
        "compare-benchmark-highest": chart_compare(
            replace(
                s.compare(),
                bars=(CompareBar("County Durham", 10.0, 9.0, 11.0, "Better", "area"), CompareBar("South East region", 19.5, 19.0, 20.0, "", "benchmark")),
                benchmark_name="South East region",
            )
        ),
        "ranking": chart_compare(replace(s.ranking(count=12))),
        "ranking-long": chart_compare(s.ranking()),
        "ranking-long-percent": chart_compare(s.ranking(count=150, unit="%")),
        "inequality": chart_inequality(s.inequality()),
        "funnel": chart_funnel(s.funnel()),
        "spine": chart_spine(s.spine()),
        "spine-long-names": chart_spine(s.long_spine()),
        "pyramid": chart_pyramid(s.pyramid(), cache),
    }
    if s.FIXTURES.is_dir():
        made["map"] = chart_map(s.map_input(s.hex_boundaries()), s.hex_boundaries(), cache)
    return made


@pytest.fixture(scope="module")
def charts(tmp_path_factory) -> dict[str, object]:
    return samples(tmp_path_factory.mktemp("cache"))


NAMES = [
    "trend",
    "trend-long-name",
    "trend-long-periods",
    "compare",
    "compare-long-names",
    "compare-benchmark-highest",
    "ranking",
    "ranking-long",
    "ranking-long-percent",
    "inequality",
    "funnel",
    "spine",
    "spine-long-names",
    "pyramid",
    "map",
]


@pytest.mark.parametrize("name", NAMES)
def test_static_svg_text_fits_inside_its_box(charts, name):
    if name not in charts:
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    chart = charts[name]
    assert isinstance(chart, Chart), chart
    for which, drawn in (("static", chart.svg), ("phone", chart.phone_svg)):
        cut = text_overflow(drawn) if drawn else []
        assert not cut, f"{name} ({which}): {len(cut)} labels reach past the SVG's edge, the worst by {cut[0][1]} px: {cut[:3]}"


@pytest.mark.parametrize("name", NAMES)
def test_a_phone_gets_a_chart_drawn_for_its_width(charts, name):
    """Every static chart is drawn 320 px wide for a phone too (a long ranking's only chart is), or is HTML (the spine)."""
    if name not in charts:
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    chart = charts[name]
    assert isinstance(chart, Chart)
    if chart.html:
        assert not chart.phone_svg
        return
    phone = chart.phone_svg or (chart.svg if chart.spec is None else "")
    assert phone, f"{name} has no chart for a phone"
    assert svg_size(phone)[0] == "320", f"{name}'s phone chart is {svg_size(phone)}"  # type: ignore[index]
