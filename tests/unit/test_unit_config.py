"""Stage 1, config: one schema checks jsna.yml, names the line of a bad setting, and fills defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.config import DEFAULT_CHAPTERS, ENGLAND, SCHEMA, Chapter, build_config, config_for_folder, load_config, slugify
from generators.errors import DataError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jsna.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("title: A JSNA\nedition: '2026'\ntitel: typo\n", "config-unknown-setting", 3, "titel"),
        ("title: A JSNA\nsuppress_counts_below: many\n", "config-type", 2, "suppress_counts_below"),
        ("title: A JSNA\n\nsuppress_counts_below: true\n", "config-type", 3, "suppress_counts_below"),
        ("demonstration: perhaps\n", "config-type", 1, "demonstration"),
        ("title: A JSNA\nareas:\n  - E10000032\nredirects: [a, b]\n", "config-type", 4, "redirects"),
        ("title: A JSNA\nchapters:\n  - indicators: [1]\n", "config-chapter", 2, "chapters[0]"),
        ("title: A JSNA\nareas: [E10000032\n", "config-yaml", 3, ""),
        ("- just\n- a list\n", "config-shape", 1, ""),
    ],
)
def test_a_bad_setting_names_its_file_and_line(tmp_path: Path, text: str, code: str, line: int, column: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        load_config(path)
    assert (caught.value.code, caught.value.place.line, caught.value.place.column) == (code, line, column)
    assert str(caught.value).startswith(f"{path}, line {line}")
    assert str(caught.value).endswith(f"[{code}]")


def test_an_unknown_setting_says_what_it_found(tmp_path: Path) -> None:
    with pytest.raises(DataError, match='expected one of the documented settings, found "titel"'):
        load_config(write(tmp_path, "titel: typo\n"))


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_config(tmp_path / "nowhere.yml")
    assert caught.value.code == "config-missing"


def test_an_empty_file_gives_every_default(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "# nothing set\n"))
    defaults = {s.key: s.default for s in SCHEMA}
    assert config.title == defaults["title"] == "Joint Strategic Needs Assessment"
    assert config.benchmark == ENGLAND == "E92000001"
    assert config.suppress_counts_below == 8
    assert config.demonstration is False
    assert (config.edition, config.updated, config.site_url) == ("", "", "")
    assert config.fingertips == config.local == config.areas == config.comparators == ()
    assert config.indicators is config.manifest is config.population is config.boundaries is None
    assert config.redirects == config.previous_editions == ()
    assert config.chapters == tuple(Chapter(name, slugify(name)) for name in DEFAULT_CHAPTERS)
    assert [c.slug for c in config.chapters] == ["population", "starting-well", "living-well", "ageing-well", "wider-determinants"]


def test_every_setting_of_the_schema_has_a_type_a_default_and_a_description() -> None:
    for setting in SCHEMA:
        assert setting.description.endswith("."), setting.key
        assert setting.default is None or isinstance(setting.default, setting.kind), setting.key


def test_paths_are_resolved_against_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "manifest.json").write_text("{}")
    config = load_config(write(tmp_path, "fingertips: data/exports\nlocal: [data/a.csv, /abs/b.csv]\nindicators: data/indicators.yml\n"))
    assert config.root == tmp_path
    assert config.fingertips == (tmp_path / "data/exports",)
    assert config.local == (tmp_path / "data/a.csv", Path("/abs/b.csv"))
    assert config.indicators == tmp_path / "data/indicators.yml"
    assert config.manifest == tmp_path / "data/manifest.json"  # found beside the metadata


def test_numbers_written_as_text_settings_are_text(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "edition: 2026\nareas: E10000032\n"))
    assert config.edition == "2026"
    assert config.areas == ("E10000032",)


def test_chapters_by_name_or_with_their_indicators_and_slug(tmp_path: Path) -> None:
    text = "chapters:\n  - Living well\n  - name: Children & young people (0-19)\n    indicators: [92443, 93085]\n  - name: Place\n    slug: wider\n"
    config = load_config(write(tmp_path, text))
    assert config.chapters == (
        Chapter("Living well", "living-well"),
        Chapter("Children & young people (0-19)", "children-and-young-people-0-19", ("92443", "93085")),
        Chapter("Place", "wider"),
    )


def test_redirects_and_editions_are_read_in_a_stable_order(tmp_path: Path) -> None:
    text = "redirects:\n  z/old/: z/new/\n  a/old/: a/new/\nprevious_editions:\n  - name: 2025\n    path: ../site-2025\n"
    config = load_config(write(tmp_path, text))
    assert config.redirects == (("a/old/", "a/new/"), ("z/old/", "z/new/"))
    assert config.previous_editions == (("2025", tmp_path / "../site-2025"),)


def test_lines_of_each_setting_are_kept_for_later_messages(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "title: A JSNA\n\nareas:\n  - E10000032\n"))
    assert str(config.place("areas")) == f'{tmp_path / "jsna.yml"}, line 3, column "areas"'


def test_build_config_checks_a_mapping_without_a_file(tmp_path: Path) -> None:
    config = build_config({"title": "T", "benchmark": "E12000008"}, "settings", tmp_path, {})
    assert (config.title, config.benchmark, config.source) == ("T", "E12000008", "settings")
    with pytest.raises(DataError) as caught:
        build_config({"areas": {"a": 1}}, "settings", tmp_path, {"areas": 7})
    assert (caught.value.code, caught.value.place.line) == ("config-type", 7)


def test_a_folder_of_exports_gives_one_chapter_per_file(tmp_path: Path) -> None:
    for name in ("living_well.csv", "Starting-well.csv", "sub/living well.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Indicator ID\n")
    config = config_for_folder(tmp_path)
    assert config.title == ""  # the model names the site from its areas, never from a folder name
    assert [(c.name, c.slug, len(c.files)) for c in config.chapters] == [("Starting well", "starting-well", 1), ("Living well", "living-well", 2)]
    assert len(config.fingertips) == 3


def test_a_folder_of_exports_takes_no_narrative_from_the_tools_demonstration(tmp_path: Path) -> None:
    """Zero-config (`--data`) has no JSNA folder: the demonstration's narrative and partners' words,
    which live in the tool's own docs/narrative, never reach a site built from someone's exports,
    even where a file's chapter and an area match them (living-well, West Sussex)."""
    from generators.load.inputs import load_all
    from generators.pipeline import TOOL

    demo = sorted((TOOL / "data" / "demo" / "fingertips").glob("*.csv"))[0]
    (tmp_path / "living_well.csv").write_bytes(demo.read_bytes())
    config = config_for_folder(tmp_path)
    assert config.zero_config and [c.slug for c in config.chapters] == ["living-well"]
    inputs = load_all(config, TOOL, TOOL, tmp_path / "cache")
    assert inputs.narrative == {} and inputs.contributions == ()
    assert "west-sussex/living-well.md" in load_all(load_config(TOOL / "jsna.yml"), TOOL, TOOL, tmp_path / "cache").narrative
