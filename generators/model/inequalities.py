"""Breakdowns of one indicator section by category (deprivation deciles, ethnic groups...): each
category's point in one period, compared with the area's value for everyone, the gap between the
ends in words, and for deprivation the slope and relative indices of inequality (stats stage)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from generators.config import slugify
from generators.model.series import Area, Point
from generators.stats.inequalities import DEPRIVATION
from generators.words import area_type_words, format_value


@dataclass(frozen=True)
class Category:
    name: str
    """As Fingertips writes it: `Most deprived decile (IMD2019)`."""
    label: str
    """As a page shows it: `Most deprived decile`."""
    point: Point
    """Its value in the breakdown's period; `verdict` compares it with the area's value for everyone."""


@dataclass(frozen=True)
class Inequality:
    """The slope and relative indices of inequality across deprivation quantiles (PHEindicatormethods `phe_sii`)."""

    sii: float
    sii_lower: float
    sii_upper: float
    rii: float
    rii_lower: float
    rii_upper: float

    @property
    def significant(self) -> bool:
        return self.sii_lower > 0 or self.sii_upper < 0


@dataclass(frozen=True)
class Breakdowns:
    """One category type of one indicator section in one area, in one period."""

    category_type: str
    heading: str
    anchor: str
    period: str
    overall: Point | None
    categories: tuple[Category, ...]
    gap: str
    """One sentence naming the gap in plain English; "" where fewer than two categories have a value."""
    ratio: float
    """The larger end over the smaller (the most and least deprived, or the highest and lowest category): widest gaps first."""
    significant: bool
    """The gap is beyond chance: the SII's interval excludes 0, or the two ends' intervals do not overlap."""
    inequality: Inequality | None = None
    index_words: str = ""
    """What the slope and relative indices say, in a sentence; "" without them."""
    periods: tuple[str, ...] = ()
    """Every period the data has for this breakdown, oldest first (the pages show them all in a table)."""
    history: tuple[tuple[str, tuple[Point | None, ...]], ...] = ()
    """Per category (label, in order): its point in each of `periods`, None where it has none."""

    @property
    def deprivation(self) -> bool:
        return bool(DEPRIVATION.search(self.category_type))


def category_type_words(category_type: str) -> str:
    """`LSOA11 deprivation deciles within area (IMD2019)` -> `Deprivation: tenths of neighbourhoods in the area`."""
    found = DEPRIVATION.search(category_type)
    if not found:
        return category_type.strip() or "Category"
    part = "tenths" if found.group(1).lower() == "deciles" else "fifths"
    before = category_type[: found.start()]
    if re.search(r"lsoa|msoa|neighbourhood", category_type, re.IGNORECASE):
        units = "neighbourhoods"
    else:
        words = area_type_words(before, many=True)
        units = words[:1].lower() + words[1:] if words != before.strip() and words[1:2].islower() else "areas"
    where = "in the area" if "within area" in category_type.lower() else "in England" if "england" in category_type.lower() else ""
    return f"Deprivation: {part} of {units}{' ' + where if where else ''}"


def category_label(name: str) -> str:
    """A category without Fingertips' index vintage: `Most deprived decile (IMD2019)` -> `Most deprived decile`."""
    return re.sub(r"\s*\((IMD|imd)[^)]*\)\s*$", "", name).strip() or name


def make_breakdowns(
    area: Area,
    title: str,
    anchor: str,
    unit: str,
    latest_period: str,
    overall: tuple[Point, ...],
    by_type: dict[str, list[tuple[str, tuple[Point, ...]]]],
    order: dict[tuple[str, str], int],
    period_order: dict[str, Any],
    indices: dict[tuple[str, str], Any],
) -> tuple[Breakdowns, ...]:
    """A section's breakdowns, one per category type, each in its newest period (the section's own where it has it).

    by_type: category type -> [(category, its points, oldest first)]; indices: (category type, period) -> the stats stage's SII result."""
    made = []
    for category_type, unordered in by_type.items():
        categories = sorted(unordered, key=lambda cp: (order.get((category_type, cp[0]), 999), cp[0]))  # the data's order
        periods = [p.period for _, points in categories for p in points]
        period = latest_period if latest_period in periods else max(periods, key=lambda p: period_order.get(p, 0), default="")
        shown = [
            (name, next(p for p in points if p.period == period)) for name, points in categories if any(p.period == period for p in points)
        ]
        if not shown:
            continue
        items = tuple(Category(name, category_label(name), point) for name, point in shown)
        reference = next((p for p in overall if p.period == period), None)
        heading = category_type_words(category_type)
        if sum(category_type_words(t) == heading for t in by_type) > 1:  # two vintages of one kind: IMD2015 and IMD2019
            vintage = re.search(r"IMD\s*\d{4}", category_type)
            heading = f"{heading} ({vintage.group() if vintage else category_type})"
        gap, ratio, apart = _gap(area, title, unit, category_type, items)
        found = indices.get((category_type, period))
        inequality = Inequality(*found) if found is not None else None
        significant = inequality.significant if inequality is not None else apart
        words = _index_words(inequality, unit, part_of(category_type)) if inequality is not None else ""
        every = tuple(sorted(set(periods), key=lambda p: period_order.get(p, 0)))
        history = tuple((category_label(name), tuple(next((p for p in points if p.period == at), None) for at in every)) for name, points in categories)
        made.append(Breakdowns(category_type, heading, f"{anchor}-by-{slugify(heading)}", period, reference, items, gap, ratio, significant, inequality, words, every, history))
    return tuple(sorted(made, key=lambda b: (not b.deprivation, b.heading)))


def _gap(area: Area, title: str, unit: str, category_type: str, items: tuple[Category, ...]) -> tuple[str, float, bool]:
    """The sentence, the ratio of the larger end to the smaller, and whether the ends' 95% intervals are apart."""
    valued = [c for c in items if not math.isnan(c.point.value)]
    if len(valued) < 2:
        return "", math.nan, False
    name = title[:1].lower() + title[1:] if title[1:2].islower() else title
    f = lambda c: format_value(c.point.value, unit)  # noqa: E731
    if DEPRIVATION.search(category_type):
        most, least = valued[0], valued[-1]
        part = part_of(category_type)
        units = "neighbourhoods" if re.search(r"lsoa|msoa", category_type, re.IGNORECASE) else "areas"
        high, low, high_words, low_words = (most, least, "most", "least") if most.point.value >= least.point.value else (least, most, "least", "most")
        ratio = _ratio(high.point.value, low.point.value)
        if ratio < 1.05:
            text = f"In {area.name}, {name} is about the same in the most deprived {part} of {units} ({f(most)}) as in the least deprived ({f(least)})."
        else:
            times = f"{ratio:,.1f} times that" if math.isfinite(ratio) else "above that"
            text = f"In {area.name}, {name} in the {high_words} deprived {part} of {units} ({f(high)}) is {times} in the {low_words} deprived ({f(low)})."
    else:
        high = max(valued, key=lambda c: c.point.value)
        low = min(valued, key=lambda c: c.point.value)
        ratio = _ratio(high.point.value, low.point.value)
        times = f": {ratio:,.1f} times as high" if math.isfinite(ratio) else ""
        kind = category_type_words(category_type).lower()
        text = f"In {area.name}, by {kind}, {name} is highest for {high.label} ({f(high)}) and lowest for {low.label} ({f(low)}){times}."
    return text, ratio, _apart(high.point, low.point)


def part_of(category_type: str) -> str:
    return "tenth" if "decile" in category_type.lower() else "fifth"


def _index_words(found: Inequality, unit: str, part: str) -> str:
    """`Slope index of inequality -15.1 percentage points (95% confidence interval ...)`, and what it means."""
    points = "percentage points" if unit == "%" else unit
    n = lambda x: f"{x:,.1f}"  # noqa: E731
    way = "falls" if found.sii < 0 else "rises"
    sii = f"{n(found.sii)}{' ' + points if points else ''}"
    text = (
        f"Slope index of inequality: {sii} (95% confidence interval {n(found.sii_lower)} to {n(found.sii_upper)}); "
        f"relative index of inequality: {found.rii:,.2f} ({found.rii_lower:,.2f} to {found.rii_upper:,.2f}). "
        f"Allowing for how many people live in each {part}, the value {way} by {n(abs(found.sii))}{' ' + points if points else ''} "
        f"from the most deprived end of the population to the least deprived, where it is {found.rii:,.2f} times the most deprived end's."
    )
    if not found.significant:
        text += " The slope is not significant: its interval includes zero."
    return text


def _ratio(high: float, low: float) -> float:
    return high / low if low > 0 else math.inf


def _apart(a: Point, b: Point) -> bool:
    if any(math.isnan(x) for x in (a.lower_95, a.upper_95, b.lower_95, b.upper_95)):
        return False
    return a.lower_95 > b.upper_95 or b.lower_95 > a.upper_95
