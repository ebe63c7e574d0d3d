"""The NHS hierarchy (ICB -> sub-ICB location -> PCN -> GP practice) and the `nhs:` setting checked against it.

The hierarchy is the reference data shipped in `generators/reference/data/nhs_areas.csv`; the
council areas are `areas.csv` beside it. Neither links councils to NHS bodies: `nhs:` in jsna.yml
does, and each code it names is checked here (every error of the setting before stopping).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from generators.config import Config
from generators.config.nhs import KEY, Serving
from generators.errors import DataError, raise_all

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "data"
HIERARCHY, COUNCILS = "nhs_areas.csv", "areas.csv"
COUNCIL_TYPES = ("county", "unitary", "metropolitan_district", "london_borough", "district")
LEVEL_WORDS = {"nhs_region": "an NHS region", "icb": "an integrated care board", "sub_icb": "a sub-ICB location", "pcn": "a primary care network", "gp": "a GP practice"}


@dataclass(frozen=True)
class NhsArea:
    """One area of the hierarchy: `level` is nhs_region, icb, sub_icb, pcn or gp; `parent` the code one level up."""

    code: str
    name: str
    level: str
    parent: str


@dataclass(frozen=True)
class Served:
    """The NHS bodies serving one council area: its declared sub-ICB locations (or its county's, or its
    PCNs'), their ICBs, its PCNs (declared, or for a county or unitary authority every PCN of its
    sub-ICB locations) and their GP practices. Codes, in the hierarchy's order."""

    council: str
    council_name: str
    icbs: tuple[str, ...]
    sub_icb_locations: tuple[str, ...]
    pcns: tuple[str, ...]
    practices: tuple[str, ...]
    pcns_declared: bool
    """The PCNs were named in jsna.yml (a district's); else they follow from the sub-ICB locations."""
    county: str = ""
    """The council area whose sub-ICB locations it takes (a district's county), "" where they are its own or its PCNs'."""


@dataclass(frozen=True)
class Nhs:
    """The hierarchy by code, and each council area the configuration links to NHS bodies, in its order."""

    areas: dict[str, NhsArea]
    served: tuple[Served, ...] = ()

    def children(self, code: str) -> tuple[str, ...]:
        return tuple(a.code for a in self.areas.values() if a.parent == code)

    def ancestors(self, code: str) -> tuple[str, ...]:
        """The codes above an area, nearest first (a practice's PCN, sub-ICB location, ICB, NHS region)."""
        found: list[str] = []
        while (area := self.areas.get(found[-1] if found else code)) is not None and area.parent:
            found.append(area.parent)
        return tuple(found)


def load_nhs(config: Config, folder: Path = REFERENCE) -> Nhs:
    """The hierarchy, and the configuration's `nhs:` entries checked against it and completed."""
    areas = read_hierarchy(folder)
    if not config.nhs:
        return Nhs(areas)
    councils = {r["code"]: r for r in _rows(folder / COUNCILS) if r["status"] == "current" and r["type"] in COUNCIL_TYPES}
    errors: list[DataError] = []
    declared = {s.council: s for s in config.nhs}
    served = tuple(_served(s, declared, councils, areas, config, errors) for s in config.nhs)
    raise_all(sorted(errors, key=lambda e: e.place.line or 0))
    return Nhs(areas, served)


def read_hierarchy(folder: Path = REFERENCE) -> dict[str, NhsArea]:
    """Every area of the shipped NHS hierarchy by code, from the top level down."""
    return {r["code"]: NhsArea(r["code"], r["name"], r["type"], r["parent"]) for r in _rows(folder / HIERARCHY)}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _served(entry: Serving, declared: dict[str, Serving], councils: dict[str, dict[str, str]], areas: dict[str, NhsArea], config: Config, errors: list[DataError]) -> Served:
    key = f"{KEY}.{entry.council}"
    council = councils.get(entry.council)
    if council is None:
        found = f"{entry.council}, {LEVEL_WORDS[areas[entry.council].level]}" if entry.council in areas else entry.council
        errors.append(DataError("nhs-not-a-council", f"expected the code of a council area (a county, unitary authority or district in generators/reference/data/{COUNCILS}), found {found}", config.place(key)))
        council = {"code": entry.council, "name": entry.council, "type": "", "parent": ""}
    own = _checked(entry.sub_icb_locations, "sub_icb", f"{key}.sub_icb_locations", areas, config, errors)
    county = declared.get(council["parent"])
    inherited = own or (_known(county.sub_icb_locations, "sub_icb", areas) if county else ())
    pcns = _checked(entry.pcns, "pcn", f"{key}.pcns", areas, config, errors)
    for index, code in enumerate(entry.pcns):
        if code in pcns and inherited and areas[code].parent not in inherited:
            serving = " or ".join(areas[c].name for c in inherited)
            whose = council["name"] if own else f"{councils.get(council['parent'], council)['name']}, {council['name']}'s county"
            errors.append(DataError("nhs-pcn-elsewhere", f"expected a primary care network of {serving} (the sub-ICB location serving {whose}), found {code} ({areas[code].name}, of {areas[areas[code].parent].name})", config.place(f"{key}.pcns[{index}]")))
    sub_icbs = inherited or tuple(dict.fromkeys(areas[c].parent for c in pcns))
    if not pcns and council["type"] != "district":
        pcns = tuple(a.code for a in areas.values() if a.level == "pcn" and a.parent in sub_icbs)
    practices = tuple(a.code for a in areas.values() if a.level == "gp" and a.parent in pcns)
    icbs = tuple(dict.fromkeys(areas[c].parent for c in sub_icbs))
    return Served(entry.council, council["name"], icbs, sub_icbs, pcns, practices, bool(entry.pcns), "" if own or not inherited else council["parent"])


def _checked(codes: tuple[str, ...], level: str, key: str, areas: dict[str, NhsArea], config: Config, errors: list[DataError]) -> tuple[str, ...]:
    """The codes that are areas of `level` in the hierarchy; an error for each other one, and for a code written twice."""
    for index, code in enumerate(codes):
        where = config.place(f"{key}[{index}]")
        area = areas.get(code)
        if code in codes[:index]:
            errors.append(DataError("nhs-repeated", f"expected each code once, found {code} again", where))
        elif area is None:
            errors.append(DataError(f"nhs-not-a-{level.replace('_', '-')}", f"expected the code of {LEVEL_WORDS[level]} in generators/reference/data/{HIERARCHY}, found {code}, which is not in it", where))
        elif area.level != level:
            errors.append(DataError(f"nhs-not-a-{level.replace('_', '-')}", f"expected the code of {LEVEL_WORDS[level]}, found {code} ({area.name}, {LEVEL_WORDS[area.level]})", where))
    return _known(codes, level, areas)


def _known(codes: tuple[str, ...], level: str, areas: dict[str, NhsArea]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for c in codes if c in areas and areas[c].level == level))
