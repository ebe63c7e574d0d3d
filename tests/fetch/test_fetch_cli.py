"""``python -m generators.fetch``: prints what it did, or the error and status 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generators.fetch.__main__ import main

from .conftest import BOUNDARIES_URL, RESPONSES

ROOT = Path(__file__).parents[2]


def write_config(tmp_path: Path, refresh: str) -> Path:
    config = tmp_path / "jsna.yml"
    config.write_text(f"title: Anytown JSNA\nrefresh:\n{refresh}", encoding="utf-8")
    return config


def run(tmp_path: Path, config: Path) -> int:
    return main(["--config", str(config), "--data", str(tmp_path / "data"), "--replay", str(RESPONSES)])


def test_a_refresh_then_nothing_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, f"  indicators: [92443, 90366]\n  boundaries_url: {BOUNDARIES_URL}\n")
    assert run(tmp_path, config) == 0
    assert capsys.readouterr().out.startswith(f"Refreshed {tmp_path / 'data'}/: 2 indicators (90366, 92443).")
    assert run(tmp_path, config) == 0
    assert capsys.readouterr().out.startswith("Nothing new at the source")


def test_an_error_is_printed_without_a_traceback(tmp_path: Path) -> None:
    config = write_config(tmp_path, "  indicators: [99999]\n")
    command = [sys.executable, "-m", "generators.fetch", "--config", str(config), "--data", str(tmp_path / "data")]
    done = subprocess.run([*command, "--replay", str(RESPONSES)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith("error: indicator 99999 does not exist in Fingertips")
    assert "Traceback" not in done.stderr and not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("config_text", "message"),
    [
        (None, "error: cannot read"),
        ("refresh: [1, 2", "is not valid YAML"),
        ("refresh:\n  area_type: counties\n", "error: refresh.area_type: expected a whole number"),
    ],
)
def test_config_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config_text: str | None, message: str
) -> None:
    config = tmp_path / "jsna.yml"
    if config_text is not None:
        config.write_text(config_text, encoding="utf-8")
    assert run(tmp_path, config) == 1
    assert message in capsys.readouterr().err
