"""The MkDocs step re-renders only the pages that changed, and the site comes out byte for byte as a
clean build of the same build/ folder would (generators/publish/).

The project is the demonstration cut down to one area (Adur) and one export (living-well.csv):
a small site, so that each of the twenty MkDocs runs here takes two or three seconds. It is
published once, in the background (tests/building.py); each test starts from a copy of that state,
put back where it was made (MkDocs' state records absolute paths).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from building import Background, differences, in_background, run_build, run_in_process

from generators.publish.editions import add_previous_editions
from generators.publish.search_index import slim_search_index
from generators.publish.staging import MkDocsFailed, build_and_publish

REPO = Path(__file__).resolve().parent.parent
ENVIRONMENT = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")  # 2026-11-23, the demonstration's date
STATE = ("build", "site", ".site.mkdocs")  # the project, the site, and MkDocs' staging folder


def small_jsna(repo: Path, folder: Path) -> Path:
    """The demonstration's data in `folder`, one export only, and its jsna.yml publishing Adur only."""
    data = Path(shutil.copytree(repo / "data/demo", folder / "demo"))
    for export in (data / "fingertips").glob("*.csv"):
        if export.name != "living-well.csv":
            export.unlink()
    text = (repo / "jsna.yml").read_text().replace("data/demo", str(data))
    small = re.sub(r"^areas:\n(?:  - .*\n)+", "areas:\n  - E07000223   # Adur\n", text, flags=re.M)
    assert small != text
    (folder / "jsna.yml").write_text(small)
    return folder / "jsna.yml"


@dataclass(frozen=True)
class Published:
    work: Path  # build/, site/ and .site.mkdocs/ as the tests use them
    pristine: Path  # the same three as first published
    clean: Path  # plain `mkdocs build --strict` of the project as first published


@in_background("published")
def publish_small_project(root: Path, _: Background) -> Published:
    """The small project generated and published once, with a sitemap of every page (in the background)."""
    work = root / "work"
    work.mkdir()
    result = run_build("generate", "--config", str(small_jsna(REPO, root)), "--build", str(work / "build"))
    assert result.returncode == 0, result.stderr
    config = work / "build/mkdocs.yml"
    config.write_text(config.read_text() + "site_url: https://jsna.example.org/\n")  # a sitemap with every page
    assert publish(work / "build", work / "site") == "clean build: no earlier build"
    for name in STATE:
        shutil.copytree(work / name, root / "pristine" / name)
    return Published(work, root / "pristine", clean_build(work / "build", root / "clean"))


@pytest.fixture(scope="module")
def published(background: Background) -> Published:
    return background.result("published")


@pytest.fixture
def project(published: Published) -> Path:
    """The project as first published (the copies keep their modification times): its build/ folder;
    site/ and .site.mkdocs/ are beside it."""
    for name in STATE:
        shutil.rmtree(published.work / name, ignore_errors=True)
        shutil.copytree(published.pristine / name, published.work / name)
    return published.work / "build"


def publish(build: Path, site: Path, editions: tuple[tuple[str, Path], ...] = ()) -> str:
    return build_and_publish(build / "mkdocs.yml", site, ENVIRONMENT, lambda folder: add_previous_editions(folder, editions, "test"))


def pages(build: Path) -> int:
    """How many pages MkDocs builds from the project: its Markdown files."""
    return sum(1 for _ in (build / "docs").rglob("*.md"))


def clean_build(build: Path, folder: Path) -> Path:
    """What plain `mkdocs build --strict` makes of the same project in a fresh folder, with the
    search index kept small as every build of ours keeps it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(build / "mkdocs.yml"), "-d", str(folder)]
    subprocess.run(command, env=ENVIRONMENT, capture_output=True, check=True)
    slim_search_index(folder)
    return folder


def pages_written(staged: Path, before: dict[str, int]) -> list[str]:
    return sorted(p for p, mtime in _page_times(staged).items() if before.get(p) != mtime)


def _page_times(staged: Path) -> dict[str, int]:
    return {p.relative_to(staged).as_posix(): p.stat().st_mtime_ns for p in staged.rglob("index.html")}


def test_one_changed_page_is_the_only_page_rendered_again(project: Path, tmp_path: Path) -> None:
    site, staged = project.parent / "site", project.parent / ".site.mkdocs/site"
    before = _page_times(staged)
    page = project / "docs/areas/adur/index.md"
    page.write_text(page.read_text() + "\nA new paragraph about Adur.\n")
    (project / "docs/assets/jsna.css").write_text((project / "docs/assets/jsna.css").read_text() + "\n/* changed */\n")
    assert publish(project, site) == f"incremental: 1 of {pages(project)} pages rebuilt"
    assert pages_written(staged, before) == ["areas/adur/index.html"]
    assert "A new paragraph about Adur." in (site / "areas/adur/index.html").read_text()
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_a_new_page_is_added_and_a_removed_page_disappears(project: Path, published: Published, tmp_path: Path) -> None:
    site = project.parent / "site"
    (project / "docs/extra.md").write_text("# An extra page\n\nSearchable words.\n")
    assert publish(project, site) == f"incremental: 1 of {pages(project)} pages rebuilt"
    assert (site / "extra/index.html").is_file() and "Searchable words" in (site / "search/search_index.json").read_text()
    assert differences(site, clean_build(project, tmp_path / "clean-1")) == []
    (project / "docs/extra.md").unlink()
    assert publish(project, site) == "clean build: files were removed from docs/"
    assert not (site / "extra").exists()
    assert differences(site, published.clean) == []  # the project is as first published again


def test_a_changed_mkdocs_yml_builds_clean(project: Path, tmp_path: Path) -> None:
    site = project.parent / "site"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: West Sussex JSNA (demonstration)", "site_name: Renamed JSNA"))
    assert publish(project, site) == "clean build: mkdocs.yml, overrides, packages or build date changed"
    assert "Renamed JSNA" in (site / "areas/adur/living-well/index.html").read_text()
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_front_matter_of_a_page_in_the_navigation_builds_clean(project: Path, tmp_path: Path) -> None:
    """An icon on a page in nav shows in the navigation of every page."""
    site = project.parent / "site"
    about = project / "docs/about.md"
    about.write_text("---\nicon: material/information\n---\n" + about.read_text())
    assert publish(project, site) == "clean build: the navigation changed (titles or front matter of pages in nav)"
    assert differences(site, clean_build(project, tmp_path / "clean")) == []


def test_a_leftover_marker_builds_clean(project: Path) -> None:
    (project.parent / ".site.mkdocs/building").touch()
    assert publish(project, project.parent / "site") == "clean build: the last build did not finish"


def test_a_failed_build_leaves_the_site_as_it_was_and_the_next_build_is_clean(project: Path, published: Published, tmp_path: Path) -> None:
    site = project.parent / "site"
    shutil.copytree(site, tmp_path / "before")
    page = project / "docs/areas/adur/index.md"
    text = page.read_text()
    page.write_text(text + "\n[A broken link](nowhere.md)\n")
    with pytest.raises(MkDocsFailed, match=r"nowhere\.md"):
        publish(project, site)
    assert differences(site, tmp_path / "before") == []
    page.write_text(text)
    assert publish(project, site) == "clean build: the last build did not finish"
    assert differences(site, published.clean) == []  # the project is as first published again


def test_earlier_editions_are_kept_by_an_incremental_build(project: Path, published: Published, tmp_path: Path) -> None:
    editions = (("2025", published.clean),)
    site = project.parent / "site"
    assert publish(project, site, editions) == f"incremental: 0 of {pages(project)} pages rebuilt"  # nothing changed
    assert (site / "editions/2025/areas/adur/index.html").is_file()
    page = project / "docs/areas/adur/index.md"
    page.write_text(page.read_text() + "\nA new paragraph about Adur.\n")
    assert publish(project, site, editions) == f"incremental: 1 of {pages(project)} pages rebuilt"
    assert publish(project, tmp_path / "fresh", editions) == "clean build: no earlier build"
    assert "You are reading the 2025 edition" in (site / "editions/2025/areas/adur/index.html").read_text()
    assert differences(site, tmp_path / "fresh") == []


def test_a_rebuild_after_one_csv_changed_matches_a_clean_build(tmp_path: Path, repo: Path) -> None:
    """`python -m generators build` (in-process) of the small project, twice: the second time MkDocs renders
    only the pages the changed value is on."""
    build = ("build", "--config", str(small_jsna(repo, tmp_path)), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    code, printed = run_in_process(*build)
    assert code == 0 and "(clean build: no earlier build)" in printed, printed
    csv = tmp_path / "demo/fingertips/living-well.csv"
    lines = csv.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    adur = max((i for i, line in enumerate(lines) if '"E07000223"' in line), key=lambda i: lines[i].split('","')[23])  # latest period
    fields = lines[adur].split('","')
    fields[12] = f"{float(fields[12]) + 0.3:.4f}"  # Value, by more than the one decimal shown
    lines[adur] = '","'.join(fields)
    csv.write_text("\ufeff" + "".join(lines), encoding="utf-8")
    code, printed = run_in_process(*build)
    assert code == 0, printed
    line = next(line for line in printed.splitlines() if line.startswith("mkdocs"))
    rebuilt = int(line.split("(incremental: ")[1].split(" of ")[0])
    assert 0 < rebuilt < pages(tmp_path / "b"), line
    assert differences(tmp_path / "s", clean_build(tmp_path / "b", tmp_path / "clean")) == []
