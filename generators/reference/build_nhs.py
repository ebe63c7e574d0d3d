"""Write the shipped NHS hierarchy (`data/nhs_areas.csv`) from the open source.

    python -m generators.reference.build_nhs [--shared ../shared]

Source (read in place, never copied; licence in data/SOURCE.md): `fixtures/fingertips-next/areas.json`,
the area hierarchy of FingertipsNext, in which each NHS region holds its integrated care boards
(ICBs), each ICB its sub-ICB locations, each sub-ICB location its primary care networks (PCNs) and
each PCN its GP practices. Kept: those five NHS levels, each area with its one parent in the level
above (an NHS region has none here). The file holds no link between councils and NHS bodies: a JSNA
declares which serve it (`nhs:` in jsna.yml). The output is sorted, so an unchanged source gives
a byte-identical file.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DEFAULT_SHARED = HERE.parents[2] / "shared"  # ../shared beside the repository
FILE = "nhs_areas.csv"
COLUMNS = ("code", "name", "type", "parent")

LEVELS = {  # areas.json's area type -> ours, from the top of the NHS hierarchy down
    "NHS Regions": "nhs_region",
    "NHS Integrated Care Boards": "icb",
    "NHS Sub Integrated Care Boards": "sub_icb",
    "NHS Primary Care Networks": "pcn",
    "GPs": "gp",
}
ABOVE = dict(zip(list(LEVELS.values())[1:], LEVELS.values()))
"""Each level's parent level: an ICB's is an NHS region, a GP practice's a PCN."""


def read_nhs_areas(path: Path) -> list[dict[str, str]]:
    """Every NHS area of areas.json with its parent, checked: each below a region has exactly one, a level above it."""
    items = [a for a in json.loads(path.read_text(encoding="utf-8")) if a["areaType"] in LEVELS]
    rows = {a["areaCode"]: {"code": a["areaCode"], "name": a["areaName"].strip(), "type": LEVELS[a["areaType"]], "parent": ""} for a in items}
    for item in items:
        for child in item["childAreas"]:
            row = rows.get(child["areaCode"])
            if row is None or ABOVE.get(row["type"]) != rows[item["areaCode"]]["type"]:
                continue  # a child of another kind (areas.json lists no such NHS child today)
            if row["parent"]:
                raise SystemExit(f"{row['code']} {row['name']} has two parents in areas.json: {row['parent']} and {item['areaCode']}")
            row["parent"] = item["areaCode"]
    orphans = [r for r in rows.values() if r["type"] != "nhs_region" and not r["parent"]]
    if orphans:
        raise SystemExit(f"{orphans[0]['code']} {orphans[0]['name']} ({orphans[0]['type']}) has no parent in areas.json")
    return sorted(rows.values(), key=lambda r: (list(LEVELS.values()).index(r["type"]), r["code"]))


def write_nhs_areas(shared: Path, out: Path) -> int:
    """Write out/nhs_areas.csv from shared/fixtures; the number of areas written."""
    rows = read_nhs_areas(shared / "fixtures" / "fingertips-next" / "areas.json")
    out.mkdir(parents=True, exist_ok=True)
    with (out / FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(DEFAULT_SHARED), help="the shared reference folder (default: ../shared beside the repository)")
    parser.add_argument("--out", default=str(DATA), help=f"where to write {FILE} (default: beside this script)")
    args = parser.parse_args(argv)
    count = write_nhs_areas(Path(args.shared), Path(args.out))
    print(f"wrote {Path(args.out) / FILE} ({count} NHS areas)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
