"""Helpers for comparing our results with the expected-value tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from generators.stats import Estimates

PHE_LIMITS = ["value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl"]
OUR_LIMITS = ["value", "lower_ci_95", "upper_ci_95", "lower_ci_998", "upper_ci_998"]


def assert_close(found: object, expected: object, rtol: float = 1e-6) -> None:
    """Equal within a relative error of `rtol`, NaN where expected is NaN."""
    np.testing.assert_allclose(np.asarray(found, dtype=float), np.asarray(expected, dtype=float), rtol=rtol, equal_nan=True)


def assert_estimates(found: Estimates, expected: pd.DataFrame, columns: list[str] = PHE_LIMITS) -> None:
    """Every column of an `Estimates` against the PHE table's columns."""
    frame = found.as_frame()
    for ours, theirs in zip(OUR_LIMITS, columns):
        assert_close(frame[ours], expected[theirs])
