"""The board's priorities: `priorities:` in jsna.yml checked with clear errors, the Priorities page saying
where each indicator stands in each area (in words and in an accessible table), and key messages that
lead with priority indicators that are worse and getting worse."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit.unit_site import build_small_site

from generators.columns import Breakdown
from generators.config import load_config
from generators.config.priorities import Priority
from generators.errors import DataError
from generators.load.metadata import Indicator
from generators.model import Area, Point, Section, key_messages
from generators.model.board import build_board
from generators.model.messages import priority_anchors
from generators.model.priorities import missing_indicators
from generators.render import make_page

PRIORITIES = """title: A JSNA
priorities:
  - name: Living well
    description: More adults smoke-free.
    indicators: [92443, ASCOF-2A2]
  - name: Ageing well at home
    indicators: 22401
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jsna.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_priorities_are_read_in_order_with_their_indicator_ids_as_text(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, PRIORITIES))
    assert [(p.name, p.indicators, p.description) for p in config.priorities] == [
        ("Living well", ("92443", "ASCOF-2A2"), "More adults smoke-free."), ("Ageing well at home", ("22401",), ""),
    ]


@pytest.mark.parametrize(("item", "says"), [
    ("  - indicators: [92443]\n", "expected a `name` (text), found None"),
    ("  - name: Living well\n    indicators: []\n", 'expected `indicators:` to list indicator ids for "Living well", found []'),
    ("  - name: Living well\n", 'expected `indicators:` to list indicator ids for "Living well", found None'),
    ("  - name: Living well\n    indicator: [92443]\n", 'expected only name, description, indicators, found "indicator"'),
    ("  - Living well\n", "expected a priority with `name:` and `indicators:`, found 'Living well'"),
    ("  - name: Living well\n    indicators: [92443, [1, 2]]\n", "expected `indicators:` to list indicator ids"),
])
def test_a_malformed_priority_names_its_line_and_what_was_found(tmp_path: Path, item: str, says: str) -> None:
    text = "title: A JSNA\npriorities:\n  - name: Starting well\n    indicators: [93085]\n" + item
    with pytest.raises(DataError) as raised:
        load_config(write(tmp_path, text))
    assert str(raised.value).startswith(f'{tmp_path / "jsna.yml"}, line 5, column "priorities[1]": ')
    assert says in str(raised.value) and raised.value.code == "config-priority"


def test_a_priority_named_twice_is_refused(tmp_path: Path) -> None:
    text = "priorities:\n  - name: Living well\n    indicators: [1]\n  - name: living well\n    indicators: [2]\n"
    with pytest.raises(DataError, match=r'line 4, column "priorities\[1\]": expected each priority once, found "living well" again'):
        load_config(write(tmp_path, text))


def test_an_indicator_no_input_file_has_is_named_and_the_rest_still_published(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, PRIORITIES))
    missing = missing_indicators(config, {"92443": Indicator("92443", "Adult smoking"), "22401": Indicator("22401", "Falls")})
    assert missing and missing[0][0] == "Living well" and "ASCOF-2A2" in missing[0][1]


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory):
    small = build_small_site(tmp_path_factory.mktemp("priorities"), priorities=[{"name": "Smoke-free <b>lives</b>", "description": "Fewer *smokers*.", "indicators": ["S1", "A1"]}])
    return small, build_board(small.site, small.tidied.indicators, small.inputs.contributions)


def test_each_priority_says_where_each_indicator_stands_in_each_area(board) -> None:
    _, made = board
    [(priority, anchor, areas)] = made.priorities.priorities
    assert priority.description == "Fewer *smokers*."
    assert anchor == "smoke-free-b-lives-b"
    assert [a.area.name for a in areas] == ["West Sussex", "Adur", "Arun", "Chichester", "Crawley", "Horsham"]
    county = areas[0]
    smoking, alcohol = county.standings
    assert (smoking.title, smoking.value, smoking.comparison, smoking.trend) == ("Adult smoking", "10.0% in 2022 (4 years old)", "Better than England", "Cannot be calculated")
    assert smoking.path == "areas/west-sussex/living-well/smoking/"
    assert smoking.gap.startswith("Most deprived fifth 20.0%, least 4.3%: 4.6 times, ") and smoking.gap.endswith("beyond chance")
    assert alcohol.gap == ""
    assert county.words == "In West Sussex, worse than England: Alcohol admissions in under 18s; better than England: Adult smoking."


def test_the_priorities_page_has_a_captioned_table_with_headers_and_words_not_colours(board) -> None:
    small, _ = board
    text = make_page(next(j for j in small.site_jobs if j.kind == "priorities"), small.shared).files["priorities/index.md"].decode("utf-8")
    assert "## Smoke-free &#60;b&#62;lives&#60;/b&#62; {#smoke-free-b-lives-b}" in text and "<b>" not in text
    assert "Fewer &#42;smokers&#42;." in text
    assert "<caption>Smoke-free &#60;b&#62;lives&#60;/b&#62;: where each indicator stands in Crawley</caption>" in text
    assert text.count('<th scope="col">') == 5 * 6 and text.count('<th scope="row">') == 2 * 6
    crawley = text.split("### Crawley {#smoke-free-b-lives-b-crawley}")[1].split("###")[0]
    assert '<tr><th scope="row"><a href="../areas/crawley/living-well/smoking/#adult-smoking">Adult smoking</a></th><td>23.0% in 2022 (4 years old)</td><td>Worse than England</td>' in crawley
    assert "[Board summary for Crawley](../areas/crawley/summary/index.md)" in crawley
    assert "color" not in text and "style=" not in text


def section(title: str, verdict: str, trend: str = "") -> Section:
    point = Point("2022", 12.5, 11.5, 13.5, 10.5, 14.5, 50.0, 400.0, "", "used", verdict, trend)
    return Section(Indicator(title.lower(), title, unit="%", polarity="low_is_good"), title, title.lower(), Breakdown("Persons", "All ages"), AREA, (point,), (), ())


AREA = Area("E07000226", "Crawley", "District", "crawley", "E10000032", "West Sussex")
WORSENING = "Increasing and getting worse"


def test_key_messages_lead_with_priority_indicators_worse_and_getting_worse() -> None:
    sections = (section("Alpha", "Worse", WORSENING), section("Beta", "Worse"), section("Gamma", "Worse", WORSENING), section("Delta", "Better"), section("Epsilon", "Worse"))
    assert [m.split(":")[0] for m in key_messages(sections, "England")] == ["Alpha", "Gamma", "Beta", "Epsilon", "Delta"]
    lead = priority_anchors(sections, (Priority("Healthy ageing", ("gamma", "epsilon")), Priority("Living well", ("gamma",))))
    messages = key_messages(sections, "England", priority=lead)
    assert [m.split(":")[0] for m in messages] == ["Gamma", "Alpha", "Epsilon", "Beta", "Delta"]
    assert messages[0] == "Gamma: 12.5% in 2022, significantly worse than England, increasing and getting worse (board priority: Healthy ageing and Living well)."
    assert messages[1] == "Alpha: 12.5% in 2022, significantly worse than England, increasing and getting worse."


def test_an_areas_key_messages_lead_with_its_priority_indicator(board) -> None:
    small, _ = board
    crawley = next(p for p in small.site.areas if p.area.slug == "crawley")
    assert crawley.messages[0] == "Adult smoking: 23.0% in 2022 (4 years old), significantly worse than England (board priority: Smoke-free <b>lives</b>)."
