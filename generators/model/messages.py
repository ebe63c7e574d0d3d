"""Key messages: the plain-English bullets that lead an area's overview and chapters."""

from __future__ import annotations

import math

from generators.config.priorities import Priority
from generators.model.series import Point, Section, period_end_year
from generators.words import format_value, plural, verdict_words


def key_messages(sections: tuple[Section, ...], benchmark: str, limit: int = 8, priority: dict[str, str] | None = None) -> tuple[str, ...]:
    """Plain-English bullets: worse and getting worse first, then worse, then better; newer figures
    before older ones, and figures older than `old_after_years` after every newer one. `priority`:
    the board's priority series (`priority_anchors`), which lead each group and say their priority."""
    priority = priority or {}
    ranked = []
    for section in sections:
        latest = section.latest
        if latest is None or math.isnan(latest.value) or latest.verdict not in ("Worse", "Better"):
            continue
        worsening = latest.trend.endswith("getting worse")
        rank = 0 if latest.verdict == "Worse" and worsening else 1 if latest.verdict == "Worse" else 2
        newest_first = -(period_end_year(latest.period) or 0)
        text = _message(section, latest, benchmark, priority.get(section.anchor, ""))
        ranked.append((section.years_old > 0, rank, section.anchor not in priority, newest_first, section.title, text))
    return tuple(text for *_, text in sorted(ranked)[:limit])


def _message(section: Section, latest: Point, benchmark: str, priority: str = "") -> str:
    unit = section.indicator.unit
    value = format_value(latest.value, unit)
    age = f" ({plural(section.years_old, 'year')} old)" if section.years_old else ""
    text = f"{section.title}: {value} in {latest.period}{age}, {verdict_words(latest.verdict, benchmark)}"
    if latest.trend and latest.trend not in ("Cannot be calculated", "No significant change"):
        text += f", {latest.trend.lower()}"
    return text + (f" (board priority: {priority})." if priority else ".")


def priority_anchors(sections: tuple[Section, ...], priorities: tuple[Priority, ...]) -> dict[str, str]:
    """The series key messages lead with: each priority indicator's first series (Persons, its own
    age) among `sections`, by its anchor, with the names of the priorities it serves."""
    first: dict[str, Section] = {}
    for section in sections:
        first.setdefault(section.indicator.id, section)
    names: dict[str, list[str]] = {}
    for priority in priorities:
        for i in priority.indicators:
            if i in first:
                names.setdefault(first[i].anchor, []).append(priority.name)
    return {anchor: " and ".join(found) for anchor, found in names.items()}
