"""Stage 5, model (continued): page models for every page of the site."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from generators.config import Chapter, Config, slugify
from generators.metadata import Indicator
from generators.model import (
    Area,
    Point,
    Section,
    all_areas,
    choose_areas,
    group_points,
    section_anchor,
    series_order,
    series_title,
    varying,
)

VERDICT_WORDS = {
    "Better": "significantly better than", "Worse": "significantly worse than", "Similar": "similar to",
    "Higher": "significantly higher than", "Lower": "significantly lower than",
}


RESERVED_SLUGS = ("charts",)
"""Folder names a theme page cannot take: the chapter page's own chart files live there."""


@dataclass(frozen=True)
class ThemePage:
    """The indicators of one theme of a chapter (metadata `theme`, e.g. Smoking) in one area."""

    area: Area
    chapter: Chapter
    name: str
    slug: str
    sections: tuple[Section, ...]

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/{self.chapter.slug}/{self.slug}/"

    @property
    def own_sections(self) -> tuple[Section, ...]:
        return self.sections


@dataclass(frozen=True)
class ChapterPage:
    """A chapter in one area. Indicators with a theme are summarised here and shown in full on
    their theme's page; indicators without one are shown in full on this page."""

    area: Area
    chapter: Chapter
    sections: tuple[Section, ...]
    messages: tuple[str, ...]
    themes: tuple[ThemePage, ...] = ()

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/{self.chapter.slug}/"

    @property
    def own_sections(self) -> tuple[Section, ...]:
        """The sections shown in full on the chapter page itself."""
        return tuple(s for s in self.sections if not s.indicator.theme)

    @property
    def section_pages(self) -> tuple[ChapterPage | ThemePage, ...]:
        """Every page that shows sections in full: this one and its theme pages."""
        return (self, *self.themes)


def theme_slug(theme: str) -> str:
    slug = slugify(theme)
    return f"{slug}-theme" if slug in RESERVED_SLUGS else slug


def section_path(section: Section, chapter_slug: str) -> str:
    """Where a section is shown in full, from the site root: `areas/x/living-well/smoking/`."""
    theme = f"{theme_slug(section.indicator.theme)}/" if section.indicator.theme else ""
    return f"areas/{section.area.slug}/{chapter_slug}/{theme}"


@dataclass(frozen=True)
class AreaPage:
    area: Area
    chapters: tuple[ChapterPage, ...]
    messages: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/"


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    chapter: Chapter
    slug: str
    sections: tuple[Section, ...]
    benchmark: Section | None

    @property
    def path(self) -> str:
        return f"indicators/{self.slug}/"


@dataclass(frozen=True)
class Site:
    config: Config
    benchmark: Area
    areas: tuple[AreaPage, ...]
    indicators: tuple[IndicatorPage, ...]
    all_areas: dict[str, Area]


def verdict_words(verdict: str, benchmark: str) -> str:
    """`Worse` -> `significantly worse than England`."""
    words = VERDICT_WORDS.get(verdict)
    return f"{words} {benchmark}" if words else f"not compared with {benchmark}"


def build_site(table: pd.DataFrame, config: Config, indicators: dict[str, Indicator], chapter_of: dict[str, str]) -> Site:
    """Every page model of the site."""
    known = all_areas(table)
    benchmark = known.get(config.benchmark, Area(config.benchmark, "England", "England", "england"))
    published = choose_areas(known, config)
    sections = _sections(table, config, indicators, known, published)
    chapters = {c.slug: c for c in config.chapters}
    areas = tuple(_area_page(a, sections, chapters, chapter_of, benchmark.name) for a in published)
    by_indicator = _indicator_pages(sections, indicators, chapters, chapter_of, published)
    return Site(config, benchmark, areas, by_indicator, known)


def _sections(table: pd.DataFrame, config: Config, indicators: dict[str, Indicator], known: dict[str, Area], published: tuple[Area, ...]) -> dict[str, list[Section]]:
    """Sections per published area code, in chapter order then series order."""
    varies = varying(table)
    points = group_points(table)
    by_area: dict[str, list[tuple[str, str, str]]] = {}
    for key in points:
        by_area.setdefault(key[0], []).append(key[1:])
    result: dict[str, list[Section]] = {}
    for area in published:
        keys = sorted(by_area.get(area.code, []), key=series_order)
        result[area.code] = [
            _section(indicators[i], s, a, area, varies[i], points[(area.code, i, s, a)], points.get((config.benchmark, i, s, a), ()), points.get((area.parent_code, i, s, a), ()))
            for i, s, a in keys if i in indicators
        ]
    return result


def _section(indicator: Indicator, sex: str, age: str, area: Area, varies: tuple[bool, bool], points, benchmark, parent) -> Section:
    title = series_title(indicator, sex, age, *varies)
    anchor = section_anchor(indicator, sex, age, *varies)
    return Section(indicator, title, anchor, sex, age, area, points, benchmark, parent)


def _area_page(area: Area, sections: dict[str, list[Section]], chapters: dict[str, Chapter], chapter_of: dict[str, str], benchmark: str) -> AreaPage:
    pages = []
    for slug, chapter in chapters.items():
        own = tuple(s for s in sections[area.code] if chapter_of.get(s.indicator.id) == slug)
        pages.append(ChapterPage(area, chapter, own, key_messages(own, benchmark), _themes(area, chapter, own)))
    everything = tuple(s for page in pages for s in page.sections)
    return AreaPage(area, tuple(pages), key_messages(everything, benchmark, limit=6))


def _themes(area: Area, chapter: Chapter, sections: tuple[Section, ...]) -> tuple[ThemePage, ...]:
    """Theme pages in the order their first indicator comes in the chapter."""
    by_theme: dict[str, list[Section]] = {}
    for section in sections:
        if section.indicator.theme:
            by_theme.setdefault(theme_slug(section.indicator.theme), []).append(section)
    return tuple(ThemePage(area, chapter, own[0].indicator.theme, slug, tuple(own)) for slug, own in by_theme.items())


def _indicator_pages(sections: dict[str, list[Section]], indicators: dict[str, Indicator], chapters: dict[str, Chapter], chapter_of: dict[str, str], published: tuple[Area, ...]) -> tuple[IndicatorPage, ...]:
    by_id: dict[str, list[Section]] = {}
    for area in published:
        for section in sections[area.code]:
            by_id.setdefault(section.indicator.id, []).append(section)
    pages, used = [], set()
    for indicator_id in sorted(by_id, key=lambda i: (list(chapters).index(chapter_of[i]), indicators[i].name, i)):
        indicator = indicators[indicator_id]
        slug = indicator.slug or slugify(indicator.short_name or indicator.name)
        slug = slug if slug not in used else f"{slug}-{slugify(indicator_id)}"
        used.add(slug)
        own = tuple(by_id[indicator_id])
        pages.append(IndicatorPage(indicator, chapters[chapter_of[indicator_id]], slug, own, None))
    return tuple(pages)


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


def format_value(value: float, unit: str) -> str:
    """A value as people write it: `14.2%`, `1,043.0 per 100,000`, `80.2 years`."""
    if value is None or math.isnan(value):
        return "no value"
    number = f"{value:,.1f}"
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}".strip()
