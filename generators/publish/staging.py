"""MkDocs into a staging folder kept between builds, re-rendering only the pages that changed; then site/.

The staging folder is `.<site>.mkdocs/` beside site/ (`.site.mkdocs/` for the default site/,
git-ignored): outside build/, which the generator prunes to exactly the files it writes. It holds
`site/` (MkDocs' output), `state.json` (what the last build was made from) and, while MkDocs runs,
a `building` marker. Delete it to force a clean build.

When nothing that every page depends on has changed, MkDocs builds with `dirty=True`: it renders
only pages whose Markdown is newer than their HTML and copies only newer files. What a dirty build
gets wrong is made up for here, so that the staging folder comes out byte-identical to a clean build:

- a file whose size or time differs from the last build counts as changed, even if it is older
  than its output (its output's time is set back so that MkDocs renders it again);
- the pages listed in nav (a handful) are read every time, so every page renders the same
  navigation; if their titles or front matter changed, the navigation of every page changes,
  so the build starts again clean;
- Material writes search/search_index.json with the re-rendered pages only: the other pages'
  entries are taken back from the previous index, in MkDocs' page order.

A clean build instead when: there is no earlier build or no site/; the last build did not finish
(the marker is still there); mkdocs.yml, the theme overrides, the installed packages, Python or
the build date (SOURCE_DATE_EPOCH) changed (a fingerprint); or a file was removed from docs/
(a clean build drops it and checks again every link to it).

MkDocs runs in a subprocess (`python -m generators.publish`) so that its memory goes back to the
system when it ends. Its warnings are counted, so `strict: true` stops the build on any of them
(the `mkdocs build --quiet` used before silenced warnings, strict mode included). site/ is then
made equal to the staging folder plus the earlier editions: after a clean build a copy replaces
site/ in one rename, as before; after an incremental build only files that differ are copied in
(each by a rename) and files that are gone are deleted. If MkDocs fails, site/ is not touched.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin

from generators.publish.search_index import slim_search_index

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

ROOT = Path(__file__).resolve().parents[2]


def replace_site(built: Path, site: Path) -> None:
    """Move a finished build into place; the previous site stays until this moment."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    built.rename(site)
    if old.exists():
        shutil.rmtree(old)


class MkDocsFailed(Exception):
    """MkDocs refused the project: its messages. site/ was not changed."""


def build_and_publish(config_file: Path, site: Path, environment: dict[str, str], add_editions: Callable[[Path], object]) -> str:
    """Build `config_file`'s project into the staging folder, then make `site` equal to it plus what
    `add_editions(folder)` adds. Returns how MkDocs built, for the log line."""
    staging = site.parent / f".{site.name}.mkdocs"
    command = [sys.executable, "-m", "generators.publish", str(config_file.resolve()), str(staging)]
    if not site.exists():
        command.append("no site/ to update")
    result = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT)
    if result.returncode != 0:
        raise MkDocsFailed((result.stderr or result.stdout)[-4000:])
    summary = json.loads(result.stdout.splitlines()[-1])
    _publish(staging / "site", site, bool(summary["clean"]), add_editions)
    if summary["clean"]:
        return f"clean build: {summary['clean']}"
    return f"incremental: {summary['rebuilt']} of {summary['pages']} pages rebuilt"


def _publish(staged: Path, site: Path, clean: bool, add_editions: Callable[[Path], object]) -> None:
    temporary = Path(tempfile.mkdtemp(prefix=site.name + ".", dir=site.parent))
    if clean:
        try:
            shutil.copytree(staged, temporary, dirs_exist_ok=True)
            add_editions(temporary)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        replace_site(temporary, site)
        return
    try:
        add_editions(temporary)
        update_tree(site, {**_files(staged), **_files(temporary)})
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _files(root: Path) -> dict[str, Path]:
    """Every file under `root`, by its path relative to `root`."""
    files: dict[str, Path] = {}
    for folder, _, names in os.walk(root):
        prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/" if folder != str(root) else ""
        files.update((prefix + name, Path(folder, name)) for name in names)
    return files


def update_tree(root: Path, wanted: dict[str, Path]) -> None:
    """Make `root` hold exactly the `wanted` files (relative path: source), copying only those that differ."""
    for relative, path in _files(root).items():
        if relative not in wanted:
            path.unlink()
    for folder, _, _ in os.walk(root, topdown=False):
        if folder != str(root) and not os.listdir(folder):
            os.rmdir(folder)
    for relative, source in wanted.items():
        target = root / relative
        if not _same(source, target):
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.partial")
            shutil.copy2(source, partial)
            partial.replace(target)


def _same(source: Path, target: Path) -> bool:
    """Same bytes. Copies keep their source's modification time, so most files need no reading."""
    try:
        a, b = source.stat(), target.stat()
    except FileNotFoundError:
        return False
    if a.st_size != b.st_size:
        return False
    return a.st_mtime_ns == b.st_mtime_ns or source.read_bytes() == target.read_bytes()


# --- the subprocess: MkDocs into the staging folder ------------------------------------------


def build_staging(config_file: Path, staging: Path, clean: str = "") -> dict[str, Any]:
    """MkDocs into staging/site: incremental unless `clean` (the reason) or a reason found here."""
    output, marker, state_file = staging / "site", staging / "building", staging / "state.json"
    previous = json.loads(state_file.read_text(encoding="utf-8")) if state_file.is_file() and output.is_dir() and not marker.exists() else None
    if previous is None:
        clean = "the last build did not finish" if marker.exists() else "no earlier build"
    staging.mkdir(parents=True, exist_ok=True)
    marker.touch()
    watcher = None
    if not clean:
        try:
            watcher = _mkdocs(config_file, output, previous)
        except _Restart as restart:
            clean = str(restart)
    if watcher is None:
        watcher = _mkdocs(config_file, output, None)
    state = {"fingerprint": watcher.fingerprint, "nav": watcher.nav, "sources": watcher.sources}
    (staging / "state.json.partial").write_text(json.dumps(state), encoding="utf-8")
    (staging / "state.json.partial").replace(state_file)
    marker.unlink()
    return {"clean": clean, "rebuilt": len(watcher.rebuilt), "pages": len(watcher.order)}


class _Restart(Exception):
    """The incremental build met a change that alters every page: build clean instead."""


def _mkdocs(config_file: Path, output: Path, previous: dict[str, Any] | None) -> _Watcher:
    """One MkDocs build into `output`: dirty if there is a `previous` state to compare with."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(output), strict=True)
    watcher = _Watcher(previous)
    config.plugins["jsna/publish"] = watcher
    search_index = output / "search" / "search_index.json"
    full_index = output.parent / "search_index.full.json"  # MkDocs' own, kept to merge the next build's into
    before = json.loads(full_index.read_text(encoding="utf-8")) if previous and full_index.is_file() else None
    config.plugins.on_startup(command="build", dirty=previous is not None)
    try:
        build(config, dirty=previous is not None)
    finally:
        config.plugins.on_shutdown()
    if previous and search_index.is_file():
        if before is None:
            raise _Restart("the search index was missing")
        _merge_search_index(search_index, before, watcher)
    if search_index.is_file():
        full_index.write_bytes(search_index.read_bytes())
        slim_search_index(output)
    return watcher


def _merge_search_index(path: Path, before: dict[str, Any], watcher: _Watcher) -> None:
    """Entries of re-rendered pages from the new index, of the others from the previous one, in
    MkDocs' page order, serialised as Material does."""
    after = json.loads(path.read_text(encoding="utf-8"))
    old, new = _entries_by_page(before["docs"]), _entries_by_page(after["docs"])
    rebuilt = set(watcher.rebuilt)
    docs = [entry for url in watcher.order for entry in (new if url in rebuilt else old).get(url, [])]
    path.write_bytes(json.dumps({**after, "docs": docs}, separators=(",", ":"), default=str).encode("utf-8"))


def _entries_by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    pages: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:  # location: the page's URL, then #section
        pages.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    return pages


class _Watcher(BasePlugin):
    """Added to MkDocs' plugins for one build: records what the build was made from, and in a dirty
    build (`previous` given) makes sure changed files are rendered, or asks for a clean build."""

    def __init__(self, previous: dict[str, Any] | None) -> None:
        super().__init__()
        self.previous = previous
        self.fingerprint = self.nav = ""
        self.sources: dict[str, list[int]] = {}  # docs file: [modification time ns, size]
        self.order: list[str] = []  # page URLs in MkDocs' order
        self.rebuilt: list[str] = []  # page URLs rendered in this build
        self.navigation: Navigation | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.fingerprint = _fingerprint(config)
        if self.previous and self.previous["fingerprint"] != self.fingerprint:
            raise _Restart("mkdocs.yml, overrides, packages or build date changed")
        return config

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        from mkdocs.commands.build import _populate_page

        self.navigation = nav
        sources = [file for file in files if file.src_dir == config.docs_dir and file.inclusion.is_included()]
        for file in sources:
            stat = os.stat(file.abs_src_path or "")
            self.sources[file.src_uri] = [stat.st_mtime_ns, stat.st_size]
        if self.previous is None:
            return nav
        if self.previous["sources"].keys() - self.sources.keys():
            raise _Restart("files were removed from docs/")
        for file in sources:
            if self.previous["sources"].get(file.src_uri) != self.sources[file.src_uri] and os.path.exists(file.abs_dest_path):
                os.utime(file.abs_dest_path, ns=(0, 0))
        for page in nav.pages:
            if not page.file.is_modified():
                _populate_page(page, config, files)
        return nav

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        self.order = [file.page.url for file in files.documentation_pages() if file.page]
        pages = self.navigation.pages if self.navigation else []
        self.nav = json.dumps([[page.url, page.title, page.meta] for page in pages], default=str, sort_keys=True)
        if self.previous and self.previous["nav"] != self.nav:
            raise _Restart("the navigation changed (titles or front matter of pages in nav)")
        return env

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext | None:
        self.rebuilt.append(page.url)
        return context


def _fingerprint(config: MkDocsConfig) -> str:
    """What every page depends on: MkDocs' settings, the theme overrides, the packages, Python, the build
    date; and this module (a change to it may change what it stores or merges)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    packages = sorted(f"{package.metadata['Name']} {package.version}" for package in importlib.metadata.distributions())
    for part in (sys.version, os.environ.get("SOURCE_DATE_EPOCH", ""), config.docs_dir, *packages):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(Path(config.config_file_path).read_bytes() + b"\0")
    custom_dir = config.theme.custom_dir
    if custom_dir:
        for path in sorted(Path(custom_dir).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(custom_dir).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def main(argv: list[str]) -> int:
    """`python -m generators.publish MKDOCS_YML STAGING [REASON TO BUILD CLEAN]`: prints a JSON summary."""
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)  # warnings are shown, and counted by strict mode
    logging.getLogger("mkdocs.commands.build").addFilter(lambda record: not record.getMessage().startswith("A 'dirty' build"))
    try:
        summary = build_staging(Path(argv[0]), Path(argv[1]), argv[2] if len(argv) > 2 else "")
    except MkDocsException as error:
        print(error.format_message(), file=sys.stderr)
        return 1
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
