"""The whole pipeline, stage by stage: config -> load -> tidy -> stats -> model -> render -> write."""

from __future__ import annotations

import dataclasses
import datetime
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators import area_pages, figures, load, report, site, tidy, write
from generators.charts import asset_files, load_boundaries
from generators.config.settings import Config
from generators.errors import DataError, Place
from generators.fetch.stale import find_stale_indicators
from generators.load import metadata
from generators.load.population import load_population
from generators.model import build_site
from generators.publish import editions
from generators.stats import assess


@dataclass(frozen=True)
class Generated:
    report: dict[str, Any]
    files: int
    written: dict[str, int]
    timings: tuple[tuple[str, float], ...]


def generate(config: Config, repo: Path, build: Path, say: Callable[[str], None] = lambda _: None) -> Generated:
    """Read the inputs named by `config` and write the MkDocs project into `build`."""
    timings: list[tuple[str, float]] = []

    def stage(name: str, run: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = run()
        timings.append((name, time.perf_counter() - start))
        say(f"{name:<8} {timings[-1][1]:6.2f} s  (peak {peak_memory_mb():,} MB)")
        return result

    fingertips = load.list_csv_files(config.fingertips)
    local = load.list_csv_files(config.local)
    loaded = stage("load", lambda: load.load_inputs(fingertips, local, cache=repo / ".cache" / "load"))
    manifest = _manifest(config)
    known = metadata.add_downloads(metadata.load_indicators(config.indicators), manifest)
    tidied = stage("tidy", lambda: tidy.tidy_rows(loaded.table, config, known, tidy.local_file_names(local)))
    config = dataclasses.replace(config, chapters=tidied.chapters)
    tidied, checks = stage("stats", lambda: assess(tidied, config))
    model = stage("model", lambda: build_site(tidied.table, config, tidied.indicators, tidied.chapter_of))
    boundaries = load_boundaries(config.boundaries, config.boundary_code_property) if config.boundaries else None
    job = area_pages.AreaJob(
        model.benchmark, figures.england_ranges(tidied.table, config.benchmark), load_population(config.population),
        site.common_context(model), repo / "docs" / "narrative", repo / ".cache" / "charts", build, area_pages.previous_hashes(build),
    )
    areas = stage("areas", lambda: area_pages.make_area_pages(model.areas, job))
    drawn = stage("charts", lambda: figures.indicator_figures(model, boundaries, repo / ".cache" / "charts"))
    checks["missing_boundaries"] = sorted(drawn.missing_codes)
    checks["stale"] = _stale(manifest, config)
    built = report.build_report(loaded, tidied, checks)
    report.check_totals(built)
    files: dict[str, str | bytes] = stage("render", lambda: site.render_site(model, built, tidied.table, drawn.html))
    files.update(drawn.files)
    files.update({f"assets/charts/{name}": data for name, data in asset_files([boundaries] if boundaries else [], repo / ".cache" / "charts").items()})
    files.update(editions.redirect_pages(config.redirects))
    files["build-report.json"] = report.report_json(built)
    state = area_pages.state_bytes(areas.hashes)
    written = stage("write", lambda: write.write_project(files, config, repo, build, frozenset(areas.paths), areas.written, state))
    say(f"area pages: {areas.made:,} made, {areas.kept:,} unchanged (content hash)")
    return Generated(built, len(files) + len(areas.paths), written, tuple(timings))


def peak_memory_mb() -> int:
    """This process's high-water resident memory so far (Linux), 0 where unknown."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    found = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    return int(found) // 1024


def _manifest(config: Config) -> dict[str, Any]:
    if config.manifest is None:
        return {}
    try:
        loaded = json.loads(config.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DataError("manifest", "expected the JSON manifest written by `make data`", Place(str(config.manifest))) from None
    return loaded if isinstance(loaded, dict) else {}


def _stale(manifest: dict[str, Any], config: Config) -> list[dict[str, Any]]:
    """Indicators whose data was released longer ago than `refresh.stale_after_days` (default 400)."""
    if not manifest:
        return []
    days = int(config.refresh.get("stale_after_days", 400)) if isinstance(config.refresh, dict) else 400
    today = datetime.date.fromisoformat(config.updated) if config.updated else datetime.date(2000, 1, 1)
    found = find_stale_indicators(manifest, today, days)
    return [{"id": s.indicator_id, "release_date": s.release_date.isoformat(), "age_days": s.age_days, "file": s.file} for s in found]
