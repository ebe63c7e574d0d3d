"""Keyboard and focus (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11), 390 and 1280 px wide: every place the Tab key
stops is on screen and visibly marked; nothing closed (the navigation drawer, the search) takes the
focus; the menu, the drawer's levels and the search open, move the focus in and close by keyboard;
the search results are reached by Tab as well as the arrow keys.

Each page's Tab stops (how many, and any that failed) go to test-output/focus/<width>-<page>.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from browser.conftest import Site, new_site
from browser.focus_walk import MAX_STOPS, focus, tab_through
from browser.output import OUTPUT
from browser.pages import PAGES

WIDTHS = [390, 1280]
WALKED = ["home", "area", "chapter", "indicator"]
# The theme's <label>s for its checkboxes, which jsna.js makes real buttons (keeping their `for`).
MENU = "button.md-header__button[for='__drawer']"
SEARCH_BUTTON = "button.md-header__button[for='__search']"
RESULT_LINK = ".md-search-result__link"


@pytest.fixture
def phone_site(browser, base_url: str) -> Iterator[Site]:
    """A 390 x 844 context: a common phone, where the navigation is a drawer and search opens full screen."""
    yield from new_site(browser, base_url, viewport={"width": 390, "height": 844})


def site_at(request: pytest.FixtureRequest, width: int) -> Site:
    """The 390 px context (phone_site) or the 1280 px one (conftest's site)."""
    return request.getfixturevalue("phone_site" if width < 600 else "site")


def tab_to(page, selector: str, limit: int = 12) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached in {limit} presses of Tab")


def record(width: int, name: str, stops: list[dict]) -> None:
    folder = OUTPUT / "focus"
    folder.mkdir(parents=True, exist_ok=True)
    failed = [stop for stop in stops if stop["problems"]]
    summary = {"page": name, "path": PAGES[name], "width": width, "stops": len(stops), "invisible": len(failed), "failed": failed}
    (folder / f"{width}-{name}.json").write_text(json.dumps(summary, indent=2) + "\n")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", WALKED)
def test_every_tab_stop_is_on_screen_and_visibly_focused(request: pytest.FixtureRequest, width: int, name: str) -> None:
    page = site_at(request, width).open(PAGES[name], wait_until="networkidle")
    stops = tab_through(page)
    record(width, name, stops)
    assert len(stops) >= 3, f"{PAGES[name]} at {width}px: only {len(stops)} Tab stops"
    assert len(stops) < MAX_STOPS or all(not s["problems"] for s in stops)
    invisible = [f"{s['element']} {s['name']!r}: {', '.join(s['problems'])}" for s in stops if s["problems"]]
    assert not invisible, f"{PAGES[name]} at {width}px: {len(invisible)} of {len(stops)} Tab stops cannot be seen: " + "; ".join(invisible)
    if width < 600:
        assert not any(s["inDrawer"] for s in stops), "the closed navigation drawer took the focus"
        assert not any(s["inSearch"] for s in stops), "the closed search took the focus"
        assert stops[1]["element"].startswith("button.md-header__button"), f"the menu button should follow the skip link: {stops[:3]}"
    else:
        assert any(s["inDrawer"] for s in stops), "the navigation sidebar, shown at this width, should be reachable by Tab"


def test_the_menu_opens_and_closes_by_keyboard(phone_site) -> None:
    page = phone_site.open(PAGES["chapter"], wait_until="networkidle")
    tab_to(page, MENU)
    menu = page.locator(MENU)
    assert menu.evaluate("e => e.tagName") == "BUTTON" and menu.get_attribute("aria-label") == "Menu"
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Enter on the menu button did not open the drawer"
    assert menu.get_attribute("aria-expanded") == "true"
    first = focus(page)
    assert first and first["inDrawer"] and not first["problems"], f"the open drawer should take the focus, visibly: {first}"
    links = []
    for _ in range(4):  # into the drawer's links, each visible
        page.keyboard.press("Tab")
        stop = focus(page)
        assert stop and stop["inDrawer"] and not stop["problems"], f"in the open drawer: {stop}"
        links.append(stop["name"])
    assert {"Areas", "Topics"} <= set(links), links
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the drawer"
    assert page.evaluate("s => document.activeElement.matches(s)", MENU), "Escape should give the focus back to the menu button"
    page.keyboard.press(" ")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Space on the menu button did not open the drawer"


def test_tabbing_out_of_the_open_drawer_closes_it(phone_site) -> None:
    page = phone_site.open(PAGES["chapter"], wait_until="networkidle")
    tab_to(page, MENU)
    page.keyboard.press("Enter")
    for _ in range(20):
        page.keyboard.press("Tab")
        stop = focus(page)
        if stop and not stop["inDrawer"]:
            break
    assert not page.evaluate("document.getElementById('__drawer').checked"), "the drawer stayed open with the focus outside it"
    assert stop and not stop["problems"], f"after the drawer: {stop}"


def test_the_drawers_levels_open_and_close_by_keyboard(phone_site) -> None:
    """On a page in a section (About), the drawer opens at the section; its contents level opens and
    closes from the keyboard, the focus following each level."""
    page = phone_site.open(PAGES["about"], wait_until="networkidle")
    tab_to(page, MENU)
    page.keyboard.press("Enter")
    assert (focus(page) or {}).get("name") == "Back from About"
    tab_to(page, "button.md-nav__link[for='__toc']", limit=1)
    opener = page.locator("button.md-nav__link[for='__toc']")
    assert opener.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    inside = focus(page)
    assert inside and inside["name"] == "Back from Table of contents" and not inside["problems"], inside
    page.keyboard.press("Tab")
    heading = focus(page)
    assert heading and heading["element"].startswith("a.md-nav__link") and not heading["problems"], heading
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    back = focus(page)
    assert back and back["name"].endswith("contents of this page") and not back["problems"], back
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # back from About: the main menu
    main = focus(page)
    assert main and main["name"] == "About section" and not main["problems"], main
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        stop = focus(page)
        assert stop and stop["inDrawer"] and not stop["problems"], stop


@pytest.mark.parametrize("width", WIDTHS)
def test_search_is_reached_by_keyboard_and_tab_reaches_its_results(request: pytest.FixtureRequest, width: int) -> None:
    page = site_at(request, width).open(PAGES["area"], wait_until="networkidle")
    dialog = page.locator(".md-search")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-label") == "Search this site"
    if width < 600:
        tab_to(page, SEARCH_BUTTON)
        assert page.locator(SEARCH_BUTTON).get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.locator(SEARCH_BUTTON).get_attribute("aria-expanded") == "true"
    else:
        tab_to(page, ".md-search__input")
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "the search box should have the focus"
    hint = page.locator("#" + page.locator(".md-search__input").get_attribute("aria-describedby"))
    assert "Tab or the arrow keys" in hint.inner_text()
    page.keyboard.type("smoking")
    page.locator(RESULT_LINK).first.wait_for(state="visible", timeout=10_000)
    assert hint.is_visible(), "the hint should show above the results"
    reached = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stop = focus(page)
        assert stop and stop["inSearch"], f"Tab left the search before reaching a result: {stop}"
        assert not stop["problems"], f"{stop['element']} in the search: {stop['problems']}"
        reached.append(stop["element"])
        if stop["element"].startswith("a.md-search-result__link"):
            break
    assert reached[-1].startswith("a.md-search-result__link"), f"Tab did not reach a result: {reached}"
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("s => document.activeElement.matches(s)", RESULT_LINK), "Shift+Tab should go back to the result"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked"), "Escape did not close the search"
    if width < 600:
        assert page.evaluate("s => document.activeElement.matches(s)", SEARCH_BUTTON), "Escape should give the focus back to the search button"
        page.keyboard.press("/")  # the theme's key for search opens it on a phone too
        assert page.evaluate("document.activeElement.matches('.md-search__input')")
        assert page.evaluate("document.getElementById('__search').checked")
