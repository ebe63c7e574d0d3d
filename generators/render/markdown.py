"""Stage 6, render: page models to Markdown, through Jinja2 templates.

Every value printed from data is escaped for Markdown and HTML by default (a CSV
cannot inject markup); templates mark their own markup safe with `Markup`.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generators.pages import format_value, verdict_words

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


def number(value: float, places: int = 1) -> str:
    """A number for a table cell: blank when missing, thousands separated."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.{places}f}"


def whole(value: float) -> str:
    return "" if value is None or math.isnan(value) else f"{value:,.0f}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, finalize=escape_markdown,
        autoescape=True, comment_start_string="<#--", comment_end_string="--#>", trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(
        number=number, whole=whole, value=format_value, verdict_words=verdict_words,
        md=escape_markdown, json=lambda v: json.dumps(v, sort_keys=True),
    )
    env.globals["Markup"] = Markup
    return env


def render_page(template: str, **context: Any) -> str:
    """One page's Markdown from its template and page model."""
    return environment().get_template(template).render(**context)
