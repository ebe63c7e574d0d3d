"""`make new AREA=<code> DIR=<folder>`: start a council's JSNA in a folder of its own.

    python -m generators new --area E10000032 --dir ../west-sussex-jsna [--force]

Writes `jsna.yml` (the area, its districts or itself, its region, England as benchmark, its ONS
similar areas as comparators, the profiles to refresh, the five life-course chapters), a README
for the folder, a `.gitignore`, and empty narrative files under `docs/narrative/<area>/`.
Everything comes from the reference data shipped in `generators/reference/data/` (see SOURCE.md
there); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generators.config.settings import DEFAULT_CHAPTERS, ENGLAND, slugify

REFERENCE = Path(__file__).resolve().parent / "reference" / "data"
UPPER_TIER = ("county", "unitary", "metropolitan_district", "london_borough")
KIND_WORDS = {
    "county": "county", "unitary": "unitary authority", "metropolitan_district": "metropolitan borough",
    "london_borough": "London borough", "district": "district", "region": "region", "england": "country",
    "combined_authority": "combined authority", "nhs_region": "NHS region", "icb": "integrated care board",
}
CODE = re.compile(r"^[EWSN]\d{8}$")

# The refresh list: the Public Health Outcomes Framework and the profiles a JSNA usually draws on,
# by the key in their Fingertips address (fingertips.phe.org.uk/profile/<key>), as refresh.profiles takes them.
PROFILES: tuple[tuple[str, str], ...] = (
    ("public-health-outcomes-framework", "Public Health Outcomes Framework"),
    ("health-profiles", "Local Authority Health Profiles"),
    ("child-health-profiles", "Child and Maternal Health"),
    ("wider-determinants", "Wider Determinants of Health"),
    ("tobacco-control", "Local Tobacco Control Profiles"),
    ("local-alcohol-profiles", "Local Alcohol Profiles for England"),
    ("obesity-physical-activity-nutrition", "Obesity, Physical Activity and Nutrition"),
    ("mortality-profile", "Mortality Profile"),
)


class ScaffoldError(Exception):
    """Why `new` wrote nothing: one message for the officer."""


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    type: str
    parent: str
    status: str
    successor: tuple[str, ...]
    changed: str

    @property
    def kind(self) -> str:
        return KIND_WORDS.get(self.type, self.type)

    @property
    def short_name(self) -> str:
        """The name as Fingertips' exports and page addresses write it: `Buckinghamshire UA` -> `Buckinghamshire`."""
        return re.sub(r" (UA|Region)$", "", self.name)

    def label(self) -> str:
        return f"{self.code} {self.short_name} ({self.kind})"


@dataclass(frozen=True)
class Reference:
    areas: dict[str, Area]
    neighbours: dict[str, tuple[str, ...]]

    def children(self, code: str) -> list[Area]:
        return sorted((a for a in self.areas.values() if a.parent == code and a.status == "current"), key=lambda a: a.code)

    def current(self, area: Area) -> list[Area]:
        """What an abolished area became, following later changes (Taunton Deane -> ... -> Somerset)."""
        if area.status == "current":
            return [area]
        found: list[Area] = []
        for code in area.successor:
            for successor in self.current(self.areas[code]):
                if successor not in found:
                    found.append(successor)
        return found


def read_reference(folder: Path = REFERENCE) -> Reference:
    """The shipped reference data: areas.csv and neighbours.csv."""
    with (folder / "areas.csv").open(encoding="utf-8", newline="") as handle:
        areas = {
            r["code"]: Area(r["code"], r["name"], r["type"], r["parent"], r["status"], tuple(r["successor"].split()), r["changed"])
            for r in csv.DictReader(handle)
        }
    neighbours: dict[str, list[str]] = {}
    with (folder / "neighbours.csv").open(encoding="utf-8", newline="") as handle:
        for row in sorted(csv.DictReader(handle), key=lambda r: (r["area_code"], int(r["rank"]))):
            neighbours.setdefault(row["area_code"], []).append(row["neighbour_code"])
    return Reference(areas, {code: tuple(codes) for code, codes in neighbours.items()})


def find_area(query: str, reference: Reference) -> Area:
    """The current upper-tier authority a code (or its exact name) names, or a clear refusal."""
    text = " ".join(query.split())
    if not text:
        raise ScaffoldError("name the council: make new AREA=<code> DIR=<folder>, e.g. make new AREA=E10000032 DIR=../west-sussex-jsna")
    code = text.upper()
    area = reference.areas.get(code)
    if area is None:
        named = [a for a in reference.areas.values() if a.status == "current" and a.type in UPPER_TIER and text.lower() in (a.name.lower(), a.short_name.lower())]
        if len(named) == 1:
            return named[0]
        hint = suggestions(text, reference)
        found = f"area code {code}" if CODE.match(code) else f'"{text}"'
        more = f"; did you mean {_or(hint)}?" if hint else "; upper-tier authority codes start E06, E08, E09 or E10 (see generators/reference/data/areas.csv)"
        raise ScaffoldError(f"{found} is not a county or unitary authority in the reference data{more}")
    if area.status != "current":
        successors = reference.current(area)
        became = _or([a.label() for a in successors]) if len(successors) > 1 else successors[0].label()
        verb = "was split into" if len(successors) > 1 else "became"
        raise ScaffoldError(
            f"{area.code} {area.name} was abolished in {area.changed}: it {verb} {became}; "
            f"start with the current code: make new AREA={successors[0].code if len(successors) == 1 else '<one of them>'} DIR=<folder>"
        )
    if area.type not in UPPER_TIER:
        parent = reference.areas.get(area.parent)
        if area.type == "district" and parent:
            raise ScaffoldError(
                f"{area.label()} is a district; a JSNA is written for the county, {parent.label()}, "
                f"and covers its districts: make new AREA={parent.code} DIR=<folder>"
            )
        raise ScaffoldError(f"{area.label()} is not a county or unitary authority; a JSNA is written for one (codes starting E06, E08, E09 or E10)")
    return area


def suggestions(text: str, reference: Reference, limit: int = 5) -> list[str]:
    """Current counties and unitary authorities whose name (or code) is close to `text`."""
    current = [a for a in reference.areas.values() if a.status == "current" and a.type in UPPER_TIER]
    if CODE.match(text.upper()):
        codes = difflib.get_close_matches(text.upper(), [a.code for a in current], n=limit, cutoff=0.8)
        return [reference.areas[c].label() for c in codes]
    lowered = text.lower()
    by_name = {a.short_name.lower(): a for a in current}
    names = [n for n in by_name if lowered in n or n in lowered]
    names += [n for n in difflib.get_close_matches(lowered, list(by_name), n=limit, cutoff=0.6) if n not in names]
    words = set(re.findall(r"[a-z]{4,}", lowered))
    names += sorted(n for n in by_name if words & set(re.findall(r"[a-z]+", n)) and n not in names)
    return [by_name[n].label() for n in names[:limit]]


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def comparators(area: Area, reference: Reference) -> list[Area]:
    return [reference.areas[c] for c in reference.neighbours.get(area.code, ()) if c in reference.areas]


def render_config(area: Area, reference: Reference, today: date) -> str:
    """The scaffolded jsna.yml: every line the council will want to check, with a comment saying why it is there."""
    region = reference.areas.get(area.parent)
    districts = reference.children(area.code) if area.type == "county" else []
    council = f"{area.short_name} County Council" if area.type == "county" else f"{area.short_name} Council"
    lines = [
        f"# The JSNA configuration for {area.short_name}, written by `make new AREA={area.code}` on {today.isoformat()}.",
        "# Every setting is described in the tool's CONFIGURATION.md; paths are relative to this file.",
        f"title: {_quoted(area.short_name + ' Joint Strategic Needs Assessment')}",
        f'edition: "{today.year}"',
        f'updated: "{today.isoformat()}"   # the date the content was last checked: change it with each edition',
        f"organisation: {_quoted(council)}   # placeholder: the council or health and wellbeing board that publishes the JSNA",
        'contact: ""   # e.g. jsna@your-council.gov.uk, for questions and accessibility requests',
        "# site_url: https://jsna.your-council.gov.uk/",
        "",
        "# What `make data` downloads into data/, and the build reads from there:",
        "fingertips:",
        "  - data/fingertips",
        "indicators: data/indicators.yml",
        "# boundaries: data/boundaries.geojson   # after setting refresh.boundaries_url",
        "# boundary_code_property: CTYUA23CD",
        "",
    ]
    if districts:
        lines += [f"# {area.short_name} and its {len(districts)} districts (their data is Fingertips area type 501, in refresh.area_types)."]
    else:
        lines += [f"# {area.short_name} is a unitary authority: it has no districts."]
    lines += ["areas:", f"  - {area.code}   # {area.short_name}"]
    lines += [f"  - {d.code}   # {d.short_name}" for d in districts]
    lines += ["", f"benchmark: {ENGLAND}   # England", ""]
    similar = comparators(area, reference)
    lines += [
        "# Shown beside the area in comparisons: its region, then its most similar areas, most similar first:",
        "# ONS's similar areas on all measures (global-neighbours.csv of ONS Explore Local Statistics, the open",
        "# alternative to CIPFA's nearest neighbours), keeping the English counties and unitary authorities among them.",
        "comparators:",
    ]
    if region:
        lines.append(f"  - {region.code}   # {region.short_name} (region)")
    lines += [f"  - {c.code}   # {c.short_name}" for c in similar]
    lines += [
        "",
        "# The five life-course chapters; an indicator goes into one by its `chapter` in indicators.yml.",
        "chapters:",
        *[f"  - {name}" for name in DEFAULT_CHAPTERS],
        "",
        "# `make data CONFIG=...` downloads every indicator of these Fingertips profiles (see the tool's generators/fetch/README.md).",
        "refresh:",
        "  profiles:",
        *[f"    - {key}   # {name}" for key, name in PROFILES],
        *_area_types_lines(districts),
        "  parent_area_type: 15    # England: every export carries England's values beside the areas'",
        "  # indicators: [92443]   # further indicators by id",
        "  # boundaries_url: https://services1.arcgis.com/.../FeatureServer/0/query?where=1%3D1&outFields=*&f=geojson",
        "",
    ]
    return "\n".join(lines)


def _area_types_lines(districts: list[Area]) -> list[str]:
    """refresh.area_types: the council's own area type first (comparisons are read there), then its
    districts' (a county only), then regions', so the region's values are there to compare with."""
    if districts:
        return ["  area_types:",
                "    - 502   # counties and unitary authorities (from April 2023)",
                "    - 501   # districts (from April 2023): the county's districts",
                "    - 6     # regions: the region among the comparators"]
    return ["  area_types:",
            "    - 502   # counties and unitary authorities (from April 2023)",
            "    - 6     # regions: the region among the comparators"]


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted string


def render_readme(area: Area, config: str) -> str:
    return f"""# {area.short_name} JSNA

The Joint Strategic Needs Assessment of {area.short_name}, built into a website by the JSNA site
generator. This folder holds only what is {area.short_name}'s own; the tool lives in its own folder
(or repository), so upgrading it never touches this one.

| file | what it is |
|---|---|
| `jsna.yml` | the configuration: title, areas, benchmark, comparators, chapters, and what `make data` downloads (`refresh`); every setting is in the tool's CONFIGURATION.md |
| `data/` | written by `make data`: the Fingertips exports (`fingertips/`), `indicators.yml` (metadata: edit the `chapter` of each indicator) and `manifest.json`; your own CSVs can go here too |
| `docs/narrative/` | your own words, merged into the pages and never overwritten: `<area>/index.md` on the area's overview, `<area>/<chapter>.md` on a chapter |
| `docs/*.md`, `overrides/` | optional: your own pages (or your version of the tool's `about.md`...) and theme overrides |
| `build/`, `site/` | written by `make build`: the MkDocs project and the published website (not kept in version control) |

From the tool's folder:

```sh
make data  CONFIG={config}   # download the indicators, metadata (and boundaries) from Fingertips into data/
make build CONFIG={config}   # build the website into site/ beside jsna.yml
make serve CONFIG={config}   # build, then preview it at http://127.0.0.1:8000
```

Publish `site/` on any web server. Set `site_url` in `jsna.yml` to its public address.
"""


def render_narrative(area: Area, page: str) -> str:
    where = "overview" if page == "index" else f"{page.replace('-', ' ')} page"
    return (
        f"<!-- {area.short_name}: your own words for the {where}, merged into it on every build.\n"
        "     Use ### headings (the page has # and ##). Until you write here, nothing is shown. -->\n"
    )


GITIGNORE = "build/\nsite/\nsite.*/\n.site.mkdocs/\n.cache/\n"


def plan(area: Area, reference: Reference, config_path: str, today: date) -> dict[str, str]:
    """Every file `new` writes, by its path in the folder."""
    files = {
        "jsna.yml": render_config(area, reference, today),
        "README.md": render_readme(area, config_path),
        ".gitignore": GITIGNORE,
    }
    slug = slugify(area.short_name)
    for page in ("index", *(slugify(name) for name in DEFAULT_CHAPTERS)):
        files[f"docs/narrative/{slug}/{page}.md"] = render_narrative(area, page)
    return files


def scaffold(query: str, folder: Path, force: bool = False, today: date | None = None, reference: Reference | None = None) -> list[Path]:
    """Write a new JSNA folder for the area `query` names; returns the files written.
    An existing jsna.yml is refused unless `force`; narrative files that exist are never replaced."""
    reference = reference or read_reference()
    area = find_area(query, reference)
    if not str(folder).strip():
        raise ScaffoldError("name the folder to write: make new AREA=<code> DIR=<folder>, e.g. DIR=../west-sussex-jsna")
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} is a file, not a folder")
    if (folder / "jsna.yml").exists() and not force:
        raise ScaffoldError(f"{folder / 'jsna.yml'} already exists: this folder already holds a JSNA; choose another DIR, or add --force (make new ... FORCE=1) to write over its jsna.yml and README.md")
    written = []
    for relative, text in plan(area, reference, (folder / "jsna.yml").as_posix(), today or date.today()).items():
        path = folder / relative
        if relative.startswith("docs/narrative/") and path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generators new", description="Start a council's JSNA in a folder of its own.")
    parser.add_argument("--area", required=True, help="the county or unitary authority's code, e.g. E10000032 (West Sussex), or its exact name")
    parser.add_argument("--dir", required=True, help="the folder to write (created if need be), e.g. ../west-sussex-jsna")
    parser.add_argument("--force", action="store_true", help="write over the folder's jsna.yml and README.md (never its narrative)")
    args = parser.parse_args(argv)
    try:
        folder = Path(args.dir)
        written = scaffold(args.area, folder, force=args.force)
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    config = (folder / "jsna.yml").as_posix()
    print(f"next: check {config}, then  make data CONFIG={config}  and  make build CONFIG={config}")
    return 0
