"""Page models for every page of the site: frozen dataclasses, no HTML, no charts, no MkDocs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from generators.columns import Breakdown
from generators.config import ENGLAND, Chapter, Config, slugify
from generators.errors import DataError
from generators.load.metadata import Indicator
from generators.model.messages import key_messages
from generators.model.series import (
    Area,
    Section,
    all_areas,
    choose_areas,
    group_points,
    section_anchor,
    series_order,
    series_title,
    varying,
)
from generators.words import area_type_words

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


def build_site(table: pd.DataFrame, config: Config, indicators: dict[str, Indicator], chapter_of: dict[str, str]) -> Site:
    """Every page model of the site."""
    known = all_areas(table)
    benchmark = known.get(config.benchmark) or _absent_benchmark(config)
    published = choose_areas(known, config)
    sections = _sections(table, config, indicators, known, published)
    chapters = {c.slug: c for c in config.chapters}
    areas = tuple(_area_page(a, sections, chapters, chapter_of, benchmark.name) for a in published)
    by_indicator = _indicator_pages(sections, indicators, chapters, chapter_of, published)
    titled = config if config.title else dataclasses.replace(config, title=site_title(published))
    return Site(titled, benchmark, areas, by_indicator, known)


def site_title(areas: tuple[Area, ...]) -> str:
    """A title from the areas a site covers, where the configuration gives none."""
    if len(areas) == 1:
        return f"{areas[0].name}: health and wellbeing"
    kinds = {area_type_words(a.type, many=True) for a in areas}
    what = kinds.pop().lower() if len(kinds) == 1 else "areas"
    return f"Health and wellbeing in {len(areas):,} {what}"


def _absent_benchmark(config: Config) -> Area:
    """England may be absent from an export of one area type (its verdicts then come from the export);
    any other benchmark must be in the data, or nothing could be compared with it."""
    if config.benchmark != ENGLAND:
        raise DataError("unknown-benchmark", f"expected the benchmark's own rows in the data, found none for \"{config.benchmark}\"", config.place("benchmark"))
    return Area(ENGLAND, "England", "England", "england")


def _sections(table: pd.DataFrame, config: Config, indicators: dict[str, Indicator], known: dict[str, Area], published: tuple[Area, ...]) -> dict[str, list[Section]]:
    """Sections per published area code, in chapter order then series order."""
    varies = varying(table)
    points = group_points(table)
    by_area: dict[str, list[tuple[str, ...]]] = {}
    for key in points:
        by_area.setdefault(key[0], []).append(key[1:])
    result: dict[str, list[Section]] = {}
    for area in published:
        keys = sorted(by_area.get(area.code, []), key=series_order)
        result[area.code] = [
            _section(indicators[i], Breakdown(*b), area, varies[i], points[(area.code, i, *b)], points.get((config.benchmark, i, *b), ()), points.get((area.parent_code, i, *b), ()))
            for i, *b in keys if i in indicators and not Breakdown(*b).category_type
        ]
    return result


def _section(indicator: Indicator, breakdown: Breakdown, area: Area, varies: tuple[bool, bool], points, benchmark, parent) -> Section:
    title = series_title(indicator, breakdown.sex, breakdown.age, *varies)
    anchor = section_anchor(indicator, breakdown.sex, breakdown.age, *varies)
    return Section(indicator, title, anchor, breakdown, area, points, benchmark, parent)


def _area_page(area: Area, sections: dict[str, list[Section]], chapters: dict[str, Chapter], chapter_of: dict[str, str], benchmark: str) -> AreaPage:
    pages = []
    for slug, chapter in chapters.items():
        own = tuple(s for s in sections[area.code] if chapter_of.get(s.indicator.id) == slug)
        if own:  # a chapter with nothing for this area is neither made nor linked
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
