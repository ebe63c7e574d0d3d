"""Material's search (a web worker over http) finds an area and an indicator by keyboard alone."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

RESULT_LINK = ".md-search-result__link"


def focused_href(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.getAttribute('href') || ''")


@pytest.mark.parametrize(
    ("key", "query", "target"),
    [("/", "Crawley", "/areas/crawley/"), ("s", "smoking", "/indicators/adult-smoking/")],
    ids=["area", "indicator"],
)
def test_search_opens_a_result_by_keyboard(site, key: str, query: str, target: str) -> None:
    page = site.open("/")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), f"pressing {key!r} did not focus the search box"
    page.keyboard.type(query)
    page.locator(RESULT_LINK).first.wait_for(state="visible", timeout=10_000)
    assert page.workers, "the search index should be searched in a web worker"

    # Arrow down through the results until the target page has focus, then open it.
    seen = []
    for _ in range(page.locator(RESULT_LINK).count()):
        page.keyboard.press("ArrowDown")
        href = focused_href(page)
        seen.append(urlsplit(href).path)
        if seen[-1] == target:
            break
    assert seen and seen[-1] == target, f"{target} not reachable by arrow keys in the results for {query!r}: {seen}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == target
    assert page.locator("h1").first.is_visible()
