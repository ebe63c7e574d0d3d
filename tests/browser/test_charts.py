"""Chart figures: the static SVG <img> on every page, sized before it loads; the interactive chart
(vega-embed) only when the reader asks for it, so no page downloads the chart runtime by itself."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.pages import CHAPTER

FIGURE = "figure.jsna-chart"


def figures_or_skip(page) -> int:
    count = page.locator(FIGURE).count()
    if not count:
        pytest.skip(f"no {FIGURE} on {CHAPTER} yet: the charts are not wired into the pages")
    return count


def test_a_page_shows_its_charts_without_loading_the_chart_runtime(site) -> None:
    page = site.open(CHAPTER, wait_until="networkidle")
    count = figures_or_skip(page)
    assert not [u for u in site.requests[CHAPTER] if u.endswith("vega-embed.js")], "vega-embed.js was loaded before any reader asked for it"
    sizes = page.eval_on_selector_all(f"{FIGURE} img.jsna-chart__static", "is => is.map(i => [i.getAttribute('width'), i.getAttribute('height')])")
    assert len(sizes) == count
    unsized = [i for i, (w, h) in enumerate(sizes) if not (w and h)]
    assert not unsized, f"static images without width and height (the page shifts as they load): figures {unsized}"


def test_the_interactive_chart_is_drawn_when_asked_for_and_put_away_again(site) -> None:
    page = site.open(CHAPTER, wait_until="networkidle")
    figures_or_skip(page)
    figure = page.locator(f"{FIGURE}[data-vega-spec-src]").first
    button = figure.get_by_role("button", name="Interactive chart")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(figure).to_have_attribute("data-jsna-state", "rendered", timeout=20_000)
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(figure.locator(".jsna-chart__view svg")).to_be_visible()
    expect(figure.locator("img.jsna-chart__static")).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(figure.locator("img.jsna-chart__static")).to_be_visible()
    expect(figure.locator(".jsna-chart__view")).to_be_hidden()


def test_chart_figures_show_static_image_without_scripts(static_site) -> None:
    page = static_site.open(CHAPTER)
    count = figures_or_skip(page)
    assert page.get_by_role("button", name="Interactive chart").count() == 0, "a button that cannot work without scripts"
    for i in range(count):
        figure = page.locator(FIGURE).nth(i)
        img = figure.locator("img.jsna-chart__static")
        img.scroll_into_view_if_needed()
        expect(img).to_be_visible()
        assert img.get_attribute("alt"), f"figure {i}'s static image has no alt text"
        assert page.evaluate("i => i.complete && i.naturalWidth > 0", img.element_handle()), f"figure {i}'s static image did not load"
