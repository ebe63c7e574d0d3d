"""The demonstration dataset: deterministic, matches the committed copy, internally consistent."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd
import pytest

from generators import demo

COMMITTED = Path(__file__).resolve().parent.parent / "data" / "demo"
HAND_WRITTEN = {"README.md"}
ONE_PERIOD = {"93861"}  # on purpose: a page with no trend chart


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    demo.main(["--out", str(out)])
    return out


@pytest.fixture(scope="module")
def rows(fresh: Path) -> pd.DataFrame:
    frames = [pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
              for path in sorted((fresh / "fingertips").glob("*.csv"))]
    return pd.concat(frames, ignore_index=True)


def numbers(rows: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(rows[column].replace("", None))


def test_two_runs_write_identical_bytes(fresh: Path, tmp_path: Path) -> None:
    demo.main(["--out", str(tmp_path)])
    names = files_under(fresh)
    assert names == files_under(tmp_path)
    assert filecmp.cmpfiles(fresh, tmp_path, names, shallow=False)[0] == names


def test_committed_data_matches_a_fresh_run(fresh: Path) -> None:
    names = files_under(fresh)
    assert set(files_under(COMMITTED)) == set(names) | HAND_WRITTEN, "run python -m generators.demo"
    mismatched = filecmp.cmpfiles(fresh, COMMITTED, names, shallow=False)[1]
    assert mismatched == [], "data/demo was edited by hand or is stale: run python -m generators.demo"


def test_files_look_like_fingertips_downloads(fresh: Path) -> None:
    raw = (fresh / "fingertips" / "living-well.csv").read_bytes()
    assert raw.startswith(b'\xef\xbb\xbf"Indicator ID","Indicator Name",')
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert raw.splitlines()[0].count(b'","') == 26


def test_every_95_interval_contains_its_value(rows: pd.DataFrame) -> None:
    value = numbers(rows, "Value")
    lower, upper = numbers(rows, "Lower CI 95.0 limit"), numbers(rows, "Upper CI 95.0 limit")
    has_limits = lower.notna()
    assert ((lower <= value) & (value <= upper))[has_limits].all()
    assert (numbers(rows, "Lower CI 99.8 limit") <= lower)[has_limits].all()


def test_counts_do_not_exceed_denominators(rows: pd.DataFrame) -> None:
    count, denominator = numbers(rows, "Count"), numbers(rows, "Denominator")
    both = count.notna() & denominator.notna()
    assert both.any()
    assert (count <= denominator)[both].all()


def test_every_indicator_has_five_periods_but_the_deliberate_one(rows: pd.DataFrame) -> None:
    periods = rows.groupby("Indicator ID")["Time period"].nunique()
    assert set(periods[periods < 5].index) == ONE_PERIOD
    assert len(periods) >= 18


def test_deliberate_gaps_are_there(rows: pd.DataFrame) -> None:
    notes = rows.loc[rows["Value"] == "", "Value note"].tolist()
    assert sorted(notes) == [demo.NOT_AVAILABLE, demo.SUPPRESSED]


def test_england_rows_are_not_compared(rows: pd.DataFrame) -> None:
    england = rows[rows["Area Code"] == "E92000001"]
    assert set(england["Compared to England value or percentiles"]) == {"Not compared"}
