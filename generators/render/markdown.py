"""Stage 6, render: page models to Markdown, through Jinja2 templates.

Every value printed from data is escaped for Markdown and HTML by default (a CSV
cannot inject markup); templates mark their own markup safe with `Markup`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generators.config import ENGLAND
from generators.words import area_type_words, format_cell, format_value, format_whole, lower_first, plural, polarity_words, verdict_words

TEMPLATES = Path(__file__).parent / "templates"
MARKDOWN_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'`*_[]{}#|\\"})


def escape_markdown(value: Any) -> Markup:
    """Text from data, safe inside Markdown and HTML: `<b>` -> `&#60;b&#62;`."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    if isinstance(value, float):
        return Markup("" if math.isnan(value) else f"{value:g}")
    return Markup(str(value).translate(MARKDOWN_SPECIAL))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, finalize=escape_markdown,
        autoescape=True, comment_start_string="<#--", comment_end_string="--#>", trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(
        number=format_cell, whole=format_whole, area_type=area_type_words, plural=plural, value=format_value, verdict_words=verdict_words,
        md=escape_markdown, lower_first=lower_first, json=lambda v: json.dumps(v, sort_keys=True),
    )
    env.globals.update(Markup=Markup, polarity_words=polarity_words, tally=tally, ENGLAND=ENGLAND)
    return env


def tally(sections: tuple[Any, ...]) -> dict[str, int]:
    """How many of some sections' latest values are better, similar, worse, higher or lower, or not compared."""
    counts = Counter((s.latest.verdict if s.latest else "") for s in sections)
    judged = counts["Better"] + counts["Similar"] + counts["Worse"] + counts["Higher"] + counts["Lower"]
    return {"Better": counts["Better"], "Similar": counts["Similar"], "Worse": counts["Worse"],
            "HigherLower": counts["Higher"] + counts["Lower"], "other": len(sections) - judged}


def render_page(template: str, **context: Any) -> str:
    """One page's Markdown from its template and page model."""
    return environment().get_template(template).render(**context)
