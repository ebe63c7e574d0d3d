from __future__ import annotations

from datetime import date

from generators.fetch import StaleIndicator, find_stale_indicators

MANIFEST = {
    "files": {
        "fingertips/90366.csv": {"indicator_id": "90366", "release_date": "2023-12-12"},
        "fingertips/92443.csv": {"indicator_id": "92443", "release_date": "2024-11-05"},
        "fingertips/93014.csv": {"indicator_id": "93014", "release_date": None},
        "indicators.yml": {"release_date": None},
        "boundaries.geojson": {"release_date": "2001-01-01"},
    }
}


def test_lists_indicators_released_longer_ago_than_allowed_oldest_first() -> None:
    stale = find_stale_indicators(MANIFEST, date(2025, 3, 1), stale_after_days=100)
    assert stale == [
        StaleIndicator("90366", date(2023, 12, 12), 445, "fingertips/90366.csv"),
        StaleIndicator("92443", date(2024, 11, 5), 116, "fingertips/92443.csv"),
    ]


def test_the_limit_itself_is_not_stale() -> None:
    assert find_stale_indicators(MANIFEST, date(2025, 3, 1), stale_after_days=116)[-1].indicator_id == "90366"
    assert find_stale_indicators(MANIFEST, date(2025, 3, 1), stale_after_days=445) == []


def test_an_empty_manifest_has_nothing_stale() -> None:
    assert find_stale_indicators({}, date(2025, 3, 1), 1) == []


def test_an_indicator_at_several_area_types_is_listed_once() -> None:
    entry = {"indicator_id": "90366", "release_date": "2023-12-12"}
    manifest = {"files": {"fingertips/90366-501.csv": entry, "fingertips/90366.csv": entry}}
    stale = find_stale_indicators(manifest, date(2025, 3, 1), 400)
    assert [(s.indicator_id, s.file) for s in stale] == [("90366", "fingertips/90366.csv")]
