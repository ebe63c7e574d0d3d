"""Page models for every page of the site: frozen dataclasses, no HTML, no charts, no MkDocs."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from generators.columns import Breakdown
from generators.config import ENGLAND, Chapter, Config, slugify
from generators.errors import DataError
from generators.load.metadata import Indicator
from generators.model.funnel import Funnel, funnel_of
from generators.model.inequalities import Breakdowns, make_breakdowns
from generators.model.messages import key_messages, priority_anchors
from generators.model.nhs import Distribution, NhsBlock, PracticesPage, ranked_type
from generators.model.series import (
    Area,
    Point,
    Section,
    all_areas,
    choose_areas,
    group_points,
    period_end_year,
    section_anchor,
    series_order,
    series_title,
    varying,
)
from generators.stats.inequalities import category_order
from generators.words import area_type_rank, area_type_words, is_local_authority

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
class Gap:
    """One breakdown of one section, as the Inequalities page lists it."""

    section: Section
    chapter: Chapter
    breakdown: Breakdowns

    @property
    def path(self) -> str:
        """Where its section is shown in full, from the site root."""
        return section_path(self.section, self.chapter.slug)


@dataclass(frozen=True)
class InequalitiesPage:
    """An area's Inequalities page: per chapter, every breakdown of its indicators, widest gaps first."""

    area: Area
    chapters: tuple[tuple[Chapter, tuple[Gap, ...]], ...]

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/{INEQUALITIES}/"

    @property
    def widest(self) -> tuple[Gap, ...]:
        """Every significant gap, widest first (the key messages name the first)."""
        gaps = [g for _, gaps in self.chapters for g in gaps if g.breakdown.significant and g.breakdown.gap]
        return tuple(sorted(gaps, key=_widest_first))


INEQUALITIES = "inequalities"
"""The address of an area's Inequalities page (no chapter may take it)."""


def _widest_first(gap: Gap) -> tuple[bool, float, str]:
    ratio = gap.breakdown.ratio
    return (not gap.breakdown.significant, -(ratio if ratio == ratio and ratio != float("inf") else 1e9), gap.section.title)


@dataclass(frozen=True)
class AreaPage:
    area: Area
    chapters: tuple[ChapterPage, ...]
    messages: tuple[str, ...]
    inequalities: InequalitiesPage | None = None
    nhs: NhsBlock | None = None
    """The NHS bodies serving a council area, or where an NHS area sits (model/nhs_site.py)."""

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/"

    @property
    def council(self) -> bool:
        """A council's area (county, unitary authority or district): the health and wellbeing board's
        priorities and summaries are about them. NHS bodies, regions and neighbourhoods keep their own pages."""
        return is_local_authority(self.area.type)


@dataclass(frozen=True)
class Ranked:
    """One area in a ranking: its point in the ranking's period (or its latest, if older),
    its rank (1 is the highest value; 0 is not ranked), and where its own page shows it."""

    area: Area
    point: Point
    rank: int
    own: bool
    """One of the areas this JSNA is about (the configuration's `areas`): highlighted."""
    path: str
    """Where the area's section is shown in full, from the site root; "" for an area without pages."""
    anchor: str


@dataclass(frozen=True)
class Ranking:
    """The areas of one type ranked on one indicator series in one period: like with like."""

    title: str
    anchor: str
    area_type: str
    heading: str
    period: str
    ranked: tuple[Ranked, ...]
    """Highest value first; areas with no value in the period follow, unranked."""
    older: tuple[Ranked, ...]
    """Areas of this type whose latest figure is older than the period: listed, never ranked."""
    benchmark: Point | None
    funnel: Funnel | None = None
    """The areas' values against their denominators with control limits, for proportions and crude rates."""

    @property
    def count(self) -> int:
        return sum(1 for r in self.ranked if r.rank)


@dataclass(frozen=True)
class Rankings:
    """One series of an indicator (a sex, an age) on its indicator page: one ranking per area type."""

    title: str
    anchor: str
    rankings: tuple[Ranking, ...]
    breakdowns: tuple[Breakdowns, ...] = ()
    """The benchmark's (England's) breakdowns by category, where the data has them."""


@dataclass(frozen=True)
class IndicatorPage:
    indicator: Indicator
    chapter: Chapter
    slug: str
    series: tuple[Rankings, ...]
    distributions: tuple[Distribution, ...] = ()
    """GP practices' and PCNs' values, never ranked: one per series that has them (model/nhs_site.py)."""

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
    practices: tuple[PracticesPage, ...] = ()
    """Each area's GP practices page, where the data has practices within it (model/nhs_site.py)."""


def build_site(
    table: pd.DataFrame, config: Config, indicators: dict[str, Indicator], chapter_of: dict[str, str], indices: dict[tuple[str, ...], Any] | None = None
) -> Site:
    """Every page model of the site. `indices`: the stats stage's indices of inequality, by
    (area code, indicator id, sex, age, category type, period)."""
    known = all_areas(table)
    benchmark = known.get(config.benchmark) or _absent_benchmark(config)
    published = choose_areas(known, config)
    points = group_points(table)
    ages = _Ages(config, table)
    period_order = _period_order(table)
    breakdowns = _Breakdowns(table, points, indices or {}, period_order)
    sections = _sections(table, points, config, indicators, known, published, ages, breakdowns)
    chapters = {c.slug: c for c in config.chapters}
    areas = tuple(_area_page(a, sections, chapters, chapter_of, benchmark.name, config) for a in published)
    ranking = _Ranker(points, known, config, period_order)
    england = lambda s: breakdowns.of(dataclasses.replace(s, area=benchmark, points=s.benchmark, breakdowns=())).breakdowns  # noqa: E731
    by_indicator = _indicator_pages(sections, indicators, chapters, chapter_of, published, ranking, england)
    titled = config if config.title else dataclasses.replace(config, title=site_title(published))
    return Site(titled, benchmark, areas, by_indicator, known)


def leading_areas(site: Site) -> tuple[AreaPage, ...]:
    """The areas in the order the home page leads with them: those the configuration names, in its
    order; then the areas with the newest figures (an area abolished years ago comes last); local
    authorities before NHS and other areas (AREA_TYPES); then by name."""
    named = {code: i for i, code in enumerate(site.config.areas)}

    def newest(page: AreaPage) -> int:
        return max((period_end_year(s.latest.period) or 0 for c in page.chapters for s in c.sections if s.latest), default=0)

    return tuple(sorted(site.areas, key=lambda p: (named.get(p.area.code, len(named)), -newest(p), area_type_rank(p.area.type), p.area.type, p.area.name, p.area.code)))


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


CategoriesBySeries = dict[tuple[str, str, str, str], dict[str, list[tuple[str, tuple[Point, ...]]]]]
"""(area code, indicator id, sex, age) -> category type -> [(category, its points)], in the data's order of keys."""


def _categories(points: dict[tuple[str, ...], tuple[Point, ...]]) -> CategoriesBySeries:
    found: CategoriesBySeries = {}
    for key, series in points.items():
        area, i, sex, age, category_type, category = key
        if category_type:
            found.setdefault((area, i, sex, age), {}).setdefault(category_type, []).append((category, series))
    return found


class _Breakdowns:
    """Every section's breakdowns by category, from the points, the categories' order and the indices of inequality."""

    def __init__(self, table: pd.DataFrame, points: dict[tuple[str, ...], tuple[Point, ...]], indices: dict[tuple[str, ...], Any], period_order: dict[str, object]):
        self.categories = _categories(points)
        self.order, self.period_order = category_order(table), period_order
        self.indices: dict[tuple[str, ...], dict[tuple[str, str], Any]] = {}
        for (a, i, sex, age, category_type, period), found in indices.items():
            self.indices.setdefault((a, i, sex, age), {})[(category_type, period)] = found

    def of(self, section: Section) -> Section:
        """The section with its breakdowns (itself where it has none)."""
        key = (section.area.code, section.indicator.id, section.sex, section.age)
        by_type = self.categories.get(key)
        if not by_type:
            return section
        latest = section.latest.period if section.latest else ""
        made = make_breakdowns(
            section.area, section.title, section.anchor, section.indicator.unit, latest, section.points, by_type, self.order, self.period_order, self.indices.get(key, {})
        )
        return dataclasses.replace(section, breakdowns=made)


def _sections(table: pd.DataFrame, points: dict[tuple[str, ...], tuple[Point, ...]], config: Config, indicators: dict[str, Indicator], known: dict[str, Area], published: tuple[Area, ...], ages: _Ages, breakdowns: _Breakdowns) -> dict[str, list[Section]]:
    """Sections per published area code, in chapter order then series order, each with its breakdowns by category."""
    varies = varying(table)
    by_area: dict[str, list[tuple[str, ...]]] = {}
    for key in points:
        by_area.setdefault(key[0], []).append(key[1:])
    result: dict[str, list[Section]] = {}
    for area in published:
        keys = sorted(by_area.get(area.code, []), key=series_order)
        result[area.code] = [
            _with_comparators(
                breakdowns.of(_section(indicators[i], Breakdown(*b), area, varies[i], points[(area.code, i, *b)], points.get((config.benchmark, i, *b), ()), points.get((area.parent_code, i, *b), ()), ages)),
                [(known[c], points.get((c, i, *b), ())) for c in config.comparators if c in known and c not in (area.code, area.parent_code, config.benchmark)],
            )
            for i, *b in keys if i in indicators and not Breakdown(*b).category_type
        ]
    return result


def _with_comparators(section: Section, comparators: list[tuple[Area, tuple[Point, ...]]]) -> Section:
    shown = tuple((a, p) for a, p in comparators if p)
    return dataclasses.replace(section, comparators=shown) if shown else section


def _section(indicator: Indicator, breakdown: Breakdown, area: Area, varies: tuple[bool, bool], points, benchmark, parent, ages: _Ages) -> Section:
    title = series_title(indicator, breakdown.sex, breakdown.age, *varies)
    anchor = section_anchor(indicator, breakdown.sex, breakdown.age, *varies)
    made = Section(indicator, title, anchor, breakdown, area, points, benchmark, parent)
    age = ages.of(made.latest.period) if made.latest else 0
    return dataclasses.replace(made, years_old=age) if age else made


class _Ages:
    """How old a figure is: years from its period's end to `updated`, or to the newest period in the data."""

    def __init__(self, config: Config, table: pd.DataFrame):
        ends = [y for y in map(period_end_year, table["period"].drop_duplicates().tolist()) if y]
        given = int(config.updated[:4]) if config.updated[:4].isdigit() else None  # a date, YYYY-MM-DD
        self.reference = given or max(ends, default=0)
        self.after = config.old_after_years

    def of(self, period: str) -> int:
        """The figure's age in years where it is more than `old_after_years`, else 0."""
        end = period_end_year(period)
        age = self.reference - end if end else 0
        return age if age > self.after else 0


def _area_page(area: Area, sections: dict[str, list[Section]], chapters: dict[str, Chapter], chapter_of: dict[str, str], benchmark: str, config: Config) -> AreaPage:
    lead = priority_anchors(tuple(sections[area.code]), config.priorities)  # the board's priorities lead the key messages
    pages = []
    for slug, chapter in chapters.items():
        own = tuple(s for s in sections[area.code] if chapter_of.get(s.indicator.id) == slug)
        if own:  # a chapter with nothing for this area is neither made nor linked
            pages.append(ChapterPage(area, chapter, own, key_messages(own, benchmark, priority=lead), _themes(area, chapter, own)))
    everything = tuple(s for page in pages for s in page.sections)
    gaps = tuple(
        (page.chapter, tuple(sorted((Gap(s, page.chapter, b) for s in page.sections for b in s.breakdowns), key=_widest_first)))
        for page in pages if any(s.breakdowns for s in page.sections)
    )
    inequalities = InequalitiesPage(area, gaps) if gaps else None
    named = tuple(g.breakdown.gap for g in inequalities.widest[:2]) if inequalities else ()  # the largest significant gaps
    return AreaPage(area, tuple(pages), key_messages(everything, benchmark, limit=6 - len(named), priority=lead) + named, inequalities)


def _themes(area: Area, chapter: Chapter, sections: tuple[Section, ...]) -> tuple[ThemePage, ...]:
    """Theme pages in the order their first indicator comes in the chapter."""
    by_theme: dict[str, list[Section]] = {}
    for section in sections:
        if section.indicator.theme:
            by_theme.setdefault(theme_slug(section.indicator.theme), []).append(section)
    return tuple(ThemePage(area, chapter, own[0].indicator.theme, slug, tuple(own)) for slug, own in by_theme.items())


def _indicator_pages(
    sections: dict[str, list[Section]], indicators: dict[str, Indicator], chapters: dict[str, Chapter], chapter_of: dict[str, str], published: tuple[Area, ...], ranking: _Ranker,
    benchmark_breakdowns: Callable[[Section], tuple[Breakdowns, ...]],
) -> tuple[IndicatorPage, ...]:
    by_id: dict[str, list[Section]] = {}
    for area in published:
        for section in sections[area.code]:
            by_id.setdefault(section.indicator.id, []).append(section)
    pages, used = [], set()
    for indicator_id in sorted(by_id, key=lambda i: (list(chapters).index(chapter_of[i]), indicators[i].name, i)):
        indicator = indicators[indicator_id]
        chapter = chapters[chapter_of[indicator_id]]
        slug = indicator.slug or slugify(indicator.short_name or indicator.name)
        slug = slug if slug not in used else f"{slug}-{slugify(indicator_id)}"
        used.add(slug)
        by_series: dict[str, list[Section]] = {}
        for section in by_id[indicator_id]:
            by_series.setdefault(section.anchor, []).append(section)
        series = tuple(Rankings(own[0].title, anchor, ranking.rankings(own, chapter.slug), benchmark_breakdowns(own[0])) for anchor, own in by_series.items())
        pages.append(IndicatorPage(indicator, chapter, slug, series))
    return tuple(pages)


def _period_order(table: pd.DataFrame) -> dict[str, object]:
    """Each period's sort key, so that periods of different areas compare."""
    firsts = table.drop_duplicates("period")
    return dict(zip(firsts["period"].tolist(), firsts["period_sortable"].tolist()))


class _Ranker:
    """Rankings of every area in the data (not only the published ones) by area type."""

    def __init__(self, points: dict[tuple[str, ...], tuple[Point, ...]], known: dict[str, Area], config: Config, order: dict[str, object]):
        self.points, self.known, self.order = points, known, order
        self.benchmark, self.own = config.benchmark, frozenset(config.areas)
        self.areas_of: dict[tuple[str, ...], list[str]] = {}
        for key in points:
            if key[0] != config.benchmark:
                self.areas_of.setdefault(key[1:], []).append(key[0])

    def rankings(self, sections: list[Section], chapter_slug: str) -> tuple[Ranking, ...]:
        """One ranking per area type of the published areas in ``sections`` (one series), most areas first."""
        first = sections[0]
        key = (first.indicator.id, *dataclasses.astuple(first.breakdown))
        shown = {s.area.code: s for s in sections}
        types = {s.area.type for s in sections}
        by_type: dict[str, list[str]] = {}
        for code in self.areas_of.get(key, []):
            area = self.known[code]
            if area.type in types and ranked_type(area.type):  # GP practices and PCNs are shown as distributions instead
                by_type.setdefault(area.type, []).append(code)
        words = [area_type_words(t, many=True) for t in by_type]
        result = []
        for area_type, codes in sorted(by_type.items(), key=lambda item: (-len(item[1]), item[0])):
            heading = area_type_words(area_type, many=True)
            heading = heading if words.count(heading) == 1 or heading == area_type else f"{heading} ({area_type})"
            result.append(self._ranking(first, key, area_type, heading, codes, shown, chapter_slug))
        return tuple(result)

    def _ranking(self, first: Section, key: tuple[str, ...], area_type: str, heading: str, codes: list[str], shown: dict[str, Section], chapter_slug: str) -> Ranking:
        latest = {code: self.points[(code, *key)][-1] for code in codes}
        period = max((p.period for p in latest.values()), key=lambda p: self.order.get(p, p))  # type: ignore[arg-type, return-value]
        current: list[tuple[str, Point]] = []
        older: list[tuple[str, Point]] = []
        for code in codes:
            at = next((p for p in self.points[(code, *key)] if p.period == period), None)
            (current if at is not None else older).append((code, at or latest[code]))
        current.sort(key=lambda cp: (math.isnan(cp[1].value), -cp[1].value if not math.isnan(cp[1].value) else 0.0, self.known[cp[0]].name, cp[0]))
        ranks, previous, rank = [], None, 0
        for position, (_, point) in enumerate(current, 1):
            if math.isnan(point.value):
                ranks.append(0)
                continue
            rank = rank if point.value == previous else position
            previous = point.value
            ranks.append(rank)
        older.sort(key=lambda cp: (self.known[cp[0]].name, cp[0]))
        anchor = f"{first.anchor}-{slugify(heading)}"
        made = lambda code, point, rank: self._ranked(code, point, rank, shown, chapter_slug)  # noqa: E731
        ranked = tuple(made(c, p, r) for (c, p), r in zip(current, ranks))
        funnel = funnel_of(first.indicator, [(r.area.name, r.point, r.own) for r in ranked]) if len(ranked) >= 5 else None
        return Ranking(first.title, anchor, area_type, heading, period, ranked, tuple(made(c, p, 0) for c, p in older), first.benchmark_at(period), funnel)

    def _ranked(self, code: str, point: Point, rank: int, shown: dict[str, Section], chapter_slug: str) -> Ranked:
        section = shown.get(code)
        path = section_path(section, chapter_slug) if section else ""
        return Ranked(self.known[code], point, rank, code in self.own, path, section.anchor if section else "")
