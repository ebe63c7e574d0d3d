"""``data/manifest.json``: where each file came from, when, and its checksum."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Download:
    """One file a refresh produced, relative to ``data/``."""

    path: str  # e.g. "fingertips/92443.csv"
    source_url: str
    sha256: str
    downloaded_at: str  # UTC, ISO 8601, e.g. "2025-03-01T09:30:00Z"
    indicator_id: str | None = None
    release_date: str | None = None


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def read_manifest(data_dir: Path) -> dict[str, Any]:
    """The manifest in ``data_dir``, or an empty one when there is none (or it is unreadable)."""
    try:
        manifest = json.loads((data_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}}
    return manifest if isinstance(manifest.get("files"), dict) else {"files": {}}


def build_manifest(downloads: list[Download], previous: dict[str, Any]) -> dict[str, Any]:
    """The new manifest; a file unchanged since ``previous`` keeps its download time."""
    files = {d.path: _entry(d, previous["files"].get(d.path)) for d in downloads}
    return {"manifest_version": MANIFEST_VERSION, "files": files}


def _entry(download: Download, before: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "source_url": download.source_url,
        "sha256": download.sha256,
        "downloaded_at": download.downloaded_at,
        "release_date": download.release_date,
    }
    if download.indicator_id is not None:
        entry["indicator_id"] = download.indicator_id
    if _same_file(entry, before):
        entry["downloaded_at"] = before["downloaded_at"]
    return entry


def _same_file(entry: dict[str, Any], before: Any) -> bool:
    return (
        isinstance(before, dict)
        and isinstance(before.get("downloaded_at"), str)
        and all(before.get(k) == entry[k] for k in ("source_url", "sha256"))
    )


def render_manifest(manifest: dict[str, Any]) -> bytes:
    """Deterministic JSON: sorted keys, indent 2, final newline."""
    return (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def nothing_new(downloads: list[Download], previous: dict[str, Any], data_dir: Path) -> bool:
    """True when every file equals the manifest's and the copy in ``data_dir``."""
    files = previous["files"]
    if sorted(files) != sorted(d.path for d in downloads):
        return False
    return all(_unchanged_on_disk(d, files[d.path], data_dir) for d in downloads)


def _unchanged_on_disk(download: Download, before: Any, data_dir: Path) -> bool:
    if not isinstance(before, dict) or before.get("sha256") != download.sha256:
        return False
    if before.get("source_url") != download.source_url or before.get("release_date") != download.release_date:
        return False
    path = data_dir / download.path
    return path.is_file() and sha256_of(path.read_bytes()) == download.sha256
