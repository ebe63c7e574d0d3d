"""Refresh ``data/`` from Fingertips: download, check, and swap in all at once or not at all."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from generators.fetch import fingertips as api
from generators.fetch.boundaries import download_boundaries
from generators.fetch.checks import count_export_rows, without_areas
from generators.fetch.errors import RefreshError
from generators.fetch.fetcher import Fetcher, Sleep
from generators.fetch.manifest import (
    MANIFEST_NAME,
    Download,
    build_manifest,
    nothing_new,
    read_manifest,
    render_manifest,
    sha256_of,
)
from generators.fetch.metadata import IndicatorMetadata, load_metadata, render_indicators_yaml
from generators.fetch.resolve import Wanted, choose_indicators, explain_missing_data
from generators.fetch.settings import RefreshSettings
from generators.fetch.store import Staging
from generators.fetch.transport import Transport

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh did."""

    changed: bool  # False: nothing new at the source, data/ untouched
    indicators: tuple[str, ...]  # ids downloaded
    skipped: tuple[str, ...]  # profile indicators with no data for any of the area types
    files: tuple[str, ...]  # paths in data/, as in the manifest


@dataclass(frozen=True)
class _Run:
    settings: RefreshSettings
    fetcher: Fetcher
    staging: Staging
    clock: Clock

    def keep(self, path: str, url: str, body: bytes, meta: IndicatorMetadata | None = None) -> Download:
        self.staging.write(path, body)
        stamp = self.clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        release = meta.release_date if meta else None
        return Download(path, url, sha256_of(body), stamp, meta.id if meta else None, release)


def refresh_data(
    settings: RefreshSettings,
    data_dir: Path,
    transport: Transport,
    sleep: Sleep = time.sleep,
    clock: Clock = lambda: datetime.now(UTC),
) -> RefreshResult:
    """Download what ``settings`` names into ``data_dir``; on any error leave it as it was.

    ``sleep`` waits between requests and before retries (tests pass a fake clock's)."""
    fetcher = Fetcher(transport, settings.timeout_seconds, settings.retries, sleep, settings.pause_seconds)
    chosen = choose_indicators(fetcher, settings)
    wanted = chosen.wanted
    metadata_url, metadata = load_metadata(
        fetcher, settings.base_url, chosen, settings.area_type, settings.parent_area_type
    )
    staging = Staging(data_dir)
    try:
        return _download_and_swap(_Run(settings, fetcher, staging, clock), wanted, metadata_url, metadata)
    finally:
        staging.discard()


def _download_and_swap(
    run: _Run, wanted: list[Wanted], metadata_url: str, metadata: dict[int, IndicatorMetadata]
) -> RefreshResult:
    downloads = [d for w in wanted for d in _download_indicator(run, w, metadata[w.indicator_id])]
    if not downloads:
        types = ", ".join(str(t) for t in run.settings.every_area_type)
        raise RefreshError(
            f"none of the {len(wanted)} indicators named has data for area type {types}; "
            "check refresh.area_types in jsna.yml"
        )
    got = list(dict.fromkeys(int(d.indicator_id or 0) for d in downloads))
    downloads.append(run.keep("indicators.yml", metadata_url, render_indicators_yaml([metadata[i] for i in got])))
    if run.settings.boundaries_url:
        downloads.append(_download_boundaries(run, run.settings.boundaries_url))
    return _swap_if_new(run, wanted, downloads)


def export_path(indicator_id: int, area_type: int, first_area_type: int) -> str:
    """Where an export lands in data/: ``fingertips/90366.csv`` at the first area type,
    ``fingertips/90366-501.csv`` at each further one."""
    suffix = "" if area_type == first_area_type else f"-{area_type}"
    return f"fingertips/{indicator_id}{suffix}.csv"


def _download_indicator(run: _Run, wanted: Wanted, meta: IndicatorMetadata) -> list[Download]:
    """The indicator's export at each area type that has data. A named indicator must have data at the
    first area type; at a further one (districts, regions) no data just means no file."""
    s = run.settings
    kept: list[Download] = []
    seen: set[str] = set()  # England and the parents come in every download: kept once, from the first
    for area_type in s.every_area_type:
        url = api.data_csv_url(s.base_url, wanted.indicator_id, area_type, s.parent_area_type, wanted.profile_id)
        asked = f"data for indicator {wanted.indicator_id} at area type {area_type}"
        body = run.fetcher.get(url, asked, expect="csv").body
        if count_export_rows(body, url, asked) > 0:
            body, codes = without_areas(body, seen)
            seen |= codes
        if count_export_rows(body, url, asked) == 0:
            if wanted.named and area_type == s.area_type:
                raise explain_missing_data(run.fetcher, s, wanted.indicator_id)
            continue
        kept.append(run.keep(export_path(wanted.indicator_id, area_type, s.area_type), url, body, meta))
    return kept


def _download_boundaries(run: _Run, url: str) -> Download:
    return run.keep("boundaries.geojson", url, download_boundaries(run.fetcher, url))


def _swap_if_new(run: _Run, wanted: list[Wanted], downloads: list[Download]) -> RefreshResult:
    data_dir = run.staging.data_dir
    previous = read_manifest(data_dir)
    got = tuple(dict.fromkeys(d.indicator_id for d in downloads if d.indicator_id))
    skipped = tuple(str(w.indicator_id) for w in wanted if str(w.indicator_id) not in got)
    files = tuple(sorted(d.path for d in downloads))
    if nothing_new(downloads, previous, data_dir):
        return RefreshResult(False, got, skipped, files)
    run.staging.write(MANIFEST_NAME, render_manifest(build_manifest(downloads, previous)))
    run.staging.swap_in(set(previous["files"]) | {MANIFEST_NAME})
    return RefreshResult(True, got, skipped, files)
