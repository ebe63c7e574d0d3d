"""Wilson, Byar's, exact Poisson and Student's t limits against PHEindicatormethods' expected values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from oracle import assert_close, assert_estimates

from generators.errors import DataError
from generators.stats import (
    compute_byars_limits,
    compute_mean,
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
