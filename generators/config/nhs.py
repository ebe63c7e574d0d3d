"""The `nhs:` setting: which NHS bodies serve each council area of the JSNA.

    nhs:
      E10000032:                          # West Sussex
        sub_icb_locations: [E38000248]    # Sussex ICB - 70F; its ICB follows from the hierarchy
      E07000228:                          # Mid Sussex
        pcns: [U03364, U04725, U06871]    # its primary care networks; their GP practices follow

Codes are those of the NHS hierarchy shipped in `generators/reference/data/nhs_areas.csv`. This
module checks the shape; `generators/load/nhs.py` checks each code against the hierarchy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from generators.errors import DataError, Place

KEY = "nhs"
FIELDS = ("sub_icb_locations", "pcns")


@dataclass(frozen=True)
class Serving:
    """One council area's entry: the sub-ICB locations and primary care networks declared to serve it, as written."""

    council: str
    sub_icb_locations: tuple[str, ...] = ()
    pcns: tuple[str, ...] = ()


def read_nhs(mapping: dict[Any, Any], source: str, lines: dict[str, int]) -> tuple[Serving, ...]:
    """Each council's entry checked: a mapping of `sub_icb_locations:` and `pcns:`, each a list of codes."""
    return tuple(_serving(str(code), entry, source, lines) for code, entry in mapping.items())


def _serving(council: str, entry: Any, source: str, lines: dict[str, int]) -> Serving:
    key = f"{KEY}.{council}"
    where = Place(source, lines.get(key, lines.get(KEY)), key)
    if not isinstance(entry, dict) or not entry:
        raise DataError("config-nhs", f"expected `sub_icb_locations:` and/or `pcns:` under the council area code {council}, found {entry!r}", where)
    unknown = sorted(str(k) for k in entry if k not in FIELDS)
    if unknown:
        raise DataError("config-nhs", f"expected only {' and '.join(FIELDS)} under {council}, found \"{unknown[0]}\"", Place(source, lines.get(f"{key}.{unknown[0]}", where.line), f"{key}.{unknown[0]}"))
    return Serving(council, *(_codes(entry.get(name), f"{key}.{name}", source, lines) for name in FIELDS))


def _codes(value: Any, key: str, source: str, lines: dict[str, int]) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else [] if value is None else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise DataError("config-nhs", f"expected a list of area codes, found {value!r}", Place(source, lines.get(key), key))
    return tuple(i.strip() for i in items)  # as written, so that each code's place is its index


def nhs_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each council's entry, each of its keys and each code in the file (`nhs.E07000228.pcns[1]` -> 40), for error messages."""
    found = _under(node, KEY)
    lines: dict[str, int] = {}
    for council, entry in found.value if isinstance(found, yaml.MappingNode) else []:
        lines[f"{KEY}.{council.value}"] = council.start_mark.line + 1
        for name, codes in entry.value if isinstance(entry, yaml.MappingNode) else []:
            key = f"{KEY}.{council.value}.{name.value}"
            lines[key] = name.start_mark.line + 1
            for i, code in enumerate(codes.value if isinstance(codes, yaml.SequenceNode) else [codes]):
                lines[f"{key}[{i}]"] = code.start_mark.line + 1
    return lines


def _under(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)
