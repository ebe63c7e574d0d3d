"""NHS areas in the page models: what an overview says of the NHS bodies serving an area, and GP
practices and primary care networks shown as a distribution (never ranked against anything).

The models are made in `nhs_places` (before the site: each NHS area's place) and `nhs_site`
(after it: the blocks, the GP practices pages, the indicator pages' distributions). This module
holds only the models and the NHS level of an area type, so that `pages` can import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.load.metadata import Indicator
from generators.model.series import Area, Point, Section
from generators.words import area_type_words, format_chart_value

LEVELS = {"integrated care board": "icb", "sub-ICB location": "sub_icb", "primary care network": "pcn", "GP practice": "gp"}
"""An area type as a reader says it (`words.area_type_words`) -> its level in the NHS hierarchy."""
UNRANKED = ("pcn", "gp")
"""Levels never ranked: a practice or PCN serves its patients, not a place; their values are shown as a distribution."""
LEVEL_NAMES = {"icb": "integrated care board", "sub_icb": "sub-ICB location", "pcn": "primary care network", "gp": "GP practice"}


def nhs_level(area_type: str) -> str:
    """`General Practice` -> `gp`, `ICB sub-locations` -> `sub_icb`; "" for a council or any other area type."""
    return LEVELS.get(area_type_words(area_type), "")


def ranked_type(area_type: str) -> bool:
    """Whether the areas of a type are ranked on indicator pages (all but GP practices and PCNs)."""
    return nhs_level(area_type) not in UNRANKED


@dataclass(frozen=True)
class Body:
    """An NHS body or a council area as an overview names it: its page where it has one ("" otherwise)."""

    code: str
    name: str
    kind: str
    path: str = ""
    where: str = ""
    """For a PCN listed under a county: the district it serves."""


@dataclass(frozen=True)
class Compared:
    """One indicator of an NHS area's overview, its latest value compared with England and with the council area it serves."""

    section: Section
    path: str
    """Where the section is shown in full, from the site root."""
    council: Point | None
    verdict: str
    """Compared with the council's value in the same period (95% interval), Fingertips' words."""


@dataclass(frozen=True)
class NhsBlock:
    """What an overview says of the NHS: for a council, the bodies serving it; for an NHS area, where it sits
    (the bodies above it, the council area it serves) and what it holds (its PCNs, its practices)."""

    part_of: tuple[Body, ...] = ()
    serves: Body | None = None
    icbs: tuple[Body, ...] = ()
    sub_icb_locations: tuple[Body, ...] = ()
    pcns: tuple[Body, ...] = ()
    practices: int = 0
    """GP practices with figures under it: shown on its GP practices page."""
    practices_path: str = ""
    compared: tuple[Compared, ...] = ()


@dataclass(frozen=True)
class Member:
    """One GP practice or PCN in a distribution: its point in the distribution's period and its own page ("" without one)."""

    area: Area
    pcn: str
    """A practice's PCN by name ("" for a PCN)."""
    point: Point
    path: str
    anchor: str


@dataclass(frozen=True)
class Distribution:
    """One indicator series' values for the GP practices and PCNs within an area, in one period, beside the area's and the benchmark's."""

    indicator: Indicator
    title: str
    anchor: str
    series_anchor: str
    within: Area
    period: str
    practices: tuple[Member, ...]
    pcns: tuple[Member, ...]
    own: Point | None
    """The area's own value in the period (None for the benchmark, or where it has none)."""
    benchmark: Point | None
    elsewhere: tuple[Body, ...] = ()
    """On an indicator page: the GP practices pages showing the same series within each area."""

    @property
    def places(self) -> int:
        """Decimal places that tell the values apart: 2 where they span less than 1 (a prevalence under 1%), else 1."""
        values = [m.point.value for m in self.practices + self.pcns if m.point.value == m.point.value]
        return 2 if len(values) > 1 and max(values) - min(values) < 1 else 1

    def shown(self, value: float) -> str:
        """A value as the page writes it, to `places` decimals with its unit: `0.72%`."""
        return format_chart_value(value, self.places, self.indicator.unit)


@dataclass(frozen=True)
class PracticesPage:
    """An area's GP practices (and PCNs) page: each indicator's distribution with its table."""

    area: Area
    distributions: tuple[Distribution, ...]
    council: bool
    """The area is a council area (its practices are those of the PCNs the configuration assigns it)."""

    @property
    def path(self) -> str:
        return f"areas/{self.area.slug}/{PRACTICES}/"


PRACTICES = "gp-practices"
"""The address of an area's GP practices page (no chapter may take it)."""
