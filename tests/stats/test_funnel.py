"""Funnel plot limits and significance against PHEindicatormethods' expected values (testFunnels.R).

The proportion tables are ../shared/fixtures/phe-methods/funnel_prop_*.csv (through the `phe` fixture).
The ratio and rate cases' inputs and expected rows are written here from the data files of the
package's own tests (ukhsa-collaboration/PHEindicatormethods, commit 093fd288d8f8, v2.1.0,
tests/testthat/testdata_funnel_*.csv), each with the name of the `test_that` they come from.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from generators.errors import DataError
from generators.stats import assign_funnel_significance, compute_funnel_limits

R_PROPORTION_COLUMNS = {  # R's col.names for the expected table (data-raw/LoadTestdata.R)
    "Population": "Population",
    "Lower2s0025limit": "lower_2s_limit",
    "Upper2s0025limit": "upper_2s_limit",
    "Lower3s0001limit": "lower_3s_limit",
    "Upper3s0001limit": "upper_3s_limit",
    "Baseline": "baseline",
}
RATIO_COLUMNS = ["Observed_events"] + [f"{s}_{sd}_{p}" for sd in ("2s", "3s") for s in ("lower", "upper") for p in ("exp_events", "limit")]
RATE_COLUMNS = ["Events"] + [f"{s}_{sd}_{p}" for sd in ("2s", "3s") for s in ("lower", "upper") for p in ("population_1_year", "limit")] + ["baseline"]
LABELS = {"H3": "High (0.001)", "H2": "High (0.025)", "L3": "Low (0.001)", "L2": "Low (0.025)", "NS": "Not significant", "NA": "Not applicable for events less than 10 for dsrs"}


def assert_rows(found: pd.DataFrame, expected: dict[int, list[float]], columns: list[str], rtol: float) -> None:
    """The rows of `found` at the given 0-based positions against R's values, column by column."""
    assert list(found.columns[: len(columns)]) == columns
    rows = found.iloc[list(expected)][columns].to_numpy(dtype=float)
    np.testing.assert_allclose(rows, np.array(list(expected.values())), rtol=rtol)


# --- proportions: the shared tables ---------------------------------------------------------------


@pytest.fixture(scope="module")
def prop_inputs(phe):
    return pd.read_csv(phe / "funnel_prop_inputs.csv", encoding="utf-8-sig")


def test_proportion_limits_match_funnel_prop_outputs(phe, prop_inputs):
    # testFunnels.R, "confidence limits calculate correctly for proportions" (type = "standard")
    expected = pd.read_csv(phe / "funnel_prop_outputs.csv", encoding="utf-8-sig").rename(columns=R_PROPORTION_COLUMNS)
    found = compute_funnel_limits(prop_inputs["numerator"], prop_inputs["denominator"], statistic="proportion", multiplier=100, metadata=False)
    assert list(found.columns) == list(expected.columns)
    assert len(found) == len(expected) == 100
    np.testing.assert_array_equal(found["Population"], expected["Population"])  # the axis points, exactly
    np.testing.assert_allclose(found.to_numpy(dtype=float), expected.to_numpy(dtype=float), rtol=0, atol=1e-6)


def test_proportion_significance_matches_every_area(prop_inputs):
    # testFunnels.R, "Significance for proportions calculates correctly"
    found = assign_funnel_significance(prop_inputs["numerator"], prop_inputs["denominator"], statistic="proportion")
    assert found.tolist() == prop_inputs["significance"].tolist()
    assert set(found) == {"High (0.001)", "High (0.025)", "Low (0.001)", "Low (0.025)", "Not significant"}


def test_proportion_limits_with_axis_variation(prop_inputs):
    # testFunnels.R, "confidence limits calculate correctly with axis variation": denominators below
    # 31,000 span less than a factor of 2, so the axis starts at the smallest rounded down (10,000),
    # not at 1. Rows 1, 2, 50 and 100 of testdata_funnel_prop_outputs_with_axis_variation.csv.
    part = prop_inputs[prop_inputs["denominator"] < 31000]
    found = compute_funnel_limits(part["numerator"], part["denominator"], statistic="proportion", multiplier=100)
    expected = {
        0: [10000, 81.43030244, 82.93037332, 80.99777342, 83.36290233, 82.18033788],
        1: [10121, 81.43479938, 82.92587637, 81.00486365, 83.3558121, 82.18033788],
        49: [18055, 81.62214661, 82.73852914, 81.30024992, 83.06042583, 82.18033788],
        99: [33000, 81.76745696, 82.5932188, 81.52935757, 82.83131819, 82.18033788],
    }
    assert_rows(found, expected, list(R_PROPORTION_COLUMNS.values()), rtol=1e-8)
    assert (found["statistic"] == "proportion").all()
    assert (found["method"] == "Wilson").all()


# --- ratios ---------------------------------------------------------------------------------------

# Ratio limits depend on the observed events on the axis only, and the axis on the smallest and
# largest expected events: these two areas of testdata_funnel_ratio_inputs.csv (rows 140 and 59)
# give the same table as its 300.
RATIO_AXIS_AREAS = {"obs": [6, 893], "expected": [4.293052052, 706.7669173]}

# testdata_funnel_ratio_outputs.csv rows 1, 2, 10, 83 and 100: Observed_events, then per limit
# (lower 2s, upper 2s, lower 3s, upper 3s) the expected events, the "count" limit and the "isr" limit.
RATIO_OUTPUT_ROWS = {
    0: [1, 5.571644585, -0.820519779, 17.94802207, 0.025317898, 38.49774946, 3949.774946, 9.233410143, -0.891697652, 10.83023482, 0.001000547, 998.4532721, 99945.32721],
    1: [2, 7.224687515, -0.723171418, 27.6828582, 0.242209467, 7.257315569, 825.7315569, 11.22886836, -0.821887662, 17.81123382, 0.04540199, 43.05093268, 4405.093268],
    9: [10, 18.39035799, -0.456236795, 54.3763205, 4.795387629, 1.085337156, 208.5337156, 24.13397235, -0.585646331, 41.43536693, 2.960519925, 2.37778507, 337.778507],
    # row 83: the last step of the bisection for upper_3s turns on how R sums the Poisson series
    82: [328, 365.4880316, -0.102569793, 89.74302074, 293.4599497, 0.117699367, 111.7699367, 387.9125576, -0.154448616, 84.55513842, 274.8700809, 0.193291023, 119.3291023],
    99: [716, 770.4222128, -0.070639465, 92.93605352, 664.5083011, 0.077488421, 107.7488421, 802.60414, -0.107903929, 89.20960712, 636.1521174, 0.125516964, 112.5516964],
}


@pytest.mark.parametrize(("ratio_type", "keep"), [("count", [0, 1, 2, 4, 5, 7, 8, 10, 11]), ("isr", [0, 1, 3, 4, 6, 7, 9, 10, 12])])
def test_ratio_limits_match_r(ratio_type, keep):
    # testFunnels.R, "confidence limits calculate correctly for ratios (count)" (type = "full") and
    # "... for ratios (isr)"; multiplier = 100
    found = compute_funnel_limits(RATIO_AXIS_AREAS["obs"], RATIO_AXIS_AREAS["expected"], statistic="ratio", ratio_type=ratio_type, multiplier=100)
    assert len(found) == 100
    expected = {row: [values[i] for i in keep] for row, values in RATIO_OUTPUT_ROWS.items()}
    assert_rows(found, expected, RATIO_COLUMNS, rtol=1e-7)
    assert found["Observed_events"].tolist()[-1] == 716  # a step short of the axis maximum, 750, as in R
    assert (found["statistic"] == f"ratio ({ratio_type})").all()
    assert (found["method"] == "Poisson").all()


# Areas of testdata_funnel_ratio_inputs.csv (obs, expected, significance): the three nearest a limit
# for each label, every area with fewer than 10 events (exact limits) and the one with none.
RATIO_AREAS = [
    (8, 6.239860227, "Not significant"),  # row 1
    (0, 240.6273499, "Low (0.001)"),  # row 8
    (141, 106.7211626, "High (0.001)"),  # row 12
    (182, 143.6804295, "High (0.025)"),  # row 23
    (335, 276.3114484, "High (0.001)"),  # row 47
    (275, 226.4679239, "High (0.001)"),  # row 51
    (893, 706.7669173, "High (0.001)"),  # row 59
    (355, 318.5570711, "High (0.025)"),  # row 67
    (117, 140.709561, "Low (0.025)"),  # row 96
    (164, 138.9830508, "High (0.025)"),  # row 102
    (6, 4.293052052, "Not significant"),  # row 140
    (85, 67.9184978, "Not significant"),  # row 142
    (72, 90.53187476, "Not significant"),  # row 159
    (46, 71.75167681, "Low (0.001)"),  # row 161
    (84, 117.4004193, "Low (0.001)"),  # row 182
    (46, 61.18648577, "Not significant"),  # row 207
    (77, 107.8582435, "Low (0.025)"),  # row 212
    (83, 103.0799801, "Low (0.025)"),  # row 214
    (66, 95.61060409, "Low (0.001)"),  # row 291
]


def test_ratio_significance_matches_r():
    # testFunnels.R, "Significance for ratios calculates correctly" (each area against 1 on its own)
    obs, expected, labels = zip(*RATIO_AREAS)
    assert assign_funnel_significance(list(obs), list(expected), statistic="ratio").tolist() == list(labels)


# --- rates ----------------------------------------------------------------------------------------

# testdata_funnel_rate_input_funnels.csv: events and rate (per 100,000 over 3 years) of 50 areas.
RATE_AREAS = [
    (414, 184), (462, 102), (178, 83), (525, 118), (194, 121), (937, 125), (817, 112), (117, 190), (298, 146), (228, 140),
    (243, 87), (13, 70), (373, 90), (664, 139), (601, 109), (602, 65), (767, 165), (708, 143), (90, 55), (952, 135),
    (347, 135), (648, 88), (988, 167), (354, 99), (839, 83), (25, 53), (518, 62), (425, 118), (648, 176), (765, 101),
    (210, 71), (931, 138), (589, 74), (592, 84), (554, 161), (870, 79), (372, 189), (843, 170), (142, 159), (543, 113),
    (489, 191), (620, 116), (774, 200), (904, 171), (936, 128), (841, 134), (22, 185), (922, 100), (955, 123), (308, 155),
]


@pytest.fixture
def rate_areas():
    return pd.DataFrame(RATE_AREAS, columns=["ev", "rate"])


def test_rate_limits_for_dsrs_match_r(rate_areas):
    # testFunnels.R, "confidence limits calculate correctly for rates (dsr)"; rows 1, 10, 50 and 100
    # of testdata_funnel_rate_outputs.csv
    found = compute_funnel_limits(rate_areas["ev"], rate=rate_areas["rate"], multiplier=1e5, statistic="rate", rate_type="dsr", years_of_data=3)
    expected = {
        0: [1, 1598.675694, 20.85059119, 7.264481402, 4588.535848, 2649.348525, 12.58170943, 0.287087625, 116108.569, 116.1720835],
        9: [10, 5276.757672, 63.17010446, 1375.943768, 242.2579623, 6924.776769, 48.13632908, 849.4639547, 392.4043292, 116.1720835],
        49: [94, 33006.2688, 94.93146143, 21795.70245, 143.7592268, 36723.73682, 85.32174568, 19184.7108, 163.3245018, 116.1720835],
        99: [1360, 411529.9259, 110.158048, 369759.5622, 122.6021934, 424043.2424, 106.9073359, 358342.3275, 126.5084525, 116.1720835],
    }
    assert_rows(found, expected, RATE_COLUMNS, rtol=1e-7)
    assert list(found.columns) == [*RATE_COLUMNS, "statistic", "method"]
    assert (found["statistic"] == "rate (dsr per 100,000)").all()
    assert (found["method"] == "Poisson").all()


def test_rate_limits_for_crude_rates_with_fewer_than_10_events_match_r(rate_areas):
    # testFunnels.R, "confidence limits calculate correctly for rates (crude); with less than 10 events":
    # the area with most events given 5; rows 1, 10, 50 and 100 of testdata_funnel_rate_outputs_2.csv
    ev = rate_areas["ev"].where(rate_areas["ev"] != rate_areas["ev"].max(), 5)
    found = compute_funnel_limits(ev, rate=rate_areas["rate"], multiplier=1e5, statistic="rate", rate_type="crude", years_of_data=3)
    expected = {
        0: [1, 1616.949526, 20.61494982, 7.347518827, 4536.678859, 2679.632184, 12.4395182, 0.290369211, 114796.3768, 114.8591735],
        9: [10, 5337.07421, 62.45619233, 1391.671639, 239.5201023, 7003.931164, 47.59232002, 859.1738425, 387.9696015, 114.8591735],
        49: [94, 33383.55045, 93.85860074, 22044.84054, 142.1345429, 37143.51139, 84.35748846, 19404.00367, 161.4787024, 114.8591735],
        99: [1344, 411466.9163, 108.8787415, 369466.4508, 121.2559352, 424051.9679, 105.6474286, 357990.2328, 125.143079, 114.8591735],
    }
    assert_rows(found, expected, RATE_COLUMNS, rtol=1e-7)
    assert (found["statistic"] == "rate (crude per 100,000)").all()


def test_rate_limits_for_crude_rates_with_no_events_and_a_denominator_match_r(rate_areas):
    # testFunnels.R, "confidence limits calculate correctly for rates (crude); with 0 events and
    # denominator supplied": population 100,000 x events / rate; the area with most events given
    # none (and a rate of 0); only areas above half the largest population. The axis starts above 1.
    # Rows 1, 10, 50 and 100 of testdata_funnel_rate_outputs_3.csv
    table = rate_areas.assign(pop=1e5 * rate_areas["ev"] / rate_areas["rate"])
    most = table["ev"] == table["ev"].max()
    table = table.assign(rate=table["rate"].where(~most, 0), ev=table["ev"].where(~most, 0))
    table = table[table["pop"] > table["pop"].max() / 2]
    found = compute_funnel_limits(table["ev"], table["pop"], rate=table["rate"], multiplier=1e5, statistic="rate", rate_type="crude", years_of_data=3)
    expected = {
        0: [286, 111970.3773, 85.14156661, 88494.9416, 107.727438, 119317.6437, 79.89877305, 82485.29064, 115.5761622, 95.60285106],
        9: [322, 125227.1962, 85.71088118, 100340.8561, 106.9687239, 132980.4049, 80.71364603, 93924.72732, 114.2759062, 95.60285106],
        49: [561, 212477.498, 88.00931946, 179747.6616, 104.0347331, 222488.8575, 84.04915291, 171071.0695, 109.3112942, 95.60285106],
        99: [1119, 413702.6663, 90.16137202, 367628.0403, 101.4612486, 427558.6565, 87.23949201, 355104.4927, 105.0395046, 95.60285106],
    }
    assert_rows(found, expected, RATE_COLUMNS, rtol=1e-7)


# testdata_funnel_rate_dsr_inputs.csv: count, DSR per 100,000, population, and the expected labels for
# a DSR with the zero-count area, a DSR without it, a crude rate with it and a crude rate without it
# (the same at 100 and at 100,000). Its crude rates are count / pop x multiplier.
RATE_SIGNIFICANCE_AREAS = [
    (2419, 907.6174266, 264102, "H3 H3 H3 H3"), (2337, 948.5620216, 259711, "H3 H3 H3 H3"), (2291, 799.9690496, 289247, "H3 H3 H3 H3"),
    (2242, 852.5637927, 265029, "H3 H3 H3 H3"), (2218, 868.5358183, 284649, "H3 H3 H3 H3"), (2159, 769.6242217, 293578, "H3 H3 H3 H3"),
    (2130, 752.3254955, 286718, "H2 H2 H3 H3"), (2111, 710.2689402, 307381, "NS NS NS NS"), (2105, 815.3530325, 274145, "H3 H3 H3 H3"),
    (2083, 717.7035916, 297424, "NS NS H2 NS"), (2078, 755.8016993, 272628, "H3 H3 H3 H3"), (2062, 825.9742848, 269656, "H3 H3 H3 H3"),
    (2061, 702.2972468, 294692, "NS NS H2 NS"), (2033, 785.6210132, 277710, "H3 H3 H3 H2"), (2033, 743.6763018, 259213, "H2 H2 H3 H3"),
    (2010, 781.8323058, 285516, "H3 H3 H2 NS"), (2004, 772.6781064, 269449, "H3 H3 H3 H3"), (2002, 652.3391553, 290888, "L3 L3 NS NS"),
    (1977, 648.4969973, 287112, "L3 L3 NS NS"), (1944, 727.5777428, 286492, "NS NS NS NS"), (1932, 625.6551186, 287012, "L3 L3 NS NS"),
    (1922, 688.5582424, 291277, "NS NS NS NS"), (1912, 662.4465438, 289859, "L2 L2 NS NS"), (1881, 627.1624732, 289653, "L3 L3 NS L2"),
    (1844, 657.1114147, 282519, "L2 L2 NS L2"), (1835, 724.8456714, 274220, "NS NS NS NS"), (1833, 659.7820553, 280271, "L2 L2 NS L2"),
    (1825, 654.7053631, 284206, "L3 L3 NS L2"), (1816, 624.4435507, 274508, "L3 L3 NS NS"), (1809, 646.7588823, 288384, "L3 L3 L2 L3"),
    (1798, 703.1689982, 287072, "NS NS L2 L3"), (1754, 567.9922764, 282744, "L3 L3 L3 L3"), (1746, 617.7750715, 289208, "L3 L3 L3 L3"),
    (1709, 610.8327232, 287736, "L3 L3 L3 L3"), (1694, 608.5089462, 296175, "L3 L3 L3 L3"), (1688, 662.3775859, 303255, "L2 L2 L3 L3"),
    (1649, 667.6454503, 285959, "L2 L2 L3 L3"), (1553, 604.1141693, 274661, "L3 L3 L3 L3"), (1332, 469.5645784, 281425, "L3 L3 L3 L3"),
    (0, float("nan"), 297820, "NA - L3 -"),  # no events: not in the "without 0" cases
]


@pytest.mark.parametrize("multiplier", [100, 100_000])
@pytest.mark.parametrize(
    ("rate_type", "with_zero", "column"),
    [("dsr", True, 0), ("dsr", False, 1), ("crude", True, 2), ("crude", False, 3)],
    ids=["dsr with 0", "dsr without 0", "crude with 0", "crude without 0"],
)
def test_rate_significance_matches_r(rate_type, with_zero, column, multiplier):
    # testFunnels.R, "Significance for rates calculates correctly; dsr per 100,000 with 0", "... crude
    # rate per 100 with 0", "... dsr per 100,000 without 0", "... dsr per 100 without 0", "... crude per
    # 100,000 with 0", "... crude per 100 with 0", "... crude per 100,000 without 0", "... crude per 100 without 0"
    table = pd.DataFrame(RATE_SIGNIFICANCE_AREAS, columns=["count", "rate_dsr", "pop", "labels"])
    if not with_zero:
        table = table[table["count"] != 0]
    per = table["rate_dsr"] * multiplier / 1e5 if rate_type == "dsr" else table["count"] / table["pop"] * multiplier
    found = assign_funnel_significance(table["count"], table["pop"], rate=per, statistic="rate", rate_type=rate_type, multiplier=multiplier)
    assert found.tolist() == [LABELS[codes.split()[column]] for codes in table["labels"]]


def test_dsrs_from_fewer_than_10_events_are_not_assessed():
    found = assign_funnel_significance([9, 10, 400], [1000, 1000, 1000], rate=[900, 1000, 40_000], statistic="rate", rate_type="dsr", multiplier=1e5)
    assert found[0] == "Not applicable for events less than 10 for dsrs"
    assert found[1] != found[0]
    crude = assign_funnel_significance([9, 10, 400], [1000, 1000, 1000], rate=[900, 1000, 40_000], statistic="rate", rate_type="crude", multiplier=1e5)
    assert "Not applicable for events less than 10 for dsrs" not in crude


# --- the axis -------------------------------------------------------------------------------------


def test_axis_rounds_as_r_prints_numbers():
    # Not from R's tests: R counts the characters of floor(0.95 x 129,473,685) = 123,000,000 as printed,
    # "1.23e+08" (8, not 9), so it rounds down to 8 digits less 1 and the axis starts at 120,000,000.
    found = compute_funnel_limits([1e8, 1.3e8], [129_473_685, 200_000_000], statistic="proportion", multiplier=100)
    assert found["Population"].iloc[0] == 120_000_000
    assert found["Population"].iloc[-1] == 210_000_000  # 1.05 x 200,000,000 rounded up to two digits
    assert found["Population"].is_monotonic_increasing


@pytest.mark.parametrize(("largest", "first"), [(2500, 1), (2001, 1), (2000, 900), (1900, 900)])
def test_axis_starts_at_1_only_when_denominators_span_more_than_a_factor_of_2(largest, first):
    # As R's calculate_funnel_limits: otherwise at 0.95 x the smallest rounded down to one digit
    found = compute_funnel_limits([500, 700], [1000, largest], statistic="proportion", multiplier=100)
    assert found["Population"].iloc[0] == first


# --- bad input ------------------------------------------------------------------------------------

PROPORTION = {"statistic": "proportion", "multiplier": 100}
RATE = {"statistic": "rate", "rate_type": "crude", "multiplier": 100, "years_of_data": 1}


@pytest.mark.parametrize(
    ("arguments", "code", "says", "in_significance"),
    [
        # testFunnels.R "incorrect statistic argument" and "... requires statistic to be passed"
        ({"numerator": [1, 2], "denominator": [10, 20], "statistic": "pop", "multiplier": 100}, "unknown-option", 'statistic to be one of "proportion", "rate", "ratio", found "pop"', True),
        ({"numerator": [1, 2], "denominator": [10, 20], "statistic": "ratio", "ratio_type": "smr"}, "unknown-option", 'ratio_type to be one of "count", "isr", found "smr"', False),
        ({"numerator": [1, 2], "rate": [10, 20], **RATE, "rate_type": "asr"}, "unknown-option", 'rate_type to be one of "dsr", "crude", found "asr"', True),
        # "... requires data, numerator, denominator and multiplier for proportions" / "... ratio_type ..."
        ({"numerator": [65, 80, 30], "statistic": "proportion", "multiplier": 100}, "missing-argument", "expected denominator values for funnel plots of proportions", True),
        ({"numerator": [1, 2], "denominator": [10, 20], "statistic": "proportion"}, "missing-argument", "expected multiplier for funnel plots of proportions", False),
        ({"numerator": [1, 2], "denominator": [10, 20], "statistic": "ratio"}, "missing-argument", "expected ratio_type for funnel plots of ratios", False),
        # "... requires data, numerator and denominator for rates" / "... required years_of_data when calculating rates"
        ({"numerator": [100, 100, 20], "statistic": "rate", "rate_type": "crude", "multiplier": 100, "years_of_data": 1}, "missing-argument", "expected rate values for funnel plots of rates", True),
        ({"numerator": [100, 100, 50], "rate": [50, 25, 15], "statistic": "rate", "rate_type": "crude", "multiplier": 100}, "missing-argument", "expected years_of_data for funnel plots of rates", False),
        ({"numerator": [100, 100, 50], "rate": [50, 25, 15], **RATE, "years_of_data": 0}, "bad-argument", "expected a positive years_of_data, found 0", False),
        # "... requires denominator where numerator has 0 value for rates"
        ({"numerator": [100, 100, 0], "rate": [50, 25, 0], **RATE, "rate_type": "dsr"}, "denominator-needed", "row 3: expected a denominator for areas with no events", True),
        # "... rates and proportions need input values for all records"
        ({"numerator": [100, np.nan, 20], "rate": [50, 25, 15], **RATE}, "missing-value", "row 2: expected events for every area (0 where there are none), found none", True),
        ({"numerator": [100, 0, 20], "denominator": [10, np.nan, 50], "rate": [50, np.nan, 15], **RATE}, "missing-value", "row 2: expected a denominator where there are no events", True),
        ({"numerator": [100, 0, 20], "denominator": [10, 0, 50], "rate": [50, np.nan, 15], **RATE}, "non-positive-denominator", "row 2: expected a positive denominator, found 0", True),
        ({"numerator": [100, 5, 20], "denominator": [10, 40, 50], "rate": [50, np.nan, 15], **RATE}, "non-positive-rate", "row 2: expected a positive rate where there are events, found nan", True),
        ({"numerator": [65, 80, np.nan], "denominator": [100, 100, 200], **PROPORTION}, "missing-value", "row 3: expected a numerator for every area", True),
        ({"numerator": [65, 80, 30], "denominator": [100, np.nan, 200], **PROPORTION}, "missing-value", "row 2: expected a denominator for every area", True),
        # "denominators must be greater than zero", "numerators must be greater than or equal to zero",
        # "numerators must be less than or equal to denominator for a proportion statistic"
        ({"numerator": [65, 80, 30], "denominator": [100, 100, 0], **PROPORTION}, "non-positive-denominator", "row 3: expected a positive denominator, found 0", True),
        ({"numerator": [65, -80, 30], "denominator": [100, 100, 200], **PROPORTION}, "negative-count", "row 2: expected a numerator of 0 or more, found -80", True),
        ({"numerator": [65, 80, 30], "denominator": [100, 100, 20], **PROPORTION}, "count-above-denominator", "row 3: expected a numerator no larger than the denominator, found 30", True),
        # not in R's tests
        ({"numerator": [0, 0], "rate": [0, 0], "denominator": [10, 20], **RATE}, "no-events", "expected events in at least one area", True),
        ({"numerator": [1, 2, 3], "denominator": [10, 20], **PROPORTION}, "mismatched-lengths", "expected 3 values, one per area as in the numerator, found 2", True),
        ({"numerator": [1, 2], "denominator": [10, np.inf], **PROPORTION}, "not-finite", "row 2: expected a finite number, found inf", True),
        ({"numerator": [1, 2], "denominator": [10, -1], "statistic": "ratio", "ratio_type": "isr"}, "non-positive-denominator", "row 2: expected positive expected events, found -1", False),
        ({"numerator": [], "denominator": [], **PROPORTION}, "no-areas", "expected at least one area for a funnel plot, found none", True),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(arguments, code, says, in_significance):
    with pytest.raises(DataError) as caught:
        compute_funnel_limits(**arguments)
    assert caught.value.code == code
    assert says in str(caught.value)
    if in_significance:  # the same inputs to the significance (which takes no years_of_data): the same error
        with pytest.raises(DataError) as again:
            assign_funnel_significance(**{k: v for k, v in arguments.items() if k != "years_of_data"})
        assert again.value.code == code
        assert says in str(again.value)


def test_significance_needs_what_it_uses():
    # testFunnels.R, "testing required arguments are provided to assign_funnel_significance for a
    # proportion statistic", "... input error for rate; missing rate multiplier", "... input error for statistic"
    with pytest.raises(DataError, match="expected denominator values for funnel plots of proportions"):
        assign_funnel_significance([65, 80, 30], statistic="proportion")
    with pytest.raises(DataError, match="expected multiplier for funnel plots of rates"):
        assign_funnel_significance([50, 100, 20], rate=[100, 142, 111], statistic="rate", rate_type="crude")
    with pytest.raises(DataError, match="expected rate_type for funnel plots of rates"):
        assign_funnel_significance([50, 100, 20], rate=[100, 142, 111], statistic="rate", multiplier=100)
    with pytest.raises(DataError, match="row 2: expected a number of expected events for every area"):
        assign_funnel_significance([5, 6], [1.0, np.nan], statistic="ratio")


def test_errors_name_the_area_when_given_labels():
    with pytest.raises(DataError, match="area E06000001: expected a positive denominator, found 0"):
        compute_funnel_limits([1], [0], statistic="proportion", multiplier=100, labels=["area E06000001"])
