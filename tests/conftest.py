"""Fixtures shared by the tests: the repository, ../shared, and a built demonstration site."""

from __future__ import annotations

from pathlib import Path

import pytest
from building import run_build

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    """Third-party files beside the repository; absent in a user's fresh clone."""
    if not (SHARED / "fixtures").is_dir():
        pytest.skip("../shared/fixtures is not beside the repository (a fresh clone): real-data tests skipped")
    return SHARED


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration site, built once for the whole test session."""
    out = tmp_path_factory.mktemp("demo")
    result = run_build("build", "--build", str(out / "build"), "--site", str(out / "site"))
    assert result.returncode == 0, result.stderr
    return out / "site"
