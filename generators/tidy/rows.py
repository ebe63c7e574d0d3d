"""Stage 3, tidy: rows to one indicator table, every row accounted for.

Each input row ends in exactly one of: used, no_data (blank value, kept with its
Value note), suppressed (small counts in local data), rejected (with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from generators.columns import LIMITS, ROW_KEY, VALUES
from generators.config import Chapter, Config, slugify
from generators.errors import DataError, Place, raise_all
from generators.load.metadata import Indicator, complete_indicator
from generators.suppression import SuppressionRule, find_small_counts

KEY = ROW_KEY


@dataclass(frozen=True)
class Rejected:
    """One input row not used, and why."""

    file: str
    line: int
    status: str
    reason: str


@dataclass(frozen=True)
class Tidy:
    """The indicator table (used, no_data and suppressed rows) and the rows set aside."""

    table: pd.DataFrame
    set_aside: tuple[Rejected, ...]
    indicators: dict[str, Indicator]
    chapter_of: dict[str, str]
    rows_read: int
    local_files: frozenset[str] = frozenset()
    chapters: tuple[Chapter, ...] = ()


def tidy_rows(raw: pd.DataFrame, config: Config, known: dict[str, Indicator], local_files: set[str]) -> Tidy:
    """Check, classify and label every row; assign every indicator to a chapter."""
    table = raw.copy()
    table["status"], table["reason"] = "used", ""
    _check_negative(table)
    _check_conflicts(table)
    _reject_duplicates(table)
    _reject_bad_limits(table)
    indicators = _indicators(table, known)
    chapter_of = _assign_chapters(table, config, indicators)
    chapters = _with_other_chapter(config, indicators, chapter_of)
    chapters = _name_by_indicators(chapters, indicators, chapter_of)
    _reject_outside_chapters(table, chapter_of)
    _suppress_small_counts(table, config.suppress_counts_below, local_files)
    _mark_no_data(table, local_files)
    set_aside = _set_aside(table)
    kept = table[table["status"] != "rejected"].reset_index(drop=True)
    return Tidy(kept, set_aside, indicators, chapter_of, len(raw), frozenset(local_files), chapters)


def _check_negative(table: pd.DataFrame) -> None:
    errors = []
    for column in ("count", "denominator"):
        for _, row in table[table[column] < 0].iterrows():
            found = f"{row[column]:g}"
            errors.append(DataError(f"negative-{column}", f"expected a count of zero or more for indicator {row.indicator_id}, area {row.area_code}, period {row.period}, found {found}", Place(row.source_file, int(row.source_line), column.capitalize())))
    raise_all(errors)


def _check_conflicts(table: pd.DataFrame) -> None:
    keyed = table[table.duplicated(KEY, keep=False)]
    if keyed.empty:
        return
    distinct = keyed.drop_duplicates(KEY + VALUES)
    conflicting = distinct[distinct.duplicated(KEY, keep=False)]
    errors = []
    for _, group in conflicting.groupby(KEY, sort=True):
        first, other = group.iloc[0], group.iloc[1]
        message = (f"expected one value for indicator {first.indicator_id}, area {first.area_code}, {first.sex}, {first.age}, period {first.period}; "
                   f"found {first.value:g} here and {other.value:g} at {other.source_file}, line {other.source_line}")
        errors.append(DataError("conflicting-duplicate", message, Place(first.source_file, int(first.source_line), "Value")))
    raise_all(errors)


def _reject_duplicates(table: pd.DataFrame) -> None:
    repeated = table.duplicated(KEY, keep="first")
    if not repeated.any():
        return
    first = table[~repeated].set_index(KEY)[["source_file", "source_line"]]
    where = first.reindex(pd.MultiIndex.from_frame(table.loc[repeated, KEY]))
    reasons = [f"repeats {f}, line {line}" for f, line in zip(where["source_file"], where["source_line"])]
    table.loc[repeated, ["status", "reason"]] = np.column_stack([["rejected"] * len(reasons), reasons])


def _reject_bad_limits(table: pd.DataFrame) -> None:
    for lower, upper in LIMITS:
        level = "95%" if lower.endswith("95") else "99.8%"
        crossed = table[lower] > table[upper]
        outside = (table["value"] < table[lower]) | (table["value"] > table[upper])
        _reject(table, crossed, f"{level} lower limit is above the upper limit")
        _reject(table, outside & ~crossed, f"{level} limits do not contain the value")


def _reject(table: pd.DataFrame, mask: pd.Series, reason: str) -> None:
    mask = mask & (table["status"] == "used")
    table.loc[mask, "status"] = "rejected"
    table.loc[mask, "reason"] = reason


def _indicators(table: pd.DataFrame, known: dict[str, Indicator]) -> dict[str, Indicator]:
    names = table.drop_duplicates("indicator_id").set_index("indicator_id")["indicator_name"]
    multipliers = _multipliers(table)
    return {i: complete_indicator(known.get(i), i, str(names[i]), multipliers.get(i)) for i in sorted(names.index)}


MULTIPLIERS = (100, 1_000, 10_000, 100_000)


def _multipliers(table: pd.DataFrame) -> dict[str, int]:
    """Per indicator, the multiplier its values show (value = count / denominator x multiplier on
    nine rows in ten, within 1%): a crude rate per 10,000 or a percentage, where no metadata says."""
    rows = table[table["value"].notna() & (table["count"] > 0) & (table["denominator"] > 0)]
    ratio = rows["value"] / (rows["count"] / rows["denominator"])
    found = {}
    for indicator, ratios in ratio.groupby(rows["indicator_id"]):
        for multiplier in MULTIPLIERS:
            if len(ratios) >= 3 and ((ratios / multiplier - 1).abs() < 0.01).mean() >= 0.9:
                found[str(indicator)] = multiplier
    return found


def _assign_chapters(table: pd.DataFrame, config: Config, indicators: dict[str, Indicator]) -> dict[str, str]:
    """Chapter slug per indicator: the config's lists first, then the metadata, then the file."""
    chapter_of: dict[str, str] = {}
    by_name = {c.name.lower(): c.slug for c in config.chapters} | {c.slug: c.slug for c in config.chapters}
    listed = any(c.indicators for c in config.chapters)
    for chapter in config.chapters:
        chapter_of.update({i: chapter.slug for i in chapter.indicators if i in indicators})
    for indicator in indicators.values():
        wanted = by_name.get(indicator.chapter.lower()) or by_name.get(slugify(indicator.chapter))
        if indicator.id not in chapter_of and wanted and not listed:
            chapter_of[indicator.id] = wanted
    chapter_of.update(_chapters_by_file(table, config.chapters, chapter_of))
    return dict(sorted(chapter_of.items()))


OTHER = Chapter("Other indicators", "other-indicators")


def _with_other_chapter(config: Config, indicators: dict[str, Indicator], chapter_of: dict[str, str]) -> tuple[Chapter, ...]:
    """Indicators no chapter claims go to "Other indicators", unless the config lists each chapter's indicators."""
    if any(c.indicators for c in config.chapters):
        return config.chapters
    unclaimed = [i for i in indicators if i not in chapter_of]
    chapter_of.update({i: OTHER.slug for i in unclaimed})
    return config.chapters + ((OTHER,) if unclaimed else ())


def _name_by_indicators(chapters: tuple[Chapter, ...], indicators: dict[str, Indicator], chapter_of: dict[str, str]) -> tuple[Chapter, ...]:
    """Zero-config chapters (one per file) named by their indicators: one indicator's name, or the
    first's and how many more; chapters that come out with the same name are one chapter."""
    named: dict[str, Chapter] = {}
    renamed: dict[str, str] = {}
    for chapter in chapters:
        ids = [i for i, slug in chapter_of.items() if slug == chapter.slug]
        if chapter.named_by_indicators and ids:
            first = indicators[ids[0]].short_name or indicators[ids[0]].name
            name = first if len(ids) == 1 else f"{first} and {len(ids) - 1} other indicator{'s' if len(ids) > 2 else ''}"
            chapter = Chapter(name, slugify(name), (), chapter.files, named_by_indicators=True)
            renamed.update({i: chapter.slug for i in ids})
        if ids or not chapter.named_by_indicators:
            named.setdefault(chapter.slug, chapter)
    chapter_of.update(renamed)
    return tuple(named.values())


def _chapters_by_file(table: pd.DataFrame, chapters: tuple[Chapter, ...], assigned: dict[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chapter in chapters:
        files = {str(f) for f in chapter.files}
        ids = table.loc[table["source_file"].isin(files), "indicator_id"].unique()
        found.update({str(i): chapter.slug for i in ids if i not in assigned and i not in found})
    return found


def _reject_outside_chapters(table: pd.DataFrame, chapter_of: dict[str, str]) -> None:
    outside = ~table["indicator_id"].isin(list(chapter_of))
    _reject(table, outside, "indicator is in none of the chapters listed in the configuration")


def _suppress_small_counts(table: pd.DataFrame, below: int, local_files: set[str]) -> None:
    """The one rule (generators/suppression.py) on every local row, tidy or computed from counts; never on Fingertips' own."""
    rule = SuppressionRule.below(below)
    small = table["source_file"].isin(list(local_files)) & find_small_counts(table["count"], rule)
    mask = small & (table["status"] == "used")
    table.loc[mask, VALUES] = np.nan
    table.loc[mask, "status"] = "suppressed"
    table.loc[mask, "reason"] = f"{rule.describe()}: not published, with the values derived from it"
    table.loc[mask, "value_note"] = rule.describe()


def _mark_no_data(table: pd.DataFrame, local_files: set[str]) -> None:
    """A row without a value is kept as no data, with its note, and publishes no limits, count or
    denominator (a withheld value's limits say nothing). A local row with a count and denominator
    but no value is used: the stats stage computes its value."""
    computable = table["source_file"].isin(list(local_files)) & table["count"].notna() & table["denominator"].notna()
    mark_no_data(table, table["value"].isna() & (table["status"] == "used") & ~computable)


def mark_no_data(table: pd.DataFrame, blank: pd.Series) -> None:
    """Rows without a value: status no_data, the note as the reason, no other numbers."""
    table.loc[blank, "status"] = "no_data"
    table.loc[blank, "reason"] = table.loc[blank, "value_note"].where(table.loc[blank, "value_note"] != "", "no value given")
    table.loc[blank, VALUES] = np.nan


def _set_aside(table: pd.DataFrame) -> tuple[Rejected, ...]:
    rows = table[table["status"].isin(["rejected", "suppressed"])]
    columns = (rows[c].tolist() for c in ("source_file", "source_line", "status", "reason"))
    return tuple(Rejected(f, int(line), s, r) for f, line, s, r in zip(*columns))


def local_file_names(paths: list[Path]) -> set[str]:
    return {str(p) for p in paths}
