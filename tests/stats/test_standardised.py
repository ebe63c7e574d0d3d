"""DSRs (Dobson, ESP2013) and ISRs against PHEindicatormethods' expected values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from oracle import PHE_LIMITS, assert_close, assert_estimates

from generators.errors import DataError
from generators.stats import (
    compute_dsr,
    compute_dsr_by_area,
    compute_isr,
    compute_isr_from_totals,
    compute_isr_rate,
    load_esp2013,
)


def by_area(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Areas x age bands, in file order."""
    return np.vstack([g[column].to_numpy() for _, g in frame.groupby("area", sort=False)])


def test_esp2013_in_the_repository_equals_the_shared_copy(phe):
    ours = load_esp2013()
    assert len(ours) == 19 and ours.sum() == 100_000
    assert_close(ours.to_numpy(), pd.read_csv(phe / "esp2013.csv")["esp2013"])
    assert ours.index[0] == "0-4" and ours.index[-1] == "90+"


@pytest.mark.parametrize(("rows", "multiplier"), [(slice(0, 3), 10_000), (slice(4, 7), 100_000)])
def test_dsr_matches_every_row(phe, rows, multiplier):
    data = pd.read_csv(phe / "dsr_isr__testdata_multiarea.csv")
    expected = pd.read_csv(phe / "dsr_isr__testresults_DSR.csv").iloc[rows]
    found = compute_dsr(by_area(data, "count"), by_area(data, "pop"), load_esp2013().to_numpy(), multiplier)
    assert_estimates(found, expected)
    assert found.value_note.tolist() == ["", "", "dsr NA for total count < 10"]


def test_dsr_inputs_with_esp2013_give_the_same_rates(phe):
    data = pd.read_csv(phe / "dsr_inputs_with_esp2013.csv")
    expected = pd.read_csv(phe / "dsr_isr__testresults_DSR.csv").iloc[4:7]
    assert_estimates(compute_dsr(by_area(data, "count"), by_area(data, "pop"), data["esp2013"][:19]), expected)


@pytest.mark.parametrize(("row", "multiplier"), [(3, 10_000), (7, 100_000)])
def test_dsr_with_the_1976_standard_matches_except_the_faulty_998_limits(phe, row, multiplier):
    data = pd.read_csv(phe / "dsr_isr__testdata_1976.csv")
    expected = pd.read_csv(phe / "dsr_isr__testresults_DSR.csv").iloc[[row]]
    found = compute_dsr(data["count"], data["pop"], data["esp1976"], multiplier).as_frame()
    assert_close(found[["value", "lower_ci_95", "upper_ci_95"]], expected[PHE_LIMITS[:3]])
    # README: the source sheet's 99.8% limits for this row are about ten times too large.
    assert_close(found[["lower_ci_998", "upper_ci_998"]] * 10, expected[PHE_LIMITS[3:]], rtol=1e-6)


def test_dsr_for_non_independent_events_matches_every_row(phe):
    data = pd.read_csv(phe / "dsr_nonindependent_inputs.csv")
    data = data.assign(events=data["freq"] * data["persons"], squares=data["freq"] ** 2 * data["persons"])
    banded = data.groupby(["area", "ageband"], sort=True).agg(pop=("pop", "first"), events=("events", "sum"), squares=("squares", "sum"))
    grid = banded.unstack("ageband")
    expected = pd.read_csv(phe / "dsr_isr__testresults_DSR.csv").iloc[8:12].set_index("area").loc[grid.index]
    found = compute_dsr(grid["events"], grid["pop"], load_esp2013().to_numpy(), squared_events=grid["squares"])
    assert_estimates(found, expected)
    assert_close(grid["events"].sum(axis=1), expected["total_count"])


def test_dsr_by_area_names_the_area_whose_bands_differ_from_the_standard(phe):
    data = pd.read_csv(phe / "dsr_isr__testdata_multiarea.csv").rename(columns={"ageband": "age_band", "pop": "denominator"})
    with pytest.raises(DataError, match=r"area testdata_big: .* missing 55-59; not in the standard 55-69") as caught:
        compute_dsr_by_area(data, area="area")
    assert caught.value.code == "mismatched-age-bands"
    fixed = data.assign(age_band=data["age_band"].replace("55-69", "55-59"))
    expected = pd.read_csv(phe / "dsr_isr__testresults_DSR.csv").iloc[4:7]
    assert_close(compute_dsr_by_area(fixed, area="area")["value"], expected["value"])


@pytest.mark.parametrize(
    ("name", "code", "says"),
    [
        ("err1", "negative-count", "age band 6: expected a count of 0 or more, found -26"),
        ("err3", "non-positive-population", "age band 2: expected a positive population, found -558"),
        ("err4", "negative-standard-population", "expected a standard population of 0 or more, found -6000"),
    ],
)
def test_bad_dsr_inputs_are_rejected(phe, name, code, says):
    data = pd.read_csv(phe / f"dsr_isr__testdata_{name}.csv")
    with pytest.raises(DataError, match=says) as caught:
        compute_dsr(data["count"], data["pop"], data["stdpop"], labels=["area testdata"])
    assert caught.value.code == code


def test_zero_population_is_rejected_naming_the_area(phe):
    data = pd.read_csv(phe / "dsr_isr__testdata_err2.csv")
    with pytest.raises(DataError, match="area Area1, age band 2: expected a positive population, found 0"):
        compute_dsr(by_area(data, "count"), by_area(data, "pop"), load_esp2013(), labels=["area Area1", "area Area2"])


def test_missing_standard_bands_are_rejected(phe):
    data = pd.read_csv(phe / "dsr_isr__testdata_multiarea.csv")
    with pytest.raises(DataError, match="18 standard bands") as caught:
        compute_dsr(by_area(data, "count"), by_area(data, "pop"), load_esp2013().to_numpy()[:18])
    assert caught.value.code == "mismatched-age-bands"


def isr_inputs(phe):
    data = pd.read_csv(phe / "dsr_isr__testdata_multiarea.csv")
    ref = pd.read_csv(phe / "dsr_isr__refdata.csv")
    return by_area(data, "count"), by_area(data, "pop"), ref["refcount"], ref["refpop"]


@pytest.mark.parametrize(
    ("rows", "compute", "multiplier"),
    [(slice(0, 3), compute_isr_rate, 100_000), (slice(3, 6), compute_isr_rate, 1000), (slice(6, 9), compute_isr, 1), (slice(9, 12), compute_isr, 100)],
)
def test_isr_from_age_bands_matches_every_row(phe, rows, compute, multiplier):
    expected = pd.read_csv(phe / "dsr_isr__testresults_ISR.csv").iloc[rows]
    assert_estimates(compute(*isr_inputs(phe), multiplier), expected)


def test_isr_from_observed_and_expected_totals_matches_every_row(phe):
    expected = pd.read_csv(phe / "dsr_isr__testresults_ISR.csv")
    ratio = expected["statistic"].str.contains("ratio")
    multiplier = np.where(ratio, expected["statistic"].str.extract(r"x (\d+)")[0].astype(float), 1.0)
    found = compute_isr_from_totals(expected["observed"], expected["expected"], 1).as_frame()
    scale = np.where(ratio, multiplier, expected["ref_rate"])
    for ours, theirs in zip(found.columns, PHE_LIMITS):
        known = expected[theirs].notna()  # rows 13-16 give no 99.8% limits
        assert_close((found[ours] * scale)[known], expected.loc[known, theirs])
