"""Inequalities: breakdowns by category in the data's order, compared with the area's value for
everyone, the gap in words, the indices of inequality from the stats stage, and their chart."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from generators import charts
from generators.load.metadata import Indicator
from generators.model import Area, Point
from generators.model.inequalities import category_label, category_type_words, make_breakdowns
from generators.stats import category_order, compute_sii, inequality_indices
from generators.stats.inequalities import value_type_of

AREA = Area("E10000032", "West Sussex", "County", "west-sussex")
DECILES = "LSOA11 deprivation deciles within area (IMD2019)"
NAMES = ["Most deprived decile (IMD2019)", "Second most deprived decile (IMD2019)", "Third more deprived decile (IMD2019)",
         "Fourth more deprived decile (IMD2019)", "Fifth more deprived decile (IMD2019)", "Fifth less deprived decile (IMD2019)",
         "Fourth less deprived decile (IMD2019)", "Third less deprived decile (IMD2019)", "Second least deprived decile (IMD2019)",
         "Least deprived decile (IMD2019)"]


def point(value: float, half: float = 1.0, verdict: str = "", period: str = "2022") -> Point:
    return Point(period, value, value - half, value + half, value - 2 * half, value + 2 * half, math.nan, math.nan, "", "used", verdict, "")


def deciles(values: list[float], half: float = 1.0) -> dict[str, list[tuple[str, tuple[Point, ...]]]]:
    return {DECILES: [(name, (point(v, half),)) for name, v in zip(NAMES, values)]}


ORDER = {(DECILES, name): i for i, name in enumerate(NAMES)}


@pytest.mark.parametrize(("category_type", "words"), [
    ("LSOA11 deprivation deciles within area (IMD2019)", "Deprivation: tenths of neighbourhoods in the area"),
    ("County & UA deprivation deciles in England (IMD2019, 4/21 geography)", "Deprivation: tenths of counties and unitary authorities in England"),
    ("District & UA deprivation quintiles in England (IMD2015)", "Deprivation: fifths of districts and unitary authorities in England"),
    ("Ethnic groups", "Ethnic groups"),
])
def test_category_types_in_plain_english(category_type: str, words: str) -> None:
    assert category_type_words(category_type) == words


def test_a_category_label_drops_the_index_vintage() -> None:
    assert category_label("Most deprived decile (IMD2019)") == "Most deprived decile"
    assert category_label("White British") == "White British"


def test_a_deprivation_gap_names_the_ends_in_plain_english_and_is_significant_where_the_ends_are_apart() -> None:
    values = [24.0, 21, 19, 17, 15, 13, 11, 10, 9, 7.7]
    (made,) = make_breakdowns(AREA, "Adult smoking", "adult-smoking", "%", "2022", (point(14.0),), deciles(values), ORDER, {}, {})
    assert [c.label for c in made.categories] == [category_label(n) for n in NAMES]  # the data's order, not the alphabet's
    assert made.gap == "In West Sussex, adult smoking in the most deprived tenth of neighbourhoods (24.0%) is 3.1 times that in the least deprived (7.7%)."
    assert made.significant and made.ratio == pytest.approx(24 / 7.7)
    assert made.anchor == "adult-smoking-by-deprivation-tenths-of-neighbourhoods-in-the-area"
    assert made.overall.value == 14.0 and made.inequality is None and made.index_words == ""


def test_overlapping_ends_are_not_significant_and_a_small_gap_is_about_the_same() -> None:
    (made,) = make_breakdowns(AREA, "Adult smoking", "adult-smoking", "%", "2022", (), deciles([10.2] + [10.0] * 8 + [10.0], half=2.0), ORDER, {}, {})
    assert not made.significant
    assert made.gap.startswith("In West Sussex, adult smoking is about the same in the most deprived tenth")


def test_the_indices_of_inequality_decide_significance_and_are_said_in_words() -> None:
    found = {(DECILES, "2022"): (-16.4, -19.5, -13.4, 0.13, 0.05, 0.22)}
    (made,) = make_breakdowns(AREA, "Adult smoking", "adult-smoking", "%", "2022", (), deciles([10.2] + [10.0] * 9, half=2.0), ORDER, {}, found)
    assert made.significant  # the slope's interval excludes zero, though the two ends overlap
    assert made.index_words.startswith("Slope index of inequality: -16.4 percentage points (95% confidence interval -19.5 to -13.4); relative index of inequality: 0.13")
    assert "falls by 16.4 percentage points from the most deprived end" in made.index_words


def test_other_groups_name_the_highest_and_lowest() -> None:
    groups = {"Ethnic groups": [(n, (point(v),)) for n, v in [("White British", 26.0), ("Asian", 20.0), ("Black", 33.1), ("Chinese", 5.6)]]}
    (made,) = make_breakdowns(AREA, "Adult obesity", "adult-obesity", "%", "2022", (), groups, {}, {}, {})
    assert made.gap == "In West Sussex, by ethnic groups, adult obesity is highest for Black (33.1%) and lowest for Chinese (5.6%): 5.9 times as high."
    assert [c.name for c in made.categories] == ["Asian", "Black", "Chinese", "White British"]  # no order in the data: by name


def test_the_inequalities_chart_keeps_the_order_and_draws_the_whole_area_as_a_line() -> None:
    bars = tuple(charts.CompareBar(f"{i}", v, v - 1, v + 1, "Worse" if v > 15 else "Better") for i, v in enumerate([24.0, 19.0, 12.0, 7.7], 1))
    chart = charts.chart_inequality(charts.InequalityInput("Adult smoking", "West Sussex", "Deprivation: fifths of neighbourhoods in the area", "2022", "%", bars, 14.0, "The gap."))
    assert chart.title == "Adult smoking in West Sussex by deprivation: fifths of neighbourhoods in the area, 2022"
    assert chart.description == "The gap. West Sussex overall: 14.0%. Of 4 groups compared with West Sussex overall: 2 better, 2 worse."
    assert [row[0] for row in chart.rows] == ["1", "2", "3", "4"] and chart.columns[-1] == "Compared with West Sussex overall"
    assert chart.spec["layer"][-1]["mark"]["type"] == "rule" and chart.spec["layer"][-1]["data"]["values"][0]["r"] == 14.0
    assert 'stroke-dasharray="4 3"' in chart.svg and "West Sussex overall" in chart.svg


def test_no_inequalities_chart_with_fewer_than_two_values() -> None:
    bars = (charts.CompareBar("Asian", 20.0, 19.0, 21.0), charts.CompareBar("Black", None))
    assert isinstance(charts.chart_inequality(charts.InequalityInput("X", "Y", "Ethnic groups", "2022", "%", bars, None)), charts.NoChart)


@pytest.mark.parametrize(("value_type", "unit", "expected"), [("proportion", "%", (2, 100.0)), ("crude rate", "per 100,000", (1, 1.0)), ("life expectancy", "years", (0, 1.0))])
def test_the_value_type_phe_sii_is_given(value_type: str, unit: str, expected: tuple[int, float]) -> None:
    assert value_type_of(Indicator("1", "x", value_type=value_type, unit=unit)) == expected


def test_the_stats_stage_computes_the_newest_periods_indices_from_percentages_as_fractions() -> None:
    values = [24.0, 21, 19, 17, 15, 13, 11, 10, 9, 7.7]
    rows = []
    for period, shift in (("2021", 1.0), ("2022", 0.0)):
        for line, (name, v) in enumerate(zip(NAMES, values)):
            rows.append({"area_code": AREA.code, "indicator_id": "S1", "sex": "Persons", "age": "18+ yrs", "category_type": DECILES, "category": name, "period": period,
                         "period_sortable": int(period) * 10000, "value": v + shift, "lower_ci_95": v + shift - 1, "upper_ci_95": v + shift + 1, "denominator": 8000.0 + 100 * line,
                         "status": "used", "source_file": "a.csv", "source_line": line + 2})
    table = pd.DataFrame(rows)
    found = inequality_indices(table, {"S1": Indicator("S1", "Smoking", value_type="proportion", unit="%")}, category_order(table), repetitions=1000)
    assert list(found) == [(AREA.code, "S1", "Persons", "18+ yrs", DECILES, "2022")]  # the newest period only
    newest = table[table["period"] == "2022"]
    direct = compute_sii(range(1, 11), newest["denominator"], newest["value"] / 100, value_type=2, lower=newest["lower_ci_95"] / 100, upper=newest["upper_ci_95"] / 100, multiplier=100, repetitions=1000)
    assert found[next(iter(found))] == pytest.approx((direct.sii, direct.sii_lower, direct.sii_upper, direct.rii, direct.rii_lower, direct.rii_upper))
    assert found[next(iter(found))][0] < 0  # lower among the less deprived


def test_no_index_without_every_quantiles_population() -> None:
    table = pd.DataFrame([{"area_code": "A", "indicator_id": "S1", "sex": "", "age": "", "category_type": DECILES, "category": n, "period": "2022", "period_sortable": 1,
                           "value": 10.0, "lower_ci_95": 9.0, "upper_ci_95": 11.0, "denominator": math.nan if i == 3 else 100.0, "status": "used", "source_file": "a", "source_line": i}
                          for i, n in enumerate(NAMES)])
    assert inequality_indices(table, {"S1": Indicator("S1", "x", unit="%")}, category_order(table), repetitions=1000) == {}


def test_every_period_of_a_breakdown_is_kept_for_its_table() -> None:
    groups = {"Ethnic groups": [("Asian", (point(20.0, period="2021"), point(21.0))), ("Black", (point(30.0),))]}
    (made,) = make_breakdowns(AREA, "X", "x", "%", "2022", (), groups, {}, {"2021": 1, "2022": 2}, {})
    assert made.period == "2022" and made.periods == ("2021", "2022")
    assert [(label, [p.value if p else None for p in points]) for label, points in made.history] == [("Asian", [20.0, 21.0]), ("Black", [None, 30.0])]
