"""Indicator metadata: read from YAML, or inferred from the exports where none is given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generators.errors import DataError, Place
from generators.words import read_polarity

FIELDS = (
    "id", "name", "short_name", "definition", "unit", "value_type", "polarity", "source", "chapter", "theme", "release_date",
    "slug", "comparison", "comparison_method", "confidence_level",
)


@dataclass(frozen=True)
class Indicator:
    """What we know about one indicator. `polarity` is "" when nobody said and nothing showed it."""

    id: str
    name: str
    short_name: str = ""
    definition: str = ""
    unit: str = ""
    value_type: str = ""
    polarity: str = ""
    polarity_source: str = ""
    source: str = ""
    chapter: str = ""
    theme: str = ""
    release_date: str = ""
    slug: str = ""
    comparison: str = "confidence interval"
    comparison_method: str = ""
    downloaded: str = ""

    @property
    def judged(self) -> bool:
        return self.polarity in ("high_is_good", "low_is_good")


def load_indicators(path: Path | None) -> dict[str, Indicator]:
    """Read indicator metadata from a YAML list (or a mapping keyed by id)."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or []
    except FileNotFoundError:
        raise DataError("metadata-missing", "expected an indicator metadata file, found none", Place(str(path))) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataError("metadata-yaml", "expected valid YAML", Place(str(path), mark.line + 1 if mark else None)) from None
    items = data.get("indicators", data) if isinstance(data, dict) else data
    if isinstance(items, dict):
        items = [{"id": key, **(value or {})} for key, value in items.items()]
    if not isinstance(items, list):
        raise DataError("metadata-shape", "expected a list of indicators", Place(str(path), 1))
    return dict(_indicator(item, path, index) for index, item in enumerate(items))


def _indicator(item: Any, path: Path, index: int) -> tuple[str, Indicator]:
    where = Place(str(path), None, f"indicator {index + 1}")
    if not isinstance(item, dict) or "id" not in item:
        raise DataError("metadata-id", "expected each indicator to have an `id`", where)
    unknown = sorted(set(item) - set(FIELDS))
    if unknown:
        raise DataError("metadata-field", f"expected only the documented fields, found \"{unknown[0]}\"", where)
    values = {k: str(v).strip() for k, v in item.items() if v is not None}
    level = values.pop("confidence_level", "")
    if level and "comparison" not in values:
        values["comparison"] = "confidence interval 99.8" if level.startswith("99.8") else "confidence interval 95"
    values["polarity"] = _polarity(values.get("polarity", ""), where)
    values["polarity_source"] = "metadata" if values["polarity"] else ""
    values.setdefault("name", "")
    return values["id"], Indicator(**values)


def _polarity(text: str, where: Place) -> str:
    if not text:
        return ""
    polarity = read_polarity(text)
    if polarity is None:
        raise DataError("metadata-polarity", f"expected polarity high_is_good, low_is_good or no_judgement, found \"{text}\"", where)
    return polarity


def infer_unit(name: str) -> str:
    """The unit a Fingertips indicator name implies, e.g. `rate/100,000` -> `per 100,000`."""
    match = re.search(r"(?:per|/)\s?(100,000|10,000|1,000|100|1000|100000)", name, re.IGNORECASE)
    if match:
        return f"per {int(match.group(1).replace(',', '')):,}"
    if re.search(r"\bratio\b", name, re.IGNORECASE):  # a standardised mortality ratio is 100 x observed / expected: not a percentage
        return "ratio"
    if re.search(r"\b(percentage|proportion|prevalence|%)", name, re.IGNORECASE):
        return "%"
    if re.search(r"life expectancy", name, re.IGNORECASE):
        return "years"
    return ""


def add_downloads(indicators: dict[str, Indicator], manifest: dict[str, Any]) -> dict[str, Indicator]:
    """Release and download dates from a `make data` manifest, where the metadata has none."""
    dates: dict[str, tuple[str, str]] = {}
    for entry in manifest.get("files", {}).values():
        if isinstance(entry, dict) and entry.get("indicator_id"):
            dates[str(entry["indicator_id"])] = (str(entry.get("release_date") or "")[:10], str(entry.get("downloaded_at") or "")[:10])
    return {
        i: Indicator(**{**m.__dict__, "release_date": m.release_date or dates[i][0], "downloaded": dates[i][1]}) if i in dates else m
        for i, m in indicators.items()
    }


def complete_indicator(known: Indicator | None, indicator_id: str, name: str, multiplier: int | None = None) -> Indicator:
    """Metadata for an indicator, filling gaps from the export: its name, and its unit from the name
    or from the multiplier its values show (`multiplier`: value = count / denominator x multiplier)."""
    base = known or Indicator(id=indicator_id, name=name)
    unit = base.unit or infer_unit(name) or ({100: "%"}.get(multiplier, f"per {multiplier:,}") if multiplier else "")
    return Indicator(**{**base.__dict__, "name": base.name or name, "unit": unit})
