"""The load stage's one entry: every file the build reads, read once, into `Inputs`.

Two folders are read. The *tool* folder is this repository: its `mkdocs.yml`, its pages
(`docs/`: about, methods, accessibility, the site's CSS and script) and its theme overrides.
The *JSNA* folder is the folder of the configuration file: its data, its narrative
(`docs/narrative/`), and any pages or overrides of its own, which are added to the tool's
(a file of the same name replaces the tool's). For the repository's own `jsna.yml` the two
are the same folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from generators.config import Config
from generators.errors import DataError, Place
from generators.load.boundaries import Boundaries, load_boundaries
from generators.load.counts import read_counts_files
from generators.load.exports import Loaded, list_csv_files, load_inputs
from generators.load.metadata import Indicator, add_downloads, load_indicators
from generators.load.partners import Contribution, split_narrative
from generators.load.population import Population, load_population

NARRATIVE = "narrative"
"""The folder of docs/ that holds the officers' narrative: merged into pages, not published itself."""


@dataclass(frozen=True)
class Inputs:
    """Everything the build read: rows, metadata, population, boundaries, narrative, the site's own files."""

    rows: Loaded
    local_files: tuple[Path, ...]
    counts: pd.DataFrame
    """Local counts by age band (`local_counts:`), from which the stats stage computes values."""
    counts_by_file: tuple[tuple[str, int], ...]
    indicators: dict[str, Indicator]
    manifest: dict[str, Any]
    population: Population | None
    boundaries: Boundaries | None
    narrative: dict[str, str]
    site_files: dict[str, bytes]
    mkdocs_template: str
    contributions: tuple[Contribution, ...] = ()
    """Partners' own words: the narrative files with front matter (organisation, role, date), by page."""


def load_all(config: Config, tool: Path, folder: Path, cache: Path) -> Inputs:
    """Read every input named by `config`, the narrative and extra pages of the JSNA `folder`, and the tool's own site files."""
    fingertips = list_csv_files(config.fingertips)
    local = list_csv_files(config.local)
    manifest = load_manifest(config)
    counts, counts_by_file = read_counts_files(list_csv_files(config.local_counts))
    texts = {} if config.zero_config else load_narrative(folder / "docs" / NARRATIVE)  # zero-config: no JSNA folder, no narrative
    narrative, contributions = split_narrative(texts, folder / "docs" / NARRATIVE)
    return Inputs(
        rows=load_inputs(fingertips, local, cache=cache / "load"),
        local_files=tuple(local),
        counts=counts,
        counts_by_file=counts_by_file,
        indicators=add_downloads(load_indicators(config.indicators), manifest),
        manifest=manifest,
        population=load_population(config.population),
        boundaries=load_boundaries(config.boundaries, config.boundary_code_property) if config.boundaries else None,
        narrative=narrative,
        site_files=load_site_files(tool, folder),
        mkdocs_template=(tool / "mkdocs.yml").read_text(encoding="utf-8"),
        contributions=contributions,
    )


def load_manifest(config: Config) -> dict[str, Any]:
    """The `make data` manifest (release and download dates), or nothing."""
    if config.manifest is None:
        return {}
    try:
        loaded = json.loads(config.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DataError("manifest", "expected the JSON manifest written by `make data`", Place(str(config.manifest))) from None
    return loaded if isinstance(loaded, dict) else {}


def load_narrative(folder: Path) -> dict[str, str]:
    """Every narrative file, by its path in the narrative folder (`west-sussex/living-well.md`)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md")) if p.is_file()}


def load_site_files(tool: Path, folder: Path) -> dict[str, bytes]:
    """The site's own pages and theme overrides, by their path in the MkDocs project (`docs/about.md`,
    `overrides/main.html`): the tool's, then the JSNA folder's own on top."""
    files: dict[str, bytes] = {}
    for root in dict.fromkeys([tool.resolve(), folder.resolve()]):
        for part in ("docs", "overrides"):
            base = root / part
            for path in sorted(base.rglob("*")) if base.is_dir() else []:
                relative = path.relative_to(base)
                if path.is_file() and not (part == "docs" and relative.parts[0] == NARRATIVE):
                    files[f"{part}/{relative.as_posix()}"] = path.read_bytes()
    return dict(sorted(files.items()))
