"""Golden files: one chart of each type (spec, SVG, CSV, figure HTML, and the spec file of a page
holding that one chart, as the site serves it: compact, without $schema), and the compact chart
of a long ranking (a static SVG alone, no spec).

Rewrite them with ``pytest tests/charts --update-golden``; tests never rewrite otherwise (CI never does).
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
    page_specs,
    render_figure,
)

GOLDEN = Path(__file__).parent / "golden"


def make(kind: str) -> Chart:
    if kind == "map" and not s.FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    chart = {
        "trend": lambda: chart_trend(s.trend()),
        "compare": lambda: chart_compare(s.compare()),
        "spine": lambda: chart_spine(s.spine()),
        "pyramid": lambda: chart_pyramid(s.pyramid()),
        "map": lambda: chart_map(s.map_input(s.hex_boundaries()), s.hex_boundaries()),
        "ranking": lambda: chart_compare(s.ranking()),
    }[kind]()
    assert isinstance(chart, Chart)
    return chart


@pytest.mark.parametrize("kind", ["trend", "compare", "spine", "pyramid", "map", "ranking"])
def test_golden(kind, update_golden):
    chart = make(kind)
    files = {name.replace(f"charts/{kind}", "chart"): data for name, data in chart_files(chart, kind).items()}
    if chart.spec is not None:  # the spine chart is drawn in HTML: no live spec, no spec file
        files["spec.json"] = (json.dumps(chart.spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
        files["page-specs.json"] = page_specs({kind: chart})["charts/specs.json"]
    else:
        assert page_specs({kind: chart}) == {}
    files["figure.html"] = (render_figure(chart, kind) + "\n").encode()
    folder = GOLDEN / kind
    if update_golden and not os.environ.get("CI"):
        folder.mkdir(parents=True, exist_ok=True)
        for stale in {p.name for p in folder.iterdir()} - set(files):
            (folder / stale).unlink()
        for name, data in files.items():
            (folder / name).write_bytes(data)
    assert sorted(p.name for p in folder.iterdir()) == sorted(files), f"{folder} must hold exactly the files compared here"
    for name, data in files.items():
        expected = folder / name
        assert expected.exists(), f"{expected} is missing: run pytest tests/charts --update-golden"
        assert data == expected.read_bytes(), f"{expected} differs: check the change, then pytest tests/charts --update-golden"
