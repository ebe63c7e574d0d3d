"""The site's search index kept small as the site grows (issue 16).

Material's search downloads the whole index on every page, so its size is paid by every
resident on every first visit. MkDocs writes one entry per page and per heading, with the
section's text: per-area pages (areas x chapters x indicators) made it grow with the data.

What stays searchable:
- every page, by its title (the area, the chapter, the indicator, the theme);
- a per-area page (under ``areas/<area>/``) by its title alone, one entry a page: "Ageing well in
  Arun", "Dementia in Arun" (its figures are on the page and in the downloads; its headings are
  the indicators' and themes' names, found on their own pages), so the index grows by about
  150 bytes a page;
- every other page (home, topics, indicators, methods, about ...) by its headings, and its
  text up to ``TEXT_LIMIT`` characters per section.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = Path("search") / "search_index.json"
TEXT_LIMIT = 280
TAG = re.compile(r"<[^>]+>")


def slim_search_index(site: Path) -> None:
    """Rewrite ``site/search/search_index.json`` in place (nothing to do where there is none)."""
    path = Path(site) / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = slim_entries(index.get("docs", []))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def slim_entries(docs: list[dict]) -> list[dict]:
    """The entries kept, in MkDocs' order."""
    kept: list[dict] = []
    for doc in docs:
        page, _, anchor = doc.get("location", "").partition("#")
        if _per_area(page):
            if not anchor:
                kept.append({**doc, "text": ""})
            continue
        kept.append({**doc, "text": _short(doc.get("text", ""))})
    return kept


def _per_area(page: str) -> bool:
    parts = [p for p in page.split("/") if p]
    return len(parts) >= 2 and parts[0] == "areas"


def _plain(text: str) -> str:
    return " ".join(TAG.sub(" ", text).split())


def _short(text: str) -> str:
    plain = _plain(text)
    if len(plain) <= TEXT_LIMIT:
        return plain
    cut = plain[:TEXT_LIMIT].rsplit(" ", 1)[0]
    return cut + " …"
