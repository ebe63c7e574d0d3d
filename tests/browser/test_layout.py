"""Small screens (320 px: WCAG 1.4.10 reflow, with a screenshot of each page type) and print."""

from __future__ import annotations

import pytest

from browser.output import OUTPUT, screenshot
from browser.pages import CHAPTER, PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_does_not_scroll_sideways_at_320px(narrow_site, name: str) -> None:
    page = narrow_site.open(PAGES[name])
    screenshot(page, name, 320)
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
             .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                          && !e.closest('.md-typeset__scrollwrap, .md-typeset__table, .jsna-chart table, pre'))
             .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))"""
    )
    assert width <= 320, f"{PAGES[name]} is {width}px wide at a 320px viewport; too wide: {wide}"


def test_chapter_prints_without_header_or_navigation(site) -> None:
    page = site.open(CHAPTER)
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        display = page.eval_on_selector(selector, "e => getComputedStyle(e).display")
        assert display == "none", f"{selector} is shown in print ({display})"
    assert page.locator("h1").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "chapter-print.pdf").write_bytes(pdf)
