"""The board's pages as jobs (Priorities, Partners, each area's summary) and partners' words merged into their pages.

A contribution's front matter is escaped like every other input (the templates do it); its body is
Markdown without HTML: `<` and `&` are written as text, `{` and `}` too (no attribute lists), and a
link to a `javascript:`, `data:`, `vbscript:` or `file:` address keeps its text only.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from generators.model.board import Board
from generators.model.partners import Attributed
from generators.render.jobs import PageJob
from generators.render.markdown import render_page

UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|data|vbscript|file):(?:[^()\n]|\([^()\n]*\))*\)", re.IGNORECASE)
UNSAFE_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?\s*(?:javascript|data|vbscript|file):.*$", re.IGNORECASE | re.MULTILINE)
AS_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", "{": "&#123;", "}": "&#125;"})


def plain_markdown(body: str) -> Markup:
    """A partner's Markdown with no way to inject markup: no HTML, no attributes, no script links."""
    body = UNSAFE_REFERENCE.sub("", UNSAFE_LINK.sub("]", body))
    return Markup(body.translate(AS_TEXT))


def with_contributions(narrative: dict[str, str], attributed: tuple[Attributed, ...]) -> dict[str, str]:
    """The narrative by page (`west-sussex/living-well.md`) with each page's contributions after the team's own words."""
    by_page: dict[str, list[Attributed]] = {}
    for a in attributed:
        by_page.setdefault(f"{a.contribution.page}.md", []).append(a)
    merged = dict(narrative)
    for key, found in by_page.items():
        own = narrative.get(key, "").rstrip("\n")
        block = render_page("_contributions.md.j2", attributed=found, body=plain_markdown)
        merged[key] = f"{own}\n\n{block}" if own else block
    return merged


def board_jobs(board: Board) -> list[PageJob]:
    """The Priorities and Partners pages, where the configuration and the narrative give them."""
    jobs = [PageJob(board.priorities.path, "priorities", board.priorities)] if board.priorities else []
    return jobs + ([PageJob(board.partners.path, "partners", board.partners)] if board.partners else [])


def summary_jobs(board: Board) -> list[PageJob]:
    """Each area's board summary."""
    return [PageJob(s.path, "summary", s) for s in board.summaries]
