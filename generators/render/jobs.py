"""Every page of the site as a job: what it shows, how it is made, and what all pages share.

A job holds its whole page model, the inputs its charts are drawn from and its narrative,
so that its content hash (`write.pages`) covers everything the page is made from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from generators.charts import Boundaries, PyramidInput, SpineInput
from generators.columns import DOWNLOAD_COLUMNS
from generators.config import Chapter
from generators.model import Area, AreaPage, ChapterPage, Site, ThemePage, leading_areas
from generators.words import area_type_words


@dataclass(frozen=True)
class PageJob:
    """One page to make. `key` names it among the jobs (its folder under docs/, e.g.
    `areas/crawley/`); `kind` says how it is made; `model` is everything it shows."""

    key: str
    kind: str
    model: Any
    narrative: str = ""


@dataclass(frozen=True)
class Made:
    """What making a page gave: its files (bytes by path under docs/) and facts for the build report."""

    files: dict[str, bytes]
    missing_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shared:
    """What every page needs besides its own job: the template context, boundaries for maps, the chart cache."""

    common: dict[str, Any]
    benchmark: Area
    boundaries: Boundaries | None
    cache: Path | None


@dataclass(frozen=True)
class Overview:
    """An area's overview page with the inputs of its charts: the spine chart and the population pyramid."""

    page: AreaPage
    spine: SpineInput
    pyramid: PyramidInput | None


@dataclass(frozen=True)
class IndicatorLink:
    """An indicator as the index pages list it: its metadata, chapter and address (not its data)."""

    indicator: Any
    chapter: Chapter
    slug: str


@dataclass(frozen=True)
class Topic:
    chapter: Chapter
    pages: tuple[IndicatorLink, ...]


def shared_context(site: Site, boundaries: Boundaries | None, cache: Path | None) -> Shared:
    """What every page's template needs besides its own page model."""
    slugs = {p.indicator.id: p.slug for p in site.indicators}
    common = {"config": site.config, "benchmark": site.benchmark, "updated": site.config.updated, "indicator_slugs": slugs}
    return Shared(common, site.benchmark, boundaries, cache)


def area_jobs(site: Site, narrative: dict[str, str], overview_inputs: Any) -> list[PageJob]:
    """Each area's overview, chapter and theme pages, area by area. `overview_inputs(page)` gives an overview's chart inputs."""
    jobs = []
    for page in site.areas:
        spine, pyramid = overview_inputs(page)
        jobs.append(PageJob(page.path, "area", Overview(page, spine, pyramid), narrative_for(narrative, page)))
        for chapter in page.chapters:
            for shown in chapter.section_pages:
                jobs.append(PageJob(shown.path, "chapter" if isinstance(shown, ChapterPage) else "theme", shown, narrative_for(narrative, shown)))
        if page.inequalities is not None:
            jobs.append(PageJob(page.inequalities.path, "inequalities", page.inequalities))
    return jobs


def site_jobs(site: Site, table: pd.DataFrame) -> list[PageJob]:
    """The pages that are not an area's: home, areas, topics, indicators (each and the index), downloads."""
    links = tuple(IndicatorLink(p.indicator, p.chapter, p.slug) for p in site.indicators)
    topics = _topics(site, links)
    areas = tuple(p.area for p in site.areas)
    jobs = [
        PageJob("", "home", _home(site, topics)),
        PageJob("areas/", "areas", _area_groups(site)),
        PageJob("topics/", "topics", (topics, any(p.inequalities for p in site.areas))),
        *(PageJob(f"topics/{t.chapter.slug}/", "topic", (t, _areas_with(site, t.chapter))) for t in topics),
        *([PageJob("topics/inequalities/", "inequalities_topic", unequal)] if (unequal := tuple(p.inequalities for p in site.areas if p.inequalities)) else []),
        PageJob("indicators/", "indicators", links),
        *(PageJob(p.path, "indicator", p) for p in site.indicators),
        PageJob("downloads/", "downloads", (table[DOWNLOAD_COLUMNS], areas)),
    ]
    return jobs


def report_job(report: dict[str, Any]) -> PageJob:
    return PageJob("build-report/", "report", report)


def _topics(site: Site, links: tuple[IndicatorLink, ...]) -> tuple[Topic, ...]:
    """The chapters that have indicators, each with its indicators."""
    topics = (Topic(c, tuple(link for link in links if link.chapter.slug == c.slug)) for c in site.config.chapters)
    return tuple(t for t in topics if t.pages)


def _areas_with(site: Site, chapter: Chapter) -> tuple[Area, ...]:
    """The areas that have a page for a chapter."""
    return tuple(p.area for p in site.areas if any(c.chapter.slug == chapter.slug for c in p.chapters))


def _home(site: Site, topics: tuple[Topic, ...]) -> dict[str, Any]:
    highlights = tuple((p.area, p.messages[:3]) for p in leading_areas(site) if p.messages)[:12]
    released = sorted((p.indicator for p in site.indicators if p.indicator.release_date), key=lambda i: (i.release_date, i.name), reverse=True)
    areas = tuple(p.area for p in site.areas)
    return {
        "areas": areas, "topics": tuple(t.chapter for t in topics), "indicator_count": len(site.indicators), "highlights": highlights, "recent": tuple(released[:5]),
        "inequalities": any(p.inequalities for p in site.areas),
    }


def _area_groups(site: Site) -> tuple[tuple[str, tuple[Area, ...]], ...]:
    groups: dict[str, list[Area]] = {}
    for page in site.areas:
        groups.setdefault(area_type_words(page.area.type, many=True), []).append(page.area)
    return tuple((name, tuple(sorted(areas, key=lambda a: a.name))) for name, areas in sorted(groups.items()))


def narrative_for(narrative: dict[str, str], page: AreaPage | ChapterPage | ThemePage) -> str:
    """The officers' own Markdown for a page: narrative/<area>/index.md, <area>/<chapter>.md or <area>/<chapter>/<theme>.md."""
    parts = page.path.split("/")[1:-1]
    key = f"{parts[0]}/index.md" if len(parts) == 1 else "/".join(parts) + ".md"
    return narrative.get(key, "")
