"""The navigation names Priorities and Partners only when the build made those pages."""

from __future__ import annotations

from pathlib import Path

import yaml

from generators.config import load_config
from generators.write import mkdocs_config

ROOT = Path(__file__).resolve().parents[2]


def nav(pages: set[str]) -> list[str]:
    config = load_config(ROOT / "jsna.yml")
    settings = yaml.safe_load(mkdocs_config((ROOT / "mkdocs.yml").read_text(), config, pages))
    return [next(iter(item)) for item in settings["nav"]]


def test_priorities_and_partners_follow_topics_when_their_pages_exist() -> None:
    assert nav({"priorities/index.md", "partners/index.md"})[:5] == ["Home", "Areas", "Topics", "Priorities", "Partners"]


def test_without_those_pages_the_navigation_does_not_name_them() -> None:
    names = nav(set())
    assert "Priorities" not in names and "Partners" not in names
