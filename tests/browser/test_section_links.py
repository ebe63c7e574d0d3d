"""A link to a section or to a table lands on it, below the header, at phone and desktop width.

Councillors link sections from committee papers, and each chart's "Data table" link jumps to its
table. Figures and tables below the screen are laid out only as they near it (content-visibility
in jsna.css, issue 16), so their heights are guesses until drawn: these tests make sure a jump
still ends on the real place, and that print draws everything."""

from __future__ import annotations

import pytest

from browser.pages import CHAPTER, PAGES

# A heading, and tables of numbers far down a long page (each inside a box laid out late).
TARGETS = [
    (CHAPTER, "adult-smoking-female"),
    (CHAPTER, "adult-smoking-female-table"),
    (CHAPTER, "alcohol-related-deaths-table"),
    (PAGES["indicator"], "adult-smoking-male"),
]
SETTLE_MS = 1200
PATIENCE_MS = 8000  # on a busy machine a page can take longer to settle: checks retry until then


def eventually(page, measure, good) -> dict:
    """``measure(page)`` once it is ``good``, or its last value after PATIENCE_MS."""
    waited = 0
    found = measure(page)
    while not good(found) and waited < PATIENCE_MS:
        page.wait_for_timeout(250)
        waited += 250
        found = measure(page)
    return found


def landing(page, target: str) -> dict:
    return page.evaluate(
        """id => {
             const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
             const top = document.getElementById(id).getBoundingClientRect().top;
             const room = document.documentElement.scrollHeight - scrollY - innerHeight;
             return {header: Math.round(header), top: Math.round(top), room: Math.round(room)};
           }""",
        target,
    )


def landed(where: dict) -> bool:
    # On the first screen, below the sticky header; higher only if the page cannot scroll further.
    return where["top"] >= where["header"] - 1 and (where["top"] <= where["header"] + 60 or where["room"] <= 1)


def assert_lands(page, target: str, what: str) -> None:
    where = eventually(page, lambda p: landing(p, target), landed)
    assert where["top"] >= where["header"] - 1, f"{what}: the target is {where['header'] - where['top']}px under the header: {where}"
    assert where["top"] <= where["header"] + 60 or where["room"] <= 1, f"{what}: the target is {where['top']}px down the screen: {where}"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("path", "target"), TARGETS)
def test_an_address_with_a_section_opens_at_it(browser, base_url: str, width: int, path: str, target: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base_url}{path}#{target}")
        assert page.locator(f"[id='{target}']").count() == 1, f"{path} has no #{target}"
        page.wait_for_timeout(SETTLE_MS)
        assert_lands(page, target, f"{path}#{target} at {width}px")
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_each_data_table_link_lands_on_its_table(browser, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + CHAPTER)
        links = page.get_by_role("link", name="Data table", exact=True)
        assert links.count() >= 3, "the chapter has fewer than three trend charts with a Data table link"
        for index in [links.count() - 1, 0, links.count() // 2]:  # far down first, while little is drawn
            link = links.nth(index)
            target = link.get_attribute("href").rsplit("#", 1)[1]
            link.click()
            page.wait_for_timeout(SETTLE_MS)
            assert_lands(page, target, f"'Data table' link to #{target} at {width}px")
    finally:
        context.close()


def test_figures_are_laid_out_late_on_screen_and_all_printed(site) -> None:
    page = site.open(CHAPTER)
    late = "e => getComputedStyle(e).contentVisibility"
    boxes = page.locator(".md-typeset > figure, .md-typeset > .jsna-numbers")
    assert boxes.count() > 10
    assert {boxes.nth(i).evaluate(late) for i in range(boxes.count())} == {"auto"}
    page.emulate_media(media="print")
    assert {boxes.nth(i).evaluate(late) for i in range(boxes.count())} == {"visible"}, "print would leave figures undrawn"


# Where the reader is: the heading or block of the page at the top of the screen, and its position.
PLACE = """() => {
  const below = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const blocks = [...document.querySelector('article.md-typeset').children];
  const i = blocks.findIndex(b => b.getBoundingClientRect().bottom > below && b.getBoundingClientRect().height > 0);
  return {block: i, what: blocks[i].tagName + '#' + (blocks[i].id || ''), top: Math.round(blocks[i].getBoundingClientRect().top)};
}"""


def assert_back_in_place(page, before: dict, how: str) -> None:
    page.wait_for_timeout(SETTLE_MS)
    after = eventually(page, lambda p: p.evaluate(PLACE), lambda a: a["block"] == before["block"] and abs(a["top"] - before["top"]) <= 8)
    assert after["block"] == before["block"] and abs(after["top"] - before["top"]) <= 8, f"{how}: the reader was at {before}, came back to {after}"


def read_down_from(page, path: str, target: str) -> dict:
    """Open ``path`` at ``target`` (never drawing what is above it), read on a little, and say where the reader is."""
    page.goto(f"{page.context.jsna_base}{path}#{target}")
    page.wait_for_timeout(SETTLE_MS)
    page.mouse.wheel(0, 500)
    page.wait_for_timeout(1000)  # the page keeps the reader's place 200 ms after scrolling stops
    return page.evaluate(PLACE)


@pytest.mark.parametrize("width", [390, 1280])
def test_back_and_reload_return_the_reader_to_where_they_were(browser, base_url: str, width: int) -> None:
    """A councillor opens a section from a committee paper's link, reads on, follows a link and comes
    back; or reloads. Nothing above the section was ever drawn, so the offsets the browser and the
    theme keep are off by the guessed heights: the page must still come back to the same place."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.jsna_base = base_url
    try:
        page = context.new_page()
        before = read_down_from(page, CHAPTER, "adult-smoking-female-table")
        page.locator("article a[href*='indicators/']").last.evaluate("a => a.click()")  # the theme's instant navigation
        page.wait_for_url("**/indicators/**")
        page.wait_for_timeout(800)
        page.go_back()
        assert_back_in_place(page, before, "back after a link")
        before = page.evaluate(PLACE)
        page.reload()
        assert_back_in_place(page, before, "reload")
        before = read_down_from(page, CHAPTER, "alcohol-related-deaths")
        page.goto(base_url + PAGES["indicator"])  # a new page load, not the theme's navigation
        page.wait_for_timeout(800)
        page.go_back()
        assert_back_in_place(page, before, "back after a page load")
    finally:
        context.close()


def test_back_from_a_data_table_link_returns_to_the_chart(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + CHAPTER)
        link = page.get_by_role("link", name="Data table", exact=True).last
        link.scroll_into_view_if_needed()
        page.wait_for_timeout(600)
        before = page.evaluate(PLACE)
        link.click()
        page.wait_for_timeout(SETTLE_MS)
        assert page.evaluate(PLACE) != before
        page.go_back()
        assert_back_in_place(page, before, "back from a Data table link")
    finally:
        context.close()
