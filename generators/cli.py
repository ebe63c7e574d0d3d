"""Command line: `python -m generators build` turns the configured CSVs into site/."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime
import gc
import os
import sys
import time
from pathlib import Path

from generators.config.settings import Config, config_for_folder, load_config
from generators.publish.editions import add_previous_editions
from generators.errors import DataError
from generators.pipeline import generate
from generators.publish.staging import MkDocsFailed, build_and_publish
from generators.config.reference import render_reference

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "reference":
        (REPO / "CONFIGURATION.md").write_text(render_reference(), encoding="utf-8")
        return 0
    try:
        config = config_for_folder(Path(args.data)) if args.data else load_config(Path(args.config))
        start = time.perf_counter()
        generated = generate(config, REPO, Path(args.build), say=_say)
        release_memory()
        if args.command == "build":
            run_mkdocs(Path(args.build), Path(args.site), config)
        rows = generated.report["rows"]
        _say(f"done in {time.perf_counter() - start:.1f} s: {generated.files} files ({generated.written['written']} changed); "
             f"rows read {rows['read']}, used {rows['used']}, no data {rows['no_data']}, suppressed {rows['suppressed']}, rejected {rows['rejected']}")
    except (DataError, BuildFailed) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def release_memory() -> None:
    """Hand the generator's memory back to the system before MkDocs starts, so the two
    never hold their peaks at the same time."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class BuildFailed(Exception):
    """MkDocs refused the generated project; the previous site/ is left as it was."""


def run_mkdocs(build: Path, site: Path, config: Config) -> None:
    """MkDocs into a staging folder kept between builds, re-rendering only changed pages when it can,
    then site/ updated from it (see generators/publish.py); site/ is left as it was if MkDocs fails."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def add_editions(folder: Path) -> None:
        add_previous_editions(folder, config.previous_editions, config.source)

    try:
        how = build_and_publish(build / "mkdocs.yml", site, _build_environment(config.updated), add_editions)
    except MkDocsFailed as error:
        raise BuildFailed(f"mkdocs build failed; site/ was not changed:\n{error}") from None
    _say(f"{'mkdocs':<8} {time.perf_counter() - started:6.2f} s ({how})")


def _build_environment(updated: str) -> dict[str, str]:
    """Pin MkDocs' build date (sitemap) to the content date, so rebuilds are byte-identical."""
    environment = dict(os.environ)
    try:
        day = datetime.date.fromisoformat(updated) if updated else datetime.date(2000, 1, 1)
    except ValueError:
        day = datetime.date(2000, 1, 1)
    environment["SOURCE_DATE_EPOCH"] = str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))
    return environment


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generators", description="Build a JSNA website from public health CSVs.")
    parser.add_argument("command", choices=["build", "generate", "reference"], help="build: generate and run mkdocs; generate: write build/ only; reference: rewrite CONFIGURATION.md")
    parser.add_argument("--config", default="jsna.yml", help="the JSNA configuration file (default: jsna.yml)")
    parser.add_argument("--data", default="", help="zero-config mode: a folder (or file) of Fingertips exports")
    parser.add_argument("--build", default="build", help="where the MkDocs project is written (default: build)")
    parser.add_argument("--site", default="site", help="where the site is published (default: site)")
    return parser
