"""Indicator metadata from Fingertips, in the project's words, written as ``indicators.yml``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import yaml

from generators.fetch import fingertips as api
from generators.fetch.errors import RefreshError
from generators.fetch.fetcher import Fetcher
from generators.fetch.resolve import Wanted
from generators.words import POLARITY_NAMES, read_polarity


@dataclass(frozen=True)
class IndicatorMetadata:
    """What the site says about one indicator, with its release date."""

    id: str
    name: str
    definition: str
    unit: str
    value_type: str
    polarity: str  # high_is_good, low_is_good or no_judgement
    comparison_method: str  # Fingertips' confidence interval method
    confidence_level: float | None  # e.g. 95.0
    source: str
    release_date: str | None  # ISO date Fingertips last uploaded data, when known


def load_metadata(fetcher: Fetcher, base: str, wanted: list[Wanted]) -> tuple[str, dict[int, IndicatorMetadata]]:
    """Fetch metadata for every wanted indicator; the URL used and the records by id."""
    ids = [w.indicator_id for w in wanted]
    url = api.metadata_url(base, ids)
    answer = api.get_json(fetcher, url, "indicator metadata")
    if not isinstance(answer, dict):
        raise api.malformed(url, "indicator metadata", "expected a JSON object keyed by indicator id")
    _check_all_exist(ids, answer, url)
    _check_descriptive(ids, answer, url)
    polarities = _load_polarities(fetcher, base, wanted)
    records = {i: _build(i, answer[str(i)], polarities.get(i, "")) for i in ids}
    return url, records


def _check_all_exist(ids: list[int], answer: dict[str, Any], url: str) -> None:
    unknown = [i for i in ids if str(i) not in answer]
    if unknown:
        listed = ", ".join(str(i) for i in unknown)
        raise RefreshError(
            f"indicator {listed} does not exist in Fingertips (no metadata at {url}); "
            "check the id at https://fingertips.phe.org.uk/search or remove it from refresh.indicators"
        )


def _check_descriptive(ids: list[int], answer: dict[str, Any], url: str) -> None:
    for i in ids:
        raw = answer[str(i)]
        if not isinstance(raw, dict) or not isinstance(raw.get("Descriptive"), dict):
            raise api.malformed(url, "indicator metadata", f'indicator {i} has no "Descriptive" object')


def _load_polarities(fetcher: Fetcher, base: str, wanted: list[Wanted]) -> dict[int, str]:
    polarities: dict[int, str] = {}
    for profile_id in sorted({w.profile_id or 0 for w in wanted}):
        ids = [w.indicator_id for w in wanted if (w.profile_id or 0) == profile_id]
        url = api.metadata_csv_url(base, ids, profile_id or None)
        for row in api.get_csv_rows(fetcher, url, "indicator polarity"):
            if row.get("Indicator ID", "").strip().isdigit():
                polarities[int(row["Indicator ID"])] = (row.get("Polarity") or "").strip()
    return polarities


def _build(indicator_id: int, raw: dict[str, Any], polarity: str) -> IndicatorMetadata:
    text = raw["Descriptive"]
    return IndicatorMetadata(
        id=str(indicator_id),
        name=str(text.get("Name") or ""),
        definition=str(text.get("Definition") or ""),
        unit=_inner(raw, "Unit", "Label"),
        value_type=_inner(raw, "ValueType", "Name"),
        polarity=_polarity(indicator_id, polarity),
        comparison_method=_inner(raw, "ConfidenceIntervalMethod", "Name"),
        confidence_level=_number(raw.get("ConfidenceLevel")),
        source=str(text.get("DataSource") or ""),
        release_date=_date(_inner(raw, "DataChange", "LastUploadedAt")),
    )


def _inner(raw: dict[str, Any], outer: str, key: str) -> str:
    value = raw.get(outer)
    return str(value.get(key) or "") if isinstance(value, dict) else ""


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _date(value: str) -> str | None:
    return value[:10] if len(value) >= 10 and value[4] == "-" and value[7] == "-" else None


def _polarity(indicator_id: int, name: str) -> str:
    if not name:
        return "no_judgement"  # in no profile grouping: Fingertips makes no judgement either
    polarity = read_polarity(name)
    if polarity is None:
        raise RefreshError(
            f"indicator {indicator_id} has polarity {name!r}, which this refresh does not know; "
            f"known polarities: {', '.join(sorted(POLARITY_NAMES))}"
        )
    return polarity


def render_indicators_yaml(records: list[IndicatorMetadata]) -> bytes:
    """``indicators.yml``: one entry per indicator, sorted by id, byte-stable."""
    entries = [asdict(r) for r in sorted(records, key=lambda r: int(r.id))]
    text = yaml.safe_dump({"indicators": entries}, sort_keys=False, allow_unicode=True, width=100)
    return str(text).encode("utf-8")
