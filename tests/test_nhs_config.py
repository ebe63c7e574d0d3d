"""`nhs:` in jsna.yml: which NHS bodies serve each council area, checked against the shipped NHS
hierarchy with the file, line, what was expected and what was found."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from generators.config import load_config
from generators.errors import DataError
from generators.load.nhs import load_nhs
from generators.model.nhs_places import publish_nhs_areas

REPO = Path(__file__).resolve().parent.parent


def configured(tmp_path: Path, nhs: str) -> Path:
    path = tmp_path / "jsna.yml"
    path.write_text("title: A JSNA\nareas: [E10000032]\n" + nhs, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_nhs(load_config(path))
    return str(caught.value).splitlines()


def test_the_demonstration_names_west_sussex_its_sub_icb_location_and_districts_pcns() -> None:
    served = {s.council_name: s for s in load_nhs(load_config(REPO / "jsna.yml")).served}
    county = served["West Sussex"]
    assert county.icbs == ("E54000053",) and county.sub_icb_locations == ("E38000248",)
    assert len(county.pcns) == 5 and len(county.practices) == 16 and not county.pcns_declared  # from the hierarchy
    mid = served["Mid Sussex"]
    assert mid.sub_icb_locations == ("E38000248",) and mid.icbs == ("E54000053",)  # its county's
    assert mid.pcns == ("U03364", "U04725", "U06871") and len(mid.practices) == 10


def test_a_pcn_of_another_sub_icb_location_is_named_with_where_it_is(tmp_path: Path) -> None:
    path = configured(tmp_path, "nhs:\n  E10000032:\n    sub_icb_locations: [E38000248]\n  E07000228:\n    pcns:\n      - U03364\n      - U09072\n")
    assert problems(path) == [
        f'{path}, line 9, column "nhs.E07000228.pcns[1]": expected a primary care network of Sussex ICB - 70F (the sub-ICB location serving '
        "West Sussex, Mid Sussex's county), found U09072 (Preston Park Community PCN, of Sussex ICB - 09D) [nhs-pcn-elsewhere]"
    ]


def test_every_wrong_code_is_reported_at_its_line(tmp_path: Path) -> None:
    path = configured(tmp_path, "nhs:\n  E10000032:\n    sub_icb_locations: [U01092]\n  E38000248:\n    pcns: [U01092, U01092, X99999]\n")
    found = problems(path)
    assert found == [
        f'{path}, line 5, column "nhs.E10000032.sub_icb_locations[0]": expected the code of a sub-ICB location, found U01092 (Cissbury Integrated Care PCN, a primary care network) [nhs-not-a-sub-icb]',
        f'{path}, line 6, column "nhs.E38000248": expected the code of a council area (a county, unitary authority or district in generators/reference/data/areas.csv), found E38000248, a sub-ICB location [nhs-not-a-council]',
        f'{path}, line 7, column "nhs.E38000248.pcns[1]": expected each code once, found U01092 again [nhs-repeated]',
        f'{path}, line 7, column "nhs.E38000248.pcns[2]": expected the code of a primary care network in generators/reference/data/nhs_areas.csv, found X99999, which is not in it [nhs-not-a-pcn]',
    ]


def test_a_misspelt_key_or_a_bare_code_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r'line 5, column "nhs.E10000032.pcn": expected only sub_icb_locations and pcns under E10000032, found "pcn"'):
        load_config(configured(tmp_path, "nhs:\n  E10000032:\n    pcn: [U01092]\n"))
    with pytest.raises(DataError, match=r"line 4, column \"nhs.E10000032\": expected `sub_icb_locations:` and/or `pcns:` under the council area code E10000032, found 'E38000248'"):
        load_config(configured(tmp_path, "nhs:\n  E10000032: E38000248\n"))


def test_a_district_alone_takes_its_sub_icb_location_from_its_pcns(tmp_path: Path) -> None:
    served = load_nhs(load_config(configured(tmp_path, "nhs:\n  E07000229:\n    pcns: U01092\n"))).served
    assert [(s.council_name, s.sub_icb_locations, s.icbs, s.practices[:1]) for s in served] == [("Worthing", ("E38000248",), ("E54000053",), ("H82011",))]


def test_a_council_area_the_build_does_not_publish_publishes_no_nhs_bodies_and_is_no_error(tmp_path: Path) -> None:
    config = load_config(configured(tmp_path, "nhs:\n  E07000229:\n    pcns: [U01092]\n"))
    assert "E07000229" not in config.areas
    published = publish_nhs_areas(config, pd.DataFrame({"area_code": ["U01092", "H82011"]}), load_nhs(config))
    assert published.areas == config.areas


def test_the_nhs_bodies_serving_a_published_council_are_published_after_it_where_the_data_has_them(tmp_path: Path) -> None:
    config = load_config(configured(tmp_path, "nhs:\n  E10000032:\n    sub_icb_locations: [E38000248]\n"))
    published = publish_nhs_areas(config, pd.DataFrame({"area_code": ["E10000032", "E38000248", "U01092", "H82011", "G81018"]}), load_nhs(config))
    assert published.areas == ("E10000032", "E38000248", "U01092", "H82011")  # not Preston Park Surgery (G81018), of another sub-ICB location
