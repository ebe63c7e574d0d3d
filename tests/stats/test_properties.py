"""Properties every interval must have, on generated inputs."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from generators.stats import compute_proportion, compute_rate

counts_and_denominators = st.integers(1, 10**7).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


def assert_nested(e) -> None:
    """Limits contain the estimate, and the 99.8% limits contain the 95% limits."""
    tolerance = 1e-9 * np.maximum(1, np.abs(e.value))
    assert (e.lower_ci_998 <= e.lower_ci_95 + tolerance).all() and (e.lower_ci_95 <= e.value + tolerance).all()
    assert (e.value <= e.upper_ci_95 + tolerance).all() and (e.upper_ci_95 <= e.upper_ci_998 + tolerance).all()


@given(st.lists(counts_and_denominators, min_size=1, max_size=20))
def test_proportion_limits_nest_and_stay_within_0_and_1(pairs):
    x, n = np.array(pairs, dtype=float).T
    e = compute_proportion(x, n)
    assert_nested(e)
    assert (e.lower_ci_998 >= -1e-12).all() and (e.upper_ci_998 <= 1 + 1e-12).all()


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 10**8)), min_size=1, max_size=20))
def test_rate_limits_nest_and_are_not_negative(pairs):
    x, n = np.array(pairs, dtype=float).T
    e = compute_rate(x, n)
    assert_nested(e)
    assert (e.lower_ci_998 >= 0).all()
