"""The ``refresh`` section of ``jsna.yml``: what to download and how patiently."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from generators.fetch.errors import RefreshError

DEFAULT_BASE_URL = "https://fingertips.phe.org.uk/api"


@dataclass(frozen=True)
class RefreshSettings:
    """What a refresh downloads, and how long it waits for the network."""

    base_url: str = DEFAULT_BASE_URL  # the Fingertips API root
    profiles: tuple[int | str, ...] = ()  # profile ids (19) or keys ("public-health-outcomes-framework")
    indicators: tuple[int, ...] = ()  # indicator ids (92443)
    area_type: int = 502  # the first of area_types: the one comparisons (profile_group_roots) are read at
    area_types: tuple[int, ...] = ()  # every area type to download, area_type first; () means (area_type,)
    parent_area_type: int = 15  # comparator area type (15: England, 6: regions)
    boundaries_url: str | None = None  # ONS Open Geography GeoJSON query URL
    stale_after_days: int = 400  # the build report lists data released longer ago than this
    timeout_seconds: float = 60.0  # per request
    retries: int = 3  # extra attempts after a timeout, lost connection, HTTP 429 or 5xx
    pause_seconds: float = 0.2  # wait between requests, to stay under Fingertips' rate limit

    @property
    def every_area_type(self) -> tuple[int, ...]:
        """The area types to download, the publishing one (``area_type``) first."""
        return self.area_types or (self.area_type,)


def read_refresh_settings(mapping: Mapping[str, Any] | None) -> RefreshSettings:
    """Check the ``refresh`` mapping from ``jsna.yml`` and return typed settings."""
    if mapping is None:
        mapping = {}
    if not isinstance(mapping, Mapping):
        raise RefreshError(_wrong("refresh", "a mapping of settings", mapping))
    _check_known_keys(mapping)
    area_types = _read_area_types(mapping)
    return RefreshSettings(
        base_url=_read_url(mapping, "base_url", DEFAULT_BASE_URL) or DEFAULT_BASE_URL,
        profiles=tuple(_read_profile(v) for v in _read_list(mapping, "profiles")),
        indicators=tuple(_read_indicator(v) for v in _read_list(mapping, "indicators")),
        area_type=area_types[0] if area_types else _read_whole(mapping, "area_type", 502, minimum=1),
        area_types=area_types,
        parent_area_type=_read_whole(mapping, "parent_area_type", 15, minimum=1),
        boundaries_url=_read_url(mapping, "boundaries_url", None),
        stale_after_days=_read_whole(mapping, "stale_after_days", 400, minimum=1),
        timeout_seconds=_read_seconds(mapping, "timeout_seconds", 60.0),
        retries=_read_whole(mapping, "retries", 3, minimum=0),
        pause_seconds=_read_seconds(mapping, "pause_seconds", 0.2, zero_ok=True),
    )


def _check_known_keys(mapping: Mapping[str, Any]) -> None:
    known = [f.name for f in fields(RefreshSettings)]
    unknown = sorted(str(key) for key in mapping if key not in known)
    if unknown:
        raise RefreshError(f"refresh: unknown setting {unknown[0]!r}; the settings are: {', '.join(known)}")


def _wrong(name: str, expected: str, found: object) -> str:
    return f"{name}: expected {expected}, found {found!r} ({type(found).__name__})"


def _read_list(mapping: Mapping[str, Any], key: str) -> list[Any]:
    value = mapping.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RefreshError(_wrong(f"refresh.{key}", "a list, e.g. [92443, 90366]", value))
    return value


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _read_whole(mapping: Mapping[str, Any], key: str, default: int, minimum: int) -> int:
    value = mapping.get(key, default)
    if not _is_whole(value) or value < minimum:
        raise RefreshError(_wrong(f"refresh.{key}", f"a whole number of at least {minimum}", value))
    return int(value)


def _read_area_types(mapping: Mapping[str, Any]) -> tuple[int, ...]:
    """``area_types: [502, 501]`` (counties and UAs, then districts); () when only ``area_type`` is set."""
    if "area_types" not in mapping:
        return ()
    if "area_type" in mapping:
        raise RefreshError(
            "refresh: set area_types (a list, e.g. [502, 501]) or area_type (one number), not both"
        )
    values = mapping["area_types"]
    expected = "a list of Fingertips area types, e.g. [502, 501]"
    if not isinstance(values, list) or not values:
        raise RefreshError(_wrong("refresh.area_types", expected, values))
    for value in values:
        if not _is_whole(value) or value < 1:
            raise RefreshError(_wrong("refresh.area_types", expected, value))
    return tuple(dict.fromkeys(int(v) for v in values))


def _read_seconds(mapping: Mapping[str, Any], key: str, default: float, zero_ok: bool = False) -> float:
    value = mapping.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (value == 0 and not zero_ok):
        expected = "a number of seconds, 0 or more" if zero_ok else "a positive number of seconds"
        raise RefreshError(_wrong(f"refresh.{key}", expected, value))
    return float(value)


def _read_url(mapping: Mapping[str, Any], key: str, default: str | None) -> str | None:
    value = mapping.get(key, default)
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise RefreshError(_wrong(f"refresh.{key}", "a URL starting with https://", value))
    return value.rstrip("/") if key == "base_url" else value


def _read_indicator(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise RefreshError(_wrong("refresh.indicators", "Fingertips indicator ids like 92443", value))


def _read_profile(value: object) -> int | str:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        return int(text) if text.isdigit() else text
    raise RefreshError(
        _wrong("refresh.profiles", 'profile ids (19) or keys ("public-health-outcomes-framework")', value)
    )
