"""The pieces every page model is made of: areas, points (one period) and sections (one
indicator series for one breakdown in one area, with the benchmark's and parent's points)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from generators.columns import POINT_COLUMNS, SERIES, Breakdown
from generators.config import Config, slugify
from generators.errors import DataError
from generators.load.metadata import Indicator

if TYPE_CHECKING:
    from generators.model.inequalities import Breakdowns


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    type: str
    slug: str
    parent_code: str = ""
    parent_name: str = ""


@dataclass(frozen=True)
class Point:
    """One period of a series: the value, its limits, count and denominator, and notes."""

    period: str
    value: float
    lower_95: float
    upper_95: float
    lower_998: float
    upper_998: float
    count: float
    denominator: float
    note: str
    status: str
    verdict: str
    trend: str = ""
    trend_source: str = ""
    """"recomputed", "fingertips" (the export's own, where the data here cannot support the test) or ""."""


@dataclass(frozen=True)
class Section:
    """One indicator (for one breakdown) in one area: the unit of every page."""

    indicator: Indicator
    title: str
    anchor: str
    breakdown: Breakdown
    area: Area
    points: tuple[Point, ...]
    benchmark: tuple[Point, ...]
    parent: tuple[Point, ...]
    years_old: int = 0
    """How many years old the latest figure is, where that is more than `old_after_years`; else 0."""
    breakdowns: tuple[Breakdowns, ...] = ()
    """The same indicator, sex and age by category (deprivation deciles, ethnic groups...), one per category type."""
    comparators: tuple[tuple[Area, tuple[Point, ...]], ...] = ()
    """The configuration's comparators (similar areas) with their points for the same series, where the data has them."""

    @property
    def sex(self) -> str:
        return self.breakdown.sex

    @property
    def age(self) -> str:
        return self.breakdown.age

    @property
    def latest(self) -> Point | None:
        with_value = [p for p in self.points if not math.isnan(p.value)]
        return with_value[-1] if with_value else (self.points[-1] if self.points else None)

    def benchmark_at(self, period: str) -> Point | None:
        return next((p for p in self.benchmark if p.period == period), None)

    def parent_at(self, period: str) -> Point | None:
        return next((p for p in self.parent if p.period == period), None)

    def comparators_at(self, period: str) -> tuple[tuple[Area, Point], ...]:
        """Each comparator's point in `period`, where it has one."""
        found = ((area, next((p for p in points if p.period == period), None)) for area, points in self.comparators)
        return tuple((area, point) for area, point in found if point is not None)


def choose_areas(known: dict[str, Area], config: Config) -> tuple[Area, ...]:
    """The areas to publish, from every area in the data: those named, those of the named types, or all but the benchmark."""
    if config.areas:
        unknown = [c for c in config.areas if c not in known]
        if unknown:
            raise DataError("unknown-area", f"expected area codes found in the data, found \"{unknown[0]}\" which no input row has", config.place("areas"))
        chosen = [known[c] for c in config.areas]
    elif config.area_types:
        chosen = [a for a in known.values() if a.type in config.area_types]
        if not chosen:
            raise DataError("unknown-area-type", f"expected area types found in the data, such as \"{_types(known)}\"", config.place("area_types"))
    else:
        chosen = [a for a in known.values() if a.code != config.benchmark]
    return tuple(sorted(chosen, key=lambda a: (a.type, a.name, a.code)))


def _types(known: dict[str, Area]) -> str:
    return "\", \"".join(sorted({a.type for a in known.values()})[:5])


def all_areas(table: pd.DataFrame) -> dict[str, Area]:
    """Every area in the data, with a readable address unique among them."""
    firsts = table.sort_values(["area_code", "period_sortable"]).drop_duplicates("area_code", keep="last")
    slugs: dict[str, str] = {}
    areas = {}
    for row in firsts.itertuples():
        name = re.sub(rf"\s*\({re.escape(row.area_code)}\)$", "", row.area_name) or row.area_code  # GP names often carry the code
        slug = slugify(name)
        slug = slugify(row.area_code) if slug == "page" else slug
        slug = slug if slug not in slugs else f"{slug}-{slugify(row.area_code)}"
        slugs[slug] = row.area_code
        areas[row.area_code] = Area(row.area_code, name, row.area_type, slug, row.parent_code, row.parent_name)
    return areas


def group_points(table: pd.DataFrame) -> dict[tuple[str, ...], tuple[Point, ...]]:
    """Every series (area, indicator, breakdown) as points, oldest period first: one sort, one pass."""
    ordered = table.sort_values(["area_code", *SERIES, "period_sortable", "period"], kind="stable")
    keys = list(zip(*(ordered[c].tolist() for c in ["area_code", *SERIES])))
    rows = list(zip(*(ordered[c].tolist() for c in POINT_COLUMNS)))
    series: dict[tuple[str, ...], list[Point]] = {}
    for key, values in zip(keys, rows):
        series.setdefault(key, []).append(Point(*values))
    return {key: tuple(points) for key, points in series.items()}


_YEAR = re.compile(r"(?:19|20)\d\d")


def period_end_year(period: str) -> int | None:
    """The year a period ends in: `2022` -> 2022, `2022/23` -> 2023, `2020 - 22` -> 2022,
    `2020/21 - 22/23` -> 2023, `Apr 2022 to Mar 2023` -> 2023; None without a year."""
    first = _YEAR.search(period)
    if first is None:
        return None
    start = int(first.group())
    last = re.findall(r"\d{2,4}", period[first.end():])
    if not last:
        return start
    end = int(last[-1])
    if end < 100:
        end += start - start % 100 + (100 if end < start % 100 else 0)
    return end if start <= end <= start + 10 else start


def series_title(indicator: Indicator, sex: str, age: str, vary_sex: bool, vary_age: bool) -> str:
    """The section heading: the indicator name, with sex and age where the indicator has several."""
    name = indicator.short_name or indicator.name
    extra = [x for x, varies in ((sex, vary_sex), (age, vary_age)) if varies and x]
    return f"{name} ({', '.join(extra)})" if extra else name


def section_anchor(indicator: Indicator, sex: str, age: str, vary_sex: bool, vary_age: bool) -> str:
    base = indicator.slug or slugify(indicator.short_name or indicator.name)
    extra = [slugify(x) for x, varies in ((sex, vary_sex), (age, vary_age)) if varies and x]
    return "-".join([base, *extra])


def varying(table: pd.DataFrame) -> dict[str, tuple[bool, bool]]:
    """Per indicator: does it have several sexes, several ages?"""
    counts = table[table["category_type"] == ""].groupby("indicator_id")[["sex", "age"]].nunique()
    return {str(i): (bool(r.sex > 1), bool(r.age > 1)) for i, r in counts.iterrows()}


def series_order(series: tuple[str, ...]) -> tuple[str, tuple[int, str, str, str]]:
    """Per indicator: Persons first, then Female, Male; ages and categories in the data's order."""
    indicator_id, *breakdown = series
    return (indicator_id, Breakdown(*breakdown).order())
