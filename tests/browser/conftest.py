"""Real-browser fixtures: the demonstration site served on 127.0.0.1, one Chromium per session.

Chromium is Debian's (/usr/bin/chromium), never one Playwright downloads; axe-core comes
from node_modules (package-lock.json). Where either is missing the tests skip with the
reason, unless JSNA_REQUIRE_BROWSER=1 (set by .ci/run), where they fail.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def missing(reason: str) -> None:
    """Fail where CI requires the browser tests to run; skip otherwise, saying why."""
    if os.environ.get("JSNA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (JSNA_REQUIRE_BROWSER=1, so this is an error)", pytrace=False)
    pytest.skip(reason)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet: the tests report what matters
        pass


@pytest.fixture(scope="session")
def base_url(demo_site: Path) -> Iterator[str]:
    """The built demonstration site, served by a threaded http.server on a free port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(demo_site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="jsna-site", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright Python package is not installed (pip install -r requirements.txt)")
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        missing(f"{AXE.relative_to(REPO)} not found: run `npm ci` to install axe-core for the accessibility tests")
    return AXE


@dataclass
class Site:
    """Opens pages of the served site in one browser context, recording every request per page."""

    base_url: str
    context: object
    requests: dict[str, list[str]] = field(default_factory=dict)

    def open(self, path: str, wait_until: str = "load"):
        """A new tab at ``path``; its requests (and its workers') are recorded under ``path``."""
        page = self.context.new_page()
        urls = self.requests.setdefault(path, [])
        page.on("request", lambda request: urls.append(request.url))
        page.goto(self.base_url + path, wait_until=wait_until)
        return page

    def foreign(self) -> dict[str, list[str]]:
        """Requests to any origin other than the site's, by the page that made them."""
        origin = urlsplit(self.base_url)[:2]
        found = {}
        for path, urls in self.requests.items():
            bad = [u for u in urls if not u.startswith(LOCAL_SCHEMES) and urlsplit(u)[:2] != origin]
            if bad:
                found[path] = bad
        return found


def new_site(browser, base_url: str, **options) -> Iterator[Site]:
    context = browser.new_context(**options)
    site = Site(base_url, context)
    origin = base_url + "/"

    def block_foreign(route) -> None:
        # Recorded by the request listener; never let a test reach the network.
        if route.request.url.startswith(origin) or route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", block_foreign)
    yield site
    context.close()
    foreign = site.foreign()
    assert not foreign, f"pages requested other origins: {foreign}"


@pytest.fixture
def site(browser, base_url: str) -> Iterator[Site]:
    """A desktop-sized (1280 x 800) context; the test fails if any page requested another origin."""
    yield from new_site(browser, base_url, viewport={"width": 1280, "height": 800})


@pytest.fixture
def narrow_site(browser, base_url: str) -> Iterator[Site]:
    """A 320 x 640 context, the narrowest screen WCAG 1.4.10 (reflow) asks for."""
    yield from new_site(browser, base_url, viewport={"width": 320, "height": 640})


@pytest.fixture
def static_site(browser, base_url: str) -> Iterator[Site]:
    """A desktop context with JavaScript turned off."""
    yield from new_site(browser, base_url, viewport={"width": 1280, "height": 800}, java_script_enabled=False)
