"""Fixtures for the statistics tests: the shared third-party files at ../shared (see its README)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

EXPORT_COLUMNS = {
    "Indicator ID": "indicator_id",
    "Indicator Name": "indicator_name",
    "Parent Code": "parent_code",
    "Parent Name": "parent_name",
    "Area Code": "area_code",
    "Area Name": "area_name",
    "AreaName": "area_name",
    "Area Type": "area_type",
    "Sex": "sex",
    "Age": "age",
    "Category Type": "category_type",
    "Category": "category",
    "Time period": "period",
    "Time period Sortable": "period_sortable",
    "Value": "value",
    "Lower CI 95.0 limit": "lower_ci_95",
    "Upper CI 95.0 limit": "upper_ci_95",
    "Lower CI 99.8 limit": "lower_ci_998",
    "Upper CI 99.8 limit": "upper_ci_998",
    "Count": "count",
    "Denominator": "denominator",
    "Value note": "value_note",
    "Recent Trend": "recent_trend",
    "Compared to England value or percentiles": "compared_to_england",
    "Compared to Region value or percentiles": "compared_to_parent",
    "Compared to parent value or percentiles": "compared_to_parent",
}
NUMBERS = ["value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator"]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared fixtures folder beside the repository; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent (looked for {SHARED}): third-party fixtures are not in the repository")
    return SHARED


@pytest.fixture(scope="session")
def phe(shared: Path) -> Path:
    """The PHEindicatormethods expected-value tables."""
    return shared / "fixtures" / "phe-methods"


def read_fingertips_export(path: Path) -> pd.DataFrame:
    """A Fingertips CSV download as an indicator table (ARCHITECTURE.md names), for tests only."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    table = raw.rename(columns=EXPORT_COLUMNS)[[c for c in dict.fromkeys(EXPORT_COLUMNS.values()) if c in raw.rename(columns=EXPORT_COLUMNS)]]
    table = table.assign(indicator_name=table["indicator_name"].str.strip())
    for column in NUMBERS:
        table[column] = pd.to_numeric(table[column].replace("", np.nan))
    table["period_sortable"] = table["period_sortable"].astype(int)
    table["source_file"] = path.name
    table["source_line"] = np.arange(len(table)) + 2  # approximate: one export row per line after the header
    return table
