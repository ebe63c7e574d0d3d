"""Wilson, Byar's, exact Poisson and Student's t limits against PHEindicatormethods' expected values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from oracle import assert_close, assert_estimates

from generators.errors import DataError
from generators.stats import (
    compute_byars_limits,
    compute_count,
    compute_exact_limits,
    compute_mean,
    compute_poisson_limits,
    compute_proportion,
    compute_rate,
    compute_wilson_limits,
    name_count_method,
    summarise_values,
)


def test_wilson_and_byars_limits_match_every_row(phe):
    table = pd.read_csv(phe / "byars_wilson.csv")
    level = table["confidence"].str.rstrip("%").astype(float)
    for method, compute in (("Byars", lambda r, lv: compute_byars_limits(r.x, lv)), ("Wilson", lambda r, lv: compute_wilson_limits(r.x, r.n, lv))):
        rows = table[table["method"] == method]
        for lv in level[rows.index].unique():
            part = rows[level[rows.index] == lv]
            lower, upper = compute(part, lv)
            assert_close(lower, part["lowercl"])
            assert_close(upper, part["uppercl"])


@pytest.mark.parametrize("multiplier", [1, 100])
def test_proportions_match_every_row(phe, multiplier):
    table = pd.read_csv(phe / "proportion.csv")
    rows = table[table["multiplier"] == multiplier]
    assert_estimates(compute_proportion(rows["Numerator"], rows["Denominator"], multiplier), rows)


@pytest.mark.parametrize("multiplier", [100, 100_000])
def test_rates_match_every_row(phe, multiplier):
    table = pd.read_csv(phe / "rate.csv")
    rows = table[table["multiplier"] == multiplier]
    assert_estimates(compute_rate(rows["Numerator"], rows["Denominator"], multiplier), rows)


def test_small_counts_use_exact_limits_as_the_method_column_says(phe):
    table = pd.read_csv(phe / "rate.csv")
    assert name_count_method(table["Numerator"]) == table["method"].fillna("").where(table["Numerator"].notna(), "").tolist()


def test_means_match_every_row(phe):
    values = pd.read_csv(phe / "mean_input.csv")
    expected = pd.read_csv(phe / "mean_results.csv").set_index("area")
    per_area = summarise_values(values["values"], values["area"])
    overall = summarise_values(values["values"], np.zeros(len(values))).set_axis(["No grouping"])
    summary = pd.concat([per_area, overall]).loc[expected.index]
    assert_close(summary["sd"], expected["stdev"])
    assert_estimates(compute_mean(summary["mean"], summary["sd"], summary["n"]), expected)


@pytest.mark.parametrize(
    ("count", "denominator", "code"),
    [([-1], [10], "negative-count"), ([1], [0], "non-positive-denominator"), ([5], [-3], "non-positive-denominator"), ([11], [10], "count-above-denominator")],
)
def test_proportions_reject_bad_input(count, denominator, code):
    with pytest.raises(DataError) as caught:
        compute_proportion(count, denominator, labels=["indicator 90366, area E06000001, period 2019/20"])
    assert caught.value.code == code
    assert "indicator 90366, area E06000001, period 2019/20" in str(caught.value)


def test_rates_allow_counts_above_the_denominator_but_not_zero_denominators():
    assert compute_rate([250], [220]).value[0] == pytest.approx(250 / 220 * 100_000)
    with pytest.raises(DataError, match="row 2: expected a positive denominator, found 0"):
        compute_rate([1, 2], [10, 0])
    with pytest.raises(DataError, match="expected a count of 0 or more, found -4"):
        compute_rate([-4], [10])


# Input checks (issue 14): one DataError with a code, naming the field, what was expected and what was found.

LABEL = ["indicator 90366, area E06000001, period 2019/20"]


@pytest.mark.parametrize("compute", [compute_proportion, compute_rate])
@pytest.mark.parametrize(
    ("count", "denominator", "code", "says"),
    [
        (["12 "], ["n/a"], "non-numeric-denominator", 'column "denominator": indicator 90366, area E06000001, period 2019/20: expected a positive denominator, found "n/a"'),
        (["<5"], [100], "non-numeric-count", 'column "count": indicator 90366, area E06000001, period 2019/20: expected a count of 0 or more, found "<5"'),
        ([True], [100], "non-numeric-count", "expected a count of 0 or more, found True"),
        ([np.inf], [100], "non-finite-count", "expected a finite count of 0 or more, found inf"),
    ],
)
def test_counts_and_denominators_that_are_not_numbers_are_refused(compute, count, denominator, code, says):
    with pytest.raises(DataError) as caught:
        compute(count, denominator, labels=LABEL)
    assert caught.value.code == code
    assert says in str(caught.value)


@pytest.mark.parametrize("compute", [compute_proportion, compute_rate])
def test_numbers_written_as_text_and_missing_values_are_read(compute):
    found = compute(np.array(["7", " 30 ", None, ""], dtype=object), [100, 100, 100, 100]).as_frame()
    expected = compute([7, 30, np.nan, np.nan], [100, 100, 100, 100]).as_frame()
    pd.testing.assert_frame_equal(found, expected)
    assert found["value"].isna().tolist() == [False, False, True, True]


@pytest.mark.parametrize("compute", [compute_proportion, compute_rate])
@pytest.mark.parametrize(("multiplier", "code"), [(-100, "non-positive-multiplier"), (0, "non-positive-multiplier"), ("100", "non-numeric-multiplier"), (None, "missing-multiplier")])
def test_multipliers_of_zero_or_less_or_not_numbers_are_refused(compute, multiplier, code):
    with pytest.raises(DataError, match="expected a positive multiplier, found") as caught:
        compute([5], [100], multiplier)
    assert caught.value.code == code


def test_every_bad_row_is_named_in_one_error():
    with pytest.raises(DataError) as caught:
        compute_rate(np.array([1, "x", -2, 4], dtype=object), [10, 10, 10, 10])
    assert [(e.code, e.message) for e in caught.value.errors] == [
        ("non-numeric-count", 'row 2: expected a count of 0 or more, found "x"'),
        ("negative-count", "row 3: expected a count of 0 or more, found -2"),
    ]


@pytest.mark.parametrize("limits", [compute_byars_limits, compute_exact_limits, compute_poisson_limits])
def test_poisson_limits_refuse_negative_and_text_counts(limits):
    with pytest.raises(DataError, match="row 2: expected a count of 0 or more, found -1") as caught:
        limits([3, -1], 95)
    assert caught.value.code == "negative-count"
    with pytest.raises(DataError, match='row 1: expected a count of 0 or more, found "three"'):
        limits(["three"], 95)


def test_a_count_alone_is_checked():
    with pytest.raises(DataError, match='indicator 90366, area E06000001, period 2019/20: expected a count of 0 or more, found "ten"') as caught:
        compute_count(["ten"], labels=LABEL)
    assert caught.value.code == "non-numeric-count"


@pytest.mark.parametrize(
    ("count", "denominator", "code"),
    [([-1], [10], "negative-count"), ([1], [0], "non-positive-denominator"), ([11], [10], "count-above-denominator"), (["a"], [10], "non-numeric-count")],
)
def test_wilson_limits_check_their_inputs(count, denominator, code):
    with pytest.raises(DataError) as caught:
        compute_wilson_limits(count, denominator, 95)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("mean", "sd", "n", "code", "says"),
    [
        (["high"], [1.0], [10], "non-numeric-mean", 'row 1: expected a number for the mean, found "high"'),
        ([5.0], [-1.0], [10], "negative-sd", "row 1: expected a standard deviation of 0 or more, found -1"),
        ([5.0], ["?"], [10], "non-numeric-sd", 'row 1: expected a standard deviation of 0 or more, found "?"'),
        ([5.0], [1.0], [-3], "negative-n", "row 1: expected a number of observations of 0 or more, found -3"),
    ],
)
def test_means_refuse_inputs_that_are_not_numbers_or_negative(mean, sd, n, code, says):
    with pytest.raises(DataError, match=says) as caught:
        compute_mean(mean, sd, n)
    assert caught.value.code == code


def test_means_accept_negative_values_and_give_no_value_where_missing():
    found = compute_mean([-2.5, np.nan], [1.0, 1.0], [10, 10])
    assert found.value[0] == -2.5 and found.lower_ci_95[0] < -2.5 < found.upper_ci_95[0]
    assert np.isnan(found.value[1])


def test_summarised_values_must_all_be_numbers():
    with pytest.raises(DataError) as caught:
        summarise_values(np.array([1.5, "two", None, -4], dtype=object), ["a", "a", "b", "b"])
    assert [(e.code, e.message) for e in caught.value.errors] == [
        ("non-numeric-value", 'row 2: expected a number for the observation, found "two"'),
        ("missing-value", "row 3: expected a number for the observation, found no value"),
    ]
    assert summarise_values([-1.0, -3.0], ["a", "a"])["mean"].tolist() == [-2.0]


def test_the_method_name_of_a_count_that_is_not_a_number_is_refused():
    with pytest.raises(DataError, match='row 2: expected a count of 0 or more, found "12a"') as caught:
        name_count_method(np.array([5, "12a"], dtype=object))
    assert caught.value.code == "non-numeric-count"
