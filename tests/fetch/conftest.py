"""Shared pieces for the refresh tests: recorded answers, faults, a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from generators.fetch.replay import RecordedTransport
from generators.fetch.settings import RefreshSettings
from generators.fetch.transport import Answer

RESPONSES = Path(__file__).parent / "responses"
BOUNDARIES_URL = (
    "https://services1.arcgis.com/boundaries/CTYUA_DEC_2023_UK_BGC/query"
    "?where=1%3D1&outFields=CTYUA23CD,CTYUA23NM&f=geojson"
)
SMOKING_502 = "indicator_ids=92443&child_area_type_id=502&parent_area_type_id=15"
LIFE_502 = "indicator_ids=90366&child_area_type_id=502&parent_area_type_id=15"


class ScriptedTransport(RecordedTransport):
    """Recorded answers, except for URLs containing a key of ``faults``.

    Each fault is a list played in order (the last one repeats): an ``Answer``
    to return or an exception to raise.
    """

    def __init__(self, faults: dict[str, list[Answer | Exception]] | None = None) -> None:
        super().__init__(RESPONSES)
        self.faults = faults or {}

    def get(self, url: str, timeout: float) -> Answer:
        for key, script in self.faults.items():
            if key in url:
                self.requested.append(url)
                step = script.pop(0) if len(script) > 1 else script[0]
                if isinstance(step, Exception):
                    raise step
                return step
        return super().get(url, timeout)


def make_settings(**changes: object) -> RefreshSettings:
    base = RefreshSettings(indicators=(92443, 90366), boundaries_url=BOUNDARIES_URL, retries=2, pause_seconds=0.0)
    return RefreshSettings(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to compare before and after."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class Clock:
    """A clock that moves on one minute each time it is read."""

    def __init__(self, start: datetime = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        from datetime import timedelta

        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def backoffs() -> list[int]:
    """The attempts after which the refresh backed off (it never really sleeps)."""
    return []


@pytest.fixture
def no_sleep(backoffs: list[int]):
    return backoffs.append
