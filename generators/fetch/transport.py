"""The HTTP layer, small enough to swap: one ``get`` that returns status, bytes and the headers we use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import requests

USER_AGENT = "jsna-generators (refresh from Fingertips)"


@dataclass(frozen=True)
class Answer:
    """What a server sent back: the HTTP status, the body as downloaded, and two of its headers."""

    status: int
    body: bytes
    content_type: str = ""  # e.g. "text/csv; charset=utf-8", "" when not sent
    retry_after: str = ""  # the Retry-After header as sent (seconds or an HTTP date), "" when not sent


class TransportError(Exception):
    """The request got no answer at all; worth trying again."""


class NoConnectionError(TransportError):
    """No network, name not found, or connection refused."""


class TimedOutError(TransportError):
    """The server did not answer within the timeout."""


class SetupError(TransportError):
    """The computer's own network setup stands in the way (TLS certificates, proxy): not worth retrying.

    The message says what to set."""


TLS_HINT = (
    "the secure connection (TLS) could not be verified: {detail}; "
    "on a council network that inspects HTTPS, set REQUESTS_CA_BUNDLE to the file of your "
    "organisation's root certificates (ask IT for it, as a .pem file) and run again"
)
PROXY_HINT = (
    "the proxy failed or refused the request: {detail}; set HTTPS_PROXY (and HTTP_PROXY) to your "
    "proxy's address, e.g. HTTPS_PROXY=http://proxy.example.gov.uk:8080, or unset them if you need none"
)


class Transport(Protocol):
    """Anything that can GET a URL within a timeout."""

    def get(self, url: str, timeout: float) -> Answer:
        """Return the answer, or raise a ``TransportError``."""
        ...


class RequestsTransport:
    """The real network, through ``requests`` with a connect and read timeout.

    ``requests`` reads ``HTTPS_PROXY``, ``HTTP_PROXY``, ``NO_PROXY`` and ``REQUESTS_CA_BUNDLE`` from the environment.
    """

    def __init__(self, session: requests.Session | None = None) -> None:
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT

    def get(self, url: str, timeout: float) -> Answer:
        try:
            response = self._session.get(url, timeout=(timeout, timeout))
        except requests.exceptions.SSLError as error:  # before ConnectionError: SSLError is one
            raise SetupError(TLS_HINT.format(detail=_short(error))) from error
        except requests.exceptions.ProxyError as error:
            raise SetupError(PROXY_HINT.format(detail=_short(error))) from error
        except requests.Timeout as error:  # before ConnectionError: ConnectTimeout is both
            raise TimedOutError(f"no answer within {timeout:g} seconds") from error
        except requests.ConnectionError as error:
            raise NoConnectionError(_connection_reason(error)) from error
        headers = response.headers
        return Answer(
            response.status_code,
            response.content,
            headers.get("Content-Type", ""),
            headers.get("Retry-After", ""),
        )


def _short(error: Exception) -> str:
    text = str(error)
    for marker in ("CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "Tunnel connection failed"):
        if marker in text:
            start = text.index(marker)
            return text[start : start + 120].split("'")[0].split(")")[0].strip()
    return text[:120]


def _connection_reason(error: requests.ConnectionError) -> str:
    text = str(error)
    if "Connection refused" in text or "Errno 111" in text:
        return "the connection was refused"
    if "Name or service not known" in text or "NameResolution" in text or "getaddrinfo" in text:
        return "the server name could not be found"
    return "could not connect"
