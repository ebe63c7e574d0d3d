"""A folder of pickled results, each keyed by a hash of its input and of the code that made it.

Reads and writes are best effort: an entry that is missing, torn or not a pickle is a miss (the
caller makes the result again), and a write that fails leaves the build as it would be without a
cache. Entries are written to a temporary file and renamed into place, so a reader never sees
half an entry. The folder must be the cache's own: `prune` deletes entries unused for `UNUSED_DAYS`
and the least recently used beyond `MAX_BYTES`.
Only this program writes the folder (under the repository's .cache); unpickling runs code, so it
must never hold files from elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from contextlib import suppress
from pathlib import Path

SUFFIX = ".pkl"
ORPHAN_AGE = 3600.0  # seconds: a temporary file this old was left by a run that died
UNUSED_DAYS = 14
MAX_BYTES = 2_000_000_000


class ContentCache:
    """Pickled results in `folder`, one file per key; `code` (a fingerprint of the code and library
    versions that make the results) is part of every key, so a change of code misses every entry."""

    def __init__(self, folder: Path, code: str) -> None:
        self.folder = folder
        self.code = code
        self.used: set[str] = set()

    def key(self, *parts: bytes) -> str:
        """The key of a result made from `parts` (each length-prefixed, so no two lists of parts share a key)."""
        digest = hashlib.sha256()
        for part in (self.code.encode(), *parts):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.hexdigest()

    def get(self, key: str) -> object | None:
        """The stored result, or None when there is none or it cannot be read back."""
        self.used.add(key)
        try:
            with open(self._path(key), "rb") as file:
                found = pickle.load(file)
            with suppress(OSError):
                os.utime(self._path(key))  # last used now: prune keeps what was used lately
            return found
        except Exception:  # missing, torn or garbage: a miss, made again
            return None

    def put(self, key: str, value: object) -> None:
        """Store `value` under `key`, atomically; a failure to write is ignored (the next run misses)."""
        self.used.add(key)
        temporary = ""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._path(key))
        except OSError:
            if temporary:
                with suppress(OSError):
                    os.unlink(temporary)

    def prune(self) -> None:
        """Delete entries not used for `UNUSED_DAYS` days (another dataset built from the same
        repository keeps its entries meanwhile), the least recently used beyond `MAX_BYTES`,
        and old temporary files."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        now = time.time()
        entries: list[tuple[float, int, Path]] = []
        for name in names:
            path = self.folder / name
            with suppress(OSError):
                status = path.stat()
                if name.endswith(SUFFIX):
                    entries.append((status.st_mtime, status.st_size, path))
                elif name.startswith(".") and name.endswith(".tmp") and now - status.st_mtime > ORPHAN_AGE:
                    path.unlink()
        total = 0
        for used, size, path in sorted(entries, reverse=True):
            total += size
            if path.name[: -len(SUFFIX)] in self.used:
                continue
            if now - used > UNUSED_DAYS * 86400 or total > MAX_BYTES:
                with suppress(OSError):
                    path.unlink()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"
