"""Refresh ``data/`` from the Fingertips API: indicators, metadata, boundaries and a manifest."""

from generators.fetch.errors import RefreshError
from generators.fetch.manifest import read_manifest
from generators.fetch.refresh import RefreshResult, refresh_data
from generators.fetch.settings import RefreshSettings, read_refresh_settings
from generators.fetch.stale import StaleIndicator, find_stale_indicators

__all__ = [
    "RefreshError",
    "RefreshResult",
    "RefreshSettings",
    "StaleIndicator",
    "find_stale_indicators",
    "read_manifest",
    "read_refresh_settings",
    "refresh_data",
]
