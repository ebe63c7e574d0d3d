"""The build report: every input row accounted for, as a page and as JSON."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from generators.load.exports import Loaded
from generators.tidy.rows import Tidy
from generators.words import POLARITY_WORDS


def build_report(loaded: Loaded, tidy: Tidy, checks: dict[str, Any] | None = None, root: Path | None = None) -> dict[str, Any]:
    """Counts that add up to the rows read, the rows set aside with reasons, and polarity.
    Files are named relative to `root` (the configuration's folder, or the `--data` folder), never by an absolute path."""
    status = Counter(tidy.table["status"])
    set_aside = _set_aside_groups(tidy)
    rows = {
        "read": tidy.rows_read, "used": status["used"], "no_data": status["no_data"],
        "suppressed": status["suppressed"], "rejected": sum(1 for r in tidy.set_aside if r.status == "rejected"),
    }
    checks = checks or {}
    report = {
        "rows": rows,
        "files": [{"file": f, "rows": n} for f, n in loaded.rows_by_file],
        "breakdowns": _breakdowns(tidy.table, (checks or {}).get("breakdowns_shown", {})),
        "no_data": _no_data(tidy.table),
        "set_aside": set_aside,
        "polarity": _polarity(tidy),
        "indicators_without_polarity": sorted(i for i, m in tidy.indicators.items() if m.polarity_source != "metadata"),
        "verdicts": checks.get("verdicts", {"checked": 0, "agreed": 0}),
        "trends": checks.get("trends", {"checked": 0, "agreed": 0}),
        "disagreements": checks.get("disagreements", []),
        "missing_boundaries": checks.get("missing_boundaries", []),
        "stale": checks.get("stale", []),
        "trend_sources": checks.get("trend_sources", []),
        "computed": checks.get("computed", []),
    }
    return _relative_files(report, root, [f for f, _ in loaded.rows_by_file]) if root is not None else report


def _relative_files(report: dict[str, Any], root: Path, inputs: list[str]) -> dict[str, Any]:
    """Every `file` of the report's lists as a path relative to `root`, and every input file a
    reason names (`repeats <file>, line 2`) too."""
    relative = {f: Path(os.path.relpath(f, root)).as_posix() for f in inputs}
    named = re.compile("|".join(map(re.escape, sorted(relative, key=len, reverse=True)))) if relative else None
    for value in report.values():
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict) and isinstance(item.get("file"), str):
                item["file"] = Path(os.path.relpath(item["file"], root)).as_posix()
            if named and isinstance(item, dict) and isinstance(item.get("reason"), str):
                item["reason"] = named.sub(lambda found: relative[found.group()], item["reason"])
    return report


def _breakdowns(table: pd.DataFrame, shown: dict[str, int]) -> list[dict[str, Any]]:
    """Rows broken down by category (deprivation decile, ethnic group...), counted by category type:
    read, used (in the downloads), and shown on the pages (`shown`: the newest period's, by type)."""
    rows = table[table["category_type"] != ""]
    counts = rows.groupby("category_type")["status"].value_counts().unstack(fill_value=0)
    return [{"category_type": str(k), "rows": int(r.sum()), "used": int(r.get("used", 0)), "on_pages": int(shown.get(str(k), 0))} for k, r in counts.iterrows()]


def _set_aside_groups(tidy: Tidy) -> list[dict[str, Any]]:
    """Suppressed and rejected rows grouped by file, status and reason, with every line number."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for row in tidy.set_aside:
        groups.setdefault((row.file, row.status, row.reason), []).append(row.line)
    return [{"file": f, "status": s, "reason": r, "rows": len(lines), "lines": sorted(lines)} for (f, s, r), lines in sorted(groups.items())]


def _no_data(table: pd.DataFrame) -> list[dict[str, Any]]:
    rows = table[table["status"] == "no_data"]
    counts = rows.groupby(["source_file", "reason"]).size()
    return [{"file": f, "note": note, "rows": int(n)} for (f, note), n in counts.items()]


def _polarity(tidy: Tidy) -> list[dict[str, str]]:
    items = []
    for indicator in tidy.indicators.values():
        if indicator.polarity_source == "metadata":
            words = f"{POLARITY_WORDS[indicator.polarity]} (from the metadata)"
        elif indicator.polarity:
            words = f"{POLARITY_WORDS[indicator.polarity]} (inferred from the export's own comparisons)"
        else:
            words = "no polarity given or inferable: compared as higher or lower, with no judgement of better or worse"
        items.append({"id": indicator.id, "name": indicator.name, "words": words, "polarity": indicator.polarity, "source": indicator.polarity_source})
    return items


def report_json(report: dict[str, Any]) -> str:
    """Stable JSON: sorted keys, so two builds of the same inputs are identical."""
    return json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def check_totals(report: dict[str, Any]) -> None:
    """The counts must add up to the rows read; a bug here must never pass silently."""
    rows = report["rows"]
    total = rows["used"] + rows["no_data"] + rows["suppressed"] + rows["rejected"]
    if total != rows["read"]:
        raise AssertionError(f"build report does not add up: {total} accounted for, {rows['read']} read")
