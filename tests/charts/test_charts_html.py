"""The figure HTML and the front-end assets."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser

import chart_samples as s
import pytest

from generators.charts import asset_files, chart_files, chart_trend, page_specs, render_figure, write_assets
from generators.charts.html import svg_size


class Collect(HTMLParser):
    """The tags of a fragment, and the text directly inside each kind of tag, as a browser reads them (references resolved)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag != "img":
            self.open.append(tag)

    def handle_endtag(self, tag):
        self.open.pop()

    def handle_data(self, data):
        tag = self.open[-1] if self.open else ""
        self.text[tag] = self.text.get(tag, "") + data


def test_figure_has_spec_static_image_caption_links_and_table():
    chart = chart_trend(s.trend())
    page = Collect()
    page.feed(render_figure(chart, "smoking-trend"))
    tags = dict((t, a) for t, a in reversed(page.tags))
    assert tags["figure"]["data-vega-spec-src"] == "charts/specs.json#smoking-trend"
    spec = json.loads(page_specs({"smoking-trend": chart})["charts/specs.json"])["smoking-trend"]
    assert spec["data"] == chart.spec["data"] and "$schema" not in spec
    assert tags["img"]["src"] == "charts/smoking-trend.svg" and tags["img"]["alt"].startswith("Line chart: ")
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert hrefs == ["charts/smoking-trend.csv", "charts/smoking-trend.svg", "#"]  # the PNG, made in the browser (hidden without scripts)
    button = next(a for t, a in page.tags if t == "button")
    assert button["aria-pressed"] == "false" and "jsna-scripted" in next(a for t, a in page.tags if t == "p")["class"]
    assert "data-search-exclude" in tags["div"]
    for tag in ("figcaption", "details", "summary", "table", "th", "td"):
        assert tag in tags


def test_figure_html_is_compact():
    assert len(render_figure(chart_trend(s.trend(periods=10)), "x").encode()) < 2500
    assert len(render_figure(chart_trend(s.trend(periods=10)), "x", table=False).encode()) < 1400


def test_hostile_text_is_escaped_in_the_figure_and_round_trips_in_the_spec_file():
    hostile = "it's <b>&</b>"
    chart = chart_trend(s.trend(hostile))
    figure = render_figure(chart, "x")
    assert "it&#x27;s &lt;b&gt;&amp;&lt;/b&gt;" in figure  # & < > and ' all written as references
    page = Collect()
    page.feed(figure)
    assert "b" not in {tag for tag, _ in page.tags}, "a tag from the data"
    tags = dict(page.tags)
    assert page.text["strong"] == chart.title and hostile in chart.title  # what a reader sees is the data's text
    assert page.text["span"] == chart.description and tags["img"]["alt"] == chart.alt
    assert page.text["caption"] == chart.title
    spec = json.loads(page_specs({"x": chart})["charts/specs.json"])["x"]
    assert spec["description"] == chart.description and hostile in spec["description"]


def test_line_breaks_in_data_never_end_the_figure_block():
    """Markdown ends a raw HTML block at a blank line: the figure has none, whatever the data holds."""
    chart = chart_trend(s.trend("two\n\nparagraphs\r\n\r\nor more"))
    figure = render_figure(chart, "x")
    assert "two paragraphs or more" in figure
    assert all(line.strip() for line in figure.splitlines())


def test_assets_are_written(tmp_path):
    write_assets(tmp_path)
    js = (tmp_path / "charts.js").read_text()
    assert "__JSNA_THEME__" not in js and "document$" in js and "vegaEmbed" in js
    assert "@media print" in (tmp_path / "charts.css").read_text()
    assert "window.vegaEmbed=" in (tmp_path / "vega-embed.js").read_text()


def test_assets_include_map_boundaries():
    if not s.FIXTURES.is_dir():
        pytest.skip("../shared/fixtures/boundaries is not beside the repository")
    b = s.hex_boundaries()
    geo = json.loads(asset_files([b])[f"geo/{b.key}.json"])
    assert len(geo["features"]) == len(b.shapes)


NODE_CHECK = """
const vm = require('vm'), fs = require('fs');
const ctx = {window: {}, console, setTimeout, clearTimeout, setInterval, clearInterval, navigator: {userAgent: 'node'},
  structuredClone, URL, TextEncoder, TextDecoder, Promise};
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(process.argv[1], 'utf8'), ctx);
if (typeof ctx.window.vegaEmbed !== 'function') process.exit(1);
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: bundle loading not checked")
def test_bundle_defines_global_vega_embed_as_a_classic_script(tmp_path):
    write_assets(tmp_path)
    run = subprocess.run(["node", "-e", NODE_CHECK, str(tmp_path / "vega-embed.js")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_a_figure_whose_table_is_on_the_page_names_it_and_links_to_it():
    figure = render_figure(chart_trend(s.trend()), "smoking-trend", table=False, table_id="smoking-table")
    page = Collect()
    page.feed(figure)
    tags = dict((t, a) for t, a in reversed(page.tags))
    assert tags["figure"]["aria-details"] == "smoking-table"
    assert [a["href"] for t, a in page.tags if t == "a"][-1] == "#smoking-table" and "Data table" in figure
    assert "details" not in tags and "table" not in tags
    assert "aria-details" not in render_figure(chart_trend(s.trend()), "smoking-trend")  # its own table, inside it


def test_static_images_are_sized_before_they_load_and_a_phone_gets_its_own():
    chart = chart_trend(s.trend())
    page = Collect()
    page.feed(render_figure(chart, "x"))
    images = {a["class"]: a for t, a in page.tags if t == "img"}
    assert (images["jsna-chart__static"]["width"], images["jsna-chart__static"]["height"]) == ("640", "320")
    assert images["jsna-chart__phone"]["src"] == "charts/x-phone.svg" and images["jsna-chart__phone"]["width"] == "320"
    assert images["jsna-chart__phone"]["alt"] == images["jsna-chart__static"]["alt"] == chart.alt
    assert "jsna-chart--phone" in dict(page.tags)["figure"]["class"]
    assert set(chart_files(chart, "x")) == {"charts/x.svg", "charts/x-phone.svg", "charts/x.csv"}
    assert svg_size('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 704.5 378">') == ("704", "378")
