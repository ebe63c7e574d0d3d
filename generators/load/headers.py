"""The headers the load stage knows: Fingertips export columns and our names for them, the tidy format's columns."""

from __future__ import annotations

import re

FINGERTIPS_COLUMNS = {
    "Indicator ID": "indicator_id", "Indicator Name": "indicator_name", "Parent Code": "parent_code",
    "Parent Name": "parent_name", "Area Code": "area_code", "Area Name": "area_name", "Area Type": "area_type",
    "Sex": "sex", "Age": "age", "Category Type": "category_type", "Category": "category",
    "Time period": "period", "Value": "value", "Lower CI 95.0 limit": "lower_ci_95",
    "Upper CI 95.0 limit": "upper_ci_95", "Lower CI 99.8 limit": "lower_ci_998",
    "Upper CI 99.8 limit": "upper_ci_998", "Count": "count", "Denominator": "denominator",
    "Value note": "value_note", "Recent Trend": "recent_trend",
    "Compared to England value or percentiles": "compared_to_england",
    "Time period Sortable": "period_sortable", "New data": "new_data", "Compared to goal": "compared_to_goal",
}
OPTIONAL_FINGERTIPS = {"Time period range": "period_range"}
PARENT_COMPARISON = re.compile(r"^Compared to (?!England\b)(.+ )?(value or )?percentiles$", re.IGNORECASE)
TIDY_REQUIRED = ("area_code", "indicator_id", "period", "value")
TIDY_OPTIONAL = (
    "area_name", "area_type", "parent_code", "parent_name", "indicator_name", "sex", "age",
    "category_type", "category", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998",
    "count", "denominator", "value_note", "period_sortable",
)
NUMBER_COLUMNS = ("value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator")
TEXT_COLUMNS = (
    "indicator_id", "indicator_name", "parent_code", "parent_name", "area_code", "area_name", "area_type",
    "sex", "age", "category_type", "category", "period", "value_note", "recent_trend",
    "compared_to_england", "compared_to_parent",
)
TRAILING_OPTIONAL = {"", "new_data", "compared_to_goal", "period_range"}


def header_key(cell: str) -> str:
    """A header cell as a key that ignores how it was written: case, spaces, dots, underscores
    (`Lower CI 95.0 limit`, `Lower_CI_95.0_limit`, `Lower.CI.95.0.limit` and fingertipsR's
    `LowerCI95.0limit` are one key, `lowerci950limit`)."""
    return re.sub(r"[^a-z0-9]", "", cell.lstrip("\ufeff").lower())


FINGERTIPS_KEYS = {header_key(name): ours for name, ours in (FINGERTIPS_COLUMNS | OPTIONAL_FINGERTIPS).items()}
"""Every Fingertips column by its key; fingertipsR's and fingertips_py's data frame names, R's
`write.csv` names and common renamings all reach the same key."""
PARENT_KEY = re.compile(r"^comparedto(?!england)[a-z0-9]*percentiles$")
"""`Compared to parent value or percentiles`, `Compared to Region value or percentiles`, ..."""
NOT_USED_KEYS = {"columnnotused"}
"""Columns some exports carry that hold nothing we use."""


def fingertips_name(cell: str) -> str | None:
    """Our column name for a Fingertips header cell, "" for a column known and not used, None if unknown."""
    key = header_key(cell)
    if key in FINGERTIPS_KEYS:
        return FINGERTIPS_KEYS[key]
    if PARENT_KEY.match(key):
        return "compared_to_parent"
    return "" if key in NOT_USED_KEYS else None


def is_r_resave(header: list[str]) -> bool:
    """A file read by R's `read.csv` and saved by `write.csv`: a first, unnamed column of row numbers
    before the Fingertips columns (and `NA` for every blank cell)."""
    return len(header) > 1 and header[0].strip().lstrip("\ufeff") == "" and header_key(header[1]) == "indicatorid"
