"""Each area's board summary (/areas/<area>/summary/): the area, edition and date, key messages, the
priorities table, the addresses of the area's pages and the citation, with a print stylesheet for two
A4 pages (tests/browser/test_board_summary.py prints it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit.unit_site import build_small_site

from generators.errors import DataError
from generators.render import make_page

EDITION = {"edition": "2026", "organisation": "Example Council", "demonstration": True}
STYLESHEET = Path(__file__).resolve().parent.parent / "docs" / "assets" / "print-summary.css"


def summary(small, area: str = "crawley") -> str:
    job = next(j for j in small.area_jobs if j.key == f"areas/{area}/summary/")
    return make_page(job, small.shared).files[f"areas/{area}/summary/index.md"].decode("utf-8")


@pytest.fixture(scope="module")
def relative(tmp_path_factory: pytest.TempPathFactory):
    return build_small_site(tmp_path_factory.mktemp("summary"), **EDITION)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory):
    return build_small_site(tmp_path_factory.mktemp("summary-url"), site_url="https://jsna.example.gov.uk/", **EDITION)


def test_every_area_has_a_board_summary(relative) -> None:
    summaries = [j.key for j in relative.area_jobs if j.kind == "summary"]
    assert summaries == [f"areas/{p.area.slug}/summary/" for p in relative.site.areas]


def test_the_summary_names_the_area_edition_and_date_and_says_it_is_demonstration_data(relative) -> None:
    text = summary(relative)
    assert "# Board summary: Crawley\n" in text
    assert '<p class="jsna-board-meta">Small JSNA · Example Council · 2026 edition · updated 1 January 2026</p>' in text
    assert "Demonstration data: real area names and codes with made-up values." in text
    assert "search:\n  exclude: true" in text  # the area's own pages are what search should find


def test_the_summary_has_the_key_messages_and_the_priorities_in_words_and_in_a_table(relative) -> None:
    text = summary(relative)
    crawley = next(p for p in relative.site.areas if p.area.slug == "crawley")
    messages = text.split("## Key messages {#key-messages}")[1].split("##")[0]
    assert [line[2:] for line in messages.strip().splitlines()] == list(crawley.messages)
    assert "**Fewer alcohol admissions.** In Crawley, similar to England: Alcohol admissions in under 18s." in text
    assert "## Where each priority indicator stands {#priority-tables .jsna-page-break}" in text
    assert "<caption>Fewer alcohol admissions: where each indicator stands in Crawley</caption>" in text
    assert '<th scope="row"><a href="../../../areas/crawley/living-well/#alcohol-admissions-in-under-18s">Alcohol admissions in under 18s</a></th>' in text


def test_without_site_url_the_links_are_relative_and_the_citation_says_where(relative) -> None:
    text = summary(relative)
    assert "- [Living well in Crawley](../../../areas/crawley/living-well/index.md): areas/crawley/living-well/\n" in text
    assert "- [The board’s priorities, every area](../../../priorities/index.md): priorities/\n" in text
    assert text.rstrip().endswith("Example Council. Small JSNA: board summary for Crawley. 2026 edition, updated 1 January 2026. areas/crawley/summary/ on this JSNA&#39;s website")


def test_with_site_url_the_links_and_the_citation_are_full_addresses(published) -> None:
    text = summary(published)
    assert "- [Living well in Crawley](https://jsna.example.gov.uk/areas/crawley/living-well/): https://jsna.example.gov.uk/areas/crawley/living-well/\n" in text
    assert text.rstrip().endswith("2026 edition, updated 1 January 2026. https://jsna.example.gov.uk/areas/crawley/summary/")


def test_the_summary_links_a_print_stylesheet_for_two_a4_pages_without_the_theme(relative) -> None:
    assert '<link rel="stylesheet" href="../../../assets/print-summary.css">' in summary(relative)
    css = STYLESHEET.read_text(encoding="utf-8")
    assert "@page { size: A4;" in css
    printed = css.split("@media print {", 1)[1]
    assert all(part in printed for part in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".jsna-page-break { break-before: page;"))


def test_the_area_overview_links_its_summary(relative) -> None:
    job = next(j for j in relative.area_jobs if j.key == "areas/crawley/")
    text = make_page(job, relative.shared).files["areas/crawley/index.md"].decode("utf-8")
    assert "[Board summary for Crawley](summary/index.md): the key messages and [the board’s priorities](../../priorities/index.md) on two printable pages." in text


def test_a_chapter_cannot_take_the_summarys_address(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r'expected a chapter name other than "Summary": each area\'s board summary has the address summary/ \[config-chapter\]'):
        build_small_site(tmp_path, chapters=[{"name": "Summary", "indicators": ["S1", "A1"]}])
