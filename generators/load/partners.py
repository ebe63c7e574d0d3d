"""Partners' own words: narrative files with front matter naming the organisation, its role and a date.

    ---
    organisation: Healthwatch West Sussex
    role: local Healthwatch
    date: 2026-10-12
    title: What people told us about care at home      # optional
    ---
    What people told us...

A file with front matter is a contribution, shown on its page attributed ("From Healthwatch West
Sussex (local Healthwatch), 12 October 2026"); a file without is the JSNA team's own narrative, as
before. Several contributions can go on one page: `<page>.<anything>.md` beside `<page>.md`
(`west-sussex/care-and-support.healthwatch.md`), and such a file must have front matter.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generators.errors import DataError, Place, raise_all

FIELDS = ("organisation", "role", "date", "title")
REQUIRED = ("organisation", "date")
FENCE = "---"


@dataclass(frozen=True)
class Contribution:
    """One partner's contribution to one page."""

    file: str
    """Its path in the narrative folder: `west-sussex/care-and-support.healthwatch.md`."""
    source: str
    """Its path as the build read it, for error messages."""
    page: str
    """The page it goes on, as the narrative folder names pages: `west-sussex/care-and-support`, `west-sussex/index`."""
    organisation: str
    role: str
    date: datetime.date
    title: str
    body: str


def split_narrative(files: dict[str, str], folder: Path) -> tuple[dict[str, str], tuple[Contribution, ...]]:
    """The team's own narrative (files without front matter) and the partners' contributions;
    every front matter error of every file, each with its file and line."""
    narrative, contributions, errors = {}, [], []
    for name, text in files.items():
        source = str(folder / name)
        try:
            found = read_contribution(name, source, text)
        except DataError as error:
            errors.append(error)
            continue
        if found is None:
            narrative[name] = text
        else:
            contributions.append(found)
    raise_all(errors)
    return narrative, tuple(contributions)


def page_of(name: str) -> tuple[str, bool]:
    """The page a narrative file goes on, and whether its name marks it as one of several:
    `west-sussex/living-well.healthwatch.md` -> (`west-sussex/living-well`, True)."""
    folder, _, base = name.rpartition("/")
    stem = base[: -len(".md")] if base.endswith(".md") else base
    page, dot, _ = stem.partition(".")
    return (f"{folder}/{page}" if folder else page), bool(dot)


def read_contribution(name: str, source: str, text: str) -> Contribution | None:
    """A file's contribution, or None for a file without front matter (the team's own narrative)."""
    page, several = page_of(name)
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        if several:
            raise DataError("narrative-front-matter", f"expected front matter naming the organisation (a file named <page>.<who>.md is a partner's contribution), found \"{lines[0][:40] if lines else ''}\"", Place(source, 1))
        return None
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in (FENCE, "...")), None)
    if end is None:
        raise DataError("narrative-front-matter", "expected the front matter to end with a line \"---\", found the end of the file", Place(source, 1))
    fields, at = _front_matter("\n".join(lines[1:end]), source)
    values = _checked(fields, at, source)
    body = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    return Contribution(name, source, page, values["organisation"], values.get("role", ""), values["date"], values.get("title", ""), body)


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter's fields and the line of each (the file's line: the opening `---` is line 1)."""
    try:
        node = yaml.compose(text)
        fields = yaml.load(text, Loader=yaml.BaseLoader)  # every value as written: a date stays text, `role: no` stays "no"
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise DataError("narrative-front-matter", f"expected front matter as `field: value` lines, found {getattr(error, 'problem', None) or 'text YAML cannot read'}", Place(source, line)) from None
    if not isinstance(fields, dict) or not isinstance(node, yaml.MappingNode):
        raise DataError("narrative-front-matter", f"expected front matter as `field: value` lines ({', '.join(FIELDS)}), found {shown(fields)}", Place(source, 2))
    return fields, {str(k.value): k.start_mark.line + 2 for k, _ in node.value}


def _checked(fields: dict[str, Any], at: dict[str, int], source: str) -> dict[str, Any]:
    for key in fields:
        if key not in FIELDS:
            raise DataError("narrative-field", f"expected only the fields {', '.join(FIELDS)}, found \"{key}\"", Place(source, at.get(str(key)), str(key)))
    for key in REQUIRED:
        if fields.get(key) in (None, ""):
            raise DataError("narrative-field", f"expected a `{key}:` line in the front matter, found none", Place(source, 1, key))
    values: dict[str, Any] = {}
    for key in ("organisation", "role", "title"):
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            raise DataError("narrative-field", f"expected text, found {shown(value)}", Place(source, at.get(key), key))
        if value is not None:
            values[key] = " ".join(str(value).split())
    values["date"] = _date(fields["date"], Place(source, at.get("date"), "date"))
    return values


def _date(value: Any, where: Place) -> datetime.date:
    """A date written YYYY-MM-DD."""
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DataError("narrative-date", f"expected a date written YYYY-MM-DD, e.g. 2026-10-12, found {shown(value)}", where) from None


def shown(value: Any) -> str:
    text = str(value)
    return f"\"{text[:40]}{'...' if len(text) > 40 else ''}\""
