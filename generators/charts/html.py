"""A chart as Markdown-embeddable HTML, and the files it links to.

The figure carries the spec (for charts.js), the static SVG as an <img> (what shows
without JavaScript and in print), a caption with the title and description, download
links, and the data table. Every text from data is escaped.
"""

from __future__ import annotations

import json
from html import escape

from generators.charts.chart import Chart

SPECS = "charts/specs.json"


def render_figure(chart: Chart, stem: str, table: bool = True) -> str:
    """The raw HTML of one chart, with no blank lines (one Markdown HTML block).

    The Vega-Lite spec lives in the page's one spec file (`charts/specs.json`, keyed by
    stem; see `page_specs`), named in `data-vega-spec-src`, so pages stay small and a
    page's specs are one file; `table=False` leaves out the data table
    where the page already shows the same data as a table next to the chart."""
    base = f"charts/{stem}"
    data_table = f"<div data-search-exclude><details><summary>Data table</summary>{_table(chart)}</details></div>" if table else ""
    parts = [
        f'<figure class="jsna-chart jsna-chart--{_e(chart.kind)}" data-vega-spec-src="{SPECS}#{_e(stem)}" aria-labelledby="{_e(stem)}-chart-title" aria-describedby="{_e(stem)}-chart-desc">',
        f'<figcaption><strong class="jsna-chart__title" id="{_e(stem)}-chart-title">{_e(chart.title)}</strong> <span class="jsna-chart__desc" id="{_e(stem)}-chart-desc">{_e(chart.description)}</span></figcaption>',
        f'<img class="jsna-chart__static" src="{_e(base)}.svg" alt="{_e(chart.alt)}" loading="lazy">',
        f'<p class="jsna-chart__downloads">Download: <a href="{_e(base)}.csv" download>data (CSV)</a> <a href="{_e(base)}.svg" download>chart (SVG)</a></p>',
        data_table,
        "</figure>",
    ]
    return "\n".join(p for p in parts if p)


def chart_files(chart: Chart, stem: str) -> dict[str, bytes]:
    """The files a figure links to, by path relative to the page: SVG and CSV (with BOM for Excel)."""
    return {
        f"charts/{stem}.svg": chart.svg.encode("utf-8"),
        f"charts/{stem}.csv": chart.csv.encode("utf-8-sig"),
    }


def page_specs(specs: dict[str, Chart]) -> dict[str, bytes]:
    """One page's spec file: every chart's Vega-Lite spec keyed by its stem."""
    text = "{" + ",".join(f"{json.dumps(stem)}:{spec_json(chart)}" for stem, chart in sorted(specs.items())) + "}"
    return {SPECS: text.encode("utf-8")}


def spec_json(chart: Chart) -> str:
    """The Vega-Lite spec as compact, stable JSON (no $schema: charts.js sets the mode)."""
    spec = {k: v for k, v in chart.spec.items() if k != "$schema"}
    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False, sort_keys=True)


def _e(text: str) -> str:
    """Escaped text on one line, so data can never end the HTML block or open a tag."""
    return escape(" ".join(str(text).split()), quote=True)


def _spec_attr(chart: Chart) -> str:
    """Compact JSON for a single-quoted attribute: & < > ' escaped, no $schema (charts.js sets the mode)."""
    spec = {k: v for k, v in chart.spec.items() if k != "$schema"}
    text = json.dumps(spec, separators=(",", ":"), ensure_ascii=False)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")


def _table(chart: Chart) -> str:
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in chart.columns)
    body = "".join("<tr>" + f'<th scope="row">{_e(row[0])}</th>' + "".join(f"<td>{_e(c)}</td>" for c in row[1:]) + "</tr>" for row in chart.rows)
    return f"<table><caption>{_e(chart.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
