"""Editions: an earlier edition stays online under editions/<name>/ with a banner; renamed pages redirect."""

from __future__ import annotations

from pathlib import Path

from building import run_in_process

from generators.render.redirects import redirect_pages

CORPUS = Path(__file__).parent / "corpus" / "cases"


def test_previous_edition_is_kept_with_a_banner(demo_site: Path) -> None:
    """The session's demonstration carries its 2025 edition."""
    old = (demo_site / "editions/2025/areas/west-sussex/living-well/index.html").read_text()
    assert "You are reading the 2025 edition" in old and 'href="../../../../../areas/west-sussex/living-well/"' in old
    assert 'id="adult-smoking-persons"' in old
    assert "You are reading" not in (demo_site / "areas/west-sussex/living-well/index.html").read_text()


def test_renamed_pages_redirect(tmp_path: Path, repo: Path) -> None:
    """A redirect is a page of the MkDocs project (docs/), which MkDocs copies into the site as it is."""
    config = tmp_path / "jsna.yml"
    text = (repo / "jsna.yml").read_text().replace("data/demo", str(repo / "data/demo"))
    config.write_text(text + "redirects:\n  areas/westsussex/: areas/west-sussex/\n")
    code, printed = run_in_process("generate", "--config", str(config), "--build", str(tmp_path / "b"))
    assert code == 0, printed
    moved = (tmp_path / "b/docs/areas/westsussex/index.html").read_text()
    assert 'url=../west-sussex/' in moved
    assert (tmp_path / "b/docs/areas/west-sussex/index.md").is_file()


def test_a_missing_previous_edition_is_a_clear_error(tmp_path: Path) -> None:
    """A tiny JSNA (one export of three rows): the edition is looked for once MkDocs has built the site."""
    config = tmp_path / "jsna.yml"
    config.write_text(f"fingertips: {CORPUS / 'utf-8-bom.csv'}\nprevious_editions:\n  - name: '2025'\n    path: {tmp_path}/nowhere\n")
    code, printed = run_in_process("build", "--config", str(config), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "site"))
    assert code == 1
    assert "edition 2025" in printed and not (tmp_path / "site").exists()


def test_redirect_targets_are_relative() -> None:
    pages = redirect_pages((("old/page.md", "topics/living-well/"),))
    assert 'url=../../topics/living-well/' in pages["old/page/index.html"]
