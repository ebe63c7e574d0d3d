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
    """One indicator to download, and the profile that named it (for its polarity)."""

    indicator_id: int
    profile_id: int | None  # None when named directly in refresh.indicators
    named: bool  # named directly: missing data is an error, not a skip


def choose_indicators(fetcher: Fetcher, settings: RefreshSettings) -> list[Wanted]:
    """Every indicator the settings name, directly or through a profile, sorted by id."""
    if not settings.profiles and not settings.indicators:
        raise RefreshError(
            "the refresh section of jsna.yml names no indicators and no profiles; "
            "add e.g. `indicators: [92443]` or `profiles: [public-health-outcomes-framework]`"
        )
    chosen: dict[int, Wanted] = {}
    for profile_id in _resolve_profiles(fetcher, settings):
        for iid in _profile_indicator_ids(fetcher, settings.base_url, profile_id):
            chosen.setdefault(iid, Wanted(iid, profile_id, named=False))
    for iid in settings.indicators:
        chosen[iid] = Wanted(iid, chosen[iid].profile_id if iid in chosen else None, named=True)
    return [chosen[iid] for iid in sorted(chosen)]


def _resolve_profiles(fetcher: Fetcher, settings: RefreshSettings) -> list[int]:
    if not settings.profiles:
        return []
    url = api.profiles_url(settings.base_url)
    answer = api.get_json(fetcher, url, "the list of profiles")
    profiles = api.expect_list_of_objects(answer, url, "the list of profiles", ("Id", "Key"))
    return [_find_profile(profiles, wanted, url) for wanted in settings.profiles]


def _find_profile(profiles: list[dict[str, Any]], wanted: int | str, url: str) -> int:
    for profile in profiles:
        if wanted in (profile["Id"], profile["Key"]):
            return int(profile["Id"])
    keys = [str(p["Key"]) for p in profiles]
    close = difflib.get_close_matches(str(wanted), keys, n=3)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    raise RefreshError(
        f"profile {wanted!r} does not exist in Fingertips; {hint}"
        f"use a profile id or key listed at {url} in refresh.profiles of jsna.yml"
    )


def _profile_indicator_ids(fetcher: Fetcher, base: str, profile_id: int) -> list[int]:
    url = api.profile_metadata_csv_url(base, profile_id)
    asked = f"the indicators of profile {profile_id}"
    rows = api.get_csv_rows(fetcher, url, asked)
    if not rows:
        raise RefreshError(f"profile {profile_id} has no indicators in Fingertips ({url}); check refresh.profiles")
    try:
        return sorted({int(row["Indicator ID"]) for row in rows})
    except (KeyError, TypeError, ValueError) as error:
        raise api.malformed(url, asked, 'no whole-number "Indicator ID" column') from error


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
        rows = api.expect_list_of_objects(api.get_json(fetcher, url, "area types"), url, "area types", ("Id", "Name"))
    except RefreshError:
        return [str(i) for i in ids]  # names only decorate the message
    names = {int(row["Id"]): str(row["Name"]) for row in rows}
    return [f"{i} ({names[i]})" if i in names else str(i) for i in ids]
