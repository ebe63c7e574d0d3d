"""The table-level verdicts against real Fingertips downloads (../shared/fixtures/fingertips).

Findings, kept here so they are checked on every run:
- campylobacter (93356, low is good): Fingertips' "Compared to England" verdicts are the 95%
  interval against England's value for the same period, sex, age and category. The file holds
  750 Better/Similar/Worse verdicts (283/220/247) and 102 "Not compared" (England's own rows and
  the deprivation-decile rows, which have no intervals); all 852 are reproduced.
- campylobacter trends: three periods only, so every trend is "Cannot be calculated". The export
  writes it on the 182 rows of 2017 (the indicator's latest period); we also write it on the
  latest row of series that stop in 2016 (153 rows the export leaves blank).
- five a day (93077): no England row, so no verdict can be recomputed from the file alone. We
  check instead that one England value is consistent with all 307 verdicts under high-is-good,
  and that inserting any such value reproduces them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import read_fingertips_export

from generators.stats import agreement, compare_rows_to_benchmark, compute_trends, infer_polarity

JUDGED = {"Better", "Similar", "Worse"}


@pytest.fixture(scope="module")
def campylobacter(shared):
    return read_fingertips_export(shared / "fixtures" / "fingertips" / "campylobacter_county_ua_2015_2017.csv")


@pytest.fixture(scope="module")
def five_a_day(shared):
    return read_fingertips_export(shared / "fixtures" / "fingertips" / "five_a_day_ltla_2019_20.csv")


def test_export_reads_as_an_indicator_table(campylobacter):
    assert len(campylobacter) == 852
    assert campylobacter["indicator_name"].unique().tolist() == ["Campylobacter incidence rate/100,000"]


def test_campylobacter_verdicts_are_all_reproduced(campylobacter):
    ours = compare_rows_to_benchmark(campylobacter, {"93356": "low_is_good"}, level=95)
    judged = agreement(campylobacter, ours, "compared_to_england", only=JUDGED)
    assert (judged.checked, judged.agreed) == (750, 750), judged.disagreeing
    everything = agreement(campylobacter, ours, "compared_to_england")
    assert (everything.checked, everything.agreed) == (852, 852)


def test_campylobacter_polarity_is_inferred_as_low_is_good(campylobacter):
    assert infer_polarity(campylobacter) == {"93356": "low_is_good"}


def test_campylobacter_trends_cannot_be_calculated_from_three_periods(campylobacter):
    ours = compute_trends(campylobacter, {"93356": "low_is_good"})
    marked = agreement(campylobacter, ours, "recent_trend")
    assert (marked.checked, marked.agreed) == (182, 182)
    extra = (ours != "") & (campylobacter["recent_trend"] == "")
    assert extra.sum() == 153
    assert (campylobacter.loc[extra, "period"] != "2017").all()
    assert set(ours[ours != ""]) == {"Cannot be calculated"}


def test_five_a_day_has_no_benchmark_row_so_nothing_is_compared(five_a_day):
    ours = compare_rows_to_benchmark(five_a_day, {"93077": "high_is_good"})
    assert (ours == "Not compared").all()
    assert agreement(five_a_day, ours, "compared_to_england", only=JUDGED).agreed == 0


def test_five_a_day_polarity_is_inferred_from_the_order_of_better_and_worse(five_a_day):
    assert infer_polarity(five_a_day) == {"93077": "high_is_good"}


def test_five_a_day_verdicts_are_consistent_with_one_england_value(five_a_day):
    verdict = five_a_day["compared_to_england"]
    lower, upper = five_a_day["lower_ci_95"], five_a_day["upper_ci_95"]
    floor = max(upper[verdict == "Worse"].max(), lower[verdict == "Similar"].max())
    ceiling = min(lower[verdict == "Better"].min(), upper[verdict == "Similar"].min())
    assert floor < ceiling, "no single England value explains every verdict"
    england = five_a_day.iloc[[0]].assign(area_code="E92000001", value=(floor + ceiling) / 2)
    with_england = pd.concat([five_a_day, england], ignore_index=True)
    ours = compare_rows_to_benchmark(with_england, {"93077": "high_is_good"}).iloc[:-1]
    result = agreement(five_a_day, ours.set_axis(five_a_day.index), "compared_to_england", only=JUDGED)
    assert (result.checked, result.agreed) == (307, 307)
    print(f"England value consistent with the verdicts: {floor:.4f} to {ceiling:.4f}")
    assert np.isfinite(floor)
