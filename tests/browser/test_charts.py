"""Chart figures: drawn by vega-embed with scripts on; the static SVG <img> without scripts."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from browser.pages import CHAPTER

FIGURE = "figure.jsna-chart"


def figures_or_skip(page) -> int:
    count = page.locator(FIGURE).count()
    if not count:
        pytest.skip(f"no {FIGURE} on {CHAPTER} yet: the charts are not wired into the pages")
    return count


RENDERED = "f => f.classList.contains('jsna-chart--live') || !!f.querySelector('.jsna-chart__view svg')"


def test_chart_figures_render_with_scripts(site) -> None:
    page = site.open(CHAPTER, wait_until="networkidle")
    figures_or_skip(page)
    drawn = f"() => [...document.querySelectorAll('{FIGURE}')].every({RENDERED})"
    with contextlib.suppress(PlaywrightTimeout):  # reported below, figure by figure
        page.wait_for_function(drawn, timeout=15_000)
    states = page.eval_on_selector_all(FIGURE, f"fs => fs.map(f => [({RENDERED})(f), f.getAttribute('data-jsna-state')])")
    undrawn = [f"figure {i} (state {state})" for i, (ok, state) in enumerate(states) if not ok]
    assert not undrawn, f"charts not drawn by vega-embed on {CHAPTER}: {undrawn}"


def test_chart_figures_show_static_image_without_scripts(static_site) -> None:
    page = static_site.open(CHAPTER)
    count = figures_or_skip(page)
    for i in range(count):
        figure = page.locator(FIGURE).nth(i)
        img = figure.locator("img.jsna-chart__static")
        img.scroll_into_view_if_needed()
        expect(img).to_be_visible()
        assert img.get_attribute("alt"), f"figure {i}'s static image has no alt text"
        assert page.evaluate("i => i.complete && i.naturalWidth > 0", img.element_handle()), f"figure {i}'s static image did not load"
