"""`make new AREA=<code> DIR=<folder>`: a council's JSNA folder scaffolded from the shipped reference data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generators.cli import main
from generators.config import load_config
from generators.config.settings import DEFAULT_CHAPTERS
from generators.fetch.settings import read_refresh_settings
from generators.new import REFERENCE, ScaffoldError, read_reference, scaffold
from generators.reference.build_reference import main as build_reference

WEST_SUSSEX_DISTRICTS = ["E07000223", "E07000224", "E07000225", "E07000226", "E07000227", "E07000228", "E07000229"]
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def west_sussex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new") / "west-sussex-jsna"
    scaffold("E10000032", folder, today=TODAY)
    return folder


def settings(folder: Path) -> dict:
    return yaml.safe_load((folder / "jsna.yml").read_text(encoding="utf-8"))


def test_a_county_gets_its_districts_region_england_and_similar_areas(west_sussex: Path) -> None:
    config = settings(west_sussex)
    assert config["areas"] == ["E10000032", *WEST_SUSSEX_DISTRICTS]
    assert config["benchmark"] == "E92000001"
    assert config["comparators"][0] == "E12000008"  # South East
    assert config["comparators"][1:] == list(read_reference().neighbours["E10000032"])
    assert config["comparators"][1:4] == ["E10000014", "E06000054", "E10000034"]  # Hampshire, Wiltshire, Worcestershire: ONS's order
    assert config["title"] == "West Sussex Joint Strategic Needs Assessment"
    assert config["organisation"] == "West Sussex County Council"
    assert config["chapters"] == list(DEFAULT_CHAPTERS)
    assert config["refresh"]["profiles"][0] == "public-health-outcomes-framework"
    text = (west_sussex / "jsna.yml").read_text(encoding="utf-8")
    assert "E07000226   # Crawley" in text and "global-neighbours.csv" in text


def test_the_folder_has_a_readme_and_narrative_stubs(west_sussex: Path) -> None:
    readme = (west_sussex / "README.md").read_text(encoding="utf-8")
    for command in ("make data  CONFIG=", "make build CONFIG=", "make serve CONFIG="):
        assert f"{command}{west_sussex.as_posix()}/jsna.yml" in readme
    stubs = sorted(p.name for p in (west_sussex / "docs" / "narrative" / "west-sussex").iterdir())
    assert stubs == sorted(["index.md", "population.md", "starting-well.md", "living-well.md", "ageing-well.md", "wider-determinants.md"])
    assert (west_sussex / "docs" / "narrative" / "west-sussex" / "living-well.md").read_text(encoding="utf-8").startswith("<!--")


def test_the_scaffolded_config_loads(west_sussex: Path) -> None:
    config = load_config(west_sussex / "jsna.yml")
    assert config.areas == ("E10000032", *WEST_SUSSEX_DISTRICTS)
    assert config.comparators[0] == "E12000008"
    assert [c.name for c in config.chapters] == list(DEFAULT_CHAPTERS)
    assert config.fingertips == (west_sussex / "data" / "fingertips",)
    refresh = read_refresh_settings(config.refresh)  # what `make data` reads
    assert "public-health-outcomes-framework" in refresh.profiles and refresh.area_type == 502


def test_a_unitary_authority_is_its_own_only_area(tmp_path: Path) -> None:
    scaffold("E06000043", tmp_path, today=TODAY)
    config = settings(tmp_path)
    assert config["areas"] == ["E06000043"]
    assert config["comparators"][0] == "E12000008"
    assert config["comparators"][1:] == list(read_reference().neighbours["E06000043"])
    assert (tmp_path / "docs" / "narrative" / "brighton-and-hove" / "index.md").is_file()


def test_an_exact_name_is_taken_for_its_code(tmp_path: Path) -> None:
    scaffold("west sussex", tmp_path, today=TODAY)
    assert settings(tmp_path)["areas"][0] == "E10000032"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("E10000002", "E10000002 Buckinghamshire was abolished in 2020: it became E06000060 Buckinghamshire (unitary authority)"),
        ("E10000021", "was split into E06000061 North Northamptonshire (unitary authority) or E06000062 West Northamptonshire"),
        ("E07000190", "E07000190 Taunton Deane was abolished in 2019: it became E06000066 Somerset (unitary authority)"),  # via Somerset West and Taunton
    ],
)
def test_an_abolished_code_names_its_successor(tmp_path: Path, code: str, expected: str) -> None:
    with pytest.raises(ScaffoldError, match="abolished") as error:
        scaffold(code, tmp_path / "jsna")
    assert expected in str(error.value)
    assert not (tmp_path / "jsna").exists()


def test_an_unknown_name_suggests_areas_whose_names_match(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError) as error:
        scaffold("West Sux", tmp_path / "jsna")
    assert str(error.value).startswith('"West Sux" is not a county or unitary authority in the reference data; did you mean E10000032 West Sussex (county)')
    assert "E10000011 East Sussex" in str(error.value)
    assert not (tmp_path / "jsna").exists()


def test_an_unknown_code_suggests_close_codes(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError) as error:
        scaffold("E10000099", tmp_path)
    message = str(error.value)
    assert message.startswith("area code E10000099 is not a county or unitary authority in the reference data; did you mean E10000")


def test_a_district_points_to_its_county(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match=r"E07000226 Crawley \(district\) is a district; a JSNA is written for the county, E10000032 West Sussex"):
        scaffold("E07000226", tmp_path)


def test_a_folder_with_a_jsna_is_refused_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "jsna.yml").write_text("title: Ours\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists: this folder already holds a JSNA; choose another DIR, or add --force"):
        scaffold("E10000032", tmp_path)
    assert (tmp_path / "jsna.yml").read_text(encoding="utf-8") == "title: Ours\n"
    narrative = tmp_path / "docs" / "narrative" / "west-sussex" / "index.md"
    narrative.parent.mkdir(parents=True)
    narrative.write_text("### Our words\n", encoding="utf-8")
    scaffold("E10000032", tmp_path, force=True)
    assert settings(tmp_path)["areas"][0] == "E10000032"
    assert narrative.read_text(encoding="utf-8") == "### Our words\n"  # never overwritten


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--area", "E10000032", "--dir", str(tmp_path / "ws")]) == 0
    assert (tmp_path / "ws" / "jsna.yml").is_file()
    assert main(["new", "--area", "E10000032", "--dir", str(tmp_path / "ws")]) == 1
    assert main(["new", "--area", "E10000002", "--dir", str(tmp_path / "bucks")]) == 1
    err = capsys.readouterr().err
    assert "error: " in err and "already exists" in err and "make new AREA=E06000060" in err


def test_the_reference_data_ships_small_with_its_sources() -> None:
    assert REFERENCE.is_relative_to(Path(__file__).resolve().parent.parent / "generators")
    sizes = {p.name: p.stat().st_size for p in REFERENCE.iterdir()}
    assert set(sizes) == {"areas.csv", "neighbours.csv", "nhs_areas.csv", "SOURCE.md"}  # nhs_areas.csv: tests/test_nhs_reference.py
    assert sum(sizes.values()) < 300_000
    source = (REFERENCE / "SOURCE.md").read_text(encoding="utf-8")
    assert "Open Government Licence" in source and "areas.json" in source and "global-neighbours.csv" in source
    reference = read_reference()
    upper = [a for a in reference.areas.values() if a.status == "current" and a.type in ("county", "unitary", "metropolitan_district", "london_borough")]
    assert len(upper) == 153 and all(reference.neighbours.get(a.code) for a in upper)
    assert [a.code for a in reference.children("E10000032")] == WEST_SUSSEX_DISTRICTS


def test_the_reference_data_is_what_the_script_writes_from_the_sources(shared: Path, tmp_path: Path) -> None:
    assert build_reference(["--shared", str(shared), "--out", str(tmp_path)]) == 0
    for name in ("areas.csv", "neighbours.csv"):
        assert (tmp_path / name).read_bytes() == (REFERENCE / name).read_bytes(), f"{name}: rerun python -m generators.reference.build_reference"
