"""``python -m generators.fetch --config jsna.yml --data data/``: refresh data/ from Fingertips."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

import yaml

from generators.fetch.errors import RefreshError
from generators.fetch.refresh import RefreshResult, refresh_data
from generators.fetch.replay import RecordedTransport
from generators.fetch.settings import read_refresh_settings
from generators.fetch.transport import RequestsTransport, Transport


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    try:
        settings = read_refresh_settings(_read_refresh_section(args.config))
        transport: Transport = RecordedTransport(args.replay) if args.replay else RequestsTransport()
        if args.replay:
            settings = dataclasses.replace(settings, pause_seconds=0.0)  # files need no pause
        result = refresh_data(settings, args.data, transport)
    except RefreshError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(_summary(result, args.data))
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m generators.fetch", description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("jsna.yml"), help="the JSNA config (default jsna.yml)")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder to refresh (default data/)")
    parser.add_argument(
        "--replay", type=Path, metavar="FOLDER", help="answer from recorded responses in FOLDER, not the network"
    )
    return parser.parse_args(argv)


def _read_refresh_section(config: Path) -> Any:
    try:
        document = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise RefreshError(f"cannot read {config}: {error.strerror}; pass --config with your jsna.yml") from error
    except yaml.YAMLError as error:
        raise RefreshError(f"{config} is not valid YAML: {error}") from error
    if not isinstance(document, dict):
        raise RefreshError(f"{config}: expected a mapping of settings at the top level")
    return document.get("refresh")


def _summary(result: RefreshResult, data_dir: Path) -> str:
    if not result.changed:
        return f"Nothing new at the source: {data_dir}/ unchanged ({len(result.indicators)} indicators)."
    lines = [f"Refreshed {data_dir}/: {len(result.indicators)} indicators ({', '.join(result.indicators)})."]
    if result.skipped:
        lines.append(f"Skipped (no data for the area types asked): {', '.join(result.skipped)}.")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
