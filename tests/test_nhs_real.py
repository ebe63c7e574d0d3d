"""Real Fingertips downloads with NHS areas land in their place: ICBs and sub-ICB locations under the
hierarchy, ranked only among their own kind; a GP practice and its PCN never ranked, shown as a
distribution; nothing rejected."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from generators.config import config_for_folder
from generators.load import load_inputs
from generators.load.metadata import load_indicators
from generators.load.nhs import load_nhs
from generators.model import build_site
from generators.model.nhs_places import place_nhs_areas
from generators.model.nhs_site import add_nhs
from generators.pipeline import generate
from generators.stats import assess
from generators.tidy import tidy_rows

REAL = "fixtures/fingertips-real"


@pytest.fixture(scope="module")
def obesity(shared: Path):
    """The all-areas adult obesity download (England, regions, councils, ICBs, sub-ICB locations) as a site model."""
    path = shared / REAL / "all_areas_adult_obesity_93881.csv"
    config = config_for_folder(path)
    tidied = tidy_rows(load_inputs([path], []).table, config, load_indicators(None), set())
    config = dataclasses.replace(config, chapters=tidied.chapters)
    tidied, _ = assess(tidied, config)
    nhs = load_nhs(config)
    table = place_nhs_areas(tidied.table, nhs)
    return tidied, add_nhs(build_site(table, config, tidied.indicators, tidied.chapter_of), table, tidied.indicators, nhs)


def test_icbs_and_sub_icb_locations_are_read_whole_and_placed_under_the_hierarchy(obesity) -> None:
    tidied, site = obesity
    assert tidied.set_aside == ()
    sub_icb = site.all_areas["E38000021"]  # Sussex ICB - 09D: England's child in the download
    assert (sub_icb.name, sub_icb.parent_code, sub_icb.parent_name) == ("Sussex ICB - 09D", "E54000053", "NHS Sussex Integrated Care Board - QNX")
    assert site.all_areas["E54000053"].parent_name == "South East NHS Region"
    page = next(p for p in site.areas if p.area.code == "E38000021")
    assert page.nhs is not None and [b.name for b in page.nhs.part_of] == ["NHS Sussex Integrated Care Board - QNX", "South East NHS Region"]
    assert page.nhs.part_of[0].path == "areas/nhs-sussex-integrated-care-board-qnx/"


def test_nhs_bodies_rank_only_among_their_own_kind(obesity) -> None:
    _, site = obesity
    rankings = {r.heading: {x.area.code[:3] for x in r.ranked + r.older} for p in site.indicators for s in p.series for r in s.rankings}
    assert rankings["Sub-ICB locations"] == {"E38"} and rankings["Integrated care boards"] == {"E54"}
    councils = [codes for heading, codes in rankings.items() if heading not in ("Sub-ICB locations", "Integrated care boards")]
    assert councils and all(not codes & {"E38", "E54"} for codes in councils)


def test_a_gp_practice_and_its_pcn_are_a_distribution_never_a_ranking(shared: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(shared / REAL / "trends_gp_practice_hypertension.csv", data)
    build = tmp_path / "build"
    generate(config_for_folder(data), tmp_path, build)
    docs = build / "docs"
    report = json.loads((docs / "build-report.json").read_text(encoding="utf-8"))
    assert report["rows"]["rejected"] == 0 and report["rows"]["used"] == 45
    indicator = (docs / "indicators/hypertension-qof-prevalence-all-ages/index.md").read_text(encoding="utf-8")
    assert "| Rank |" not in indicator
    assert "### GP practices and primary care networks, 2023/24 {#hypertension-qof-prevalence-all-ages-gp-practices-and-pcns}" in indicator
    assert '<a href="../../areas/old-catton-medical-practice/hypertension-qof-prevalence-all-ages/#hypertension-qof-prevalence-all-ages">Old Catton Medical Practice</a></th><td>Norwich PCN</td>' in indicator
    practice = (docs / "areas/old-catton-medical-practice/index.md").read_text(encoding="utf-8")
    assert "GP practice in Norwich PCN · area code D82013" in practice and "- Part of: [Norwich PCN](../../areas/norwich-pcn/index.md) (primary care network)" in practice
    within = (docs / "areas/norwich-pcn/gp-practices/index.md").read_text(encoding="utf-8")
    assert "# GP practices in Norwich PCN" in within and "Norwich PCN: **13.9%** · England: 14.8%." in within
