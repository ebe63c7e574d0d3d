"""Population pyramid, ONS layout: males left, females right, by age band, as % of the
total population, with England as an outline."""

from __future__ import annotations

import re
from pathlib import Path

from generators.charts.chart import Chart, NoChart, make_csv, number, round4
from generators.charts.inputs import PyramidInput
from generators.charts.static import add_title_desc, render_static
from generators.charts.templates import new_spec

COLUMNS = ("Age band", "Males %", "Females %", "England males %", "England females %")


def chart_pyramid(data: PyramidInput, cache_dir: Path | None = None) -> Chart | NoChart:
    """A population pyramid (static SVG by vl-convert, cached in ``cache_dir``), or why not."""
    ages = [str(b.age) for b in data.bands]
    area = _shares([(b.male, b.female) for b in data.bands])
    england = _shares([(b.england_male, b.england_female) for b in data.bands])
    if area is None:
        return NoChart("pyramid", f"There is no population pyramid: there are no population figures for {data.area}.")
    title, description = _describe(data, ages, area, england)
    raw = [(a, m, f, *(england[i] if england else (None, None))) for i, (a, (m, f)) in enumerate(zip(ages, area, strict=False))]
    rows = tuple(tuple("" if x is None else (x if isinstance(x, str) else f"{x:.1f}") for x in r) for r in raw)
    spec = _spec(ages, area, england, description)
    svg = add_title_desc(render_static(spec, cache_dir), title, description)
    return Chart(kind="pyramid", title=title, description=description, spec=spec, svg=svg, columns=COLUMNS, rows=rows, csv=make_csv(COLUMNS, raw))


Pair = tuple[float | None, float | None]


def _shares(pairs: list[Pair]) -> list[Pair] | None:
    clean = [(number(m), number(f)) for m, f in pairs]
    total = sum(x for pair in clean for x in pair if x is not None and x > 0)
    if total <= 0:
        return None
    pct = lambda x: None if x is None else 100.0 * max(x, 0.0) / total  # noqa: E731
    return [(pct(m), pct(f)) for m, f in clean]


def _older(ages: list[str], shares: list[Pair]) -> float:
    """Share aged 65 and over, from bands whose label starts at 65 or more."""
    starts = [re.match(r"\s*(\d+)", a) for a in ages]
    return sum((m or 0.0) + (f or 0.0) for s, (m, f) in zip(starts, shares, strict=False) if s and int(s.group(1)) >= 65)


def _describe(data: PyramidInput, ages: list[str], area: list[Pair], england: list[Pair] | None) -> tuple[str, str]:
    males = sum(m or 0.0 for m, _ in area)
    old = _older(ages, area)
    text = f"In {data.period}, {males:.1f}% of {data.area}'s population were male and {100 - males:.1f}% female"
    if not old:
        return f"Population of {data.area} by age and sex, {data.period}", text + "."
    eng_old = _older(ages, england) if england else None
    text += f"; {old:.1f}% were aged 65 and over" + (f" (England {eng_old:.1f}%)." if eng_old else ".")
    if not eng_old or round(old, 1) == round(eng_old, 1):
        return f"Population of {data.area} by age and sex, {data.period}", text
    word = "older" if old > eng_old else "younger"
    return f"{data.area} has an {word} population than England, {data.period}", text


def _spec(ages: list[str], area: list[Pair], england: list[Pair] | None, description: str) -> dict:
    values = []
    for i, age in enumerate(ages):
        for j, sex in enumerate(("Males", "Females")):
            sign = -1 if j == 0 else 1
            p, e = area[i][j], england[i][j] if england else None
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
    spec = new_spec("pyramid", values, description)
    for layer in spec["layer"]:
        layer["encoding"]["y"]["sort"] = ages[::-1]
    if england is None:
        spec["layer"] = spec["layer"][:1]
    return spec
