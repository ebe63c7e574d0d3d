"""A chart as Markdown-embeddable HTML, and the files it links to.

The figure carries the spec (for charts.js), the static SVG as an <img> (what shows, and
what prints; on a phone the same chart drawn for its width, where the chart has one) or the
chart's own HTML (the spine chart), a caption with
the title and description, download links, and the data table or a link to it. Every text
from data is escaped.
"""

from __future__ import annotations

import json
import re
from html import escape

from generators.charts.chart import Chart

SPECS = "charts/specs.json"


def render_figure(chart: Chart, stem: str, table: bool = True, table_id: str = "") -> str:
    """The raw HTML of one chart, with no blank lines (one Markdown HTML block).

    The Vega-Lite spec lives in the page's one spec file (`charts/specs.json`, keyed by
    stem; see `page_specs`), named in `data-vega-spec-src`, so pages stay small and a
    page's specs are one file. A chart with no spec is marked `data-jsna-state="static"`,
    which charts.js leaves alone: its static SVG (or its HTML) is the chart. `table=False`
    leaves out the data table where the page already shows the same data as a table next
    to the chart; `table_id` is that table's id, which the figure names (aria-details) and
    links to."""
    base, e = f"charts/{stem}", _e(stem)
    live = f'data-vega-spec-src="{SPECS}#{e}"' if chart.spec is not None else 'data-jsna-state="static"'
    elsewhere = bool(table_id) and not table
    details = f' aria-details="{_e(table_id)}"' if elsewhere else ""
    data_table = f"<div data-search-exclude><details><summary>Data table</summary>{_table(chart)}</details></div>" if table else ""
    link = f' <span class="jsna-chart__table-link">· <a href="#{_e(table_id)}">Data table</a></span>' if elsewhere else ""
    phone = " jsna-chart--phone" if chart.phone_svg and not chart.html else ""
    # Controls that need scripts are in the page from the start (so nothing moves when they work)
    # and hidden while the page has its theme's `no-js` class (scripts off).
    tools = '<p class="jsna-chart__tools jsna-scripted"><button type="button" class="jsna-chart__interactive" aria-pressed="false" title="Show each value on hover or touch">Interactive chart</button></p>' if chart.spec is not None else ""
    png = "" if chart.html else f' <a class="jsna-chart__png jsna-scripted" href="#" data-name="{e}.png">chart (PNG)</a>'
    parts = [
        f'<figure class="jsna-chart jsna-chart--{_e(chart.kind)}{phone}" {live} aria-labelledby="{e}-chart-title" aria-describedby="{e}-chart-desc"{details}>',
        f'<figcaption><strong class="jsna-chart__title" id="{e}-chart-title">{_e(chart.title)}</strong> <span class="jsna-chart__desc" id="{e}-chart-desc">{_e(chart.description)}</span></figcaption>',
        tools,
        chart.html or _img(chart.svg, f"{base}.svg", chart.alt, "jsna-chart__static"),
        _img(chart.phone_svg, f"{base}-phone.svg", chart.alt, "jsna-chart__phone") if phone else "",
        f'<p class="jsna-chart__downloads">Download: <a href="{_e(base)}.csv" download>data (CSV)</a> <a href="{_e(base)}.svg" download>chart (SVG)</a>{png}{link}</p>',
        data_table,
        "</figure>",
    ]
    return "\n".join(p for p in parts if p)


def _img(svg: str, src: str, alt: str, cls: str) -> str:
    """A static SVG as an image, sized by its own width and height so its box is kept before it loads."""
    size = svg_size(svg)
    box = f' width="{size[0]}" height="{size[1]}"' if size else ""
    return f'<img class="{cls}" src="{_e(src)}" alt="{_e(alt)}"{box} loading="lazy">'


def svg_size(svg: str) -> tuple[str, str] | None:
    """The root <svg> element's width and height in pixels (from its viewBox where it has none)."""
    start = svg.find("<svg")
    head = svg[start : svg.find(">", start)] if start >= 0 else ""
    found = {k: re.search(rf'\s{k}="([0-9.]+)(px)?"', head) for k in ("width", "height")}
    if found["width"] and found["height"]:
        return _px(found["width"].group(1)), _px(found["height"].group(1))
    box = re.search(r'\sviewBox="\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*"', head)
    return (_px(box.group(1)), _px(box.group(2))) if box else None


def _px(number: str) -> str:
    return str(round(float(number)))


def chart_files(chart: Chart, stem: str) -> dict[str, bytes]:
    """The files a figure links to, by path relative to the page: SVG (and a phone's), and CSV (with BOM for Excel)."""
    files = {
        f"charts/{stem}.svg": chart.svg.encode("utf-8"),
        f"charts/{stem}.csv": chart.csv.encode("utf-8-sig"),
    }
    if chart.phone_svg and not chart.html:
        files[f"charts/{stem}-phone.svg"] = chart.phone_svg.encode("utf-8")
    return files


def page_specs(specs: dict[str, Chart]) -> dict[str, bytes]:
    """One page's spec file: every live chart's Vega-Lite spec keyed by its stem; no file where no chart is live."""
    live = sorted(((stem, chart) for stem, chart in specs.items() if chart.spec is not None), key=lambda item: item[0])
    if not live:
        return {}
    text = "{" + ",".join(f"{json.dumps(stem)}:{spec_json(chart)}" for stem, chart in live) + "}"
    return {SPECS: text.encode("utf-8")}


def spec_json(chart: Chart) -> str:
    """The Vega-Lite spec as compact, stable JSON (no $schema: charts.js sets the mode); `null` for a chart with none."""
    spec = None if chart.spec is None else {k: v for k, v in chart.spec.items() if k != "$schema"}
    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False, sort_keys=True)


def _e(text: str) -> str:
    """Escaped text on one line, so data can never end the HTML block or open a tag."""
    return escape(" ".join(str(text).split()), quote=True)


def _table(chart: Chart) -> str:
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in chart.columns)
    body = "".join("<tr>" + f'<th scope="row">{_e(row[0])}</th>' + "".join(f"<td>{_e(c)}</td>" for c in row[1:]) + "</tr>" for row in chart.rows)
    return f"<table><caption>{_e(chart.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
