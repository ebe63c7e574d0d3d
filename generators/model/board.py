"""What the health and wellbeing board reads: its priorities, its partners' words, and a summary per council area.

`build_board` gives the Priorities page, the contributions placed on their pages with the Partners
page, and each council area's board summary (`/areas/<area>/summary/`): the key messages, the priorities
table and the addresses of the area's pages, printable on two A4 pages for committee papers.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.errors import DataError
from generators.load.metadata import Indicator
from generators.load.partners import Contribution
from generators.model.pages import AreaPage, Site
from generators.model.partners import Attributed, PartnersPage, attribute, build_partners
from generators.model.priorities import PrioritiesPage, PriorityInArea, build_priorities
from generators.model.series import Area

SUMMARY = "summary"
"""The address of an area's board summary (no chapter may take it)."""


@dataclass(frozen=True)
class BoardSummary:
    """One area's summary for the board: its key messages, its priorities and where to read more."""

    area: Area
    messages: tuple[str, ...]
    priorities: tuple[PriorityInArea, ...]
    links: tuple[tuple[str, str], ...]
    """(title, address from the site root) of the area's pages, the Priorities page, this summary."""

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/{SUMMARY}/"


@dataclass(frozen=True)
class Board:
    priorities: PrioritiesPage | None
    attributed: tuple[Attributed, ...]
    partners: PartnersPage | None
    summaries: tuple[BoardSummary, ...]


def build_board(site: Site, indicators: dict[str, Indicator], contributions: tuple[Contribution, ...]) -> Board:
    """The board's pages. `indicators`: every indicator the data has (priorities must name them)."""
    taken = next((c for p in site.areas for c in p.chapters if c.chapter.slug == SUMMARY), None)
    if taken is not None:
        raise DataError("config-chapter", f"expected a chapter name other than \"{taken.chapter.name}\": each area's board summary has the address {SUMMARY}/", site.config.place("chapters"))
    priorities = build_priorities(site, indicators)
    attributed = attribute(site, () if site.config.zero_config else contributions)
    summaries = tuple(summary_of(page, priorities) for page in site.areas if page.council)
    return Board(priorities, attributed, build_partners(attributed), summaries)


def summary_of(page: AreaPage, priorities: PrioritiesPage | None) -> BoardSummary:
    own = tuple(a for _, _, areas in priorities.priorities for a in areas if a.area.code == page.area.code) if priorities else ()
    links = [(page.area.name, page.path)]
    links += [(f"{c.chapter.name} in {page.area.name}", c.path) for c in page.chapters]
    if page.inequalities is not None:
        links.append((f"Inequalities in {page.area.name}", page.inequalities.path))
    if priorities is not None:
        links.append(("The board’s priorities, every area", priorities.path))
    links.append((f"This summary for {page.area.name}", f"{page.path}{SUMMARY}/"))
    return BoardSummary(page.area, page.messages, own, tuple(links))
