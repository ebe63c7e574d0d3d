"""All writes of a refresh: a staging folder next to ``data/``, then one swap.

Files a refresh owns (the ``fingertips/`` folder, those in the old manifest, the
manifest itself) are replaced; every other file in ``data/`` is carried over as is.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from generators.fetch.errors import RefreshError

OWNED_FOLDER = "fingertips"


class Staging:
    """A temporary folder beside ``data/`` that becomes ``data/`` on ``swap_in``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.refresh-", dir=data_dir.parent))

    def write(self, relative: str, body: bytes) -> None:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def swap_in(self, owned: Iterable[str]) -> None:
        """Carry over the files not ``owned``, then put the staging folder in place of ``data/``."""
        if self.data_dir.exists():
            self._carry_over(set(owned) | {OWNED_FOLDER})
        old = self.folder.with_name(self.folder.name + "-old")
        if self.data_dir.exists():
            self.data_dir.rename(old)
        try:
            self.folder.rename(self.data_dir)
        except OSError as error:
            if old.exists():
                old.rename(self.data_dir)
            raise RefreshError(f"could not put the new files in {self.data_dir}: {error}; it is unchanged") from error
        shutil.rmtree(old, ignore_errors=True)

    def _carry_over(self, owned: set[str]) -> None:
        for source in sorted(self.data_dir.rglob("*")):
            relative = source.relative_to(self.data_dir).as_posix()
            if _is_owned(relative, owned) or not source.is_file():
                continue
            target = self.folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _is_owned(relative: str, owned: set[str]) -> bool:
    return relative in owned or relative.split("/", 1)[0] == OWNED_FOLDER
