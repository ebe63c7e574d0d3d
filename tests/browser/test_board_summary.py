"""The board summary prints from the browser, with no script, on exactly two A4 pages, without the
theme's header, navigation or footer (Chromium's own print to PDF, as a committee clerk would)."""

from __future__ import annotations

import re

from browser.pages import PAGES

A4_POINTS = (595.92, 842.88)
"""210 x 297 mm in PDF points, as Chromium writes them."""


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The width and height of each page of a PDF written by Chromium (its page objects are plain text)."""
    boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data, re.DOTALL)
    if not boxes:  # the box may come before the type
        boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\][^>]*?/Type\s*/Page\b(?!s)", data, re.DOTALL)
    return [(float(w), float(h)) for w, h in boxes]


def test_the_summary_prints_on_two_a4_pages_without_script(static_site) -> None:
    page = static_site.open(PAGES["board-summary"])
    data = page.pdf(format="A4")
    sizes = pdf_pages(data)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 2, "the West Sussex summary should print on exactly two A4 pages"
    assert sizes and all(abs(w - A4_POINTS[0]) < 1 and abs(h - A4_POINTS[1]) < 1 for w, h in sizes)


def test_print_shows_the_summary_and_hides_the_theme(static_site) -> None:
    page = static_site.open(PAGES["board-summary"])
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-banner', '.jsna-page-meta']
        .filter(s => document.querySelector(s)).filter(s => getComputedStyle(document.querySelector(s)).display !== 'none')""")
    assert hidden == [], f"printed although the summary hides them: {hidden}"
    shown = page.evaluate("""() => [...document.querySelectorAll('.md-content h1, .md-content h2')].map(h => h.textContent.replace('¶', '').trim())""")
    assert shown == ["Board summary: West Sussex", "Key messages", "The board’s priorities", "Where each priority indicator stands", "Read more", "How to cite"]
    second = page.evaluate("() => getComputedStyle(document.getElementById('priority-tables')).breakBefore")
    assert second == "page"
