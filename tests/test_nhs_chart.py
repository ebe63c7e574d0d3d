"""The distribution chart of GP practices and PCNs: a static SVG that fits a 320 px phone, a valid
Vega-Lite spec, words that describe the spread (never a rank), and no chart where nothing has a value."""

from __future__ import annotations

import pytest
import vl_convert as vlc
from charts.svg_fit import text_overflow

from generators.charts import NoChart
from generators.charts.chart import Chart
from generators.charts.distribution import DistributionInput, Dot, Group, chart_distribution
from generators.charts.palette import THEME
from generators.charts.svg import text_width

LONG = "The Very Long Named Medical Practice and Community Health Centre of St Mary and St John"


def practices(count: int = 10, name: str = "Practice") -> DistributionInput:
    dots = tuple(Dot(f"{name} {i}", 5.0 + 0.31 * i, 4.5 + 0.31 * i, 5.5 + 0.31 * i, "Lower" if i < 7 else "Similar") for i in range(count))
    pcns = (Dot("Haywards Heath Villages PCN", 6.6, 6.3, 6.9, "Lower"), Dot("Burgess Hill & Villages PCN", 5.8, 5.6, 6.0, "Lower"))
    return DistributionInput(
        "Diabetes prevalence", "Mid Sussex", "2022/23", "%",
        (Group("GP practices", "GP practice", dots, "GP practices"), Group("Primary care networks", "primary care network", pcns, "PCNs")), 6.0, 7.7,
    )


def test_the_chart_names_the_area_and_describes_the_spread_not_a_rank() -> None:
    chart = chart_distribution(practices())
    assert isinstance(chart, Chart)
    assert chart.title == "Diabetes prevalence: GP practices and primary care networks in Mid Sussex, 2022/23"
    assert chart.description.startswith("10 GP practices in Mid Sussex, 2022/23: from 5.0% (Practice 0) to 7.8% (Practice 9), the middle half 5.7% to 7.1%; compared with England: 3 similar, 7 lower.")
    assert "Mid Sussex: 6.0%. England: 7.7%. Not a ranking" in chart.description
    assert "rank" not in chart.title.lower() and all("rank" not in c.lower() for c in chart.columns)
    assert chart.columns == ("Area", "Group", "Value", "Lower 95% limit", "Upper 95% limit", "Compared with England")
    assert chart.rows[-1] == ("Burgess Hill & Villages PCN", "Primary care networks", "5.8", "5.6", "6.0", "Lower")


@pytest.mark.parametrize("count, name", [(1, "Practice"), (10, "Practice"), (300, "Practice"), (12, LONG)])
def test_the_static_chart_is_phone_wide_and_keeps_its_text_inside(count: int, name: str) -> None:
    chart = chart_distribution(practices(count, name))
    assert isinstance(chart, Chart)
    assert 'width="320"' in chart.svg.split(">", 1)[0]
    assert text_overflow(chart.svg) == []
    assert LONG not in chart.svg.split("</desc>", 1)[1]  # practice names are in the table and tooltips, never on the picture


def test_the_live_spec_renders_with_the_sites_theme() -> None:
    chart = chart_distribution(practices())
    assert isinstance(chart, Chart) and chart.spec is not None
    assert chart.spec["width"] == "container" and [layer["mark"]["type"] for layer in chart.spec["layer"]] == ["rule", "point"]
    drawn = vlc.vegalite_to_svg({**chart.spec, "width": 320}, config=THEME)
    assert "GP practices" in drawn and "PCNs" in drawn and "Mid Sussex" in drawn


def test_every_practice_of_the_data_on_an_indicator_page_is_not_said_to_be_in_england() -> None:
    shown = practices()
    chart = chart_distribution(DistributionInput(shown.indicator, "", shown.period, shown.unit, shown.groups, None, 7.7))
    assert isinstance(chart, Chart)
    assert chart.title == "Diabetes prevalence: GP practices and primary care networks, 2022/23"
    assert "in England" not in chart.description and "England: 7.7%." in chart.description


def test_no_value_means_no_chart_and_says_why() -> None:
    empty = DistributionInput("Diabetes prevalence", "Mid Sussex", "2022/23", "%", (Group("GP practices", "GP practice", (Dot("A", None),)),), None, None)
    chart = chart_distribution(empty)
    assert isinstance(chart, NoChart) and "no practice or PCN has a value for 2022/23" in chart.reason


def test_dots_that_would_touch_are_set_side_by_side() -> None:
    same = DistributionInput("D", "X", "2022/23", "%", (Group("GP practices", "GP practice", tuple(Dot(f"P{i}", 6.0) for i in range(5))),), None, None)
    chart = chart_distribution(same)
    assert isinstance(chart, Chart) and chart.spec is not None
    assert sorted(v["j"] for v in chart.spec["data"]["values"]) == [-2, -1, 0, 1, 2]
    assert text_width("x") > 0
