"""The MkDocs step re-renders only the pages that changed, and the site comes out byte for byte as a
clean build of the same build/ folder would (generators/publish.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from building import run_build

from generators.publish.editions import add_previous_editions
from generators.publish.staging import MkDocsFailed, build_and_publish

ENVIRONMENT = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")  # 2026-11-23, the demonstration's date


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Path:
    """The demonstration's MkDocs project (python -m generators generate), written once."""
    out = tmp_path_factory.mktemp("generated")
    (out / "jsna.yml").write_text((repo / "jsna.yml").read_text().replace("data/demo", str(repo / "data/demo")))
    result = run_build("generate", "--config", str(out / "jsna.yml"), "--build", str(out / "build"))
    assert result.returncode == 0, result.stderr
    return out / "build"


@pytest.fixture
def project(generated: Path, tmp_path: Path) -> Path:
    """A copy of the project for one test (the copies keep their modification times)."""
    return Path(shutil.copytree(generated, tmp_path / "build"))


def publish(build: Path, site: Path, editions: tuple[tuple[str, Path], ...] = ()) -> str:
    return build_and_publish(build / "mkdocs.yml", site, ENVIRONMENT, lambda folder: add_previous_editions(folder, editions, "test"))


def pages(build: Path) -> int:
    """How many pages MkDocs builds from the project: its Markdown files."""
    return sum(1 for _ in (build / "docs").rglob("*.md"))


def clean_build(build: Path, folder: Path) -> Path:
    """What plain `mkdocs build --strict` makes of the same project in a fresh folder."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(build / "mkdocs.yml"), "-d", str(folder)]
    subprocess.run(command, env=ENVIRONMENT, capture_output=True, check=True)
    return folder


def differences(one: Path, two: Path) -> list[str]:
    """Files present in only one folder, or with different bytes."""
    files = [{p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} for root in (one, two)]
    return sorted(files[0] ^ files[1]) + sorted(f for f in files[0] & files[1] if (one / f).read_bytes() != (two / f).read_bytes())


def pages_written(staged: Path, before: dict[str, int]) -> list[str]:
    return sorted(p for p, mtime in _page_times(staged).items() if before.get(p) != mtime)


def _page_times(staged: Path) -> dict[str, int]:
    return {p.relative_to(staged).as_posix(): p.stat().st_mtime_ns for p in staged.rglob("index.html")}


def test_one_changed_page_is_the_only_page_rendered_again(project: Path, tmp_path: Path) -> None:
    site, staged = tmp_path / "site", tmp_path / ".site.mkdocs/site"
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text() + "site_url: https://jsna.example.org/\n")  # a sitemap with every page
    assert publish(project, site) == "clean build: no earlier build"
    assert publish(project, site) == f"incremental: 0 of {pages(project)} pages rebuilt"
    before = _page_times(staged)
    page = project / "docs/areas/adur/index.md"
    page.write_text(page.read_text() + "\nA new paragraph about Adur.\n")
    (project / "docs/assets/jsna.css").write_text((project / "docs/assets/jsna.css").read_text() + "\n/* changed */\n")
    assert publish(project, site) == f"incremental: 1 of {pages(project)} pages rebuilt"
    assert pages_written(staged, before) == ["areas/adur/index.html"]
    assert "A new paragraph about Adur." in (site / "areas/adur/index.html").read_text()
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_a_new_page_is_added_and_a_removed_page_disappears(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(project, site)
    (project / "docs/extra.md").write_text("# An extra page\n\nSearchable words.\n")
    assert publish(project, site) == f"incremental: 1 of {pages(project)} pages rebuilt"
    assert (site / "extra/index.html").is_file() and "Searchable words" in (site / "search/search_index.json").read_text()
    assert differences(site, clean_build(project, tmp_path / "clean-1")) == []
    (project / "docs/extra.md").unlink()
    assert publish(project, site) == "clean build: files were removed from docs/"
    assert not (site / "extra").exists()
    assert differences(site, clean_build(project, tmp_path / "clean-2")) == []


def test_a_changed_mkdocs_yml_builds_clean(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(project, site)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: West Sussex JSNA (demonstration)", "site_name: Renamed JSNA"))
    assert publish(project, site) == "clean build: mkdocs.yml, overrides, packages or build date changed"
    assert "Renamed JSNA" in (site / "areas/adur/population/index.html").read_text()
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_front_matter_of_a_page_in_the_navigation_builds_clean(project: Path, tmp_path: Path) -> None:
    """An icon on a page in nav shows in the navigation of every page."""
    site = tmp_path / "site"
    publish(project, site)
    about = project / "docs/about.md"
    about.write_text("---\nicon: material/information\n---\n" + about.read_text())
    assert publish(project, site) == "clean build: the navigation changed (titles or front matter of pages in nav)"
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_a_leftover_marker_builds_clean(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(project, site)
    (tmp_path / ".site.mkdocs/building").touch()
    assert publish(project, site) == "clean build: the last build did not finish"


def test_a_failed_build_leaves_the_site_as_it_was_and_the_next_build_is_clean(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(project, site)
    shutil.copytree(site, tmp_path / "before")
    page = project / "docs/areas/adur/index.md"
    text = page.read_text()
    page.write_text(text + "\n[A broken link](nowhere.md)\n")
    with pytest.raises(MkDocsFailed, match=r"nowhere\.md"):
        publish(project, site)
    assert differences(site, tmp_path / "before") == []
    page.write_text(text)
    assert publish(project, site) == "clean build: the last build did not finish"
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_earlier_editions_are_kept_by_an_incremental_build(project: Path, tmp_path: Path) -> None:
    editions = (("2025", clean_build(project, tmp_path / "2025")),)
    site = tmp_path / "site"
    publish(project, site, editions)
    page = project / "docs/areas/adur/index.md"
    page.write_text(page.read_text() + "\nA new paragraph about Adur.\n")
    assert publish(project, site, editions) == f"incremental: 1 of {pages(project)} pages rebuilt"
    assert publish(project, tmp_path / "fresh", editions) == "clean build: no earlier build"
    assert (site / "editions/2025/areas/adur/index.html").is_file()
    assert differences(site, tmp_path / "fresh") == []


def test_a_rebuild_after_one_csv_changed_matches_a_clean_build(tmp_path: Path, repo: Path) -> None:
    data = Path(shutil.copytree(repo / "data/demo", tmp_path / "demo"))
    (tmp_path / "jsna.yml").write_text((repo / "jsna.yml").read_text().replace("data/demo", str(data)))
    build = ("build", "--config", str(tmp_path / "jsna.yml"), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    assert "(clean build: no earlier build)" in run_build(*build).stderr
    csv = data / "fingertips/living-well.csv"
    lines = csv.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    adur = max((i for i, line in enumerate(lines) if '"E07000223"' in line), key=lambda i: lines[i].split('","')[23])  # latest period
    fields = lines[adur].split('","')
    fields[12] = f"{float(fields[12]) + 0.3:.4f}"  # Value, by more than the one decimal shown
    lines[adur] = '","'.join(fields)
    csv.write_text("\ufeff" + "".join(lines), encoding="utf-8")
    result = run_build(*build)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("mkdocs"))
    rebuilt = int(line.split("(incremental: ")[1].split(" of ")[0])
    assert 0 < rebuilt < pages(tmp_path / "b"), line
    assert differences(tmp_path / "s", clean_build(tmp_path / "b", tmp_path / "clean")) == []
