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
    compute_expected,
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


# Input checks (issue 14): one DataError naming the field, what was expected and what was found.


def esp_inputs(phe):
    """The three DSR test areas as areas x 19 bands, with the ESP2013 weights."""
    data = pd.read_csv(phe / "dsr_isr__testdata_multiarea.csv")
    return by_area(data, "count"), by_area(data, "pop"), load_esp2013().to_numpy()


@pytest.mark.parametrize("text", ["abc", "<5", "1,234", "*"])
def test_dsr_refuses_a_count_that_is_not_a_number_instead_of_counting_no_events(phe, text):
    count, pop, esp = esp_inputs(phe)
    count = count.astype(object)
    count[2, 4] = text  # testdata_tiny, band 5: before the fix it became 0 events, "dsr NA for total count < 10"
    with pytest.raises(DataError) as caught:
        compute_dsr(count, pop, esp, labels=["area big", "area small", "area tiny"])
    assert caught.value.code == "non-numeric-count"
    assert caught.value.place.column == "count"
    assert str(caught.value) == f'column "count": area tiny, age band 5: expected a count of 0 or more, found "{text}" [non-numeric-count]'


def test_dsr_still_takes_a_missing_count_as_no_events_as_r_does(phe):
    count, pop, esp = esp_inputs(phe)
    assert count[0, 3] > 0
    with_gap = count.astype(object)
    with_gap[0, 3] = None
    zeroed = count.copy()
    zeroed[0, 3] = 0
    found, expected = compute_dsr(with_gap, pop, esp), compute_dsr(zeroed, pop, esp)
    assert_close(found.as_frame()[["value", "lower_ci_95"]], expected.as_frame()[["value", "lower_ci_95"]])
    assert found.value[0] != compute_dsr(count, pop, esp).value[0]


def test_dsr_by_area_refuses_a_text_count_naming_the_area(phe):
    data = pd.read_csv(phe / "dsr_inputs_with_esp2013.csv").rename(columns={"ageband": "age_band", "pop": "denominator"})
    data = data.assign(age_band=load_esp2013().index.tolist() * 3, count=data["count"].astype(object))
    data.loc[data.index[-1], "count"] = "n/a"
    with pytest.raises(DataError, match=r'area testdata_tiny, age band 19: expected a count of 0 or more, found "n/a"') as caught:
        compute_dsr_by_area(data, area="area")
    assert caught.value.code == "non-numeric-count"


def test_dsr_by_area_totals_read_numbers_given_as_text(phe):
    data = pd.read_csv(phe / "dsr_inputs_with_esp2013.csv").rename(columns={"ageband": "age_band", "pop": "denominator"})
    data = data.assign(age_band=load_esp2013().index.tolist() * 3)
    as_text = data.assign(count=data["count"].map(lambda c: f" {c:g} "))
    found, expected = compute_dsr_by_area(as_text, area="area"), compute_dsr_by_area(data, area="area")
    pd.testing.assert_frame_equal(found, expected)


@pytest.mark.parametrize("multiplier", [-100_000, 0, "100000", np.nan])
def test_dsr_refuses_a_multiplier_that_is_not_a_positive_number(phe, multiplier):
    with pytest.raises(DataError, match="expected a positive multiplier, found") as caught:
        compute_dsr(*esp_inputs(phe), multiplier=multiplier)
    assert caught.value.code in {"non-positive-multiplier", "non-numeric-multiplier", "missing-multiplier"}


@pytest.mark.parametrize(
    ("change", "code", "says"),
    [
        ("pop_text", "non-numeric-population", 'area 2, age band 1: expected a positive population, found "many"'),
        ("pop_missing", "missing-population", "area 2, age band 1: expected a positive population, found no value"),
        ("standard_text", "non-numeric-standard-population", 'age band 1: expected a standard population of 0 or more, found "x"'),
        ("standard_missing", "missing-standard-population", "age band 1: expected a standard population of 0 or more, found no value"),
        ("count_infinite", "non-finite-count", "area 2, age band 1: expected a finite count of 0 or more, found inf"),
    ],
)
def test_dsr_refuses_populations_and_standards_that_are_not_numbers_or_missing(phe, change, code, says):
    count, pop, esp = (a.astype(object) for a in esp_inputs(phe))
    target, value = {"pop_text": (pop, "many"), "pop_missing": (pop, None), "count_infinite": (count, np.inf)}.get(change, (None, None))
    if target is not None:
        target[1, 0] = value
    else:
        esp[0] = "x" if change == "standard_text" else np.nan
    with pytest.raises(DataError, match=says) as caught:
        compute_dsr(count, pop, esp)
    assert caught.value.code == code


def test_dsr_names_every_bad_cell_in_one_error(phe):
    count, pop, esp = (a.astype(object) for a in esp_inputs(phe))
    count[0, 0], count[1, 2] = "abc", -3
    with pytest.raises(DataError) as caught:
        compute_dsr(count, pop, esp)
    assert [(e.code, e.message) for e in caught.value.errors] == [
        ("non-numeric-count", 'area 1, age band 1: expected a count of 0 or more, found "abc"'),
        ("negative-count", "area 2, age band 3: expected a count of 0 or more, found -3"),
    ]


def test_dsr_refuses_a_standard_with_no_weight(phe):
    count, pop, esp = esp_inputs(phe)
    with pytest.raises(DataError, match="found 0 in every band") as caught:
        compute_dsr(count, pop, np.zeros_like(esp))
    assert caught.value.code == "zero-standard-population"


def test_dsr_checks_squared_events_for_non_independent_events(phe):
    count, pop, esp = esp_inputs(phe)
    squares = count.astype(object)
    squares[0, 1] = -1
    with pytest.raises(DataError, match="area 1, age band 2: expected a sum of squared events per person of 0 or more, found -1") as caught:
        compute_dsr(count, pop, esp, squared_events=squares)
    assert caught.value.code == "negative-squared-events"
    with pytest.raises(DataError, match="19 count bands and 18 squared event bands") as caught:
        compute_dsr(count, pop, esp, squared_events=count[:, :18])
    assert caught.value.code == "mismatched-age-bands"


def test_mismatched_areas_are_named_as_areas_not_bands(phe):
    count, pop, esp = esp_inputs(phe)
    with pytest.raises(DataError, match="found 3 areas of counts and 2 areas of populations") as caught:
        compute_dsr(count, pop[:2], esp)
    assert caught.value.code == "mismatched-age-bands"


def err2_isr_inputs(phe):
    """testdata_err2: Area1 has no population in its second age band (and 25 events there)."""
    data = pd.read_csv(phe / "dsr_isr__testdata_err2.csv")
    ref = pd.read_csv(phe / "dsr_isr__refdata.csv")
    return by_area(data, "count"), by_area(data, "pop"), ref["refcount"], ref["refpop"]


@pytest.mark.parametrize(("rows", "compute", "multiplier"), [(slice(12, 14), compute_isr_rate, 100_000), (slice(14, 16), compute_isr, 100)])
def test_isr_with_a_zero_population_band_matches_r(phe, rows, compute, multiplier):
    count, pop, ref_count, ref_pop = err2_isr_inputs(phe)
    assert pop[0, 1] == 0 and count[0, 1] == 25
    expected = pd.read_csv(phe / "dsr_isr__testresults_ISR.csv").iloc[rows]  # R gives the 95% limits only
    found = compute(count, pop, ref_count, ref_pop, multiplier, labels=["area Area1", "area Area2"]).as_frame()
    assert_close(found[["value", "lower_ci_95", "upper_ci_95"]], expected[PHE_LIMITS[:3]])
    assert np.isfinite(found[["lower_ci_998", "upper_ci_998"]].to_numpy()).all()


def test_isr_expected_events_leave_out_a_zero_population_band(phe):
    _, pop, ref_count, ref_pop = err2_isr_inputs(phe)
    expected = pd.read_csv(phe / "dsr_isr__testresults_ISR.csv").iloc[12:14]
    assert_close(compute_expected(pop, ref_count, ref_pop), expected["expected"])


def test_isr_refuses_a_negative_population_as_r_does(phe):
    data = pd.read_csv(phe / "dsr_isr__testdata_err3.csv")
    ref = pd.read_csv(phe / "dsr_isr__refdata.csv")
    with pytest.raises(DataError, match="area testdata, age band 2: expected a population of 0 or more, found -558") as caught:
        compute_isr(data["count"], data["pop"], ref["refcount"], ref["refpop"], labels=["area testdata"])
    assert caught.value.code == "negative-population"


def test_isr_refuses_an_area_with_no_expected_events(phe):
    count, pop, ref_count, ref_pop = err2_isr_inputs(phe)
    pop = pop.copy()
    pop[1] = 0  # R would return an infinite ratio for Area2
    with pytest.raises(DataError, match="area Area2: expected a positive number of expected events, found 0") as caught:
        compute_isr(count, pop, ref_count, ref_pop, labels=["area Area1", "area Area2"])
    assert caught.value.code == "non-positive-expected"


def test_isr_takes_a_missing_reference_count_as_none_as_r_does(phe):
    count, pop, ref_count, ref_pop = isr_inputs(phe)
    assert ref_count[2] == 0
    expected = pd.read_csv(phe / "dsr_isr__testresults_ISR.csv").iloc[9:12]
    assert_estimates(compute_isr(count, pop, ref_count.replace(0, np.nan), ref_pop, 100), expected)


@pytest.mark.parametrize(
    ("part", "value", "code", "says"),
    [
        ("count", "ten", "non-numeric-count", 'area 1, age band 4: expected a count of 0 or more, found "ten"'),
        ("pop", "lots", "non-numeric-population", 'area 1, age band 4: expected a population of 0 or more, found "lots"'),
        ("pop", None, "missing-population", "area 1, age band 4: expected a population of 0 or more, found no value"),
        ("ref_count", -5, "negative-reference-count", "age band 4: expected a reference count of 0 or more, found -5"),
        ("ref_count", "?", "non-numeric-reference-count", 'age band 4: expected a reference count of 0 or more, found "?"'),
        ("ref_pop", 0, "non-positive-reference-population", "age band 4: expected a positive reference population, found 0"),
        ("ref_pop", "x", "non-numeric-reference-population", 'age band 4: expected a positive reference population, found "x"'),
    ],
)
def test_isr_refuses_inputs_that_are_not_numbers_or_out_of_range(phe, part, value, code, says):
    count, pop, ref_count, ref_pop = isr_inputs(phe)
    inputs = {"count": count.astype(object), "pop": pop.astype(object), "ref_count": ref_count.astype(object), "ref_pop": ref_pop.astype(object)}
    if part in ("count", "pop"):
        inputs[part][0, 3] = value
    else:
        inputs[part][3] = value
    for compute in (compute_isr, compute_isr_rate):
        with pytest.raises(DataError, match=says) as caught:
            compute(inputs["count"], inputs["pop"], inputs["ref_count"], inputs["ref_pop"])
        assert caught.value.code == code


@pytest.mark.parametrize("compute", [compute_isr, compute_isr_rate])
@pytest.mark.parametrize("multiplier", [-100, 0])
def test_isr_refuses_a_multiplier_of_zero_or_less(phe, compute, multiplier):
    with pytest.raises(DataError, match=f"expected a positive multiplier, found {multiplier}") as caught:
        compute(*isr_inputs(phe), multiplier)
    assert caught.value.code == "non-positive-multiplier"


@pytest.mark.parametrize(
    ("observed", "expected", "multiplier", "code", "says"),
    [
        ([-1], [10.0], 100, "negative-observed", "area E06000001: expected an observed count of 0 or more, found -1"),
        (["9"], ["abc"], 100, "non-numeric-expected", 'area E06000001: expected a positive number of expected events, found "abc"'),
        ([9], [0.0], 100, "non-positive-expected", "area E06000001: expected a positive number of expected events, found 0"),
        ([9], [10.0], -1, "non-positive-multiplier", "expected a positive multiplier, found -1"),
    ],
)
def test_isr_from_totals_refuses_bad_totals(observed, expected, multiplier, code, says):
    with pytest.raises(DataError, match=says) as caught:
        compute_isr_from_totals(observed, expected, multiplier, labels=["area E06000001"])
    assert caught.value.code == code
