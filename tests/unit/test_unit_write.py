"""Write stage (`write.pages`): one executor makes every page job and skips a job whose content
hash is unchanged; the hash covers the whole job, so any change to any field of any page model
remakes the page; worker processes give the same files as one process."""

from __future__ import annotations

import dataclasses
import math
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from generators.render import make_page
from generators.render.jobs import PageJob
from generators.write import make_pages, state_bytes
from generators.write import pages as executor
from generators.write.pages import job_hash, shared_key
from generators.write.project import STATE_FILE

KINDS = ("area", "chapter", "theme", "inequalities", "home", "areas", "topics", "topic", "inequalities_topic", "indicators", "indicator", "downloads", "report", "summary", "priorities", "partners")


def some_jobs(small) -> list[PageJob]:
    """One area's overview, chapter and theme pages, West Sussex's Inequalities page, and every page that is not an area's."""
    return [j for j in small.jobs if j.key.startswith("areas/crawley/") or not j.key.startswith("areas/") or j.key in ("areas/", "areas/west-sussex/inequalities/")]


class Counting:
    """`make_page`, counting the jobs it made."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def __call__(self, job: PageJob, shared: Any):
        self.made.append(job.key)
        return make_page(job, shared)


def build(jobs: list[PageJob], small, folder: Path, maker=make_page):
    """One build's pages, with its content hashes kept in pages.json as the write stage keeps them."""
    made = make_pages(jobs, small.shared, maker, folder)
    (folder / STATE_FILE).write_bytes(state_bytes(made.state))
    return made


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def times(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_the_jobs_here_cover_every_kind_of_page(small) -> None:
    assert sorted({j.kind for j in some_jobs(small)}) == sorted(KINDS)


def test_a_second_build_with_the_same_jobs_makes_and_writes_nothing(small, tmp_path: Path) -> None:
    jobs = some_jobs(small)
    first = build(jobs, small, tmp_path)
    assert (first.made, first.kept) == (len(jobs), 0)
    assert first.written == len(first.paths) == len(tree(tmp_path / "docs"))
    before = times(tmp_path / "docs")
    maker = Counting()
    second = build(jobs, small, tmp_path, maker)
    assert (second.made, second.written, second.kept) == (0, 0, len(jobs))
    assert maker.made == []
    assert second.paths == first.paths and second.state == first.state
    assert times(tmp_path / "docs") == before


def test_a_changed_job_is_made_again_and_only_it(small, tmp_path: Path) -> None:
    jobs = some_jobs(small)
    build(jobs, small, tmp_path)
    chapter = next(i for i, j in enumerate(jobs) if j.kind == "chapter")
    jobs[chapter] = dataclasses.replace(jobs[chapter], narrative="### New words {#narrative}\n")
    maker = Counting()
    again = build(jobs, small, tmp_path, maker)
    assert maker.made == ["areas/crawley/living-well/"]
    assert (again.made, again.written, again.kept) == (1, 1, len(jobs) - 1)
    assert "### New words" in (tmp_path / "docs/areas/crawley/living-well/index.md").read_text(encoding="utf-8")


def test_a_deleted_file_makes_its_job_again(small, tmp_path: Path) -> None:
    jobs = some_jobs(small)
    first = build(jobs, small, tmp_path)
    (tmp_path / "docs/areas/crawley/living-well/smoking/charts/adult-smoking-trend.svg").unlink()
    maker = Counting()
    again = build(jobs, small, tmp_path, maker)
    assert maker.made == ["areas/crawley/living-well/smoking/"]
    assert (again.made, again.written) == (1, 1)
    assert again.paths == first.paths
    assert (tmp_path / "docs/areas/crawley/living-well/smoking/charts/adult-smoking-trend.svg").is_file()


def test_a_change_to_what_every_page_shares_makes_every_page_again(small, tmp_path: Path) -> None:
    jobs = some_jobs(small)
    build(jobs, small, tmp_path)
    config = dataclasses.replace(small.config, title="A new title")
    changed = dataclasses.replace(small, shared=dataclasses.replace(small.shared, common={**small.shared.common, "config": config}))
    assert build(jobs, changed, tmp_path).made == len(jobs)


def test_lost_or_broken_hashes_make_every_page_again(small, tmp_path: Path) -> None:
    jobs = some_jobs(small)
    build(jobs, small, tmp_path)
    (tmp_path / STATE_FILE).write_text("{not json")
    assert make_pages(jobs, small.shared, make_page, tmp_path).made == len(jobs)


# Any change to any field of any page model remakes its page.

def changed(value: Any) -> Any:
    """A different value of the same type; None where a field holds nothing to change (None)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return 0.5 if math.isnan(value) else value + 0.5
    if isinstance(value, str):
        return value + " (changed)"
    if isinstance(value, Path):
        return value / "changed"
    if isinstance(value, tuple):
        return value[:-1] if value else ("changed",)
    if isinstance(value, dict):
        return {**value, "changed": True}
    if isinstance(value, pd.DataFrame):
        other = value.copy()
        other.iloc[0, other.columns.get_loc("value")] += 1
        return other
    return None


def mutations(value: Any, where: str, seen: set[str], empty: set[str]) -> Iterator[tuple[str, Any]]:
    """(where, the value with one change there) for every field, element and entry inside `value`:
    each dataclass field is replaced with `dataclasses.replace`; tuples are followed into their first
    element (both, for a pair of two kinds of thing)."""
    if dataclasses.is_dataclass(value):
        seen.add(type(value).__name__)
        for field in dataclasses.fields(value):
            inner = getattr(value, field.name)
            if inner is None:
                empty.add(f"{type(value).__name__}.{field.name}")
            for place, new in mutations(inner, f"{where}.{field.name}", seen, empty):
                yield place, dataclasses.replace(value, **{field.name: new})
        return
    other = changed(value)
    if other is not None:
        yield where, other
    if isinstance(value, tuple) and value:
        pair = len(value) == 2 and type(value[0]) is not type(value[1])  # e.g. (area, its messages): follow both
        for index in (0, 1) if pair else (0,):
            for place, new in mutations(value[index], f"{where}[{index}]", seen, empty):
                yield place, (*value[:index], new, *value[index + 1:])
    elif isinstance(value, dict):
        for key, inner in value.items():
            for place, new in mutations(inner, f"{where}[{key!r}]", seen, empty):
                yield place, {**value, key: new}


@pytest.fixture(scope="module")
def every_change(small) -> tuple[list[str], list[str], set[str], set[str]]:
    """Every one-field change of every kind's job: where each was made, those that left the hash as it was, the types visited, fields holding None."""
    key = shared_key(small.shared)
    places, unchanged, seen, empty = [], [], set(), set()
    for kind in KINDS:
        job = small.job(kind) if kind != "area" else next(j for j in small.jobs if j.key == "areas/crawley/")
        original = job_hash(job, key)
        for place, new in mutations(job, kind, seen, empty):
            places.append(place)
            if job_hash(new, key) == original:
                unchanged.append(place)
    return places, unchanged, seen, empty


def test_any_change_to_any_field_of_any_page_model_changes_the_jobs_hash(every_change) -> None:
    places, unchanged, _, _ = every_change
    assert len(places) > 600
    assert unchanged == []


def test_the_changes_reach_every_page_model_and_their_parts(every_change) -> None:
    _, _, seen, empty = every_change
    assert seen >= {
        "PageJob", "Overview", "AreaPage", "ChapterPage", "ThemePage", "IndicatorPage", "Section", "Point", "Area", "Indicator",
        "Chapter", "Breakdown", "Topic", "IndicatorLink", "SpineInput", "SpineRow", "InequalitiesPage", "Gap", "Breakdowns", "Category", "Rankings", "Ranking", "Ranked",
    }
    assert empty == {"Overview.pyramid", "AreaPage.inequalities", "AreaPage.nhs"}  # AreaPage.nhs: no NHS area in the small site (tests/test_nhs_pages.py); None in the small site (Crawley has no breakdowns): nothing to change  # None in the small site: nothing to change


@pytest.mark.parametrize("place", [
    "area.model.page.chapters[0].sections[0].points[0].value",
    "area.model.page.area.name",
    "area.model.spine.rows[0].value",
    "chapter.model.sections[0].title",
    "chapter.model.sections[0].indicator.unit",
    "chapter.model.sections[0].benchmark[0].upper_95",
    "chapter.model.messages",
    "chapter.model.themes[0].sections[0].points[0].verdict",
    "theme.model.sections[0].breakdown.sex",
    "indicator.model.series[0].rankings[0].ranked[0].area.parent_name",
    "indicator.model.indicator.definition",
    "home.model['highlights'][0][1]",
    "home.model['highlights'][0][0].slug",
    "topic.model[1][0].name",
    "topic.model[0].pages[0].slug",
    "indicators.model[0].chapter.name",
    "downloads.model[0]",
    "report.model['rows']['read']",
    "chapter.narrative",
])
def test_named_fields_are_among_those_changed(every_change, place: str) -> None:
    assert place in every_change[0]


def use_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """`make_pages` set to use two worker processes for a few jobs; gives the worker count of each pool started."""
    pools: list[int] = []

    class Pool(executor.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(executor, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(executor, "PARALLEL_FROM_JOBS", 2)
    monkeypatch.setattr(executor, "JOBS_PER_TASK", 3)
    monkeypatch.setattr(executor.os, "cpu_count", lambda: 2)
    return pools


@pytest.fixture(scope="module")
def serial_and_parallel(small, tmp_path_factory: pytest.TempPathFactory):
    """The same jobs made in this process and in two worker processes, each into its own build folder."""
    folder = tmp_path_factory.mktemp("executors")
    jobs = some_jobs(small)
    serial = make_pages(jobs, small.shared, make_page, folder / "serial")
    with pytest.MonkeyPatch.context() as patch:
        pools = use_workers(patch)
        parallel = make_pages(jobs, small.shared, make_page, folder / "parallel")
    assert pools == [2]
    return folder, serial, parallel


def test_worker_processes_make_the_same_files_and_bytes_as_one_process(serial_and_parallel) -> None:
    folder, serial, parallel = serial_and_parallel
    assert (parallel.made, parallel.written, parallel.paths) == (serial.made, serial.written, serial.paths)
    assert [entry["files"] for entry in parallel.state.values()] == [entry["files"] for entry in serial.state.values()]
    assert tree(folder / "parallel") == tree(folder / "serial")


def test_worker_processes_record_the_same_content_hashes(serial_and_parallel) -> None:
    _, serial, parallel = serial_and_parallel
    assert parallel.state == serial.state


def test_equal_jobs_have_equal_hashes(small) -> None:
    job = small.job("indicators")
    same = pickle.loads(pickle.dumps(tuple(small.jobs)))[small.jobs.index(job)]
    assert same == job
    key = shared_key(small.shared)
    assert job_hash(same, key) == job_hash(job, key)
