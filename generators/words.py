"""Words and number formats: the one home of every phrase and format a page, chart or download uses.

If two modules wrote the same phrase, one of them would drift; so every stage that turns a
value or a verdict into text comes here.
"""

from __future__ import annotations

import datetime
import math
import re

import pandas as pd

POLARITY_WORDS = {"high_is_good": "high is good", "low_is_good": "low is good", "no_judgement": "no judgement"}

POLARITY_NAMES = {
    "high_is_good": "high_is_good", "high is good": "high_is_good", "rag - high is good": "high_is_good",
    "low_is_good": "low_is_good", "low is good": "low_is_good", "rag - low is good": "low_is_good",
    "no_judgement": "no_judgement", "no judgement": "no_judgement", "bob - blue orange blue": "no_judgement",
    "not applicable": "no_judgement",
}
"""What metadata files and Fingertips (api/polarities, the metadata CSV's Polarity) call a polarity -> ours."""


def read_polarity(text: str) -> str | None:
    """Our polarity for a name as written (`RAG - Low is good` -> `low_is_good`), or None."""
    return POLARITY_NAMES.get(" ".join(text.lower().split()))

VERDICT_WORDS = {
    "Better": "significantly better than", "Worse": "significantly worse than", "Similar": "similar to",
    "Higher": "significantly higher than", "Lower": "significantly lower than",
}

QUINTILE_WORDS = {
    "Highest quintile": "in the highest fifth of areas in", "High quintile": "in the second highest fifth of areas in",
    "Middle quintile": "in the middle fifth of areas in", "Low quintile": "in the second lowest fifth of areas in",
    "Lowest quintile": "in the lowest fifth of areas in",
}
"""Fingertips' quintile comparisons in a sentence: `Highest quintile` -> `in the highest fifth of areas in England`."""
"""A verdict in a sentence about one area: `Worse` -> `significantly worse than` (the benchmark's name follows)."""

SHORT_VERDICT_WORDS = {"Better": "better than", "Worse": "worse than", "Similar": "similar to", "Higher": "higher than", "Lower": "lower than"}
"""The same, where the sentence already says the comparison is significant (a chart's title)."""


def verdict_words(verdict: str, benchmark: str) -> str:
    """`Worse` -> `significantly worse than England`."""
    words = VERDICT_WORDS.get(verdict) or QUINTILE_WORDS.get(verdict)
    return f"{words} {benchmark}" if words else f"not compared with {benchmark}"


def polarity_words(indicator: object) -> str:
    """An indicator's polarity as a reader says it: `low is good`."""
    return POLARITY_WORDS.get(getattr(indicator, "polarity", ""), "not stated")


def format_value(value: float | None, unit: str) -> str:
    """A value as people write it: `14.2%`, `1,043.0 per 100,000`, `80.2 years`."""
    return format_chart_value(None if value is None or math.isnan(value) else value, 1, unit)


def format_chart_value(value: float | None, decimals: int, unit: str = "") -> str:
    """A value in a chart's text: fixed decimals, thousands separators, its unit."""
    if value is None:
        return "no value"
    text = f"{value:,.{decimals}f}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def format_cell(value: float | None, places: int = 1) -> str:
    """A number for a table cell: blank when missing, thousands separated."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.{places}f}"


def format_whole(value: float | None) -> str:
    """A whole number for a table cell (a count): blank when missing."""
    return "" if value is None or math.isnan(value) else f"{value:,.0f}"


AREA_TYPES = (  # Fingertips' area type labels, as a reader says them: (pattern, one, many)
    (r"^(england|country)$", "country", "Countries"),
    (r"county & ua|counties & uas|upper tier|cty.?ua", "county or unitary authority", "Counties and unitary authorities"),
    (r"districts? & uas?|lower tier", "district or unitary authority", "Districts and unitary authorities"),
    (r"^county$", "county", "Counties"),
    (r"^uas?$|unitary", "unitary authority", "Unitary authorities"),
    (r"district", "district", "Districts"),
    (r"combined author", "combined authority", "Combined authorities"),
    (r"icb sub|sub-icb|ccg", "sub-ICB location", "Sub-ICB locations"),
    (r"^icbs?\b|integrated care board", "integrated care board", "Integrated care boards"),
    (r"primary care network|^pcns?\b", "primary care network", "Primary care networks"),
    (r"general practice|^gps?\b", "GP practice", "GP practices"),
    (r"middle (super|layer) output|msoa", "MSOA (neighbourhood)", "MSOAs (neighbourhoods)"),
    (r"lower (super|layer) output|lsoa", "LSOA (small neighbourhood)", "LSOAs (small neighbourhoods)"),
    (r"phe centre|ukhsa", "public health region", "Public health regions"),
    (r"region", "region", "Regions"),
    (r"ward", "ward", "Wards"),
)


def area_type_words(label: str, many: bool = False) -> str:
    """A Fingertips area type as a reader says it: `Upper tier local authorities (post 4/23)` ->
    `county or unitary authority` (`many`: the heading for several, `Counties and unitary authorities`)."""
    for pattern, one, plural in AREA_TYPES:
        if re.search(pattern, label.strip().lower()):
            return plural if many else one
    return label.strip() or ("Areas" if many else "area")


LOCAL_AUTHORITIES = ("county or unitary authority", "district or unitary authority", "county", "unitary authority", "district")
"""The area types of councils, as `area_type_words` says them."""


def is_local_authority(label: str) -> bool:
    """`Counties & UAs (from Apr 2023)`, `District`, `UA`: True; `ICB sub-locations`, `Regions (statistical)`, `MSOA`: False."""
    return area_type_words(label) in LOCAL_AUTHORITIES


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def long_date(date: datetime.date | str) -> str:
    """`2026-10-12` -> `12 October 2026`; text that is not a date stays as it is."""
    try:
        day = date if isinstance(date, datetime.date) else datetime.date.fromisoformat(date)
    except ValueError:
        return str(date)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `3rd`, `11th`, `22nd`."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number:,}{suffix}"


def lower_first(text: str) -> str:
    """`Districts and unitary authorities` -> `districts and unitary authorities`; `MSOAs` stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def area_type_rank(label: str) -> int:
    """Where an area type comes among others, in the order of AREA_TYPES (local authorities first)."""
    return next((i for i, (pattern, _, _) in enumerate(AREA_TYPES) if re.search(pattern, label.strip().lower())), len(AREA_TYPES))


def plural(count: int, one: str, many: str = "") -> str:
    """`1 chapter`, `2 chapters`."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def formula_safe(text: str) -> str:
    """Text for a CSV cell that a spreadsheet opens as data, never as a formula: text that would
    start one gets a leading apostrophe; a plain number (`-3`) is left as it is."""
    if text[:1] in FORMULA_START and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def formula_safe_column(texts: pd.Series) -> pd.Series:
    """`formula_safe` for a whole column of text at once (the data downloads)."""
    risky = texts.str[:1].isin(FORMULA_START) & ~texts.str.fullmatch(_PLAIN_NUMBER.pattern)
    return texts.where(~risky, "'" + texts)
