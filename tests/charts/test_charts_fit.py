"""Every chart's static SVG keeps its text inside its own box: no label or key cut at an edge,
with long names (real exports' indicators and areas) as well as short ones."""

from __future__ import annotations

from dataclasses import replace

import chart_samples as s
import pytest
from svg_fit import text_overflow

from generators.charts import (
    Chart,
    chart_compare,
    chart_funnel,
    chart_inequality,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
)


def samples(cache) -> dict[str, object]:
    made = {
        "trend": chart_trend(s.trend()),
        "trend-long-name": chart_trend(replace(s.trend(s.long_spine().rows[-1].indicator), unit="per 100,000")),
        "compare": chart_compare(s.compare()),
        "compare-long-names": chart_compare(replace(s.ranking(count=12), ranked=False)),
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
    "compare",
    "compare-long-names",
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
    cut = text_overflow(chart.svg)
    assert not cut, f"{name}: {len(cut)} labels reach past the SVG's edge, the worst by {cut[0][1]} px: {cut[:3]}"
