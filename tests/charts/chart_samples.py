"""Sample inputs for the chart tests and the benchmark: one of each chart type."""

from __future__ import annotations

from pathlib import Path

from generators.charts import (
    CompareBar,
    CompareInput,
    MapArea,
    MapInput,
    PyramidBand,
    PyramidInput,
    SpineInput,
    SpineRow,
    TrendInput,
    TrendPoint,
)
from generators.load.boundaries import load_boundaries

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "boundaries"
HOSTILE = "<script>alert(1)</script>"


def trend(name: str = "Smoking prevalence", periods: int = 9) -> TrendInput:
    points = tuple(TrendPoint(str(2015 + i), 19.0 - 0.6 * i, 17.8 - 0.6 * i, 20.2 - 0.6 * i, 14.0 - 0.15 * i) for i in range(periods))
    return TrendInput(name, "County Durham", "%", points)


def compare(name: str = "Smoking prevalence") -> CompareInput:
    others = [
        ("Gateshead", 13.0, "Better"),
        ("Sunderland", 15.9, "Worse"),
        ("Northumberland", 11.2, "Better"),
        ("Darlington", 12.7, "Similar"),
        ("Hartlepool", 17.1, "Not compared"),
    ]
    bars = (
        CompareBar("County Durham", 14.2, 13.1, 15.3, "Worse", "area"),
        *(CompareBar(n, v, v - 1.2, v + 1.2, vd) for n, v, vd in others),
        CompareBar("England", 12.9, 12.8, 13.0, "", "benchmark"),
    )
    return CompareInput(name, "2023", "%", bars)


def spine(name: str = "Smoking prevalence") -> SpineInput:
    rows = (
        SpineRow(name, "2023", "%", 14.2, 12.9, 4.0, 10.1, 15.2, 25.0, "low_is_good", "Worse"),
        SpineRow("Physically active adults", "2022/23", "%", 70.1, 67.1, 55, 63, 70, 78, "high_is_good", "Better"),
        SpineRow("Under 75 mortality from cancer", "2021-23", "per 100,000", 130.2, 125.0, 90, 115, 138, 190, "low_is_good", "Similar"),
        SpineRow("Population aged 65+", "2023", "%", 21.0, 18.7, 8, 16, 22, 33, "no_judgement", "Higher"),
    )
    return SpineInput("County Durham", rows)


def pyramid(area: str = "County Durham") -> PyramidInput:
    ages = [f"{a}-{a + 4}" for a in range(0, 90, 5)] + ["90+"]
    bands = tuple(
        PyramidBand(age, 1000 + 40 * i - 3 * i * i, 980 + 45 * i - 3 * i * i + (i > 14) * 60, 1100 - 10 * i - 2 * i * i + 300, 1080 - 8 * i - 2 * i * i + 300)
        for i, age in enumerate(ages)
    )
    return PyramidInput(
        area, "2023", tuple(PyramidBand(b.age, max(b.male, 0), max(b.female, 0), max(b.benchmark_male, 0), max(b.benchmark_female, 0)) for b in bands)
    )


def hex_boundaries():
    return load_boundaries(FIXTURES / "utla_hexmap_2019.hexjson")


def geo_boundaries():
    return load_boundaries(FIXTURES / "utla_pre2019_fingertips.geojson", "AreaCode")


def map_input(boundaries, name: str = "Smoking prevalence") -> MapInput:
    verdicts = ("Better", "Similar", "Worse")
    areas = tuple(MapArea(s.code, s.name, 10 + (i * 37 % 150) / 10, verdicts[i % 3]) for i, s in enumerate(boundaries.shapes) if i % 10)
    return MapInput(name, "2023", "%", (*areas, MapArea("E99999999", "Not on any map", 12.0, "Similar")))


LONG_NAMES = ["Kensington and Chelsea", "Hammersmith and Fulham", "Bath and North East Somerset", "Redcar and Cleveland", "Windsor and Maidenhead"]


def ranking(count: int = 40, unit: str = "per 100,000") -> CompareInput:
    """A long ranking (more areas than the chart shows), one of them the page's own area, with long area names."""
    verdicts = ("Better", "Similar", "Worse", "Higher", "Lower", "Not compared")
    bars = tuple(
        CompareBar(LONG_NAMES[i % 5] + (f" {i}" if i >= 5 else ""), 1500.0 - 20 * i, 1450.0 - 20 * i, 1550.0 - 20 * i, verdicts[i % 6], "area" if i == 17 else "comparator", i + 1)
        for i in range(count)
    )
    return CompareInput("Under 75 mortality from all causes", "2021 - 23", unit, (*bars, CompareBar("England", 1100.0, 1090.0, 1110.0, "", "benchmark")), ranked=True, areas_name="Counties and unitary authorities")


def inequality():
    from generators.charts import InequalityInput

    labels = ["1 most deprived", *(str(i) for i in range(2, 10)), "10 least deprived"]
    bars = tuple(CompareBar(label, 30.0 - 2 * i, 28.0 - 2 * i, 32.0 - 2 * i, ("Worse", "Similar", "Better")[min(i // 4, 2)]) for i, label in enumerate(labels))
    return InequalityInput("Adult smoking", "County Durham", "Deprivation (tenths of neighbourhoods in the area)", "2023", "%", bars, 20.0, "The gap is 18 points.")


def funnel():
    import math

    from generators.charts import FunnelDot, FunnelInput

    sizes = [800 * 1.6**i for i in range(24)]
    significance = ("Not significant", "High (0.025)", "Low (0.025)", "High (0.001)", "Low (0.001)")
    dots = tuple(FunnelDot(LONG_NAMES[i % 5] + f" {i}", n, 12.0 + (i % 7 - 3) * 1.5, significance[i % 5], i == 3) for i, n in enumerate(sizes))
    xs = tuple(600 * 1.3**i for i in range(60))
    lines = tuple(
        (name, xs, tuple(12.0 + sign * z * 100 * math.sqrt(0.12 * 0.88 / x) for x in xs))
        for name, sign, z in (("95% lower", -1, 1.96), ("95% upper", 1, 1.96), ("99.8% lower", -1, 3.09), ("99.8% upper", 1, 3.09))
    )
    return FunnelInput("Adult smoking", "2023", "%", "Counties and unitary authorities", dots, lines, 12.0)


def long_spine() -> SpineInput:
    """Real exports' names are long: the indicator's full name with its breakdown."""
    name = "Under 75 mortality rate from all cardiovascular diseases (Persons, 1 year range, directly standardised)"
    rows = (*spine().rows, SpineRow(name, "2021 - 23", "per 100,000", 1007.1, 945.2, 600.0, 850.0, 1050.0, 1600.0, "low_is_good", "Not compared"))
    return SpineInput("Bath and North East Somerset", rows, "South East region")


def long_periods() -> tuple[TrendPoint, ...]:
    """Rolling three-year periods, as Fingertips labels them: long labels under a phone's narrow plot."""
    return tuple(TrendPoint(f"20{10 + i}/{11 + i} - {12 + i}/{13 + i}", 30.0 + i, 28.0 + i, 32.0 + i, 31.0) for i in range(8))
