"""The configuration reference (CONFIGURATION.md), generated from the one schema in config.py."""

from __future__ import annotations

from generators.config.settings import SCHEMA

KINDS = {str: "text", list: "list", dict: "mapping", bool: "true/false", int: "whole number"}


def render_reference() -> str:
    """Markdown: one row per setting, with its type, default and description."""
    lines = [
        "# Configuration reference",
        "",
        "Generated from the schema in `generators/config.py` by `python -m generators reference`: do not edit by hand.",
        "Every setting of `jsna.yml`; paths are relative to the file itself.",
        "",
        "| setting | type | default | what it does |",
        "|---|---|---|---|",
    ]
    for setting in SCHEMA:
        kind = KINDS.get(setting.kind, "value") if isinstance(setting.kind, type) else "value"
        default = f"`{setting.default}`" if setting.default not in ("", [], {}) else "(none)"
        lines.append(f"| `{setting.key}` | {kind} | {default} | {setting.description} |")
    return "\n".join(lines) + "\n"
