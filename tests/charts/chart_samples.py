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
