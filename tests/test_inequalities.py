"""Inequalities on the demonstration site, end to end: an Inequalities page for every area, the
slope index of inequality for at least three indicators on each, the site-wide topic, and every
category row of the demonstration data on the pages or in the downloads (the build report)."""

from __future__ import annotations

import json
import re
from pathlib import Path


def test_every_area_has_an_inequalities_page_with_the_slope_index_for_three_indicators_or_more(demo_site: Path) -> None:
    areas = sorted(p.name for p in (demo_site / "areas").iterdir() if (p / "inequalities" / "index.html").exists())
    assert areas == ["adur", "arun", "chichester", "crawley", "horsham", "mid-sussex", "west-sussex", "worthing"]  # the councils; the NHS areas have no deprivation breakdowns
    for area in areas:
        page = (demo_site / "areas" / area / "inequalities" / "index.html").read_text(encoding="utf-8")
        with_index = set(re.findall(r'<h3 id="([a-z0-9-]+)-by-deprivation[^"]*">', page))
        indices = page.count("Slope index of inequality:")
        assert indices >= 3 and len(with_index) >= 3, (area, indices, with_index)
        assert "jsna-chart--inequality" in page and "overall" in page
        overview = (demo_site / "areas" / area / "index.html").read_text(encoding="utf-8")
        assert 'href="inequalities/"' in overview, area


def test_the_inequalities_topic_lists_every_area(demo_site: Path) -> None:
    page = (demo_site / "topics" / "inequalities" / "index.html").read_text(encoding="utf-8")
    assert page.count('href="../../areas/') >= 8
    assert 'href="inequalities/"' in (demo_site / "topics" / "index.html").read_text(encoding="utf-8")


def test_every_category_row_is_used_and_counted_by_type(demo_site: Path) -> None:
    report = json.loads((demo_site / "build-report.json").read_text(encoding="utf-8"))
    assert report["rows"]["rejected"] == 0
    kinds = {b["category_type"]: b for b in report["breakdowns"]}
    assert {"Ethnic groups"} < set(kinds) and any("deprivation deciles" in k for k in kinds)
    assert all(b["used"] == b["rows"] and 0 < b["on_pages"] <= b["rows"] for b in kinds.values())


def test_englands_breakdowns_are_on_the_indicator_page(demo_site: Path) -> None:
    page = (demo_site / "indicators" / "adult-smoking" / "index.html").read_text(encoding="utf-8")
    assert "England by group" in page and "jsna-chart--inequality" in page
