"""The HTTP layer, small enough to swap: one ``get`` that returns status and bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import requests

USER_AGENT = "jsna-generators (refresh from Fingertips)"


@dataclass(frozen=True)
class Answer:
    """What a server sent back: the HTTP status and the body as downloaded."""

    status: int
    body: bytes


class TransportError(Exception):
    """The request got no answer at all; worth trying again."""


class NoConnectionError(TransportError):
    """No network, name not found, or connection refused."""


class TimedOutError(TransportError):
    """The server did not answer within the timeout."""


class Transport(Protocol):
    """Anything that can GET a URL within a timeout."""

    def get(self, url: str, timeout: float) -> Answer:
        """Return the answer, or raise ``NoConnectionError`` or ``TimedOutError``."""
        ...


class RequestsTransport:
    """The real network, through ``requests`` with a connect and read timeout."""

    def __init__(self, session: requests.Session | None = None) -> None:
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT

    def get(self, url: str, timeout: float) -> Answer:
        try:
            response = self._session.get(url, timeout=(timeout, timeout))
        except requests.Timeout as error:  # before ConnectionError: ConnectTimeout is both
            raise TimedOutError(f"no answer within {timeout:g} seconds") from error
        except requests.ConnectionError as error:
            raise NoConnectionError(_connection_reason(error)) from error
        return Answer(response.status_code, response.content)


def _connection_reason(error: requests.ConnectionError) -> str:
    text = str(error)
    if "Connection refused" in text or "Errno 111" in text:
        return "the connection was refused"
    if "Name or service not known" in text or "NameResolution" in text or "getaddrinfo" in text:
        return "the server name could not be found (no network?)"
    return "could not connect (no network?)"
