"""Progress for long stages: a bar on a terminal, nothing when output goes to a file or CI."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
WIDTH = 30


def track(items: Iterable[T], label: str, total: int, stream: TextIO | None = None) -> Iterator[T]:
    """Yield `items`, drawing `label [#####     ] 12/40` as they go when `stream` is a terminal."""
    stream = stream or sys.stderr
    live = stream.isatty() and total > 0
    for done, item in enumerate(items, start=1):
        yield item
        if live and (done == total or done % max(1, total // 100) == 0):
            filled = WIDTH * done // total
            stream.write(f"\r{label:<8} [{'#' * filled}{' ' * (WIDTH - filled)}] {done}/{total}")
            stream.flush()
    if live:
        stream.write("\r" + " " * (WIDTH + len(label) + 30) + "\r")
        stream.flush()
