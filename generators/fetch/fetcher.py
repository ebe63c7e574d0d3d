"""GET with a timeout, a pause between requests, retries and backoff; every failure becomes a ``RefreshError``.

Retried: timeouts, lost connections, HTTP 429 (too many requests) and 5xx (502, 503, 504 ...), waiting
1, 2, 4 ... seconds, or what the server's ``Retry-After`` header asks. A 200 answer that is a web page
(HTML) where CSV or JSON was expected (a proxy's or a load balancer's error page) is tried once more.
Not retried: TLS and proxy failures (the message says what to set), and other 4xx answers.
Each URL is fetched once per refresh: a second ``get`` of the same URL answers from memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from generators.fetch.errors import RefreshError
from generators.fetch.transport import Answer, SetupError, Transport, TransportError

Sleep = Callable[[float], None]
"""Waits a number of seconds (``time.sleep``; tests pass a fake that records the waits)."""

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_WAIT_SECONDS = 300.0  # a Retry-After longer than this is cut to it


def backoff_seconds(attempt: int) -> float:
    """The wait after failed attempt ``attempt``: 1, 2, 4 ... seconds, at most 30."""
    return float(min(2 ** (attempt - 1), 30))


def retry_after_seconds(header: str, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number of seconds or an HTTP date), or None."""
    text = header.strip()
    if not text:
        return None
    if text.isdigit():
        return min(float(text), MAX_WAIT_SECONDS)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - now()).total_seconds(), 0.0), MAX_WAIT_SECONDS)


@dataclass(frozen=True)
class Fetcher:
    """A transport with the patience the settings ask for."""

    transport: Transport
    timeout_seconds: float = 60.0
    retries: int = 3
    sleep: Sleep = field(default=time.sleep)
    pause_seconds: float = 0.0  # before every request but the first
    _answers: dict[str, Answer] = field(default_factory=dict, compare=False, repr=False)
    _sent: list[str] = field(default_factory=list, compare=False, repr=False)

    @property
    def requests_sent(self) -> int:
        return len(self._sent)

    def get(self, url: str, asked: str, expect: str | None = None) -> Answer:
        """GET ``url`` (fetching ``asked``); ``expect`` "csv" or "json" retries once on an HTML page."""
        if url in self._answers:
            return self._answers[url]
        attempts = self.retries + 1
        attempt = 0
        html_retried = False
        while True:
            attempt += 1
            outcome = self._try(url)
            if isinstance(outcome, SetupError):
                raise RefreshError(f"could not fetch {asked} from {url}: {outcome}")
            if isinstance(outcome, Answer) and outcome.status not in RETRY_STATUSES:
                answer = _check_status(outcome, url, asked)
                if expect and _is_web_page(answer):
                    if html_retried:
                        raise RefreshError(_web_page(url, asked, expect))
                    html_retried = True
                    attempt -= 1  # the retry on a web page comes on top of refresh.retries
                    self.sleep(backoff_seconds(1))
                    continue
                self._answers[url] = answer
                return answer
            if attempt >= attempts:
                raise RefreshError(_gave_up(outcome, url, asked, attempts))
            self.sleep(_wait(outcome, attempt))

    def _try(self, url: str) -> Answer | TransportError:
        if self._sent and self.pause_seconds > 0:
            self.sleep(self.pause_seconds)
        self._sent.append(url)
        try:
            return self.transport.get(url, self.timeout_seconds)
        except TransportError as error:
            return error


def _wait(outcome: Answer | TransportError, attempt: int) -> float:
    if isinstance(outcome, Answer):
        asked = retry_after_seconds(outcome.retry_after)
        if asked is not None:
            return asked
    return backoff_seconds(attempt)


def _is_web_page(answer: Answer) -> bool:
    start = answer.body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return start == b"<" or "text/html" in answer.content_type.lower()


def _web_page(url: str, asked: str, expect: str) -> str:
    return (
        f"Fingertips sent a malformed answer for {asked} ({url}): a web page (HTML), not {expect.upper()}, "
        "twice in a row; a proxy or Fingertips itself may be showing an error page: open the address in a "
        "browser to see it, try again later, or check refresh.base_url in jsna.yml"
    )


def _check_status(answer: Answer, url: str, asked: str) -> Answer:
    if answer.status >= 400:
        raise RefreshError(
            f"Fingertips answered HTTP {answer.status} when fetching {asked} ({url}); "
            "check the ids in the refresh section of jsna.yml"
        )
    return answer


def _gave_up(outcome: Answer | TransportError, url: str, asked: str, attempts: int) -> str:
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(outcome, Answer) and outcome.status == 429:
        what = "the server answered HTTP 429 (too many requests)"
        hint = "Fingertips is limiting how fast it is asked; raise refresh.pause_seconds, or try again later"
    elif isinstance(outcome, Answer):
        what = f"the server answered HTTP {outcome.status} (a fault on its side)"
        hint = "Fingertips may be down or busy; try again later"
    else:
        what = str(outcome)
        hint = (
            "check your network connection; behind a proxy, set HTTPS_PROXY to its address; "
            "or raise refresh.timeout_seconds / refresh.retries"
        )
    return f"could not fetch {asked} from {url}: {what}, after {tries}; {hint}"
