"""Command line: `python -m generators build` turns the configured CSVs into site/."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import sys
import time
from pathlib import Path

from generators.config import config_for_folder, load_config
from generators.config.reference import render_reference
from generators.errors import DataError
from generators.pipeline import TOOL, generate
from generators.publish import BuildFailed, publish_site
from generators.serve import serve


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["new"]:  # its own options: --area, --dir, --force
        from generators.new import main as new_main

        return new_main(argv[1:])
    args = _parser().parse_args(argv)
    if args.command == "reference":
        (TOOL / "CONFIGURATION.md").write_text(render_reference(), encoding="utf-8")
        return 0
    if args.command == "serve":
        source = Path(args.data or args.config)
        build = Path(args.build) if args.build else (Path.cwd() if args.data else source.resolve().parent) / "build"
        return serve(source, build, args.dev_addr, zero_config=bool(args.data))
    try:
        config = config_for_folder(Path(args.data)) if args.data else load_config(Path(args.config))
        folder = config.root if not args.data else TOOL
        beside = Path.cwd() if args.data else config.root
        build = Path(args.build) if args.build else beside / "build"
        site = Path(args.site) if args.site else beside / "site"
        start = time.perf_counter()
        generated = generate(config, folder, build, say=_say)
        release_memory()
        if args.command == "build":
            publish_site(build, site, config, _say, incremental=not args.clean)
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


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generators", description="Build a JSNA website from public health CSVs.", epilog="python -m generators new --area CODE --dir FOLDER starts a council's JSNA in its own folder (new --help).")
    parser.add_argument("command", choices=["build", "generate", "serve", "reference"], help="build: generate and run mkdocs; generate: write build/ only; serve: generate, serve with live reload and generate again on every save; reference: rewrite CONFIGURATION.md")
    parser.add_argument("--config", default="jsna.yml", help="the JSNA configuration file (default: jsna.yml); its folder holds the JSNA's data, narrative and pages")
    parser.add_argument("--data", default="", help="zero-config mode: a folder (or file) of Fingertips exports")
    parser.add_argument("--build", default="", help="where the MkDocs project is written (default: build/ beside the configuration file)")
    parser.add_argument("--site", default="", help="where the site is published (default: site/ beside the configuration file)")
    parser.add_argument("--clean", action="store_true", help="publish with a plain clean `mkdocs build --strict` instead of the incremental build")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="serve: the address of the development server (default: 127.0.0.1:8000)")
    return parser
