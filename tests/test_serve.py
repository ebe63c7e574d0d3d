"""`make serve`'s watch loop (generators/serve.py), without MkDocs: a save of the narrative is generated
into build/docs; a bad data file or a broken jsna.yml is reported and build/ keeps the last good pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from generators.serve import Watcher, digest, remembered, take_snapshot

ROOT = Path(__file__).resolve().parent.parent
PAGE = Path("docs/areas/west-sussex/living-well/index.md")
NARRATIVE = Path("docs/narrative/west-sussex/living-well.md")


@pytest.fixture
def jsna(tmp_path: Path) -> Path:
    """A copy of the demonstration JSNA (its jsna.yml, data and narrative) in its own folder."""
    shutil.copy(ROOT / "jsna.yml", tmp_path / "jsna.yml")
    shutil.copytree(ROOT / "data" / "demo", tmp_path / "data" / "demo")
    shutil.copytree(ROOT / "docs" / "narrative", tmp_path / "docs" / "narrative")
    return tmp_path


@pytest.fixture
def watcher(jsna: Path) -> Watcher:
    said: list[str] = []
    loop = Watcher(jsna / "jsna.yml", jsna / "build", say=said.append)
    first = loop.start()
    assert first.ok, first.message
    assert (jsna / "build" / PAGE).is_file()
    return loop


def test_a_saved_narrative_file_is_generated_into_build_docs(watcher: Watcher, jsna: Path) -> None:
    assert watcher.poll() is None  # nothing saved, nothing done
    narrative = jsna / NARRATIVE
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\nThe officer's new sentence about walking.\n", encoding="utf-8")
    outcome = watcher.poll()
    assert outcome is not None and outcome.ok, outcome
    assert outcome.changed == (str(narrative.resolve()),)
    assert watcher.narrative_only(outcome.changed)
    assert "The officer's new sentence about walking." in (jsna / "build" / PAGE).read_text(encoding="utf-8")
    assert "2 of" in outcome.message  # the page and build/pages.json; every other file kept
    assert watcher.poll() is None


def test_a_new_narrative_file_is_seen(watcher: Watcher, jsna: Path) -> None:
    (jsna / "docs" / "narrative" / "west-sussex" / "index.md").write_text("### Our summary\n\nA brand new overview note.\n", encoding="utf-8")
    outcome = watcher.poll()
    assert outcome is not None and outcome.ok
    assert "A brand new overview note." in (jsna / "build" / "docs" / "areas" / "west-sussex" / "index.md").read_text(encoding="utf-8")


def test_a_bad_data_file_is_reported_and_the_last_good_pages_stay(watcher: Watcher, jsna: Path) -> None:
    build_docs = jsna / "build" / "docs"
    before = {p: p.read_bytes() for p in build_docs.rglob("*.md")}
    data = jsna / "data" / "demo" / "fingertips" / "living-well.csv"
    good = data.read_bytes()
    data.write_text("this is not,a Fingertips export\n1,2\n", encoding="utf-8")
    outcome = watcher.poll()
    assert outcome is not None and not outcome.ok
    assert "error:" in outcome.message and "last good" in outcome.message
    assert "living-well.csv" in outcome.message  # the file is named
    assert {p: p.read_bytes() for p in build_docs.rglob("*.md")} == before
    assert watcher.poll() is None  # not tried again until the next save
    data.write_bytes(good)  # put right: the next save builds again
    outcome = watcher.poll()
    assert outcome is not None and outcome.ok, outcome.message


def test_a_broken_jsna_yml_is_reported_and_the_loop_carries_on(watcher: Watcher, jsna: Path) -> None:
    config = jsna / "jsna.yml"
    good = config.read_text(encoding="utf-8")
    page = (jsna / "build" / PAGE).read_bytes()
    config.write_text(good + "\nareas: [unclosed\n", encoding="utf-8")
    outcome = watcher.poll()
    assert outcome is not None and not outcome.ok and "jsna.yml" in outcome.message
    assert (jsna / "build" / PAGE).read_bytes() == page
    config.write_text(good.replace("title: West Sussex JSNA (demonstration)", "title: West Sussex JSNA (served)"), encoding="utf-8")
    outcome = watcher.poll()
    assert outcome is not None and outcome.ok, outcome.message
    assert not watcher.narrative_only(outcome.changed)
    assert "West Sussex JSNA (served)" in (jsna / "build" / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_watched_files_are_the_config_its_data_and_the_jsna_pages(watcher: Watcher, jsna: Path) -> None:
    watched = set(take_snapshot(watcher.watched))
    assert str((jsna / "jsna.yml").resolve()) in watched
    assert str((jsna / "data" / "demo" / "fingertips" / "living-well.csv").resolve()) in watched
    assert str((jsna / "data" / "demo" / "indicators.yml").resolve()) in watched
    assert str((jsna / NARRATIVE).resolve()) in watched
    assert not any("/build/" in p for p in watched)


def test_a_remembered_stage_runs_again_only_for_other_arguments() -> None:
    calls: list[int] = []

    def stage(table: pd.DataFrame, lookup: dict[str, int], areas: set[str]) -> dict[str, int]:
        calls.append(1)
        return {"rows": len(table), **lookup}

    once = remembered("test-stage", stage)
    table = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert once(table, {"p": 1, "q": 2}, {"E1", "E2"}) == {"rows": 2, "p": 1, "q": 2}
    assert once(table.copy(), {"q": 2, "p": 1}, {"E2", "E1"}) == {"rows": 2, "p": 1, "q": 2}  # equal arguments: remembered
    assert len(calls) == 1
    once(pd.DataFrame({"a": [1, 3], "b": ["x", "y"]}), {"p": 1, "q": 2}, {"E1", "E2"})
    assert len(calls) == 2
    assert digest({"a": 1}) != digest({"a": 2})
