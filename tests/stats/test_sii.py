"""The slope and relative indices of inequality against PHEindicatormethods' `phe_sii` test cases.

sii_cases.csv (../shared/fixtures/phe-methods) holds the inputs by quantile and, on the first row
of each area, the expected SII, RII and their limits. The values come from a regression and
must match exactly; the limits were simulated in R, so ours (simulated with a fixed seed) must
come within 1% at 100,000 repetitions, a tolerance that grows as 1/sqrt(repetitions) with the
simulation's own noise for the 10,000-repetition case.
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from generators.errors import DataError
from generators.stats import compute_sii
from generators.stats.sii import SIIInputError

LIMIT_RTOL = 0.01
"""Relative tolerance of simulated limits at 100,000 repetitions."""
VALUE_RTOL = 1e-9
"""Relative tolerance of the SII and RII themselves (least squares: rounding only)."""
EXPECTED_CASES = [
    ("default (e.g. life expectancy) - default parameters", "area1"),
    ("default (e.g. life expectancy) - default parameters", "area2"),
    ("default - testing 99% confidence", "area1"),
    ("default - testing 99% confidence", "area2"),
    ("default - testing 10,000 repetitions", "area1"),
    ("default - testing 10,000 repetitions", "area2"),
    ("default - testing quintiles", "area1"),
    ("default - testing quintiles", "area2"),
    ("rate (e.g. infant mortality) - default parameters", "area1"),
    ("rate (e.g. infant mortality) - default parameters", "area2"),
    ("proportion (e.g. child obesity) - default parameters", "area1"),
    ("proportion (e.g. child obesity) - default parameters", "area2"),
    ("proportion - testing multiplier (x 100)", "area1"),
    ("proportion - testing multiplier (x 100)", "area2"),
    ("proportion - testing multiplier (x -100)", "area1"),
    ("proportion - testing multiplier (x -100)", "area2"),
]


@pytest.fixture(scope="module")
def cases(phe) -> pd.DataFrame:
    return pd.read_csv(phe / "sii_cases.csv")


def rows_of(cases: pd.DataFrame, description: str, area: str | None = None) -> pd.DataFrame:
    rows = cases[cases["TestDescription"] == description]
    if area is not None:
        rows = rows[rows["Area"] == area]
    assert len(rows) >= 5, f"sii_cases.csv has no rows for {description!r} {area or ''}"
    return rows


def run(rows: pd.DataFrame, inputs: str, **options):
    """compute_sii on a group's rows, with standard errors, limits or (proportions) counts."""
    value_type = options.pop("value_type", int(rows["ValueType"].iloc[0]))
    given = {"se": rows["StandardError"]} if inputs == "se" else {"lower": rows["LowerCL"], "upper": rows["UpperCL"]}
    value = None if inputs == "count" else rows["Value"]
    if inputs == "count":
        given["count"] = rows["Count"]
    return compute_sii(rows["Quantile"], rows["Population"], value, value_type=value_type, **given, **options)


def options_of(rows: pd.DataFrame) -> dict:
    """The phe_sii options a case was run with: its confidence, repetitions and multiplier."""
    head = rows.iloc[0]
    multiplier = re.search(r"\(x (-?\d+)\)", head["TestDescription"])
    return {
        "confidence": float(head["Confidence"]),  # a percentage in the file: 95, 99
        "repetitions": int(head["Repetitions"]),
        "multiplier": float(multiplier.group(1)) if multiplier else 1.0,
    }


RUNS = [(d, a, inputs) for d, a in EXPECTED_CASES for inputs in ("se", "limits", "count") if inputs != "count" or d.startswith("proportion")]
"""Every case with standard errors and with limits; the proportions also with counts in place of values."""


@pytest.mark.parametrize(("description", "area", "inputs"), RUNS, ids=[f"{d.split(' ')[0]}-{d.split(' - ')[-1][:28]}-{a}-{i}" for d, a, i in RUNS])
def test_sii_and_rii_match_phe_sii(cases, description, area, inputs):
    rows = rows_of(cases, description, area)
    options = options_of(rows)
    result = run(rows, inputs, **options)
    head = rows.iloc[0]

    assert result.quantiles == len(rows)
    assert result.sii == pytest.approx(head["sii"], rel=VALUE_RTOL)
    assert result.rii == pytest.approx(head["rii"], rel=VALUE_RTOL)
    tolerance = LIMIT_RTOL * math.sqrt(100_000 / options["repetitions"])
    expected_limits = {name: head[f"{name}cl_1"] for name in ("sii_lower", "sii_upper", "rii_lower", "rii_upper")}
    if all(math.isnan(v) for v in expected_limits.values()):  # the quintile case: R's tests compare only the SII and RII
        assert result.sii_lower < result.sii < result.sii_upper
        assert result.rii_lower < result.rii < result.rii_upper
        return
    for name, expected in expected_limits.items():
        assert getattr(result, name) == pytest.approx(expected, rel=tolerance), name


def test_limits_are_the_same_every_time_with_the_same_seed_and_differ_with_another(cases):
    rows = rows_of(cases, "rate (e.g. infant mortality) - default parameters", "area1")
    first, again = run(rows, "limits", repetitions=10_000), run(rows, "limits", repetitions=10_000)
    other = run(rows, "limits", repetitions=10_000, seed=7)
    assert first == again
    assert other.sii == first.sii and other.rii == first.rii
    assert (other.sii_lower, other.sii_upper) != (first.sii_lower, first.sii_upper)


def test_the_order_of_the_rows_does_not_matter(cases):
    rows = rows_of(cases, "proportion (e.g. child obesity) - default parameters", "area2")
    shuffled = rows.sample(frac=1, random_state=3)
    assert list(shuffled["Quantile"]) != list(rows["Quantile"])
    assert run(shuffled, "se", repetitions=10_000) == run(rows, "se", repetitions=10_000)


def test_rii_and_intercept_are_returned_only_when_asked_and_agree_with_the_sii(cases):
    rows = rows_of(cases, "default (e.g. life expectancy) - default parameters", "area2")
    plain = run(rows, "se", repetitions=10_000, rii=False)
    assert plain.rii is None and plain.rii_lower is None and plain.rii_upper is None and plain.intercept is None
    full = run(rows, "se", repetitions=10_000, intercept=True)
    assert (full.sii, full.sii_lower, full.sii_upper) == (plain.sii, plain.sii_lower, plain.sii_upper)
    assert full.intercept is not None and full.rii is not None
    # the fitted line runs from the intercept at rank 0 to intercept + SII at rank 1; the RII is their ratio
    assert (full.intercept + full.sii) / full.intercept == pytest.approx(full.rii, rel=1e-12)
    # a least-squares line weighted by population share passes through the weighted means of rank and value
    share = rows["Population"] / rows["Population"].sum()
    rank = share.cumsum() - share / 2
    assert (share * rows["Value"]).sum() == pytest.approx(full.intercept + full.sii * (share * rank).sum(), rel=1e-12)


@pytest.mark.parametrize("value_type", [1, 2])
def test_transform_fits_log_rates_and_logit_proportions_and_reports_in_their_units(cases, value_type):
    description = {1: "rate (e.g. infant mortality) - default parameters", 2: "proportion (e.g. child obesity) - default parameters"}
    rows = rows_of(cases, description[value_type], "area1")
    result = run(rows, "limits", repetitions=10_000, transform=True, intercept=True)
    untransformed = run(rows, "limits", repetitions=10_000)
    assert result.intercept is not None and result.rii is not None
    assert result.sii != pytest.approx(untransformed.sii, rel=1e-3)  # a different line ...
    assert result.sii == pytest.approx(untransformed.sii, rel=0.1)  # ... through much the same points
    assert result.sii_lower < result.sii < result.sii_upper
    assert result.rii_lower < result.rii < result.rii_upper
    # the ends of the back-transformed line: intercept at rank 0, intercept + SII at rank 1
    assert (result.intercept + result.sii) / result.intercept == pytest.approx(result.rii, rel=1e-12)
    flipped = run(rows, "limits", repetitions=10_000, transform=True, multiplier=-1)
    assert flipped.sii == pytest.approx(-result.sii, rel=1e-12)
    assert (flipped.sii_lower, flipped.sii_upper) == pytest.approx((-result.sii_upper, -result.sii_lower), rel=1e-12)
    assert (flipped.rii, flipped.rii_lower, flipped.rii_upper) == pytest.approx((1 / result.rii, 1 / result.rii_upper, 1 / result.rii_lower), rel=1e-12)


def test_transformed_rate_limits_are_the_slope_limits_about_the_fitted_midpoint(cases):
    """For log rates the RII limits are e^(slope limits) and the SII limits span the line's ends about its midpoint."""
    rows = rows_of(cases, "rate (e.g. infant mortality) - default parameters", "area2")
    result = run(rows, "limits", repetitions=10_000, transform=True, intercept=True)
    assert result.intercept is not None and result.rii is not None
    middle = math.log(result.intercept) + math.log(result.rii) / 2  # log of the fitted value at rank 0.5
    for sii_limit, rii_limit in ((result.sii_lower, result.rii_lower), (result.sii_upper, result.rii_upper)):
        slope = math.log(rii_limit)
        assert sii_limit == pytest.approx(math.exp(middle + slope / 2) - math.exp(middle - slope / 2), rel=1e-12)


def test_reliability_repeats_the_simulation_and_keeps_the_first_run(cases):
    rows = rows_of(cases, "default (e.g. life expectancy) - default parameters", "area1")
    once = run(rows, "se", repetitions=2_000)
    repeated = run(rows, "se", repetitions=2_000, reliability=True)
    assert once.sii_mad is None and once.rii_mad is None
    assert (repeated.sii_lower, repeated.sii_upper, repeated.rii_lower, repeated.rii_upper) == (
        once.sii_lower,
        once.sii_upper,
        once.rii_lower,
        once.rii_upper,
    )
    assert repeated.sii_mad is not None and 0 < repeated.sii_mad < (once.sii_upper - once.sii_lower) / 4
    assert repeated.rii_mad is not None and repeated.rii_mad > 0


# --- the cases phe_sii rejects ------------------------------------------------------------


def rejects(match: str):
    return pytest.raises(SIIInputError, match=match)


@pytest.mark.parametrize("inputs", ["se", "limits"])
def test_negative_population_is_rejected_naming_the_quantile(cases, inputs):
    rows = rows_of(cases, "error handling - negative populations")
    with rejects(r"expected a positive population for every quantile, found -200 for quantile 2"):
        run(rows, inputs)


def test_negative_standard_error_is_rejected(cases):
    rows = rows_of(cases, "error handling - negative counts/standard error")
    with rejects(r"expected a standard error of zero or more for every quantile, found -5 for quantile 3"):
        run(rows, "se")


def test_zero_count_is_rejected_when_counts_give_the_proportions(cases):
    rows = rows_of(cases, "error handling - negative counts/standard error")
    with rejects(r"expected a positive count for every quantile .*found 0 for quantile 8"):
        run(rows, "count", value_type=2)


def test_limits_outside_0_to_1_are_rejected_for_proportions(cases):
    rows = rows_of(cases, "error handling - invalid proportion in CLs")
    with rejects(r"lower confidence limits of proportions between 0 and 1 .*found 8 for quantile 7"):
        run(rows, "limits", value_type=2)
    with rejects(r"upper confidence limits of proportions between 0 and 1 .*found 11 for quantile 4"):
        run(rows.assign(LowerCL=rows["LowerCL"].clip(upper=rows["Value"])), "limits", value_type=2)


def test_values_outside_0_to_1_are_rejected_for_proportions(cases):
    rows = rows_of(cases, "default (e.g. life expectancy) - default parameters", "area1")  # life expectancies ~80
    with rejects(r"expected proportions between 0 and 1 \(fractions, not percentages\), found 75.9335 for quantile 1"):
        run(rows, "se", value_type=2)


@pytest.mark.parametrize("inputs", ["se", "limits"])
def test_missing_values_are_rejected(cases, inputs):
    rows = rows_of(cases, "error handling - missing value field")
    with rejects(r"expected a value for every quantile, found nothing for quantile 1, nothing for quantile 2"):
        run(rows, inputs)


def test_missing_standard_errors_are_rejected(cases):
    rows = rows_of(cases, "error handling - missing confidence limits and se")
    with rejects(r"expected a standard error of zero or more for every quantile, found nothing for quantile 1, .*nothing for quantile 5 \[sii-[a-z-]+\]$"):
        run(rows, "se")


def test_missing_limits_are_rejected(cases):
    rows = rows_of(cases, "error handling - missing confidence limits and se")
    with rejects(r"expected a lower confidence limit for every quantile, found nothing for quantile 1, .*nothing for quantile 5 \[sii-[a-z-]+\]$"):
        run(rows, "limits")


def test_missing_population_or_value_is_rejected(cases):
    """phe_sii stops at the missing population too (its warning is for groups missing whole quantiles)."""
    rows = rows_of(cases, "warning handling - missing populations, counts or values")
    with rejects(r"expected a positive population for every quantile, found nothing for quantile 5 \[sii-[a-z-]+\]$"):
        run(rows, "limits")
    with rejects(r"expected a value for every quantile, found nothing for quantile 8 \[sii-[a-z-]+\]$"):
        run(rows.fillna({"Population": 1000}), "limits")


def test_more_than_10_quantiles_warn_but_give_an_sii(cases):
    rows = rows_of(cases, "warning handling - large number of quantiles (>10)")
    with pytest.warns(UserWarning, match="15 quantiles: small populations can make the SII unstable"):
        result = run(rows, "limits", repetitions=10_000)
    assert result.quantiles == 15
    assert result.sii_lower < result.sii < result.sii_upper
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run(rows.iloc[:10], "limits", repetitions=10_000)  # ten quantiles: no warning


def test_fewer_than_5_or_more_than_100_quantiles_are_rejected(cases):
    rows = rows_of(cases, "default (e.g. life expectancy) - default parameters", "area1")
    with rejects(r"expected between 5 and 100 quantiles, found 3"):
        run(rows.iloc[:3], "se")
    many = np.arange(1, 102)
    with rejects(r"expected between 5 and 100 quantiles, found 101"):
        compute_sii(many, np.full(101, 100.0), np.full(101, 70.0), value_type=0, se=np.ones(101))


def test_repeated_quantiles_and_unequal_lengths_are_rejected(cases):
    rows = rows_of(cases, "default (e.g. life expectancy) - default parameters", "area1")
    with rejects(r"expected each quantile once, found 3 more than once"):
        run(rows.assign(Quantile=rows["Quantile"].replace(4, 3)), "se")
    with rejects(r"expected one element per quantile in every input, found 10 quantile, 10 population, 9 value"):
        compute_sii(rows["Quantile"], rows["Population"], rows["Value"].iloc[:9], value_type=0, se=rows["StandardError"])


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"value_type": 3}, r"expected value_type 0 \(normal\), 1 \(rate\) or 2 \(proportion\), found 3"),
        ({"value_type": "rate"}, r"expected value_type 0 .*found 'rate'"),
        ({"multiplier": "none"}, r"expected a number for the multiplier, found 'none'"),
        ({"repetitions": 999}, r"expected at least 1,000 repetitions \(the default is 100,000\), found 999"),
        ({"repetitions": "none"}, r"expected a whole number of repetitions, found 'none'"),
        ({"confidence": 0.35}, r"expected a confidence level from 0.9 up to 1 or from 90 up to 100 \(a percentage\), found 0.35"),
        ({"confidence": 40}, r"confidence level .*found 40"),
        ({"confidence": 135}, r"confidence level .*found 135"),
        ({"confidence": 1}, r"confidence level .*found 1 \[sii-[a-z-]+\]$"),
        ({"transform": True, "value_type": 0}, r"expected value_type 1 \(rate\) or 2 \(proportion\) with transform, found value_type 0"),
    ],
)
def test_invalid_options_are_rejected(cases, options, match):
    rows = rows_of(cases, "rate (e.g. infant mortality) - default parameters", "area1")
    options = {"value_type": 1, **options}
    with rejects(match):
        run(rows, "limits", **options)


def test_inputs_the_options_need_are_required(cases):
    rows = rows_of(cases, "rate (e.g. infant mortality) - default parameters", "area1")
    q, pop, value = rows["Quantile"], rows["Population"], rows["Value"]
    with rejects(r"expected lower and upper confidence limits, not standard errors, with transform, found standard errors"):
        compute_sii(q, pop, value, value_type=1, se=rows["StandardError"], transform=True)
    with rejects(r"expected either lower and upper confidence limits or standard errors, found neither"):
        compute_sii(q, pop, value, value_type=1)
    with rejects(r"expected both lower and upper confidence limits, found lower limits but no upper limits"):
        compute_sii(q, pop, value, value_type=1, lower=rows["LowerCL"])
    with rejects(r"expected values for the quantiles, found none"):
        compute_sii(q, pop, value_type=1, lower=rows["LowerCL"], upper=rows["UpperCL"])
    with rejects(r"expected values \(or, for proportions, counts\) for the quantiles, found none"):
        compute_sii(q, pop, value_type=2, lower=rows["LowerCL"] / 10, upper=rows["UpperCL"] / 10)


def test_values_with_no_logarithm_or_logit_are_rejected(cases):
    rates = rows_of(cases, "rate (e.g. infant mortality) - default parameters", "area1")
    with rejects(r"expected positive values of rates \(the method works on their logarithms\), found 0 for quantile 1 \[sii-[a-z-]+\]$"):
        run(rates.assign(Value=rates["Value"].where(rates["Quantile"] != 1, 0.0)), "se")
    proportions = rows_of(cases, "proportion (e.g. child obesity) - default parameters", "area1")
    with rejects(r"expected lower confidence limits of proportions above 0 and below 1 .*found 0 for quantile 2 \[sii-[a-z-]+\]$"):
        run(proportions.assign(LowerCL=proportions["LowerCL"].where(proportions["Quantile"] != 2, 0.0)), "limits")


def test_the_error_is_a_value_error_and_a_data_error(cases):
    rows = rows_of(cases, "error handling - negative populations")
    with pytest.raises(ValueError) as caught:
        run(rows, "se")
    assert isinstance(caught.value, DataError)
    assert caught.value.code == "sii-population"
