"""Stage 6, render (continued): every page of the site, as Markdown text keyed by path."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from generators.config.settings import Chapter, slugify
from generators.model import AreaPage, ChapterPage, IndicatorPage, Point, Section, Site, ThemePage, section_path
from generators.render.markdown import render_page

DOWNLOAD_COLUMNS = [
    "indicator_id", "indicator_name", "area_code", "area_name", "area_type", "sex", "age", "period", "value",
    "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator", "value_note", "status", "verdict", "trend",
]


def render_site(site: Site, report: dict[str, Any], table: pd.DataFrame, charts: dict[str, dict[str, str]]) -> dict[str, str]:
    """Markdown (and CSV) text for every generated file but the area pages (see `area_pages`), keyed by its path under docs/."""
    common = common_context(site)
    files: dict[str, str] = {"index.md": _home(site, common)}
    files["areas/index.md"] = render_page("areas.md.j2", groups=_area_groups(site), group_anchor=slugify, **common)
    files.update(_topic_files(site, common))
    files["indicators/index.md"] = render_page("indicators.md.j2", pages=site.indicators, **common)
    for indicator in site.indicators:
        files[indicator.path + "index.md"] = _indicator(indicator, common, charts.get(indicator.path, {}))
    files.update(_downloads(site, table, common))
    files["build-report/index.md"] = render_page("report.md.j2", report=report, **common)
    return files


def common_context(site: Site) -> dict[str, Any]:
    """What every page's template needs besides its own page model."""
    slugs = {p.indicator.id: p.slug for p in site.indicators}
    return {
        "config": site.config, "benchmark": site.benchmark, "updated": site.config.updated,
        "indicator_slugs": slugs,
    }


def _home(site: Site, common: dict[str, Any]) -> str:
    highlights = [(p.area, p.messages[:3]) for p in site.areas if p.messages][:12]
    released = sorted((p.indicator for p in site.indicators if p.indicator.release_date), key=lambda i: (i.release_date, i.name), reverse=True)
    topics = [c for c in site.config.chapters]
    return render_page("home.md.j2", areas=site.areas, topics=topics, indicator_count=len(site.indicators), highlights=highlights, recent=released[:5], **common)


def _area_groups(site: Site) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for page in site.areas:
        area = page.area
        groups.setdefault(area.type or "Areas", []).append(area)
    return [(name, sorted(areas, key=lambda a: a.name)) for name, areas in sorted(groups.items())]


def narrative(narrative_dir: Path, page: AreaPage | ChapterPage | ThemePage) -> str:
    """The officers' own Markdown for a page: docs/narrative/<area>/index.md, <area>/<chapter>.md or <area>/<chapter>/<theme>.md."""
    parts = page.path.split("/")[1:-1]
    path = narrative_dir.joinpath(*parts, "index") if len(parts) == 1 else narrative_dir.joinpath(*parts)
    path = path.with_suffix(".md")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def render_area_page(page: AreaPage | ChapterPage | ThemePage, common: dict[str, Any], charts: dict[str, str], narrative: str) -> str:
    """The Markdown of an area's overview, chapter or theme page."""
    template = "area.md.j2" if isinstance(page, AreaPage) else "chapter.md.j2" if isinstance(page, ChapterPage) else "theme.md.j2"
    return render_page(template, page=page, charts=charts, narrative=narrative, **common)


def _topic_files(site: Site, common: dict[str, Any]) -> dict[str, str]:
    topics: list[dict[str, Any]] = []
    for chapter in site.config.chapters:
        topic: dict[str, Any] = {"chapter": chapter, "pages": [p for p in site.indicators if p.chapter.slug == chapter.slug]}
        topics.append(topic)
    files = {"topics/index.md": render_page("topics.md.j2", topics=topics, **common)}
    areas = [p.area for p in site.areas]
    for topic in topics:
        topic_chapter: Chapter = topic["chapter"]
        files[f"topics/{topic_chapter.slug}/index.md"] = render_page("topic.md.j2", topic=topic, areas=areas, **common)
    return files


def _indicator(page: IndicatorPage, common: dict[str, Any], charts: dict[str, str]) -> str:
    comparisons: list[tuple[str, str, list[dict[str, Any]]]] = []
    benchmark_rows: dict[str, Point | None] = {}
    by_series: dict[str, list[Section]] = {}
    for section in page.sections:
        by_series.setdefault(section.anchor, []).append(section)
    for anchor, sections in by_series.items():
        rows: list[dict[str, Any]] = [{"area": s.area, "anchor": s.anchor, "point": s.latest, "path": section_path(s, page.chapter.slug)} for s in sections if s.latest]
        rows.sort(key=lambda r: (_sort_value(r["point"].value), r["area"].name))
        comparisons.append((sections[0].title, anchor, rows))
        latest = rows[0]["point"].period if rows else ""
        benchmark_rows[anchor] = sections[0].benchmark_at(latest)
    return render_page("indicator.md.j2", page=page, comparisons=comparisons, benchmark_rows=benchmark_rows, charts=charts, **common)


def _sort_value(value: float) -> float:
    return math.inf if math.isnan(value) else -value


def _downloads(site: Site, table: pd.DataFrame, common: dict[str, Any]) -> dict[str, str]:
    frame = table[DOWNLOAD_COLUMNS]
    everything = safe_csv(frame)
    files = {"downloads/jsna-data.csv": everything}
    by_area, no_rows = _by_area(frame, everything), safe_csv(frame.iloc[:0])
    for page in site.areas:
        files[f"downloads/areas/{page.area.slug}.csv"] = by_area.get(page.area.code, no_rows)
    files["downloads/index.md"] = render_page("downloads.md.j2", areas=[p.area for p in site.areas], total_rows=len(table), **common)
    return files


def _by_area(frame: pd.DataFrame, everything: str) -> dict[str, str]:
    """Each area's rows as CSV: the all-data CSV's lines, one a row, split by area rather than
    written again; written again per area only if some cell holds a line break."""
    header, *lines = everything.split("\r\n")[:-1]
    if len(lines) != len(frame):
        return {code: safe_csv(rows) for code, rows in frame.groupby("area_code", sort=False)}
    by_area: dict[str, list[str]] = {}
    for code, line in zip(frame["area_code"].tolist(), lines):
        by_area.setdefault(code, [header]).append(line)
    return {code: "\r\n".join([*rows, ""]) for code, rows in by_area.items()}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_csv(frame: pd.DataFrame) -> str:
    """CSV text that a spreadsheet opens as data: text cells that would start a formula get a
    leading apostrophe; numbers are written in full (Python's repr), missing numbers as blanks."""
    safe = {}
    for column in frame.columns:
        values = frame[column]
        if values.dtype.kind == "f":
            safe[column] = values
            continue
        text = values.astype(str)
        safe[column] = text.where(~text.str[:1].isin(FORMULA_START), "'" + text)
    return pd.DataFrame(safe, index=frame.index).to_csv(index=False, lineterminator="\r\n", na_rep="")
