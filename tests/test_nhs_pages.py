"""NHS areas in their place on the demonstration site: West Sussex's overview names and links the
NHS bodies serving it; a PCN has its own pages, compared with England and with its district; GP
practices and PCNs are shown as a distribution within each council area, never ranked."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from charts.svg_fit import text_overflow

from generators.config import load_config
from generators.pipeline import generate

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration's MkDocs pages (generated, not published)."""
    build = tmp_path_factory.mktemp("nhs") / "build"
    generate(load_config(REPO / "jsna.yml"), REPO, build)
    return build / "docs"


def page(docs: Path, path: str) -> str:
    return (docs / path / "index.md").read_text(encoding="utf-8")


def section(text: str, anchor: str) -> str:
    """The Markdown from a heading with this anchor to the next heading of the same level or above."""
    head = re.search(rf"^(#+) .*\{{#{re.escape(anchor)}\}}$", text, re.M)
    assert head, f"no heading #{anchor}"
    rest = text[head.end():]
    end = re.search(rf"^#{{1,{len(head.group(1))}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


def test_west_sussex_overview_links_its_icb_sub_icb_location_and_pcns(docs: Path) -> None:
    block = section(page(docs, "areas/west-sussex"), "nhs")
    assert "- Integrated care board: [NHS Sussex Integrated Care Board - QNX](../../areas/nhs-sussex-integrated-care-board-qnx/index.md)" in block
    assert "- Sub-ICB location: [Sussex ICB - 70F](../../areas/sussex-icb-70f/index.md)" in block
    assert "- Primary care networks (5): [Cissbury Integrated Care PCN](../../areas/cissbury-integrated-care-pcn/index.md) (Worthing)," in block
    assert "[Angmering Coppice Fitzalan (ACF) PCN](../../areas/angmering-coppice-fitzalan-acf-pcn/index.md) (Arun)" in block
    assert "[16 GP practices in West Sussex](gp-practices/index.md)" in block


def test_a_district_names_its_own_pcns_and_one_with_none_its_countys_nhs_bodies(docs: Path) -> None:
    mid = section(page(docs, "areas/mid-sussex"), "nhs")
    assert mid.count("../../areas/") == 5  # the ICB, the sub-ICB location, three PCNs
    assert "- Primary care networks (3): [Haywards Heath Villages PCN]" in mid and "(Mid Sussex)" not in mid
    adur = section(page(docs, "areas/adur"), "nhs")
    assert "Sussex ICB - 70F" in adur and "Primary care networks" not in adur and "GP practices" not in adur


def test_a_pcn_page_sits_in_the_nhs_and_is_compared_with_england_and_its_district(docs: Path) -> None:
    text = page(docs, "areas/cissbury-integrated-care-pcn")
    assert "Primary care network in Worthing · area code U01092" in text
    nhs = section(text, "nhs")
    assert "- Part of: [Sussex ICB - 70F](../../areas/sussex-icb-70f/index.md) (sub-ICB location) · [NHS Sussex Integrated Care Board - QNX]" in nhs
    assert "- Serves: [Worthing](../../areas/worthing/index.md)" in nhs
    assert "[4 GP practices in Cissbury Integrated Care PCN](gp-practices/index.md)" in nhs
    compared = section(text, "compared-with-council")
    assert "| Indicator | Period | Value | Compared with England | Worthing | Compared with Worthing |" in compared
    rows = [line for line in compared.splitlines() if line.startswith("| [")]
    assert [r.split(" | ")[0] for r in rows] == ["| [Diabetes prevalence](../../areas/cissbury-integrated-care-pcn/living-well/index.md#diabetes-prevalence)",
                                                 "| [Dementia prevalence](../../areas/cissbury-integrated-care-pcn/ageing-well/dementia/index.md#dementia-prevalence)"]
    assert all(r.split(" | ")[-1].rstrip(" |") in ("Higher", "Similar", "Lower") for r in rows)


def test_a_pcn_chapter_compares_it_with_england_and_its_district(docs: Path) -> None:
    chart = (docs / "areas/cissbury-integrated-care-pcn/living-well/charts/diabetes-prevalence-compare.csv").read_text(encoding="utf-8-sig")
    assert [row["Area"] for row in csv.DictReader(io.StringIO(chart))] == ["Cissbury Integrated Care PCN", "Worthing", "England"]
    assert "Living well in Cissbury Integrated Care PCN" in page(docs, "areas/cissbury-integrated-care-pcn/living-well")


def test_gp_practices_are_a_distribution_within_the_district(docs: Path) -> None:
    text = page(docs, "areas/mid-sussex/gp-practices")
    diabetes = section(text, "diabetes-prevalence")
    assert diabetes.startswith("\n\nMid Sussex: **6.0%** · England: 7.7%.") or "Mid Sussex: **" in diabetes
    table = diabetes.split('<table id="diabetes-prevalence-table">', 1)[1].split("</table>", 1)[0]
    assert table.count('<tr><th scope="row">') == 10 and "Rank" not in table
    assert "<th scope=\"col\">GP practice</th><th scope=\"col\">PCN</th><th scope=\"col\">Value</th><th scope=\"col\">95% lower</th><th scope=\"col\">95% upper</th><th scope=\"col\">Compared with England</th>" in table
    assert '<a href="../../../areas/strand-medical-group/' not in table  # Worthing's, not Mid Sussex's
    assert '<a href="../../../areas/ouse-valley-practice/living-well/#diabetes-prevalence">Ouse Valley Practice</a></th><td>Haywards Heath Villages PCN</td>' in table
    assert diabetes.count("<caption>Diabetes prevalence: primary care networks in Mid Sussex") == 1
    svg = (docs / "areas/mid-sussex/gp-practices/charts/diabetes-prevalence-distribution.svg").read_text(encoding="utf-8")
    assert 'width="320"' in svg and text_overflow(svg) == [] and "10 GP practices" in svg
    specs = json.loads((docs / "areas/mid-sussex/gp-practices/charts/specs.json").read_text(encoding="utf-8"))
    assert sorted(specs) == ["dementia-prevalence-distribution", "diabetes-prevalence-distribution"]
    assert {v["s"] for v in specs["diabetes-prevalence-distribution"]["data"]["values"]} == {"GP practices", "PCNs"}


def test_indicator_pages_never_rank_practices_or_pcns_and_rank_nhs_bodies_only_among_their_kind(docs: Path) -> None:
    text = page(docs, "indicators/diabetes-prevalence")
    headings = re.findall(r"^### (.*) \{#", text, re.M)
    assert headings == ["Districts and unitary authorities, 2022/23", "Counties and unitary authorities, 2022/23", "Sub-ICB locations, 2022/23",
                        "Integrated care boards, 2022/23", "GP practices and primary care networks, 2022/23"]
    ranked = {h: [row.split(" | ")[1] for row in section(text, a).splitlines() if re.match(r"\| \d+ \|", row)] for h, a in re.findall(r"^### (.*?), 2022/23 \{#(.*)\}$", text, re.M)}
    assert ranked["Sub-ICB locations"] == ["**[Sussex ICB - 70F](../../areas/sussex-icb-70f/living-well/index.md#diabetes-prevalence)**"]
    assert ranked["Integrated care boards"] == ["**[NHS Sussex Integrated Care Board - QNX](../../areas/nhs-sussex-integrated-care-board-qnx/living-well/index.md#diabetes-prevalence)**"]
    assert not any("PCN" in area or "Practice" in area or "ICB" in area for area in ranked["Districts and unitary authorities"] + ranked["Counties and unitary authorities"])
    shown = section(text, "diabetes-prevalence-gp-practices-and-pcns")
    assert "not ranked" in shown and shown.count('<tr><th scope="row">') == 16 + 5
    assert "Within each area: [West Sussex](../../areas/west-sussex/gp-practices/index.md#diabetes-prevalence) · [Arun]" in shown
    specs = json.loads((docs / "indicators/diabetes-prevalence/charts/specs.json").read_text(encoding="utf-8"))
    assert "diabetes-prevalence-gp-practices-and-pcns-distribution" in specs and "diabetes-prevalence-districts-and-unitary-authorities-ranked" in specs


def test_every_practice_has_its_own_pages_beside_its_district(docs: Path) -> None:
    text = page(docs, "areas/brow-medical-centre")
    assert "GP practice in Mid Sussex · area code H82084" in text
    assert "- Part of: [Burgess Hill &#38; Villages PCN](../../areas/burgess-hill-and-villages-pcn/index.md) (primary care network)" in text
    assert not (docs / "areas/brow-medical-centre/gp-practices").exists()


def test_the_sub_icb_location_and_icb_name_what_they_hold_and_the_council_they_serve(docs: Path) -> None:
    sub_icb = page(docs, "areas/sussex-icb-70f")
    assert "Sub-ICB location in West Sussex · area code E38000248" in sub_icb
    block = section(sub_icb, "nhs").splitlines()
    assert "- Serves: [West Sussex](../../areas/west-sussex/index.md) (county or unitary authority), with which its figures are compared below and in each chapter's comparison charts" in block
    assert any(line.startswith("- Primary care networks (5): [Cissbury Integrated Care PCN]") for line in block)
    icb = section(page(docs, "areas/nhs-sussex-integrated-care-board-qnx"), "nhs").splitlines()
    assert "- Part of: South East NHS Region (NHS region)" in icb
    assert "- Serves: [West Sussex](../../areas/west-sussex/index.md) (county or unitary authority), with which its figures are compared below" in icb  # not its charts: an ICB sits under its region
    assert "- Sub-ICB locations: Sussex ICB - 09D, Sussex ICB - 97R, [Sussex ICB - 70F](../../areas/sussex-icb-70f/index.md)" in icb  # named, linked where they have pages


def test_the_boards_summaries_and_priorities_are_for_council_areas_only(docs: Path) -> None:
    """A board summary is for committee papers about a council area's population: a PCN or a GP
    practice keeps its own pages, but gets no summary, no link to one and no row on the Priorities page."""
    summaries = sorted(p.parent.parent.name for p in docs.glob("areas/*/summary/index.md"))
    assert summaries == ["adur", "arun", "chichester", "crawley", "horsham", "mid-sussex", "west-sussex", "worthing"]
    assert "Board summary for Worthing](summary/index.md)" in page(docs, "areas/worthing")
    for nhs in ("cissbury-integrated-care-pcn", "sussex-icb-70f", "nhs-sussex-integrated-care-board-qnx"):
        assert (docs / "areas" / nhs / "index.md").is_file() and "Board summary" not in page(docs, f"areas/{nhs}")
    priorities = page(docs, "priorities")
    assert "### Worthing" in priorities and "PCN" not in priorities and "ICB" not in priorities
