"""The charts stage: plain typed inputs to Vega-Lite specs, static SVGs and HTML figures.

Knows nothing of pandas or MkDocs. See ``inputs`` for the inputs and ``Chart`` for the result.
"""

from generators.charts.assets import asset_files, write_assets
from generators.charts.chart import Chart, NoChart
from generators.charts.compare import chart_compare
from generators.charts.funnel import FunnelDot, FunnelInput, chart_funnel
from generators.charts.html import chart_files, page_specs, render_figure
from generators.charts.inequality import chart_inequality
from generators.charts.inputs import (
    CompareBar,
    CompareInput,
    InequalityInput,
    MapArea,
    MapInput,
    PyramidBand,
    PyramidInput,
    SpineInput,
    SpineRow,
    TrendInput,
    TrendPoint,
)
from generators.charts.maps import chart_map
from generators.charts.pyramid import chart_pyramid
from generators.charts.spine import chart_spine
from generators.charts.trend import chart_trend
from generators.load.boundaries import Boundaries, Shape

__all__ = [
    "Boundaries",
    "Chart",
    "CompareBar",
    "CompareInput",
    "FunnelDot",
    "FunnelInput",
    "InequalityInput",
    "MapArea",
    "MapInput",
    "NoChart",
    "PyramidBand",
    "PyramidInput",
    "Shape",
    "SpineInput",
    "SpineRow",
    "TrendInput",
    "TrendPoint",
    "asset_files",
    "chart_compare",
    "chart_files",
    "chart_funnel",
    "chart_inequality",
    "chart_map",
    "chart_pyramid",
    "chart_spine",
    "chart_trend",
    "page_specs",
    "render_figure",
    "write_assets",
]
