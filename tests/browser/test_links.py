"""Permanent links to sections land on the section."""

from __future__ import annotations

from playwright.sync_api import expect

from browser.pages import CHAPTER, PAGES


def test_permanent_link_scrolls_to_its_section(site) -> None:
    page = site.open(CHAPTER + "#adult-smoking-persons")
    section = page.locator("#adult-smoking-persons")
    expect(section).to_have_count(1)
    expect(section).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0, "the page did not scroll to the section"
    # Not hidden under Material's sticky header.
    header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert section.bounding_box()["y"] >= header_bottom - 1


def test_every_section_has_a_permalink(site) -> None:
    page = site.open(CHAPTER)
    headings = page.locator(".md-content h2[id], .md-content h3[id]")
    assert headings.count() > 0
    missing = page.eval_on_selector_all(
        ".md-content h2[id], .md-content h3[id]",
        "hs => hs.filter(h => { const a = h.querySelector('a.headerlink'); return !a || new URL(a.href).hash !== '#' + h.id; }).map(h => h.id)",
    )
    assert not missing, f"sections without a permanent link: {missing}"


def test_a_link_into_the_previous_edition_still_resolves(site) -> None:
    page = site.open("/editions/2025" + CHAPTER + "#adult-smoking-persons")
    expect(page.locator("#adult-smoking-persons")).to_be_in_viewport()
    banner = page.locator(".jsna-old-edition")
    expect(banner).to_contain_text("2025 edition")
    banner.get_by_role("link").click()
    page.wait_for_load_state()
    assert "/editions/" not in page.url and page.url.rstrip("/").endswith(CHAPTER.rstrip("/"))


def test_a_link_to_a_themed_indicator_on_its_chapter_page_lands_on_its_row_and_leads_on(site) -> None:
    """Dementia prevalence has a theme: its full section is on the Dementia page, and the chapter
    page keeps its anchor on the summary row, so links written before the theme existed still work."""
    page = site.open(PAGES["themed-chapter"] + "#dementia-prevalence")
    row = page.locator("tr#dementia-prevalence")
    expect(row).to_be_in_viewport()
    row.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.url.endswith(PAGES["theme"] + "#dementia-prevalence")
    expect(page.locator("h2#dementia-prevalence")).to_be_in_viewport()
    expect(page.locator(".jsna-cite[data-anchor='dementia-prevalence'] button")).to_have_count(2)
