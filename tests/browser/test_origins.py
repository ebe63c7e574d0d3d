"""No page requests anything from another origin (fonts, scripts, maps, analytics).

Each page is also photographed at desktop width: test-output/screenshots/<page>-1280.png
(the 320 px screenshots come from the reflow test in test_layout.py).
"""

from __future__ import annotations

import pytest

from browser.output import screenshot
from browser.pages import PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_requests_only_its_own_origin(site, name: str) -> None:
    page = site.open(PAGES[name], wait_until="networkidle")
    screenshot(page, name, 1280)  # scrolls the whole page, so lazy images load too
    page.wait_for_load_state("networkidle")
    assert site.requests[PAGES[name]], "no requests were recorded"
    foreign = site.foreign()
    assert not foreign, f"requests to other origins: {foreign}"
