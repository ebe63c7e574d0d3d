"""Stage 5, model: key messages ranked worse-and-getting-worse, then worse, then better (at most
`limit`), and the page models of a small site."""

from __future__ import annotations

import dataclasses
import math

import pytest

from generators.columns import Breakdown
from generators.errors import DataError
from generators.load.metadata import Indicator
from generators.model import Area, Point, Section, build_site, key_messages, leading_areas
from generators.model.series import period_end_year

AREA = Area("E07000226", "Crawley", "District", "crawley", "E10000032", "West Sussex")


def section(title: str, verdict: str, trend: str = "", value: float = 12.5, unit: str = "%") -> Section:
    point = Point("2022", value, value - 1, value + 1, value - 2, value + 2, 50.0, 400.0, "", "used", verdict, trend)
    indicator = Indicator(title.lower(), title, unit=unit, polarity="low_is_good")
    return Section(indicator, title, title.lower(), Breakdown("Persons", "All ages"), AREA, (point,), (), ())


SECTIONS = (
    section("Better one", "Better"),
    section("Worse steady", "Worse", "No significant change"),
    section("Similar one", "Similar"),
    section("Worse and worsening", "Worse", "Increasing and getting worse"),
    section("Lower one", "Lower"),
    section("Another worse", "Worse", "Decreasing and getting better"),
    section("Not compared", "Not compared"),
    section("Better and worsening", "Better", "Increasing and getting worse"),
)


def titles(messages: tuple[str, ...]) -> list[str]:
    return [m.split(":")[0] for m in messages]


def test_worse_and_getting_worse_come_first_then_worse_then_better() -> None:
    messages = key_messages(SECTIONS, "England")
    assert titles(messages) == ["Worse and worsening", "Another worse", "Worse steady", "Better and worsening", "Better one"]


def test_similar_higher_lower_and_not_compared_make_no_message() -> None:
    assert key_messages((section("A", "Similar"), section("B", "Higher"), section("C", "Lower"), section("D", "Not compared")), "England") == ()


@pytest.mark.parametrize(("limit", "count"), [(1, 1), (3, 3), (8, 5)])
def test_at_most_limit_messages_the_most_pressing_first(limit: int, count: int) -> None:
    messages = key_messages(SECTIONS, "England", limit=limit)
    assert titles(messages) == titles(key_messages(SECTIONS, "England"))[:count]


def test_the_default_limit_is_eight() -> None:
    many = tuple(section(f"Worse {i:02}", "Worse") for i in range(12))
    assert len(key_messages(many, "England")) == 8


def test_a_message_says_value_period_verdict_against_the_named_benchmark_and_trend() -> None:
    messages = key_messages((section("Adult smoking", "Worse", "Increasing and getting worse", 23.04),), "South East region")
    assert messages == ("Adult smoking: 23.0% in 2022, significantly worse than South East region, increasing and getting worse.",)


@pytest.mark.parametrize("trend", ["", "Cannot be calculated", "No significant change"])
def test_no_trend_words_where_there_is_no_trend(trend: str) -> None:
    (message,) = key_messages((section("Rate", "Better", trend, 1043.0, "per 100,000"),), "England")
    assert message == "Rate: 1,043.0 per 100,000 in 2022, significantly better than England."


def test_the_latest_value_decides_and_a_missing_value_makes_no_message() -> None:
    missing = section("Missing", "Worse", value=math.nan)
    assert key_messages((missing,), "England") == ()
    older = section("Earlier", "Worse")
    blank = Point("2023", math.nan, math.nan, math.nan, math.nan, math.nan, math.nan, math.nan, "Data not available", "no_data", "Not compared")
    kept = Section(older.indicator, older.title, older.anchor, older.breakdown, AREA, (*older.points, blank), (), ())
    assert titles(key_messages((kept,), "England")) == ["Earlier"]  # the latest period with a value


def test_the_small_site_has_a_page_per_area_chapter_and_theme(small) -> None:
    site = small.site
    assert site.benchmark.name == "England"
    assert [p.area.name for p in site.areas] == ["West Sussex", "Adur", "Arun", "Chichester", "Crawley", "Horsham"]
    page = site.areas[4]
    assert [c.chapter.slug for c in page.chapters] == ["living-well"]
    chapter = page.chapters[0]
    assert [s.indicator.id for s in chapter.sections] == ["A1", "S1"]
    assert [s.indicator.id for s in chapter.own_sections] == ["A1"]
    assert [(t.name, t.path) for t in chapter.themes] == [("Smoking", "areas/crawley/living-well/smoking/")]
    assert page.messages == ("Adult smoking: 23.0% in 2022 (4 years old), significantly worse than England.",)  # updated 2026-01-01
    assert [p.path for p in site.indicators] == ["indicators/alcohol-admissions-in-under-18s/", "indicators/adult-smoking/"]


def test_sections_carry_the_benchmarks_and_the_parents_points(small) -> None:
    crawley = small.site.areas[4].chapters[0].sections[1]
    assert [p.period for p in crawley.points] == ["2021", "2022"]
    assert crawley.benchmark_at("2022").value == pytest.approx(12.5)
    assert crawley.parent_at("2022").value == pytest.approx(10.0)
    assert crawley.latest.verdict == "Worse"


def test_a_benchmark_missing_from_the_data_is_not_called_england(small) -> None:
    config = dataclasses.replace(small.config, benchmark="E12000008")
    try:
        site = build_site(small.tidied.table, config, small.tidied.indicators, small.tidied.chapter_of)
    except DataError:
        return  # refusing the build, naming the setting, is right too
    assert site.benchmark.name != "England"


def smoking_rankings(site) -> dict[str, object]:
    page = next(p for p in site.indicators if p.slug == "adult-smoking")
    (series,) = page.series
    return {r.heading: r for r in series.rankings}


def test_an_indicator_page_ranks_each_area_type_apart_highest_first(small) -> None:
    rankings = smoking_rankings(small.site)
    assert list(rankings) == ["Districts", "Counties"]  # like with like: the county is not ranked among districts
    districts = rankings["Districts"]
    assert districts.period == "2022"
    assert [(r.area.name, r.rank) for r in districts.ranked] == [("Crawley", 1), ("Arun", 2), ("Adur", 3), ("Horsham", 4), ("Chichester", 5)]
    assert districts.benchmark.value == pytest.approx(12.5)  # England in the same period
    assert [r.area.name for r in rankings["Counties"].ranked] == ["West Sussex"]
    assert not any(r.own for r in districts.ranked)  # no areas configured: none highlighted


def test_a_configured_area_is_ranked_among_every_area_of_its_type_in_the_data_and_highlighted(small) -> None:
    config = dataclasses.replace(small.config, areas=("E07000226",))
    site = build_site(small.tidied.table, config, small.tidied.indicators, small.tidied.chapter_of)
    rankings = smoking_rankings(site)
    assert list(rankings) == ["Districts"]  # only the published areas' types
    rows = {r.area.name: r for r in rankings["Districts"].ranked}
    assert len(rows) == 5
    assert rows["Crawley"].own and rows["Crawley"].path == "areas/crawley/living-well/smoking/"
    assert not rows["Arun"].own and rows["Arun"].path == ""  # in the ranking, with no page of its own


def test_ties_share_a_rank_no_value_is_not_ranked_and_older_figures_are_listed_apart(small) -> None:
    table = small.tidied.table.copy()
    smoking_2022 = (table["indicator_id"] == "S1") & (table["period"] == "2022")
    table.loc[smoking_2022 & (table["area_code"] == "E07000225"), "value"] = float(table.loc[smoking_2022 & (table["area_code"] == "E07000223"), "value"].iloc[0])
    table.loc[smoking_2022 & (table["area_code"] == "E07000224"), "value"] = math.nan
    table = table[~(smoking_2022 & (table["area_code"] == "E07000227"))]
    site = build_site(table, small.config, small.tidied.indicators, small.tidied.chapter_of)
    districts = smoking_rankings(site)["Districts"]
    assert [(r.area.name, r.rank) for r in districts.ranked] == [("Crawley", 1), ("Adur", 2), ("Chichester", 2), ("Arun", 0)]
    assert districts.count == 3
    assert [(r.area.name, r.point.period, r.rank) for r in districts.older] == [("Horsham", "2021", 0)]


def dated(title: str, verdict: str, period: str, years_old: int = 0) -> Section:
    made = section(title, verdict)
    point = dataclasses.replace(made.points[0], period=period)
    return dataclasses.replace(made, points=(point,), years_old=years_old)


def test_newer_figures_lead_and_old_ones_come_last_saying_their_age() -> None:
    messages = key_messages((
        dated("Old and worse", "Worse", "2016/17", years_old=8),
        dated("Worse 2021", "Worse", "2021"),
        dated("Worse 2023", "Worse", "2022/23"),
        dated("Better 2024", "Better", "2024"),
    ), "England")
    assert titles(messages) == ["Worse 2023", "Worse 2021", "Better 2024", "Old and worse"]
    assert messages[-1] == "Old and worse: 12.5% in 2016/17 (8 years old), significantly worse than England."


@pytest.mark.parametrize(("period", "end"), [
    ("2022", 2022), ("2022/23", 2023), ("2020 - 22", 2022), ("2020/21 - 22/23", 2023), ("Apr 2022 to Mar 2023", 2023),
    ("1999/00", 2000), ("2022/23 Q3", 2023), ("2019 Q4", 2019), ("no year", None),
])
def test_the_year_a_period_ends_in(period: str, end: int | None) -> None:
    assert period_end_year(period) == end


@pytest.mark.parametrize(("updated", "after", "old"), [("2026-01-01", 3, 4), ("2026-01-01", 4, 0), ("2025-06-30", 3, 0), ("", 3, 0)])
def test_a_figure_is_old_when_more_than_old_after_years_before_updated_or_the_newest_data(small, updated: str, after: int, old: int) -> None:
    config = dataclasses.replace(small.config, updated=updated, old_after_years=after)
    site = build_site(small.tidied.table, config, small.tidied.indicators, small.tidied.chapter_of)
    assert {s.years_old for a in site.areas for c in a.chapters for s in c.sections} == {old}


def test_the_home_page_leads_with_the_configured_areas_then_the_newest_figures(small) -> None:
    table = small.tidied.table
    older = table[~((table["area_code"] == "E07000223") & (table["period"] == "2022"))]  # Adur's figures stop in 2021
    site = build_site(older, small.config, small.tidied.indicators, small.tidied.chapter_of)
    assert [p.area.name for p in leading_areas(site)] == ["West Sussex", "Arun", "Chichester", "Crawley", "Horsham", "Adur"]
    config = dataclasses.replace(small.config, areas=("E07000226", "E07000224"))
    site = build_site(table, config, small.tidied.indicators, small.tidied.chapter_of)
    assert [p.area.name for p in leading_areas(site)] == ["Crawley", "Arun"]


def test_configured_comparators_are_beside_each_area_in_its_comparisons(small) -> None:
    from generators.charts import figures

    config = dataclasses.replace(small.config, comparators=("E07000224", "E99999999"))  # Arun, and a code with no data
    site = build_site(small.tidied.table, config, small.tidied.indicators, small.tidied.chapter_of)
    crawley = next(p for p in site.areas if p.area.name == "Crawley").chapters[0].sections[1]
    assert [a.name for a, _ in crawley.comparators] == ["Arun"]
    assert [a.name for a, _ in crawley.comparators_at("2022")] == ["Arun"]
    arun = next(p for p in site.areas if p.area.name == "Arun").chapters[0].sections[1]
    assert arun.comparators == ()  # never compared with itself
    bars = figures._compare(crawley, site.benchmark).bars
    assert [b.label for b in bars] == ["Crawley", "West Sussex", "Arun", "England"]


@pytest.mark.parametrize(
    ("label", "council"),
    [
        ("Counties & UAs (from Apr 2023)", True), ("Districts & UAs (from Apr 2023)", True), ("County", True), ("UA", True), ("District", True),
        ("Upper tier local authorities (post 4/23)", True), ("ICB sub-locations", False), ("ICBs", False), ("Primary Care Network (v. 26/04/24)", False),
        ("General Practice", False), ("Middle Super Output Area", False), ("Regions (statistical)", False), ("PHE Centre", False),
        ("Combined authorities", False), ("England", False),
    ],
)
def test_only_councils_areas_get_a_board_summary(label: str, council: bool) -> None:
    """Fingertips' area type labels, as the real exports write them (fixtures/fingertips-real)."""
    from generators.words import is_local_authority

    assert is_local_authority(label) is council
