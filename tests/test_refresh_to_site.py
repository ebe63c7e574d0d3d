"""`make data` against recorded Fingertips responses gives files that `make build` turns into a site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from building import run_build

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
    result = run_build("build", "--config", str(tmp_path / "jsna.yml"), "--build", str(tmp_path / "build"), "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "site/build-report.json").read_text())
    assert report["rows"]["read"] == report["rows"]["used"] + report["rows"]["no_data"] + report["rows"]["rejected"] + report["rows"]["suppressed"] > 0
    assert {s["id"] for s in report["stale"]} == {"90366", "92443"}
    page = next((tmp_path / "site/indicators").glob("life-expectancy*/index.html")).read_text()
    assert "Data released:</em> 2023-12-12" in page and "Downloaded:</em>" in page
