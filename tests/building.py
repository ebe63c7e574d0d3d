"""Run the command line: as a user would (a subprocess), or in this process (no start-up cost);
and the few full builds the suite shares, started in the background when the session starts.

A full `build` (generator and MkDocs) takes seconds to tens of seconds. The suite runs five of
them (see tests/conftest.py), each registered here with `in_background`: the session starts the
ones its selected tests use, one after another on a thread of their own. Each is a subprocess,
so it runs on the machine's other core while the tests go on; a fixture's `Background.result`
waits for its build. Everything else runs `generate` in-process (`run_in_process`).
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from generators.cli import main

REPO = Path(__file__).resolve().parent.parent

_running: set[subprocess.Popen[str]] = set()
_lock = threading.Lock()


def run_build(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`python -m generators ...` run in `cwd` (this repository on the path), capturing what it prints."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]))
    command = [sys.executable, "-m", "generators", *args]
    with subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        with _lock:
            _running.add(process)
        try:
            stdout, stderr = process.communicate()
        finally:
            with _lock:
                _running.discard(process)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run_in_process(*args: str) -> tuple[int, str]:
    """`python -m generators ...` as `generators.cli.main`: its exit code and what it printed on stderr.
    An exception escaping `main` propagates: it is the traceback a user would see."""
    printed = io.StringIO()
    with contextlib.redirect_stderr(printed):
        code = main(list(args))
    return code, printed.getvalue()


def files_of(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by its path relative to `root`, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differences(one: Path, two: Path) -> list[str]:
    """Files present under only one of two folders, or with different bytes."""
    first, second = files_of(one), files_of(two)
    return sorted(first.keys() ^ second.keys()) + sorted(f for f in first.keys() & second.keys() if first[f] != second[f])


Recipe = Callable[[Path, "Background"], Any]
"""Makes one shared build in an empty folder (a subprocess: it runs on a thread, beside the tests)."""

RECIPES: dict[str, tuple[Recipe, tuple[str, ...]]] = {}


def in_background(fixture: str, after: tuple[str, ...] = ()) -> Callable[[Recipe], Recipe]:
    """Register `recipe` as the build behind `fixture`, made after the builds `after` (which it may read)."""

    def register(recipe: Recipe) -> Recipe:
        RECIPES[fixture] = (recipe, after)
        return recipe

    return register


class Background:
    """The registered builds a session needs, made one after another on one thread, in the order given."""

    def __init__(self, folder: Callable[[str], Path]) -> None:
        self._folder = folder
        self._futures: dict[str, Future[Any]] = {}
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="jsna-builds")

    def start(self, fixtures: Iterable[str]) -> None:
        """Queue the build behind each fixture (and, first, the builds it comes after)."""
        for fixture in fixtures:
            if fixture in self._futures or fixture not in RECIPES:
                continue
            recipe, after = RECIPES[fixture]
            self.start(after)
            self._futures[fixture] = self._pool.submit(recipe, self._folder(fixture), self)

    def result(self, fixture: str) -> Any:
        """What the build behind `fixture` returned, once it is made (queued now if it was not)."""
        self.start([fixture])
        return self._futures[fixture].result()

    def close(self) -> None:
        """Drop the builds not started; stop the one running (the session is over)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        with _lock:
            for process in _running:
                process.terminate()
        self._pool.shutdown(wait=True)
