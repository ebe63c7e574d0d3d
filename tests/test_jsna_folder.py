"""A JSNA kept in its own folder, outside this repository: its data, narrative, pages and
overrides are read from that folder, and build/ (and site/) are written beside its jsna.yml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.cli import main


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory, repo: Path) -> Path:
    """A council's folder: the demonstration data copied in, a narrative file, a page of its own."""
    folder = tmp_path_factory.mktemp("our-jsna")
    shutil.copytree(repo / "data" / "demo", folder / "data")
    config = (repo / "jsna.yml").read_text(encoding="utf-8").replace("data/demo", "data").replace("West Sussex JSNA (demonstration)", "Our JSNA")
    (folder / "jsna.yml").write_text(config, encoding="utf-8")
    (folder / "docs" / "narrative" / "crawley").mkdir(parents=True)
    (folder / "docs" / "narrative" / "crawley" / "index.md").write_text("### From our team\n\nWritten in our own folder.\n", encoding="utf-8")
    (folder / "docs" / "about.md").write_text("# About our JSNA\n\nOur own about page.\n", encoding="utf-8")
    (folder / "docs" / "partners.md").write_text("# Partners\n\nA page the tool does not have.\n", encoding="utf-8")
    (folder / "overrides" / "partials").mkdir(parents=True)
    (folder / "overrides" / "partials" / "ours.html").write_text("<p>ours</p>\n", encoding="utf-8")
    assert main(["generate", "--config", str(folder / "jsna.yml")]) == 0
    return folder


def test_build_is_written_beside_the_configuration(council: Path) -> None:
    assert (council / "build" / "mkdocs.yml").is_file()
    assert "site_name: Our JSNA" in (council / "build" / "mkdocs.yml").read_text(encoding="utf-8")


def test_narrative_comes_from_the_jsna_folder_only(council: Path, repo: Path) -> None:
    docs = council / "build" / "docs"
    assert "Written in our own folder." in (docs / "areas" / "crawley" / "index.md").read_text(encoding="utf-8")
    assert (repo / "docs" / "narrative" / "west-sussex" / "living-well.md").is_file()
    assert "healthy weight strategy" not in (docs / "areas" / "west-sussex" / "living-well" / "index.md").read_text(encoding="utf-8")
    assert not (docs / "narrative").exists()


def test_own_pages_replace_or_join_the_tools_pages(council: Path, repo: Path) -> None:
    docs = council / "build" / "docs"
    assert (docs / "about.md").read_text(encoding="utf-8") == "# About our JSNA\n\nOur own about page.\n"
    assert (docs / "partners.md").is_file()
    tools = (repo / "docs" / "methods.md").read_text(encoding="utf-8")  # the tool's page, then the methods the demo's local counts ran
    methods = (docs / "methods.md").read_text(encoding="utf-8")
    assert methods.startswith(tools) and methods[len(tools):].startswith("\n## Computed in this build from local counts")
    assert (council / "build" / "overrides" / "partials" / "ours.html").is_file()
    assert (council / "build" / "overrides" / "main.html").read_bytes() == (repo / "overrides" / "main.html").read_bytes()


def test_the_jsna_folder_holds_nothing_but_its_own_files_and_build(council: Path) -> None:
    assert sorted(p.name for p in council.iterdir()) == ["build", "data", "docs", "jsna.yml", "overrides"]
