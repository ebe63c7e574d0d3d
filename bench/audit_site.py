"""Audit a built site as a resident's phone meets it (issue 16): one table of figures.

    .venv/bin/python bench/audit_site.py [site/] [--json out.json] [--runs 1]

Serves the folder gzipped on loopback (as GitHub Pages would) and measures, per page type of
the demonstration site: Lighthouse mobile performance and accessibility, total blocking time,
cumulative layout shift, bytes of a first visit; the Nu HTML checker's errors; Tab stops whose
focus cannot be seen at 390 px. Also the search index's bytes, raw and gzipped. Needs
`npm ci` (lighthouse, vnu-jar), Debian's chromium and a Java runtime.

Lighthouse's scores depend on the machine: read them on a quiet one, and compare runs made
on the same machine (`--runs 3` gives the median).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from focus_walk import tab_through  # noqa: E402
from gzip_server import serve_gzipped  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = {
    "home": "/",
    "areas": "/areas/",
    "area overview": "/areas/west-sussex/",
    "chapter": "/areas/west-sussex/living-well/",
    "theme": "/areas/west-sussex/ageing-well/dementia/",
    "indicator": "/indicators/adult-smoking/",
    "inequalities": "/areas/west-sussex/inequalities/",
}
CHECKED = {**PAGES, "methods": "/methods/", "accessibility": "/accessibility/", "not found": "/404.html"}


def lighthouse(url: str) -> dict:
    """One Lighthouse mobile run (its default: Moto G power, simulated slow 4G, 4x CPU slowdown)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, timeout=240)
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "bytes": round(audits["total-byte-weight"]["numericValue"]),
        "dom_nodes": round(audits["dom-size"]["numericValue"]) if "dom-size" in audits else None,
        "failed_accessibility": sorted(a["id"] for a in (audits[r["id"]] for r in report["categories"]["accessibility"]["auditRefs"]) if a.get("score") == 0),
    }


def nu_errors(site: Path) -> dict[str, int]:
    """The Nu HTML checker's errors per page type."""
    files = {name: site / path.lstrip("/") / ("" if path.endswith(".html") else "index.html") for name, path in CHECKED.items()}
    files = {name: (f if f.suffix == ".html" else f.parent) for name, f in files.items()}
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())]
    result = subprocess.run(command, capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    counts = dict.fromkeys(files, 0)
    for m in messages:
        for name, f in files.items():
            if m.get("url", "").endswith(str(f)):
                counts[name] += 1
    return counts


def invisible_focus(base: str, path: str, width: int = 390) -> list[dict]:
    """Tab through a page at ``width`` px: the stops whose focus a sighted keyboard user cannot see
    (judged as tests/browser/test_focus.py judges them: focus_walk.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless=new"])
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(base + path, wait_until="load")
        bad = [stop for stop in tab_through(page) if stop["problems"]]
        browser.close()
    return bad


def search_index(site: Path) -> dict[str, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    pages = sum(1 for _ in site.rglob("index.html"))
    return {"raw": len(data), "gzipped": len(gzip.compress(data, 6, mtime=0)), "pages": pages, "raw_per_page": round(len(data) / max(pages, 1))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(REPO / "site"))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (the median is kept)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a page misses a target (performance 90, accessibility 100, CLS 0.1, no Nu error, no unseen focus)"
    )
    args = parser.parse_args()
    site = Path(args.site).resolve()
    figures: dict = {"pages": {}, "search_index": search_index(site), "nu_errors": nu_errors(site)}
    with serve_gzipped(site) as base:
        for name, path in PAGES.items():
            row: dict = {}
            if not args.skip_lighthouse:
                runs = [lighthouse(base + path) for _ in range(args.runs)]
                row = {k: (statistics.median(r[k] for r in runs) if isinstance(runs[0][k], (int, float)) else runs[0][k]) for k in runs[0]}
            row["invisible_focus_390"] = len(invisible_focus(base, path))
            figures["pages"][name] = row
            print(name, row, flush=True)
    print()
    print("| page | performance | accessibility | TBT ms | CLS | bytes (first visit, gzipped) | DOM nodes | Tab stops, focus unseen at 390 px |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in figures["pages"].items():
        print(
            f"| {name} | {r.get('performance', '')} | {r.get('accessibility', '')} | {r.get('tbt_ms', '')} | {r.get('cls', '')} | "
            f"{r.get('bytes', 0):,} | {r.get('dom_nodes', '')} | {r['invisible_focus_390']} |"
        )
    print()
    print("Nu HTML checker errors:", ", ".join(f"{k} {v}" for k, v in figures["nu_errors"].items()))
    s = figures["search_index"]
    print(f"Search index: {s['raw']:,} bytes ({s['gzipped']:,} gzipped) for {s['pages']:,} pages: {s['raw_per_page']:,} bytes a page")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    if args.check:
        missed = missed_targets(figures)
        print("\n".join(missed) if missed else "Every target met.")
        raise SystemExit(1 if missed else 0)


def missed_targets(figures: dict) -> list[str]:
    missed = [f"Nu HTML checker: {n} errors on {name}" for name, n in figures["nu_errors"].items() if n]
    for name, r in figures["pages"].items():
        if r.get("performance", 100) < 90:
            missed.append(f"{name}: Lighthouse performance {r['performance']} (90 wanted)")
        if r.get("accessibility", 100) < 100:
            missed.append(f"{name}: Lighthouse accessibility {r['accessibility']} (100 wanted): {r.get('failed_accessibility')}")
        if r.get("cls", 0) >= 0.1:
            missed.append(f"{name}: CLS {r['cls']} (under 0.1 wanted)")
        if r["invisible_focus_390"]:
            missed.append(f"{name}: {r['invisible_focus_390']} Tab stops with unseen focus at 390 px")
    return missed


if __name__ == "__main__":
    main()
