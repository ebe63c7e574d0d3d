"""The demonstration's NHS areas: real codes and names, made-up values (`fingertips/nhs-areas.csv`).

West Sussex is served by the NHS Sussex Integrated Care Board through its sub-ICB location for
West Sussex (Sussex ICB - 70F); five of that location's real primary care networks (PCNs), each in a
district, and their 16 GP practices, as the shipped hierarchy holds them
(`generators/reference/data/nhs_areas.csv`). For two indicators Fingertips publishes per practice,
diabetes and dementia prevalence (QOF), the file has a row per period for each practice, PCN, the
sub-ICB location and the ICB, in the 27-column Fingertips download, with the area types Fingertips
writes (`General Practice`, `Primary Care Network (v. 26/04/24)`, `ICB sub-locations`, `ICBs`).

Every value is made up, deterministically (seeded): a practice's level is its district's made-up
level (`demo.area_effects`) plus its own scatter, its registered list a made-up size; a PCN's count
and denominator are the sums of its practices', as Fingertips aggregates them. `jsna.yml` declares
the same districts (`nhs:`); tests/test_nhs_demo.py checks the two agree.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from generators import demo as d
from generators.load.nhs import read_hierarchy

FILE = "fingertips/nhs-areas.csv"
SEED = 20240517
INDICATORS = (241, 247)
"""Diabetes prevalence (17+) and dementia prevalence: QOF figures Fingertips publishes for every GP practice."""
COUNTY, SUB_ICB = "E10000032", "E38000248"  # West Sussex; Sussex ICB - 70F
PCN_DISTRICTS = {"U01092": "E07000229", "U04748": "E07000224", "U03364": "E07000228", "U04725": "E07000228", "U06871": "E07000228"}
"""Each PCN's district (Worthing, Arun, Mid Sussex), where its practices are."""
AREA_TYPES = {"icb": "ICBs", "sub_icb": "ICB sub-locations", "pcn": "Primary Care Network (v. 26/04/24)", "gp": "General Practice"}
PEOPLE = {"icb": 1_950_000, "sub_icb": 905_000}
"""Made-up registered patients of the ICB and the sub-ICB location (a practice's is drawn: 4,000 to 16,000)."""


def write_nhs(out: Path) -> int:
    """Write fingertips/nhs-areas.csv into `out`; the number of rows."""
    rows = [row for spec in d.SPECS if spec.id in INDICATORS for row in indicator_rows(spec)]
    d.write_csv(out / FILE, [d.COLUMNS, *rows], as_fingertips=True)
    return len(rows)


def indicator_rows(spec: d.Spec) -> list[list[str]]:
    """Every row of one indicator: by period, then the ICB, the sub-ICB location, each PCN and its practices."""
    areas = read_hierarchy()
    england = _england(spec)
    effects = d.area_effects(spec)
    practices = {p: _practice(spec, p, effects[PCN_DISTRICTS[areas[p].parent]]) for pcn in PCN_DISTRICTS for p in sorted(a.code for a in areas.values() if a.parent == pcn)}
    rng, rows = np.random.default_rng([SEED, spec.id, 1]), []
    for step, period in enumerate(d.period_labels(spec.periods)):
        county_level, county_drift = effects[COUNTY]
        for level, code in (("icb", areas[SUB_ICB].parent), ("sub_icb", SUB_ICB)):
            truth = d.true_value(spec, county_level * (0.6 if level == "icb" else 1.0), county_drift, step, "Persons")
            rows.append(_row(spec, areas[code].code, areas[code].name, level, ("E92000001", "England"), period, d.measure(spec, truth, PEOPLE[level] * _growth(step), rng), england))
        for pcn in PCN_DISTRICTS:
            own = {p: _measured(spec, practices[p], step, rng) for p in practices if areas[p].parent == pcn}
            rows.append(_row(spec, pcn, areas[pcn].name, "pcn", ("E92000001", "England"), period, _summed(own.values()), england))
            rows += [_row(spec, p, areas[p].name, "gp", (pcn, areas[pcn].name), period, made, england) for p, made in own.items()]
    return rows


def _practice(spec: d.Spec, code: str, district: tuple[float, float]) -> tuple[float, float, int]:
    """A practice's made-up level and drift (its district's, scattered) and registered list."""
    rng, size = np.random.default_rng([SEED, spec.id, 0, int(code[1:])]), np.random.default_rng([SEED, int(code[1:])])  # its list, the same for every indicator
    return district[0] + float(rng.normal(0, 0.6)), district[1] + float(rng.normal(0, 0.02)), int(size.integers(4_000, 16_000))


def _measured(spec: d.Spec, practice: tuple[float, float, int], step: int, rng: np.random.Generator) -> dict:
    level, drift, patients = practice
    return d.measure(spec, d.true_value(spec, level, drift, step, "Persons"), patients * _growth(step), rng)


def _growth(step: int) -> float:
    return 1 + 0.01 * (step - 5)


def _summed(made: object) -> dict:
    """A PCN's figures: its practices' counts and denominators summed, with Wilson limits."""
    parts = list(made)  # type: ignore[call-overload]
    x, n = sum(p["count"] for p in parts), sum(p["denominator"] for p in parts)
    limits = [100 * float(v) for z in (d.Z95, d.Z998) for v in d.wilson(x, n, z)]
    return {"value": 100 * x / n, "count": x, "denominator": n, "limits": limits}


def _england(spec: d.Spec) -> dict[str, dict]:
    """England's made-up value per period, as the demonstration's own files give it."""
    rows = d.indicator_rows(spec)
    return {r[11]: {"value": float(r[12])} for r in rows if r[4] == "E92000001" and r[7] == "Persons" and r[8] == spec.age and not r[9]}


def _row(spec: d.Spec, code: str, name: str, level: str, parent: tuple[str, str], period: tuple, made: dict, england: dict[str, dict]) -> list[str]:
    """One row of the 27-column download; compared with England as Fingertips compares (95% interval)."""
    return [str(spec.id), spec.name, *parent, code, name, AREA_TYPES[level], "Persons", spec.age, "", "", period[0], d.number(made["value"]),
            *[d.number(v) for v in made["limits"]], d.number(made["count"]), d.number(made["denominator"]), "", "",
            d.verdict(made, england[period[0]], spec.polarity), "", str(period[1]), "", "", period[2]]
