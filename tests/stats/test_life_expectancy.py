"""Life expectancy (Chiang II, Silcocks) against PHEindicatormethods' expected values and the rules of
its `phe_life_expectancy` (tests/testthat/testLifeExpectancy.R): the whole-table 5,000 person-years
rule, the value alone withheld when the 95% interval is wider than 20 years, the 20 bands to 90+,
text age labels in any order, and clear errors for tables the method cannot use."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from generators.errors import DataError
from generators.stats import compute_life_expectancy
from generators.stats.life_expectancy import (
    NO_SURVIVORS_NOTE,
    SMALL_TABLE_NOTE,
    STANDARD_START_AGES,
    WIDE_INTERVAL_NOTE,
    parse_start_age,
)

AGES = list(STANDARD_START_AGES)
TEXT_BANDS = ["0", "1-4", *(f"{a} – {a + 4}" for a in range(5, 90, 5)), "90 +"]
"""R's test `df3` labels: an en dash in the five-year bands, '90 +' for the open band."""

# testLifeExpectancy.R, df_widecis_plus, "Area 2": small populations, so the interval is wider than
# 20 years from age 40; answer_widecis holds R's value and 95% limits (4 decimal places).
WIDE_POPS = [270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311]
WIDE_DEATHS = [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1]
WIDE_VALUES = [19.22914685, 19.44120610, 18.33467808, 14.67659995, 11.81284556, 11.63815414, 10.05641628, 9.93152356, 11.95846561]
WIDE_LOWER = [16.43900644, 16.53437505, 15.62922550, 12.08108630, 9.21823373, 8.68414661, 6.54020385, 4.71570153, 2.37762283,
              -1.60695210, -10.33328815, -17.16409724, -26.91715103, -45.04820928, -76.27067271, -137.12203187, -195.39453664,
              -242.37480291, -266.74198466, -298.54880400]  # fmt: skip
WIDE_UPPER = [22.01928726, 22.34803716, 21.04013066, 17.27211361, 14.40745738, 14.59216167, 13.57262872, 15.14734559, 21.53930839,
              50.29765396, 97.99598549, 107.54413263, 128.91238524, 181.91668353, 278.06441642, 472.32822039, 649.40455756,
              783.50845564, 841.04259816, 920.54880400]  # fmt: skip
# testLifeExpectancy.R, df_low_pops: 2,883 person-years in all.
LOW_POPS = [128, 152, 120, 176, 194, 180, 145, 149, 107, 185, 165, 109, 100, 122, 133, 189, 123, 121, 147, 138]
LOW_DEATHS = [58, 93, 78, 94, 59, 71, 80, 73, 69, 72, 91, 69, 78, 71, 54, 91, 82, 53, 50, 84]


@pytest.fixture
def table(phe) -> pd.DataFrame:
    """R's df1: the standard life table with the expected life expectancy and 95% limits at every start age."""
    return pd.read_csv(phe / "life_expectancy_expected.csv")


def assert_matches_expected(found: pd.DataFrame, table: pd.DataFrame) -> None:
    """Value and 95% limits equal to 4 decimal places, as testLifeExpectancy.R compares them."""
    for ours, theirs in (("value", "expected_value"), ("lower_ci_95", "expected_lowercl"), ("upper_ci_95", "expected_uppercl")):
        np.testing.assert_array_equal(found[ours].round(4).to_numpy(), table[theirs].round(4).to_numpy(), err_msg=ours)


def test_matches_every_start_age_to_4_decimal_places(table):
    found = compute_life_expectancy(table["startage"], table["pops"], table["deaths"]).as_frame()
    assert_matches_expected(found, table)
    assert (found["value_note"] == "").all()
    assert (found["lower_ci_998"] < found["lower_ci_95"]).all() and (found["upper_ci_998"] > found["upper_ci_95"]).all()


def test_bands_in_any_order_give_each_row_its_own_value(table):
    # R's df2 (65-69 moved to the end) and a full shuffle; results stay with their input rows.
    moved = table.iloc[[*range(14), *range(15, 20), 14]]
    shuffled = table.sample(frac=1, random_state=3)
    for data in (moved, shuffled):
        found = compute_life_expectancy(data["startage"], data["pops"], data["deaths"]).as_frame()
        assert_matches_expected(found, data)


def test_text_age_labels_in_any_order(table):
    # R's df3: '0', '1-4', '10 – 14' (en dash), '90 +', with 70-74 last.
    labelled = table.assign(band=TEXT_BANDS).iloc[[*range(14), *range(15, 20), 14]]
    found = compute_life_expectancy(labelled["band"], labelled["pops"], labelled["deaths"]).as_frame()
    assert_matches_expected(found, labelled)
    hyphens = ["0", "1-4", *(f"{a}-{a + 4}" for a in range(5, 90, 5)), "90+"]
    found = compute_life_expectancy(hyphens[::-1], table["pops"][::-1], table["deaths"][::-1]).as_frame()
    assert_matches_expected(found, table[::-1])


@pytest.mark.parametrize(
    ("label", "start"),
    [
        ("10 – 14", 10),
        ("10-14", 10),
        ("10 - 14", 10),
        ("90+", 90),
        ("90 +", 90),
        ("1-4 yrs", 1),
        ("<1", 0),
        ("Under 1", 0),
        (5, 5),
        (5.0, 5),
        ("x", None),
        (4.5, None),
        (None, None),
    ],
)
def test_start_ages_are_read_from_labels(label, start):
    assert parse_start_age(label) == start


def test_the_5000_person_years_rule_applies_to_the_whole_table(table):
    # 39,398 person-years in all, but under 5,000 from age 80 up: every age has a value (R's rule,
    # not the population from each start age upward).
    pops, deaths = table["pops"] / 20, table["deaths"] / 20
    assert pops.sum() > 5000 and pops[table["startage"] >= 80].sum() < 5000
    found = compute_life_expectancy(table["startage"], pops, deaths)
    assert not np.isnan(found.value).any() and set(found.value_note) == {""}


@pytest.mark.parametrize(("total", "withheld"), [(5000, True), (5001, False)])
def test_a_table_of_5000_person_years_or_fewer_has_no_values(table, total, withheld):
    scale = total / table["pops"].sum()
    found = compute_life_expectancy(table["startage"], table["pops"] * scale, table["deaths"] * scale).as_frame()
    assert bool(found.drop(columns="value_note").isna().all().all()) is withheld
    assert bool((found["value_note"] == SMALL_TABLE_NOTE).all()) is withheld
    if not withheld:
        assert found[["lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998"]].notna().all().all()


def test_r_low_population_table_is_withheld_entirely():
    found = compute_life_expectancy(AGES, LOW_POPS, LOW_DEATHS).as_frame()
    assert sum(LOW_POPS) <= 5000
    assert found.drop(columns="value_note").isna().all().all() and (found["value_note"] == SMALL_TABLE_NOTE).all()


def test_a_95_interval_wider_than_20_years_withholds_the_value_and_keeps_the_limits():
    found = compute_life_expectancy(AGES, WIDE_POPS, WIDE_DEATHS).as_frame()
    shown = len(WIDE_VALUES)
    np.testing.assert_array_equal(found["value"][:shown].round(4), np.round(WIDE_VALUES, 4))
    assert found["value"][shown:].isna().all()
    np.testing.assert_array_equal(found["lower_ci_95"].round(4), np.round(WIDE_LOWER, 4))
    np.testing.assert_array_equal(found["upper_ci_95"].round(4), np.round(WIDE_UPPER, 4))
    assert found[["lower_ci_998", "upper_ci_998"]].notna().all().all()
    assert (found["upper_ci_95"] - found["lower_ci_95"] > 20).tolist() == [False] * shown + [True] * (20 - shown)
    assert found["value_note"].tolist() == [""] * shown + [WIDE_INTERVAL_NOTE] * (20 - shown)


def test_after_a_band_where_everyone_dies_later_ages_have_no_value(table):
    # 20,000 deaths in 37,978 person-years at 65-69: n a M = 1.3 > 1, so everyone in the table dies there (q = 1).
    deaths = table["deaths"].where(table["startage"] != 65, 20_000)
    pops = table["pops"]
    found = compute_life_expectancy(table["startage"], pops, deaths).as_frame()
    later = table["startage"] > 65
    assert found["value"][~later].notna().all() and found["value"][later].isna().all()
    assert found[["lower_ci_95", "upper_ci_95"]][later].isna().all().all()
    assert (found["value_note"][later] == NO_SURVIVORS_NOTE).all()


def test_deaths_above_the_population_are_rejected(table):
    # R's df_deaths_greater_pops: 1,936 deaths in 119 person-years at 85-89.
    pops = table["pops"].where(table["startage"] != 85, 119)
    with pytest.raises(DataError, match=r'column "deaths": age band 85-89: expected deaths no more than the band\'s population \(119\), found 1936') as caught:
        compute_life_expectancy(table["startage"], pops, table["deaths"])
    assert caught.value.code == "deaths-above-population"
    with pytest.raises(DataError, match=r"age band 90\+: expected deaths no more than the band's population \(311\), found 312"):
        compute_life_expectancy(AGES, WIDE_POPS, [*WIDE_DEATHS[:-1], 312])  # R's df_widecis_plus, "Area 1"


def test_negative_deaths_and_populations_are_rejected(table):
    deaths = table["deaths"].where(table["startage"] != 10, -5)  # R's df_neg_deaths
    with pytest.raises(DataError, match=r'column "deaths": age band 10-14: expected deaths of 0 or more, found -5') as caught:
        compute_life_expectancy(table["startage"], table["pops"], deaths)
    assert caught.value.code == "negative-deaths"
    for bad in (0, -10):  # R's df_zero_pop and the grouped test's negative population
        pops = table["pops"].where(table["startage"] != 20, bad)
        with pytest.raises(DataError, match=rf'column "population": age band 20-24: expected a positive population, found {bad}'):
            compute_life_expectancy(table["startage"], pops, table["deaths"])


def test_every_problem_is_reported_together_with_the_callers_labels(table):
    deaths = table["deaths"].where(table["startage"] != 10, -5)
    pops = table["pops"].where(table["startage"] != 20, 0)
    labels = [f"Hartlepool, 2021-23, ages {band}" for band in TEXT_BANDS]
    with pytest.raises(DataError) as caught:
        compute_life_expectancy(table["startage"], pops, deaths, labels=labels)
    assert [e.code for e in caught.value.errors] == ["negative-deaths", "non-positive-population"]  # type: ignore[attr-defined]
    assert "Hartlepool, 2021-23, ages 10 – 14: expected deaths of 0 or more, found -5" in str(caught.value)


def test_a_table_without_the_90_plus_band_is_rejected(table):
    short = table[table["startage"] < 90]  # R's df_missing_age
    with pytest.raises(DataError, match=r'column "start_ages": expected the 20 age bands 0, 1-4, .* and 90\+, found none for 90\+') as caught:
        compute_life_expectancy(short["startage"], short["pops"], short["deaths"])
    assert caught.value.code == "missing-age-band"


def test_other_band_structures_are_rejected(table):
    with pytest.raises(DataError, match=r"age band 95-99: expected one of the 20 age bands .*, found a band starting at 95"):
        compute_life_expectancy([*AGES, "95-99"], [*table["pops"], 500], [*table["deaths"], 100])
    with pytest.raises(DataError, match=r"expected one row for the age band 10-14, found 2: age band 10 – 14 \(row 4\), age band 10-14 \(row 21\)"):
        compute_life_expectancy([*TEXT_BANDS, "10-14"], [*table["pops"], 500], [*table["deaths"], 1])
    with pytest.raises(DataError, match=r"expected an age band such as 0, 1-4, 10 – 14 or 90\+, found 'all ages'"):
        compute_life_expectancy([*TEXT_BANDS[:-1], "all ages"], table["pops"], table["deaths"])
    with pytest.raises(DataError, match=r"found none for 85-89, 90\+"):
        compute_life_expectancy(AGES[:-2], table["pops"][:-2], table["deaths"][:-2])


def test_the_final_band_needs_a_death_and_every_band_numbers(table):
    with pytest.raises(DataError, match=r"age band 90\+: expected at least one death in the open final band \(90\+\), found 0"):
        compute_life_expectancy(table["startage"], table["pops"], table["deaths"].where(table["startage"] != 90, 0))
    with pytest.raises(DataError, match=r'column "population": age band 5-9: expected a positive population, found no number'):
        compute_life_expectancy(table["startage"], table["pops"].where(table["startage"] != 5), table["deaths"])


def test_inputs_of_different_lengths_are_a_value_error(table):
    with pytest.raises(ValueError, match="expected one value per age band in each, found 20 start ages, 19 populations, 20 deaths"):
        compute_life_expectancy(table["startage"], table["pops"][:19], table["deaths"])
