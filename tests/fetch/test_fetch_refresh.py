"""A refresh against recorded answers: the files, the manifest, and a second run."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generators.fetch import read_manifest, refresh_data
from generators.fetch.transport import Answer

from .conftest import BOUNDARIES_URL, RESPONSES, SMOKING_502, Clock, ScriptedTransport, make_settings, snapshot

API = "https://fingertips.phe.org.uk/api"


def refresh(data: Path, transport: ScriptedTransport | None = None, clock: Clock | None = None, **changes):
    return refresh_data(make_settings(**changes), data, transport or ScriptedTransport(), clock=clock or Clock())


def test_a_refresh_downloads_data_metadata_and_boundaries(tmp_path: Path) -> None:
    result = refresh(tmp_path / "data")
    assert result.changed and result.indicators == ("90366", "92443") and result.skipped == ()
    assert sorted(snapshot(tmp_path / "data")) == [
        "boundaries.geojson",
        "fingertips/90366.csv",
        "fingertips/92443.csv",
        "indicators.yml",
        "manifest.json",
    ]
    recorded = RESPONSES / "api/all_data/csv/by_indicator_id" / SMOKING_502
    assert (tmp_path / "data/fingertips/92443.csv").read_bytes() == recorded.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # no staging folder left behind


def test_the_metadata_is_in_the_projects_words(tmp_path: Path) -> None:
    refresh(tmp_path / "data")
    indicators = yaml.safe_load((tmp_path / "data/indicators.yml").read_text(encoding="utf-8"))["indicators"]
    assert [i["id"] for i in indicators] == ["90366", "92443"]
    assert indicators[1] == {
        "id": "92443",
        "name": "Smoking Prevalence in adults (18+) - current smokers (APS)",
        "definition": "Prevalence of smoking among persons aged 18 years and over.",
        "unit": "%",
        "value_type": "Proportion",
        "polarity": "low_is_good",
        "comparison": None,  # named directly, in no profile: the export's own comparison is kept
        "comparison_method": "Wilson Score method",
        "confidence_level": None,
        "source": "Annual Population Survey (APS)",
        "release_date": "2024-11-05",
    }
    assert indicators[0]["polarity"] == "high_is_good"


def test_the_manifest_says_where_when_and_what(tmp_path: Path) -> None:
    refresh(tmp_path / "data")
    text = (tmp_path / "data/manifest.json").read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert text == json.dumps(manifest, sort_keys=True, indent=2) + "\n"
    assert manifest["files"]["fingertips/92443.csv"] == {
        "source_url": f"{API}/all_data/csv/by_indicator_id?{SMOKING_502}",
        "downloaded_at": "2025-03-01T09:32:00Z",
        "release_date": "2024-11-05",
        "indicator_id": "92443",
        "sha256": manifest["files"]["fingertips/92443.csv"]["sha256"],
    }
    assert manifest["files"]["boundaries.geojson"]["source_url"] == BOUNDARIES_URL
    assert manifest["files"]["indicators.yml"]["release_date"] is None
    for path, entry in manifest["files"].items():
        assert len(entry["sha256"]) == 64, path


def test_a_second_run_with_nothing_new_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    refresh(data)
    before = snapshot(data)
    result = refresh(data, clock=Clock(start=Clock().now.replace(year=2026)))
    assert not result.changed
    assert snapshot(data) == before  # manifest download times included
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_new_release_replaces_that_file_and_keeps_the_others_download_times(tmp_path: Path) -> None:
    data = tmp_path / "data"
    refresh(data)
    first = read_manifest(data)["files"]
    newer = (RESPONSES / "api/all_data/csv/by_indicator_id" / SMOKING_502).read_bytes() + b"\n"
    transport = ScriptedTransport({SMOKING_502: [Answer(200, newer.replace(b"16.3", b"15.1"))]})
    assert refresh(data, transport, clock=Clock(start=Clock().now.replace(year=2026))).changed
    files = read_manifest(data)["files"]
    assert b"15.1" in (data / "fingertips/92443.csv").read_bytes()
    assert files["fingertips/92443.csv"]["downloaded_at"].startswith("2026-")
    assert files["fingertips/90366.csv"] == first["fingertips/90366.csv"]


def test_a_deleted_file_is_downloaded_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    refresh(data)
    (data / "fingertips/90366.csv").unlink()
    assert refresh(data).changed
    assert (data / "fingertips/90366.csv").is_file()


def test_other_files_in_data_are_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "local").mkdir(parents=True)
    (data / "local/housing.csv").write_text("area_code,value\n", encoding="utf-8")
    (data / "fingertips").mkdir()
    (data / "fingertips/11111.csv").write_text("old download\n", encoding="utf-8")
    refresh(data)
    files = snapshot(data)
    assert files["local/housing.csv"] == b"area_code,value\n"
    assert "fingertips/11111.csv" not in files  # fingertips/ belongs to the refresh


def test_a_profile_brings_its_indicators_and_skips_those_without_data_here(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = refresh(data, profiles=("public-health-outcomes-framework",), indicators=(), boundaries_url=None)
    assert result.indicators == ("90366", "92443") and result.skipped == ("93014",)
    assert sorted(snapshot(data)) == ["fingertips/90366.csv", "fingertips/92443.csv", "indicators.yml", "manifest.json"]
    source = read_manifest(data)["files"]["fingertips/92443.csv"]["source_url"]
    assert source.endswith("&profile_id=19")


def test_several_area_types_bring_a_countys_districts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = refresh(data, profiles=(19,), indicators=(), boundaries_url=None, area_types=(502, 501))
    assert result.indicators == ("90366", "92443") and result.skipped == ("93014",)
    assert sorted(snapshot(data)) == [
        "fingertips/90366-501.csv",
        "fingertips/90366.csv",
        "fingertips/92443-501.csv",
        "fingertips/92443.csv",
        "indicators.yml",
        "manifest.json",
    ]
    districts = (data / "fingertips/92443-501.csv").read_text(encoding="utf-8")
    west_sussex = ["Adur", "Arun", "Chichester", "Crawley", "Horsham", "Mid Sussex", "Worthing"]
    assert all(f",{name},Districts & UAs (from Apr 2023)," in districts for name in west_sussex)
    assert "E10000032,West Sussex," in (data / "fingertips/92443.csv").read_text(encoding="utf-8")
    files = read_manifest(data)["files"]
    assert files["fingertips/90366-501.csv"]["source_url"] == (
        f"{API}/all_data/csv/by_indicator_id?indicator_ids=90366&child_area_type_id=501&parent_area_type_id=15&profile_id=19"
    )
    assert files["fingertips/90366-501.csv"]["indicator_id"] == "90366"
    indicators = yaml.safe_load((data / "indicators.yml").read_text(encoding="utf-8"))["indicators"]
    assert [i["id"] for i in indicators] == ["90366", "92443"]  # once each, whatever the area types
    assert indicators[0]["comparison"] == "confidence interval 99.8"  # read at the first area type, 502


def test_a_profiles_domains_become_themes_and_chapters(tmp_path: Path) -> None:
    data = tmp_path / "data"
    transport = ScriptedTransport()
    refresh(data, transport, profiles=(19,), indicators=(92443,), boundaries_url=None)
    indicators = {i["id"]: i for i in yaml.safe_load((data / "indicators.yml").read_text(encoding="utf-8"))["indicators"]}
    assert (indicators["90366"]["theme"], indicators["90366"]["chapter"]) == ("Overarching indicators", "Population")
    assert (indicators["92443"]["theme"], indicators["92443"]["chapter"]) == ("Health improvement", "Living well")
    names = [u for u in transport.requested if "group_metadata" in u]
    assert names == [f"{API}/group_metadata?group_ids=1000049,1000041,1000042,1000043,1000044"]  # once per profile


def test_the_chapters_table_is_read_case_blind(tmp_path: Path) -> None:
    from generators.fetch.metadata import read_chapters_table

    table = tmp_path / "chapters.yml"
    table.write_text("domains:\n  Health Improvement: Living well\n  Unfiled:\n", encoding="utf-8")
    assert read_chapters_table(table) == {"health improvement": "Living well"}
    assert read_chapters_table()["wider determinants of health"] == "Wider determinants"
