"""The board's priorities: where each priority indicator stands in each area, in words and as table rows.

Each standing is the indicator's first series in the area (Persons, its own age): its latest value,
its comparison with the benchmark, its recent trend and, where the data breaks it down by
deprivation or another group, the gap between the ends. The Priorities page (`/priorities/`) shows
every priority for every area; each area's board summary shows its own.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass

from generators.config import Config, slugify
from generators.config.priorities import Priority
from generators.load.metadata import Indicator
from generators.model.inequalities import part_of
from generators.model.pages import AreaPage, Site, section_path
from generators.model.series import Area, Section
from generators.words import QUINTILE_WORDS, SHORT_VERDICT_WORDS, format_value, plural

PAGE = "priorities/"
GETTING_WORSE = "worse than {benchmark} and getting worse"
GROUPS = (  # how a standing is counted in words, in this order
    ("worsening", GETTING_WORSE),
    ("Worse", "worse than {benchmark}"),
    ("Similar", "similar to {benchmark}"),
    ("Better", "better than {benchmark}"),
    ("other", "not judged better or worse"),
    ("none", "no data for {area}"),
)


@dataclass(frozen=True)
class Standing:
    """Where one priority indicator stands in one area; `section` is None where the area has no data for it."""

    indicator: Indicator
    title: str
    section: Section | None
    path: str
    """Where the area's page shows the indicator in full, from the site root; "" without data."""
    value: str
    comparison: str
    trend: str
    gap: str

    @property
    def group(self) -> str:
        """`worsening` (worse and getting worse), `Worse`, `Similar`, `Better`, `other` or `none`."""
        latest = self.section.latest if self.section else None
        if latest is None or math.isnan(latest.value):
            return "none"
        if latest.verdict == "Worse" and latest.trend.endswith("getting worse"):
            return "worsening"
        return latest.verdict if latest.verdict in ("Worse", "Similar", "Better") else "other"


@dataclass(frozen=True)
class PriorityInArea:
    """One priority in one area: a sentence, and a row per indicator."""

    priority: Priority
    area: Area
    anchor: str
    words: str
    standings: tuple[Standing, ...]


@dataclass(frozen=True)
class PrioritiesPage:
    """Every priority, each with every published council area."""

    priorities: tuple[tuple[Priority, str, tuple[PriorityInArea, ...]], ...]
    benchmark: str
    path: str = PAGE
    missing: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (priority, indicator ids no input file has)


def missing_indicators(config: Config, indicators: dict[str, Indicator]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each priority's indicators that no input file of this build has (not downloaded yet, or
    mistyped): the page names them, and the build still publishes everything else."""
    found = ((p.name, tuple(i for i in p.indicators if i not in indicators)) for p in config.priorities)
    return tuple((name, ids) for name, ids in found if ids)


def build_priorities(site: Site, indicators: dict[str, Indicator]) -> PrioritiesPage | None:
    """The Priorities page, or None where the configuration names no priorities."""
    config = site.config
    if not config.priorities:
        return None
    known = tuple(dataclasses.replace(p, indicators=tuple(i for i in p.indicators if i in indicators)) for p in config.priorities)
    made = tuple((p, slugify(p.name), with_data(in_area(p, page, indicators, site.benchmark.name) for page in site.areas if page.council)) for p in known)
    return PrioritiesPage(made, site.benchmark.name, missing=missing_indicators(config, indicators))


def with_data(found: Iterable[PriorityInArea]) -> tuple[PriorityInArea, ...]:
    """The areas with data for at least one of a priority's indicators."""
    return tuple(p for p in found if any(s.group != "none" for s in p.standings))


def in_area(priority: Priority, page: AreaPage, indicators: dict[str, Indicator], benchmark: str) -> PriorityInArea:
    """One priority in one area: a standing per indicator, in the priority's order."""
    first = first_sections(page)
    standings = tuple(standing(indicators[i], first.get(i), benchmark) for i in priority.indicators)
    return PriorityInArea(priority, page.area, f"{slugify(priority.name)}-{page.area.slug}", words(standings, page.area, benchmark), standings)


def first_sections(page: AreaPage) -> dict[str, tuple[Section, str]]:
    """Each indicator's first series in an area (Persons, its own age), the one a priority stands by,
    with where it is shown in full."""
    first: dict[str, tuple[Section, str]] = {}
    for chapter in page.chapters:
        for section in chapter.sections:
            first.setdefault(section.indicator.id, (section, section_path(section, chapter.chapter.slug)))
    return first


def standing(indicator: Indicator, shown: tuple[Section, str] | None, benchmark: str) -> Standing:
    """Where an indicator stands in an area; `shown`: its first series there, and where that is shown in full."""
    section, path = shown or (None, "")
    title = section.title if section else indicator.short_name or indicator.name
    latest = section.latest if section else None
    if section is None or latest is None or math.isnan(latest.value):
        note = f"No value for {latest.period}" if latest else "No data for this area"
        return Standing(indicator, title, section, path if section else "", note, "Not compared", "", "")
    age = f" ({plural(section.years_old, 'year')} old)" if section.years_old else ""
    value = f"{format_value(latest.value, indicator.unit)} in {latest.period}{age}"
    return Standing(indicator, title, section, path, value, comparison_words(latest.verdict, benchmark), trend_words(latest.trend), gap_words(section))


def comparison_words(verdict: str, benchmark: str) -> str:
    """`Worse` -> `Worse than England`; `Not compared` stays."""
    words = SHORT_VERDICT_WORDS.get(verdict) or QUINTILE_WORDS.get(verdict)
    return f"{words[:1].upper()}{words[1:]} {benchmark}" if words else "Not compared"


def trend_words(trend: str) -> str:
    return trend or "No trend"


def gap_words(section: Section) -> str:
    """The widest breakdown's ends in a few words: `Most deprived tenth 23.6%, least 5.1%: 4.6 times, beyond chance`."""
    found = next((b for b in section.breakdowns if b.gap), None)
    if found is None:
        return ""
    valued = [c for c in found.categories if not math.isnan(c.point.value)]
    unit = section.indicator.unit
    chance = "beyond chance" if found.significant else "could be chance"
    times = f"{found.ratio:,.1f} times, " if math.isfinite(found.ratio) else ""
    if found.deprivation:
        most, least = valued[0], valued[-1]
        return f"Most deprived {part_of(found.category_type)} {format_value(most.point.value, unit)}, least {format_value(least.point.value, unit)}: {times}{chance}"
    high = max(valued, key=lambda c: c.point.value)
    low = min(valued, key=lambda c: c.point.value)
    return f"{found.heading}: highest {high.label} {format_value(high.point.value, unit)}, lowest {low.label} {format_value(low.point.value, unit)}: {times}{chance}"


def words(standings: tuple[Standing, ...], area: Area, benchmark: str) -> str:
    """One sentence: the priority's indicators in an area, grouped by where they stand, worst first."""
    parts = []
    for group, phrase in GROUPS:
        names = [s.title for s in standings if s.group == group]
        if names:
            parts.append(f"{phrase.format(benchmark=benchmark, area=area.name)}: {_and(names)}")
    return f"In {area.name}, " + "; ".join(parts) + "."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
