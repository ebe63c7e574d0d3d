"""Write an England-scale benchmark dataset: made-up values, Fingertips export format.

    python bench/england.py --out .cache/bench/data [--areas N] [--indicators N]

Areas: England, the 9 regions, the 153 counties and unitary authorities and their 164
districts, with real codes and names from ../shared/fixtures/fingertips-next/areas.json when
that file is there, else plausible made-up codes (E06/E10 upper tier, E07 districts).
Indicators: `--indicators` (default 150) spread over the five default chapters, 10 periods,
Persons only, one CSV per indicator in the 27-column export (so "one CSV changed" means one
indicator). Deterministic: numpy generators seeded per area and per indicator.
Writes fingertips/<chapter>/<id>.csv, indicators.yml and jsna.yml (every area published).
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np
import yaml

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generators.demo import COLUMNS, SUPPRESSED, Spec, measure, number, true_value, verdict, write_csv  # noqa: E402

SEED = 20250601
AREAS_JSON = REPO.parent / "shared" / "fixtures" / "fingertips-next" / "areas.json"
ENGLAND = "E92000001"
REGION_TYPE, UPPER_TYPE, DISTRICT_TYPE = "Regions (statistical)", "Counties & UAs (from Apr 2023)", "Districts & UAs (from Apr 2023)"
CHAPTERS = ("Population", "Starting well", "Living well", "Ageing well", "Wider determinants")
PERIODS = 10
SOURCE = "Office for Health Improvement and Disparities (OHID), Fingertips (made-up benchmark values)"


class Area(NamedTuple):
    code: str
    name: str
    type: str
    parent: str  # "" for England
    population: int  # made up; 0 means the sum of its children


# --- areas -------------------------------------------------------------------------------


def england_areas(upper_tier: int | None = None, areas_json: Path = AREAS_JSON) -> tuple[Area, ...]:
    """England, regions, upper-tier areas and their districts; `upper_tier` keeps an even spread of N."""
    regions, uppers, districts = _real_areas(areas_json) if areas_json.is_file() else _fake_areas()
    if upper_tier is not None and upper_tier < len(uppers):
        step = len(uppers) / upper_tier
        uppers = [uppers[int(i * step)] for i in range(upper_tier)]
    kept = {a.code for a in uppers}
    districts = [d for d in districts if d.parent in kept]
    regions = [r for r in regions if any(a.parent == r.code for a in uppers)]
    everything = [Area(ENGLAND, "England", "England", "", 0), *regions, *uppers, *districts]
    return tuple(_with_populations(everything))


def _real_areas(path: Path) -> tuple[list[Area], list[Area], list[Area]]:
    """Regions, counties and UAs, districts from a Fingertips (next) areas.json, parents resolved."""
    items = json.loads(path.read_text(encoding="utf-8"))
    by_type: dict[str, list[dict]] = {}
    for item in items:
        by_type.setdefault(item["areaType"], []).append(item)
    parent_of = {
        child["areaCode"]: item["areaCode"]
        for item in items
        for child in item.get("childAreas") or []
        if item["areaType"] in ("Regions", "Counties and Unitary Authorities")
    }
    regions = [
        Area(r["areaCode"], r["areaName"].replace(" Region", " region").replace(" And ", " and ").replace(" Of ", " of "), REGION_TYPE, ENGLAND, 0)
        for r in by_type["Regions"]
    ]
    uppers = [
        Area(u["areaCode"], u["areaName"], UPPER_TYPE, parent_of[u["areaCode"]], 0)
        for u in by_type["Counties and Unitary Authorities"]
        if u["areaCode"] in parent_of
    ]
    districts = [
        Area(d["areaCode"], d["areaName"], DISTRICT_TYPE, parent_of[d["areaCode"]], 0)
        for d in by_type["Districts and Unitary Authorities"]
        if d["areaCode"] in parent_of
    ]
    return sorted(regions), sorted(uppers), sorted(districts)


def _fake_areas() -> tuple[list[Area], list[Area], list[Area]]:
    """Made-up codes of the same shape: 9 regions, 132 UAs (E06), 21 counties (E10), 164 districts (E07)."""
    regions = [Area(f"E1200000{r + 1}", f"Region {r + 1} region", REGION_TYPE, ENGLAND, 0) for r in range(9)]
    unitaries = [Area(f"E06{i + 1:06d}", f"Unitary authority {i + 1}", UPPER_TYPE, regions[i % 9].code, 0) for i in range(132)]
    counties = [Area(f"E10{i + 1:06d}", f"County {i + 1}", UPPER_TYPE, regions[i % 9].code, 0) for i in range(21)]
    districts = [Area(f"E07{i + 1:06d}", f"District {i + 1}", DISTRICT_TYPE, counties[i % 21].code, 0) for i in range(164)]
    return regions, sorted(unitaries + counties), districts


def _with_populations(areas: list[Area]) -> list[Area]:
    """Made-up populations: lowest tier drawn, every parent the sum of its children."""
    parents = {a.parent for a in areas}
    drawn = {
        a.code: int(np.random.default_rng([SEED, _number(a.code)]).lognormal(np.log(120_000 if a.type == DISTRICT_TYPE else 330_000), 0.4))
        for a in areas
        if a.code not in parents
    }
    for area in reversed(areas):  # children come after their parents
        if area.code in parents:
            drawn[area.code] = sum(drawn[c.code] for c in areas if c.parent == area.code)
    return [a._replace(population=drawn[a.code]) for a in areas]


def _number(code: str) -> int:
    return int(code[1:]) if code[1:].isdigit() else sum(map(ord, code))


# --- indicators --------------------------------------------------------------------------

TOPICS = (
    (
        "Population",
        (
            "Resident population growth",
            "Births to mothers born outside the UK",
            "Households with one person",
            "Residents aged 85 and over",
            "People providing unpaid care",
            "Deaths at home",
        ),
    ),
    (
        "Starting well",
        (
            "Low birth weight of term babies",
            "Breastfeeding at 6 to 8 weeks",
            "Reception obesity",
            "Children achieving a good level of development",
            "Tooth decay in 5 year olds",
            "A&E attendances aged 0 to 4",
        ),
    ),
    (
        "Living well",
        (
            "Adults who smoke",
            "Adults physically active",
            "Admissions for alcohol-related conditions",
            "Deaths from cardiovascular disease",
            "Suicide",
            "New sexually transmitted infections",
        ),
    ),
    (
        "Ageing well",
        (
            "Hip fractures aged 65 and over",
            "Dementia diagnosis",
            "Flu vaccination aged 65 and over",
            "Excess winter deaths",
            "Social isolation in adult carers",
            "Permanent admissions to care homes aged 65 and over",
        ),
    ),
    (
        "Wider determinants",
        (
            "Pupils absent from school",
            "Homelessness acceptances",
            "Killed and seriously injured on roads",
            "Violent crime",
            "Gap in employment rate for people with a long-term condition",
            "Noise complaints",
        ),
    ),
)
KINDS = (  # value type, unit, base England value, denominator share, period kind
    ("proportion", "%", 18.0, 0.05, "fy"),
    ("crude rate", "per 100,000", 420.0, 1.0, "cy"),
    ("directly standardised rate", "per 100,000", 260.0, 1.0, "3cy"),
    ("proportion", "%", 64.0, 0.3, "cy"),
    ("crude rate", "per 1,000", 22.0, 0.2, "fy"),
    ("life expectancy", "years", 79.5, 1.0, "3cy"),
)
POLARITIES = ("low_is_good", "high_is_good", "no_judgement")


def indicator_specs(count: int = 150) -> tuple[Spec, ...]:
    """`count` made-up indicators, a fifth in each chapter, kinds and polarities in turn."""
    specs = []
    for i in range(count):
        chapter = i % len(CHAPTERS)
        topic = TOPICS[chapter][1][(i // len(CHAPTERS)) % 6]
        kind, unit, base, share, periods = KINDS[i % len(KINDS)]
        polarity = "high_is_good" if kind == "life expectancy" else POLARITIES[(i // 7) % 3]
        rng = np.random.default_rng([SEED, i, 2])
        name = f"{topic} (benchmark indicator {i + 1})"
        released = datetime.date(2024, 1, 1) + datetime.timedelta(days=int(rng.integers(0, 500)))
        specs.append(
            Spec(
                id=80001 + i,
                name=name,
                short=f"{topic[:40]} {i + 1}",
                chapter=chapter,
                kind=kind,
                unit=unit,
                polarity=polarity,
                age="All ages",
                periods=periods,
                base=float(base * rng.uniform(0.7, 1.3)),
                trend=float(rng.normal(0, 0.02)),
                share=share,
                definition=f"Made-up values for benchmarking: {topic.lower()}, {kind}, {unit}.",
                released=released.isoformat(),
            )
        )
    return tuple(specs)


def period_labels(kind: str) -> list[tuple[str, int, str]]:
    """(label, sortable, range) of the 10 periods of a kind, oldest first."""
    first = 2012 if kind.startswith("3") else 2014
    label = {
        "cy": lambda y: f"{y}",
        "fy": lambda y: f"{y}/{(y + 1) % 100:02d}",
        "3cy": lambda y: f"{y} - {(y + 2) % 100:02d}",
    }[kind]
    return [(label(y), y * 10000, "3y" if kind.startswith("3") else "1y") for y in range(first, first + PERIODS)]


# --- rows --------------------------------------------------------------------------------


def indicator_rows(spec: Spec, areas: tuple[Area, ...], revision: int = 0) -> list[list[str]]:
    """Every export row of one indicator, by period then area (England first).

    `revision` above 0 redraws the latest period only, as a revised download would."""
    effects = _area_effects(spec, areas)
    region_of, names = _region_of(areas), {a.code: a.name for a in areas}
    rows: list[list[str]] = []
    periods = period_labels(spec.periods)
    for step, period in enumerate(periods):
        latest = revision and step == len(periods) - 1
        rng = np.random.default_rng([SEED, spec.id, 1, step, revision if latest else 0])
        made = {a.code: measure(spec, true_value(spec, *effects[a.code], step, "Persons"), a.population * (1 + 0.006 * (step - 9)), rng) for a in areas}
        rows += [_export_row(spec, a, period, made, region_of, names, rng) for a in areas]
    return rows


def _area_effects(spec: Spec, areas: tuple[Area, ...]) -> dict[str, tuple[float, float]]:
    """Per area, its level (made-up risk) and drift; districts lean towards their county."""
    rng = np.random.default_rng([SEED, spec.id, 0])
    effects: dict[str, tuple[float, float]] = {}
    for area in areas:
        inherited = effects.get(area.parent, (0.0, 0.0))[0] * 0.6 if area.type == DISTRICT_TYPE else 0.0
        effects[area.code] = (inherited + rng.normal(0, 0.5), rng.normal(0, 0.02)) if area.parent else (0.0, 0.0)
    return effects


def _region_of(areas: tuple[Area, ...]) -> dict[str, str]:
    parent = {a.code: a.parent for a in areas}
    region = {}
    for area in areas:
        code = area.code
        while code and parent.get(code) and parent[code] != ENGLAND:
            code = parent[code]
        region[area.code] = code if area.type != REGION_TYPE else ""
    return region


def _export_row(
    spec: Spec, area: Area, period: tuple, made: dict[str, dict], region_of: dict[str, str], names: dict[str, str], rng: np.random.Generator
) -> list[str]:
    """One row of the 27-column export; about 1 in 300 district values suppressed."""
    this = made[area.code]
    note = SUPPRESSED if area.type == DISTRICT_TYPE and "count" in this and rng.random() < 1 / 300 else ""
    if note:
        this = {"limits": [], "denominator": this["denominator"]}
    england = None if area.code == ENGLAND else made[ENGLAND]
    region = made.get(region_of.get(area.code, "")) if area.type in (UPPER_TYPE, DISTRICT_TYPE) else None
    return [
        str(spec.id),
        spec.name,
        area.parent,
        names.get(area.parent, ""),
        area.code,
        area.name,
        area.type,
        "Persons",
        spec.age,
        "",
        "",
        period[0],
        number(this.get("value")),
        *[number(v) for v in this["limits"] or [None] * 4],
        number(this.get("count")),
        number(this.get("denominator")),
        note,
        "",
        verdict(this, england, spec.polarity),
        verdict(this, region, spec.polarity),
        str(period[1]),
        "",
        "",
        period[2],
    ]


# --- files -------------------------------------------------------------------------------


def chapter_slug(spec: Spec) -> str:
    return CHAPTERS[spec.chapter].lower().replace(" ", "-")


def indicator_file(out: Path, spec: Spec) -> Path:
    return out / "fingertips" / chapter_slug(spec) / f"{spec.id}.csv"


def write_indicator(out: Path, spec: Spec, areas: tuple[Area, ...], revision: int = 0) -> int:
    """fingertips/<chapter>/<id>.csv as Fingertips writes it; returns its row count."""
    rows = indicator_rows(spec, areas, revision)
    write_csv(indicator_file(out, spec), [COLUMNS, *rows], as_fingertips=True)
    return len(rows)


def theme(spec: Spec) -> str:
    """The topic an indicator was named after: five indicators to a theme page, as a JSNA groups them."""
    return spec.name.split(" (benchmark indicator")[0]


def write_metadata(out: Path, specs: tuple[Spec, ...]) -> None:
    entries = [
        {
            "id": s.id,
            "name": s.name,
            "short_name": s.short,
            "definition": s.definition,
            "unit": s.unit,
            "value_type": s.kind,
            "polarity": s.polarity,
            "source": SOURCE,
            "chapter": CHAPTERS[s.chapter],
            "theme": theme(s),
            "release_date": datetime.date.fromisoformat(s.released),
        }
        for s in specs
    ]
    text = yaml.safe_dump({"indicators": entries}, sort_keys=False, allow_unicode=True, width=120)
    (out / "indicators.yml").write_text(text, encoding="utf-8")


def write_config(out: Path) -> Path:
    config = {
        "title": "England benchmark JSNA (made-up values)",
        "edition": "2026",
        "updated": "2026-01-15",
        "demonstration": True,
        "fingertips": ["fingertips"],
        "indicators": "indicators.yml",
    }
    path = out / "jsna.yml"
    path.write_text(
        "# Benchmark configuration written by bench/england.py: every area in the data is published.\n" + yaml.safe_dump(config, sort_keys=False),
        encoding="utf-8",
    )
    return path


def write_dataset(out: Path, upper_tier: int | None = None, indicators: int = 150) -> dict[str, int]:
    """Write every file of the dataset into `out`; returns counts of areas, indicators, rows and files."""
    areas = england_areas(upper_tier)
    specs = indicator_specs(indicators)
    rows = sum(write_indicator(out, spec, areas) for spec in specs)
    write_metadata(out, specs)
    write_config(out)
    tiers = {t: sum(a.type == t for a in areas) for t in (REGION_TYPE, UPPER_TYPE, DISTRICT_TYPE)}
    return {
        "areas": len(areas),
        "regions": tiers[REGION_TYPE],
        "upper_tier": tiers[UPPER_TYPE],
        "districts": tiers[DISTRICT_TYPE],
        "indicators": len(specs),
        "rows": rows,
        "files": len(specs),
        "real_codes": int(AREAS_JSON.is_file()),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the England-scale benchmark dataset.")
    parser.add_argument("--out", type=Path, default=REPO / ".cache" / "bench" / "data", help="folder to write into")
    parser.add_argument("--areas", type=int, default=None, help="upper-tier areas (default: all 153), with their districts")
    parser.add_argument("--indicators", type=int, default=150, help="indicators (default: 150)")
    args = parser.parse_args(argv)
    print(json.dumps(write_dataset(args.out, args.areas, args.indicators)))


if __name__ == "__main__":
    main()
