"""GET with a timeout, retries and backoff; every failure becomes a ``RefreshError``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from generators.fetch.errors import RefreshError
from generators.fetch.transport import Answer, Transport, TransportError

Backoff = Callable[[int], None]


def sleep_backoff(attempt: int) -> None:
    """Wait 1, 2, 4 ... seconds (at most 30) before attempt ``attempt + 1``."""
    time.sleep(min(2 ** (attempt - 1), 30))


@dataclass(frozen=True)
class Fetcher:
    """A transport with the patience the settings ask for."""

    transport: Transport
    timeout_seconds: float = 60.0
    retries: int = 3
    backoff: Backoff = field(default=sleep_backoff)

    def get(self, url: str, asked: str) -> Answer:
        """GET ``url`` (fetching ``asked``); retry timeouts, lost connections and HTTP 5xx."""
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            outcome = self._try(url)
            if isinstance(outcome, Answer) and outcome.status < 500:
                return _check_status(outcome, url, asked)
            if attempt < attempts:
                self.backoff(attempt)
        raise RefreshError(_gave_up(outcome, url, asked, attempts))

    def _try(self, url: str) -> Answer | TransportError:
        try:
            return self.transport.get(url, self.timeout_seconds)
        except TransportError as error:
            return error


def _check_status(answer: Answer, url: str, asked: str) -> Answer:
    if answer.status >= 400:
        raise RefreshError(
            f"Fingertips answered HTTP {answer.status} when fetching {asked} ({url}); "
            "check the ids in the refresh section of jsna.yml"
        )
    return answer


def _gave_up(outcome: Answer | TransportError, url: str, asked: str, attempts: int) -> str:
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(outcome, Answer):
        what = f"the server answered HTTP {outcome.status} (a fault on its side)"
        hint = "Fingertips may be down or busy; try again later"
    else:
        what = str(outcome)
        hint = "check your network connection (and proxy), or raise refresh.timeout_seconds / refresh.retries"
    return f"could not fetch {asked} from {url}: {what}, after {tries}; {hint}"
