"""Themes: indicators with a `theme` get a page per theme and area; the chapter page summarises them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from building import Background, in_background, run_build, run_in_process

REPO = Path(__file__).resolve().parent.parent
THEMES = {"92443": "Smoking", "93763": "Alcohol"}  # two Living well indicators of the demonstration data


@in_background("themed_site")
def build_themed(out: Path, _: Background) -> Path:
    """The demonstration with Adult smoking and Alcohol-related deaths given themes, built by the command line."""
    data = out / "data"
    shutil.copytree(REPO / "data" / "demo", data)
    metadata = yaml.safe_load((data / "indicators.yml").read_text(encoding="utf-8"))
    for item in metadata["indicators"]:
        if str(item["id"]) in THEMES:
            item["theme"] = THEMES[str(item["id"])]
    (data / "indicators.yml").write_text(yaml.safe_dump(metadata, sort_keys=False), encoding="utf-8")
    config = out / "jsna.yml"
    config.write_text((REPO / "jsna.yml").read_text(encoding="utf-8").replace("data/demo", str(data)), encoding="utf-8")
    result = run_build("build", "--config", str(config), "--build", str(out / "build"), "--site", str(out / "site"))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def themed_site(background: Background) -> Path:
    """The folder of the themed build: its jsna.yml, data/, build/ and site/."""
    return background.result("themed_site")


def test_each_theme_has_its_own_page_with_its_indicators_in_full(themed_site: Path) -> None:
    page = (themed_site / "site" / "areas" / "crawley" / "living-well" / "smoking" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Smoking in Crawley" in page
    assert 'id="adult-smoking-persons"' in page
    assert "jsna-chart--trend" in page and "jsna-chart--compare" in page
    assert (themed_site / "site" / "areas" / "crawley" / "living-well" / "smoking" / "charts" / "adult-smoking-persons-trend.svg").is_file()
    assert 'id="alcohol-related-deaths"' not in page


def test_chapter_page_summarises_themes_and_keeps_old_anchors(themed_site: Path) -> None:
    page = (themed_site / "site" / "areas" / "crawley" / "living-well" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="adult-smoking-persons">(.*?)</tr>', page, re.S)
    assert row, "a link to /areas/crawley/living-well/#adult-smoking-persons must still land on the indicator"
    assert 'href="smoking/#adult-smoking-persons"' in row.group(1)
    assert re.search(r"<td>(Better|Worse|Similar|Higher|Lower|Not compared)</td>", row.group(1)), "the verdict is written in words"
    assert 'id="diabetes-prevalence"' in page and "jsna-chart--trend" in page, "indicators without a theme stay on the chapter page in full"


def test_indicator_pages_link_to_the_theme_page(themed_site: Path) -> None:
    page = (themed_site / "site" / "indicators" / "adult-smoking" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../areas/crawley/living-well/smoking/#adult-smoking-persons"' in page


def test_theme_pages_stay_out_of_the_search_index(themed_site: Path) -> None:
    index = json.loads((themed_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert not [x for x in locations if "/living-well/smoking/" in x]
    assert "areas/crawley/living-well/" in locations


def test_unchanged_pages_are_not_made_again(themed_site: Path) -> None:
    """Generating the same inputs again into the same build folder remakes no page (content hashes) and changes no file."""
    before = {p: p.stat().st_mtime_ns for p in (themed_site / "build").rglob("*") if p.is_file()}
    code, printed = run_in_process("generate", "--config", str(themed_site / "jsna.yml"), "--build", str(themed_site / "build"))
    assert code == 0, printed
    assert re.search(r"^pages: 0 made, \d+ unchanged", printed, re.M), printed
    assert "(0 changed)" in printed, printed
    assert {p: p.stat().st_mtime_ns for p in (themed_site / "build").rglob("*") if p.is_file()} == before
