"""Checks on downloaded files before they may replace anything in ``data/``."""

from __future__ import annotations

import csv
import io
import json

from generators.fetch.fingertips import malformed

# Columns every Fingertips data export has (api/all_data/csv/...).
EXPORT_COLUMNS = ("Indicator ID", "Indicator Name", "Area Code", "Area Name", "Area Type", "Time period", "Value")


def count_export_rows(body: bytes, url: str, asked: str) -> int:
    """Check ``body`` is a Fingertips data export; return its number of data rows."""
    try:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise malformed(url, asked, f"it is not a CSV file ({error})") from error
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return 0
    missing = [c for c in EXPORT_COLUMNS if c not in rows[0]]
    if missing:
        first = ",".join(rows[0])[:80]
        raise malformed(url, asked, f"not a Fingertips export: no column {missing[0]!r} in its first line {first!r}")
    return len(rows) - 1


def check_boundaries(body: bytes, url: str) -> None:
    """Check ``body`` is a GeoJSON FeatureCollection with at least one feature."""
    asked = "area boundaries"
    try:
        geojson = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise malformed(url, asked, "it is not GeoJSON; add f=geojson to refresh.boundaries_url") from error
    if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
        raise malformed(url, asked, "expected a GeoJSON FeatureCollection")
    if not geojson.get("features"):
        raise malformed(url, asked, "it has no features; check the where= part of refresh.boundaries_url")


def without_areas(body: bytes, areas: set[str]) -> tuple[bytes, set[str]]:
    """``body`` without the rows of ``areas`` (already downloaded at an earlier area type: England and
    the parents come again in every download), and the area codes it holds. The other lines are kept byte
    for byte; a file whose records span lines is kept whole."""
    text = body.decode("utf-8-sig")
    bom = body.startswith(b"\xef\xbb\xbf")
    lines = text.splitlines(keepends=True)
    records = list(csv.reader(io.StringIO(text)))
    if not records or len(records) != len(lines) or "Area Code" not in records[0]:
        return body, set()
    column = records[0].index("Area Code")
    codes = {r[column] for r in records[1:] if len(r) > column}
    kept = [lines[0]] + [line for line, r in zip(lines[1:], records[1:]) if not (len(r) > column and r[column] in areas)]
    out = "".join(kept).encode("utf-8")
    return (b"\xef\xbb\xbf" + out if bom else out), codes
