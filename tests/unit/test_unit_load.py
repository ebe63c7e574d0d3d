"""Stage 2, load: `load_all` reads every input once, the JSNA folder's narrative and pages on
top of the tool's, and never publishes the narrative folder as pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_site import write_folder

from generators.config import build_config
from generators.errors import DataError
from generators.load import load_all
from generators.load.inputs import load_narrative, load_site_files
from generators.load.metadata import infer_unit


def make_tool(folder: Path) -> Path:
    """A tool folder: mkdocs.yml, its pages (one of them beside a narrative of its own) and an override."""
    for name, text in {
        "mkdocs.yml": "site_name: tool\ntheme:\n  name: material\n",
        "docs/about.md": "# About (the tool's)\n",
        "docs/methods.md": "# Methods\n",
        "docs/assets/jsna.css": "body {}\n",
        "docs/narrative/README.md": "How to write narrative\n",
        "overrides/main.html": "{% extends 'base.html' %}\n",
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_jsna(folder: Path) -> Path:
    """A JSNA folder with data, narrative for an area, a chapter and a theme, and pages of its own."""
    write_folder(folder)
    for name, text in {
        "docs/narrative/crawley/index.md": "### Crawley overview\n",
        "docs/narrative/crawley/living-well.md": "### Living well\n",
        "docs/narrative/crawley/living-well/smoking.md": "### Smoking\n",
        "docs/about.md": "# About (our own)\n",
        "docs/local-services.md": "# Local services\n",
        "overrides/partials/footer.html": "<footer>ours</footer>\n",
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def loaded(tmp_path: Path):
    tool, jsna = make_tool(tmp_path / "tool"), make_jsna(tmp_path / "jsna")
    config = build_config({"local": ["data/local.csv"], "indicators": "data/indicators.yml"}, str(jsna / "jsna.yml"), jsna, {})
    return load_all(config, tool, jsna, tmp_path / "cache")


def test_narrative_is_read_from_the_jsna_folder_by_its_path(loaded) -> None:
    assert loaded.narrative == {
        "crawley/index.md": "### Crawley overview\n",
        "crawley/living-well.md": "### Living well\n",
        "crawley/living-well/smoking.md": "### Smoking\n",
    }


def test_site_files_are_the_tools_with_the_jsna_folders_on_top(loaded) -> None:
    assert sorted(loaded.site_files) == [
        "docs/about.md", "docs/assets/jsna.css", "docs/local-services.md", "docs/methods.md",
        "overrides/main.html", "overrides/partials/footer.html",
    ]
    assert loaded.site_files["docs/about.md"] == b"# About (our own)\n"  # the JSNA folder's page replaces the tool's
    assert loaded.site_files["docs/methods.md"] == b"# Methods\n"


def test_the_narrative_folder_is_never_published_as_pages(loaded) -> None:
    assert [p for p in loaded.site_files if "narrative" in p] == []


def test_rows_metadata_and_the_mkdocs_template_are_read_once(loaded, tmp_path: Path) -> None:
    assert loaded.rows.rows_by_file == ((str(tmp_path / "jsna/data/local.csv"), 33),)
    assert len(loaded.rows.table) == 33
    assert loaded.local_files == (tmp_path / "jsna/data/local.csv",)
    assert sorted(loaded.indicators) == ["A1", "S1"]
    assert loaded.indicators["S1"].theme == "Smoking"
    assert loaded.mkdocs_template.startswith("site_name: tool")
    assert loaded.manifest == {} and loaded.population is None and loaded.boundaries is None
    assert (tmp_path / "cache" / "load").is_dir()


def test_the_same_folder_as_tool_and_jsna_is_read_once(tmp_path: Path) -> None:
    tool = make_tool(tmp_path / "tool")
    assert load_site_files(tool, tool) == load_site_files(tool, tmp_path / "nothing-here")


def test_no_narrative_folder_is_no_narrative(tmp_path: Path) -> None:
    assert load_narrative(tmp_path / "docs" / "narrative") == {}


def test_an_input_that_is_not_there_names_its_path(tmp_path: Path) -> None:
    jsna = make_jsna(tmp_path / "jsna")
    config = build_config({"fingertips": ["data/missing"]}, str(jsna / "jsna.yml"), jsna, {})
    with pytest.raises(DataError) as caught:
        load_all(config, make_tool(tmp_path / "tool"), jsna, tmp_path / "cache")
    assert caught.value.code == "input-missing"
    assert caught.value.place.file == str(jsna / "data/missing")


def test_a_broken_manifest_is_a_data_error(tmp_path: Path) -> None:
    jsna = make_jsna(tmp_path / "jsna")
    (jsna / "data" / "manifest.json").write_text("{not json")
    config = build_config({"local": ["data/local.csv"], "indicators": "data/indicators.yml"}, str(jsna / "jsna.yml"), jsna, {})
    with pytest.raises(DataError) as caught:
        load_all(config, make_tool(tmp_path / "tool"), jsna, tmp_path / "cache")
    assert caught.value.code == "manifest"


@pytest.mark.parametrize(("name", "unit"), [
    ("Deaths from all causes, under 75 years, standardised mortality ratio", "ratio"),
    ("Emergency admissions for hip fracture, standardised admission ratio", "ratio"),
    ("Under 75 mortality rate from cancer (per 100,000)", "per 100,000"),
    ("Obesity prevalence in adults", "%"),
    ("Life expectancy at birth", "years"),
])
def test_the_unit_a_fingertips_indicator_name_implies(name: str, unit: str) -> None:
    assert infer_unit(name) == unit
