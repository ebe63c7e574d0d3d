"""Stage 1, config: read `jsna.yml` (or a folder of exports) into a typed `Config`.

One schema, `SCHEMA`, both checks the file and generates the configuration reference page.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generators.config.nhs import Serving, nhs_lines, read_nhs
from generators.config.priorities import Priority, priority_lines, read_priorities
from generators.errors import DataError, Place

DEFAULT_CHAPTERS = ("Population", "Starting well", "Living well", "Ageing well", "Wider determinants")
ENGLAND = "E92000001"


@dataclass(frozen=True)
class Setting:
    """One setting of the schema: its key, type, default and a one-line description."""

    key: str
    kind: type | tuple[type, ...]
    default: Any
    description: str


SCHEMA: tuple[Setting, ...] = (
    Setting("title", str, "Joint Strategic Needs Assessment", "Site title shown in the header and the browser tab."),
    Setting("edition", str, "", "Edition of this JSNA, e.g. `2026`; shown in citations and used for edition paths."),
    Setting("updated", str, "", "Date the content was last updated (YYYY-MM-DD); shown on every page."),
    Setting("demonstration", bool, False, "Label every page as demonstration data (made-up values)."),
    Setting("site_url", str, "", "Public address of the published site, used in citations, e.g. `https://jsna.example.gov.uk/`."),
    Setting("organisation", str, "", "Council or health and wellbeing board publishing the JSNA."),
    Setting("contact", str, "", "Email address for questions and accessibility requests."),
    Setting("fingertips", list, [], "Fingertips export CSVs exactly as downloaded: files or folders, relative to the config file."),
    Setting("local", list, [], "Local data in the tidy CSV format: files or folders; also the way to bring adult social care (ASCOF) and Better Care Fund measures beside health, with their unit, polarity, source and chapter in `indicators` (README: Social care beside health)."),
    Setting("local_counts", list, [], "Local counts by age band (area_code, indicator_id, period, sex, age_band, events, population; optional standard_population, area_name, area_type, parent_code, parent_name): values computed by the method the metadata's `value_type` names."),
    Setting("indicators", str, "", "Indicator metadata (YAML): name, definition, unit, value type, polarity, source, chapter, theme."),
    Setting("manifest", str, "", "The `make data` manifest (release and download dates); default: manifest.json beside the indicator metadata."),
    Setting("population", str, "", "Population estimates CSV: area_code, period, sex, age_band, population."),
    Setting("boundaries", str, "", "Area boundaries for maps: GeoJSON or HexJSON."),
    Setting("boundary_code_property", str, "", "GeoJSON feature property that holds the area code, e.g. `CTYUA23CD`."),
    Setting("areas", list, [], "Area codes to publish; empty means every area of `area_types`, or every area in the data."),
    Setting("area_types", list, [], "Fingertips area types to publish, e.g. `Counties & UAs (from Apr 2023)`."),
    Setting("benchmark", str, ENGLAND, "Area code every area is compared with (England by default)."),
    Setting("comparators", list, [], "Further area codes shown beside each area in comparisons (the parent region is always shown)."),
    Setting("nhs", dict, {}, "The NHS bodies serving each council area: its code -> `sub_icb_locations:` (the ICB follows) and, for a district, `pcns:` (their GP practices follow); codes from generators/reference/data/nhs_areas.csv."),
    Setting("chapters", list, [], "Chapters in order: each `name` and optional `indicators` (ids); empty gives the five default chapters."),
    Setting("old_after_years", int, 3, "A figure whose period ended more than this many years before `updated` (or, without it, before the newest period in the data) says its age in key messages and headlines, and comes after newer ones."),
    Setting("suppress_counts_below", int, 8, "Local data: counts from 1 to this number minus one are suppressed, with the values derived from them."),
    Setting("redirects", dict, {}, "Old page path -> new page path, for pages that were renamed."),
    Setting("previous_editions", list, [], "Earlier editions kept under `editions/<name>/`: each `name` and `path` to its built site."),
    Setting("refresh", dict, {}, "Settings for `make data` (download from Fingertips)."),
    Setting("priorities", list, [], "The joint health and wellbeing strategy's priorities, in order: each `name`, optional `description` and `indicators` (ids, as in `chapters`): the Priorities page, each council area's board summary, and key messages that lead with them."),
)


@dataclass(frozen=True)
class Chapter:
    name: str
    slug: str
    indicators: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()
    named_by_indicators: bool = False
    """Zero-config mode: the chapter stands for a file and takes its name from the file's indicators (never the file's name)."""


@dataclass(frozen=True)
class Config:
    """Everything the build needs to know, with paths resolved against the config file."""

    source: str
    root: Path
    title: str
    edition: str
    updated: str
    demonstration: bool
    site_url: str
    organisation: str
    contact: str
    fingertips: tuple[Path, ...]
    local: tuple[Path, ...]
    local_counts: tuple[Path, ...]
    indicators: Path | None
    manifest: Path | None
    population: Path | None
    boundaries: Path | None
    boundary_code_property: str
    areas: tuple[str, ...]
    area_types: tuple[str, ...]
    benchmark: str
    comparators: tuple[str, ...]
    chapters: tuple[Chapter, ...]
    suppress_counts_below: int
    old_after_years: int
    redirects: tuple[tuple[str, str], ...]
    previous_editions: tuple[tuple[str, Path], ...]
    refresh: dict[str, Any] = field(default_factory=dict)
    nhs: tuple[Serving, ...] = ()
    priorities: tuple[Priority, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def zero_config(self) -> bool:
        """Built from a folder of exports (`--data`), not a configuration file: there is no JSNA
        folder, so no narrative and no partners' words (the tool's own folder holds the demonstration's)."""
        return any(c.named_by_indicators for c in self.chapters)

    def place(self, key: str) -> Place:
        """Where a setting was written, for error messages."""
        return Place(self.source, self.lines.get(key), key)


def slugify(text: str) -> str:
    """A readable, stable address part: `Smoking prevalence (18+)` -> `smoking-prevalence-18`."""
    text = text.lower().replace("&", " and ").replace("+", " ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "page"


def load_config(path: Path) -> Config:
    """Read and check a `jsna.yml` file."""
    text = _read_text(path)
    try:
        node = yaml.compose(text)
        mapping = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DataError("config-yaml", f"expected valid YAML: {getattr(error, 'problem', error)}", Place(str(path), line)) from None
    if not isinstance(mapping, dict):
        raise DataError("config-shape", "expected settings as `key: value` lines", Place(str(path), 1))
    return build_config(mapping, str(path), path.parent, _key_lines(node) | nhs_lines(node) | priority_lines(node))


def config_for_folder(folder: Path) -> Config:
    """Zero-config mode: every area and every export in a folder, one chapter per file."""
    files = sorted(p for p in folder.rglob("*.csv")) if folder.is_dir() else [folder]
    mapping = {"title": "", "fingertips": [str(p) for p in files]}  # the title comes from the areas (model)
    config = build_config(mapping, str(folder), Path.cwd(), {})
    chapters = tuple(Chapter(_chapter_name(p), slugify(_chapter_name(p)), (), (p,), named_by_indicators=True) for p in config.fingertips)
    return dataclasses.replace(config, chapters=_unique_chapters(chapters))


def _unique_chapters(chapters: tuple[Chapter, ...]) -> tuple[Chapter, ...]:
    merged: dict[str, Chapter] = {}
    for chapter in chapters:
        old = merged.get(chapter.slug)
        merged[chapter.slug] = dataclasses.replace(chapter, files=old.files + chapter.files) if old else chapter
    return tuple(merged.values())


def _chapter_name(path: Path) -> str:
    return re.sub(r"[_\-]+", " ", path.stem).strip().capitalize() or "Indicators"


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError("config-missing", "expected a configuration file, found none", Place(str(path))) from None
    except UnicodeDecodeError:
        raise DataError("config-encoding", "expected UTF-8 text", Place(str(path))) from None


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def build_config(mapping: dict[str, Any], source: str, root: Path, lines: dict[str, int]) -> Config:
    """Check a settings mapping against `SCHEMA` and resolve it into a `Config`."""
    values = _checked_values(mapping, source, lines)

    def paths(key: str) -> tuple[Path, ...]:
        items = values[key] if isinstance(values[key], list) else [values[key]]
        return tuple(_resolve(root, str(item)) for item in items if item)

    def optional(key: str) -> Path | None:
        return _resolve(root, values[key]) if values[key] else None

    return Config(
        source=source, root=root, title=values["title"], edition=values["edition"], updated=values["updated"],
        demonstration=values["demonstration"], site_url=values["site_url"], organisation=values["organisation"],
        contact=values["contact"], fingertips=paths("fingertips"), local=paths("local"), local_counts=paths("local_counts"),
        indicators=optional("indicators"), manifest=optional("manifest") or _beside(optional("indicators"), "manifest.json"),
        population=optional("population"), boundaries=optional("boundaries"),
        boundary_code_property=values["boundary_code_property"], areas=tuple(map(str, values["areas"])),
        area_types=tuple(map(str, values["area_types"])), benchmark=values["benchmark"],
        comparators=tuple(map(str, values["comparators"])),
        chapters=_chapters(values["chapters"], source, lines),
        suppress_counts_below=values["suppress_counts_below"], old_after_years=values["old_after_years"],
        redirects=tuple(sorted((str(k), str(v)) for k, v in values["redirects"].items())),
        previous_editions=tuple((str(e["name"]), _resolve(root, str(e["path"]))) for e in values["previous_editions"]),
        refresh=values["refresh"], nhs=read_nhs(values["nhs"], source, lines), priorities=read_priorities(values["priorities"], source, lines), lines=lines,
    )


def _beside(path: Path | None, name: str) -> Path | None:
    return path.parent / name if path is not None and (path.parent / name).is_file() else None


def _resolve(root: Path, item: str) -> Path:
    path = Path(item)
    return path if path.is_absolute() else root / path


def _checked_values(mapping: dict[str, Any], source: str, lines: dict[str, int]) -> dict[str, Any]:
    known = {s.key: s for s in SCHEMA}
    for key in mapping:
        if key not in known:
            raise DataError("config-unknown-setting", f"expected one of the documented settings, found \"{key}\"", Place(source, lines.get(key), key))
    values = {}
    for setting in SCHEMA:
        value = mapping.get(setting.key, setting.default)
        if value is None:
            value = setting.default
        if setting.kind is list and isinstance(value, (str, int)):
            value = [value]
        if setting.kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
            expected = setting.kind.__name__ if isinstance(setting.kind, type) else "value"
            raise DataError("config-type", f"expected {_kind_words(expected)}, found {value!r}", Place(source, lines.get(setting.key), setting.key))
        values[setting.key] = value
    return values


def _kind_words(name: str) -> str:
    return {"str": "text", "list": "a list", "dict": "a mapping", "bool": "true or false", "int": "a whole number"}.get(name, name)


def _chapters(items: list[Any], source: str, lines: dict[str, int]) -> tuple[Chapter, ...]:
    if not items:
        return tuple(Chapter(name, slugify(name)) for name in DEFAULT_CHAPTERS)
    chapters = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not item.get("name"):
            raise DataError("config-chapter", "expected each chapter to have a `name`", Place(source, lines.get("chapters"), f"chapters[{index}]"))
        ids = tuple(str(i) for i in item.get("indicators", []) or [])
        chapters.append(Chapter(str(item["name"]), slugify(str(item.get("slug") or item["name"])), ids))
    return tuple(chapters)
