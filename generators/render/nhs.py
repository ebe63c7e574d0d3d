"""The GP practices pages and the distribution charts of GP practices and PCNs (on those pages and on indicator pages)."""

from __future__ import annotations

import json

from generators.charts.distribution import DistributionInput, Dot, Group, chart_distribution
from generators.charts.figures import Figures, data_table_id
from generators.charts.html import SPECS
from generators.model import IndicatorPage, Site
from generators.model.nhs import Distribution, Member, PracticesPage
from generators.render.jobs import Made, PageJob, Shared
from generators.render.markdown import render_page

KIND = "nhs_practices"


def nhs_jobs(site: Site) -> list[PageJob]:
    """Each area's GP practices page, as a job."""
    return [PageJob(page.path, KIND, page) for page in site.practices]


def make_practices_page(job: PageJob, shared: Shared) -> Made:
    """A GP practices page: per indicator, the distribution chart and the tables of practices and PCNs."""
    page: PracticesPage = job.model
    drawn = Figures()
    for shown in page.distributions:
        add_distribution(drawn, page.path, shown, shared.benchmark.name)
    drawn.finish()
    text = render_page("nhs_practices.md.j2", page=page, charts=drawn.html.get(page.path, {}), **shared.common)
    return Made({**drawn.files, page.path + "index.md": text.encode("utf-8")})


def add_distribution(figures: Figures, path: str, shown: Distribution, benchmark_name: str) -> None:
    """One distribution's chart on a page, naming the page's own table of its practices."""
    figures.add(path, shown.anchor, chart_distribution(distribution_input(shown, benchmark_name)), f"{shown.anchor}-distribution", table_id=data_table_id(shown.anchor))


def with_distributions(drawn: Figures, page: IndicatorPage, benchmark_name: str) -> Figures:
    """An indicator page's finished figures with its distributions' charts added, their specs in the page's one spec file beside the others'."""
    if not page.distributions:
        return drawn
    mine = Figures()
    for shown in page.distributions:
        add_distribution(mine, page.path, shown, benchmark_name)
    mine.finish()
    specs = {**_specs(drawn.files.get(page.path + SPECS)), **_specs(mine.files.get(page.path + SPECS))}
    drawn.files.update(mine.files)
    if specs:
        drawn.files[page.path + SPECS] = json.dumps(specs, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")
    for where, html in mine.html.items():
        drawn.html.setdefault(where, {}).update(html)
    return drawn


def _specs(data: bytes | None) -> dict:
    return json.loads(data) if data else {}


def distribution_input(shown: Distribution, benchmark_name: str) -> DistributionInput:
    groups = (
        Group("GP practices", "GP practice", tuple(map(_dot, shown.practices)), "GP practices"),
        Group("Primary care networks", "primary care network", tuple(map(_dot, shown.pcns)), "PCNs"),
    )
    own = shown.own.value if shown.own is not None else None
    benchmark = shown.benchmark.value if shown.benchmark is not None else None
    within = "" if shown.own is None and shown.within.name == benchmark_name else shown.within.name  # every practice of the data: not "in England"
    return DistributionInput(shown.title, within, shown.period, shown.indicator.unit, tuple(g for g in groups if g.dots), own, benchmark, benchmark_name, shown.places)


def _dot(member: Member) -> Dot:
    p = member.point
    return Dot(member.area.name, p.value, p.lower_95, p.upper_95, p.verdict or "Not compared")
