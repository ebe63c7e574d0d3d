"""Plain typed inputs of the charts stage: one frozen dataclass per chart type.

The model stage adapts its page models to these; the charts stage knows nothing of
pandas tables or MkDocs. Missing numbers are ``None`` (NaN is accepted and read as missing).
Verdicts use Fingertips' words: Better, Similar, Worse, Higher, Lower, Not compared.
Polarity is ``"high_is_good"``, ``"low_is_good"`` or ``"no_judgement"``.
The benchmark is the area every other is compared with (England, or a region); each input that
shows it carries its ``benchmark_name``, which every text of the chart uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Polarity = Literal["high_is_good", "low_is_good", "no_judgement"]


@dataclass(frozen=True)
class TrendPoint:
    """One period of a trend: the area's value, its 95% limits, and the benchmark's value."""

    period: str
    value: float | None
    lower: float | None = None
    upper: float | None = None
    benchmark: float | None = None


@dataclass(frozen=True)
class TrendInput:
    """An indicator for one area over time; ``points`` in period order, oldest first."""

    indicator: str
    area: str
    unit: str
    points: tuple[TrendPoint, ...]
    decimals: int = 1
    benchmark_name: str = "England"


@dataclass(frozen=True)
class CompareBar:
    """One bar: an area (or the benchmark) with its 95% limits and verdict.

    ``role`` is ``"area"`` (the page's own area, highlighted), ``"comparator"``
    (a comparator, region or any other area), ``"benchmark"``, or ``"gap"`` (a row standing
    for the areas a long ranking leaves out of the chart; its label says which).
    """

    label: str
    value: float | None
    lower: float | None = None
    upper: float | None = None
    verdict: str = "Not compared"
    role: Literal["area", "comparator", "benchmark", "gap"] = "comparator"
    rank: int = 0
    """Its place in a ranking (1 is the highest value); 0 where it is not ranked."""


@dataclass(frozen=True)
class CompareInput:
    """Areas compared on one indicator in one period; ``ranked`` sorts bars by value."""

    indicator: str
    period: str
    unit: str
    bars: tuple[CompareBar, ...]
    ranked: bool = False
    decimals: int = 1
    benchmark_name: str = "England"
    areas_name: str = ""
    """What the ranked areas are, for a ranking's title: `Districts and unitary authorities`."""


@dataclass(frozen=True)
class SpineRow:
    """One indicator on an area's spine chart: the area's value on the range of all areas, around the benchmark's."""

    indicator: str
    period: str
    unit: str
    value: float | None
    benchmark: float | None
    minimum: float | None
    q25: float | None
    q75: float | None
    maximum: float | None
    polarity: Polarity
    verdict: str = "Not compared"
    decimals: int = 1


@dataclass(frozen=True)
class SpineInput:
    """An area overview: one row per indicator, in page order."""

    area: str
    rows: tuple[SpineRow, ...]
    benchmark_name: str = "England"


@dataclass(frozen=True)
class PyramidBand:
    """One 5-year age band: counts (or shares) of males and females, here and in the benchmark."""

    age: str
    male: float | None
    female: float | None
    benchmark_male: float | None = None
    benchmark_female: float | None = None


@dataclass(frozen=True)
class PyramidInput:
    """A population pyramid; ``bands`` youngest first. Values are shown as % of total."""

    area: str
    period: str
    bands: tuple[PyramidBand, ...]
    benchmark_name: str = "England"


@dataclass(frozen=True)
class MapArea:
    """One area's value and verdict on a map."""

    code: str
    name: str
    value: float | None
    verdict: str = ""


@dataclass(frozen=True)
class MapInput:
    """An indicator across areas, for a choropleth."""

    indicator: str
    period: str
    unit: str
    areas: tuple[MapArea, ...]
    decimals: int = 1
    benchmark_name: str = "England"


@dataclass(frozen=True)
class InequalityInput:
    """One breakdown of an indicator in one area and period: a bar per category (``verdict``:
    compared with the area's value for everyone), in the categories' order, and that value."""

    indicator: str
    area: str
    breakdown: str
    period: str
    unit: str
    bars: tuple[CompareBar, ...]
    overall: float | None
    gap: str = ""
    decimals: int = 1
