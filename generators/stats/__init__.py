"""The statistics stage: confidence limits, standardised rates, life expectancy, benchmark
comparisons, recent trends and suppression, written from the published methods.

Array functions (one module per family) take and return numpy arrays, computing 95% and
99.8% limits in one pass; verdicts.py applies them to the indicator table (ARCHITECTURE.md).
"""

from generators.stats._common import LEVELS, Estimates, z_value
from generators.stats.assess import assess
from generators.stats.compare import POLARITIES, assign_quantiles, compare_by_quintile, compare_limits_to_benchmark
from generators.stats.dsr import compute_dobson_limits, compute_dsr, compute_dsr_by_area, load_esp2013
from generators.stats.funnel import assign_funnel_significance, compute_funnel_limits
from generators.stats.inequalities import category_order, inequality_indices
from generators.stats.isr import compute_expected, compute_isr, compute_isr_from_totals, compute_isr_rate
from generators.stats.life_expectancy import compute_life_expectancy
from generators.stats.means import compute_mean, summarise_values
from generators.stats.proportions import compute_proportion, compute_wilson_limits
from generators.stats.ranges import compute_ranges
from generators.stats.rates import (
    compute_byars_limits,
    compute_count,
    compute_exact_limits,
    compute_poisson_limits,
    compute_rate,
    name_count_method,
)
from generators.stats.sii import compute_sii
from generators.stats.suppress import SuppressionRule, find_small_counts, suppress_small_counts
from generators.stats.trend import compute_trend, compute_trend_statistic
from generators.stats.verdicts import Agreement, agreement, compare_rows_to_benchmark, compute_trends, infer_polarity

__all__ = [
    "LEVELS",
    "POLARITIES",
    "Agreement",
    "Estimates",
    "SuppressionRule",
    "agreement",
    "assess",
    "assign_funnel_significance",
    "assign_quantiles",
    "category_order",
    "compare_by_quintile",
    "compare_limits_to_benchmark",
    "compare_rows_to_benchmark",
    "compute_byars_limits",
    "compute_count",
    "compute_dobson_limits",
    "compute_dsr",
    "compute_dsr_by_area",
    "compute_exact_limits",
    "compute_expected",
    "compute_funnel_limits",
    "compute_isr",
    "compute_isr_from_totals",
    "compute_isr_rate",
    "compute_life_expectancy",
    "compute_mean",
    "compute_poisson_limits",
    "compute_proportion",
    "compute_ranges",
    "compute_rate",
    "compute_sii",
    "compute_trend",
    "compute_trend_statistic",
    "compute_trends",
    "compute_wilson_limits",
    "find_small_counts",
    "inequality_indices",
    "infer_polarity",
    "load_esp2013",
    "name_count_method",
    "summarise_values",
    "suppress_small_counts",
    "z_value",
]
