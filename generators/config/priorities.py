"""The `priorities:` setting: the joint health and wellbeing strategy's priorities, each with its indicators.

    priorities:
      - name: Ageing well at home
        description: People stay well and independent at home for longer.   # optional
        indicators: [22401, ASCOF-2A2, ASCOF-2B1]

Indicators are named by the ids the rest of the configuration uses (`chapters:`, indicators.yml,
the data's indicator_id). This module checks the shape; the model checks that each id is in the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from generators.errors import DataError, Place

KEY = "priorities"
FIELDS = ("name", "description", "indicators")


@dataclass(frozen=True)
class Priority:
    """One priority of the strategy: its name, optional description and indicator ids, in order."""

    name: str
    indicators: tuple[str, ...]
    description: str = ""


def read_priorities(items: list[Any], source: str, lines: dict[str, int]) -> tuple[Priority, ...]:
    """Each priority checked: a mapping with a `name` (each name once) and a list of indicator ids."""
    made: list[Priority] = []
    for index, item in enumerate(items):
        where = Place(source, lines.get(f"{KEY}[{index}]", lines.get(KEY)), f"{KEY}[{index}]")
        priority = _priority(item, where)
        if any(p.name.lower() == priority.name.lower() for p in made):
            raise DataError("config-priority", f"expected each priority once, found \"{priority.name}\" again", where)
        made.append(priority)
    return tuple(made)


def _priority(item: Any, where: Place) -> Priority:
    if not isinstance(item, dict):
        raise DataError("config-priority", f"expected a priority with `name:` and `indicators:`, found {item!r}", where)
    unknown = sorted(str(k) for k in item if k not in FIELDS)
    if unknown:
        raise DataError("config-priority", f"expected only {', '.join(FIELDS)}, found \"{unknown[0]}\"", where)
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError("config-priority", f"expected a `name` (text), found {name!r}", where)
    ids = item.get("indicators")
    if isinstance(ids, (str, int)) and not isinstance(ids, bool):
        ids = [ids]
    if not isinstance(ids, list) or not ids or not all(isinstance(i, (str, int)) and not isinstance(i, bool) and str(i).strip() for i in ids):
        raise DataError("config-priority", f"expected `indicators:` to list indicator ids for \"{name.strip()}\", found {ids!r}", where)
    description = item.get("description") or ""
    if not isinstance(description, str):
        raise DataError("config-priority", f"expected a `description` (text), found {description!r}", where)
    return Priority(name.strip(), tuple(dict.fromkeys(str(i).strip() for i in ids)), description.strip())


def priority_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each priority in the file (`priorities[1]` -> 42), for error messages."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    found = next((value for key, value in node.value if key.value == KEY), None)
    if not isinstance(found, yaml.SequenceNode):
        return {}
    return {f"{KEY}[{i}]": item.start_mark.line + 1 for i, item in enumerate(found.value)}
