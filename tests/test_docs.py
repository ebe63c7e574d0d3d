"""The documentation keeps up with the code: every setting documented, every make target described."""

from __future__ import annotations

import re
from pathlib import Path

from generators.config.reference import render_reference
from generators.config.settings import SCHEMA


def test_configuration_reference_is_up_to_date(repo: Path) -> None:
    assert (repo / "CONFIGURATION.md").read_text() == render_reference(), "run: python -m generators reference"


def test_every_setting_has_a_description() -> None:
    assert all(s.description.endswith(".") for s in SCHEMA)


def test_every_make_target_has_a_one_line_comment(repo: Path) -> None:
    makefile = (repo / "Makefile").read_text()
    targets = re.findall(r"^([a-z-]+):", makefile, re.MULTILINE)
    undocumented = [t for t in targets if not re.search(rf"^{t}:.*## ", makefile, re.MULTILINE)]
    assert undocumented == []


def test_readme_gives_the_two_commands(repo: Path) -> None:
    readme = (repo / "README.md").read_text()
    assert "make build" in readme and "make test" in readme
