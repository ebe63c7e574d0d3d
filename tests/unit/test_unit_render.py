"""Render stage: `make_page` makes every kind of page from its job, as bytes by path under docs/
(no disk but the static-chart cache)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from generators.model import ChapterPage, key_messages
from generators.render import make_page
from generators.render.jobs import PageJob
from generators.render.pages import MAKERS
from generators.report import report_json

FILES = (".svg", "-phone.svg", ".csv")  # a chart: its SVG, the 320 px SVG a phone shows, its data
CHAPTER_CHARTS = ("alcohol-admissions-in-under-18s-compare", "alcohol-admissions-in-under-18s-trend")
THEME_CHARTS = ("adult-smoking-compare", "adult-smoking-trend")
EXPECTED = {  # (kind, key) -> the files made
    ("area", "areas/crawley/"): {"areas/crawley/index.md", "areas/crawley/charts/overview-spine.svg", "areas/crawley/charts/overview-spine.csv"},  # the spine is HTML: no live chart, no spec file
    ("chapter", "areas/crawley/living-well/"): {
        "areas/crawley/living-well/index.md", "areas/crawley/living-well/charts/specs.json",
        *(f"areas/crawley/living-well/charts/{stem}{ext}" for stem in CHAPTER_CHARTS for ext in FILES),
    },
    ("theme", "areas/crawley/living-well/smoking/"): {
        "areas/crawley/living-well/smoking/index.md", "areas/crawley/living-well/smoking/charts/specs.json",
        *(f"areas/crawley/living-well/smoking/charts/{stem}{ext}" for stem in THEME_CHARTS for ext in FILES),
    },
    ("home", ""): {"index.md"},
    ("areas", "areas/"): {"areas/index.md"},
    ("topics", "topics/"): {"topics/index.md"},
    ("topic", "topics/living-well/"): {"topics/living-well/index.md"},
    ("inequalities_topic", "topics/inequalities/"): {"topics/inequalities/index.md"},
    ("inequalities", "areas/west-sussex/inequalities/"): {
        "areas/west-sussex/inequalities/index.md", "areas/west-sussex/inequalities/charts/specs.json",
        *(f"areas/west-sussex/inequalities/charts/adult-smoking-by-deprivation-fifths-of-neighbourhoods-in-the-area{ext}" for ext in FILES),
    },
    ("indicators", "indicators/"): {"indicators/index.md"},
    ("indicator", "indicators/adult-smoking/"): {
        "indicators/adult-smoking/index.md", "indicators/adult-smoking/charts/specs.json",
        *(f"indicators/adult-smoking/charts/adult-smoking-{kind}-ranked{ext}" for kind in ("districts", "counties") for ext in FILES),
        *(f"indicators/adult-smoking/charts/adult-smoking-districts-funnel{ext}" for ext in FILES),  # five districts with counts: a funnel
    },
    ("downloads", "downloads/"): {
        "downloads/index.md", "downloads/jsna-data.csv",
        *(f"downloads/areas/{slug}.csv" for slug in ("west-sussex", "adur", "arun", "chichester", "crawley", "horsham")),
    },
    ("report", "build-report/"): {"build-report/index.md", "build-report.json"},
    ("summary", "areas/crawley/summary/"): {"areas/crawley/summary/index.md"},
    ("priorities", "priorities/"): {"priorities/index.md"},
    ("partners", "partners/"): {"partners/index.md"},
}


def job(small, kind: str, key: str) -> PageJob:
    return next(j for j in small.jobs if (j.kind, j.key) == (kind, key))


ELSEWHERE = {"nhs_practices": "tests/test_nhs_pages.py"}
"""Kinds of page the small site has none of, with the test that makes them (a GP practices page needs NHS areas)."""


def test_every_kind_of_page_has_a_maker_and_a_case_here() -> None:
    assert sorted(MAKERS) == sorted({kind for kind, _ in EXPECTED} | set(ELSEWHERE))


def test_the_small_site_has_one_job_per_page(small) -> None:
    keys = [j.key for j in small.jobs]
    assert len(keys) == len(set(keys)) == 6 * 3 + 1 + 5 + 1 + 2 + 1 + 1 + 6 + 2  # areas x (overview, chapter, theme); West Sussex's inequalities; home to indicators; inequalities topic; 2 indicators; downloads; report; board summaries; priorities and partners


@pytest.mark.parametrize(("kind", "key"), sorted(EXPECTED))
def test_make_page_gives_the_files_of_each_kind(small, kind: str, key: str) -> None:
    made = make_page(job(small, kind, key), small.shared)
    assert set(made.files) == EXPECTED[(kind, key)]
    assert all(isinstance(data, bytes) and data for data in made.files.values())
    page = next(p for p in made.files if p.endswith("index.md"))
    assert made.files[page].decode("utf-8").startswith('---\ntitle: "')


@pytest.mark.parametrize(("kind", "key"), [k for k in sorted(EXPECTED) if any(p.endswith("specs.json") for p in EXPECTED[k])])
def test_each_pages_spec_file_holds_every_chart_it_draws(small, kind: str, key: str) -> None:
    made = make_page(job(small, kind, key), small.shared)
    specs = json.loads(made.files[f"{key}charts/specs.json"])
    page = made.files[f"{key}index.md"].decode("utf-8")
    live = re.findall(r'data-vega-spec-src="charts/specs\.json#([^"]+)"', page)
    assert sorted(specs) == sorted(live)
    assert all(f"{key}charts/{stem}.svg" in made.files for stem in live)


def test_making_a_page_twice_gives_the_same_bytes(small) -> None:
    for kind, key in (("chapter", "areas/crawley/living-well/"), ("downloads", "downloads/"), ("home", "")):
        assert make_page(job(small, kind, key), small.shared) == make_page(job(small, kind, key), small.shared)


def test_the_report_page_and_its_json_are_the_same_report(small) -> None:
    made = make_page(small.report_job, small.shared)
    assert made.files["build-report.json"].decode("utf-8") == report_json(small.report_job.model)
    assert "| Read | 33 |" in made.files["build-report/index.md"].decode("utf-8")


def test_narrative_is_merged_into_its_page(small) -> None:
    chapter = job(small, "chapter", "areas/crawley/living-well/")
    made = make_page(dataclasses.replace(chapter, narrative="### Our view {#narrative}\n\nCrawley & its <em>people</em>.\n"), small.shared)
    assert "### Our view {#narrative}\n\nCrawley & its <em>people</em>.\n" in made.files["areas/crawley/living-well/index.md"].decode("utf-8")


def test_text_from_data_is_escaped(small) -> None:
    home = job(small, "home", "")
    config = dataclasses.replace(small.config, title="JSNA <script>alert(1)</script> & *more*")
    shared = dataclasses.replace(small.shared, common={**small.shared.common, "config": config})
    text = make_page(home, shared).files["index.md"].decode("utf-8")
    assert "<script>" not in text and "*more*" not in text
    assert "# JSNA &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#42;more&#42;" in text


def lower_only(small) -> PageJob:
    """Crawley's overview with every latest verdict 'Lower' (significant, but no judgement)."""
    overview = job(small, "area", "areas/crawley/")
    page = overview.model.page

    def lowered(section):
        return dataclasses.replace(section, points=tuple(dataclasses.replace(p, verdict="Lower") for p in section.points))

    chapters = tuple(dataclasses.replace(c, sections=tuple(lowered(s) for s in c.sections), messages=()) for c in page.chapters)
    everything = tuple(s for c in chapters for s in c.sections)
    page = dataclasses.replace(page, chapters=chapters, messages=key_messages(everything, "England"))
    assert page.messages == () and isinstance(chapters[0], ChapterPage)
    return dataclasses.replace(overview, model=dataclasses.replace(overview.model, page=page))


def test_an_overview_never_says_nothing_differs_when_something_is_significantly_lower(small) -> None:
    text = make_page(lower_only(small), small.shared).files["areas/crawley/index.md"].decode("utf-8")
    assert "| 2 | 0 | 0 | 0 | 2 | 0 |" in text  # the chapter table counts both as higher or lower
    assert "No indicator is significantly different" not in text


def test_one_of_a_thing_is_written_in_the_singular(small) -> None:
    text = make_page(job(small, "home", ""), small.shared).files["index.md"].decode("utf-8")
    assert "[Browse by topic](topics/index.md): 1 chapter." in text
