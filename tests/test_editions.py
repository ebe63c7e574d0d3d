"""Editions: an earlier edition stays online under editions/<name>/ with a banner; renamed pages redirect."""

from __future__ import annotations

from pathlib import Path

from building import run_build

from generators.render.redirects import redirect_pages


def test_previous_edition_is_kept_with_a_banner_and_redirects_work(tmp_path: Path, repo: Path) -> None:
    first = repo / "jsna.yml"
    assert run_build("build", "--config", str(first), "--build", str(tmp_path / "b1"), "--site", str(tmp_path / "2025")).returncode == 0
    config = tmp_path / "jsna.yml"
    text = first.read_text().replace('edition: "2026"', 'edition: "2027"').replace("data/demo", str(repo / "data/demo"))
    config.write_text(text + f"previous_editions:\n  - name: '2026'\n    path: {tmp_path / '2025'}\nredirects:\n  areas/westsussex/: areas/west-sussex/\n")
    result = run_build("build", "--config", str(config), "--build", str(tmp_path / "b2"), "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    old = (tmp_path / "site/editions/2026/areas/west-sussex/living-well/index.html").read_text()
    assert "You are reading the 2026 edition" in old and 'href="../../../../../areas/west-sussex/living-well/"' in old
    assert 'id="adult-smoking-persons"' in old
    moved = (tmp_path / "site/areas/westsussex/index.html").read_text()
    assert 'url=../west-sussex/' in moved


def test_a_missing_previous_edition_is_a_clear_error(tmp_path: Path, repo: Path) -> None:
    config = tmp_path / "jsna.yml"
    config.write_text(f"fingertips: {repo}/data/demo/fingertips\nprevious_editions:\n  - name: '2025'\n    path: {tmp_path}/nowhere\n")
    result = run_build("build", "--config", str(config), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "edition 2025" in result.stderr and not (tmp_path / "site").exists()


def test_redirect_targets_are_relative() -> None:
    pages = redirect_pages((("old/page.md", "topics/living-well/"),))
    assert 'url=../../topics/living-well/' in pages["old/page/index.html"]
