"""A ranking's funnel plot: each area's value against its denominator, with the control limits at
2 and 3 standard deviations around the average of the areas (PHEindicatormethods' funnels,
`stats.funnel`), for proportions and crude rates whose every area has a count and a denominator."""

from __future__ import annotations

import math
from dataclasses import dataclass

from generators.errors import DataError
from generators.load.metadata import Indicator
from generators.model.series import Point
from generators.stats.counts import rate_multiplier
from generators.stats.funnel import assign_funnel_significance, compute_funnel_limits

LIMITS = {"lower_2s_limit": "95% lower", "upper_2s_limit": "95% upper", "lower_3s_limit": "99.8% lower", "upper_3s_limit": "99.8% upper"}


@dataclass(frozen=True)
class FunnelPoint:
    name: str
    denominator: float
    value: float
    significance: str
    """`High (0.001)`, `High (0.025)`, `Low (0.025)`, `Low (0.001)` or `Not significant`."""
    own: bool


@dataclass(frozen=True)
class Funnel:
    statistic: str
    """"proportion" or "crude rate"."""
    points: tuple[FunnelPoint, ...]
    lines: tuple[tuple[str, tuple[float, ...], tuple[float, ...]], ...]
    """The four control limits, each (name, denominators, values): `95% lower`, `95% upper`, `99.8% lower`, `99.8% upper`."""
    baseline: float
    left_out: int
    """Areas of the ranking without a count and denominator: not on the funnel."""


def funnel_of(indicator: Indicator, rows: list[tuple[str, Point, bool]]) -> Funnel | None:
    """The funnel of one ranking's areas (name, point, highlighted), or None where the method does not apply."""
    kind = indicator.value_type.lower()
    if "standardised" in kind or "life expectancy" in kind:
        return None
    if indicator.unit == "%" or "proportion" in kind:
        statistic, multiplier = "proportion", 100.0 if indicator.unit == "%" else 1.0
    elif "rate" in kind or indicator.unit.startswith("per "):
        per = rate_multiplier(indicator.unit)
        if per is None:
            return None
        statistic, multiplier = "crude rate", per
    else:
        return None
    usable = [(n, p, o) for n, p, o in rows if _finite(p.count, p.denominator, p.value) and p.denominator > 0 and (statistic != "proportion" or p.count <= p.denominator)]
    if len(usable) < 5:
        return None
    counts = [p.count for _, p, _ in usable]
    denominators = [p.denominator for _, p, _ in usable]
    try:
        if statistic == "proportion":
            limits = compute_funnel_limits(counts, denominators, statistic="proportion", multiplier=multiplier, metadata=False)
            labels = assign_funnel_significance(counts, denominators, statistic="proportion")
            axes = {c: limits["Population"] for c in LIMITS}
        else:
            rates = [c / d * multiplier for c, d in zip(counts, denominators)]
            limits = compute_funnel_limits(counts, denominators, statistic="rate", rate=rates, rate_type="crude", multiplier=multiplier, years_of_data=1, metadata=False)
            labels = assign_funnel_significance(counts, denominators, statistic="rate", rate=rates, rate_type="crude", multiplier=multiplier)
            axes = {c: limits[c.replace("_limit", "_population_1_year")] for c in LIMITS}  # each limit's own populations
    except DataError:
        return None
    points = tuple(FunnelPoint(n, p.denominator, p.value, str(label), o) for (n, p, o), label in zip(usable, labels))
    lines = tuple((name, tuple(float(x) for x in axes[c]), tuple(float(y) for y in limits[c])) for c, name in LIMITS.items())
    baseline = float(limits["baseline"].iloc[0])
    return Funnel(statistic, points, lines, baseline, len(rows) - len(usable))


def _finite(*values: float) -> bool:
    return all(isinstance(v, float | int) and math.isfinite(v) for v in values)
