"""Time the statistics stage on one million synthetic rows (a script, not a test).

Run from the repository root: .venv/bin/python -m bench.bench_stats, or PYTHONPATH=. .venv/bin/python bench/bench_stats.py (target: under 10 seconds in all)
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from generators.stats import compare_rows_to_benchmark, compute_proportion, compute_rate

ROWS = 1_000_000


def build_table(rows: int, seed: int = 1) -> pd.DataFrame:
    """An indicator table of `rows` rows: 50 indicators x 20,000 areas, England first in each."""
    rng = np.random.default_rng(seed)
    denominator = rng.integers(100, 200_000, rows).astype(float)
    count = rng.binomial(denominator.astype(int), rng.uniform(0.001, 0.5, rows)).astype(float)
    areas = rows // 50
    codes = np.array(["E92000001", *(f"E{i:08d}" for i in range(1, areas))])
    return pd.DataFrame(
        {
            "indicator_id": np.repeat([str(90000 + i) for i in range(50)], areas),
            "area_code": np.tile(codes, 50),
            "period": "2023",
            "sex": "Persons",
            "age": "All ages",
            "category_type": "",
            "category": "",
            "count": count,
            "denominator": denominator,
        }
    )


def timed(label: str, step: Callable[[], object], results: list[tuple[str, float]]) -> object:
    """Run `step`, recording its wall-clock time under `label`."""
    start = time.perf_counter()
    out = step()
    results.append((label, time.perf_counter() - start))
    return out


def main() -> None:
    results: list[tuple[str, float]] = []
    table = timed("build 1M synthetic rows", lambda: build_table(ROWS), results)
    wilson = timed("Wilson limits (95% + 99.8%)", lambda: compute_proportion(table["count"], table["denominator"], 100), results)
    timed("Byar's/exact limits (95% + 99.8%)", lambda: compute_rate(table["count"], table["denominator"]), results)
    with_limits = pd.concat([table, wilson.as_frame()], axis=1)
    polarity = {i: "high_is_good" for i in with_limits["indicator_id"].unique()}
    verdicts = timed("verdicts against England", lambda: compare_rows_to_benchmark(with_limits, polarity), results)
    stats_total = sum(t for label, t in results[1:])
    print(f"{'step':<38}{'seconds':>9}")
    for label, seconds in results:
        print(f"{label:<38}{seconds:>9.2f}")
    print(f"{'statistics total (excluding build)':<38}{stats_total:>9.2f}")
    print(f"verdicts: {pd.Series(verdicts).value_counts().to_dict()}")


if __name__ == "__main__":
    main()
