"""Turn what ``jsna.yml`` names (profiles, indicator ids) into indicators to download."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from generators.fetch import fingertips as api
from generators.fetch.errors import RefreshError
from generators.fetch.fetcher import Fetcher
from generators.fetch.settings import RefreshSettings


@dataclass(frozen=True)
class Wanted:
    """One indicator to download, and the profile that named it (for its polarity and comparison)."""

    indicator_id: int
    profile_id: int | None  # None when named directly in refresh.indicators
    named: bool  # named directly: missing data is an error, not a skip


@dataclass(frozen=True)
class Profile:
    """A profile named in the settings: its id, its domains (groups) and its indicator metadata rows."""

    id: int
    group_ids: tuple[int, ...]  # the profile's domains, in order (``GroupIds`` in ``profiles``)
    rows: tuple[dict[str, str], ...]  # ``indicator_metadata/csv/by_profile_id``: one row per indicator


@dataclass(frozen=True)
class Chosen:
    """Every indicator to download, and the profiles they came through."""

    wanted: list[Wanted]
    profiles: dict[int, Profile]


def choose_indicators(fetcher: Fetcher, settings: RefreshSettings) -> Chosen:
    """Every indicator the settings name, directly or through a profile, sorted by id."""
    if not settings.profiles and not settings.indicators:
        raise RefreshError(
            "the refresh section of jsna.yml names no indicators and no profiles; "
            "add e.g. `indicators: [92443]` or `profiles: [public-health-outcomes-framework]`"
        )
    chosen: dict[int, Wanted] = {}
    profiles: dict[int, Profile] = {}
    for profile_id, group_ids in _resolve_profiles(fetcher, settings):
        rows = _profile_rows(fetcher, settings.base_url, profile_id)
        profiles[profile_id] = Profile(profile_id, group_ids, tuple(rows))
        for iid in _indicator_ids(rows, api.profile_metadata_csv_url(settings.base_url, profile_id), profile_id):
            chosen.setdefault(iid, Wanted(iid, profile_id, named=False))
    for iid in settings.indicators:
        chosen[iid] = Wanted(iid, chosen[iid].profile_id if iid in chosen else None, named=True)
    return Chosen([chosen[iid] for iid in sorted(chosen)], profiles)


def _resolve_profiles(fetcher: Fetcher, settings: RefreshSettings) -> list[tuple[int, tuple[int, ...]]]:
    if not settings.profiles:
        return []
    url = api.profiles_url(settings.base_url)
    answer = api.get_json(fetcher, url, "the list of profiles")
    profiles = api.expect_list_of_objects(answer, url, "the list of profiles", ("Id", "Key"))
    found = [_find_profile(profiles, wanted, url) for wanted in settings.profiles]
    return list(dict.fromkeys(found))  # a profile named twice (by id and by key) is fetched once


def _find_profile(profiles: list[dict[str, Any]], wanted: int | str, url: str) -> tuple[int, tuple[int, ...]]:
    for profile in profiles:
        if wanted in (profile["Id"], profile["Key"]):
            groups = profile.get("GroupIds")
            group_ids = tuple(int(g) for g in groups if isinstance(g, int)) if isinstance(groups, list) else ()
            return int(profile["Id"]), group_ids
    keys = [str(p["Key"]) for p in profiles]
    close = difflib.get_close_matches(str(wanted), keys, n=3)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise RefreshError(
        f"profile {wanted!r} does not exist in Fingertips; {hint}"
        f"use a profile id or key listed at {url} in refresh.profiles of jsna.yml"
    )


def _profile_rows(fetcher: Fetcher, base: str, profile_id: int) -> list[dict[str, str]]:
    url = api.profile_metadata_csv_url(base, profile_id)
    rows = api.get_csv_rows(fetcher, url, f"the indicators of profile {profile_id}")
    if not rows:  # Fingertips answers a header line alone for a profile with no indicators
        raise RefreshError(f"profile {profile_id} has no indicators in Fingertips ({url}); check refresh.profiles")
    return rows


def _indicator_ids(rows: list[dict[str, str]], url: str, profile_id: int) -> list[int]:
    try:
        return sorted({int(row["Indicator ID"]) for row in rows})
    except (KeyError, TypeError, ValueError) as error:
        raise api.malformed(url, f"the indicators of profile {profile_id}", 'no whole-number "Indicator ID" column') from error


def explain_missing_data(fetcher: Fetcher, settings: RefreshSettings, indicator_id: int) -> RefreshError:
    """The error for an indicator with no data at the area type asked for."""
    asked = f"the area types with data for indicator {indicator_id}"
    url = api.available_data_url(settings.base_url, indicator_id)
    rows = api.expect_list_of_objects(api.get_json(fetcher, url, asked), url, asked, ("AreaTypeId",))
    area_types = sorted({int(row["AreaTypeId"]) for row in rows})
    start = f"indicator {indicator_id} has no data for area type {settings.area_type}"
    if not area_types:
        return RefreshError(f"{start}, nor for any other area type; remove it from refresh.indicators in jsna.yml")
    listed = ", ".join(_name_area_types(fetcher, settings.base_url, area_types))
    return RefreshError(
        f"{start}; it has data for area types: {listed}; "
        "set refresh.area_type to one of these, or remove the indicator from refresh.indicators"
    )


def _name_area_types(fetcher: Fetcher, base: str, ids: list[int]) -> list[str]:
    try:
        url = api.area_types_url(base)
        rows = api.expect_list_of_objects(api.get_json(fetcher, url, "area types"), url, "area types", ("Id",))
    except RefreshError:
        return [str(i) for i in ids]  # names only decorate the message
    # the Short name ("Counties & UAs 2023") is what exports and users write, not the long Name
    names = {int(row["Id"]): str(row.get("Short") or row.get("Name") or "") for row in rows}
    names = {i: n for i, n in names.items() if n}
    return [f"{i} ({names[i]})" if i in names else str(i) for i in ids]
