"""The HTML of every page type of the demonstration site: no errors from the Nu HTML checker (the W3C's
validator, vnu.jar from npm, run on the built files), a description on every page, and a 404 page
that works when the site is published under a sub-path (/jsna/) without site_url.

The checker's messages for each page go to test-output/vnu-results.json.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser.conftest import REPO, missing
from browser.output import OUTPUT
from browser.pages import PAGES

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PREFIX = "/jsna"


def page_file(site: Path, path: str) -> Path:
    """The built file of a page's address: /areas/ is areas/index.html, /404.html itself."""
    return site / (path.strip("/") if path.endswith(".html") else (path.strip("/") + "/index.html").lstrip("/"))


@pytest.fixture(scope="module")
def checked(demo_site: Path) -> dict[str, list[dict]]:
    """The Nu HTML checker's errors for one page of each type, run once over all of them."""
    java = shutil.which("java")
    if not java:
        missing("java not found: install a Java runtime (apt-get install default-jre-headless) to run the Nu HTML checker")
    if not VNU.is_file():
        missing(f"{VNU.relative_to(REPO)} not found: run `npm ci` to install the Nu HTML checker (vnu-jar)")
    files = {name: page_file(demo_site, path) for name, path in PAGES.items()}
    absent = [str(f) for f in files.values() if not f.is_file()]
    assert not absent, f"pages not built: {absent}"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    by_file: dict[str, list[dict]] = {name: [] for name in files}
    where = {f.resolve(): name for name, f in files.items()}
    for message in messages:
        file = Path(unquote(urlsplit(message.get("url", "")).path)).resolve()
        by_file.setdefault(where.get(file, str(file)), []).append(message)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    summary = [{"page": name, "path": PAGES.get(name, ""), "errors": len(found), "messages": found} for name, found in by_file.items()]
    (OUTPUT / "vnu-results.json").write_text(json.dumps(summary, indent=2) + "\n")
    return by_file


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_html_errors(checked: dict[str, list[dict]], name: str) -> None:
    unplaced = [m for key, found in checked.items() if key not in PAGES for m in found]
    assert not unplaced, f"messages the test could not place on a page: {unplaced[:3]}"
    errors = [f"line {m.get('lastLine')}: {m['message']} ({m.get('extract', '').strip()[:120]!r})" for m in checked[name] if m.get("type") == "error"]
    assert not errors, f"{PAGES[name]}: {len(errors)} Nu HTML checker errors: " + "; ".join(errors)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_a_description(demo_site: Path, name: str) -> None:
    html = page_file(demo_site, PAGES[name]).read_text(encoding="utf-8")
    found = re.findall(r'<meta name="description" content="([^"]*)"', html)
    assert len(found) == 1, f"{PAGES[name]}: {len(found)} meta descriptions"
    assert found[0].strip(), f"{PAGES[name]}: an empty description"


class SubPathHandler(SimpleHTTPRequestHandler):
    """The site under /jsna/, as on GitHub Pages for a project: a missing address gets 404.html."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            return os.path.join(self.directory, "no such file")
        return super().translate_path(path[len(PREFIX) :] or "/")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = Path(self.directory, "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def sub_path_url(demo_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(demo_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="jsna-sub-path", daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


STYLED = """() => ({
  base: document.baseURI,
  jsnaCss: [...document.styleSheets].some(s => (s.href || "").endsWith("/assets/jsna.css") && s.cssRules.length > 0),
  header: getComputedStyle(document.querySelector(".md-header")).position,
  banner: getComputedStyle(document.querySelector(".md-banner")).backgroundColor,
  home: document.querySelector(".md-content a").href,
  areas: [...document.querySelectorAll(".md-sidebar--primary a.md-nav__link")].map(a => a.href).find(h => h.endsWith("/areas/")) || "",
  script: !!document.querySelector("button.md-header__button[for='__drawer']"),  // jsna.js makes the theme's label a button
})"""


@pytest.mark.parametrize("address", ["/areas/no-such-area/", "/indicators/no-such-indicator/deeper/page/", "/no-such-page.html"])
def test_404_page_works_under_a_sub_path(browser, sub_path_url: str, address: str) -> None:
    """Published under /jsna/ without site_url (the demonstration has none), the 404 page finds the
    site's folder from the address (areas/, indicators/) or, for an address with none of the site's
    folders in it, from the site's page this browser showed before; its styles, scripts and links work."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        if "/" not in address.strip("/"):
            page.goto(sub_path_url + "/", wait_until="networkidle")  # a page of the site seen first
        response = page.goto(sub_path_url + address, wait_until="networkidle")
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        found = page.evaluate(STYLED)
        root = sub_path_url + "/"
        assert found["base"] == root, found
        assert found["jsnaCss"], f"assets/jsna.css did not load at {address}: {found}"
        assert found["header"] == "sticky", f"the theme's styles are missing: {found}"
        assert found["banner"] == "rgb(124, 45, 18)", f"assets/jsna.css is not applied: {found}"
        assert found["home"] == root and found["areas"] == root + "areas/", found
        assert found["script"], "jsna.js did not run on the 404 page"
    finally:
        context.close()
