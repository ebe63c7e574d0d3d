"""End to end: the command line builds a site from the demonstration data and from real exports."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest
from building import Background, differences, files_of, in_background, run_build, run_in_process

from generators.write import pages as page_writer


def test_demo_site_has_home_areas_index_and_chapter_pages(demo_site: Path) -> None:
    assert (demo_site / "index.html").is_file()
    assert (demo_site / "areas/index.html").is_file()
    areas = [p for p in (demo_site / "areas").iterdir() if p.is_dir() and ">In the NHS<" not in (p / "index.html").read_text()]  # NHS areas have their own indicators only (tests/test_nhs_pages.py)
    assert len(areas) >= 5
    for area in areas:
        chapters = [p for p in area.iterdir() if (p / "index.html").is_file()]
        assert {c.name for c in chapters} >= {"population", "starting-well", "living-well", "ageing-well", "wider-determinants"}


def test_readable_permanent_addresses_and_anchors(demo_site: Path) -> None:
    page = (demo_site / "areas/west-sussex/living-well/index.html").read_text()
    assert 'id="adult-smoking-persons"' in page
    section = page.split('id="adult-smoking-persons"', 1)[1].split("<h2", 1)[0]
    assert "<strong>significantly better than England</strong>" in section  # the demonstration's West Sussex smokes less


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
    data_rows += sum(len(p.read_text(encoding="utf-8").strip().splitlines()) - 1 for p in (repo / "data/demo/local").glob("*.csv"))  # the care measures (tidy format)
    with (repo / "data/demo/local-counts.csv").open(encoding="utf-8", newline="") as file:  # one row computed per area, indicator, period and sex
        computed = len({(r["area_code"], r["indicator_id"], r["period"], r["sex"]) for r in csv.DictReader(file)})
    assert computed == 180
    assert rows["read"] == data_rows + computed
    assert rows["no_data"] == 2
    assert "352" in report["indicators_without_polarity"]


def test_navigation_stays_small(demo_site: Path) -> None:
    page = (demo_site / "areas/adur/population/index.html").read_text()
    assert page.count('href="../../arun/') == 0  # no global nav entry per area


def test_search_index_finds_areas_and_indicators(demo_site: Path) -> None:
    index = (demo_site / "search/search_index.json").read_text()
    assert "Crawley" in index and "Adult smoking" in index


class CountingPool(page_writer.ProcessPoolExecutor):
    """The process pool the page writer uses, counting the pools started."""

    started = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        CountingPool.started += 1
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="module")
def real_exports(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every stage but MkDocs (which the other builds exercise) on real exports: 346 areas, so the
    pages are made by two worker processes. Returns the build folder."""
    build = tmp_path_factory.mktemp("real") / "build"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(page_writer, "ProcessPoolExecutor", CountingPool)
        code, printed = run_in_process("generate", "--data", str(shared / "fixtures/fingertips"), "--build", str(build))
    assert code == 0, printed
    assert CountingPool.started >= 1, "the pages were not made by worker processes"
    return build


def test_real_exports_build_a_site(real_exports: Path) -> None:
    docs = real_exports / "docs"
    report = json.loads((docs / "build-report.json").read_text())
    assert report["rows"]["read"] == 852 + 307
    assert (docs / "areas/county-durham/index.md").is_file()
    # Recomputed comparisons with England and trends agree with Fingertips' own columns.
    assert report["verdicts"] == {"checked": 750, "agreed": 750, "from_export": 307, "quintiles": 0}
    assert report["trends"]["checked"] == report["trends"]["agreed"] == 215  # with the deprivation-decile rows, kept since issue 12
    inferred = {p["id"]: p["polarity"] for p in report["polarity"]}
    assert inferred == {"93356": "low_is_good", "93077": "high_is_good"}


@in_background("demo_rebuilt", after=("demo_site",))
def build_demo_again(out: Path, background: Background) -> subprocess.CompletedProcess[str]:
    """`python -m generators build` of the session's demonstration again (its jsna.yml), into other folders."""
    config = background.result("demo_site").parent / "jsna.yml"
    return run_build("build", "--config", str(config), "--build", str(out / "b"), "--site", str(out / "s"))


@pytest.fixture
def demo_rebuilt(background: Background) -> subprocess.CompletedProcess[str]:
    return background.result("demo_rebuilt")


def test_two_builds_are_byte_identical(demo_site: Path, demo_rebuilt: subprocess.CompletedProcess[str]) -> None:
    """The session's demonstration and the same configuration built again: every file of the two sites the same."""
    assert demo_rebuilt.returncode == 0, demo_rebuilt.stderr
    site = Path(demo_rebuilt.args[demo_rebuilt.args.index("--site") + 1])
    assert differences(demo_site, site) == []


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
    code, printed = run_in_process("build", "--config", str(config), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    assert code == 1
    assert "jsna.yml, line 3" in printed and "E99999999" in printed
    assert not (tmp_path / "s").exists()


def test_area_pages_made_on_two_cores_match_one_core(real_exports: Path, shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_writer, "PARALLEL_FROM_JOBS", 10**9)  # every page made in this process
    code, printed = run_in_process("generate", "--data", str(shared / "fixtures/fingertips"), "--build", str(tmp_path / "one"))
    assert code == 0, printed
    assert len(files_of(real_exports / "docs")) > 1000  # a whole site, not two empty folders
    assert differences(real_exports, tmp_path / "one") == []
