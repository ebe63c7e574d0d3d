"""`make data` against recorded Fingertips responses gives files that `make build` turns into a site
(its MkDocs project: `generate`, in this process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from building import run_in_process

CONFIG = """title: Refreshed JSNA
updated: "2026-11-23"
fingertips: data/fingertips
indicators: data/indicators.yml
refresh:
  indicators: [92443, 90366]
  area_type: 502
  stale_after_days: 400
"""


def test_refresh_then_build(tmp_path: Path, repo: Path) -> None:
    (tmp_path / "jsna.yml").write_text(CONFIG)
    fetch = [sys.executable, "-m", "generators.fetch", "--config", "jsna.yml", "--data", "data", "--replay", str(repo / "tests/fetch/responses")]
    refreshed = subprocess.run(fetch, cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(repo), "PATH": ""})
    assert refreshed.returncode == 0, refreshed.stderr
    code, printed = run_in_process("generate", "--config", str(tmp_path / "jsna.yml"), "--build", str(tmp_path / "build"))
    assert code == 0, printed
    report = json.loads((tmp_path / "build/docs/build-report.json").read_text())
    assert report["rows"]["read"] == report["rows"]["used"] + report["rows"]["no_data"] + report["rows"]["rejected"] + report["rows"]["suppressed"] > 0
    assert {s["id"] for s in report["stale"]} == {"90366", "92443"}
    page = next((tmp_path / "build/docs/indicators").glob("life-expectancy*/index.md")).read_text()
    assert "*Data released:* 2023-12-12" in page and "*Downloaded:*" in page
