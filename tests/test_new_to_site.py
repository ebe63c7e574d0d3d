"""`make new` for a county, `make data` against the recorded Fingertips responses, then `generate`:
West Sussex with its seven districts, and its region and similar counties in the comparison charts."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

DISTRICTS = ["adur", "arun", "chichester", "crawley", "horsham", "mid-sussex", "worthing"]
RECORDED_COMPARATORS = ["South East region", "Hampshire", "Wiltshire", "Worcestershire", "Kent", "Cambridgeshire"]


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    done = subprocess.run([sys.executable, *args], cwd=repo, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def only_the_recorded_profile(config: Path) -> None:
    """The scaffold refreshes eight profiles; the recordings hold one (19). Keep its area types."""
    text = config.read_text(encoding="utf-8")
    text, replaced = re.subn(r"  profiles:\n(    - .*\n)+", "  profiles: [19]   # public-health-outcomes-framework\n", text)
    assert replaced == 1
    config.write_text(text, encoding="utf-8")


def test_new_county_then_data_then_generate(tmp_path: Path, repo: Path) -> None:
    folder = tmp_path / "west-sussex-jsna"
    run(repo, "-m", "generators", "new", "--area", "E10000032", "--dir", str(folder))
    config = folder / "jsna.yml"
    scaffolded = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert scaffolded["refresh"]["area_types"] == [502, 501, 6] and scaffolded["refresh"]["parent_area_type"] == 15
    only_the_recorded_profile(config)

    fetched = run(repo, "-m", "generators.fetch", "--config", str(config), "--data", str(folder / "data"),
                  "--replay", str(repo / "tests/fetch/responses"))
    assert "2 indicators (90366, 92443)" in fetched.stdout
    assert sorted(p.name for p in (folder / "data/fingertips").iterdir()) == [
        "90366-501.csv", "90366-6.csv", "90366.csv", "92443-501.csv", "92443-6.csv", "92443.csv",
    ]

    generated = run(repo, "-m", "generators", "generate", "--config", str(config))
    last = (generated.stdout + generated.stderr).strip().splitlines()[-1]
    assert last.startswith("done in") and "rows read" in last, last

    areas = folder / "build/docs/areas"
    assert sorted(p.name for p in areas.iterdir() if p.is_dir()) == sorted(["west-sussex", *DISTRICTS])
    report = json.loads((folder / "build/docs/build-report.json").read_text(encoding="utf-8"))
    assert report["rows"]["used"] > 0 and report["rows"]["rejected"] == 0  # England, in every area type's download, is kept once
    with (folder / "data/fingertips/90366-501.csv").open(encoding="utf-8-sig", newline="") as file:
        codes = {row["Area Code"] for row in csv.DictReader(file)}
    assert "E92000001" not in codes and "E07000226" in codes
    for page in ["west-sussex", *DISTRICTS]:
        charts = list((areas / page).glob("**/charts/life-expectancy-at-birth-compare.csv"))
        assert len(charts) == 1, page
        with charts[0].open(encoding="utf-8-sig", newline="") as handle:
            drawn = [row["Area"] for row in csv.DictReader(handle)]
        # the area, then its region and the similar counties the recordings have (the others have no data
        # and are skipped), in the scaffold's order, then England
        assert drawn[1:] == [*RECORDED_COMPARATORS, "England"], page
    county = next(areas.glob("west-sussex/**/charts/smoking-prevalence-in-adults-18-current-smokers-aps-compare.csv"))
    rows = {r["Area"]: r for r in csv.DictReader(county.open(encoding="utf-8-sig", newline=""))}
    assert rows["West Sussex"]["Value"] == "10.6" and rows["Hampshire"]["Value"] == "9.9"
    assert rows["South East region"]["Value"] == "10.8"
    # the profile's domains are the themes, filed in the life-course chapters by generators/fetch/chapters.yml
    assert (areas / "west-sussex/living-well/health-improvement").is_dir()
    assert (areas / "west-sussex/population/overarching-indicators").is_dir()
