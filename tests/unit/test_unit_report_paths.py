"""The public build report names every input file relative to the configuration's folder, or in
zero-config mode (`--data`) to the data folder: never by an absolute path, and never relative to
the working directory the build happened to be run from (`../../work/shared/...`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generators import pipeline
from generators.config import config_for_folder, load_config
from generators.pipeline import TOOL, generate

HEADER = ("Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,"
          "Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,"
          "Value note,Recent Trend,Compared to England value or percentiles,Compared to parent value or percentiles,Time period Sortable,New data,Compared to goal")
ROWS = [
    "92443,Smoking prevalence in adults,,,E92000001,England,England,Persons,18+ yrs,,,2022,12.7,12.5,12.9,,,,,,,,,20220000,,",
    "92443,Smoking prevalence in adults,E92000001,England,E06000001,Hartlepool,Counties & UAs (from Apr 2023),Persons,18+ yrs,,,2022,15.0,12.0,18.0,,,,,,,Worse,,20220000,,",
    "92443,Smoking prevalence in adults,E92000001,England,E06000001,Hartlepool,Counties & UAs (from Apr 2023),Persons,18+ yrs,,,2022,15.0,12.0,18.0,,,,,,,Worse,,20220000,,",
]  # the last repeats line 3: set aside with a reason that names the file


def write_export(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


def test_a_data_folder_build_from_elsewhere_names_files_with_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    write_export(data / "sub" / "smoking.csv")
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    report = generate(config_for_folder(data.resolve()), TOOL, tmp_path / "build").report
    assert report["files"] == [{"file": "data/sub/smoking.csv", "rows": 3}]
    assert [(s["file"], s["reason"], s["lines"]) for s in report["set_aside"]] == [("data/sub/smoking.csv", "repeats data/sub/smoking.csv, line 3", [4])]
    for page in (tmp_path / "build" / "docs" / "build-report.json", *(tmp_path / "build" / "docs" / "build-report").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "data/sub/smoking.csv" in text and str(tmp_path) not in text and "../data/" not in text and "../../" not in text, page
    assert json.loads((tmp_path / "build" / "docs" / "build-report.json").read_text(encoding="utf-8"))["files"] == report["files"]


def test_the_root_is_the_data_folder_a_data_files_folder_or_the_configurations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = write_export(tmp_path / "data" / "smoking.csv")
    (tmp_path / "jsna" / "jsna.yml").parent.mkdir()
    (tmp_path / "jsna" / "jsna.yml").write_text("fingertips: [../data/smoking.csv]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "jsna")
    assert pipeline.report_root(config_for_folder(tmp_path / "data")) == tmp_path
    assert pipeline.report_root(config_for_folder(export)) == tmp_path
    assert pipeline.report_root(config_for_folder(Path("../data"))) == Path("..").resolve()
    assert pipeline.report_root(load_config(tmp_path / "jsna" / "jsna.yml")) == tmp_path / "jsna"
    assert pipeline.report_root(load_config(Path("jsna.yml"))) == Path(".")
