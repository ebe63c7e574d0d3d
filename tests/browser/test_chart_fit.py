"""Every chart fits its box, on a phone (320 px) and on a desktop (1280 px), with scripts and without.

What a page shows first is each chart's static SVG (on a phone, the one drawn for its width)
or, for the spine chart, HTML: each image must load, sit inside its figure, show at 85% of its
size or more (never shrunk to half, text and all), and hold its own text inside its viewBox (the
SVG drawn by Chromium at its own size, in the fonts this machine has); nothing in a figure may
reach past it. Each
interactive chart, drawn by vega-embed when its button is pressed, is measured as drawn: its
root group's extent against its viewBox, each text's box against the figure's and the SVG's,
and a chart drawn wider than its box (so shrunk) fails too. A failure names the page, the chart
and the pixels.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from browser.output import SCREENSHOTS
from browser.pages import PAGES

CHARTED = ["area", "chapter", "themed-chapter", "theme", "indicator", "inequalities"]
SMALLEST = 0.85
"""The least share of its own size a static chart may be shown at."""

MEASURE = """figure => {
  const box = figure.getBoundingClientRect(), found = [];
  const past = r => Math.max(box.left - r.left, r.right - box.right, 0);
  const svg = figure.querySelector('.jsna-chart__view svg');
  if (svg && figure.classList.contains('jsna-chart--live')) {
    const drawn = svg.getBoundingClientRect(), own = parseFloat(svg.getAttribute('width'));
    if (own && drawn.width < own - 1) found.push(`drawn ${Math.round(own)} px wide into ${Math.round(drawn.width)} px (shrunk to ${Math.round(100 * drawn.width / own)}%)`);
    const view = svg.viewBox.baseVal, root = svg.querySelector(':scope > g');
    if (root && view && view.width) {
      const b = root.getBBox(), m = root.transform.baseVal.consolidate(), dx = m ? m.matrix.e : 0, dy = m ? m.matrix.f : 0;
      const over = Math.max(view.x - (b.x + dx), b.x + dx + b.width - (view.x + view.width), view.y - (b.y + dy), b.y + dy + b.height - (view.y + view.height), 0);
      if (over > 1) found.push(`content ${Math.round(over)} px past its viewBox`);
    }
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect(), over = Math.max(past(r), drawn.left - r.left, r.right - drawn.right);
      if (r.width && over > 1) found.push(`text "${t.textContent.slice(0, 40)}" ${Math.round(over)} px outside`);
    }
  }
  for (const e of figure.querySelectorAll('*')) {
    if ((e.closest('svg') && e.tagName.toLowerCase() !== 'svg') || e.closest('details, table')) continue;
    const r = e.getBoundingClientRect();
    if (r.width && past(r) > 1) found.push(`<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}"> ${Math.round(past(r))} px outside the figure`);
  }
  const images = [...figure.querySelectorAll('img')].filter(i => i.getBoundingClientRect().width > 0).map(i => ({
    src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0, natural: i.naturalWidth, width: i.getBoundingClientRect().width}));
  const title = (figure.querySelector('.jsna-chart__title') || {}).textContent || '';
  return {kind: (figure.className.match(/jsna-chart--(\\w+)/) || [])[1], title: title.slice(0, 60), found: found.slice(0, 4), images};
}"""


SVG_TEXT = """async src => {
  const text = await (await fetch(src)).text();
  const svg = document.importNode(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement, true);
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:0;top:0;width:max-content;opacity:0;pointer-events:none';
  holder.appendChild(svg);
  document.body.appendChild(holder);
  const box = svg.getBoundingClientRect(), found = [];
  for (const t of svg.querySelectorAll('text')) {
    const r = t.getBoundingClientRect();
    const over = Math.max(box.left - r.left, r.right - box.right, box.top - r.top - 2, r.bottom - box.bottom - 2);
    if (r.width && over > 1) found.push([t.textContent.slice(0, 50), Math.round(over)]);
  }
  holder.remove();
  return found.sort((a, b) => b[1] - a[1]);
}"""
"""The text of a static SVG drawn by this browser, at its own size, that reaches past its edge (px)."""


def misfits(page) -> list[str]:
    """Every figure of the page that does not fit, with what does not and by how much."""
    path, out = urlsplit(page.url).path, []
    for figure in page.locator("figure.jsna-chart").all():
        figure.scroll_into_view_if_needed()  # loads its lazy image
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function("f => [...f.querySelectorAll('img')].every(i => i.complete)", arg=figure.element_handle(), timeout=5_000)
        chart = figure.evaluate(MEASURE)
        name = f"{path} {chart['kind']} chart {chart['title']!r}"
        out += [f"{name}: {problem}" for problem in chart["found"]]
        for image in chart["images"]:
            if not image["loaded"]:
                out.append(f"{name}: {image['src']} did not load")
                continue
            if image["width"] < SMALLEST * image["natural"]:
                out.append(f"{name}: {image['src']} shown at {round(100 * image['width'] / image['natural'])}% of its size")
            cut = page.evaluate(SVG_TEXT, urljoin(page.url, image["src"]))
            out += [f"{name}: {image['src']} text {label!r} {px} px past the SVG's edge" for label, px in cut[:3]]
    return out


def shoot(page, name: str) -> None:
    """The page's first chart of each kind, as test-output/screenshots/chart-fit-<name>-<kind>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for kind in sorted(set(page.eval_on_selector_all("figure.jsna-chart", "fs => fs.map(f => (f.className.match(/jsna-chart--(\\w+)/) || [])[1])"))):
        figure = page.locator(f"figure.jsna-chart--{kind}").first
        figure.scroll_into_view_if_needed()
        figure.screenshot(path=str(SCREENSHOTS / f"chart-fit-{name}-{kind}.png"))


def report(problems: list[str], what: str) -> str:
    return f"{len(problems)} problems with {what}:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("name", CHARTED)
def test_every_chart_fits_as_the_page_shows_it(request, name: str, width: int) -> None:
    page = request.getfixturevalue("narrow_site" if width == 320 else "site").open(PAGES[name], wait_until="networkidle")
    assert page.locator("figure.jsna-chart").count(), f"no chart on {PAGES[name]}"
    problems = misfits(page)
    shoot(page, f"{name}-{width}")
    assert not problems, report(problems, f"the charts of {PAGES[name]} at {width} px")


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("name", CHARTED)
def test_every_interactive_chart_fits_when_drawn(request, name: str, width: int) -> None:
    page = request.getfixturevalue("narrow_site" if width == 320 else "site").open(PAGES[name], wait_until="networkidle")
    buttons = page.get_by_role("button", name="Interactive chart")
    if not buttons.count():
        pytest.skip(f"no interactive chart on {PAGES[name]}")
    for button in buttons.all():
        button.click()
    drawn = "() => [...document.querySelectorAll('figure[data-vega-spec-src]')].every(f => ['rendered', 'failed'].includes(f.getAttribute('data-jsna-state')))"
    with contextlib.suppress(PlaywrightTimeout):  # what was not drawn is reported below
        page.wait_for_function(drawn, timeout=30_000)
    states = page.eval_on_selector_all("figure[data-vega-spec-src]", "fs => fs.map(f => f.getAttribute('data-jsna-state'))")
    problems = [f"{PAGES[name]}: an interactive chart was not drawn (state {s})" for s in states if s != "rendered"]
    problems += misfits(page)
    assert not problems, report(problems, f"the interactive charts of {PAGES[name]} at {width} px")


@pytest.mark.parametrize("name", CHARTED)
def test_every_chart_fits_a_phone_without_scripts(static_site, name: str) -> None:
    page = static_site.open(PAGES[name])
    page.set_viewport_size({"width": 320, "height": 640})
    problems = misfits(page)
    assert not problems, report(problems, f"the charts of {PAGES[name]} at 320 px without scripts")


def test_the_spine_chart_reads_the_same_without_scripts(site, static_site) -> None:
    """HTML, not a picture: its rows' text, identical with and without scripts, and no image to shrink."""
    texts = []
    for context in (site, static_site):
        page = context.open(PAGES["area"])
        figure = page.locator("figure.jsna-chart--spine")
        assert figure.get_attribute("data-jsna-state") == "static" and figure.locator("img").count() == 0
        figure.scroll_into_view_if_needed()  # laid out only near the screen (content-visibility): its text as a reader sees it
        rows = figure.locator(".jsna-spine__rows")
        expect(rows).to_contain_text("England", use_inner_text=True)
        texts.append(rows.inner_text())
    assert texts[0] == texts[1] and "England" in texts[0]
