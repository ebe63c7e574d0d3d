"""Compare two built sites file by file: are they byte-identical?

    python bench/compare_sites.py site-before/ site-after/

Prints the files only in one side and the files whose bytes differ, then a one-line
summary, and exits 1 when anything differs. Used to show that a change of structure
changed no page: build the same inputs before and after, then compare the two site/
folders.

`--allow GLOB` (repeatable) names files whose bytes may differ, for example a file
that carries the generator's code fingerprint; they are counted apart, never hidden.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import sys
from pathlib import Path


def digests(root: Path) -> dict[str, str]:
    """Every file under `root`, by its path relative to `root`, with the SHA-256 of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--allow", action="append", default=[], help="glob of files allowed to differ (reported apart)")
    args = parser.parse_args(argv)
    before, after = digests(args.before), digests(args.after)
    only_before = sorted(set(before) - set(after))
    only_after = sorted(set(after) - set(before))
    differ = sorted(p for p in set(before) & set(after) if before[p] != after[p])
    allowed = [p for p in differ if any(fnmatch.fnmatch(p, g) for g in args.allow)]
    differ = [p for p in differ if p not in allowed]
    for label, paths in (("only in before", only_before), ("only in after", only_after), ("bytes differ", differ), ("allowed to differ", allowed)):
        for path in paths[:50]:
            print(f"{label}: {path}")
        if len(paths) > 50:
            print(f"{label}: ... and {len(paths) - 50} more")
    same = len(before) - len(only_before) - len(differ) - len(allowed)
    print(
        f"{args.before} vs {args.after}: {len(before)} and {len(after)} files; {same} identical, {len(differ)} differ, "
        f"{len(allowed)} allowed to differ, {len(only_before)} only before, {len(only_after)} only after"
    )
    return 1 if only_before or only_after or differ else 0


if __name__ == "__main__":
    sys.exit(main())
