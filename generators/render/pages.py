"""Make one page from its job: its charts drawn, its Markdown rendered, its files as bytes. No disk.

`make_page` is the one maker every page goes through (`write.pages.make_pages` runs it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generators.charts import figures as f
from generators.config import slugify
from generators.model import IndicatorPage, InequalitiesPage
from generators.render.downloads import by_area, safe_csv
from generators.render.jobs import Made, Overview, PageJob, Shared
from generators.render.markdown import render_page
from generators.render.nhs import make_practices_page, with_distributions
from generators.report import report_json
from generators.words import long_date


def make_page(job: PageJob, shared: Shared) -> Made:
    """Every file of one page (its Markdown, its charts, its downloads), by path under docs/."""
    return MAKERS[job.kind](job, shared)


def _area(job: PageJob, shared: Shared) -> Made:
    overview: Overview = job.model
    drawn = f.overview_figures(overview.page, overview.spine, overview.pyramid, shared.cache)
    return _with_markdown(job, "area.md.j2", overview.page, drawn, shared)


def _section_page(template: str) -> Callable[[PageJob, Shared], Made]:
    def make(job: PageJob, shared: Shared) -> Made:
        drawn = f.section_figures(job.model, shared.benchmark)
        return _with_markdown(job, template, job.model, drawn, shared)

    return make


def _with_markdown(job: PageJob, template: str, page: Any, drawn: f.Figures, shared: Shared) -> Made:
    files = dict(drawn.files)
    text = render_page(template, page=page, charts=drawn.html.get(page.path, {}), narrative=job.narrative, **shared.common)
    files[page.path + "index.md"] = text.encode("utf-8")
    return Made(files, tuple(sorted(drawn.missing_codes)))


def _indicator(job: PageJob, shared: Shared) -> Made:
    page: IndicatorPage = job.model
    drawn = f.indicator_page_figures(page, shared.benchmark, shared.boundaries, shared.cache)
    drawn = with_distributions(drawn, page, shared.benchmark.name)  # GP practices and PCNs, never ranked
    text = render_page("indicator.md.j2", page=page, charts=drawn.html.get(page.path, {}), **shared.common)
    files = dict(drawn.files)
    files[page.path + "index.md"] = text.encode("utf-8")
    return Made(files, tuple(sorted(drawn.missing_codes)))


def _inequalities(job: PageJob, shared: Shared) -> Made:
    page: InequalitiesPage = job.model
    drawn = f.Figures()
    for _, gaps in page.chapters:
        for gap in gaps:
            f.add_breakdowns(drawn, page.path, gap.section, (gap.breakdown,))
    return _with_markdown(job, "inequalities.md.j2", page, drawn.finish(), shared)


def _simple(template: str, context: Callable[[Any], dict[str, Any]]) -> Callable[[PageJob, Shared], Made]:
    def make(job: PageJob, shared: Shared) -> Made:
        return Made({job.key + "index.md": render_page(template, **context(job.model), **shared.common).encode("utf-8")})

    return make


def _downloads(job: PageJob, shared: Shared) -> Made:
    frame, areas = job.model
    everything = safe_csv(frame)
    files = {"downloads/jsna-data.csv": everything}
    split, no_rows = by_area(frame, everything), safe_csv(frame.iloc[:0])
    for area in areas:
        files[f"downloads/areas/{area.slug}.csv"] = split.get(area.code, no_rows)
    files["downloads/index.md"] = render_page("downloads.md.j2", areas=list(areas), total_rows=len(frame), **shared.common)
    return Made({path: text.encode("utf-8") for path, text in files.items()})


def _report(job: PageJob, shared: Shared) -> Made:
    report = job.model
    text = render_page("report.md.j2", report=report, **shared.common)
    return Made({"build-report/index.md": text.encode("utf-8"), "build-report.json": report_json(report).encode("utf-8")})


MAKERS: dict[str, Callable[[PageJob, Shared], Made]] = {
    "area": _area,
    "chapter": _section_page("chapter.md.j2"),
    "theme": _section_page("theme.md.j2"),
    "indicator": _indicator,
    "home": _simple("home.md.j2", lambda m: dict(m)),
    "areas": _simple("areas.md.j2", lambda groups: {"groups": list(groups), "group_anchor": slugify}),
    "topics": _simple("topics.md.j2", lambda m: {"topics": list(m[0]), "inequalities": m[1]}),
    "topic": _simple("topic.md.j2", lambda m: {"topic": m[0], "areas": list(m[1])}),
    "indicators": _simple("indicators.md.j2", lambda links: {"pages": list(links)}),
    "inequalities": _inequalities,
    "inequalities_topic": _simple("inequalities_topic.md.j2", lambda pages: {"pages": list(pages)}),
    "downloads": _downloads,
    "report": _report,
    "nhs_practices": make_practices_page,
    "priorities": _simple("priorities.md.j2", lambda page: {"page": page}),
    "partners": _simple("partners.md.j2", lambda page: {"page": page}),
    "summary": _simple("summary.md.j2", lambda page: {"page": page, "long_date": long_date}),
}
