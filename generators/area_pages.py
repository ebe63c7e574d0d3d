"""Stages 6 and 7 for the area pages, streamed: each area's charts, Markdown and files in turn.

An England-scale site has hundreds of areas and tens of thousands of charts. Drawing them all,
then rendering every page, then writing, held the whole site in memory at once. Here each page
(overview, chapter or theme) is drawn, rendered and written before the next, on both cores when
there are many areas, and nothing but a summary travels back.

A page whose inputs are unchanged since the last build is not made again: every page's content
hash (its page model, the shared page context, its narrative, the generator's code) is kept in
`build/pages.json`, and a page with the same hash keeps its files as they are.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from generators import figures as f
from generators.charts import PyramidInput, SpineInput
from generators.model import Area
from generators.pages import AreaPage, ChapterPage, ThemePage
from generators.population import Population
from generators.progress import track
from generators.site import narrative, render_area_page
from generators.write import write_docs

PARALLEL_FROM_AREAS = 40
"""Below this many areas one process is quicker than starting a second."""
AREAS_PER_TASK = 8
STATE_FILE = "pages.json"


@dataclass(frozen=True)
class AreaJob:
    """Everything an area page needs besides its own page model."""

    benchmark: Area
    ranges: dict[tuple, tuple[float, ...]]
    population: Population | None
    common: dict[str, Any]
    narrative_dir: Path
    cache: Path | None
    build: Path
    previous: dict[str, str]


@dataclass
class AreaOutput:
    """What making some area pages left behind: their files, and how many were made or kept."""

    paths: set[str] = field(default_factory=set)
    written: int = 0
    made: int = 0
    kept: int = 0
    hashes: dict[str, str] = field(default_factory=dict)

    def merge(self, other: AreaOutput) -> None:
        self.paths |= other.paths
        self.written += other.written
        self.made += other.made
        self.kept += other.kept
        self.hashes.update(other.hashes)


def previous_hashes(build: Path) -> dict[str, str]:
    """The page hashes of the last build into `build`, or none."""
    try:
        loaded = json.loads((build / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def state_bytes(hashes: dict[str, str]) -> bytes:
    return json.dumps(dict(sorted(hashes.items())), indent=0).encode("utf-8")


def make_area_pages(pages: tuple[AreaPage, ...], job: AreaJob) -> AreaOutput:
    """Every area's overview, chapter and theme pages with their charts, written into build/docs."""
    tasks = [pages[i:i + AREAS_PER_TASK] for i in range(0, len(pages), AREAS_PER_TASK)]
    output = AreaOutput()
    workers = min(os.cpu_count() or 1, 2)
    if workers > 1 and len(pages) >= PARALLEL_FROM_AREAS:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for part in track(pool.map(make_some, tasks, [job] * len(tasks)), "areas", len(tasks)):
                output.merge(part)
    else:
        for task in track(tasks, "areas", len(tasks)):
            output.merge(make_some(task, job))
    return output


def make_some(pages: tuple[AreaPage, ...], job: AreaJob) -> AreaOutput:
    """Some areas' pages (run in a worker process on large sites)."""
    output = AreaOutput()
    shared = _shared_key(job)
    for page in pages:
        sections = {id(s): _hash(b"", s) for chapter in page.chapters for s in chapter.sections}
        _make(page, job, shared, sections, output)
        for chapter in page.chapters:
            for shown in chapter.section_pages:
                _make(shown, job, shared, sections, output)
    return output


def _make(page: AreaPage | ChapterPage | ThemePage, job: AreaJob, shared: bytes, sections: dict[int, str], output: AreaOutput) -> None:
    """Draw, render and write one page, unless its content hash says its files are already right."""
    text = narrative(job.narrative_dir, page)
    overview = _overview_inputs(page, job) if isinstance(page, AreaPage) else None
    digest = _hash(shared, (_page_key(page, sections, overview), text))
    output.hashes[page.path] = digest
    folder = job.build / "docs" / page.path
    if job.previous.get(page.path) == digest and (folder / "index.md").is_file():
        output.paths.add(page.path + "index.md")
        if (folder / "charts").is_dir():
            output.paths.update(f"{page.path}charts/{p.name}" for p in (folder / "charts").iterdir() if p.is_file())
        output.kept += 1
        return
    if isinstance(page, AreaPage):
        assert overview is not None
        drawn = f.overview_figures(page, *overview, job.cache)
    else:
        drawn = f.section_figures(page, job.benchmark)
    files = dict(drawn.files)
    files[page.path + "index.md"] = render_area_page(page, job.common, drawn.html.get(page.path, {}), text).encode("utf-8")
    paths, written = write_docs(job.build, files)
    output.paths |= paths
    output.written += written
    output.made += 1


def _overview_inputs(page: AreaPage, job: AreaJob) -> tuple[SpineInput, PyramidInput | None]:
    """What an overview's charts are drawn from besides its page model: the spine chart's ranges across areas, the population."""
    pyramid = job.population.pyramid(page.area.code, page.area.name, job.benchmark.code) if job.population else None
    return f.spine_input(page, job.ranges), pyramid


def _page_key(page: AreaPage | ChapterPage | ThemePage, sections: dict[int, str], overview: tuple | None = None) -> tuple:
    """Everything a page shows, with each indicator section stood for by its own hash (made once per area);
    for an overview, also the inputs of its charts."""
    if isinstance(page, ThemePage):
        return ("theme", page.area, page.chapter, page.name, page.slug, [sections[id(s)] for s in page.sections])
    if isinstance(page, ChapterPage):
        themes = [(t.name, t.slug, [sections[id(s)] for s in t.sections]) for t in page.themes]
        return ("chapter", page.area, page.chapter, page.messages, themes, [sections[id(s)] for s in page.sections])
    chapters = [_page_key(c, sections) for c in page.chapters]
    return ("area", page.area, page.messages, chapters, overview)


def _shared_key(job: AreaJob) -> bytes:
    """What every area page depends on besides its own model: the code, the config, the benchmark, the addresses."""
    common = {k: v for k, v in job.common.items() if not callable(v)}
    return code_version().encode("ascii") + pickle.dumps((common, job.benchmark), protocol=5)


def _hash(shared: bytes, inputs: Any) -> str:
    digest = hashlib.sha256(shared)
    digest.update(pickle.dumps(inputs, protocol=5))
    return digest.hexdigest()


PACKAGES = ("jinja2", "markupsafe", "vl-convert-python", "altair", "pandas", "numpy")
"""Libraries whose version can change what a page or chart looks like."""


def _version(package: str) -> str:
    try:
        return f"{package}=={metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return f"{package} (not installed)"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the generator's code, templates and chart libraries: a new version of any remakes every page."""
    root = Path(__file__).parent
    digest = hashlib.sha256(" ".join(_version(p) for p in PACKAGES).encode("utf-8"))
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.j2")]):
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()
