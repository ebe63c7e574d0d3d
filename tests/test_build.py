"""End to end: the command line builds a site from the demonstration data and from real exports."""

from __future__ import annotations

import json
from pathlib import Path

from building import run_build


def test_demo_site_has_home_areas_index_and_chapter_pages(demo_site: Path) -> None:
    assert (demo_site / "index.html").is_file()
    assert (demo_site / "areas/index.html").is_file()
    areas = [p for p in (demo_site / "areas").iterdir() if p.is_dir()]
    assert len(areas) >= 5
    for area in areas:
        chapters = [p for p in area.iterdir() if (p / "index.html").is_file()]
        assert {c.name for c in chapters} >= {"population", "starting-well", "living-well", "ageing-well", "wider-determinants"}


def test_readable_permanent_addresses_and_anchors(demo_site: Path) -> None:
    page = (demo_site / "areas/west-sussex/living-well/index.html").read_text()
    assert 'id="adult-smoking-persons"' in page
    assert "significantly" in page or "similar to England" in page


def test_every_page_says_it_is_demonstration_data(demo_site: Path) -> None:
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 50
    missing = [str(p) for p in pages if "Demonstration data" not in p.read_text()]
    assert missing == []


def test_build_report_accounts_for_every_row(demo_site: Path, repo: Path) -> None:
    report = json.loads((demo_site / "build-report.json").read_text())
    rows = report["rows"]
    assert rows["used"] + rows["no_data"] + rows["suppressed"] + rows["rejected"] == rows["read"]
    data_rows = sum(len(p.read_text(encoding="utf-8-sig").strip().splitlines()) - 1 for p in (repo / "data/demo/fingertips").glob("*.csv"))
    assert rows["read"] == data_rows
    assert rows["no_data"] == 2
    assert "352" in report["indicators_without_polarity"]


def test_navigation_stays_small(demo_site: Path) -> None:
    page = (demo_site / "areas/adur/population/index.html").read_text()
    assert page.count('href="../../arun/') == 0  # no global nav entry per area


def test_search_index_finds_areas_and_indicators(demo_site: Path) -> None:
    index = (demo_site / "search/search_index.json").read_text()
    assert "Crawley" in index and "Adult smoking" in index


def test_real_exports_build_a_site(shared: Path, tmp_path: Path) -> None:
    result = run_build("build", "--data", str(shared / "fixtures/fingertips"), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "s/build-report.json").read_text())
    assert report["rows"]["read"] == 852 + 307
    assert (tmp_path / "s/areas/county-durham/index.html").is_file()
    # Recomputed comparisons with England and trends agree with Fingertips' own columns.
    assert report["verdicts"] == {"checked": 750, "agreed": 750, "from_export": 307}
    assert report["trends"]["checked"] == report["trends"]["agreed"] == 195
    inferred = {p["id"]: p["polarity"] for p in report["polarity"]}
    assert inferred == {"93356": "low_is_good", "93077": "high_is_good"}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    sites = []
    for name in ("one", "two"):
        assert run_build("build", "--build", str(tmp_path / name / "b"), "--site", str(tmp_path / name / "s")).returncode == 0
        sites.append(tmp_path / name / "s")
    files = sorted(p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file())
    different = [str(f) for f in files if (sites[0] / f).read_bytes() != (sites[1] / f).read_bytes()]
    assert different == []


def test_bad_input_stops_with_one_message_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "exports"
    bad.mkdir()
    (bad / "smoking.csv").write_text("Indicator ID;Indicator Name\n1;x\n")
    result = run_build("build", "--data", str(bad), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "smoking.csv, line 1" in result.stderr and "comma-separated" in result.stderr
    assert not (tmp_path / "s").exists()


def test_unknown_area_in_config_names_the_line(tmp_path: Path, repo: Path) -> None:
    config = tmp_path / "jsna.yml"
    config.write_text(f"title: Test\nfingertips: {repo}/data/demo/fingertips\nareas:\n  - E99999999\n")
    result = run_build("build", "--config", str(config), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "jsna.yml, line 3" in result.stderr and "E99999999" in result.stderr


def test_area_pages_made_on_two_cores_match_one_core(shared: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    data = str(shared / "fixtures/fingertips")  # 346 areas: made by two worker processes
    assert run_build("build", "--data", data, "--build", str(tmp_path / "b1"), "--site", str(tmp_path / "two")).returncode == 0
    serial = (
        "import generators.area_pages as a; a.PARALLEL_FROM_AREAS = 10**9\n"
        "from generators.cli import main\n"
        f"raise SystemExit(main(['build', '--data', {data!r}, '--build', {str(tmp_path / 'b2')!r}, '--site', {str(tmp_path / 'one')!r}]))"
    )
    assert subprocess.run([sys.executable, "-c", serial], cwd=Path(__file__).parent.parent).returncode == 0
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert all((tmp_path / "one" / f).read_bytes() == (tmp_path / "two" / f).read_bytes() for f in files)
