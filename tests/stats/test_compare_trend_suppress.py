"""Benchmark verdicts, quantiles and suppression (recent trends: test_trend.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from generators.errors import DataError
from generators.stats import (
    SuppressionRule,
    assign_quantiles,
    compare_by_quintile,
    compare_limits_to_benchmark,
    suppress_small_counts,
)

QUANTILES = {"Quartile": 4, "Decile": 10, "Septile": 7}


@pytest.mark.parametrize(
    ("polarity", "words"),
    [("high_is_good", ["Better", "Similar", "Worse"]), ("low_is_good", ["Worse", "Similar", "Better"]), ("no_judgement", ["Higher", "Similar", "Lower"])],
)
def test_interval_against_benchmark_by_polarity(polarity, words):
    found = compare_limits_to_benchmark([11, 9, 7], [13, 11, 9.5], 10, polarity)
    assert found.tolist() == words


def test_no_interval_or_no_benchmark_is_not_compared():
    found = compare_limits_to_benchmark([np.nan, 1, 1], [2, np.nan, 2], [1.5, 1.5, np.nan], "high_is_good")
    assert found.tolist() == ["Not compared"] * 3


def test_an_interval_touching_the_benchmark_is_similar():
    assert compare_limits_to_benchmark([10], [12], [10], "high_is_good").tolist() == ["Similar"]


def test_unknown_polarity_is_refused():
    with pytest.raises(ValueError, match="found High is good"):
        compare_limits_to_benchmark([1], [2], [3], "High is good")


def test_quantiles_match_every_row(phe):
    table = pd.read_csv(phe / "quantiles_ungrouped.csv")
    found = pd.Series(np.nan, index=table.index)
    for (name, group_set), rows in table.groupby(["QuantileNm", table["GroupSet"].fillna("")]):
        if group_set == "":  # one ungrouped ranking of every row, highest first
            found[rows.index] = assign_quantiles(rows["Value"], QUANTILES[name], True)
            continue
        groups = rows["IndSexRef"] + (rows["ParentCode"] if group_set == "IndSexReg" else "")
        for highest_first, part in rows.groupby("Polarity"):
            found[part.index] = assign_quantiles(part["Value"], QUANTILES[name], bool(highest_first), groups[part.index])
    pd.testing.assert_series_equal(found, table["QuantileInGrp"], check_names=False)


def test_quintile_verdicts_follow_polarity():
    values = [1, 2, 3, 4, 5, np.nan]
    assert compare_by_quintile(values, "low_is_good").tolist() == ["Best", "Better", "Middle", "Worse", "Worst", "Not compared"]
    assert compare_by_quintile(values, "high_is_good").tolist()[:5] == ["Worst", "Worse", "Middle", "Better", "Best"]
    assert compare_by_quintile(values, "no_judgement").tolist()[0] == "Lowest"


def test_small_counts_and_derived_values_are_suppressed_with_the_reason():
    table = pd.DataFrame({"count": [0, 1, 7, 8, np.nan], "value": [0.0, 1.0, 7.0, 8.0, np.nan], "lower_ci_95": [0.0, 0.1, 3.0, 4.0, np.nan], "value_note": ""})
    out, suppressed = suppress_small_counts(table)
    assert suppressed["row"].tolist() == [1, 2]
    assert set(suppressed["reason"]) == {"Suppressed: count between 1 and 7"}
    assert out["value"].isna().tolist() == [False, True, True, False, True]
    assert out["lower_ci_95"].isna().tolist() == [False, True, True, False, True]
    assert out.loc[1, "value_note"] == "Suppressed: count between 1 and 7"
    assert table["value"].notna().sum() == 4  # the input is left alone


def test_suppression_rule_is_configurable():
    table = pd.DataFrame({"count": [0, 3, 5], "value": [0.0, 3.0, 5.0], "value_note": ""})
    _, suppressed = suppress_small_counts(table, SuppressionRule(smallest=0, largest=4))
    assert suppressed["row"].tolist() == [0, 1]
    assert suppressed["reason"][0] == "Suppressed: count between 0 and 4"


@pytest.mark.parametrize("values", [["1.5", "abc", 3, 4, 5], [1, 2, True, 4, 5]])
def test_quantiles_refuse_values_that_are_not_numbers_as_r_does(values):
    with pytest.raises(DataError) as caught:
        assign_quantiles(np.array(values, dtype=object), 5, True)
    assert caught.value.code == "non-numeric-value"
    assert caught.value.place.column == "value"
    assert str(caught.value).startswith('column "value": row ')
    assert "expected a number for the value, found " in str(caught.value)


def test_quantiles_rank_negative_values_and_skip_missing_ones():
    found = assign_quantiles([-5, -1, 0, 3, 8, None], 5, False)
    np.testing.assert_array_equal(found, [1, 2, 3, 4, 5, np.nan])


@pytest.mark.parametrize(("n_quantiles", "code"), [(0, "non-positive-n-quantiles"), (-5, "non-positive-n-quantiles"), (2.5, "non-integer-n-quantiles"), ("5", "non-numeric-n-quantiles")])
def test_quantiles_need_a_whole_positive_number_of_quantiles(n_quantiles, code):
    with pytest.raises(DataError, match="number of quantiles") as caught:
        assign_quantiles([1, 2, 3, 4, 5], n_quantiles, True)
    assert caught.value.code == code


def test_quantiles_need_highest_first_to_be_true_or_false():
    with pytest.raises(DataError, match="expected highest_first to be True or False, found 'yes'") as caught:
        assign_quantiles([1, 2, 3, 4, 5], 5, "yes")  # type: ignore[arg-type]
    assert caught.value.code == "non-boolean-highest-first"
