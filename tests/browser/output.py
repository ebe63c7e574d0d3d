"""What the browser tests leave in test-output/ (git-ignored): screenshots, axe results, a PDF."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"


def screenshot(page, name: str, width: int) -> None:
    """The whole page as test-output/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def record_axe(summary: dict, order: list[str]) -> None:
    """Write this page's result, then merge every page's into axe-results.json (safe under xdist)."""
    folder = OUTPUT / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{summary['page']}.json").write_text(json.dumps(summary, indent=2) + "\n")
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        merged = {p.stem: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}
        results = [merged[name] for name in order if name in merged]
        tmp = OUTPUT / "axe-results.json.tmp"
        tmp.write_text(json.dumps(results, indent=2) + "\n")
        os.replace(tmp, OUTPUT / "axe-results.json")
