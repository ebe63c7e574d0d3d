"""Population pyramid, ONS layout: males left, females right, by age band, as % of the
total population, with the benchmark (England, or a region) as an outline."""

from __future__ import annotations

import re
from pathlib import Path

from generators.charts.chart import PHONE, Chart, NoChart, finite, make_csv, round4
from generators.charts.designs import new_spec
from generators.charts.inputs import PyramidInput
from generators.charts.static import FIT, add_title_desc, render_static

COLUMNS = ("Age band", "Males %", "Females %", "{} males %", "{} females %")  # {}: the benchmark


def chart_pyramid(data: PyramidInput, cache_dir: Path | None = None) -> Chart | NoChart:
    """A population pyramid (static SVG by vl-convert, cached in ``cache_dir``), or why not."""
    ages = [str(b.age) for b in data.bands]
    area = _shares([(b.male, b.female) for b in data.bands])
    benchmark = _shares([(b.benchmark_male, b.benchmark_female) for b in data.bands])
    if area is None:
        return NoChart("pyramid", f"There is no population pyramid: there are no population figures for {data.area}.")
    title, description = _describe(data, ages, area, benchmark)
    columns = tuple(c.format(data.benchmark_name) for c in COLUMNS)
    raw = [(a, m, f, *(benchmark[i] if benchmark else (None, None))) for i, (a, (m, f)) in enumerate(zip(ages, area, strict=False))]
    rows = tuple(tuple("" if x is None else (x if isinstance(x, str) else f"{x:.1f}") for x in r) for r in raw)
    spec = _spec(ages, area, benchmark, description, data.benchmark_name)
    svg = add_title_desc(render_static(spec, cache_dir), title, description)
    phone = add_title_desc(render_static({**spec, "autosize": FIT}, cache_dir, width=PHONE), title, description)
    return Chart(kind="pyramid", title=title, description=description, spec=spec, svg=svg, columns=columns, rows=rows, csv=make_csv(columns, raw), phone_svg=phone)


Pair = tuple[float | None, float | None]


def _shares(pairs: list[Pair]) -> list[Pair] | None:
    clean = [(finite(m), finite(f)) for m, f in pairs]
    total = sum(x for pair in clean for x in pair if x is not None and x > 0)
    if total <= 0:
        return None
    pct = lambda x: None if x is None else 100.0 * max(x, 0.0) / total  # noqa: E731
    return [(pct(m), pct(f)) for m, f in clean]


def _older(ages: list[str], shares: list[Pair]) -> float:
    """Share aged 65 and over, from bands whose label starts at 65 or more."""
    starts = [re.match(r"\s*(\d+)", a) for a in ages]
    return sum((m or 0.0) + (f or 0.0) for s, (m, f) in zip(starts, shares, strict=False) if s and int(s.group(1)) >= 65)


def _describe(data: PyramidInput, ages: list[str], area: list[Pair], benchmark: list[Pair] | None) -> tuple[str, str]:
    males = sum(m or 0.0 for m, _ in area)
    old = _older(ages, area)
    text = f"In {data.period}, {males:.1f}% of {data.area}'s population were male and {100 - males:.1f}% female"
    if not old:
        return f"Population of {data.area} by age and sex, {data.period}", text + "."
    their_old = _older(ages, benchmark) if benchmark else None
    text += f"; {old:.1f}% were aged 65 and over" + (f" ({data.benchmark_name} {their_old:.1f}%)." if their_old else ".")
    if not their_old or round(old, 1) == round(their_old, 1):
        return f"Population of {data.area} by age and sex, {data.period}", text
    word = "older" if old > their_old else "younger"
    return f"{data.area} has an {word} population than {data.benchmark_name}, {data.period}", text


def _spec(ages: list[str], area: list[Pair], benchmark: list[Pair] | None, description: str, benchmark_name: str) -> dict:
    values = []
    for i, age in enumerate(ages):
        for j, sex in enumerate(("Males", "Females")):
            sign = -1 if j == 0 else 1
            p, e = area[i][j], benchmark[i][j] if benchmark else None
            values.append(
                {
                    "a": age,
                    "s": sex,
                    "p": None if p is None else round4(sign * p),
                    "ep": None if e is None else round4(sign * e),
                    "tp": "" if p is None else f"{p:.1f}%",
                    "te": "" if e is None else f"{e:.1f}%",
                }
            )
    spec = new_spec("pyramid", values, description, benchmark_name)
    for layer in spec["layer"]:
        layer["encoding"]["y"]["sort"] = ages[::-1]
    if benchmark is None:
        spec["layer"] = spec["layer"][:1]
    return spec
