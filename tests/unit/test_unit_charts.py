"""Charts stage, per page (`charts.figures`): every chart input carries the benchmark's name,
and the benchmark's bar is labelled with it."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from generators import charts
from generators.charts import figures
from generators.load.population import Population
from generators.model import Area
from generators.stats import compute_ranges

REGION = Area("E12000008", "South East region", "Regions (statistical)", "south-east-region")


@pytest.fixture()
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every chart input the figures hand to a chart function (the charts themselves are not drawn)."""
    inputs: list[Any] = []

    def capture(chart_input: Any, *_: Any) -> charts.NoChart:
        inputs.append(chart_input)
        return charts.NoChart("captured", "not drawn in this test")

    for name in ("chart_trend", "chart_compare", "chart_spine", "chart_pyramid", "chart_map"):
        monkeypatch.setattr(charts, name, capture)
    return inputs


def kinds(inputs: list[Any]) -> list[str]:
    return [type(i).__name__ for i in inputs]


def test_every_chart_of_a_chapter_and_a_theme_page_names_the_benchmark(small, drawn: list[Any]) -> None:
    chapter = small.site.areas[4].chapters[0]
    for shown in chapter.section_pages:
        figures.section_figures(shown, REGION)
    assert kinds(drawn) == ["TrendInput", "CompareInput", "TrendInput", "CompareInput"]
    assert {i.benchmark_name for i in drawn} == {"South East region"}
    benchmark_bars = [b for i in drawn if isinstance(i, charts.CompareInput) for b in i.bars if b.role == "benchmark"]
    assert [b.label for b in benchmark_bars] == ["South East region", "South East region"]


def test_every_chart_of_an_indicator_page_names_the_benchmark(small, drawn: list[Any]) -> None:
    codes = {a.code for a in small.site.all_areas.values()}
    boundaries = charts.Boundaries("hexjson", tuple(charts.Shape(c, c, "{}") for c in sorted(codes)), "key")
    for page in small.site.indicators:
        figures.indicator_page_figures(page, REGION, boundaries, None)
    assert kinds(drawn) == ["CompareInput", "MapInput"] * 4  # two indicators, each with districts and a county
    assert {i.benchmark_name for i in drawn} == {"South East region"}
    ranked = [i for i in drawn if isinstance(i, charts.CompareInput)]
    assert all(i.ranked and i.bars[-1].label == "South East region" and i.bars[-1].role == "benchmark" for i in ranked)
    assert [len(i.bars) for i in ranked] == [5 + 1, 1 + 1] * 2  # every area of the type, then the benchmark


def test_an_indicator_page_draws_no_map_where_the_boundaries_hold_none_of_its_areas(small, drawn: list[Any]) -> None:
    boundaries = charts.Boundaries("hexjson", (charts.Shape("W06000001", "Anglesey", "{}"),), "key")
    for page in small.site.indicators:
        figures.indicator_page_figures(page, REGION, boundaries, None)
    assert kinds(drawn) == ["CompareInput"] * 4


def test_the_overviews_spine_and_pyramid_name_the_benchmark(small) -> None:
    page = small.site.areas[4]
    ranges = compute_ranges(small.tidied.table, small.config.benchmark)
    spine = figures.spine_input(page, ranges, REGION.name)
    assert spine.benchmark_name == "South East region" and len(spine.rows) == 2
    assert all(row.minimum is not None for row in spine.rows)  # five districts: a range
    population = Population(pd.DataFrame({
        "area_code": ["E07000226", "E07000226", "E12000008", "E12000008"], "period": ["2023"] * 4,
        "sex": ["Male", "Female"] * 2, "age_band": ["0-4"] * 4, "population": [10.0, 11.0, 100.0, 105.0],
    }))
    pyramid = figures.pyramid_input(population, page.area, REGION)
    assert pyramid.benchmark_name == "South East region"
    assert pyramid.bands == (charts.PyramidBand("0-4", 10.0, 11.0, 100.0, 105.0),)
    assert figures.pyramid_input(None, page.area, REGION) is None


def test_the_site_benchmark_name_reaches_the_jobs(small) -> None:
    overview = small.area_jobs[0].model
    assert overview.spine.benchmark_name == small.site.benchmark.name == small.shared.benchmark.name == "England"


def long_ranking(own: int | None = 17) -> charts.CompareInput:
    areas = [
        charts.CompareBar(f"Area {i:02d}", 100.0 - i, 99.0 - i, 101.0 - i, "Worse" if i < 10 else "Similar", "area" if i == own else "comparator", i)
        for i in range(1, 31)
    ]
    bars = (*areas, charts.CompareBar("England", 84.5, 84.0, 85.0, "Not compared", "benchmark"))
    return charts.CompareInput("Smoking", "2022", "%", bars, ranked=True, areas_name="Districts")


def chart_rows(chart: charts.Chart) -> list[str]:
    return [v["l"] for v in chart.spec["data"]["values"]]


def test_a_long_ranking_shows_the_ends_the_highlighted_area_and_england_and_names_the_gaps() -> None:
    chart = charts.chart_compare(long_ranking())
    assert chart.spec is None  # a long ranking is its static chart and the table: no live chart
    rows = [
        "1. Area 01", "2. Area 02", "3. Area 03", "4. Area 04", "5. Area 05", "⋯ 10 more (6–15)", "England",
        "⋯ 1 more", "17. Area 17", "⋯ 8 more (18–25)", "26. Area 26", "27. Area 27", "28. Area 28", "29. Area 29", "30. Area 30",
    ]
    labels = re.findall(r">([^<]+)</text>", chart.svg)
    shown = [next((label for label in labels if label == row or (label.endswith("…") and row.startswith(label[:-1]))), None) for row in rows]
    assert None not in shown, dict(zip(rows, shown))  # every row (a label too long for a phone cut with "…")
    assert [labels.index(label) for label in shown] == sorted(labels.index(label) for label in shown)  # in this order
    assert len(chart.rows) == 31  # the chart's data and download keep every area
    assert chart.svg.count("⋯") == 3 and "17. Area 17" in chart.svg
    assert chart.title == "Smoking: Area 17 is 17th of 30 districts, 2022"
    assert "Area 17: 17th, 83.0%" in chart.description and "England: 84.5%." in chart.description
    assert "the table lists every area" in chart.description


def test_a_short_ranking_shows_every_area() -> None:
    data = long_ranking(own=None)
    short = charts.CompareInput(data.indicator, data.period, data.unit, data.bars[:12] + data.bars[-1:], ranked=True, areas_name="Districts")
    chart = charts.chart_compare(short)
    assert len(chart_rows(chart)) == 13 and not any("⋯" in r for r in chart_rows(chart))
    assert chart.title == "Smoking: 12 districts ranked, 2022"
