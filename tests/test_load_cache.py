"""The load cache: a rebuild reads back unchanged files instead of parsing them, with the same table."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from generators.errors import DataError
from generators.load import exports as load
from generators.load.cache import UNUSED_DAYS
from generators.load.exports import Loaded, load_inputs

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "data" / "demo" / "fingertips"
HEADER = ('Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,'
          'Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,'
          'Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,'
          'Time period Sortable,New data,Compared to goal')
ROW = '92443,Smoking,E12000008,South East region,E10000032,West Sussex,County,Persons,18+ yrs,,,{year},{value},8.6,10.1,,,494,5307,,,Better,Similar,{year}0000,,'


def export(folder: Path, name: str, values: tuple[str, ...] = ("9.3", "10.1")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    rows = [ROW.format(year=2020 + i, value=v) for i, v in enumerate(values)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def inputs(tmp_path: Path) -> tuple[list[Path], list[Path]]:
    """Real demo exports, a small one, one with a header only, and a local tidy file."""
    folder = tmp_path / "data"
    shutil.copytree(DEMO, folder / "fingertips")
    export(folder / "fingertips", "small.csv")
    (folder / "fingertips" / "header-only.csv").write_text(HEADER + "\n", encoding="utf-8")
    tidy = folder / "local" / "local.csv"
    tidy.parent.mkdir()
    tidy.write_text("area_code,indicator_id,period,sex,age,value,count,denominator,value_note\nE07000223,L1,2023,Persons,All ages,12.5,25,200,\n", encoding="utf-8")
    return load.list_csv_files((folder / "fingertips",)), [tidy]


def assert_same(got: Loaded, expected: Loaded) -> None:
    pd.testing.assert_frame_equal(got.table, expected.table, check_exact=True)
    assert got.table.dtypes.to_dict() == expected.table.dtypes.to_dict()
    assert got.rows_by_file == expected.rows_by_file


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, parsing any file fails the test: every file must come from the cache."""
    def parse(*_: object) -> pd.DataFrame:
        raise AssertionError("parsed a file the cache holds")
    monkeypatch.setattr(load, "to_table", parse)


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pkl")) if cache.is_dir() else []


def test_warm_load_equals_cold_load_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fingertips, local = inputs(tmp_path)
    cache = tmp_path / "cache"
    plain = load_inputs(fingertips, local)
    cold = load_inputs(fingertips, local, cache=cache)
    assert len(entries(cache)) == len(fingertips) + len(local)
    no_parsing(monkeypatch)
    warm = load_inputs(fingertips, local, cache=cache)
    assert_same(cold, plain)
    assert_same(warm, plain)
    assert len(plain.table) > 100 and ("" not in set(warm.table["source_file"]))


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = export(tmp_path / "data", "smoking.csv", ("9.3", "10.1"))
    load_inputs([path], [], cache=cache)
    export(tmp_path / "data", "smoking.csv", ("9.3", "77.7"))
    changed = load_inputs([path], [], cache=cache)
    assert changed.table["value"].tolist() == [9.3, 77.7]
    assert_same(changed, load_inputs([path], []))


def test_a_copied_file_reports_its_new_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    old = export(tmp_path / "before", "smoking.csv")
    load_inputs([old], [], cache=cache)
    new = tmp_path / "after" / "renamed.csv"
    new.parent.mkdir()
    shutil.copyfile(old, new)
    expected = load_inputs([new], [])
    no_parsing(monkeypatch)
    moved = load_inputs([new], [], cache=cache)
    assert set(moved.table["source_file"]) == {str(new)} and moved.rows_by_file == ((str(new), 2),)
    assert_same(moved, expected)


def test_the_same_bytes_at_two_paths_each_report_their_own(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    one = export(tmp_path / "a", "x.csv")
    two = tmp_path / "b" / "x.csv"
    two.parent.mkdir()
    shutil.copyfile(one, two)
    both = load_inputs([one, two], [], cache=cache)
    assert both.table["source_file"].tolist() == [str(one)] * 2 + [str(two)] * 2
    assert_same(both, load_inputs([one, two], []))
    assert len(entries(cache)) == 1


def test_a_broken_file_raises_the_same_error_and_is_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    broken = export(tmp_path / "data", "broken.csv", ("9.3", "nine", "ten"))
    with pytest.raises(DataError) as plain:
        load_inputs([broken], [])
    with pytest.raises(DataError) as cached:
        load_inputs([broken], [], cache=cache)
    assert str(cached.value) == str(plain.value)
    assert (cached.value.code, cached.value.place) == (plain.value.code, plain.value.place)
    assert 'line 3, column "Value"' in str(cached.value) and "line 4" in str(cached.value) and str(broken) in str(cached.value)
    assert not cache.exists() or not any(cache.iterdir())
    with pytest.raises(DataError) as again:  # and again: nothing was stored, so the file is parsed again
        load_inputs([broken], [], cache=cache)
    assert str(again.value) == str(plain.value)


def test_a_failed_load_keeps_the_entries_of_the_good_files(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    good = export(tmp_path / "data", "good.csv")
    load_inputs([good], [], cache=cache)
    before = entries(cache)
    broken = export(tmp_path / "data", "broken.csv", ("nine",))
    with pytest.raises(DataError):
        load_inputs([good, broken], [], cache=cache)
    assert entries(cache) == before


@pytest.mark.parametrize("garbage", [b"", b"not a pickle at all", b"\x80\x05\x95\xff\xff", b"\x80\x04K\x07."])
def test_a_corrupt_entry_is_parsed_again_not_a_crash(tmp_path: Path, garbage: bytes) -> None:
    cache = tmp_path / "cache"
    path = export(tmp_path / "data", "smoking.csv")
    expected = load_inputs([path], [])
    load_inputs([path], [], cache=cache)
    (entry,) = entries(cache)
    entry.write_bytes(garbage)  # torn, garbage, or a pickle of something else (the number 7)
    assert_same(load_inputs([path], [], cache=cache), expected)
    assert entry.read_bytes() != garbage  # written again, whole
    assert_same(load_inputs([path], [], cache=cache), expected)


def test_entries_unused_for_weeks_are_deleted_and_recent_ones_kept(tmp_path: Path) -> None:
    """Another dataset built from the same repository (or a test beside it) keeps its entries
    for a while; entries nobody used for UNUSED_DAYS go, and so do old temporary files."""
    cache = tmp_path / "cache"
    one = export(tmp_path / "data", "one.csv", ("1",))
    two = export(tmp_path / "data", "two.csv", ("2",))
    load_inputs([one, two], [], cache=cache)
    assert len(entries(cache)) == 2
    export(tmp_path / "data", "two.csv", ("3",))
    load_inputs([one, two], [], cache=cache)
    assert len(entries(cache)) == 3, "the old two.csv was used lately: kept"
    weeks_ago = time.time() - (UNUSED_DAYS + 1) * 86400
    for path in entries(cache):
        os.utime(path, (weeks_ago, weeks_ago))
    load_inputs([one], [], cache=cache)
    assert len(entries(cache)) == 1, "only the entry used now survives"
    orphan = cache / ".0123.abc.tmp"  # left by a run that died long ago
    orphan.write_bytes(b"half")
    fresh = cache / ".4567.def.tmp"  # being written by a run now
    fresh.write_bytes(b"half")
    os.utime(orphan, (0, 0))
    load_inputs([one], [], cache=cache)
    assert not orphan.exists() and fresh.exists()


def test_a_change_of_loader_code_misses_every_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    path = export(tmp_path / "data", "smoking.csv")
    load_inputs([path], [], cache=cache)
    (before,) = entries(cache)
    monkeypatch.setattr(load, "_code_fingerprint", lambda: "another version of load.py")
    load_inputs([path], [], cache=cache)
    after = set(entries(cache)) - {before}
    assert len(after) == 1, "a new entry, made by the new code (the old one ages out)"


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    path = export(tmp_path / "data", "smoking.csv")
    assert_same(load_inputs([path], [], cache=blocked / "cache"), load_inputs([path], []))
