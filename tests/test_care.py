"""Social care beside health: adult social care (ASCOF) and Better Care Fund measures come in as a tidy
local CSV with metadata in indicators.yml and make the "Care and support" chapter; in the demonstration,
the board's pages sit beside it (priorities, partners' views, summaries)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.load.exports import read_tidy_file
from generators.load.metadata import load_indicators

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
CARE = DEMO / "local" / "care-and-support.csv"
UPPER = {"E92000001", "E12000008", "E10000032"}
ASCOF = {"ASCOF-1A", "ASCOF-1B", "ASCOF-2A2", "ASCOF-2B1"}
BCF = {"BCF-ACSC", "BCF-DISCHARGE"}


@pytest.fixture(scope="module")
def rows():
    return read_tidy_file(CARE)


def test_the_care_measures_are_read_as_the_tidy_local_format(rows) -> None:
    assert set(rows["indicator_id"]) == ASCOF | BCF
    assert set(rows["period"]) == {"2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"}
    assert rows["value"].notna().all()


def test_ascof_is_for_upper_tier_councils_and_the_unplanned_admissions_measure_for_districts_too(rows) -> None:
    areas = rows.groupby("indicator_id")["area_code"].agg(set)
    assert all(areas[i] == UPPER for i in ASCOF | {"BCF-DISCHARGE"})
    assert len(areas["BCF-ACSC"]) == 10 and areas["BCF-ACSC"] > UPPER


def test_the_survey_measures_have_no_year_the_survey_was_not_run(rows) -> None:
    periods = rows.groupby("indicator_id")["period"].agg(set)
    assert "2020/21" not in periods["ASCOF-1A"] | periods["ASCOF-1B"]
    assert "2020/21" in periods["ASCOF-2A2"]


def test_each_measure_has_its_unit_polarity_source_and_chapter() -> None:
    metadata = load_indicators(DEMO / "indicators.yml")
    for indicator_id in ASCOF | BCF:
        m = metadata[indicator_id]
        assert m.unit and m.polarity in ("high_is_good", "low_is_good") and m.chapter == "Care and support"
        assert m.source.startswith("NHS England, ") and m.source.endswith("(made-up values)")
    assert metadata["ASCOF-1A"].name == "Social care-related quality of life score (ASCOF 1A)"
    assert (metadata["ASCOF-2A2"].unit, metadata["ASCOF-2A2"].value_type) == ("per 100,000", "crude rate")


def test_the_care_and_support_chapter_is_built_for_the_county_and_its_districts(demo_site: Path) -> None:
    county = (demo_site / "areas/west-sussex/care-and-support/index.html").read_text(encoding="utf-8")
    for anchor in ("social-care-quality-of-life", "control-over-daily-life", "care-home-admissions-65", "at-home-91-days-after-reablement", "unplanned-admissions-for-chronic-conditions"):
        assert f'id="{anchor}"' in county
    assert "NHS England, Adult Social Care Outcomes Framework (ASCOF)" in county
    district = (demo_site / "areas/crawley/care-and-support/index.html").read_text(encoding="utf-8")
    assert 'id="unplanned-admissions-for-chronic-conditions"' in district and 'id="care-home-admissions-65"' not in district


def test_the_demonstration_has_the_boards_pages(demo_site: Path) -> None:
    priorities = (demo_site / "priorities/index.html").read_text(encoding="utf-8")
    assert 'id="ageing-well-at-home-west-sussex"' in priorities and "Care home admissions 65+" in priorities
    partners = (demo_site / "partners/index.html").read_text(encoding="utf-8")
    assert all(name in partners for name in ("Healthwatch West Sussex", "NHS Sussex ICB", "Voluntary and community sector alliance", "director of public health"))
    care = (demo_site / "areas/west-sussex/care-and-support/index.html").read_text(encoding="utf-8")
    assert "From Healthwatch West Sussex (local Healthwatch), 12 October 2026" in care and "From NHS Sussex ICB (integrated care board), 3 November 2026" in care
    overview = (demo_site / "areas/west-sussex/index.html").read_text(encoding="utf-8")
    assert "(board priority: Ageing well at home)" in overview.split('id="key-messages"')[1].split("</ul>")[0]
    assert all((demo_site / "areas" / area / "summary" / "index.html").is_file() for area in ("west-sussex", "adur", "worthing"))
