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
