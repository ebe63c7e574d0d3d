"""Column names of the indicator table and the keys that identify a row and a series.

One home for both: every stage keys a breakdown the same way, as a `Breakdown` of sex, age,
category type and category (`category_type == ""` is the whole population)."""

from __future__ import annotations

from dataclasses import dataclass

BREAKDOWN = ["sex", "age", "category_type", "category"]
"""The columns of a breakdown, in order."""

SERIES = ["indicator_id", *BREAKDOWN]
"""One indicator for one breakdown: a series of periods (within an area)."""

ROW_KEY = ["indicator_id", "area_code", *BREAKDOWN, "period"]
"""What identifies one input row: two rows with the same key are duplicates."""

VALUES = ["value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator"]
LIMITS = [("lower_ci_95", "upper_ci_95"), ("lower_ci_998", "upper_ci_998")]

POINT_COLUMNS = [
    "period", "value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator", "value_note", "status", "verdict", "trend", "trend_source",
]
"""The columns of one period of a series, in the order of `model.Point`'s fields."""

DOWNLOAD_COLUMNS = [
    "indicator_id", "indicator_name", "area_code", "area_name", "area_type", "sex", "age", "category_type", "category", "period", "value",
    "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998", "count", "denominator", "value_note", "status", "verdict", "trend",
]
"""The columns of the data downloads, in order."""

POLARITIES = ("high_is_good", "low_is_good", "no_judgement")
"""Which way is good: the indicator table's `polarity` values."""

SEX_ORDER = {"Persons": 0, "Female": 1, "Male": 2}


@dataclass(frozen=True, order=True)
class Breakdown:
    """Who a value is about: a sex, an age band and, for inequalities, a category of a category type
    (for example `Deprivation decile` / `Most deprived decile`). Blank fields mean everyone."""

    sex: str = ""
    age: str = ""
    category_type: str = ""
    category: str = ""

    def order(self) -> tuple[int, str, str, str]:
        """Persons first, then Female, Male; ages and categories in the data's order."""
        return (SEX_ORDER.get(self.sex, 3), self.age, self.category_type, self.category)
