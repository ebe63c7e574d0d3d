"""Progress bars only on a terminal; plain output otherwise."""

from __future__ import annotations

import io

from generators.progress import track


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal() -> None:
    stream = Terminal()
    assert list(track(range(4), "charts", 4, stream)) == [0, 1, 2, 3]
    assert "charts" in stream.getvalue() and "4/4" in stream.getvalue()


def test_nothing_when_not_a_terminal() -> None:
    stream = io.StringIO()
    assert list(track(range(4), "charts", 4, stream)) == [0, 1, 2, 3]
    assert stream.getvalue() == ""
