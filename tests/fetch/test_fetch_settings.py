from __future__ import annotations

import pytest

from generators.fetch import RefreshError, RefreshSettings, read_refresh_settings


def test_an_empty_section_gives_the_defaults() -> None:
    assert read_refresh_settings({}) == RefreshSettings()
    assert read_refresh_settings(None).base_url == "https://fingertips.phe.org.uk/api"


def test_every_setting_is_read() -> None:
    settings = read_refresh_settings(
        {
            "base_url": "https://fingertips.phe.org.uk/api/",
            "profiles": [19, "tobacco-control", "143"],
            "indicators": [92443, "90366"],
            "area_type": 402,
            "parent_area_type": 6,
            "boundaries_url": "https://services1.arcgis.com/x/query?f=geojson",
            "stale_after_days": 365,
            "timeout_seconds": 30,
            "retries": 0,
        }
    )
    assert settings == RefreshSettings(
        base_url="https://fingertips.phe.org.uk/api",
        profiles=(19, "tobacco-control", 143),
        indicators=(92443, 90366),
        area_type=402,
        parent_area_type=6,
        boundaries_url="https://services1.arcgis.com/x/query?f=geojson",
        stale_after_days=365,
        timeout_seconds=30.0,
        retries=0,
    )


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"indicators": 92443}, "refresh.indicators: expected a list, e.g. [92443, 90366], found 92443 (int)"),
        (
            {"indicators": ["smoking"]},
            "refresh.indicators: expected Fingertips indicator ids like 92443, found 'smoking'",
        ),
        ({"area_type": "counties"}, "refresh.area_type: expected a whole number of at least 1, found 'counties' (str)"),
        ({"area_type": True}, "refresh.area_type: expected a whole number of at least 1, found True (bool)"),
        ({"retries": -1}, "refresh.retries: expected a whole number of at least 0, found -1 (int)"),
        ({"timeout_seconds": 0}, "refresh.timeout_seconds: expected a positive number of seconds, found 0 (int)"),
        ({"base_url": "fingertips.phe.org.uk"}, "refresh.base_url: expected a URL starting with https://"),
        ({"profiles": [None]}, "refresh.profiles: expected profile ids (19) or keys"),
        ({"indicator": [1]}, "refresh: unknown setting 'indicator'; the settings are: base_url, profiles, indicators"),
        (["indicators"], "refresh: expected a mapping of settings, found ['indicators'] (list)"),
    ],
)
def test_wrong_settings_are_named_with_what_was_expected(mapping: object, message: str) -> None:
    with pytest.raises(RefreshError) as raised:
        read_refresh_settings(mapping)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)


def test_the_pause_between_requests_may_be_zero_but_not_negative() -> None:
    assert read_refresh_settings({}).pause_seconds == 0.2
    assert read_refresh_settings({"pause_seconds": 0}).pause_seconds == 0.0
    with pytest.raises(RefreshError, match=r"refresh.pause_seconds: expected a number of seconds, 0 or more"):
        read_refresh_settings({"pause_seconds": -1})


def test_several_area_types_are_read_the_first_being_the_publishing_one() -> None:
    settings = read_refresh_settings({"area_types": [502, 501, 6, 501]})
    assert settings.area_type == 502 and settings.every_area_type == (502, 501, 6)
    assert read_refresh_settings({"area_type": 402}).every_area_type == (402,)
    assert read_refresh_settings({}).every_area_type == (502,)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"area_types": 502}, "refresh.area_types: expected a list of Fingertips area types, e.g. [502, 501], found 502"),
        ({"area_types": []}, "refresh.area_types: expected a list of Fingertips area types"),
        ({"area_types": [502, "districts"]}, "refresh.area_types: expected a list of Fingertips area types, e.g. [502, 501], found 'districts'"),
        ({"area_types": [502], "area_type": 502}, "refresh: set area_types (a list, e.g. [502, 501]) or area_type (one number), not both"),
    ],
)
def test_wrong_area_types_are_named(mapping: object, message: str) -> None:
    with pytest.raises(RefreshError) as raised:
        read_refresh_settings(mapping)  # type: ignore[arg-type]
    assert str(raised.value).startswith(message)
