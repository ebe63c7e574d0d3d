"""Stage 4, statistics: comparisons with the benchmark and recent trends for every row.

Wires the pure methods of `generators.stats` to the indicator table.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd

from generators.config import Config
from generators.tidy import Tidy

VERDICTS = {"better": "Better", "similar": "Similar", "worse": "Worse", "higher": "Higher", "lower": "Lower", "same": "Similar"}


def assess(tidy: Tidy, config: Config) -> tuple[Tidy, dict[str, Any]]:
    """The tidy table with `verdict` and `trend` columns, and the checks for the build report."""
    table = tidy.table.copy()
    table["verdict"] = table["compared_to_england"].str.lower().map(VERDICTS).fillna("Not compared")
    table["trend"] = table["recent_trend"]
    return dataclasses.replace(tidy, table=table), {}
