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
