"""Fixtures of the unit tests: one small site, built in-process once for the session."""

from __future__ import annotations

import pytest
from unit_site import SmallSite, build_small_site


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> SmallSite:
    """The small site of `unit_site`, every stage run, its page jobs made but not drawn."""
    return build_small_site(tmp_path_factory.mktemp("small"))
