"""Golden cases: each folder here is a small JSNA (`input/`: jsna.yml and its data) and the
pages it must give (`expected/`: every generated Markdown page, chart spec file and
build-report.json, laid out as `generate()` writes them into build/docs).

The build runs in-process on a copy of `input/` (so that nothing is written into the
repository's cases), from inside that copy, as `python -m generators build` runs from a JSNA
folder: the report then names the input files by their path in the folder, as users see it.
`pytest tests/golden --update-golden` rewrites `expected/` from this code; read the diff
before committing it. CI never does.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generators.config import load_config
from generators.pipeline import TOOL, generate

HERE = Path(__file__).resolve().parent
CASES = sorted(p.parent.parent.name for p in HERE.glob("*/input/jsna.yml"))
REGION = "South East region"


@dataclass(frozen=True)
class Run:
    """One case built: the copy of its input folder that was read, and the docs folder written."""

    folder: Path
    docs: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Run]:
    """Each case built once for the module, on first use."""
    runs: dict[str, Run] = {}

    def build(case: str) -> Run:
        if case not in runs:
            runs[case] = build_case(case, tmp_path_factory.mktemp(case))
        return runs[case]

    return build


def build_case(case: str, work: Path) -> Run:
    folder = work / "input"
    shutil.copytree(HERE / case / "input", folder)
    with contextlib.chdir(folder):
        generate(load_config(Path("jsna.yml")), Path("."), work / "build")
    return Run(folder, work / "build" / "docs")


def is_compared(path: str) -> bool:
    """Markdown pages, each page's chart specs and the build report: what the generator writes."""
    return path.endswith(".md") or path.endswith("/specs.json") or path == "build-report.json"


def site_pages(case: str) -> set[str]:
    """Pages copied as they are from the tool's docs/ and the case's own docs/ (not generated: not compared)."""
    folders = [TOOL / "docs", HERE / case / "input" / "docs"]
    found = {p.relative_to(f).as_posix() for f in folders if f.is_dir() for p in f.rglob("*") if p.is_file()}
    return {p for p in found if not p.startswith("narrative/")}


def files_in(folder: Path, skip: set[str] = frozenset()) -> dict[str, bytes]:
    paths = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    named = {p.relative_to(folder).as_posix(): p for p in paths}
    return {name: path.read_bytes() for name, path in named.items() if is_compared(name) and name not in skip}


def rewrite(expected: Path, found: dict[str, bytes]) -> None:
    shutil.rmtree(expected, ignore_errors=True)
    for name, data in found.items():
        (expected / name).parent.mkdir(parents=True, exist_ok=True)
        (expected / name).write_bytes(data)


def first_lines_that_differ(name: str, want: bytes, got: bytes) -> str:
    diff = difflib.unified_diff(want.decode("utf-8").splitlines(), got.decode("utf-8").splitlines(), f"expected/{name}", f"generated/{name}", lineterm="", n=1)
    return "\n".join(line[:300] for line in list(diff)[:40])


@pytest.mark.parametrize("case", CASES)
def test_generated_pages_match_the_golden_files(case: str, built: Callable[[str], Run], update_golden: bool) -> None:
    found = files_in(built(case).docs, site_pages(case))
    expected = HERE / case / "expected"
    if update_golden:
        rewrite(expected, found)
        return
    want = files_in(expected)
    assert want, f"{case}: no expected files; run `pytest tests/golden --update-golden` and read what it wrote"
    assert sorted(found) == sorted(want), f"{case}: new files {sorted(set(found) - set(want))}, missing files {sorted(set(want) - set(found))}"
    different = [name for name in want if found[name] != want[name]]
    assert not different, f"{case}: {len(different)} files differ: {different[:10]}\n" + first_lines_that_differ(different[0], want[different[0]], found[different[0]])


def test_narrative_is_merged_into_pages_never_published_itself(built: Callable[[str], Run]) -> None:
    docs = built("themes-and-narrative").docs
    assert not (docs / "narrative").exists()
    for page, heading in [("areas/crawley/index.md", "### What the public health team says about Crawley"),
                          ("areas/crawley/living-well/index.md", "### Living well in Crawley"),
                          ("areas/crawley/living-well/smoking/index.md", "### Smoking in Crawley")]:
        assert (docs / page).read_text(encoding="utf-8").count(heading) == 1, page
    assert "### " not in (docs / "areas/west-sussex/index.md").read_text(encoding="utf-8")


def test_every_case_is_here() -> None:
    assert CASES == ["fingertips-export", "local-counts", "regional-benchmark", "themes-and-narrative"]


@pytest.mark.parametrize("case", CASES)
def test_the_build_writes_nothing_into_the_jsna_folder(case: str, built: Callable[[str], Run]) -> None:
    folder = built(case).folder
    written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    given = {p.relative_to(HERE / case / "input").as_posix() for p in (HERE / case / "input").rglob("*") if p.is_file()}
    assert written - given == set()


def figures(page: str) -> list[str]:
    """The chart text of a page: each figure's HTML (caption, image, downloads, data table)."""
    return re.findall(r"<figure[^>]*>.*?</figure>", page, re.DOTALL)


def test_a_regional_benchmark_is_named_and_england_is_never_in_a_chart(built: Callable[[str], Run]) -> None:
    found = files_in(built("regional-benchmark").docs, site_pages("regional-benchmark"))
    specs = {name: data.decode("utf-8") for name, data in found.items() if name.endswith("specs.json")}
    pages = {name: data.decode("utf-8") for name, data in found.items() if name.endswith(".md")}
    assert len(specs) == 8 and len(pages) == 18  # with a board summary per area
    assert [name for name, text in specs.items() if "England" in text] == []
    assert [name for name, text in specs.items() if REGION not in text] == []
    charts = [(name, figure) for name, text in pages.items() for figure in figures(text)]
    assert len(charts) == 3 * 3 + 3 * 1 + 3 * 6  # per indicator series a ranking of the districts and of the county, and a map of the districts; a pyramid per overview, six per chapter page
    assert [name for name, figure in charts if "England" in figure or REGION not in figure] == []
    prose = {name: text for name, text in pages.items() if not name.startswith("build-report/")}
    assert [name for name, text in prose.items() if "England" in text] == []  # the report may explain the exports' own column
    compared = [name for name in pages if name.startswith(("areas/", "indicators/")) and name.count("/") > 1 and "/summary/" not in name]
    assert len(compared) == 8
    assert [name for name in compared if f"compared with {REGION}" not in pages[name]] == []


def test_a_regional_benchmark_recomputes_every_verdict_against_the_region(built: Callable[[str], Run]) -> None:
    page = (built("regional-benchmark").docs / "areas/adur/living-well/index.md").read_text(encoding="utf-8")
    # The export says "Similar" (to England's 78.9); against the region's 80.2 it is worse.
    assert "**79.0 years** in 2020 - 22 (95% confidence interval 78.0 to 80.0): **significantly worse than South East region**" in page
    report = json.loads((built("regional-benchmark").docs / "build-report.json").read_text(encoding="utf-8"))
    assert report["disagreements"] == []
    assert report["verdicts"] == {"checked": 0, "agreed": 0, "from_export": 0, "quintiles": 0}
