"""An indicator page opened from an area's page marks that area in every ranking, at phone width."""

from __future__ import annotations

from playwright.sync_api import expect


def test_compare_all_areas_opens_the_rankings_with_the_readers_area_marked(narrow_site) -> None:
    page = narrow_site.open("/areas/crawley/living-well/")
    page.get_by_role("link", name="Compare all areas").first.click()
    page.wait_for_url("**/indicators/*/?area=crawley*")
    note = page.locator(".jsna-reader").first
    expect(note).to_be_visible()
    expect(note).to_contain_text("Your area, Crawley: ranked")
    row = page.locator("tr[aria-current='true']").first
    expect(row).to_contain_text("Crawley")
    assert "font-weight: 700" in row.locator("td").nth(1).evaluate("e => 'font-weight: ' + getComputedStyle(e).fontWeight"), "the row is marked by more than colour"


def test_without_an_area_nothing_is_marked(narrow_site) -> None:
    page = narrow_site.open("/indicators/adult-smoking/")
    expect(page.locator("h3").first).to_be_visible()
    assert page.locator(".jsna-reader").count() == 0
    assert page.locator("tr[aria-current]").count() == 0


def test_an_inequalities_figure_has_a_name_a_text_alternative_and_its_data_at_phone_width(narrow_site) -> None:
    page = narrow_site.open("/areas/west-sussex/inequalities/")
    figure = page.locator("figure.jsna-chart--inequality").first
    figure.get_by_role("button", name="Interactive chart").click()
    expect(figure).to_have_attribute("data-jsna-state", "rendered")
    assert "West Sussex overall" in figure.locator("figcaption").inner_text()
    expect(figure.locator("img.jsna-chart__static")).to_have_attribute("alt", "Bar chart: " + figure.locator(".jsna-chart__title").inner_text())
    figure.locator("summary").click()
    assert figure.locator("table tbody tr").count() == 10  # every decile, as a table
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 320 px"
    expect(page.get_by_text("Slope index of inequality:").first).to_be_visible()


def test_every_chart_is_a_figure_named_by_its_title_and_described_by_its_text(narrow_site) -> None:
    page = narrow_site.open("/areas/west-sussex/living-well/")
    figures = page.locator("figure.jsna-chart")
    assert figures.count() > 0
    first = page.locator("figure.jsna-chart[data-vega-spec-src]").first
    first.get_by_role("button", name="Interactive chart").click()
    expect(first).to_have_attribute("data-jsna-state", "rendered")  # the live chart has replaced the static one
    title = first.locator(".jsna-chart__title").inner_text()
    expect(page.get_by_role("figure", name=title).first).to_be_visible()
    expect(first).to_have_accessible_description(first.locator(".jsna-chart__desc").inner_text())
