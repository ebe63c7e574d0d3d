"""Key messages: the plain-English bullets that lead an area's overview and chapters."""

from __future__ import annotations

import math

from generators.model.series import Point, Section
from generators.words import format_value, verdict_words


def key_messages(sections: tuple[Section, ...], benchmark: str, limit: int = 8) -> tuple[str, ...]:
    """Plain-English bullets: worse and getting worse first, then worse, then better."""
    ranked = []
    for section in sections:
        latest = section.latest
        if latest is None or math.isnan(latest.value) or latest.verdict not in ("Worse", "Better"):
            continue
        worsening = latest.trend.endswith("getting worse")
        rank = 0 if latest.verdict == "Worse" and worsening else 1 if latest.verdict == "Worse" else 2
        ranked.append((rank, section.title, _message(section, latest, benchmark)))
    return tuple(text for _, _, text in sorted(ranked)[:limit])


def _message(section: Section, latest: Point, benchmark: str) -> str:
    unit = section.indicator.unit
    value = format_value(latest.value, unit)
    text = f"{section.title}: {value} in {latest.period}, {verdict_words(latest.verdict, benchmark)}"
    if latest.trend and latest.trend not in ("Cannot be calculated", "No significant change"):
        text += f", {latest.trend.lower()}"
    return text + "."
