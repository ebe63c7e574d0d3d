"""Write the shipped reference data (`data/areas.csv`, `data/neighbours.csv`) from the open sources.

    python -m generators.reference.build_reference [--shared ../shared]

Sources (read in place, never copied; licences in data/SOURCE.md):

- `fixtures/fingertips-next/areas.json`: England, its regions, combined authorities, counties and
  unitary authorities, districts, NHS regions and ICBs, with their child areas (their parents here);
- `fixtures/ons/global-neighbours.csv`: for every UK local authority, ONS's 20 most similar
  authorities on all measures, in order.

Only current areas are in areas.json, so the areas abolished since 2009 and their successors come
from `SUCCESSIONS` below, our own table of the structural changes (each checked against the
structural change orders and ONS's code history). Run it again when a source changes; the output
is sorted, so an unchanged source gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from generators.reference import build_nhs

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DEFAULT_SHARED = HERE.parents[2] / "shared"  # ../shared beside the repository

AREA_COLUMNS = ("code", "name", "type", "parent", "status", "successor", "changed")
NEIGHBOUR_COLUMNS = ("area_code", "rank", "neighbour_code")

# Fingertips' area type names in areas.json -> our type (a county is split from the unitaries by code).
TYPES = {
    "England": "england",
    "Regions": "region",
    "Combined Authorities": "combined_authority",
    "Counties and Unitary Authorities": "upper_tier",
    "Districts and Unitary Authorities": "district",
    "NHS Regions": "nhs_region",
    "NHS Integrated Care Boards": "icb",
}
UPPER_TIER = {"E10": "county", "E06": "unitary", "E08": "metropolitan_district", "E09": "london_borough"}
PARENT_ORDER = ("region", "county", "nhs_region", "england")  # the parent kept when an area has several (a combined authority is not one)

# Areas abolished (or recoded) since 2009 and what replaced them: code, name, type, parent (at the
# time), successor codes (space separated), year. A successor may itself be abolished later; the
# scaffolder follows the chain to the current area.
SUCCESSIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    # 2013: boundary changes gave new codes (The Gateshead and Northumberland / Hertfordshire boundary orders)
    ("E06000048", "Northumberland", "unitary", "E12000001", "E06000057", "2013"),
    ("E08000020", "Gateshead", "metropolitan_district", "E12000001", "E08000037", "2013"),
    ("E07000097", "East Hertfordshire", "district", "E10000015", "E07000242", "2013"),
    ("E07000100", "St Albans", "district", "E10000015", "E07000240", "2013"),
    ("E07000101", "Stevenage", "district", "E10000015", "E07000243", "2013"),
    ("E07000104", "Welwyn Hatfield", "district", "E10000015", "E07000241", "2013"),
    # 2019: Dorset; Bournemouth, Christchurch and Poole; Suffolk and Somerset districts merged
    ("E10000009", "Dorset", "county", "E12000009", "E06000059", "2019"),
    ("E06000028", "Bournemouth", "unitary", "E12000009", "E06000058", "2019"),
    ("E06000029", "Poole", "unitary", "E12000009", "E06000058", "2019"),
    ("E07000048", "Christchurch", "district", "E10000009", "E06000058", "2019"),
    ("E07000049", "East Dorset", "district", "E10000009", "E06000059", "2019"),
    ("E07000050", "North Dorset", "district", "E10000009", "E06000059", "2019"),
    ("E07000051", "Purbeck", "district", "E10000009", "E06000059", "2019"),
    ("E07000052", "West Dorset", "district", "E10000009", "E06000059", "2019"),
    ("E07000053", "Weymouth and Portland", "district", "E10000009", "E06000059", "2019"),
    ("E07000201", "Forest Heath", "district", "E10000029", "E07000245", "2019"),
    ("E07000204", "St Edmundsbury", "district", "E10000029", "E07000245", "2019"),
    ("E07000205", "Suffolk Coastal", "district", "E10000029", "E07000244", "2019"),
    ("E07000206", "Waveney", "district", "E10000029", "E07000244", "2019"),
    ("E07000190", "Taunton Deane", "district", "E10000027", "E07000246", "2019"),
    ("E07000191", "West Somerset", "district", "E10000027", "E07000246", "2019"),
    # 2020: Buckinghamshire became one unitary authority
    ("E10000002", "Buckinghamshire", "county", "E12000008", "E06000060", "2020"),
    ("E07000004", "Aylesbury Vale", "district", "E10000002", "E06000060", "2020"),
    ("E07000005", "Chiltern", "district", "E10000002", "E06000060", "2020"),
    ("E07000006", "South Bucks", "district", "E10000002", "E06000060", "2020"),
    ("E07000007", "Wycombe", "district", "E10000002", "E06000060", "2020"),
    # 2021: Northamptonshire split into two unitary authorities
    ("E10000021", "Northamptonshire", "county", "E12000004", "E06000061 E06000062", "2021"),
    ("E07000150", "Corby", "district", "E10000021", "E06000061", "2021"),
    ("E07000152", "East Northamptonshire", "district", "E10000021", "E06000061", "2021"),
    ("E07000153", "Kettering", "district", "E10000021", "E06000061", "2021"),
    ("E07000156", "Wellingborough", "district", "E10000021", "E06000061", "2021"),
    ("E07000151", "Daventry", "district", "E10000021", "E06000062", "2021"),
    ("E07000154", "Northampton", "district", "E10000021", "E06000062", "2021"),
    ("E07000155", "South Northamptonshire", "district", "E10000021", "E06000062", "2021"),
    # 2023: Cumbria split in two; North Yorkshire and Somerset became unitary authorities
    ("E10000006", "Cumbria", "county", "E12000002", "E06000063 E06000064", "2023"),
    ("E07000026", "Allerdale", "district", "E10000006", "E06000063", "2023"),
    ("E07000028", "Carlisle", "district", "E10000006", "E06000063", "2023"),
    ("E07000029", "Copeland", "district", "E10000006", "E06000063", "2023"),
    ("E07000027", "Barrow-in-Furness", "district", "E10000006", "E06000064", "2023"),
    ("E07000030", "Eden", "district", "E10000006", "E06000064", "2023"),
    ("E07000031", "South Lakeland", "district", "E10000006", "E06000064", "2023"),
    ("E10000023", "North Yorkshire", "county", "E12000003", "E06000065", "2023"),
    ("E07000163", "Craven", "district", "E10000023", "E06000065", "2023"),
    ("E07000164", "Hambleton", "district", "E10000023", "E06000065", "2023"),
    ("E07000165", "Harrogate", "district", "E10000023", "E06000065", "2023"),
    ("E07000166", "Richmondshire", "district", "E10000023", "E06000065", "2023"),
    ("E07000167", "Ryedale", "district", "E10000023", "E06000065", "2023"),
    ("E07000168", "Scarborough", "district", "E10000023", "E06000065", "2023"),
    ("E07000169", "Selby", "district", "E10000023", "E06000065", "2023"),
    ("E10000027", "Somerset", "county", "E12000009", "E06000066", "2023"),
    ("E07000187", "Mendip", "district", "E10000027", "E06000066", "2023"),
    ("E07000188", "Sedgemoor", "district", "E10000027", "E06000066", "2023"),
    ("E07000189", "South Somerset", "district", "E10000027", "E06000066", "2023"),
    ("E07000246", "Somerset West and Taunton", "district", "E10000027", "E06000066", "2023"),
)

# ONS's similar-areas table writes Barnsley and Sheffield with the codes of their 2019 boundary
# change; areas.json (Fingertips) still has the earlier ones. ONS code -> areas.json code.
ONS_RECODES = {"E08000038": "E08000016", "E08000039": "E08000019"}


def read_areas(path: Path) -> list[dict[str, str]]:
    """The current areas of areas.json that a JSNA names, each with its one parent."""
    items = json.loads(path.read_text(encoding="utf-8"))
    kept = {a["areaCode"]: a for a in items if a["areaType"] in TYPES}
    rows = {}
    for code, item in kept.items():
        kind = TYPES[item["areaType"]]
        if kind == "upper_tier":
            kind = UPPER_TIER[code[:3]]
        rows[code] = {"code": code, "name": item["areaName"], "type": kind, "parent": "", "status": "current", "successor": "", "changed": ""}
    parents: dict[str, list[str]] = {}
    for code, item in kept.items():
        for child in item["childAreas"]:
            parents.setdefault(child["areaCode"], []).append(code)
    for code, row in rows.items():
        found = {rows[p]["type"]: p for p in parents.get(code, []) if p in rows}
        row["parent"] = next((found[t] for t in PARENT_ORDER if t in found), "")
    return list(rows.values())


def add_successions(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The abolished areas of `SUCCESSIONS`, checked: every parent and successor is a known area."""
    known = {r["code"] for r in rows} | {s[0] for s in SUCCESSIONS}
    out = list(rows)
    for code, name, kind, parent, successors, year in SUCCESSIONS:
        if code in {r["code"] for r in rows}:
            raise SystemExit(f"{code} {name} is in SUCCESSIONS but areas.json still has it as a current area")
        missing = [c for c in [parent, *successors.split()] if c not in known]
        if missing:
            raise SystemExit(f"{code} {name}: {missing[0]} is in no source")
        out.append({"code": code, "name": name, "type": kind, "parent": parent, "status": "abolished", "successor": successors, "changed": year})
    return out


def read_neighbours(path: Path, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """For each current upper-tier authority, its ONS similar areas (all measures) that are English
    upper-tier authorities too, with ONS's own rank (1 is the most similar)."""
    upper = {r["code"] for r in rows if r["status"] == "current" and r["type"] in UPPER_TIER.values()}
    out = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            code = ONS_RECODES.get(record["AREACD"], record["AREACD"])
            if code not in upper:
                continue
            for rank in range(1, 21):
                neighbour = ONS_RECODES.get(record.get(str(rank), ""), record.get(str(rank), ""))
                if neighbour in upper:
                    out.append({"area_code": code, "rank": str(rank), "neighbour_code": neighbour})
    missing = sorted(upper - {r["area_code"] for r in out})
    if missing:
        print(f"note: no ONS similar areas for {', '.join(missing)}", file=sys.stderr)
    return out


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(DEFAULT_SHARED), help="the shared reference folder (default: ../shared beside the repository)")
    parser.add_argument("--out", default=str(DATA), help="where to write areas.csv and neighbours.csv (default: beside this script)")
    args = parser.parse_args(argv)
    fixtures = Path(args.shared) / "fixtures"
    areas = add_successions(read_areas(fixtures / "fingertips-next" / "areas.json"))
    areas.sort(key=lambda r: r["code"])
    neighbours = read_neighbours(fixtures / "ons" / "global-neighbours.csv", areas)
    neighbours.sort(key=lambda r: (r["area_code"], int(r["rank"])))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "areas.csv", AREA_COLUMNS, areas)
    write_csv(out / "neighbours.csv", NEIGHBOUR_COLUMNS, neighbours)
    print(f"wrote {out / 'areas.csv'} ({len(areas)} areas) and {out / 'neighbours.csv'} ({len(neighbours)} neighbours)")
    print(f"wrote {out / build_nhs.FILE} ({build_nhs.write_nhs_areas(Path(args.shared), out)} NHS areas)")  # the NHS hierarchy, from the same areas.json
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
