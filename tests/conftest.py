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
    """The demonstration site, built once for the whole test session, carrying an earlier
    edition (the same data built as the 2025 edition) under editions/2025/."""
    out = tmp_path_factory.mktemp("demo")
    earlier = out / "jsna-2025.yml"
    earlier.write_text((REPO / "jsna.yml").read_text().replace('edition: "2026"', 'edition: "2025"').replace("data/demo", str(REPO / "data/demo")))
    result = run_build("build", "--config", str(earlier), "--build", str(out / "build-2025"), "--site", str(out / "site-2025"))
    assert result.returncode == 0, result.stderr
    current = out / "jsna.yml"
    current.write_text(
        (REPO / "jsna.yml").read_text().replace("data/demo", str(REPO / "data/demo"))
        + f"previous_editions:\n  - name: '2025'\n    path: {out / 'site-2025'}\n"
    )
    result = run_build("build", "--config", str(current), "--build", str(out / "build"), "--site", str(out / "site"))
    assert result.returncode == 0, result.stderr
    return out / "site"
