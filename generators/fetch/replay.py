"""Recorded answers kept as files, for working without the network.

A URL's answer lives at ``<folder>/<url path>/<query>``: the path's segments are
folders and the query string (``_`` when there is none) is the file name, e.g.
``api/all_data/csv/by_indicator_id/indicator_ids=92443&child_area_type_id=502&parent_area_type_id=15``.
Every recorded answer has status 200.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

from generators.fetch.errors import RefreshError
from generators.fetch.transport import Answer


def recording_path(folder: Path, url: str) -> Path:
    """The file that holds the recorded answer for ``url``."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    name = quote(parts.query, safe="=&%._,-") if parts.query else "_"
    return folder.joinpath(*segments, name)


class RecordedTransport:
    """Answers from files under a folder instead of the network."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.requested: list[str] = []

    def get(self, url: str, timeout: float) -> Answer:
        self.requested.append(url)
        path = recording_path(self.folder, url)
        if not path.is_file():
            raise RefreshError(
                f"no recorded answer for {url} (looked for {path}); "
                "record it there, or refresh without --replay to use the network"
            )
        return Answer(200, path.read_bytes())
