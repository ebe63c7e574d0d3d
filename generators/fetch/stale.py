"""Indicators whose data Fingertips released longer ago than the build should accept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class StaleIndicator:
    """An indicator whose latest release is older than ``stale_after_days``."""

    indicator_id: str
    release_date: date
    age_days: int
    file: str  # path in data/, e.g. "fingertips/92443.csv"


def find_stale_indicators(manifest: dict[str, Any], today: date, stale_after_days: int) -> list[StaleIndicator]:
    """Indicators in ``manifest`` released more than ``stale_after_days`` before ``today``, oldest first;
    an indicator downloaded at several area types (``90366.csv``, ``90366-501.csv``) is listed once."""
    stale = []
    seen: set[str] = set()
    for path, entry in sorted(manifest.get("files", {}).items(), key=lambda item: (len(item[0]), item[0])):
        released = _release_date(entry)
        if released is None or not entry.get("indicator_id") or str(entry["indicator_id"]) in seen:
            continue
        seen.add(str(entry["indicator_id"]))
        age = (today - released).days
        if age > stale_after_days:
            stale.append(StaleIndicator(str(entry["indicator_id"]), released, age, path))
    return sorted(stale, key=lambda s: (-s.age_days, s.indicator_id))


def _release_date(entry: Any) -> date | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("release_date"), str):
        return None
    try:
        return date.fromisoformat(entry["release_date"][:10])
    except ValueError:
        return None
