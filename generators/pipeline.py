"""The whole pipeline, stage by stage: config -> load -> tidy -> stats -> model -> charts/render -> write.

The disk is touched at the two ends only: `load` reads every input, `write` writes build/.
(`publish`, run after this by the command line, turns build/ into site/ with MkDocs.)
"""

from __future__ import annotations

import dataclasses
import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from generators.charts import asset_files, figures
from generators.config import Config
from generators.fetch.stale import find_stale_indicators
from generators.load import load_all
from generators.load.nhs import load_nhs
from generators.model import AreaPage, Site, build_site
from generators.model.board import build_board
from generators.model.nhs_places import place_nhs_areas, publish_nhs_areas
from generators.model.nhs_site import add_nhs
from generators.model.series import all_areas, choose_areas
from generators.render import jobs, make_page, redirect_pages
from generators.render.board import board_jobs, summary_jobs, with_contributions
from generators.render.markdown import render_page
from generators.render.nhs import nhs_jobs
from generators.report import build_report, check_totals
from generators.stats import assess, category_order, compute_ranges, inequality_indices
from generators.stats.counts import computed_methods, rows_from_counts
from generators.tidy import tidy_rows
from generators.write import make_pages, previous_state, state_bytes, write_project

TOOL = Path(__file__).resolve().parent.parent
"""The tool's own folder (this repository): its mkdocs.yml, pages and theme overrides."""


@dataclass(frozen=True)
class Generated:
    report: dict[str, Any]
    files: int
    written: dict[str, int]
    timings: tuple[tuple[str, float], ...]


def generate(config: Config, folder: Path, build: Path, say: Callable[[str], None] = lambda _: None) -> Generated:
    """Read the inputs named by `config` (and the JSNA `folder`'s narrative and pages); write the MkDocs project into `build`."""
    timings: list[tuple[str, float]] = []

    def stage(name: str, run: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = run()
        timings.append((name, time.perf_counter() - start))
        say(f"{name:<8} {timings[-1][1]:6.2f} s  (peak {peak_memory_mb():,} MB)")
        return result

    cache = TOOL / ".cache"  # shared by every JSNA built with this copy of the tool (content-addressed)
    inputs = stage("load", lambda: load_all(config, TOOL, folder, cache))
    nhs = load_nhs(config)  # the NHS hierarchy, with the configuration's nhs: checked against it
    computed = stage("counts", lambda: rows_from_counts(inputs.counts, inputs.indicators, config.benchmark, inputs.rows.table))
    rows = dataclasses.replace(inputs.rows, table=pd.concat([inputs.rows.table, computed], ignore_index=True), rows_by_file=inputs.rows.rows_by_file + _computed_by_file(computed))
    local = {str(p) for p in inputs.local_files} | {f for f, _ in inputs.counts_by_file}
    tidied = stage("tidy", lambda: tidy_rows(rows.table, config, inputs.indicators, local))
    config = dataclasses.replace(config, chapters=tidied.chapters)
    tidied, checks = stage("stats", lambda: assess(tidied, config))
    tidied = dataclasses.replace(tidied, table=place_nhs_areas(tidied.table, nhs))  # each NHS area beside the council it serves, or under its parent
    config = publish_nhs_areas(config, tidied.table, nhs)  # and the NHS bodies serving the published councils published after them
    shown = {a.code for a in choose_areas(all_areas(tidied.table), config)} | {config.benchmark}  # only the published areas' indices are simulated
    indices = stage("sii", lambda: inequality_indices(tidied.table, tidied.indicators, category_order(tidied.table), areas=shown))
    site = stage("model", lambda: build_site(tidied.table, config, tidied.indicators, tidied.chapter_of, indices))
    site = add_nhs(site, tidied.table, tidied.indicators, nhs)  # overviews' NHS blocks, GP practices pages, distributions on indicator pages
    config = site.config  # with its title, where the areas gave it
    board = stage("board", lambda: build_board(site, tidied.indicators, inputs.contributions))  # priorities, partners' words, summaries
    ranges = compute_ranges(tidied.table, config.benchmark)
    shared = jobs.shared_context(site, inputs.boundaries, cache / "charts")

    def overview_inputs(page: AreaPage) -> tuple[Any, Any]:
        return figures.spine_input(page, ranges, site.benchmark.name), figures.pyramid_input(inputs.population, page.area, site.benchmark)

    area_jobs = jobs.area_jobs(site, with_contributions(inputs.narrative, board.attributed), overview_inputs) + summary_jobs(board)
    area_jobs += nhs_jobs(site)  # each area's GP practices page
    previous = previous_state(build)  # read once for the three calls below
    areas = stage("areas", lambda: make_pages(area_jobs, shared, make_page, build, "areas", previous))
    made = stage("pages", lambda: make_pages(jobs.site_jobs(site, tidied.table) + board_jobs(board), shared, make_page, build, previous=previous))
    made.merge(areas)
    checks["missing_boundaries"] = made.missing_codes
    checks["stale"] = _stale(inputs.manifest, config)
    checks["breakdowns_shown"] = breakdowns_shown(site)
    checks["computed"] = computed_methods(inputs.counts, tidied.indicators)
    report = build_report(rows, tidied, checks, report_root(config))
    check_totals(report)
    made.merge(make_pages([jobs.report_job(report)], shared, make_page, build, previous=previous))
    files: dict[str, str | bytes] = {f"docs/assets/charts/{name}": data for name, data in asset_files([inputs.boundaries] if inputs.boundaries else [], cache / "charts").items()}
    files.update({f"docs/{path}": text for path, text in redirect_pages(config.redirects).items()})
    if checks["computed"] and "docs/methods.md" in inputs.site_files:  # the Methods page says which methods ran
        files["docs/methods.md"] = inputs.site_files["docs/methods.md"].decode("utf-8") + render_page("methods_computed.md.j2", computed=checks["computed"])
    written = stage("write", lambda: write_project(files, inputs.site_files, inputs.mkdocs_template, config, build, made.paths, made.written, state_bytes(made.state)))
    say(f"pages: {made.made:,} made, {made.kept:,} unchanged (content hash)")
    return Generated(report, len(files) + len(made.paths), written, tuple(timings))


def report_root(config: Config) -> Path:
    """The folder the build report names its files from: the configuration file's, or in zero-config
    mode (`--data`) the one holding the data folder (or a single data file's folder), so that files
    are named with their folder, `fingertips-real/obesity.csv`; never the working directory, which
    zero-config mode resolves relative paths against (`config.root`) and which can be anywhere."""
    source = Path(config.source)
    if source.is_dir():
        return source.resolve().parent
    return source.resolve().parent.parent if source.suffix.lower() == ".csv" else config.root


def _computed_by_file(computed: pd.DataFrame) -> tuple[tuple[str, int], ...]:
    """The rows computed from each local counts file (one per area, indicator, period and sex), as the report lists files."""
    return tuple((str(f), int(n)) for f, n in computed.groupby("source_file", sort=True).size().items()) if not computed.empty else ()


def breakdowns_shown(site: Site) -> dict[str, int]:
    """Category rows on the pages, by category type: the published areas' and the benchmark's (indicator pages), every period."""
    counts: dict[str, int] = {}
    shown = [b for p in site.areas for c in p.chapters for s in c.sections for b in s.breakdowns]
    shown += [b for p in site.indicators for r in p.series for b in r.breakdowns]
    for breakdown in shown:
        shown_rows = sum(1 for _, points in breakdown.history for p in points if p is not None) or len(breakdown.categories)
        counts[breakdown.category_type] = counts.get(breakdown.category_type, 0) + shown_rows
    return counts


def peak_memory_mb() -> int:
    """This process's high-water resident memory so far (Linux), 0 where unknown."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    found = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    return int(found) // 1024


def _stale(manifest: dict[str, Any], config: Config) -> list[dict[str, Any]]:
    """Indicators whose data was released longer ago than `refresh.stale_after_days` (default 400)."""
    if not manifest:
        return []
    days = int(config.refresh.get("stale_after_days", 400)) if isinstance(config.refresh, dict) else 400
    today = datetime.date.fromisoformat(config.updated) if config.updated else datetime.date(2000, 1, 1)
    found = find_stale_indicators(manifest, today, days)
    return [{"id": s.indicator_id, "release_date": s.release_date.isoformat(), "age_days": s.age_days, "file": s.file} for s in found]
