"""The requests transport against a real local server: timeouts, retries, refusals."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from generators.fetch import RefreshError, refresh_data
from generators.fetch.fetcher import Fetcher
from generators.fetch.replay import recording_path
from generators.fetch.transport import NoConnectionError, RequestsTransport, TimedOutError

from .conftest import RESPONSES, Clock, make_settings, snapshot


class Handler(BaseHTTPRequestHandler):
    """/slow sleeps, /broken fails, /flaky fails twice; anything else is a recorded answer."""

    hits: ClassVar[Counter[str]] = Counter()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.hits[path] += 1
        if path == "/slow":
            time.sleep(1.0)
            self._answer(200, b"late")
        elif path == "/broken" or (path == "/flaky" and self.hits[path] <= 2):
            self._answer(500, b"Internal Server Error")
        elif path == "/flaky":
            self._answer(200, b"ok")
        else:
            self._recorded()

    def _recorded(self) -> None:
        file = recording_path(RESPONSES, f"http://server{self.path}")
        self._answer(200, file.read_bytes()) if file.is_file() else self._answer(404, b"")

    def _answer(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up waiting

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits = Counter()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_slow_server_times_out_on_every_attempt(server: str) -> None:
    fetcher = Fetcher(RequestsTransport(), timeout_seconds=0.2, retries=2, sleep=lambda attempt: None)
    started = time.monotonic()
    with pytest.raises(RefreshError) as raised:
        fetcher.get(f"{server}/slow", "a slow answer")
    assert time.monotonic() - started < 2.5
    assert Handler.hits["/slow"] == 3
    assert "no answer within 0.2 seconds, after 3 attempts" in str(raised.value)


def test_server_errors_are_retried_for_real(server: str) -> None:
    waits: list[int] = []
    fetcher = Fetcher(RequestsTransport(), timeout_seconds=2, retries=3, sleep=waits.append)
    assert fetcher.get(f"{server}/flaky", "a flaky answer").body == b"ok"
    assert Handler.hits["/flaky"] == 3 and waits == [1, 2]
    with pytest.raises(RefreshError, match=r"HTTP 500 \(a fault on its side\), after 4 attempts"):
        fetcher.get(f"{server}/broken", "a broken answer")
    assert Handler.hits["/broken"] == 4


def test_the_transport_names_timeouts_and_refusals(server: str) -> None:
    with pytest.raises(TimedOutError):
        RequestsTransport().get(f"{server}/slow", timeout=0.2)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(NoConnectionError, match="the connection was refused"):
        RequestsTransport().get(f"http://127.0.0.1:{port}/api/profiles", timeout=2)


def test_a_whole_refresh_over_http(server: str, tmp_path: Path) -> None:
    boundaries = f"{server}/boundaries/CTYUA_DEC_2023_UK_BGC/query?where=1%3D1&outFields=CTYUA23CD,CTYUA23NM&f=geojson"
    settings = make_settings(base_url=f"{server}/api", boundaries_url=boundaries, timeout_seconds=5)
    result = refresh_data(settings, tmp_path / "data", RequestsTransport(), clock=Clock())
    assert result.changed and result.indicators == ("90366", "92443")
    assert "fingertips/92443.csv" in snapshot(tmp_path / "data")
