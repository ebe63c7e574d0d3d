"""Each NHS area in its place, before the site is modelled: beside the council area it serves, else
under its parent in the NHS hierarchy; and the NHS bodies serving the published council areas published too.

A page names and compares an area with its parent (`Area.parent_code`), so an NHS area's parent
here is what its pages compare it with: a practice's or PCN's district (the PCNs `nhs:` assigns
it), a sub-ICB location's county; where `nhs:` says nothing, and for an ICB (wider than any one
council), its parent in the hierarchy (a practice's PCN, a PCN's sub-ICB location, a sub-ICB
location's ICB, an ICB's NHS region).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from generators.config import Config
from generators.load.nhs import Nhs


def council_of(nhs: Nhs) -> dict[str, str]:
    """The council area each NHS body serves (code -> code), most particular first: a PCN and its
    practices, the district that names them; a sub-ICB location, the council that has it of its own
    (not through its county); the PCNs and practices of a county's sub-ICB locations, the county; an ICB, its first council."""
    found: dict[str, str] = {}
    for served in nhs.served:
        if served.pcns_declared:
            for code in served.pcns:
                found.setdefault(code, served.council)
                for practice in nhs.children(code):
                    found.setdefault(practice, served.council)
    for served in sorted(nhs.served, key=lambda s: bool(s.county)):  # their own sub-ICB locations first (stable: in the file's order)
        for code in (*served.sub_icb_locations, *served.pcns, *served.practices, *served.icbs):
            found.setdefault(code, served.council)
    return found


def place_nhs_areas(table: pd.DataFrame, nhs: Nhs) -> pd.DataFrame:
    """The table with each NHS area's rows given the parent its pages compare it with (module docstring); other rows as they were."""
    names = dict(zip(table["area_code"], table["area_name"]))
    parents = {code: (parent, names.get(parent, nhs.areas[parent].name)) for code, area in nhs.areas.items() if (parent := area.parent) in nhs.areas}
    councils = council_of(nhs)
    served = {s.council: s.council_name for s in nhs.served}
    parents.update({code: (council, names.get(council, served[council])) for code, council in councils.items() if nhs.areas[code].level != "icb"})  # an ICB is wider than its councils: under its NHS region
    placed = table["area_code"].isin(list(parents))
    if not placed.any():
        return table
    table = table.copy()
    where = table.loc[placed, "area_code"]
    table.loc[placed, "parent_code"] = where.map(lambda c: parents[c][0]).to_numpy()
    table.loc[placed, "parent_name"] = where.map(lambda c: parents[c][1]).to_numpy()
    return table


def publish_nhs_areas(config: Config, table: pd.DataFrame, nhs: Nhs) -> Config:
    """The configuration with the NHS bodies serving its council areas (those in the data) published after them,
    where it names the areas it publishes. `nhs:` says which NHS bodies serve a council, a fact that
    holds whatever this build publishes: a council area it names but `areas:` leaves out (a quick
    build of one district) publishes no NHS bodies, and is no error."""
    if not config.areas or not nhs.served:
        return config
    present = set(table["area_code"].unique())
    bodies = (code for s in nhs.served if s.council in config.areas for code in (*s.icbs, *s.sub_icb_locations, *s.pcns, *s.practices))
    more = tuple(code for code in dict.fromkeys(bodies) if code in present and code not in config.areas)
    return dataclasses.replace(config, areas=config.areas + more) if more else config
