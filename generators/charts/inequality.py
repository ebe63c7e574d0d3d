"""Inequalities: one bar per category (deprivation deciles, ethnic groups...) with its 95% interval,
in the categories' own order, the area's value for everyone as a dashed line, and each category
compared with that value in words, by shape and by colour."""

from __future__ import annotations

from generators.charts.chart import PHONE, Chart, NoChart, finite, make_csv, table_number
from generators.charts.compare import _clean, _spec, _svg
from generators.charts.inputs import CompareInput, InequalityInput
from generators.words import SHORT_VERDICT_WORDS, format_chart_value, plural

COLUMNS = ("Category", "Value", "Lower 95% limit", "Upper 95% limit", "Compared with {}")  # {}: the area overall


def chart_inequality(data: InequalityInput) -> Chart | NoChart:
    """The categories of one breakdown of one indicator in one area, or why there is no chart."""
    bars = [_clean(b, data.area) for b in data.bars]
    if sum(b.value is not None for b in bars) < 2:
        return NoChart("inequality", f"There is no inequalities chart: fewer than two categories have a value for {data.period}.")
    overall = finite(data.overall)
    whole = f"{data.area} overall"
    title = f"{data.indicator} in {data.area} by {data.breakdown[:1].lower() + data.breakdown[1:]}, {data.period}"
    description = _describe(data, bars, overall, whole)
    columns = tuple(c.format(whole) for c in COLUMNS)
    d = data.decimals
    rows = tuple((b.label, *(table_number(x, d) for x in (b.value, b.lower, b.upper)), b.verdict) for b in bars)
    compared = CompareInput(data.indicator, data.period, data.unit, tuple(bars), decimals=d, benchmark_name=whole)
    reference = (whole, overall) if overall is not None else None
    return Chart(
        kind="inequality",
        title=title,
        description=description,
        spec=_spec(compared, bars, description, reference),
        svg=_svg(compared, bars, title, description, reference),
        phone_svg=_svg(compared, bars, title, description, reference, PHONE),
        columns=columns,
        rows=rows,
        csv=make_csv(columns, [(b.label, b.value, b.lower, b.upper, b.verdict) for b in bars]),
    )


def _describe(data: InequalityInput, bars: list, overall: float | None, whole: str) -> str:
    """Short enough to read on a phone: the gap, the whole area's value, the tally; the table has every group."""
    f = lambda x: format_chart_value(x, data.decimals, data.unit)  # noqa: E731
    counted = [b for b in bars if b.value is not None]
    tally = ", ".join(f"{sum(b.verdict == v for b in counted)} {SHORT_VERDICT_WORDS[v].split()[0]}" for v in SHORT_VERDICT_WORDS if any(b.verdict == v for b in counted))
    text = data.gap or f"{data.indicator} in {data.area} by group, {data.period}."
    if overall is not None:
        text += f" {whole}: {f(overall)}."
    return text + (f" Of {plural(len(counted), 'group')} compared with {whole}: {tally}." if tally else "")
