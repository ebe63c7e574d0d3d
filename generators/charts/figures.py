"""Page models to chart inputs, figures (HTML) and chart files: the charts of each page.

For each chapter or theme page: a trend chart and a comparison chart per indicator section
shown in full. For each
area overview: the spine chart and the population pyramid. For each indicator page: every
area ranked, and a map where boundaries are configured. What cannot be drawn says why.
"""

from __future__ import annotations

import math
import re
from dataclasses import astuple, dataclass, field
from html import escape
from pathlib import Path

from generators import charts as c
from generators.charts.chart import finite
from generators.load.population import Population
from generators.model import Area, AreaPage, Breakdowns, ChapterPage, IndicatorPage, Point, Ranking, Section, ThemePage


@dataclass
class Figures:
    """HTML per page path and anchor, the chart files by path, and the codes maps could not place."""

    html: dict[str, dict[str, str]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    missing_codes: set[str] = field(default_factory=set)
    specs: dict[str, dict[str, c.Chart]] = field(default_factory=dict)

    def finish(self) -> Figures:
        """Write each page's spec file once all its charts are drawn."""
        for page, charts in sorted(self.specs.items()):
            self.files.update({page + path: data for path, data in c.page_specs(charts).items()})
        self.specs = {}
        return self

    def add(self, page: str, anchor: str, chart: c.Chart | c.NoChart, stem: str, table_id: str = "") -> None:
        """One chart of a page; `table_id`: the page shows its data in the table of that id, so the figure links to it instead of holding its own."""
        if isinstance(chart, c.NoChart):
            self.html.setdefault(page, {})[anchor] = f'<p class="jsna-no-chart">{escape(chart.reason, quote=True)}</p>'
            return
        self.html.setdefault(page, {})[anchor] = c.render_figure(chart, stem, table=not table_id, table_id=table_id)
        self.files.update({page + path: data for path, data in c.chart_files(chart, stem).items()})
        self.specs.setdefault(page, {})[stem] = chart
        self.missing_codes.update(chart.missing_codes)


def data_table_id(anchor: str) -> str:
    """The id of the page's own table of a section's periods or a ranking's areas (the templates give it)."""
    return f"{anchor}-table"


def overview_figures(page: AreaPage, spine: c.SpineInput, pyramid: c.PyramidInput | None, cache: Path | None) -> Figures:
    """The charts of an area's overview page: the spine chart and, where there is a population, the pyramid."""
    figures = Figures()
    figures.add(page.path, "overview", c.chart_spine(spine), "overview-spine")
    if pyramid is not None:
        figures.add(page.path, "population", c.chart_pyramid(pyramid, cache), "population-pyramid")
    return figures.finish()


def spine_input(page: AreaPage, ranges: dict[tuple, tuple[float, ...]], benchmark_name: str) -> c.SpineInput:
    sections = [s for chapter in page.chapters for s in chapter.sections]
    return c.SpineInput(page.area.name, tuple(_spine_row(s, ranges) for s in sections if s.latest), benchmark_name)


def section_figures(shown: ChapterPage | ThemePage, benchmark: Area) -> Figures:
    """The charts of a page that shows indicator sections in full: a trend and a comparison each."""
    figures = Figures()
    for section in shown.own_sections:
        figures.add(shown.path, section.anchor, c.chart_trend(_trend(section, benchmark)), f"{section.anchor}-trend", table_id=data_table_id(section.anchor))
        figures.add(shown.path, section.anchor + "-compare", c.chart_compare(_compare(section, benchmark)), f"{section.anchor}-compare")
        add_breakdowns(figures, shown.path, section, section.breakdowns)
    return figures.finish()


def add_breakdowns(figures: Figures, path: str, section: Section, breakdowns: tuple[Breakdowns, ...]) -> None:
    """An inequalities chart per breakdown of a section."""
    for shown in breakdowns:
        figures.add(path, shown.anchor, c.chart_inequality(inequality_input(section.title, section.indicator.unit, shown, section.area.name)), shown.anchor)


def inequality_input(title: str, unit: str, shown: Breakdowns, area: str) -> c.InequalityInput:
    labels = [k.label for k in shown.categories]
    if shown.deprivation and len(labels) > 2:  # `1 most deprived`, 2, 3 ... `10 least deprived`: short enough for a phone
        labels = [f"{i}{' most deprived' if i == 1 else ' least deprived' if i == len(labels) else ''}" for i in range(1, len(labels) + 1)]
    bars = tuple(
        c.CompareBar(label, finite(k.point.value), finite(k.point.lower_95), finite(k.point.upper_95), k.point.verdict or "Not compared")
        for label, k in zip(labels, shown.categories)
    )
    overall = finite(shown.overall.value) if shown.overall else None
    return c.InequalityInput(title, area, shown.heading, shown.period, unit, bars, overall, shown.gap)


def indicator_page_figures(page: IndicatorPage, benchmark: Area, boundaries: c.Boundaries | None, cache: Path | None) -> Figures:
    """The charts of an indicator page: per series, the areas of each type ranked, and a map where the boundaries hold them."""
    figures = Figures()
    drawn = {s.code for s in boundaries.shapes} if boundaries is not None else set()
    for series in page.series:
        for breakdown in series.breakdowns:  # England's
            figures.add(page.path, breakdown.anchor, c.chart_inequality(inequality_input(series.title, page.indicator.unit, breakdown, benchmark.name)), breakdown.anchor)
        for ranking in series.rankings:
            figures.add(page.path, ranking.anchor, c.chart_compare(ranking_input(ranking, page.indicator.unit, benchmark.name)), f"{ranking.anchor}-ranked", table_id=data_table_id(ranking.anchor))
            if ranking.funnel is not None:
                figures.add(page.path, ranking.anchor + "-funnel", c.chart_funnel(funnel_input(ranking, page.indicator.unit)), f"{ranking.anchor}-funnel")
            if boundaries is not None and any(r.area.code in drawn for r in ranking.ranked):
                areas = tuple(c.MapArea(r.area.code, r.area.name, finite(r.point.value), r.point.verdict) for r in ranking.ranked)
                shown = c.MapInput(ranking.title, ranking.period, page.indicator.unit, areas, benchmark_name=benchmark.name)
                figures.add(page.path, ranking.anchor + "-map", c.chart_map(shown, boundaries, cache), f"{ranking.anchor}-map")
    return figures.finish()


def funnel_input(ranking: Ranking, unit: str) -> c.FunnelInput:
    assert ranking.funnel is not None
    dots = tuple(c.FunnelDot(p.name, p.denominator, p.value, p.significance, p.own) for p in ranking.funnel.points)
    return c.FunnelInput(ranking.title, ranking.period, unit, ranking.heading, dots, ranking.funnel.lines, ranking.funnel.baseline)


def ranking_input(ranking: Ranking, unit: str, benchmark_name: str) -> c.CompareInput:
    """A ranking as a ranked comparison chart: the areas of one type in one period, and the benchmark."""
    bars = tuple(
        c.CompareBar(r.area.name, finite(r.point.value), finite(r.point.lower_95), finite(r.point.upper_95), r.point.verdict, "area" if r.own else "comparator", r.rank)
        for r in ranking.ranked
    )
    reference = ranking.benchmark
    if reference is not None:
        bars += (c.CompareBar(benchmark_name, finite(reference.value), finite(reference.lower_95), finite(reference.upper_95), "Not compared", "benchmark"),)
    return c.CompareInput(ranking.title, ranking.period, unit, bars, ranked=True, benchmark_name=benchmark_name, areas_name=ranking.heading)


def pyramid_input(population: Population | None, area: Area, benchmark: Area) -> c.PyramidInput | None:
    """The latest period's population pyramid of an area, with the benchmark's shape as the outline; None without a population."""
    period = population.latest_period(area.code) if population else None
    if population is None or period is None:
        return None
    area_counts, reference = population.counts(area.code, period), population.counts(benchmark.code, period)
    bands = tuple(
        c.PyramidBand(band, area_counts.get((band, "Male")), area_counts.get((band, "Female")), reference.get((band, "Male")), reference.get((band, "Female")))
        for band in sorted({b for b, _ in area_counts}, key=_band_start)
    )
    return c.PyramidInput(area.name, str(period), bands, benchmark_name=benchmark.name)


def _band_start(band: str) -> int:
    match = re.match(r"(\d+)", band)
    return int(match.group(1)) if match else 999


def _trend(section: Section, benchmark: Area) -> c.TrendInput:
    points = tuple(
        c.TrendPoint(p.period, finite(p.value), finite(p.lower_95), finite(p.upper_95), _benchmark_value(section, p)) for p in section.points
    )
    return c.TrendInput(section.title, section.area.name, section.indicator.unit, points, benchmark_name=benchmark.name)


def _benchmark_value(section: Section, point: Point) -> float | None:
    found = section.benchmark_at(point.period)
    return finite(found.value) if found else None


def _compare(section: Section, benchmark: Area) -> c.CompareInput:
    latest = section.latest
    assert latest is not None
    bars = [c.CompareBar(section.area.name, finite(latest.value), finite(latest.lower_95), finite(latest.upper_95), latest.verdict, "area")]
    parent = section.parent_at(latest.period)
    if parent is not None and section.area.parent_code != benchmark.code:
        bars.append(c.CompareBar(section.area.parent_name, finite(parent.value), finite(parent.lower_95), finite(parent.upper_95), parent.verdict, "comparator"))
    for area, point in section.comparators_at(latest.period):  # the configuration's similar areas
        bars.append(c.CompareBar(area.name, finite(point.value), finite(point.lower_95), finite(point.upper_95), point.verdict, "comparator"))
    reference = section.benchmark_at(latest.period)
    if reference is not None:
        bars.append(c.CompareBar(benchmark.name, finite(reference.value), finite(reference.lower_95), finite(reference.upper_95), "Not compared", "benchmark"))
    return c.CompareInput(section.title, latest.period, section.indicator.unit, tuple(bars), benchmark_name=benchmark.name)


def _spine_row(section: Section, ranges: dict[tuple, tuple[float, ...]]) -> c.SpineRow:
    latest = section.latest
    assert latest is not None
    key = (section.indicator.id, *astuple(section.breakdown), latest.period)
    low, q25, q75, high = ranges.get((*key, section.area.type)) or ranges.get((*key, "*"), (math.nan,) * 4)
    reference = section.benchmark_at(latest.period)
    polarity = section.indicator.polarity or "no_judgement"
    return c.SpineRow(
        section.title, latest.period, section.indicator.unit, finite(latest.value), finite(reference.value) if reference else None,
        finite(low), finite(q25), finite(q75), finite(high), polarity, latest.verdict,  # type: ignore[arg-type]
    )


