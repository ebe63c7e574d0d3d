"""Local counts by age band in, published indicators out (`local_counts:`): a build from the three
PHEindicatormethods DSR test areas publishes their published DSRs and limits; the other methods
(crude rate, proportion, indirectly standardised ratio, life expectancy) run from the same format;
bad cells and a missing method are named."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from generators.config import load_config
from generators.errors import DataError
from generators.pipeline import generate

HEADER = "area_code,area_name,indicator_id,period,sex,age_band,events,population,standard_population"


def jsna(folder: Path, counts: list[str], metadata: str) -> Path:
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "counts.csv").write_text("\n".join([HEADER, *counts]) + "\n", encoding="utf-8")
    (folder / "data" / "indicators.yml").write_text(metadata, encoding="utf-8")
    (folder / "jsna.yml").write_text('title: "Counts"\nlocal_counts: [data/counts.csv]\nindicators: data/indicators.yml\nchapters: ["Living well"]\n', encoding="utf-8")
    return folder / "jsna.yml"


def published(build: Path) -> dict[str, dict[str, str]]:
    with (build / "docs" / "downloads" / "jsna-data.csv").open(encoding="utf-8-sig", newline="") as file:
        return {row["area_code"]: row for row in csv.DictReader(file)}


DSR = "indicators:\n- id: D1\n  name: Deaths (directly standardised)\n  unit: per 100,000\n  value_type: directly standardised rate\n  polarity: low_is_good\n  chapter: Living well\n"


def test_a_build_from_age_banded_counts_publishes_the_published_dsrs_and_limits(shared: Path, tmp_path: Path) -> None:
    source = shared / "fixtures" / "phe-methods"
    with (source / "dsr_inputs_with_esp2013.csv").open(encoding="utf-8") as file:
        counts = [f"{r['area']},{r['area']},D1,2022,Persons,{r['ageband']},{r['count']},{r['pop']},{r['esp2013']}" for r in csv.DictReader(file)]
    config = load_config(jsna(tmp_path / "jsna", counts, DSR))
    generate(config, tmp_path / "jsna", tmp_path / "build")
    rows = published(tmp_path / "build")
    with (source / "dsr_isr__testresults_DSR.csv").open(encoding="utf-8") as file:
        expected = [r for r in csv.DictReader(file) if r["statistic"] in ("dsr per 100000", "dsr NA for total count < 10") and r["method"] == "Dobson" and r["area"] in rows]
    assert {r["area"] for r in expected} == {"testdata_big", "testdata_small", "testdata_tiny"}
    for want in expected:
        got = rows[want["area"]]
        if want["value"]:
            assert float(got["count"]) == float(want["total_count"]) and float(got["denominator"]) == float(want["total_pop"])
            for ours, theirs in (("value", "value"), ("lower_ci_95", "lower95_0cl"), ("upper_ci_95", "upper95_0cl"), ("lower_ci_998", "lower99_8cl"), ("upper_ci_998", "upper99_8cl")):
                assert float(got[ours]) == pytest.approx(float(want[theirs]), rel=1e-9), (want["area"], ours)
        else:  # a total count under 10: no value (and, withheld, no count), with the method's note
            assert got["value"] == "" and got["status"] == "no_data" and "10" in got["value_note"]
    page = (tmp_path / "build" / "docs" / "areas" / "testdata-big" / "living-well" / "index.md").read_text(encoding="utf-8")
    assert "**10,430.2 per 100,000**" in page
    assert "Directly standardised rate (Dobson limits)" in (tmp_path / "build" / "docs" / "build-report" / "index.md").read_text(encoding="utf-8")


def bands(area: str, indicator: str, deaths: list[float], people: list[float]) -> list[str]:
    starts = ["0", "1-4", *(f"{a}-{a + 4}" for a in range(5, 90, 5)), "90+"]
    return [f"{area},{area},{indicator},2022,Persons,{band},{d},{p}," for band, d, p in zip(starts, deaths, people)]


def test_the_other_methods_run_from_the_same_format(tmp_path: Path) -> None:
    metadata = """indicators:
- {id: C1, name: Admissions, unit: "per 100,000", value_type: crude rate, polarity: low_is_good, chapter: Living well}
- {id: P1, name: Smokers, unit: "%", value_type: proportion, polarity: low_is_good, chapter: Living well}
- {id: R1, name: Deaths ratio, unit: ratio, value_type: indirectly standardised ratio, polarity: low_is_good, chapter: Living well}
- {id: L1, name: Life expectancy, unit: years, value_type: life expectancy, polarity: high_is_good, chapter: Living well}
"""
    people = [5000.0, 20000.0, *([30000.0] * 17), 4000.0]
    deaths = [20.0, 4.0, *(2.0 * 1.35 ** i for i in range(17)), 900.0]
    rows = bands("E92000001", "R1", deaths, people) + bands("E06000001", "R1", [d * 1.2 for d in deaths], people)
    rows += bands("E06000001", "L1", deaths, people)
    rows += ["E06000001,Hartlepool,C1,2022,Persons,all,150,90000,", "E06000001,Hartlepool,P1,2022,Persons,18+,180,1000,"]
    config = load_config(jsna(tmp_path / "jsna", rows, metadata))
    generate(config, tmp_path / "jsna", tmp_path / "build")
    with (tmp_path / "build" / "docs" / "downloads" / "jsna-data.csv").open(encoding="utf-8-sig", newline="") as file:
        got = {(r["area_code"], r["indicator_id"]): r for r in csv.DictReader(file)}
    assert float(got[("E06000001", "C1")]["value"]) == pytest.approx(150 / 90000 * 100000)
    assert float(got[("E06000001", "P1")]["value"]) == pytest.approx(18.0)
    assert float(got[("E06000001", "R1")]["value"]) == pytest.approx(120.0)  # 1.2 times the benchmark's rates
    assert float(got[("E92000001", "R1")]["value"]) == pytest.approx(100.0)
    expectancy = float(got[("E06000001", "L1")]["value"])
    assert 60 < expectancy < 95 and not math.isnan(float(got[("E06000001", "L1")]["lower_ci_95"]))


def test_a_bad_count_and_a_missing_method_are_named(tmp_path: Path) -> None:
    config = load_config(jsna(tmp_path / "a", ["E06000001,Hartlepool,C1,2022,Persons,all,many,90000,"], "indicators: []\n"))
    with pytest.raises(DataError) as found:
        generate(config, tmp_path / "a", tmp_path / "build-a")
    assert "counts.csv" in str(found.value) and "events" in str(found.value) and "many" in str(found.value)
    config = load_config(jsna(tmp_path / "b", ["E06000001,Hartlepool,C1,2022,Persons,all,15,90000,"], "indicators: []\n"))
    with pytest.raises(DataError) as found:
        generate(config, tmp_path / "b", tmp_path / "build-b")
    assert found.value.code == "counts-method" and "value_type" in str(found.value)
