"""What a screen reader meets in a chart, read from Chromium's accessibility tree at phone width:
the figure named by its title, described by its text alternative, and its data as a table, with
the static chart and with the interactive one."""

from __future__ import annotations

from playwright.sync_api import expect

from browser.pages import CHAPTER


def chart_tree(figure) -> str:
    return figure.aria_snapshot()


def test_a_chart_in_the_accessibility_tree_has_its_name_description_and_table(narrow_site) -> None:
    page = narrow_site.open(CHAPTER)
    figure = page.locator("figure.jsna-chart").first
    title = figure.locator(".jsna-chart__title").inner_text()
    description = figure.locator(".jsna-chart__desc").inner_text()
    expect(page.get_by_role("figure", name=title).first).to_be_visible()
    expect(figure).to_have_accessible_description(description)
    tree = chart_tree(figure)
    assert tree.startswith("- figure"), tree[:200]
    assert "img" in tree, f"the static chart is not in the tree as an image: {tree[:400]}"
    table = data_table(page, figure)
    expect(table).to_be_visible()
    assert table.get_by_role("columnheader").count() >= 2
    assert table.get_by_role("rowheader").count() + table.get_by_role("cell").count() >= 2


def data_table(page, figure):
    """The figure's data table: inside it (folded under "Data table"), or on the page beside it,
    named by the figure's aria-details and linked from it."""
    linked = figure.get_attribute("aria-details")
    if linked:
        link = figure.get_by_role("link", name="Data table")
        assert link.get_attribute("href").endswith(f"#{linked}"), "the figure's 'Data table' link and its aria-details disagree"  # the theme's instant navigation writes links out in full
        target = page.locator(f"[id='{linked}']")
        assert target.count() == 1, f"aria-details names #{linked}, which is not on the page"
        table = target if target.evaluate("e => e.tagName") == "TABLE" else target.locator("table").first
        return table
    figure.locator("summary", has_text="Data table").click()
    return figure.get_by_role("table")


def test_the_interactive_chart_keeps_the_figures_name_and_description(narrow_site) -> None:
    page = narrow_site.open(CHAPTER)
    figure = page.locator("figure.jsna-chart[data-vega-spec-src]").first
    title = figure.locator(".jsna-chart__title").inner_text()
    description = figure.locator(".jsna-chart__desc").inner_text()
    figure.get_by_role("button", name="Interactive chart").click()
    expect(figure).to_have_attribute("data-jsna-state", "rendered", timeout=20_000)
    expect(page.get_by_role("figure", name=title).first).to_be_visible()
    expect(figure).to_have_accessible_description(description)
    tree = chart_tree(figure)
    assert "Data table" in tree, f"the data table (or the link to it) left the tree when the live chart was drawn: {tree[:400]}"
    assert figure.locator(".jsna-chart__view").get_attribute("aria-hidden") == "true", "the live SVG's marks would be read as noise"
