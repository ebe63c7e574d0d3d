"""One way to make a page: every page of the site is a `PageJob`, made by `make_pages`.

A job holds everything its page shows (its page model and the inputs its charts are drawn
from) and its narrative; a `Shared` holds what every page needs (the template context, the
benchmark, boundaries). A job's content hash is the hash of the whole job, the shared part,
the generator's code, templates and the libraries that shape a page, never a hand-written
list of fields: change anything a page is made from and the page is made again. A job whose
hash is unchanged since the last build keeps its files as they are.

Jobs are made one at a time and written at once, so memory does not grow with the site; on
large sites two worker processes share them. Nothing but paths and hashes travel back.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from generators.progress import track
from generators.render.jobs import Made, PageJob
from generators.write.project import STATE_FILE, write_docs

PARALLEL_FROM_JOBS = 400
"""Below this many pages one process is quicker than starting a second."""
JOBS_PER_TASK = 64
PACKAGES = ("jinja2", "markupsafe", "vl-convert-python", "altair", "pandas", "numpy")
"""Libraries whose version can change what a page or chart looks like."""


Maker = Callable[[PageJob, Any], Made]
"""Draws and renders one job (no disk): `render.make_page`."""


@dataclass
class PagesOutput:
    """What making the pages left behind: every file path, how many files changed, pages made or kept."""

    paths: set[str] = field(default_factory=set)
    written: int = 0
    made: int = 0
    kept: int = 0
    state: dict[str, dict[str, Any]] = field(default_factory=dict)

    def merge(self, other: PagesOutput) -> None:
        self.paths |= other.paths
        self.written += other.written
        self.made += other.made
        self.kept += other.kept
        self.state.update(other.state)

    @property
    def missing_codes(self) -> list[str]:
        return sorted({code for entry in self.state.values() for code in entry.get("missing", [])})


def previous_state(build: Path) -> dict[str, dict[str, Any]]:
    """What the last build into `build` made: per job, its hash, files and facts; or nothing."""
    try:
        loaded = json.loads((build / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) and all(isinstance(v, dict) for v in loaded.values()) else {}


def state_bytes(state: dict[str, dict[str, Any]]) -> bytes:
    return json.dumps(dict(sorted(state.items())), indent=0, sort_keys=True).encode("utf-8")


def make_pages(
    jobs: Sequence[PageJob], shared: Any, maker: Maker, build: Path, label: str = "pages", previous: dict[str, dict[str, Any]] | None = None
) -> PagesOutput:
    """Make every job's page into build/docs, skipping those whose content hash is unchanged since
    the last build (`previous`: its state, read from build/ when not given)."""
    previous = previous_state(build) if previous is None else previous
    common_key = shared_key(shared)
    tasks = [tuple(jobs[i:i + JOBS_PER_TASK]) for i in range(0, len(jobs), JOBS_PER_TASK)]
    output = PagesOutput()
    workers = min(os.cpu_count() or 1, 2)
    if workers > 1 and len(jobs) >= PARALLEL_FROM_JOBS:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(shared, common_key, maker, build, previous)) as pool:
            for part in track(pool.map(_make_in_worker, tasks), label, len(tasks)):
                output.merge(part)
    else:
        for task in track(tasks, label, len(tasks)):
            output.merge(make_some(task, shared, common_key, maker, build, previous))
    return output


_WORKER: dict[str, Any] = {}


def _start_worker(shared: Any, shared_key: bytes, maker: Maker, build: Path, previous: dict[str, dict[str, Any]]) -> None:
    """Each worker process receives the shared part once, not once per task."""
    _WORKER.update(shared=shared, shared_key=shared_key, maker=maker, build=build, previous=previous)


def _make_in_worker(jobs: tuple[PageJob, ...]) -> PagesOutput:
    return make_some(jobs, _WORKER["shared"], _WORKER["shared_key"], _WORKER["maker"], _WORKER["build"], _WORKER["previous"])


def make_some(jobs: Sequence[PageJob], shared: Any, shared_key: bytes, maker: Maker, build: Path, previous: dict[str, dict[str, Any]]) -> PagesOutput:
    """Some jobs' pages, in order (run in a worker process on large sites)."""
    output = PagesOutput()
    for job in jobs:
        digest = job_hash(job, shared_key)
        before = previous.get(job.key, {})
        if before.get("hash") == digest and _all_there(build, before.get("files", [])):
            output.paths.update(before["files"])
            output.state[job.key] = before
            output.kept += 1
            continue
        made = maker(job, shared)
        paths, written = write_docs(build, made.files)
        output.paths |= paths
        output.written += written
        output.made += 1
        output.state[job.key] = {"hash": digest, "files": sorted(made.files), "missing": sorted(made.missing_codes)}
    return output


def _all_there(build: Path, files: list[str]) -> bool:
    return bool(files) and all((build / "docs" / f).is_file() for f in files)


def job_hash(job: PageJob, shared_key: bytes) -> str:
    """The content hash of a whole job: its model, kind, narrative, the shared part and the code."""
    digest = hashlib.sha256(shared_key)
    digest.update(content_bytes(job))
    return digest.hexdigest()


def shared_key(shared: Any) -> bytes:
    """The hash input every job shares: the code's version and the shared part."""
    return code_version().encode("ascii") + content_bytes(shared)


def content_bytes(value: Any) -> bytes:
    """`value` pickled for hashing, by content alone: without pickle's memo, an object met twice is
    written twice, so equal values give equal bytes however they share objects (a job copied to a
    worker process hashes as in the main one); a table stands for its content (columns, types, a
    hash of its values), so the same rows hash the same however they were read."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: page models are trees, never self-referential
    pickler.dispatch_table = {pd.DataFrame: _table_content}
    pickler.dump(value)
    return buffer.getvalue()


def _table_content(table: pd.DataFrame) -> tuple[type, tuple[Any, ...]]:
    values = pd.util.hash_pandas_object(table, index=False).to_numpy().tobytes()
    return (tuple, ((list(table.columns), [str(t) for t in table.dtypes], values),))


def _version(package: str) -> str:
    try:
        return f"{package}=={metadata.version(package)}"
    except metadata.PackageNotFoundError:
        return f"{package} (not installed)"


def code_version() -> str:
    """A hash of the generator's code, templates and chart libraries: a new version of any remakes every page."""
    return CODE_VERSION


def _code_version() -> str:
    """Read once, when this module is imported (see `CODE_VERSION`)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(" ".join(_version(p) for p in PACKAGES).encode("utf-8"))
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.j2"), *root.rglob("*.js"), *root.rglob("*.css")]):
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


CODE_VERSION = _code_version()
"""The code as this process imported it: a process that runs on after its code was edited keeps
the hash of the code it runs, never recording old pages under the new code's hash."""
