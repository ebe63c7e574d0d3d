"""Indicator metadata from Fingertips, in the project's words, written as ``indicators.yml``.

Sources, as the server (fingertips-open, PholioVisualisationWS) serialises them:

* ``indicator_metadata/by_indicator_id?indicator_ids=…&include_definition=yes`` (IndicatorMetadata.cs):
  an object keyed by id, ``{}`` for ids it does not know; per id ``IID``, ``Unit {Id, Value, Label}``,
  ``ValueType {Id, Name}``, ``ConfidenceIntervalMethod {Id, Name, Description}``, ``Descriptive``
  (raw database text: HTML tags, ``&nbsp;``, ``&ndash;``, ``\\r\\n``) and ``DataChange {LastUploadedAt}``
  or ``null``. It has sent no ``ConfidenceLevel`` since 2018. Asked for 100 ids at a time.
* the comparison of each indicator belongs to its grouping in a profile:
  ``profile_group_roots?group_id=&area_type_id=`` (GroupRoot.cs, RootBase.cs, Grouping.cs) gives per
  root ``IID`` and ``Grouping [{ComparatorId, ComparatorMethodId, SigLevel, …}]``.
* polarity: the ``Polarity`` column of the profile's own ``indicator_metadata/csv/by_profile_id``
  (already fetched to list the profile), or of ``indicator_metadata/csv/by_indicator_id`` for
  indicators named directly (100 ids a request).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from generators.fetch import fingertips as api
from generators.fetch.errors import RefreshError
from generators.fetch.fetcher import Fetcher
from generators.fetch.resolve import Chosen, Profile
from generators.load.cells import _clean_text
from generators.words import POLARITY_NAMES, read_polarity

CHAPTERS_TABLE = Path(__file__).with_name("chapters.yml")  # Fingertips domain name -> life-course chapter
BATCH = 100  # ids a request, as fingertipsR asks the same endpoint
ENGLAND_AREA_TYPE = 15
ENGLAND_COMPARATOR = 4  # Grouping.ComparatorId: 4 England, 1 the subnational parent (ComparatorIds in Constants.cs)
SUBNATIONAL_COMPARATOR = 1

# Grouping.ComparatorMethodId (ComparatorMethodIds in Constants.cs) in the words of indicators.yml
NOT_COMPARED = -1
BY_QUANTILE = {15: "quintiles", 16: "quartiles"}
BY_CONTROL_LIMITS = {5, 6}  # SPC for proportions, SPC for directly standardised rates


@dataclass(frozen=True)
class IndicatorMetadata:
    """What the site says about one indicator, with its release date."""

    id: str
    name: str
    definition: str
    unit: str
    value_type: str
    polarity: str  # high_is_good, low_is_good or no_judgement
    comparison: str | None  # "confidence interval 99.8", "quintiles", "not compared" …; None: unknown
    comparison_method: str  # Fingertips' confidence interval method
    confidence_level: float | None  # the grouping's SigLevel, e.g. 99.8; None when unknown
    source: str
    release_date: str | None  # ISO date Fingertips last uploaded data, when known
    theme: str = ""  # the name of the profile's domain the indicator sits in ("Health improvement")
    chapter: str = ""  # the life-course chapter chapters.yml maps the theme to


@dataclass(frozen=True)
class Comparison:
    """How a profile's grouping compares an indicator with its benchmark."""

    method_id: int
    level: float  # SigLevel: 95, 99.8, or 0 when the method has none

    @property
    def words(self) -> str | None:
        if self.method_id == NOT_COMPARED:
            return "not compared"
        if self.method_id in BY_QUANTILE:
            return BY_QUANTILE[self.method_id]
        if self.level <= 0:
            return None
        kind = "control limits" if self.method_id in BY_CONTROL_LIMITS else "confidence interval"
        return f"{kind} {self.level:g}"

    @property
    def confidence_level(self) -> float | None:
        if self.method_id == NOT_COMPARED or self.method_id in BY_QUANTILE or self.level <= 0:
            return None
        return self.level


def plain_text(value: Any) -> str:
    """Database text as plain text: tags dropped, entities decoded, line breaks and runs of space as one space."""
    text = "" if value is None else str(value)
    return str(_clean_text(pd.Series([text], dtype=object)).iloc[0]) if text else ""


def batches(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]


def load_metadata(
    fetcher: Fetcher, base: str, chosen: Chosen, area_type: int, parent_area_type: int
) -> tuple[str, dict[int, IndicatorMetadata]]:
    """Fetch metadata for every wanted indicator; the (first) URL used and the records by id."""
    ids = [w.indicator_id for w in chosen.wanted]
    answer: dict[str, Any] = {}
    urls = []
    for batch in batches(ids):
        url = api.metadata_url(base, batch)
        part = api.get_json(fetcher, url, "indicator metadata")
        if not isinstance(part, dict):
            raise api.malformed(url, "indicator metadata", "expected a JSON object keyed by indicator id")
        _check_all_exist(batch, part, url)
        _check_descriptive(batch, part, url)
        answer.update(part)
        urls.append(url)
    polarities = _load_polarities(fetcher, base, chosen)
    comparisons, themes = _load_comparisons(fetcher, base, chosen, area_type, parent_area_type)
    chapters = read_chapters_table()
    records = {}
    for i in ids:
        record = _build(i, answer[str(i)], polarities.get(i, ""), comparisons.get(i))
        theme = themes.get(i, "")
        records[i] = replace(record, theme=theme, chapter=chapters.get(theme.casefold(), ""))
    return urls[0], records


def read_chapters_table(path: Path = CHAPTERS_TABLE) -> dict[str, str]:
    """chapters.yml: the chapter of each Fingertips domain, keyed by the domain's name in lower case."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    domains = loaded.get("domains") if isinstance(loaded, dict) else None
    if not isinstance(domains, dict):
        raise RefreshError(f"{path}: expected `domains:`, a mapping of Fingertips domain names to chapters")
    return {str(name).strip().casefold(): str(chapter).strip() for name, chapter in domains.items() if chapter}


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


def _load_polarities(fetcher: Fetcher, base: str, chosen: Chosen) -> dict[int, str]:
    """Polarity per id: from each profile's own CSV (no new request), else asked for 100 ids at a time."""
    polarities: dict[int, str] = {}
    for w in chosen.wanted:
        if w.profile_id in chosen.profiles:
            polarities.update(_polarity_column(chosen.profiles[w.profile_id].rows, {w.indicator_id}))
    loose = [w.indicator_id for w in chosen.wanted if w.profile_id not in chosen.profiles]
    for batch in batches(loose):
        url = api.metadata_csv_url(base, batch, None)
        polarities.update(_polarity_column(api.get_csv_rows(fetcher, url, "indicator polarity"), set(batch)))
    return polarities


def _polarity_column(rows: Iterable[dict[str, str]], ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for row in rows:
        text = (row.get("Indicator ID") or "").strip()
        if text.isdigit() and int(text) in ids:
            found.setdefault(int(text), (row.get("Polarity") or "").strip())  # padded: "RAG - High is good   "
    return found


def _load_comparisons(
    fetcher: Fetcher, base: str, chosen: Chosen, area_type: int, parent_area_type: int
) -> tuple[dict[int, Comparison], dict[int, str]]:
    """Each profile indicator's comparison, from its first grouping in the profile's domains, and its
    theme: the name of that first domain."""
    comparator = ENGLAND_COMPARATOR if parent_area_type == ENGLAND_AREA_TYPE else SUBNATIONAL_COMPARATOR
    found: dict[int, Comparison] = {}
    themes: dict[int, str] = {}
    for profile in chosen.profiles.values():
        wanted = {w.indicator_id for w in chosen.wanted if w.profile_id == profile.id}
        names = _domain_names(fetcher, base, profile) if wanted else {}
        for group_id, root in _group_roots(fetcher, base, profile, area_type):
            iid = root.get("IID")
            if not isinstance(iid, int) or iid not in wanted:
                continue
            if iid not in themes and names.get(group_id):
                themes[iid] = names[group_id]
            if iid not in found:
                comparison = _comparison(root, comparator)
                if comparison is not None:
                    found[iid] = comparison
    return found, themes


def _domain_names(fetcher: Fetcher, base: str, profile: Profile) -> dict[int, str]:
    """The names of a profile's domains (``group_metadata``: a list of {Id, Name}), by group id."""
    if not profile.group_ids:
        return {}
    url = api.group_metadata_url(base, profile.group_ids)
    asked = f"the names of the domains of profile {profile.id}"
    rows = api.expect_list_of_objects(api.get_json(fetcher, url, asked), url, asked, ("Id", "Name"))
    return {int(row["Id"]): plain_text(row["Name"]) for row in rows if isinstance(row["Id"], int)}


def _group_roots(fetcher: Fetcher, base: str, profile: Profile, area_type: int) -> list[tuple[int, dict[str, Any]]]:
    roots: list[tuple[int, dict[str, Any]]] = []
    for group_id in profile.group_ids:
        url = api.group_roots_url(base, group_id, area_type)
        asked = f"the indicators of domain {group_id} of profile {profile.id}"
        answer = api.get_json(fetcher, url, asked)
        roots.extend((group_id, root) for root in api.expect_list_of_objects(answer, url, asked, ("IID",)))
    return roots


def _comparison(root: dict[str, Any], comparator: int) -> Comparison | None:
    groupings = [g for g in root.get("Grouping") or [] if isinstance(g, dict)]
    chosen = next((g for g in groupings if g.get("ComparatorId") == comparator), groupings[0] if groupings else {})
    method = chosen.get("ComparatorMethodId", root.get("ComparatorMethodId"))
    level = chosen.get("SigLevel")
    if not isinstance(method, int) or isinstance(method, bool):
        return None
    return Comparison(method, float(level) if isinstance(level, (int, float)) and not isinstance(level, bool) else 0.0)


def _build(indicator_id: int, raw: dict[str, Any], polarity: str, comparison: Comparison | None) -> IndicatorMetadata:
    text = raw["Descriptive"]
    return IndicatorMetadata(
        id=str(indicator_id),
        name=plain_text(text.get("Name")),
        definition=plain_text(text.get("Definition")),
        unit=plain_text(_inner(raw, "Unit", "Label")),
        value_type=plain_text(_inner(raw, "ValueType", "Name")),
        polarity=_polarity(indicator_id, polarity),
        comparison=comparison.words if comparison else None,
        comparison_method=plain_text(_inner(raw, "ConfidenceIntervalMethod", "Name")),
        confidence_level=comparison.confidence_level if comparison else None,
        source=plain_text(text.get("DataSource")),
        release_date=_date(_inner(raw, "DataChange", "LastUploadedAt")),  # DataChange is null for some
    )


def _inner(raw: dict[str, Any], outer: str, key: str) -> str:
    value = raw.get(outer)
    return str(value.get(key) or "") if isinstance(value, dict) else ""


def _date(value: str) -> str | None:
    if len(value) < 10 or value[4] != "-" or value[7] != "-" or value.startswith("0001-"):
        return None  # 0001-01-01: .NET's DateTime.MinValue, never uploaded
    return value[:10]


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
    # theme and chapter only where the profile gave them: an indicator named directly has neither
    entries = [
        {k: v for k, v in asdict(r).items() if v or k not in ("theme", "chapter")}
        for r in sorted(records, key=lambda r: int(r.id))
    ]
    text = yaml.safe_dump({"indicators": entries}, sort_keys=False, allow_unicode=True, width=100)
    return str(text).encode("utf-8")
