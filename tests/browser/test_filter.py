"""The type-to-filter box on the Areas index narrows the list."""

from __future__ import annotations

from playwright.sync_api import expect

VISIBLE_ITEMS = "#jsna-area-list li:visible"


def test_area_filter_narrows_the_list(site) -> None:
    page = site.open("/areas/")
    box = page.locator(".jsna-filter input")
    expect(box).to_be_visible()
    items = page.locator("#jsna-area-list li")
    before = items.count()
    lumped = page.eval_on_selector_all("#jsna-area-list li", "lis => lis.filter(li => li.querySelectorAll('a').length > 1).map(li => li.innerText)")
    assert not lumped, f"each area should be its own list item, found several in one: {lumped}"

    box.press_sequentially("worth")
    expect(page.locator(".jsna-filter-count")).not_to_be_empty()
    shown = page.locator(VISIBLE_ITEMS).all_inner_texts()
    assert shown, "no area matches 'worth'"
    assert len(shown) < before, "the list did not narrow"
    assert all("worth" in text.lower() for text in shown), f"areas shown that do not match 'worth': {shown}"
    expect(page.get_by_role("link", name="Worthing", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Crawley", exact=True)).to_be_hidden()

    box.fill("")
    expect(page.locator(VISIBLE_ITEMS)).to_have_count(before)
