"""Each way a refresh can fail says what was asked and what to try, and leaves data/ alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.fetch import RefreshError, refresh_data
from generators.fetch.transport import Answer, NoConnectionError, TimedOutError

from .conftest import LIFE_502, RESPONSES, SMOKING_502, Clock, ScriptedTransport, make_settings, snapshot


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data/ folder that holds a previous refresh and a local file."""
    folder = tmp_path / "data"
    refresh_data(make_settings(), folder, ScriptedTransport(), clock=Clock())
    (folder / "housing.csv").write_text("area_code,value\n", encoding="utf-8")
    return folder


def failed_refresh(data: Path, transport: ScriptedTransport, no_sleep=None, **changes) -> str:
    """Run a refresh that must fail; check data/ is as it was; return the message."""
    before = snapshot(data)
    with pytest.raises(RefreshError) as raised:
        refresh_data(make_settings(**changes), data, transport, sleep=no_sleep or (lambda attempt: None))
    assert snapshot(data) == before
    assert sorted(p.name for p in data.parent.iterdir()) == ["data"]  # no staging folder left behind
    return str(raised.value)


def test_an_unknown_indicator(data: Path) -> None:
    message = failed_refresh(data, ScriptedTransport(), indicators=(99999,))
    assert message.startswith("indicator 99999 does not exist in Fingertips (no metadata at https://")
    assert "remove it from refresh.indicators" in message


def test_an_unknown_profile(data: Path) -> None:
    message = failed_refresh(data, ScriptedTransport(), profiles=("public-health-outcome-framework",))
    assert message.startswith(
        "profile 'public-health-outcome-framework' does not exist in Fingertips; "
        "did you mean public-health-outcomes-framework?"
    )
    assert "https://fingertips.phe.org.uk/api/profiles" in message


def test_an_area_type_the_indicator_has_no_data_for(data: Path) -> None:
    message = failed_refresh(data, ScriptedTransport(), indicators=(92443,), area_type=101)
    assert message == (
        "indicator 92443 has no data for area type 101; it has data for area types: "
        "6 (Regions (statistical)), 15 (England), 502 (Counties & UAs (from Apr 2023)); "
        "set refresh.area_type to one of these, or remove the indicator from refresh.indicators"
    )


def test_an_empty_answer_counts_as_no_data(data: Path) -> None:
    transport = ScriptedTransport({SMOKING_502: [Answer(200, b"")]})
    message = failed_refresh(data, transport)
    assert message.startswith("indicator 92443 has no data for area type 502; it has data for area types: 6 (")


def test_server_errors_are_retried_with_backoff_then_named(data: Path, backoffs: list[int], no_sleep) -> None:
    transport = ScriptedTransport({"indicator_metadata/by_indicator_id": [Answer(503, b"busy")]})
    message = failed_refresh(data, transport, no_sleep)
    assert backoffs == [1, 2]  # retries: 2
    assert len(transport.requested) == 3
    assert message.startswith("could not fetch indicator metadata from https://fingertips.phe.org.uk/api/")
    assert message.endswith(
        "the server answered HTTP 503 (a fault on its side), after 3 attempts; "
        "Fingertips may be down or busy; try again later"
    )


def test_a_passing_fault_is_ridden_out(tmp_path: Path, backoffs: list[int], no_sleep) -> None:
    recorded = (RESPONSES / "api/all_data/csv/by_indicator_id" / SMOKING_502).read_bytes()
    script = [TimedOutError("no answer within 60 seconds"), Answer(502, b""), Answer(200, recorded)]
    transport = ScriptedTransport({SMOKING_502: script})
    assert refresh_data(make_settings(), tmp_path / "data", transport, sleep=no_sleep, clock=Clock()).changed
    assert backoffs == [1, 2]


def test_timeouts(data: Path) -> None:
    transport = ScriptedTransport({"profiles": [TimedOutError("no answer within 60 seconds")]})
    message = failed_refresh(data, transport, profiles=(19,))
    assert message == (
        "could not fetch the list of profiles from https://fingertips.phe.org.uk/api/profiles: "
        "no answer within 60 seconds, after 3 attempts; check your network connection; "
        "behind a proxy, set HTTPS_PROXY to its address; or raise refresh.timeout_seconds / refresh.retries"
    )


def test_no_network(data: Path) -> None:
    transport = ScriptedTransport({"fingertips.phe.org.uk": [NoConnectionError("the server name could not be found")]})
    message = failed_refresh(data, transport)
    assert "no network?" not in message
    assert "the server name could not be found, after 3 attempts; check your network connection" in message


def test_a_failure_mid_way_leaves_data_as_it_was(data: Path) -> None:
    newer = Answer(200, (data / "fingertips/90366.csv").read_bytes().replace(b"84.4", b"85.0"))
    transport = ScriptedTransport({LIFE_502: [newer], SMOKING_502: [Answer(500, b"")]})
    message = failed_refresh(data, transport)
    assert message.startswith("could not fetch data for indicator 92443 at area type 502 from https://")
    assert any(LIFE_502 in url for url in transport.requested)  # 90366 had been downloaded


def test_boundaries_that_fail_leave_data_as_it_was(data: Path) -> None:
    transport = ScriptedTransport({"arcgis.com": [Answer(200, b'{"error": {"code": 400}}')]})
    message = failed_refresh(data, transport)
    assert message.startswith("Fingertips sent a malformed answer for area boundaries (https://services1.arcgis")
    assert message.endswith(
        "expected a GeoJSON FeatureCollection; try again later, or check refresh.base_url in jsna.yml"
    )


def test_a_client_error_is_not_retried(data: Path, backoffs: list[int], no_sleep) -> None:
    transport = ScriptedTransport({"indicator_metadata/by_indicator_id": [Answer(404, b"")]})
    message = failed_refresh(data, transport, no_sleep)
    assert backoffs == []
    assert message.startswith("Fingertips answered HTTP 404 when fetching indicator metadata (https://")


@pytest.mark.parametrize(
    ("faults", "start"),
    [
        (
            {"indicator_metadata/by_indicator_id": [Answer(200, b"<html>Service unavailable</html>")]},
            "Fingertips sent a malformed answer for indicator metadata (https://",
        ),
        (
            {"indicator_metadata/by_indicator_id": [Answer(200, b"[1, 2]")]},
            "Fingertips sent a malformed answer for indicator metadata (https://",
        ),
        (
            {SMOKING_502: [Answer(200, b"<html><body>Error</body></html>\n")]},
            "Fingertips sent a malformed answer for data for indicator 92443 at area type 502 (https://",
        ),
        (
            {SMOKING_502: [Answer(200, b"\xff\xfe\x00")]},
            "Fingertips sent a malformed answer for data for indicator 92443 at area type 502 (https://",
        ),
    ],
)
def test_malformed_answers(data: Path, faults: dict, start: str) -> None:
    assert failed_refresh(data, ScriptedTransport(faults)).startswith(start)


def test_metadata_without_its_descriptive_part(data: Path) -> None:
    message = failed_refresh(data, ScriptedTransport(), indicators=(90366,))
    assert 'indicator 90366 has no "Descriptive" object' in message


def test_nothing_named(data: Path) -> None:
    message = failed_refresh(data, ScriptedTransport(), indicators=())
    assert message.startswith("the refresh section of jsna.yml names no indicators and no profiles")
