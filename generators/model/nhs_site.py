"""The NHS in the site's page models, once they are made: each overview's NHS block, each area's GP
practices page and each indicator page's distributions of GP practices and PCNs (never ranked)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from generators.columns import Breakdown
from generators.load.metadata import Indicator
from generators.load.nhs import Nhs
from generators.model.nhs import LEVEL_NAMES, Body, Compared, Distribution, Member, NhsBlock, PracticesPage, nhs_level
from generators.model.nhs_places import council_of
from generators.model.pages import AreaPage, IndicatorPage, Site, section_path
from generators.model.series import Area, Point, group_points, section_anchor, series_title, varying
from generators.stats import compare_limits_to_benchmark
from generators.words import area_type_words


def add_nhs(site: Site, table: pd.DataFrame, indicators: dict[str, Indicator], nhs: Nhs) -> Site:
    """The site with its NHS blocks, GP practices pages and distributions (the site as it was where the data has no NHS area)."""
    found = _Found(site, table, indicators, nhs)
    if not found.levels:
        return site
    practices = tuple(page for p in site.areas if (page := found.practices_page(p.area)) is not None)
    with_page = {p.area.code: p.path for p in practices}
    areas = tuple(dataclasses.replace(p, nhs=found.block(p, with_page.get(p.area.code, ""))) for p in site.areas)
    indicator_pages = tuple(dataclasses.replace(p, distributions=found.on_indicator_page(p, practices)) for p in site.indicators)
    return dataclasses.replace(site, areas=areas, indicators=indicator_pages, practices=practices)


class _Found:
    """What the data holds of the NHS: each area's level, its members, the points of the areas distributions show."""

    def __init__(self, site: Site, table: pd.DataFrame, indicators: dict[str, Indicator], nhs: Nhs):
        self.site, self.nhs, self.indicators = site, nhs, indicators
        self.known = site.all_areas
        self.levels = {c: nhs.areas[c].level if c in nhs.areas else nhs_level(a.type) for c, a in self.known.items()}
        self.levels = {c: level for c, level in self.levels.items() if level}
        self.councils, self.served = council_of(nhs), {s.council: s for s in nhs.served}
        self.pages = {p.area.code: p for p in site.areas}
        self.shown = {(p.area.code, s.anchor): section_path(s, c.chapter.slug) for p in site.areas for c in p.chapters for s in c.sections}
        wanted = set(self.levels) | set(self.pages) | {site.config.benchmark}
        whole = table[(table["category_type"] == "") & table["area_code"].isin(list(wanted))]
        self.points, self.varies = group_points(whole), varying(table)
        self.order = dict(zip(whole["period"], whole["period_sortable"]))
        self.below: dict[str, set[str]] = {}  # every area under each NHS body (hierarchy) or area (the data's parents)
        for code in nhs.areas:
            for above in nhs.ancestors(code):
                self.below.setdefault(above, set()).add(code)
        for code, area in self.known.items():
            self.below.setdefault(area.parent_code, set()).add(code)
        self.rank = {p.indicator.id: i for i, p in enumerate(site.indicators)}

    def body(self, code: str, where: str = "") -> Body:
        area = self.known.get(code)
        level = self.levels.get(code) or (self.nhs.areas[code].level if code in self.nhs.areas else "")
        kind = area_type_words(area.type) if area else LEVEL_NAMES.get(level, "NHS region")
        name = area.name if area else self.nhs.areas[code].name if code in self.nhs.areas else self.served[code].council_name
        page = self.pages.get(code)
        return Body(code, name, kind, page.path if page else "", where)

    def members(self, code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The GP practices and PCNs with figures within an area: a council's (nhs:), an NHS body's in the hierarchy, or the data's own children."""
        served = self.served.get(code)
        if code == self.site.config.benchmark:
            found: set[str] = set(self.levels)
        elif served is not None:
            found = {*served.pcns, *served.practices}
        else:
            found = self.below.get(code, set())
        practices = tuple(sorted((c for c in found if self.levels.get(c) == "gp"), key=lambda c: self.known[c].name))
        return practices, tuple(sorted((c for c in found if self.levels.get(c) == "pcn"), key=lambda c: self.known[c].name))

    def practices_page(self, area: Area) -> PracticesPage | None:
        if self.levels.get(area.code) == "gp":
            return None
        shown = self.distributions(area, *self.members(area.code))
        return PracticesPage(area, shown, area.code in self.served) if shown else None

    def on_indicator_page(self, page: IndicatorPage, practices: tuple[PracticesPage, ...]) -> tuple[Distribution, ...]:
        """Every practice and PCN in the data on one indicator, within the benchmark; with the areas' GP practices pages showing each series."""
        benchmark = self.site.benchmark
        mine = self.distributions(benchmark, *self.members(benchmark.code), only=page.indicator.id)
        pages = [p for p in practices if self.levels.get(p.area.code) != "pcn"]  # the councils', sub-ICB locations' and ICBs' (a PCN's holds a few practices)
        within = lambda d: tuple(Body(p.area.code, p.area.name, "GP practices page", p.path) for p in pages if any(o.indicator.id == d.indicator.id and o.series_anchor == d.series_anchor for o in p.distributions))  # noqa: E731
        return tuple(dataclasses.replace(d, anchor=f"{d.series_anchor}-gp-practices-and-pcns", elsewhere=within(d)) for d in mine)

    def distributions(self, within: Area, practices: tuple[str, ...], pcns: tuple[str, ...], only: str = "") -> tuple[Distribution, ...]:
        """One distribution per indicator series the members have, in the site's indicator order."""
        series = {key[1:4] for key in self.points if key[0] in practices + pcns and (not only or key[1] == only) and key[1] in self.indicators}
        made = (self.distribution(within, practices, pcns, *key) for key in sorted(series, key=lambda k: (self.rank.get(k[0], len(self.rank)), k[0], Breakdown(*k[1:]).order())))
        return tuple(d for d in made if d is not None)

    def distribution(self, within: Area, practices: tuple[str, ...], pcns: tuple[str, ...], indicator_id: str, sex: str, age: str) -> Distribution | None:
        indicator = self.indicators[indicator_id]
        key = (indicator_id, sex, age, "", "")
        latest = [self.points[(c, *key)][-1].period for c in practices + pcns if (c, *key) in self.points]
        if not latest:
            return None
        period = max(latest, key=lambda p: self.order.get(p, 0))
        anchor = section_anchor(indicator, sex, age, *self.varies.get(indicator_id, (False, False)))
        title = series_title(indicator, sex, age, *self.varies.get(indicator_id, (False, False)))
        at = lambda code: next((p for p in self.points.get((code, *key), ()) if p.period == period), None)  # noqa: E731
        members = lambda codes: tuple(self.member(c, p, anchor) for c in codes if (p := at(c)) is not None)  # noqa: E731
        own = at(within.code) if within.code != self.site.config.benchmark else None
        return Distribution(indicator, title, anchor, anchor, within, period, members(practices), members(pcns), own, at(self.site.config.benchmark))

    def member(self, code: str, point: Point, anchor: str) -> Member:
        pcn = next((a for a in (self.nhs.areas[code].parent if code in self.nhs.areas else "", self.known[code].parent_code) if self.levels.get(a) == "pcn" or (a in self.nhs.areas and self.nhs.areas[a].level == "pcn")), "")
        name = self.known[pcn].name if pcn in self.known else self.nhs.areas[pcn].name if pcn else ""
        return Member(self.known[code], name, point, self.shown.get((code, anchor), ""), anchor)

    def block(self, page: AreaPage, practices_path: str) -> NhsBlock | None:
        code, level = page.area.code, self.levels.get(page.area.code, "")
        practices = len(self.members(code)[0]) if practices_path else 0
        served = self.served.get(code) or self.served.get(page.area.parent_code) if not level else None
        if served is not None:
            own = served.council == code
            pcns = tuple(self.body(c, self._district(c, code)) for c in served.pcns) if own else ()
            return NhsBlock(icbs=tuple(map(self.body, served.icbs)), sub_icb_locations=tuple(map(self.body, served.sub_icb_locations)), pcns=pcns, practices=practices, practices_path=practices_path)
        if not level:
            return None
        council = self.councils.get(code)
        children = self.nhs.children(code) if code in self.nhs.areas else ()
        below = {"icb": "sub_icb", "sub_icb": "pcn"}.get(level, "")
        return NhsBlock(
            part_of=tuple(map(self.body, self._above(code))), serves=self.body(council) if council else None,
            sub_icb_locations=tuple(map(self.body, children)) if below == "sub_icb" else (), pcns=tuple(map(self.body, children)) if below == "pcn" else (),
            practices=practices, practices_path=practices_path, compared=self.compared(page, council) if council else (),
        )

    def _district(self, pcn: str, council: str) -> str:
        """The district a county's PCN serves, where nhs: assigns it one."""
        district = self.councils.get(pcn, council)
        return self.body(district).name if district != council else ""

    def _above(self, code: str) -> tuple[str, ...]:
        if code in self.nhs.areas:
            return self.nhs.ancestors(code)
        parent = self.known[code].parent_code
        return (parent,) if parent in self.levels else ()

    def compared(self, page: AreaPage, council: str) -> tuple[Compared, ...]:
        """Each indicator's latest value beside the council area's in the same period, compared by the 95% interval."""
        made = []
        for chapter in page.chapters:
            for section in chapter.sections:
                latest = section.latest
                if latest is None:
                    continue
                key = (council, section.indicator.id, *dataclasses.astuple(section.breakdown))
                theirs = next((p for p in self.points.get(key, ()) if p.period == latest.period), None)
                made.append(Compared(section, section_path(section, chapter.chapter.slug), theirs, _verdict(section.indicator, latest, theirs)))
        return tuple(made)


def _verdict(indicator: Indicator, point: Point, council: Point | None) -> str:
    """Fingertips' words for a value's 95% interval against the council's value; `Not compared` without both."""
    if council is None or point.status != "used" or indicator.comparison != "confidence interval":
        return "Not compared"
    polarity = indicator.polarity or "no_judgement"
    return str(compare_limits_to_benchmark(np.array([point.lower_95]), np.array([point.upper_95]), np.array([council.value]), polarity)[0])
