"""The officer's loop, `python -m generators serve` (`make serve`): edit, save, see the page.

One first generate into build/, then `mkdocs serve --dirty` on build/mkdocs.yml (live reload), while
this process polls what the build reads: the configuration file, the data files and folders it names,
and the JSNA folder's `docs/` (the narrative and its own pages) and `overrides/`. On a save the
generate runs again in this process; the page hashes of `build/pages.json` keep every unchanged page,
so only the changed files of build/docs are rewritten, and MkDocs' own watcher rebuilds those pages
and reloads the browser. A save of the narrative alone rebuilds only the pages it changed (MkDocs'
dirty build); any other save also marks every page of build/docs for MkDocs to render again, since
the navigation or the shared parts of every page may have changed.

Kept between runs in this process (never on disk): the two slow stages that are pure functions of
their inputs (the inequality indices' simulation and the rows computed from local counts), keyed by
a digest of their arguments, so a narrative save does not simulate again.

An error (a bad data file, a broken `jsna.yml`) is printed and the loop carries on: build/ keeps the
last good pages, and the server keeps serving them until the next save that builds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from generators import pipeline
from generators.config import Config, config_for_folder, load_config
from generators.errors import DataError
from generators.load.inputs import NARRATIVE

DEV_ADDR = "127.0.0.1:8000"
POLL_SECONDS = 0.2
"""How often the watched files are looked at (a stat of each; a county's JSNA has some hundreds)."""
SETTLE_SECONDS = 0.1
"""A save is taken once two looks this far apart agree (an editor may write a file in several steps)."""

Snapshot = dict[str, tuple[int, int]]


@dataclass
class Outcome:
    """One run of the generate: whether it built, how long it took and what it said."""

    ok: bool
    seconds: float
    message: str
    changed: tuple[str, ...] = ()


@dataclass
class Watcher:
    """Polls the inputs of one JSNA and generates build/ again when one of them is saved.

    `source` is the configuration file, or (`zero_config`) a folder of Fingertips exports."""

    source: Path
    build: Path
    zero_config: bool = False
    say: Callable[[str], None] = lambda text: print(text, file=sys.stderr, flush=True)
    snapshot: Snapshot = field(default_factory=dict)
    watched: tuple[Path, ...] = ()
    narrative: Path | None = None
    runs: int = 0

    def config(self) -> Config:
        return config_for_folder(self.source) if self.zero_config else load_config(self.source)

    def folder(self, config: Config) -> Path:
        return pipeline.TOOL if self.zero_config else config.root

    def generate(self, changed: tuple[str, ...] = ()) -> Outcome:
        """Read the configuration again and generate build/; an error is reported, build/ keeps its last good pages."""
        started = time.perf_counter()
        self.runs += 1
        try:
            config = self.config()
        except DataError as error:
            self.watched = self.watched or (self.source,)
            return self._failed(started, str(error), changed)
        self.watched = watched_paths(config, self.source, self.folder(config), self.zero_config)
        self.narrative = (self.folder(config) / "docs" / NARRATIVE).resolve()
        try:
            with memoized_stages():
                generated = pipeline.generate(config, self.folder(config), self.build, say=lambda _: None)
        except DataError as error:
            return self._failed(started, str(error), changed)
        except Exception:  # the server keeps running whatever went wrong; the traceback says what
            return self._failed(started, "unexpected failure:\n" + traceback.format_exc(), changed)
        if changed and not self.narrative_only(changed):
            touch_pages(self.build / "docs")  # the navigation or the shared parts may differ on every page
        seconds = time.perf_counter() - started
        message = f"serve: generated in {seconds:.1f} s, {generated.written['written']} of {generated.files} files changed"
        self.say(message)
        return Outcome(True, seconds, message, changed)

    def _failed(self, started: float, error: str, changed: tuple[str, ...]) -> Outcome:
        message = f"serve: error, the pages served are the last good ones:\nerror: {error}"
        self.say(message)
        return Outcome(False, time.perf_counter() - started, message, changed)

    def narrative_only(self, changed: tuple[str, ...]) -> bool:
        narrative = self.narrative
        return narrative is not None and all(Path(p).is_relative_to(narrative) for p in changed)

    def start(self) -> Outcome:
        """The first generate, with the watched files' state taken before it (a save during it is seen next)."""
        with contextlib.suppress(DataError):
            config = self.config()
            self.watched = watched_paths(config, self.source, self.folder(config), self.zero_config)
        self.snapshot = take_snapshot(self.watched or (self.source,))
        before = self.watched
        outcome = self.generate()
        self._follow(before, self.snapshot)
        return outcome

    def poll(self) -> Outcome | None:
        """Look once; if something was saved, wait for it to settle and generate again."""
        now = take_snapshot(self.watched)
        if now == self.snapshot:
            return None
        while True:  # settle: two looks in a row agree
            time.sleep(SETTLE_SECONDS)
            again = take_snapshot(self.watched)
            if again == now:
                break
            now = again
        changed = tuple(sorted(p for p in now.keys() | self.snapshot.keys() if now.get(p) != self.snapshot.get(p)))
        self.say(f"serve: {len(changed)} changed: {', '.join(short(p) for p in changed[:3])}{' ...' if len(changed) > 3 else ''}")
        before = self.watched
        outcome = self.generate(changed)
        self._follow(before, now)  # a save during the generate is seen at the next look
        return outcome

    def _follow(self, before: tuple[Path, ...], seen: Snapshot) -> None:
        """The state to compare the next look with: what was seen before the generate, for the paths now watched
        (a configuration that names other files adds theirs as they are now)."""
        if self.watched == before:
            self.snapshot = seen
            return
        added = take_snapshot(tuple(p for p in self.watched if p not in before))
        self.snapshot = {f: s for f, s in seen.items() if any(Path(f).is_relative_to(p) for p in self.watched)} | added


def watched_paths(config: Config, source: Path, folder: Path, zero_config: bool = False) -> tuple[Path, ...]:
    """Every file or folder the build reads that an officer may save: the configuration, its data, the JSNA's pages and overrides."""
    paths: list[Path] = [source]
    if not zero_config:
        paths += [*config.fingertips, *config.local, *config.local_counts]
        paths += [p for p in (config.indicators, config.manifest, config.population, config.boundaries) if p is not None]
        paths += [folder / "docs", folder / "overrides"]
    return tuple(dict.fromkeys(p.resolve() for p in paths))


def take_snapshot(paths: tuple[Path, ...]) -> Snapshot:
    """(modification time, size) of every file under `paths`; a missing path is simply absent."""
    found: Snapshot = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        for file in files:
            with contextlib.suppress(OSError):
                stat = file.stat()
                found[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return found


def touch_pages(docs: Path) -> None:
    """Make MkDocs' dirty build render every page again (their content is unchanged, their time is now)."""
    now = time.time_ns()
    for page in docs.rglob("*.md"):
        with contextlib.suppress(OSError):
            os.utime(page, ns=(now, now))


def short(path: str) -> str:
    with contextlib.suppress(ValueError):
        return str(Path(path).relative_to(Path.cwd()))
    return path


# ---- the slow pure stages, remembered in this process -------------------------------------------------

_REMEMBERED: dict[str, tuple[str, Any]] = {}


def digest(value: Any) -> str:
    """A digest of a stage's arguments: tables by their content, sets and dicts sorted, anything else by its repr."""
    hasher = hashlib.sha256()

    def add(item: Any) -> None:
        if isinstance(item, pd.DataFrame):
            hasher.update(pickle.dumps((list(item.columns), [str(t) for t in item.dtypes], len(item))))
            hasher.update(pd.util.hash_pandas_object(item, index=True).to_numpy().tobytes())
        elif isinstance(item, set | frozenset):
            hasher.update(pickle.dumps(sorted(item)))
        elif isinstance(item, dict):  # by key: both stages only look things up in their dicts, whose order varies between runs
            add(sorted(item.items(), key=lambda kv: repr(kv[0])))
        elif isinstance(item, tuple | list):
            hasher.update(b"(")
            for part in item:
                add(part)
            hasher.update(b")")
        else:  # a repr is the same for equal values where pickle's bytes may not be (shared objects); a shortened one is not used
            text = repr(item)
            hasher.update(pickle.dumps(item) if "..." in text or " at 0x" in text else text.encode())

    add(value)
    return hasher.hexdigest()


def remembered(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, returning its last result again when called with the same arguments (one kept per stage)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            key = digest((args, sorted(kwargs.items())))
        except (TypeError, ValueError, pickle.PicklingError):
            return function(*args, **kwargs)
        kept = _REMEMBERED.get(name)
        if kept is not None and kept[0] == key:
            result = kept[1]
        else:
            result = function(*args, **kwargs)
            _REMEMBERED[name] = (key, result)
        return result.copy() if isinstance(result, dict | pd.DataFrame) else result

    return call


@contextlib.contextmanager
def memoized_stages() -> Iterator[None]:
    """Within: the pipeline's inequality indices and computed rows remembered between runs."""
    originals = {name: getattr(pipeline, name) for name in ("inequality_indices", "rows_from_counts")}
    try:
        for name, function in originals.items():
            setattr(pipeline, name, remembered(name, function))
        yield
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)


# ---- the server -------------------------------------------------------------------------------------------


def mkdocs_serve(build: Path, dev_addr: str, output: int | None = None) -> subprocess.Popen[bytes]:
    """`mkdocs serve --dirty` of build/mkdocs.yml in a child process (live reload on; only changed pages rendered again)."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-f", str((build / "mkdocs.yml").resolve()), "-a", dev_addr]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(command, cwd=pipeline.TOOL, env=environment, stdout=output, stderr=output)


def serve(source: Path, build: Path, dev_addr: str = DEV_ADDR, zero_config: bool = False) -> int:
    """The loop: generate, serve, watch, until interrupted. Exit status 1 if the first generate fails."""
    watcher = Watcher(source.resolve(), build.resolve(), zero_config)
    first = watcher.start()
    if not first.ok and not (watcher.build / "mkdocs.yml").is_file():
        return 1  # nothing to serve yet; the error is printed
    for stopping in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C or stopped from outside (even where started with SIGINT ignored): MkDocs is stopped too
        signal.signal(stopping, _interrupt)
    server = mkdocs_serve(watcher.build, dev_addr)
    watcher.say(f"serve: watching {len(watcher.snapshot)} files; the site is at http://{dev_addr}/ (Ctrl-C stops)")
    try:
        while server.poll() is None:
            watcher.poll()
            time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        pass
    finally:
        stop_process(server)
    return 0 if server.returncode in (0, -15) else 1


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
