"""Write the demonstration dataset: real West Sussex area codes and names, made-up values.

    python -m generators.demo [--out data/demo]

Deterministic (numpy ``default_rng`` seeded per indicator), no network: every run writes the
same bytes. Output is in the newer 27-column Fingertips download format, one CSV per chapter,
with indicator metadata, population estimates and a hand-laid HexJSON beside it.
Limits: Wilson score for proportions, Byar's for rates (and DSRs, scaled as in Dobson's
method with one weight), value +/- z*SE for life expectancy.

Some indicators have breakdowns (`BREAKDOWNS`): series by sex and by broad age band in every
period, and, in the latest period, rows by deprivation decile within the area and by ethnic
group, spelt as Fingertips spells them (Category Type and Category filled, not compared).

Two indicators are not in the exports but in local-counts.csv (`COMPUTED`): deaths and population
by age band, from which the build computes an all-cause directly standardised rate and life
expectancy at birth itself (`local_counts:` in jsna.yml, generators/stats/counts.py).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import numpy as np
import yaml

SEED = 20240501
Z95, Z998 = 1.959964, 3.090232
SOURCE = "Office for Health Improvement and Disparities (OHID), Fingertips"
CHAPTERS = ("Population", "Starting well", "Living well", "Ageing well", "Wider determinants")
COLUMNS = [  # the newer 27-column Fingertips download
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "AreaName",
    "Area Type", "Sex", "Age", "Category Type", "Category", "Time period", "Value",
    "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit",
    "Count", "Denominator", "Value note", "Recent Trend",
    "Compared to England value or percentiles", "Compared to Region value or percentiles",
    "Time period Sortable", "New data", "Compared to goal", "Time period range"
]
SUPPRESSED = "Value suppressed for disclosure control due to small count"
NOT_AVAILABLE = "Data not available"


class Area(NamedTuple):
    code: str
    name: str
    type: str
    parent: str  # parent area code ("" for England)
    risk: float  # made up: above 0 is less healthy than England
    population: int  # made-up 2023 total
    age_tilt: float  # made up: above 0 is older than England


DISTRICTS = "Districts & UAs (from Apr 2023)"
AREAS = (
    Area("E92000001", "England", "England", "", 0.0, 57_100_000, 0.0),
    Area("E12000008", "South East region", "Regions (statistical)", "E92000001", -0.3, 9_380_000, 0.08),
    Area("E10000032", "West Sussex", "Counties & UAs (from Apr 2023)", "E12000008", -0.2, 0, 0.0),
    Area("E07000223", "Adur", DISTRICTS, "E10000032", 0.5, 64_800, 0.2),
    Area("E07000224", "Arun", DISTRICTS, "E10000032", 0.4, 166_000, 0.4),
    Area("E07000225", "Chichester", DISTRICTS, "E10000032", -0.5, 126_000, 0.4),
    Area("E07000226", "Crawley", DISTRICTS, "E10000032", 0.7, 119_000, -0.15),
    Area("E07000227", "Horsham", DISTRICTS, "E10000032", -0.8, 148_000, 0.2),
    Area("E07000228", "Mid Sussex", DISTRICTS, "E10000032", -0.9, 154_000, 0.1),
    Area("E07000229", "Worthing", DISTRICTS, "E10000032", 0.3, 112_000, 0.2),
)
NAMES = {a.code: a.name for a in AREAS}
HEXES = {  # odd-r, r grows northwards as in the ODI Leeds hexmaps
    "E07000225": (0, 1), "E07000227": (1, 1), "E07000228": (2, 1), "E07000226": (2, 2),
    "E07000224": (1, 0), "E07000229": (2, 0), "E07000223": (3, 0),
}


@dataclass(frozen=True)
class Spec:
    id: int
    name: str
    short: str
    chapter: int  # index into CHAPTERS
    kind: str  # value type
    unit: str
    polarity: str | None
    age: str
    periods: str  # "fy", "cy", "3cy", "3fy" or "one"
    base: float  # England value in the first period
    trend: float  # England change per period (log scale; years for life expectancy)
    share: float  # denominator as a share of the population
    definition: str
    released: str
    sexes: bool = False


P, CR, DSR, LE = "proportion", "crude rate", "directly standardised rate", "life expectancy"
LOW, HIGH, NJ = "low_is_good", "high_is_good", "no_judgement"
PER1K, PER100K = "per 1,000", "per 100,000"
SPECS = (
    Spec(92266, "General fertility rate in females",
         "General fertility rate", 0, CR, PER1K, NJ, "15-44 yrs", "cy", 61.0, -0.02, 0.18,
         "Live births per 1,000 females aged 15 to 44 years.", "2024-04-24"),
    Spec(352, "People with caring responsibility aged 16 years and over",
         "Carers", 0, P, "%", None, "16+ yrs", "cy", 17.0, 0.01, 0.01,
         "Percentage of GP Patient Survey respondents aged 16+ who care for others.", "2024-10-31"),
    Spec(90366, "Life expectancy at birth",
         "Life expectancy", 0, LE, "years", HIGH, "All ages", "3cy", 81.2, 0.05, 1.0,
         "Average years a newborn would live at current age-specific mortality rates.", "2024-12-03", True),
    Spec(108, "Mortality rate for all causes aged 74 and under",
         "Under 75 mortality", 0, DSR, PER100K, LOW, "<75 yrs", "3cy", 335.0, 0.01, 0.9,
         "Age-standardised rate of deaths from all causes in people aged under 75 per 100,000.", "2024-10-07"),
    Spec(20401, "Conception rate in females aged 17 years and under",
         "Under 18 conceptions", 1, CR, PER1K, LOW, "<18 yrs", "cy", 17.0, -0.06, 0.016,
         "Conceptions in women aged under 18 per 1,000 females aged 15 to 17.", "2024-04-30"),
    Spec(93085, "Smokers at time of childbirth delivery",
         "Smoking at delivery", 1, P, "%", LOW, "All ages", "fy", 10.8, -0.04, 0.01,
         "Percentage of maternities where the mother is a known smoker at the time of delivery.", "2024-10-24"),
    Spec(92033, "Obesity prevalence including severe obesity in Year 6",
         "Year 6 obesity", 1, P, "%", LOW, "10-11 yrs", "fy", 20.1, 0.025, 0.012,
         "Percentage of children in Year 6 classified as living with obesity or severe obesity.", "2024-10-10"),
    Spec(92904, "Hospital admission episodes for alcohol-specific conditions aged 17 and under",
         "Under 18 alcohol admissions", 1, CR, PER100K, LOW, "<18 yrs", "3fy", 32.0, -0.05, 0.6,
         "Admission episodes for alcohol-specific conditions in under 18s per 100,000.", "2025-01-15"),
    Spec(92443, "Smoking Prevalence in adults (18+) - current smokers (APS)",
         "Adult smoking", 2, P, "%", LOW, "18+ yrs", "cy", 15.1, -0.05, 0.006,
         "Percentage of adults aged 18+ who currently smoke (Annual Population Survey).", "2024-12-03", True),
    Spec(93088, "Overweight prevalence (including obesity) in adults aged 18 years and over",
         "Adult overweight", 2, P, "%", LOW, "18+ yrs", "fy", 62.3, 0.006, 0.007,
         "Percentage of adults aged 18 and over classified as overweight or obese.", "2024-04-25"),
    Spec(93015, "Physically inactive in adults aged 19 years and over",
         "Physical inactivity", 2, P, "%", LOW, "19+ yrs", "fy", 21.4, 0.01, 0.007,
         "Percentage of adults aged 19+ doing under 30 minutes of moderate activity a week.", "2024-04-25"),
    Spec(241, "Diabetes prevalence aged 17 years and over (Quality and Outcomes Framework)",
         "Diabetes prevalence", 2, P, "%", NJ, "17+ yrs", "fy", 6.9, 0.025, 0.8,
         "Percentage of GP registered patients aged 17 and over with diagnosed diabetes.", "2024-10-29"),
    Spec(93763, "Alcohol-related mortality",
         "Alcohol-related deaths", 2, DSR, PER100K, LOW, "All ages", "cy", 37.0, 0.03, 1.0,
         "Age-standardised rate of deaths from alcohol-related conditions per 100,000.", "2025-01-16"),
    Spec(91102, "Life expectancy aged 65",
         "Life expectancy at 65", 3, LE, "years", HIGH, "65", "3cy", 19.8, 0.03, 0.2,
         "Average further years a person aged 65 would live at current mortality rates.", "2025-01-09", True),
    Spec(22401, "Emergency hospital admissions due to falls aged 65 years and over",
         "Falls admissions 65+", 3, DSR, PER100K, LOW, "65+ yrs", "fy", 2100.0, -0.01, 0.2,
         "Age-standardised emergency admissions for falls injuries aged 65+ per 100,000.", "2025-01-09"),
    Spec(247, "Dementia prevalence (Quality and Outcomes Framework)",
         "Dementia prevalence", 3, P, "%", NJ, "All ages", "fy", 0.72, 0.01, 0.9,
         "Percentage of GP registered patients with a recorded diagnosis of dementia.", "2024-09-24"),
    Spec(91894, "Deaths in hospital for people with dementia aged 65 years and over",
         "Dementia deaths in hospital", 3, P, "%", NJ, "65+ yrs", "cy", 31.0, -0.03, 0.0015,
         "Percentage of deaths of people aged 65 and over with dementia that occurred in hospital.", "2024-11-06"),
    Spec(93701, "Children in absolute low income families aged 15 years and under",
         "Children in low income families", 4, P, "%", LOW, "<16 yrs", "fy", 15.3, 0.02, 0.18,
         "Percentage of children aged under 16 living in absolute low income families.", "2024-04-29"),
    Spec(94063, "Breast screening coverage aged 53 to 70 years",
         "Breast screening coverage", 4, P, "%", HIGH, "53-70 yrs", "cy", 74.9, -0.01, 0.12,
         "Percentage of eligible women aged 53 to 70 screened in the last 36 months.", "2024-11-26"),
    Spec(93759, "Fuel poverty (low income, low energy efficiency methodology)",
         "Fuel poverty", 4, P, "%", LOW, "Not applicable", "cy", 13.2, -0.01, 0.43,
         "Percentage of households with low income living in a home with low energy efficiency.", "2024-04-30"),
    Spec(93861, "Particulate air pollution attributable mortality (new method)",
         "Air pollution mortality", 4, P, "%", NJ, "30+ yrs", "one", 5.8, 0.0, 0.0,
         "Fraction of adult mortality attributable to particulate air pollution (PM2.5).", "2025-01-14"),
)
SEXES = {"Persons": (1.0, 0.0, 1.0), "Male": (0.49, -1.9, 1.2), "Female": (0.51, 1.8, 0.8)}
MISSING = {(92904, "E07000223", "2017/18 - 19/20"): SUPPRESSED,
           (93088, "E07000229", "2020/21"): NOT_AVAILABLE}


def period_labels(kind: str) -> list[tuple[str, int, str]]:
    """(label, sortable, range) of each period of a kind, oldest first."""
    if kind == "one":
        return [("2022", 20220000, "1y")]
    first = 2015 if kind.startswith("3") else 2017
    label = {
        "cy": lambda y: f"{y}",
        "fy": lambda y: f"{y}/{(y + 1) % 100:02d}",
        "3cy": lambda y: f"{y} - {(y + 2) % 100:02d}",
        "3fy": lambda y: f"{y}/{(y + 1) % 100:02d} - {(y + 2) % 100:02d}/{(y + 3) % 100:02d}",
    }[kind]
    size = "3y" if kind.startswith("3") else "1y"
    return [(label(y), y * 10000, size) for y in range(first, first + 6)]


def wilson(x: float, n: float, z: float) -> tuple[float, float]:
    """Wilson score limits of the proportion x/n (Wilson 1927), as fractions."""
    centre, spread = 2 * x + z * z, z * np.sqrt(z * z + 4 * x * (1 - x / n))
    return (centre - spread) / (2 * (n + z * z)), (centre + spread) / (2 * (n + z * z))


def byars(x: float, z: float) -> tuple[float, float]:
    """Byar's approximate Poisson limits of a count x (Breslow and Day 1987)."""
    lower = x * (1 - 1 / (9 * x) - z / (3 * np.sqrt(x))) ** 3 if x > 0 else 0.0
    return lower, (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * np.sqrt(x + 1))) ** 3


def population_of(area: Area, step: int) -> float:
    """Made-up total population of an area `step` years after 2017 (2023 is step 6)."""
    total = area.population or sum(a.population for a in AREAS if a.parent == area.code)
    return total * (1 + 0.006 * (step - 6))


def true_value(spec: Spec, level: float, drift: float, step: int, sex: str,
               multiplier: float | None = None, years: float = 0.0) -> float:
    """The made-up underlying value, in the indicator's unit. `multiplier` replaces the sex's
    (on rates, or on the odds of proportions) and `years` is added to a life expectancy: how a
    breakdown differs from the whole."""
    ratio = SEXES[sex][2] if multiplier is None else multiplier
    if spec.kind == LE:  # sex and area gaps shrink with the years left to live
        gap = (SEXES[sex][1] - 1.8 * level) * spec.base / 80
        return spec.base + gap + (spec.trend + 5 * drift) * step + years
    shift = (-0.15 if spec.polarity == HIGH else 0.15) * level + (spec.trend + drift) * step
    if spec.kind != P:  # rates move on the log scale, proportions on the logit scale
        return spec.base * ratio * float(np.exp(shift))
    odds = spec.base / (100 - spec.base) * ratio * np.exp(shift)
    return float(100 * odds / (1 + odds))


def measure(spec: Spec, truth: float, pop: float, rng: np.random.Generator) -> dict:
    """Value, limits (95% then 99.8%), count and denominator as a data source would give them."""
    if spec.kind == LE:
        se = 80 / np.sqrt(pop * spec.share)
        value = truth + rng.normal(0, se)
        return {"value": value, "limits": [value + z * se for z in (-Z95, Z95, -Z998, Z998)]}
    if spec.share == 0:
        return {"value": truth + rng.normal(0, 0.2), "limits": []}
    scale = 100 if spec.kind == P else (1000 if spec.unit == PER1K else 100_000)
    n = round(pop * spec.share * (3 if spec.periods.startswith("3") else 1))
    x = int(rng.binomial(n, min(truth / scale, 0.95)))
    pairs = [wilson(x, n, z) if spec.kind == P else np.divide(byars(x, z), n) for z in (Z95, Z998)]
    limits = [float(v) * scale for pair in pairs for v in pair]
    return {"value": x / n * scale, "count": x, "denominator": n, "limits": limits}


def verdict(made: dict, benchmark: dict | None, polarity: str | None) -> str:
    """Fingertips' comparison: does the 95% interval lie wholly above or below the benchmark?"""
    if benchmark is None or not made["limits"]:
        return "Not compared"
    lower, upper = made["limits"][:2]
    side = "Higher" if lower > benchmark["value"] else "Lower" if upper < benchmark["value"] else "Similar"
    if side == "Similar" or polarity in (NJ, None):
        return side
    return "Better" if (side == "Higher") == (polarity == HIGH) else "Worse"


def number(x: float | None) -> str:
    """A plain decimal with at most six significant digits, as in Fingertips exports."""
    if x is None or isinstance(x, int):
        return "" if x is None else str(x)
    return format(Decimal(f"{x:.6g}"), "f")


def measure_areas(spec: Spec, step: int, sex: str, rng: np.random.Generator,
                  multiplier: float | None = None, share: float = 1.0) -> dict[str, dict]:
    """One period and sex (or age band: `multiplier` and its `share` of the people) of an
    indicator, for every area."""
    effects = area_effects(spec)
    return {a.code: measure(spec, true_value(spec, *effects[a.code], step, sex, multiplier),
                            people(spec, a, step, sex) * share, rng) for a in AREAS}


def people(spec: Spec, area: Area, step: int, sex: str) -> float:
    """The made-up population of an area and sex in the period `step` of an indicator."""
    years = step - 1 if spec.periods.startswith("3") else step  # 3-year periods start in 2015
    return population_of(area, years) * SEXES[sex][0]


def area_effects(spec: Spec) -> dict[str, tuple[float, float]]:
    """Per area, its level (made-up risk plus noise) and its drift, so trends differ."""
    rng = np.random.default_rng([SEED, spec.id, 0])
    return {a.code: (a.risk + rng.normal(0, 0.4), rng.normal(0, 0.025)) if a.parent else (0.0, 0.0)
            for a in AREAS}


def export_row(spec: Spec, area: Area, period: tuple, sex: str, made: dict[str, dict],
               age: str | None = None) -> list[str]:
    """One row of the 27-column export (for the indicator's own age unless `age` is given)."""
    this, note = made[area.code], None if age else MISSING.get((spec.id, area.code, period[0]))
    if note:
        this = {"limits": [], "denominator": this["denominator"] if note == SUPPRESSED else None}
    england = None if area.code == "E92000001" else made["E92000001"]
    region = made["E12000008"] if area.type in (DISTRICTS, "Counties & UAs (from Apr 2023)") else None
    return [str(spec.id), spec.name, area.parent, NAMES.get(area.parent, ""), area.code, area.name,
            area.type, sex, age or spec.age, "", "", period[0], number(this.get("value")),
            *[number(v) for v in this["limits"] or [None] * 4],
            number(this.get("count")), number(this.get("denominator")), note or "", "",
            verdict(this, england, spec.polarity), verdict(this, region, spec.polarity),
            str(period[1]), "", "", period[2]]


def category_row(spec: Spec, area: Area, period: tuple, sex: str, category: tuple[str, str],
                 this: dict) -> list[str]:
    """One row of a category (a deprivation decile, an ethnic group): Fingertips leaves its
    comparisons with England and the region "Not compared" and gives no trend."""
    return [str(spec.id), spec.name, area.parent, NAMES.get(area.parent, ""), area.code, area.name,
            area.type, sex, spec.age, *category, period[0], number(this.get("value")),
            *[number(v) for v in this["limits"]],
            number(this.get("count")), number(this.get("denominator")), "", "",
            "Not compared", "Not compared", str(period[1]), "", "", period[2]]


def indicator_rows(spec: Spec) -> list[list[str]]:
    """Every export row of one indicator: by period, then sex, then area (England first); then
    the period's other breakdowns: sexes and age bands, and in the latest period, categories."""
    rng, rows = np.random.default_rng([SEED, spec.id, 1]), []
    more = BREAKDOWNS.get(spec.id, Breakdowns())
    extra = np.random.default_rng([SEED, spec.id, 2])  # apart, so the rows above never change
    periods = period_labels(spec.periods)
    for step, period in enumerate(periods):
        for sex in ("Persons", "Male", "Female") if spec.sexes else ("Persons",):
            made = measure_areas(spec, step, sex, rng)
            rows += [export_row(spec, area, period, sex, made) for area in AREAS]
        for sex, ratio in more.sexes.items():
            made = measure_areas(spec, step, sex, extra, ratio)
            rows += [export_row(spec, area, period, sex, made) for area in AREAS]
        for age, (ratio, share) in more.ages.items():
            made = measure_areas(spec, step, "Persons", extra, ratio, share)
            rows += [export_row(spec, area, period, "Persons", made, age) for area in AREAS]
    if more.deciles or more.ethnic:
        rows += category_rows(spec, more, len(periods) - 1, periods[-1])
    return rows


DECILES_WITHIN_AREA = "LSOA11 deprivation deciles within area (IMD  trend)"
"""As Fingertips writes it (two spaces before "trend"), with the deciles in its order."""
DECILES = ("Most deprived decile", "Second most deprived decile", "Third more deprived decile",
           "Fourth more deprived decile", "Fifth more deprived decile", "Fifth less deprived decile",
           "Fourth less deprived decile", "Third less deprived decile",
           "Second least deprived decile", "Least deprived decile")
ETHNIC_GROUPS = "Ethnic groups"
ETHNIC_SHARES = {"White British": None, "White Other": 0.29, "Asian": 0.33, "Black": 0.16,
                 "Chinese": 0.03, "Mixed": 0.11, "Other": 0.08}
"""Fingertips' groups, in its order: of the people who are not White British, the made-up share
in each group (White British is the rest)."""
DIVERSITY = {"E92000001": 0.265, "E12000008": 0.165, "E10000032": 0.16}
"""Made-up share of people who are not White British, where ethnic groups are given: only where
there are enough people in the smallest groups for a value (no district)."""
UPPER = ("E92000001", "E12000008", "E10000032")
"""England, the region and the county: where small groups are big enough to give a value."""


@dataclass(frozen=True)
class Breakdowns:
    """An indicator's made-up breakdowns besides its rows for everyone.

    sexes: Male and Female series (every period) it did not have, each with its multiplier of
        the rate (or of the odds of a proportion);
    ages: broad age bands (Persons, every period): multiplier and share of the people;
    deciles: per sex, the gap between the most and least deprived deciles within each area in
        England: a ratio of rates (or odds), or years of life expectancy;
    ethnic: per ethnic group, the multiplier of the rate (or odds);
    areas: where the deciles are given (ethnic groups: England, the region and the county); tilt: how much larger (above 0) or smaller the most
        deprived decile's population is than the least deprived's (children, older people).
    """

    sexes: dict[str, float] = field(default_factory=dict)
    ages: dict[str, tuple[float, float]] = field(default_factory=dict)
    deciles: dict[str, float] = field(default_factory=dict)
    ethnic: dict[str, float] = field(default_factory=dict)
    areas: tuple[str, ...] = tuple(a.code for a in AREAS)
    tilt: float = 0.0


BREAKDOWNS = {
    90366: Breakdowns(deciles={"Persons": 8.6, "Male": 9.6, "Female": 7.7}),  # life expectancy
    108: Breakdowns(deciles={"Persons": 2.9}),  # under 75 mortality
    92033: Breakdowns(sexes={"Male": 1.2, "Female": 0.8}, deciles={"Persons": 2.8}, tilt=0.3,
                      ethnic={"White British": 0.92, "White Other": 1.0, "Asian": 1.3, "Black": 1.75,
                              "Chinese": 0.8, "Mixed": 1.1, "Other": 1.35}),  # Year 6 obesity
    92443: Breakdowns(deciles={"Persons": 4.0}, areas=UPPER),  # adult smoking
    22401: Breakdowns(sexes={"Male": 0.82, "Female": 1.15}, deciles={"Persons": 1.45}, tilt=-0.3,
                      ages={"65-79 yrs": (0.51, 0.72), "80+ yrs": (2.4, 0.28)}, areas=UPPER),
}
"""Adult smoking's deciles stop at the county (its survey's few respondents per district would
leave some deciles with no smokers at all), as do falls' (a district's few admissions per decile
would hide the gradient). Ethnic groups: Year 6 obesity only, and not for districts."""


def category_rows(spec: Spec, more: Breakdowns, step: int, period: tuple) -> list[list[str]]:
    """The rows of the latest period by deprivation decile within the area and by ethnic group:
    per area (England first), sex, category type, category."""
    rng = np.random.default_rng([SEED, spec.id, 3])
    effects, rows = area_effects(spec), []
    for area in AREAS:
        width = 1.0 if area.code == "E92000001" else 0.9 if area.code in UPPER else \
            0.75 * float(np.exp(rng.normal(0, 0.12)))  # England holds the widest range of places
        shares = decile_shares(more.tilt, rng)
        groups = ethnic_shares(area.code) if more.ethnic and area.code in DIVERSITY else {}
        deciles = more.deciles if area.code in more.areas else {}
        for sex in [s for s in ("Persons", "Male", "Female") if s in deciles or
                    (s == "Persons" and groups)]:
            pop = people(spec, area, step, sex)
            made = []
            if sex in deciles:
                gaps = decile_gaps(spec, more.deciles[sex] ** width if spec.kind != LE
                                   else more.deciles[sex] * width)
                made += [((DECILES_WITHIN_AREA, name), gap, share)
                         for name, gap, share in zip(DECILES, gaps, shares)]
            if sex == "Persons":
                made += [((ETHNIC_GROUPS, name), more.ethnic[name], share)
                         for name, share in groups.items()]
            for category, effect, share in made:  # years added to a life expectancy, else a multiplier
                if spec.kind == LE:
                    truth = true_value(spec, *effects[area.code], step, sex, years=effect)
                else:
                    truth = true_value(spec, *effects[area.code], step, sex, SEXES[sex][2] * effect)
                this = measure(spec, truth, pop * share, rng)
                if spec.kind == LE:  # the people each value is about: what an SII weights by
                    this["denominator"] = round(pop * share * spec.share)
                rows.append(category_row(spec, area, period, sex, category, this))
    return rows


def decile_gaps(spec: Spec, gap: float) -> list[float]:
    """Each decile's difference from the area's value (most deprived first): `gap` between the
    ends, steepest at the most deprived end. Years for life expectancy, else multipliers."""
    shape = (1 - np.arange(10) / 9) ** 1.4
    shape = shape - shape.mean()
    if spec.kind == LE:
        return [float(-gap * s) for s in shape]
    return [float(gap ** s) for s in shape]


def decile_shares(tilt: float, rng: np.random.Generator) -> list[float]:
    """Each decile's share of the area's people: about a tenth (deciles of neighbourhoods), more
    in the most deprived with a positive tilt, with some made-up scatter."""
    sizes = (1 + tilt * (0.5 - np.arange(10) / 9)) * np.exp(rng.normal(0, 0.05, 10))
    return [float(s) for s in sizes / sizes.sum()]


def ethnic_shares(code: str) -> dict[str, float]:
    """Each ethnic group's share of an area's people."""
    others = DIVERSITY[code]
    return {name: 1 - others if share is None else others * share for name, share in ETHNIC_SHARES.items()}


def write_chapters(out: Path) -> dict[str, int]:
    """One CSV per chapter, e.g. fingertips/living-well.csv; returns rows per file."""
    counts = {}
    for number_, chapter in enumerate(CHAPTERS):
        path = out / "fingertips" / f"{chapter.lower().replace(' ', '-')}.csv"
        rows = [row for spec in SPECS if spec.chapter == number_ for row in indicator_rows(spec)]
        write_csv(path, [COLUMNS, *rows], as_fingertips=True)
        counts[f"fingertips/{path.name}"] = len(rows)
    return counts


def write_csv(path: Path, rows: list, as_fingertips: bool) -> None:
    """Plain CSV, or as Fingertips writes it: UTF-8 BOM, every field quoted, CRLF endings."""
    path.parent.mkdir(parents=True, exist_ok=True)
    encoding, end = ("utf-8-sig", "\r\n") if as_fingertips else ("utf-8", "\n")
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL, lineterminator=end) if as_fingertips else \
            csv.writer(file, lineterminator=end)
        writer.writerows(rows)


AGE_BANDS = [f"{a}-{a + 4}" for a in range(0, 90, 5)] + ["90+"]
ENGLAND_SHAPE = np.array([5.4, 5.9, 6.0, 5.7, 6.0, 6.7, 6.9, 6.7, 6.3, 6.3, 6.9, 6.7, 5.8, 5.0,
                          5.0, 3.6, 2.4, 1.5, 0.8])  # % of people in each band, roughly England's


def age_sex_counts(area: Area, year: int) -> dict[tuple[str, str], int]:
    """Made-up population by (sex, age band): England's shape tilted older or younger."""
    if area.population == 0:  # the county is the sum of its districts
        parts = [age_sex_counts(a, year) for a in AREAS if a.parent == area.code]
        return {key: sum(part[key] for part in parts) for key in parts[0]}
    tilt = area.age_tilt - 0.03 * (2023 - year)
    shape = ENGLAND_SHAPE * np.exp(tilt * (np.arange(19) - 9) / 9)
    people = shape / shape.sum() * population_of(area, year - 2017)
    male = 0.51 - 0.17 * np.clip((np.arange(19) - 12) / 6, 0, 1)
    return {(sex, band): round(people[i] * (male[i] if sex == "Male" else 1 - male[i]))
            for sex in ("Male", "Female") for i, band in enumerate(AGE_BANDS)}


def write_population(out: Path) -> int:
    """population.csv: area_code, period, sex, age_band, population."""
    rows = [[a.code, year, sex, band, n] for a in AREAS for year in (2018, 2023)
            for (sex, band), n in age_sex_counts(a, year).items()]
    header = ["area_code", "period", "sex", "age_band", "population"]
    write_csv(out / "population.csv", [header, *rows], as_fingertips=False)
    return len(rows)


@dataclass(frozen=True)
class Computed:
    """An indicator the site computes itself from local-counts.csv (deaths and population by age
    band), by the method its `value_type` names."""

    id: str
    name: str
    short: str
    chapter: int  # index into CHAPTERS
    kind: str  # value type: the method the build runs
    unit: str
    polarity: str
    definition: str
    bands: tuple[str, ...]  # the age bands of its rows


LE_BANDS = ("0", "1-4", *AGE_BANDS[1:])
"""The 20 bands of a life table: 0, 1-4, 5-9, ..., 85-89, 90+ (AGE_BANDS with 0-4 split)."""
COMPUTED = (
    Computed("LOCAL-DSR-ALLCAUSE", "Mortality rate from all causes, all ages (computed locally)",
             "All-cause mortality (computed)", 0, DSR, PER100K, LOW,
             "Deaths from all causes per 100,000, directly standardised to the European Standard "
             "Population 2013, computed by this site from deaths and population by five-year age band.",
             tuple(AGE_BANDS)),
    Computed("LOCAL-LE-BIRTH", "Life expectancy at birth (computed locally)",
             "Life expectancy (computed)", 0, LE, "years", HIGH,
             "Average years a newborn would live at the area's death rates by age, computed by this "
             "site from deaths and population in the 20 life-table age bands (0, 1-4, ..., 90+).",
             LE_BANDS),
)
LOCAL_SOURCE = "Local counts (made-up values)"
LOCAL_YEARS = (2021, 2022, 2023)
ENGLAND_DEATHS = np.array([456, 13, 8, 11, 29, 43, 54, 74, 108, 162, 246, 372, 552, 864, 1320, 2160,
                           3600, 6480, 11760, 24000]) / 100_000
"""Made-up deaths per person-year in England in 2021, by life-table band (LE_BANDS), roughly
England's shape: all-cause DSR about 1,000 per 100,000 and life expectancy about 80 years."""
DEATH_SEX = {"Male": 1.2, "Female": 0.82}  # made up: multiplier of England's rates
INFANT_SHARE = 0.19  # made up: the under-ones' share of the 0-4 band


def local_people(area: Area, year: int) -> dict[tuple[str, str], int]:
    """Population by (sex, life-table band): population.csv's figures (`age_sex_counts`), with the
    0-4 band split into under ones and 1-4."""
    people = {}
    for (sex, band), n in age_sex_counts(area, year).items():
        if band == "0-4":
            people[(sex, "0")] = round(n * INFANT_SHARE)
            people[(sex, "1-4")] = n - people[(sex, "0")]
        else:
            people[(sex, band)] = n
    return people


def local_deaths() -> dict[tuple[str, int], dict[tuple[str, str], tuple[int, int]]]:
    """Per (area, year), (deaths, population) by (sex, life-table band): Poisson draws from
    England's made-up rates times the sex's and the area's (its `risk`, some noise, a fall of
    1.5% a year). The county's are the sum of its districts'."""
    noise = np.random.default_rng([SEED, 14, 0])
    level = {a.code: float(np.exp(0.12 * a.risk + noise.normal(0, 0.03))) if a.parent else 1.0
             for a in AREAS}
    rng, made = np.random.default_rng([SEED, 14, 1]), {}
    for year in LOCAL_YEARS:
        for area in [a for a in AREAS if a.population]:
            people = local_people(area, year)
            scale = level[area.code] * float(np.exp(-0.015 * (year - LOCAL_YEARS[0])))
            made[(area.code, year)] = {
                key: (int(rng.poisson(ENGLAND_DEATHS[LE_BANDS.index(key[1])] * DEATH_SEX[key[0]] * scale * n)), n)
                for key, n in people.items()}
        for county in [a for a in AREAS if not a.population]:
            parts = [made[(a.code, year)] for a in AREAS if a.parent == county.code]
            made[(county.code, year)] = {key: (sum(p[key][0] for p in parts), sum(p[key][1] for p in parts))
                                         for key in parts[0]}
    return made


def write_local_counts(out: Path) -> int:
    """local-counts.csv: deaths (`events`) and population by age band, per computed indicator,
    year, sex (Persons the sum of Male and Female) and area (England first), for the build to
    compute each indicator's values itself (`local_counts:` in jsna.yml)."""
    made, rows = local_deaths(), []
    for spec in COMPUTED:
        for year in LOCAL_YEARS:
            for sex in ("Persons", "Male", "Female"):
                for area in AREAS:
                    table = made[(area.code, year)]
                    for band in spec.bands:
                        parts = ("0", "1-4") if band == "0-4" else (band,)
                        cells = [table[(s, b)] for s in (("Male", "Female") if sex == "Persons" else (sex,))
                                 for b in parts]
                        rows.append([area.code, area.name, spec.id, year, sex, band,
                                     sum(c[0] for c in cells), sum(c[1] for c in cells),
                                     area.type, area.parent, NAMES.get(area.parent, "")])
    header = ["area_code", "area_name", "indicator_id", "period", "sex", "age_band", "events",
              "population", "area_type", "parent_code", "parent_name"]
    write_csv(out / "local-counts.csv", [header, *rows], as_fingertips=False)
    return len(rows)


THEMES = {22401: "Falls", 247: "Dementia", 91894: "Dementia"}
"""Ageing well shows themes: a page each for Falls and Dementia, summarised on the chapter page."""


def write_metadata(out: Path, more: list[dict] | None = None) -> None:
    """indicators.yml: what each indicator is (one is left without a polarity on purpose), then `more`
    (the care measures' entries)."""
    entries = [{"id": s.id, "name": s.name, "short_name": s.short, "definition": s.definition,
                "unit": s.unit, "value_type": s.kind, "polarity": s.polarity, "source": SOURCE,
                "chapter": CHAPTERS[s.chapter], "theme": THEMES.get(s.id),
                "release_date": datetime.date.fromisoformat(s.released)}
               for s in SPECS]
    entries += [{"id": c.id, "name": c.name, "short_name": c.short, "definition": c.definition,
                 "unit": c.unit, "value_type": c.kind, "polarity": c.polarity, "source": LOCAL_SOURCE,
                 "chapter": CHAPTERS[c.chapter]} for c in COMPUTED]
    entries += more or []
    entries = [{k: v for k, v in e.items() if v is not None} for e in entries]
    text = yaml.safe_dump({"indicators": entries}, sort_keys=False, allow_unicode=True, width=100)
    (out / "indicators.yml").write_text(text, encoding="utf-8")


def write_hexjson(out: Path) -> None:
    """areas.hexjson: the seven districts laid out by hand, roughly where they are."""
    hexes = {code: {"q": q, "r": r, "n": NAMES[code]} for code, (q, r) in sorted(HEXES.items())}
    text = json.dumps({"layout": "odd-r", "hexes": hexes}, indent=2) + "\n"
    (out / "areas.hexjson").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Command line: write every file of the dataset into --out."""
    parser = argparse.ArgumentParser(description="Write the demonstration dataset.")
    parser.add_argument("--out", type=Path, default=Path("data/demo"), help="folder to write into")
    out = parser.parse_args(argv).out
    from generators import demo_care  # it builds on this module's areas and methods

    counts = write_chapters(out)
    counts["population.csv"] = write_population(out)
    counts["local-counts.csv"] = write_local_counts(out)
    from generators import demo_nhs  # the NHS areas: it builds on this module's areas and methods
    counts[demo_nhs.FILE] = demo_nhs.write_nhs(out)
    counts[demo_care.FILE] = demo_care.write_care(out)
    write_metadata(out, demo_care.care_metadata())
    write_hexjson(out)
    print("\n".join(f"{out / name}: {count} rows" for name, count in counts.items()))


if __name__ == "__main__":
    main()
