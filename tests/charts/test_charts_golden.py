"""Golden files: one chart of each type (spec, SVG, CSV and figure HTML).

Rewrite them with ``UPDATE_GOLDEN=1 pytest tests/charts``; tests never rewrite otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import chart_samples as s
import pytest

from generators.charts import (
    Chart,
    chart_compare,
    chart_files,
    chart_map,
    chart_pyramid,
    chart_spine,
    chart_trend,
    render_figure,
)

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1" and not os.environ.get("CI")


def make(kind: str) -> Chart:
    if kind == "map" and not s.FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    chart = {
        "trend": lambda: chart_trend(s.trend()),
        "compare": lambda: chart_compare(s.compare()),
        "spine": lambda: chart_spine(s.spine()),
        "pyramid": lambda: chart_pyramid(s.pyramid()),
        "map": lambda: chart_map(s.map_input(s.hex_boundaries()), s.hex_boundaries()),
    }[kind]()
    assert isinstance(chart, Chart)
    return chart


@pytest.mark.parametrize("kind", ["trend", "compare", "spine", "pyramid", "map"])
def test_golden(kind):
    chart = make(kind)
    files = {name.replace(f"charts/{kind}", "chart"): data for name, data in chart_files(chart, kind).items()}
    files["spec.json"] = (json.dumps(chart.spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
    files["figure.html"] = (render_figure(chart, kind) + "\n").encode()
    folder = GOLDEN / kind
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    for name, data in files.items():
        expected = folder / name
        assert expected.exists(), f"{expected} is missing: run UPDATE_GOLDEN=1 pytest tests/charts"
        assert data == expected.read_bytes(), f"{expected} differs: check the change, then UPDATE_GOLDEN=1"
