"""Lighthouse (npm `lighthouse`, run against Debian's Chromium) on the demonstration site served
gzipped on loopback, as GitHub Pages would serve it, at its default mobile profile.

What is asserted here is what does not depend on how busy the machine is: the accessibility
score (100), layout shift (CLS under 0.1), a first visit's bytes and the page's DOM size. The
performance score and total blocking time are timings: their targets (performance 90 or more)
are checked by `bench/audit_site.py --check`, never by a test (see bench/README.md).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from browser.conftest import CHROMIUM, REPO, missing
from browser.gzip_server import serve_gzipped
from browser.pages import PAGES

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
AUDITED = ["home", "areas", "area", "chapter", "theme", "indicator", "inequalities"]
FIRST_VISIT_BYTES = 250_000  # gzipped, everything a first visit downloads (the theme's bundle is about 70 KB of it)
DOM_NODES = 1_500


@pytest.fixture(scope="module")
def reports(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    if not LIGHTHOUSE.exists():
        missing(f"{LIGHTHOUSE.relative_to(REPO)} not found: run `npm ci` to install Lighthouse")
    if not os.access(CHROMIUM, os.X_OK):
        missing(f"{CHROMIUM} not found: install Debian's chromium")
    folder = tmp_path_factory.mktemp("lighthouse")
    found = {}
    with serve_gzipped(demo_site) as base:
        for name in AUDITED:
            out = folder / f"{name}.json"
            command = [
                str(LIGHTHOUSE), base + PAGES[name], "--quiet", "--output=json", f"--output-path={out}",
                "--only-categories=performance,accessibility", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ]  # fmt: skip
            run = subprocess.run(command, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True, timeout=300)
            assert run.returncode == 0, f"lighthouse failed on {PAGES[name]}: {run.stderr[-2000:]}"
            found[name] = json.loads(out.read_text())
    return found


@pytest.mark.parametrize("name", AUDITED)
def test_lighthouse_accessibility_is_100(reports: dict[str, dict], name: str) -> None:
    report = reports[name]
    failed = [ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"] if report["audits"][ref["id"]].get("score") == 0]
    assert report["categories"]["accessibility"]["score"] == 1, f"{PAGES[name]}: accessibility audits failed: {failed}"


@pytest.mark.parametrize("name", AUDITED)
def test_pages_do_not_shift_and_stay_light(reports: dict[str, dict], name: str) -> None:
    audits = reports[name]["audits"]
    cls = audits["cumulative-layout-shift"]["numericValue"]
    weight = audits["total-byte-weight"]["numericValue"]
    nodes = audits["dom-size"]["numericValue"]
    assert cls < 0.1, f"{PAGES[name]}: cumulative layout shift {cls:.3f} (under 0.1 wanted)"
    assert weight < FIRST_VISIT_BYTES, f"{PAGES[name]}: a first visit downloads {weight:,.0f} bytes (under {FIRST_VISIT_BYTES:,} wanted)"
    assert nodes < DOM_NODES, f"{PAGES[name]}: {nodes:,.0f} DOM nodes (under {DOM_NODES:,} wanted)"
