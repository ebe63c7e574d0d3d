"""The robustness corpus: register the `slow` mark (the million-row build)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a build of a generated million-row export (about a minute); deselect with -m 'not slow'")
