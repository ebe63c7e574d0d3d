"""The shipped NHS hierarchy (generators/reference/data/nhs_areas.csv): rebuilt byte for byte from
FingertipsNext's areas.json, each area under the one above it."""

from __future__ import annotations

import csv
from pathlib import Path

from generators.reference import build_nhs

SHIPPED = build_nhs.DATA / build_nhs.FILE


def shipped() -> dict[str, dict[str, str]]:
    with SHIPPED.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def test_a_rerun_of_the_script_writes_the_shipped_file(shared: Path, tmp_path: Path) -> None:
    assert build_nhs.main(["--shared", str(shared), "--out", str(tmp_path)]) == 0
    assert (tmp_path / build_nhs.FILE).read_bytes() == SHIPPED.read_bytes(), "rerun python -m generators.reference.build_nhs"


def test_west_sussex_gp_practice_sits_under_its_pcn_sub_icb_and_icb() -> None:
    areas = shipped()
    chain, code = [], "H82011"  # Strand Medical Group, Worthing
    while code:
        chain.append((areas[code]["name"], areas[code]["type"]))
        code = areas[code]["parent"]
    assert chain == [
        ("Strand Medical Group", "gp"),
        ("Cissbury Integrated Care PCN", "pcn"),
        ("Sussex ICB - 70F", "sub_icb"),
        ("NHS Sussex Integrated Care Board - QNX", "icb"),
        ("South East NHS Region", "nhs_region"),
    ]


def test_every_area_has_a_parent_one_level_up() -> None:
    areas = shipped()
    above = {"icb": "nhs_region", "sub_icb": "icb", "pcn": "sub_icb", "gp": "pcn"}
    for row in areas.values():
        if row["type"] == "nhs_region":
            assert row["parent"] == ""
        else:
            assert areas[row["parent"]]["type"] == above[row["type"]], row
    assert {t: sum(r["type"] == t for r in areas.values()) for t in above} == {"icb": 42, "sub_icb": 106, "pcn": 487, "gp": 2004}
