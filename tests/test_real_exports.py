"""Every real Fingertips download in ../shared/fixtures/fingertips-real/, as officers hold them
(Compare areas tab, all-areas downloads, R re-saves, renamed headers, MSOAs, GP trends), builds:
alone and all together, with no row rejected, Fingertips' verdicts reproduced and its trends kept
where the file cannot support them, and nothing of Fingertips' HTML on any page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generators.config import config_for_folder
from generators.load import load_inputs
from generators.load.metadata import load_indicators
from generators.pipeline import generate
from generators.stats import assess
from generators.tidy import tidy_rows

REAL = "fixtures/fingertips-real"


@pytest.fixture(scope="module")
def built(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The MkDocs project generated from every real file at once."""
    build = tmp_path_factory.mktemp("real") / "build"
    generate(config_for_folder(shared / REAL), Path(__file__).resolve().parents[1], build)
    return build


def test_each_file_alone_reads_every_row_and_rejects_none(shared: Path) -> None:
    for path in sorted((shared / REAL).glob("*.csv")):
        config = config_for_folder(path)
        loaded = load_inputs([path], [])
        tidied, _ = assess(tidy_rows(loaded.table, config, load_indicators(None), set()), config)
        assert len(tidied.set_aside) == 0, (path.name, tidied.set_aside[:3])
        assert len(tidied.table) == loaded.rows_by_file[0][1], path.name


def test_all_together_reject_nothing_and_reproduce_fingertips(built: Path) -> None:
    report = json.loads((built / "docs" / "build-report.json").read_text(encoding="utf-8"))
    assert report["rows"]["rejected"] == 0 and report["rows"]["read"] == 6760
    verdicts = report["verdicts"]
    assert verdicts["checked"] > 5000 and verdicts["agreed"] / verdicts["checked"] >= 0.995
    assert {b["category_type"] for b in report["breakdowns"]} >= {"Ethnic groups", "Working status"}


def test_a_trend_the_file_cannot_support_is_fingertips_own(built: Path) -> None:
    report = json.loads((built / "docs" / "build-report.json").read_text(encoding="utf-8"))
    injuries = next(t for t in report["trend_sources"] if t["id"] == "90284")
    assert injuries["carried"] == 147 and injuries["disagreed"] == 0
    hackney = (built / "docs" / "areas" / "hackney").rglob("index.md")
    text = "\n".join(p.read_text(encoding="utf-8") for p in hackney)
    assert "Recent trend, as Fingertips gives it (from years before those in this data): Decreasing and getting better." in text
    assert "Cannot be calculated" not in text


def test_no_html_from_fingertips_reaches_a_page_or_a_download(built: Path) -> None:
    for path in (built / "docs").rglob("*"):
        if path.suffix in (".md", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert "tooltipValueNote" not in text and 'class="no-data"' not in text and 'class=&#34;no-data' not in text, path
            assert "&#60;span" not in text and "&#60;div" not in text, path
    notes = (built / "docs" / "downloads" / "jsna-data.csv").read_text(encoding="utf-8")
    assert "* Value for Cornwall and Isles of Scilly combined" in notes


def test_values_carry_their_units(built: Path) -> None:
    text = (built / "docs" / "areas" / "cornwall").rglob("index.md")
    assert "per 10,000" in "\n".join(p.read_text(encoding="utf-8") for p in text)


def test_names_come_from_the_data_never_from_file_names(built: Path) -> None:
    mkdocs = (built / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: Health and wellbeing in" in mkdocs
    topics = {p.name for p in (built / "docs" / "topics").iterdir() if p.is_dir()}
    assert not any(re.search(r"compare|csv|resaved|renamed|utla|ltla", t) for t in topics), topics
    areas = (built / "docs" / "areas" / "index.md").read_text(encoding="utf-8")
    assert "## Counties and unitary authorities" in areas and "## GP practices" in areas and "MSOAs (neighbourhoods)" in areas
    assert "Upper tier local authorities (post 4/23)" not in areas


def test_no_empty_chapter_page_and_no_absolute_path(built: Path) -> None:
    for page in (built / "docs" / "areas").rglob("index.md"):
        text = page.read_text(encoding="utf-8")
        assert "There are no indicators for this chapter" not in text, page
    for path in (built / "docs").rglob("*"):
        if path.suffix in (".md", ".json", ".csv"):
            assert "/work/" not in path.read_text(encoding="utf-8") and str(Path.home()) + "/" not in path.read_text(encoding="utf-8"), path


def test_each_file_alone_builds_a_site_with_nothing_rejected(shared: Path, tmp_path: Path) -> None:
    for path in sorted((shared / REAL).glob("*.csv")):
        build = tmp_path / path.stem
        report = generate(config_for_folder(path), Path(__file__).resolve().parents[1], build).report
        assert report["rows"]["rejected"] == 0 and report["rows"]["read"] == report["rows"]["used"] + report["rows"]["no_data"], path.name
        pages = [p.read_text(encoding="utf-8") for p in (build / "docs").rglob("index.md")]
        assert pages and not any("There are no indicators for this chapter" in text for text in pages), path.name
        assert not any(re.search(r"<(span|div) class=\"(tooltipValueNote|no-data)", text) for text in pages), path.name


def test_an_indicator_page_ranks_each_area_type_apart_and_a_phone_chart_stays_short(built: Path) -> None:
    page = next((built / "docs" / "indicators").glob("obesity-prevalence-in-adults*/index.md"))
    text = page.read_text(encoding="utf-8")
    headings = re.findall(r"^### (.+), (\S+) \{#", text, flags=re.MULTILINE)
    assert ("Districts", "2023/24") in headings and ("Counties and unitary authorities", "2023/24") in headings
    assert len({kind for kind, _ in headings}) == len(headings)  # one ranking per area type
    assert "164 districts ranked from the highest value to the lowest, 2023/24" in text
    specs = json.loads((page.parent / "charts" / "specs.json").read_text(encoding="utf-8"))
    rows = {stem: [v["l"] for v in spec["data"]["values"]] for stem, spec in specs.items() if stem.endswith("-ranked")}
    assert max(len(r) for r in rows.values()) <= 5 + 5 + 3 + 1  # ends, gaps, England: never 515 rows on a phone
    assert all("England" in r for r in rows.values())
    assert "<summary>All 164 districts, ranked (table)</summary>" in text and text.count("](../../areas/") >= 164


def test_every_category_row_is_on_the_pages(built: Path) -> None:
    report = json.loads((built / "docs" / "build-report.json").read_text(encoding="utf-8"))
    assert report["breakdowns"] and all(b["rows"] == b["used"] == b["on_pages"] for b in report["breakdowns"]), report["breakdowns"]
    page = next((built / "docs" / "indicators").glob("obesity-prevalence-in-adults*/index.md")).read_text(encoding="utf-8")
    assert "### England by group" in page and "Slope index of inequality: -15." in page  # England's obesity by deprivation decile, 2023/24
