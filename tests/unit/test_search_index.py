"""The search index keeps every page and heading, and no per-area figures (issue 16)."""

from __future__ import annotations

import json

from generators.publish.search_index import TEXT_LIMIT, slim_entries, slim_search_index

DOCS = [
    {"location": "", "title": "West Sussex JSNA", "text": "<p>A Joint Strategic Needs Assessment " + "word " * 100 + "</p>"},
    {"location": "areas/arun/ageing-well/", "title": "Ageing well in Arun", "text": "<p>Ageing well in Arun</p>"},
    {"location": "areas/arun/ageing-well/#falls", "title": "Falls", "text": "<p>Falls in Arun</p>"},
    {"location": "areas/arun/ageing-well/#life-expectancy-at-65", "title": "Life expectancy at 65", "text": "<p>20.1 years in 2020 - 22: similar to England</p>"},
    {"location": "indicators/adult-smoking/", "title": "Adult smoking", "text": "<p>Definition: smokers &lt;18</p>"},
    {"location": "areas/", "title": "Areas", "text": "<p>Every area</p>"},
]


def test_a_per_area_page_is_found_by_its_title_and_carries_no_figures() -> None:
    kept = {d["location"]: d for d in slim_entries(DOCS)}
    assert "areas/arun/ageing-well/#falls" not in kept
    page = kept["areas/arun/ageing-well/"]
    assert page["title"] == "Ageing well in Arun"
    assert page["text"] == ""
    assert "20.1" not in json.dumps(kept)


def test_other_pages_keep_their_text_shortened_and_escaped() -> None:
    kept = {d["location"]: d for d in slim_entries(DOCS)}
    assert kept["indicators/adult-smoking/"]["text"] == "Definition: smokers &lt;18"
    assert kept["areas/"]["text"] == "Every area"
    home = kept[""]["text"]
    assert home.endswith(" …") and len(home) <= TEXT_LIMIT + 2


def test_the_index_file_is_rewritten_in_place(tmp_path) -> None:
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["en"]}, "docs": DOCS}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index))
    slim_search_index(tmp_path)
    written = json.loads((tmp_path / "search" / "search_index.json").read_text())
    assert written["config"] == {"lang": ["en"]}
    assert len(written["docs"]) == 4
