"""Funnel plots on indicator pages: which indicators get one, each area's place from the stats
stage's funnel method, and the chart's words, shapes and data."""

from __future__ import annotations

import math

from generators import charts
from generators.load.metadata import Indicator
from generators.model import Point
from generators.model.funnel import funnel_of
from generators.stats import assign_funnel_significance


def point(count: float, denominator: float, multiplier: float = 100.0) -> Point:
    value = count / denominator * multiplier
    return Point("2022", value, math.nan, math.nan, math.nan, math.nan, count, denominator, "", "used", "", "")


AREAS = [("A", 50.0, 1000.0), ("B", 120.0, 1000.0), ("C", 400.0, 5000.0), ("D", 30.0, 400.0), ("E", 900.0, 8000.0), ("F", 10.0, 300.0)]


def test_a_proportion_gets_a_funnel_with_each_areas_place_from_the_funnel_method() -> None:
    funnel = funnel_of(Indicator("P", "Smoking", unit="%", value_type="proportion"), [(n, point(c, d), n == "B") for n, c, d in AREAS])
    assert funnel is not None and funnel.statistic == "proportion" and funnel.left_out == 0
    expected = assign_funnel_significance([c for _, c, _ in AREAS], [d for _, _, d in AREAS], statistic="proportion")
    assert [p.significance for p in funnel.points] == list(expected)
    assert funnel.baseline == sum(c for _, c, _ in AREAS) / sum(d for _, _, d in AREAS) * 100
    assert [name for name, _, _ in funnel.lines] == ["95% lower", "95% upper", "99.8% lower", "99.8% upper"]
    assert [p.own for p in funnel.points] == [n == "B" for n, _, _ in AREAS]


def test_standardised_rates_and_too_few_areas_get_no_funnel() -> None:
    rows = [(n, point(c, d, 100_000), False) for n, c, d in AREAS]
    assert funnel_of(Indicator("D", "Deaths", unit="per 100,000", value_type="directly standardised rate"), rows) is None
    assert funnel_of(Indicator("L", "Life expectancy", unit="years", value_type="life expectancy"), rows) is None
    assert funnel_of(Indicator("C", "Admissions", unit="per 100,000", value_type="crude rate"), rows[:4]) is None
    crude = funnel_of(Indicator("C", "Admissions", unit="per 100,000", value_type="crude rate"), rows)
    assert crude is not None and crude.statistic == "crude rate"


def test_an_area_without_a_count_is_left_off_and_counted() -> None:
    rows = [(n, point(c, d), False) for n, c, d in AREAS] + [("G", Point("2022", 12.0, 11.0, 13.0, 10.0, 14.0, math.nan, math.nan, "", "used", "", ""), False)]
    funnel = funnel_of(Indicator("P", "Smoking", unit="%"), rows)
    assert funnel is not None and funnel.left_out == 1 and len(funnel.points) == 6


def test_the_funnel_chart_says_each_areas_place_and_names_the_highlighted_one() -> None:
    funnel = funnel_of(Indicator("P", "Smoking", unit="%", value_type="proportion"), [(n, point(c, d), n == "B") for n, c, d in AREAS])
    assert funnel is not None
    dots = tuple(charts.FunnelDot(p.name, p.denominator, p.value, p.significance, p.own) for p in funnel.points)
    chart = charts.chart_funnel(charts.FunnelInput("Smoking", "2022", "%", "Districts", dots, funnel.lines, funnel.baseline))
    assert chart.title == "Smoking: 6 districts against their size, 2022"
    assert "B: 12.0%, above the 95% limit." in chart.description  # High (0.025)
    assert [r[0] for r in chart.rows] == ["A", "B", "C", "D", "E", "F"] and chart.columns[-1] == "On the funnel"
    assert chart.spec["layer"][2]["encoding"]["shape"]["scale"]["domain"][0].startswith(("High", "Not", "Low"))
    assert "<polyline" in chart.svg and ">B</text>" in chart.svg
    assert isinstance(charts.chart_funnel(charts.FunnelInput("S", "2022", "%", "Districts", dots[:4], funnel.lines, funnel.baseline)), charts.NoChart)
