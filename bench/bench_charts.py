"""Per-chart cost of each chart type: spec (with data table and CSV) and static SVG.

Run: python bench/bench_charts.py [N]   (N charts per type, default 1000; vl-convert types use N/20)
Prints median milliseconds per chart; pyramid and map are timed with a cold and a warm cache.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "charts")]

import chart_samples as s  # noqa: E402

from generators.charts import (  # noqa: E402  # noqa: E402
    chart_compare,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
    compare,
    render_figure,
    spine,
    trend,
)
from generators.charts.designs import new_spec  # noqa: E402


def median_ms(fn, inputs) -> float:
    times = []
    for x in inputs:
        start = time.perf_counter()
        fn(x)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def varied_trends(n: int):
    base = s.trend(periods=10)
    return [replace(base, points=tuple(replace(p, value=p.value + i / 1000) for p in base.points)) for i in range(n)]


def main(n: int) -> None:
    for kind in ("trend", "compare", "spine", "pyramid", "map"):
        new_spec(kind, [], "", "England")  # Altair designs each type once; not part of the per-chart cost
    print(f"{'chart type':<10} {'spec ms':>9} {'static SVG ms':>15} {'whole chart ms':>15} {'figure HTML ms':>15}  (median of {n})")
    trends = varied_trends(n)
    simple = [
        ("trend", trends, lambda t: trend._spec(t, list(t.points), "d"), lambda t: trend._svg(t, list(t.points), "t", "d"), chart_trend),
        (
            "compare",
            [s.compare(f"Indicator {i}") for i in range(n)],
            lambda c: compare._spec(c, list(c.bars), "d"),
            lambda c: compare._svg(c, list(c.bars), "t", "d"),
            chart_compare,
        ),
        (
            "spine",
            [s.spine(f"Indicator {i}") for i in range(n)],
            lambda c: spine._spec(c, list(c.rows), "d"),
            lambda c: spine._svg(c, list(c.rows), "t", "d"),
            chart_spine,
        ),
    ]
    for name, inputs, spec_fn, svg_fn, chart_fn in simple:
        charts = [chart_fn(x) for x in inputs[:50]]
        html = median_ms(lambda c: render_figure(c, "x"), charts)
        print(f"{name:<10} {median_ms(spec_fn, inputs):>9.3f} {median_ms(svg_fn, inputs):>15.3f} {median_ms(chart_fn, inputs):>15.3f} {html:>15.3f}")
    m = max(n // 20, 10)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        pyramids = [s.pyramid(f"Area {i}") for i in range(m)]
        cold = median_ms(lambda p: chart_pyramid(p, cache), pyramids)
        warm = median_ms(lambda p: chart_pyramid(p, cache), pyramids)
        print(f"{'pyramid':<10} vl-convert static SVG: cold cache {cold:.1f} ms, warm cache {warm:.2f} ms (median of {m})")
        for label, boundaries in (("hex", s.hex_boundaries()), ("geojson", s.geo_boundaries())):
            maps = [s.map_input(boundaries, f"Indicator {i}") for i in range(m)]
            draw = lambda x, b=boundaries: chart_map(x, b, cache)  # noqa: E731
            cold = median_ms(draw, maps)
            warm = median_ms(draw, maps)
            print(f"{'map ' + label:<10} vl-convert static SVG: cold cache {cold:.1f} ms, warm cache {warm:.2f} ms (median of {m})")
    sizes = {
        name: len(render_figure(fn(x), "x").encode())
        for name, fn, x in (
            ("trend (10 periods)", chart_trend, trends[0]),
            ("compare (7 bars)", chart_compare, s.compare()),
            ("spine (4 rows)", chart_spine, s.spine()),
        )
    }
    print("figure HTML bytes: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
