"""The demonstration's adult social care and Better Care Fund measures: real names, made-up values.

Written by `generators.demo` into `local/care-and-support.csv`, in the documented tidy local
format (`local:` in jsna.yml), with their metadata in `indicators.yml` (chapter "Care and
support"). The Adult Social Care Outcomes Framework (ASCOF) is published for councils with social
care duties only, so its measures are given for England, the South East region and West Sussex;
the Better Care Fund's unplanned hospitalisation measure is given for the districts too.

Survey measures (1A, 1B) have no 2020/21 rows: the Adult Social Care Survey was not run that
year. Measures with a count and denominator leave their limits blank, for the build to compute
(Wilson for proportions, Byar's for crude rates); the others give their own limits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from generators import demo

CHAPTER = "Care and support"
FILE = "local/care-and-support.csv"
PERIODS = tuple((f"{y}/{(y + 1) % 100:02d}", y) for y in range(2018, 2024))
SURVEY_NOT_RUN = "2020/21"
UPPER = ("E92000001", "E12000008", "E10000032")
ASCOF = "NHS England, Adult Social Care Outcomes Framework (ASCOF)"
BCF = "NHS England, Better Care Fund metrics"
RELEASED = {"ASCOF": "2024-12-12", "BCF": "2025-01-16"}
HEADER = ["area_code", "area_name", "area_type", "parent_code", "parent_name", "indicator_id", "indicator_name",
          "period", "sex", "age", "value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998",
          "count", "denominator", "value_note"]


@dataclass(frozen=True)
class Measure:
    """One measure: what it is, and how its made-up values go.

    england: England's value in 2018/19, changing by `trend` a year (added); levels: each area's
    difference from England (added; areas not named follow England), and `rising`: a West Sussex
    change a year on top; people: the denominator as a share of the area's population."""

    id: str
    name: str
    short: str
    kind: str
    unit: str
    polarity: str
    age: str
    definition: str
    source: str
    england: float
    trend: float
    levels: dict[str, float]
    people: float
    areas: tuple[str, ...] = UPPER
    survey: bool = False
    rising: float = 0.0


MEASURES = (
    Measure("ASCOF-1A", "Social care-related quality of life score (ASCOF 1A)", "Social care quality of life", "mean",
            "out of 24", demo.HIGH, "18+ yrs",
            "Average quality of life score of people who use long-term social care services, from the eight "
            "outcome questions of the Adult Social Care Survey (out of 24).",
            f"{ASCOF}, from the Adult Social Care Survey", 19.1, -0.04, {"E12000008": 0.1, "E10000032": -0.2},
            0.0005, survey=True),
    Measure("ASCOF-1B", "The proportion of people who use services who have control over their daily life (ASCOF 1B)",
            "Control over daily life", demo.P, "%", demo.HIGH, "18+ yrs",
            "Percentage of Adult Social Care Survey respondents who say they have as much control over their "
            "daily life as they want, or adequate control.",
            f"{ASCOF}, from the Adult Social Care Survey", 77.3, 0.05, {"E12000008": 0.6, "E10000032": 1.2},
            0.0005, survey=True),
    Measure("ASCOF-2A2", "Long-term support needs of older adults (aged 65 and over) met by admission to "
            "residential and nursing care homes, per 100,000 population (ASCOF 2A(2))",
            "Care home admissions 65+", demo.CR, demo.PER100K, demo.LOW, "65+ yrs",
            "Council-supported permanent admissions of people aged 65 and over to residential and nursing care "
            "homes, per 100,000 people aged 65 and over.",
            f"{ASCOF}, from the Short and Long Term Support return", 585.0, -5.0,
            {"E12000008": -20.0, "E10000032": -30.0}, 0.2, rising=34.0),
    Measure("ASCOF-2B1", "The proportion of older people (aged 65 and over) who were still at home 91 days after "
            "discharge from hospital into reablement/rehabilitation services (ASCOF 2B(1))",
            "At home 91 days after reablement", demo.P, "%", demo.HIGH, "65+ yrs",
            "Percentage of people aged 65 and over discharged from hospital into reablement or rehabilitation "
            "who were at home 91 days later.",
            f"{ASCOF}, from the Short and Long Term Support return", 81.9, 0.1, {"E12000008": 0.8, "E10000032": 3.8},
            0.0013),
    Measure("BCF-DISCHARGE", "Percentage of people, resident in the HWB, who are discharged from acute hospital to "
            "their normal place of residence (Better Care Fund)", "Discharged to usual place of residence",
            demo.P, "%", demo.HIGH, "All ages",
            "Percentage of discharges from acute hospital of the area's residents that were to their normal place "
            "of residence.",
            f"{BCF}, from the Secondary Uses Service", 92.9, 0.1, {"E12000008": 0.3, "E10000032": 0.5}, 0.11),
    Measure("BCF-ACSC", "Unplanned hospitalisation for chronic ambulatory care sensitive conditions (Better Care Fund)",
            "Unplanned admissions for chronic conditions", "indirectly standardised rate", demo.PER100K, demo.LOW,
            "All ages",
            "Emergency admissions for long-term conditions that care outside hospital could usually prevent "
            "(such as asthma, diabetes, epilepsy), indirectly standardised to England by age and sex, per 100,000.",
            f"{BCF}, from Hospital Episode Statistics", 770.0, -8.0,
            {"E12000008": -75.0, "E10000032": -95.0, "E07000223": 20.0, "E07000224": -50.0, "E07000225": -160.0,
             "E07000226": 60.0, "E07000227": -190.0, "E07000228": -210.0, "E07000229": -30.0},
            1.0, areas=tuple(a.code for a in demo.AREAS)),
)
COVID_DIP = {"BCF-ACSC": 0.84}
"""2020/21: fewer emergency admissions in the first year of the pandemic (made up, as is every value)."""


def true_value(measure: Measure, code: str, step: int) -> float:
    """The made-up underlying value of a measure in an area, `step` years after 2018/19."""
    value = measure.england + measure.trend * step + measure.levels.get(code, 0.0)
    if code == "E10000032":
        value += measure.rising * step
    return value * (COVID_DIP.get(measure.id, 1.0) if PERIODS[step][0] == SURVEY_NOT_RUN else 1.0)


def made_up(measure: Measure, code: str, step: int, rng: np.random.Generator) -> dict:
    """Value, limits (where the build does not compute them), count and denominator."""
    area = next(a for a in demo.AREAS if a.code == code)
    size = round(demo.population_of(area, step + 1) * measure.people)
    truth = true_value(measure, code, step)
    if measure.kind == "mean":  # a survey's mean score: its own limits, no count
        se = 4.2 / np.sqrt(size)
        value = truth + rng.normal(0, se)
        return {"value": value, "limits": [value + z * se for z in (-demo.Z95, demo.Z95, -demo.Z998, demo.Z998)]}
    if measure.kind == demo.P:
        count = int(rng.binomial(size, truth / 100))
        return {"value": count / size * 100, "count": count, "denominator": size, "limits": []}
    count = int(rng.poisson(truth * size / 100_000))
    value = count / size * 100_000
    if measure.kind == demo.CR:
        return {"value": value, "count": count, "denominator": size, "limits": []}
    limits = [float(v) / count * value for z in (demo.Z95, demo.Z998) for v in demo.byars(count, z)]
    return {"value": value, "count": count, "denominator": size, "limits": limits}


def measure_rows(measure: Measure, index: int) -> list[list[str]]:
    """Every row of one measure: by period, then area (England first)."""
    rng, rows = np.random.default_rng([demo.SEED, 17, index]), []
    for step, (period, _) in enumerate(PERIODS):
        if measure.survey and period == SURVEY_NOT_RUN:
            continue
        for area in [a for a in demo.AREAS if a.code in measure.areas]:
            made = made_up(measure, area.code, step, rng)
            limits = made["limits"] or [None] * 4
            rows.append([area.code, area.name, area.type, area.parent, demo.NAMES.get(area.parent, ""), measure.id,
                         measure.name, period, "Persons", measure.age, demo.number(made["value"]),
                         *[demo.number(v) for v in limits], demo.number(made.get("count")),
                         demo.number(made.get("denominator")), ""])
    return rows


def write_care(out: Path) -> int:
    """local/care-and-support.csv, in the tidy local format; returns its rows."""
    rows = [row for index, measure in enumerate(MEASURES) for row in measure_rows(measure, index)]
    demo.write_csv(out / FILE, [HEADER, *rows], as_fingertips=False)
    return len(rows)


def care_metadata() -> list[dict]:
    """The measures' entries of indicators.yml."""
    return [{"id": m.id, "name": m.name, "short_name": m.short, "definition": m.definition, "unit": m.unit,
             "value_type": m.kind, "polarity": m.polarity, "source": f"{m.source} (made-up values)", "chapter": CHAPTER,
             "release_date": datetime.date.fromisoformat(RELEASED[m.id.split("-")[0]])} for m in MEASURES]
