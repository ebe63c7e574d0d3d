"""Fingertips' recent trend (generators/stats/trend.py) against FingertipsNext's own cases, and its rules.

trend_cases.csv (../shared/fixtures/fingertips-next) holds the nine cases of FingertipsNext's
trend-analysis unit tests, one row per point, oldest first, with the trend Fingertips expects.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from generators.stats import compute_trend, compute_trend_statistic, compute_trends
from generators.stats.trend import THRESHOLD, is_covered, value_type_for_trend

CASES = [
    "DiabetesPrevalence",
    "GpRegisteredPopulationOver65",
    "YorkshireMmrCoverage",
    "DiabeticEyeDisease",
    "NonSupportedValueType",
    "CancerMortality",
    "InsufficientDataPoints",
    "ProcessorConstantSeries",
    "ProcessorNullCounts",
]
POLARITY = {"High is good": "high_is_good", "Low is good": "low_is_good", "No judgement": "no_judgement"}
RISING = [10.0, 12.0, 14.0, 16.0, 18.0]
"""A clearly rising series; with limits +-1.96 (se 1) its statistic is 10 x 2^2 = 40."""


@pytest.fixture(scope="module")
def cases(shared) -> pd.DataFrame:
    return pd.read_csv(shared / "fixtures" / "fingertips-next" / "trend_cases.csv")


def trend(values, lower=None, upper=None, count=None, denominator=None, polarity="no_judgement", value_type="proportion"):
    """compute_trend on one series; limits +-1.96 around each value and plausible counts unless given."""
    values = np.asarray(values, dtype=float)
    lower = values - 1.96 if lower is None else lower
    upper = values + 1.96 if upper is None else upper
    count = np.full(len(values), 100.0) if count is None else count
    denominator = np.full(len(values), 1000.0) if denominator is None else denominator
    return compute_trend([values], [lower], [upper], [count], [denominator], polarity, value_type)[0]


def test_the_file_holds_the_nine_cases(cases):
    assert cases["case"].drop_duplicates().tolist() == CASES


@pytest.mark.parametrize("case", CASES)
def test_fingertips_next_case(cases, case):
    rows = cases[cases["case"] == case].sort_values("point")
    found = compute_trend(
        [rows["value"]], [rows["lower_ci_95"]], [rows["upper_ci_95"]], [rows["count"]], [rows["denominator"]],
        POLARITY[rows["polarity"].iloc[0]], rows["value_type"].iloc[0],
    )
    assert found.tolist() == [rows["expected_trend"].iloc[0]]


def test_fingertips_next_cases_through_the_table(cases):
    """All nine at once as an indicator table, one indicator per case, in shuffled row order."""
    table = cases.rename(columns={"case": "indicator_id"}).assign(
        area_code="E92000001", sex="Persons", age="All ages", category_type="", category="", period_sortable=cases["year"] * 10_000
    ).sample(frac=1, random_state=3)
    polarity = {c: POLARITY[p] for c, p in zip(cases["case"], cases["polarity"])}
    value_type = dict(zip(cases["case"], cases["value_type"]))
    found = compute_trends(table, polarity, value_type)
    latest = table.groupby("indicator_id")["point"].transform("max") == table["point"]
    assert (found[~latest] == "").all()
    assert found[latest].to_dict() == table.loc[latest, "expected_trend"].to_dict()


@pytest.mark.parametrize("value_type", ["proportion", "Proportion", "Crude rate", "directly standardised rate", " Directly  standardised rate "])
def test_proportions_and_rates_are_covered(value_type):
    assert trend(RISING, value_type=value_type) == "Increasing"


@pytest.mark.parametrize(
    "value_type",
    ["Life expectancy", "Indirectly standardised proportion", "Indirectly standardised ratio", "Indirectly standardised rate", "Count", "Mean", ""],
)
def test_other_value_types_cannot_be_calculated(value_type):
    assert trend(RISING, value_type=value_type) == "Cannot be calculated"


def test_value_types_per_series():
    found = compute_trend([RISING] * 2, [np.subtract(RISING, 1.96)] * 2, [np.add(RISING, 1.96)] * 2, [[1] * 5] * 2, [[9] * 5] * 2, "no_judgement", ["Crude rate", "Life expectancy"])
    assert found.tolist() == ["Increasing", "Cannot be calculated"]


@pytest.mark.parametrize(
    ("value_type", "unit", "expected"),
    [
        ("Directly standardised rate", "per 100,000", "Directly standardised rate"),
        ("Life expectancy", "%", "Life expectancy"),  # the metadata's value type wins over the unit
        ("", "%", "proportion"),
        ("", "per 1,000", "crude rate"),
        ("", "years", ""),
        ("", "ratio", ""),
        ("", "", ""),
    ],
)
def test_value_type_from_metadata(value_type, unit, expected):
    assert value_type_for_trend(value_type, unit) == expected


def test_is_covered_reads_fingertips_words():
    assert is_covered(["Proportion", "crude rate", "Directly standardised rate", "Life expectancy", "", None]).tolist() == [True, True, True, False, False, False]


def test_a_series_without_limits_shows_no_significant_change():
    none = [np.nan] * 5
    assert trend(RISING, none, none) == "No significant change"
    assert trend(RISING) == "Increasing"  # the same values with limits


def test_points_without_limits_are_left_out_and_the_rest_renumbered():
    # points 1 and 2 have no limits: the regression runs over points 3-5 only
    values = [100.0, 100.0, 10.0, 14.0, 18.0]
    lower = [np.nan, np.nan, 8.04, 12.04, 16.04]
    upper = [np.nan, 90.0, 11.96, 15.96, 19.96]
    assert trend(values, lower, upper) == "Increasing"
    # point 3 has no limits: the others are scored 1, 2, 3, 4, so a slope of exactly 1 per point
    found = compute_trend_statistic([[1.0, 2.0, 50.0, 3.0, 4.0]], [[0.0, 1.0, np.nan, 2.0, 3.0]], [[2.0, 3.0, np.nan, 4.0, 5.0]])
    assert found.slope[0] == pytest.approx(1.0)


def test_fewer_than_five_points_cannot_be_calculated():
    assert trend(RISING[1:]) == "Cannot be calculated"
    padded = [np.nan, *RISING[1:]]
    assert trend(padded, count=[np.nan, 1, 1, 1, 1], denominator=[np.nan, 9, 9, 9, 9]) == "Cannot be calculated"


def test_only_the_five_most_recent_points_are_used():
    values = [90.0, 80.0, 10.0, 20.0, 30.0, 40.0, 50.0]  # falling over all seven, rising over the last five
    assert trend(values, polarity="high_is_good") == "Increasing and getting better"


@pytest.mark.parametrize(
    ("what", "count", "denominator", "values"),
    [
        ("a missing count", [1, 2, np.nan, 4, 5], [9] * 5, RISING),
        ("a missing denominator", [1] * 5, [9, 9, 9, 9, np.nan], RISING),
        ("a zero denominator", [1] * 5, [9, 0, 9, 9, 9], RISING),
        ("a count equal to its denominator", [1, 2, 9, 4, 5], [9] * 5, RISING),
        ("a missing value", [1] * 5, [9] * 5, [10.0, 12.0, 14.0, 16.0, np.nan]),
    ],
)
def test_an_incomplete_point_means_cannot_be_calculated(what, count, denominator, values):
    assert trend(values, np.subtract(RISING, 1.96), np.add(RISING, 1.96), count, denominator) == "Cannot be calculated", what
    assert trend(RISING, count=[1] * 5, denominator=[9] * 5) == "Increasing"


def test_the_statistic_is_the_weighted_slope_over_its_standard_error_squared():
    values = np.array([7.08, 7.11, 7.26, 7.45, 7.66])
    half = np.array([0.01, 0.02, 0.01, 0.03, 0.015])
    found = compute_trend_statistic([values], [values - half], [values + half])
    se = half / 1.96
    (slope, _), cov = np.polyfit(np.arange(1, 6), values, 1, w=1 / se, cov="unscaled")
    assert found.slope[0] == pytest.approx(slope)
    assert found.statistic[0] == pytest.approx(slope**2 / cov[0, 0])
    assert found.steady[0]


def test_the_threshold_is_chi_square_at_99_8_percent():
    assert pytest.approx(9.5495, abs=1e-4) == THRESHOLD
    # equal limits (se 1) on a straight line of slope b: the statistic is 10 b^2
    assert compute_trend_statistic([np.arange(1, 6) * 0.98], [np.arange(1, 6) * 0.98 - 1.96], [np.arange(1, 6) * 0.98 + 1.96]).statistic[0] == pytest.approx(9.604)
    assert trend(np.arange(1, 6) * 0.98 + 10) == "Increasing"  # 9.604 > 9.5495
    assert trend(np.arange(1, 6) * 0.97 + 10) == "No significant change"  # 9.409 < 9.5495
    assert trend(np.arange(1, 6) * -0.98 + 10) == "Decreasing"


def test_a_direction_that_turns_when_a_point_is_left_out_is_no_significant_change():
    values = [12.0, 10.0, 10.0, 10.0, 30.0]  # without the last point the slope falls
    found = compute_trend_statistic([values], np.subtract([values], 0.1), np.add([values], 0.1))
    assert found.statistic[0] > THRESHOLD and found.slope[0] > 0
    assert not found.steady[0]
    assert trend(values, np.subtract(values, 0.1), np.add(values, 0.1)) == "No significant change"


def test_zero_width_limits_give_no_statistic():
    assert trend(RISING, RISING, RISING) == "No significant change"
    assert np.isnan(compute_trend_statistic([RISING], [RISING], [RISING]).statistic[0])


@pytest.mark.parametrize(
    ("polarity", "rising", "falling"),
    [
        ("high_is_good", "Increasing and getting better", "Decreasing and getting worse"),
        ("low_is_good", "Increasing and getting worse", "Decreasing and getting better"),
        ("no_judgement", "Increasing", "Decreasing"),
        ("", "Increasing", "Decreasing"),
    ],
)
def test_polarity_decides_better_or_worse(polarity, rising, falling):
    assert trend(RISING, polarity=polarity) == rising
    assert trend(RISING[::-1], polarity=polarity) == falling


def test_an_unknown_polarity_is_refused():
    with pytest.raises(ValueError, match="found High is good"):
        trend(RISING, polarity="High is good")


def _table(indicator_id: str, values: list[float]) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame({
        "indicator_id": indicator_id, "area_code": "E06000001", "sex": "Persons", "age": "All ages", "category_type": "", "category": "",
        "period_sortable": [20100000 + 10000 * i for i in range(n)], "value": values, "lower_ci_95": np.subtract(values, 1.96),
        "upper_ci_95": np.add(values, 1.96), "count": 10.0, "denominator": 100.0,
    })


def test_compute_trends_gates_by_each_indicators_value_type():
    table = pd.concat([_table("1", RISING), _table("2", RISING), _table("3", RISING)], ignore_index=True)
    polarity = {"1": "low_is_good", "2": "low_is_good", "3": "low_is_good"}
    found = compute_trends(table, polarity, {"1": "Directly standardised rate", "2": "Life expectancy"})
    assert found[table.index[4::5]].tolist() == ["Increasing and getting worse", "Cannot be calculated", "Cannot be calculated"]
    assert (found.drop(table.index[4::5]) == "").all()
    assert compute_trends(table, polarity)[table.index[4::5]].tolist() == ["Increasing and getting worse"] * 3  # value types unknown: all tested
