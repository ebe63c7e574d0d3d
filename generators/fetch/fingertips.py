"""The Fingertips API endpoints this refresh uses, and the shapes they answer in.

Endpoints (https://fingertips.phe.org.uk/api):
``profiles`` (JSON list of {Id, Name, Key, GroupIds}),
``profile_group_roots?group_id=&area_type_id=`` (JSON list of {IID, Grouping: [{ComparatorMethodId, SigLevel}]}),
``group_metadata?group_ids=`` (JSON list of {Id, Name}: the domains' names),
``area_types`` (JSON list of {Id, Name, Short}),
``available_data?indicator_id=`` (JSON list of {IndicatorId, AreaTypeId}),
``indicator_metadata/by_indicator_id?indicator_ids=`` (JSON object keyed by indicator id),
``indicator_metadata/csv/by_indicator_id`` and ``/csv/by_profile_id`` (CSV, one row per indicator),
``all_data/csv/by_indicator_id?indicator_ids=&child_area_type_id=&parent_area_type_id=`` (CSV export).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generators.fetch.errors import RefreshError
from generators.fetch.fetcher import Fetcher


def profiles_url(base: str) -> str:
    return f"{base}/profiles"


def area_types_url(base: str) -> str:
    return f"{base}/area_types"


def available_data_url(base: str, indicator_id: int) -> str:
    return f"{base}/available_data?indicator_id={indicator_id}"


def group_roots_url(base: str, group_id: int, area_type: int) -> str:
    return f"{base}/profile_group_roots?group_id={group_id}&area_type_id={area_type}"


def group_metadata_url(base: str, group_ids: tuple[int, ...]) -> str:
    return f"{base}/group_metadata?group_ids={','.join(str(g) for g in group_ids)}"


def metadata_url(base: str, indicator_ids: list[int]) -> str:
    ids = ",".join(str(i) for i in indicator_ids)
    return f"{base}/indicator_metadata/by_indicator_id?indicator_ids={ids}&include_definition=yes"


def metadata_csv_url(base: str, indicator_ids: list[int], profile_id: int | None) -> str:
    ids = ",".join(str(i) for i in indicator_ids)
    profile = f"&profile_id={profile_id}" if profile_id else ""
    return f"{base}/indicator_metadata/csv/by_indicator_id?indicator_ids={ids}{profile}"


def profile_metadata_csv_url(base: str, profile_id: int) -> str:
    return f"{base}/indicator_metadata/csv/by_profile_id?profile_id={profile_id}"


def data_csv_url(base: str, indicator_id: int, area_type: int, parent: int, profile_id: int | None) -> str:
    url = (
        f"{base}/all_data/csv/by_indicator_id?indicator_ids={indicator_id}"
        f"&child_area_type_id={area_type}&parent_area_type_id={parent}"
    )
    return f"{url}&profile_id={profile_id}" if profile_id else url


def get_json(fetcher: Fetcher, url: str, asked: str) -> Any:
    """GET ``url`` and parse JSON, or say the answer was malformed."""
    body = fetcher.get(url, asked, expect="json").body
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RefreshError(_malformed(url, asked, f"it is not JSON ({error})")) from error


def get_csv_rows(fetcher: Fetcher, url: str, asked: str) -> list[dict[str, str]]:
    """GET ``url`` and parse a CSV with a header line into rows."""
    body = fetcher.get(url, asked, expect="csv").body
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RefreshError(_malformed(url, asked, "it is not UTF-8 text")) from error
    return list(csv.DictReader(io.StringIO(text)))


def expect_list_of_objects(value: Any, url: str, asked: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Check a JSON answer is a list of objects that each have ``keys``."""
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and all(k in item for k in keys) for item in value
    ):
        raise RefreshError(_malformed(url, asked, f"expected a JSON list of objects with {', '.join(keys)}"))
    return value


def _malformed(url: str, asked: str, why: str) -> str:
    return (
        f"Fingertips sent a malformed answer for {asked} ({url}): {why}; "
        "try again later, or check refresh.base_url in jsna.yml"
    )


def malformed(url: str, asked: str, why: str) -> RefreshError:
    """The error for an answer that is not in the documented shape."""
    return RefreshError(_malformed(url, asked, why))
