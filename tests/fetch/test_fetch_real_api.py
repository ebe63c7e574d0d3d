"""The refresh against the real Fingertips API as its server source shows it (fingertips-open,
PholioVisualisationWS): comparisons per grouping, HTML in text, batching, rate limits, TLS, paging."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import yaml

from generators.fetch import RefreshError, refresh_data
from generators.fetch.boundaries import page_url
from generators.fetch.fetcher import Fetcher, retry_after_seconds
from generators.fetch.metadata import _build, load_metadata, plain_text
from generators.fetch.resolve import Chosen, Wanted
from generators.fetch.transport import Answer, RequestsTransport, SetupError
from generators.load.metadata import load_indicators
from generators.stats import compare_limits_to_benchmark

from .conftest import Clock, ScriptedTransport, make_settings

PHOF = {"profiles": ("public-health-outcomes-framework",), "indicators": (), "boundaries_url": None}


class FakeClock:
    """Records every wait instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def indicators_yml(data: Path) -> dict[str, dict]:
    entries = yaml.safe_load((data / "indicators.yml").read_text(encoding="utf-8"))["indicators"]
    return {e["id"]: e for e in entries}


# comparisons -----------------------------------------------------------------------------------


def test_comparisons_follow_the_profiles_groupings(tmp_path: Path) -> None:
    refresh_data(make_settings(**PHOF), tmp_path / "data", ScriptedTransport(), sleep=FakeClock(), clock=Clock())
    found = indicators_yml(tmp_path / "data")
    assert found["90366"]["comparison"] == "confidence interval 99.8"
    assert found["90366"]["confidence_level"] == 99.8
    assert found["92443"]["comparison"] == "confidence interval 95"
    assert found["92443"]["confidence_level"] == 95.0


def test_a_99_8_indicator_reads_similar_where_the_95_test_says_higher(tmp_path: Path) -> None:
    data = tmp_path / "data"
    refresh_data(make_settings(**PHOF), data, ScriptedTransport(), sleep=FakeClock(), clock=Clock())
    indicator = load_indicators(data / "indicators.yml")["90366"]
    assert "99.8" in indicator.comparison  # the level the build compares at (generators/stats/assess.py)
    rows = (data / "fingertips/90366.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    england = dict(zip(header, rows[1].split(","), strict=True))
    area = dict(zip(header, next(r for r in rows if "Wokingham" in r).split(","), strict=True))
    assert area["Compared to England value or percentiles"] == "Similar"  # Fingertips' own verdict

    def verdict(level: str) -> str:
        limits = [float(area[f"Lower CI {level} limit"])], [float(area[f"Upper CI {level} limit"])]
        return str(compare_limits_to_benchmark(*limits, [float(england["Value"])], "no_judgement")[0])

    assert verdict("95.0") == "Higher"
    assert verdict("99.8") == "Similar"


def test_an_unknown_comparison_is_left_to_the_export(tmp_path: Path) -> None:
    refresh_data(make_settings(boundaries_url=None), tmp_path / "data", ScriptedTransport(), clock=Clock())
    entry = indicators_yml(tmp_path / "data")["92443"]
    assert entry["comparison"] is None and entry["confidence_level"] is None


# HTML in text ----------------------------------------------------------------------------------


def test_html_is_cleaned_from_every_text_field(tmp_path: Path) -> None:
    refresh_data(make_settings(), tmp_path / "data", ScriptedTransport(), clock=Clock())
    life = indicators_yml(tmp_path / "data")["90366"]
    assert life["definition"] == (
        "The average number of years a person would expect to live based on contemporary mortality rates. "
        "For a particular area and time period, it is an estimate of the average number of years a newborn "
        "baby would survive if he or she experienced the age\u2013specific mortality rates for that area and "
        "time period throughout his or her life."
    )
    assert life["source"].endswith("mid\u2013year population estimates)")
    for entry in indicators_yml(tmp_path / "data").values():
        for key, value in entry.items():
            if isinstance(value, str):
                assert not any(mark in value for mark in ("&nbsp;", "&ndash;", "<", "\r", "\n", "\xa0")), key


def test_plain_text() -> None:
    assert plain_text("a&nbsp;b &ndash; c\r\n<p>d</p>") == "a b \u2013 c d"
    assert plain_text("<15 yrs") == "<15 yrs"  # not a tag
    assert plain_text(None) == ""


def test_a_null_data_change_gives_no_release_date() -> None:
    raw = {"Descriptive": {"Name": "x"}, "DataChange": None}
    assert _build(1, raw, "", None).release_date is None
    raw["DataChange"] = {"LastUploadedAt": "0001-01-01T00:00:00"}
    assert _build(1, raw, "", None).release_date is None


# batching and reuse ----------------------------------------------------------------------------


class EchoMetadata:
    """Answers metadata and polarity for whatever ids are asked for."""

    def __init__(self) -> None:
        self.requested: list[str] = []

    def get(self, url: str, timeout: float) -> Answer:
        self.requested.append(url)
        ids = parse_qs(urlsplit(url).query)["indicator_ids"][0].split(",")
        if "/csv/" in url:
            lines = ['"Indicator ID","Indicator","Polarity"', *(f'{i},"x","RAG - High is good   "' for i in ids)]
            return Answer(200, ("\n".join(lines) + "\n").encode(), "text/csv")
        body = {i: {"IID": int(i), "Descriptive": {"Name": f"Indicator&nbsp;{i}"}, "DataChange": None} for i in ids}
        return Answer(200, json.dumps(body).encode(), "application/json")


def test_250_ids_are_asked_for_in_3_requests_of_at_most_100() -> None:
    transport = EchoMetadata()
    wanted = [Wanted(i, None, named=True) for i in range(1, 251)]
    _, records = load_metadata(Fetcher(transport), "https://x/api", Chosen(wanted, {}), 502, 15)
    assert len(records) == 250 and records[250].name == "Indicator 250"
    for kind in ("indicator_metadata/by_indicator_id", "indicator_metadata/csv/by_indicator_id"):
        asked = [u for u in transport.requested if kind in u]
        sizes = [len(parse_qs(urlsplit(u).query)["indicator_ids"][0].split(",")) for u in asked]
        assert sizes == [100, 100, 50], kind


def test_a_profile_is_listed_once_and_its_csv_gives_the_polarity(tmp_path: Path) -> None:
    transport = ScriptedTransport()
    refresh_data(make_settings(**PHOF), tmp_path / "data", transport, sleep=FakeClock(), clock=Clock())
    assert sum("csv/by_profile_id" in u for u in transport.requested) == 1
    assert not any("indicator_metadata/csv/by_indicator_id" in u for u in transport.requested)
    assert len(transport.requested) == len(set(transport.requested))  # no URL asked twice
    assert indicators_yml(tmp_path / "data")["92443"]["polarity"] == "low_is_good"


# rate limits, transient errors, web pages ------------------------------------------------------


def test_429_and_503_are_retried_honouring_retry_after() -> None:
    clock = FakeClock()
    transport = ScriptedTransport(
        {"profiles": [Answer(429, b"", retry_after="7"), Answer(503, b""), Answer(200, b"[]", "application/json")]}
    )
    fetcher = Fetcher(transport, retries=3, sleep=clock)
    assert fetcher.get("https://x/api/profiles", "the list of profiles", expect="json").body == b"[]"
    assert clock.waits == [7.0, 2.0]  # what the server asked, then the backoff for attempt 2


def test_a_pause_between_requests() -> None:
    clock = FakeClock()
    transport = ScriptedTransport({"x/": [Answer(200, b"{}")]})
    fetcher = Fetcher(transport, sleep=clock, pause_seconds=0.5)
    for path in ("a", "b", "c", "a"):
        fetcher.get(f"https://x/{path}", path)
    assert clock.waits == [0.5, 0.5]  # none before the first; "a" again is answered from memory
    assert fetcher.requests_sent == 3


def test_retry_after_as_a_date() -> None:
    now = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    assert retry_after_seconds("Sat, 01 Mar 2025 09:30:20 GMT", lambda: now) == 20.0
    assert retry_after_seconds("3600") == 300.0  # at most five minutes
    assert retry_after_seconds("") is None and retry_after_seconds("soon") is None


def test_too_many_requests_to_the_end_is_named() -> None:
    transport = ScriptedTransport({"profiles": [Answer(429, b"")]})
    with pytest.raises(RefreshError) as raised:
        Fetcher(transport, retries=2, sleep=FakeClock()).get("https://x/api/profiles", "the list of profiles")
    assert str(raised.value).endswith(
        "the server answered HTTP 429 (too many requests), after 3 attempts; "
        "Fingertips is limiting how fast it is asked; raise refresh.pause_seconds, or try again later"
    )


def test_a_web_page_instead_of_csv_is_tried_once_more(tmp_path: Path) -> None:
    page = Answer(200, b"<!DOCTYPE html><html><body>Please wait</body></html>", "text/html")
    clock = FakeClock()
    transport = ScriptedTransport({"csv/by_profile_id": [page, Answer(200, b'"Indicator ID"\n92443\n')]})
    fetcher = Fetcher(transport, retries=0, sleep=clock)
    assert fetcher.get("https://x/api/indicator_metadata/csv/by_profile_id?profile_id=19", "p", "csv").status == 200
    assert clock.waits == [1.0]


def test_a_web_page_twice_is_a_clear_error() -> None:
    transport = ScriptedTransport({"csv/by_profile_id": [Answer(200, b"\n<html>Error</html>")]})
    with pytest.raises(RefreshError) as raised:
        Fetcher(transport, sleep=FakeClock()).get("https://x/api/indicator_metadata/csv/by_profile_id", "p", "csv")
    assert "a web page (HTML), not CSV, twice in a row" in str(raised.value)
    assert len(transport.requested) == 2


# TLS and proxies -------------------------------------------------------------------------------


class FailingSession(requests.Session):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def get(self, url: str | bytes, **kwargs: object) -> requests.Response:  # type: ignore[override]
        self.calls += 1
        raise self.error


def test_a_tls_failure_says_to_set_requests_ca_bundle() -> None:
    error = requests.exceptions.SSLError(
        "HTTPSConnectionPool(host='fingertips.phe.org.uk', port=443): Max retries exceeded (Caused by "
        "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
        "self-signed certificate in certificate chain (_ssl.c:1006)')))"
    )
    session = FailingSession(error)
    with pytest.raises(SetupError, match="REQUESTS_CA_BUNDLE"):
        RequestsTransport(session).get("https://fingertips.phe.org.uk/api/profiles", 5)
    with pytest.raises(RefreshError) as raised:
        Fetcher(RequestsTransport(session), retries=3, sleep=FakeClock()).get("https://f/api/profiles", "profiles")
    message = str(raised.value)
    assert "the secure connection (TLS) could not be verified: CERTIFICATE_VERIFY_FAILED" in message
    assert "set REQUESTS_CA_BUNDLE" in message and "no network?" not in message
    assert session.calls == 2  # once by the transport alone, once by the fetcher: not retried


def test_a_proxy_failure_says_to_set_https_proxy() -> None:
    error = requests.exceptions.ProxyError("Unable to connect to proxy: Tunnel connection failed: 407 Proxy Auth")
    with pytest.raises(SetupError) as raised:
        RequestsTransport(FailingSession(error)).get("https://fingertips.phe.org.uk/api/profiles", 5)
    assert "set HTTPS_PROXY (and HTTP_PROXY)" in str(raised.value)


# boundaries in pages ---------------------------------------------------------------------------


def test_boundaries_are_fetched_page_by_page_until_complete(tmp_path: Path) -> None:
    url = "https://services1.arcgis.com/boundaries/MSOA_2021_EW_BGC/query?where=1%3D1&outFields=MSOA21CD,MSOA21NM&f=geojson"
    transport = ScriptedTransport()
    refresh_data(make_settings(boundaries_url=url), tmp_path / "data", transport, clock=Clock())
    geojson = json.loads((tmp_path / "data/boundaries.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["MSOA21CD"] for f in geojson["features"]] == ["E02000001", "E02000002", "E02000003"]
    assert "properties" not in geojson
    assert [u for u in transport.requested if "MSOA" in u] == [url, f"{url}&resultOffset=2"]


def test_the_page_url_replaces_an_offset() -> None:
    assert page_url("https://a/query?where=1%3D1&resultOffset=5&f=geojson", 10) == (
        "https://a/query?where=1%3D1&f=geojson&resultOffset=10"
    )
