"""A small JSNA built in-process, stage by stage as `pipeline.generate` does, for the unit tests.

England, a county and five districts (five, so that the spine chart has a range), two
indicators of one chapter (one in the theme Smoking), two periods, in the tidy local format
with counts and denominators (limits computed). Made-up values.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators.charts import figures
from generators.config import Config, build_config
from generators.load import Inputs, load_all
from generators.model import AreaPage, Site, build_site
from generators.model.board import build_board
from generators.pipeline import TOOL
from generators.render import jobs
from generators.render.board import board_jobs, summary_jobs, with_contributions
from generators.render.jobs import PageJob, Shared
from generators.report import build_report
from generators.stats import assess, category_order, compute_ranges, inequality_indices
from generators.tidy import Tidy, tidy_rows

AREAS = (
    ("E92000001", "England", "England", ""),
    ("E10000032", "West Sussex", "County", "E92000001"),
    ("E07000223", "Adur", "District", "E10000032"),
    ("E07000224", "Arun", "District", "E10000032"),
    ("E07000225", "Chichester", "District", "E10000032"),
    ("E07000226", "Crawley", "District", "E10000032"),
    ("E07000227", "Horsham", "District", "E10000032"),
)
SMOKERS = {"E92000001": (13000, 12500), "E10000032": (560, 520), "E07000223": (60, 58), "E07000224": (70, 66), "E07000225": (44, 40), "E07000226": (150, 184), "E07000227": (50, 47)}
SMOKERS_OF = {"E92000001": 100000, "E10000032": 5200}
ADMISSIONS = {"E92000001": (9600, 9300), "E10000032": (300, 290), "E07000223": (11, 10), "E07000224": (30, 29), "E07000225": (25, 22), "E07000226": (25, 24), "E07000227": (20, 21)}
ADMISSIONS_OF = {"E92000001": 32000000, "E10000032": 500000}
METADATA = """indicators:
- id: S1
  name: Smoking prevalence in adults
  short_name: Adult smoking
  unit: '%'
  value_type: proportion
  polarity: low_is_good
  chapter: Living well
  theme: Smoking
  release_date: 2025-09-30
- id: A1
  name: Alcohol admissions in under 18s
  unit: per 100,000
  value_type: crude rate
  polarity: low_is_good
  chapter: Living well
"""


QUINTILES = "LSOA11 deprivation quintiles within area (IMD2019)"
SMOKERS_BY_QUINTILE = (
    ("Most deprived quintile (IMD2019)", 180, 900), ("Second most deprived quintile (IMD2019)", 130, 1000), ("Middle quintile (IMD2019)", 100, 1050),
    ("Second least deprived quintile (IMD2019)", 80, 1100), ("Least deprived quintile (IMD2019)", 50, 1150),
)
"""West Sussex's smokers in 2022 by deprivation fifth (count, people surveyed): a gradient, for the Inequalities pages."""


def write_tidy_csv(path: Path) -> None:
    """The small site's rows in the documented tidy format."""
    lines = ["area_code,area_name,area_type,parent_code,parent_name,indicator_id,period,sex,age,value,count,denominator,value_note,category_type,category"]
    names = {code: name for code, name, _, _ in AREAS}
    for code, name, kind, parent in AREAS:
        for indicator, counts, sizes, size, scale in (("S1", SMOKERS, SMOKERS_OF, 800, 100), ("A1", ADMISSIONS, ADMISSIONS_OF, 80000, 100000)):
            for period, count in zip(("2021", "2022"), counts[code]):
                denominator = sizes.get(code, size)
                lines.append(f"{code},{name},{kind},{parent},{names.get(parent, '')},{indicator},{period},Persons,All ages,{count / denominator * scale:.4f},{count},{denominator},,,")
    for category, count, denominator in SMOKERS_BY_QUINTILE:
        lines.append(f"E10000032,West Sussex,County,E92000001,England,S1,2022,Persons,All ages,{count / denominator * 100:.4f},{count},{denominator},,{QUINTILES},{category}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class SmallSite:
    config: Config
    inputs: Inputs
    tidied: Tidy
    checks: dict[str, Any]
    site: Site
    shared: Shared
    area_jobs: list[PageJob]
    site_jobs: list[PageJob]
    report_job: PageJob

    @property
    def jobs(self) -> list[PageJob]:
        return [*self.area_jobs, *self.site_jobs, self.report_job]

    def job(self, kind: str) -> PageJob:
        return next(j for j in self.jobs if j.kind == kind)


def write_folder(folder: Path, settings: str = "") -> Path:
    """A JSNA folder: jsna.yml settings (as YAML text), data/local.csv, data/indicators.yml; returns the folder."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    write_tidy_csv(folder / "data" / "local.csv")
    (folder / "data" / "indicators.yml").write_text(METADATA, encoding="utf-8")
    (folder / "jsna.yml").write_text(settings, encoding="utf-8")
    return folder


def build_small_site(folder: Path, **settings: Any) -> SmallSite:
    """The small site's every stage, up to its page jobs (nothing written)."""
    write_folder(folder)
    write_contribution(folder)
    mapping = {"title": "Small JSNA", "updated": "2026-01-01", "local": ["data/local.csv"], "indicators": "data/indicators.yml", "chapters": ["Living well"], "priorities": PRIORITIES, **settings}
    config = build_config(mapping, str(folder / "jsna.yml"), folder, {})
    inputs = load_all(config, TOOL, folder, folder / ".cache")
    tidied = tidy_rows(inputs.rows.table, config, inputs.indicators, {str(p) for p in inputs.local_files})
    config = dataclasses.replace(config, chapters=tidied.chapters)
    tidied, checks = assess(tidied, config)
    site = build_site(tidied.table, config, tidied.indicators, tidied.chapter_of, inequality_indices(tidied.table, tidied.indicators, category_order(tidied.table)))
    ranges = compute_ranges(tidied.table, config.benchmark)
    shared = jobs.shared_context(site, inputs.boundaries, folder / ".cache" / "charts")

    def overview_inputs(page: AreaPage) -> tuple[Any, Any]:
        return figures.spine_input(page, ranges, site.benchmark.name), figures.pyramid_input(inputs.population, page.area, site.benchmark)

    board = build_board(site, tidied.indicators, inputs.contributions)  # the board's pages, as the pipeline makes them
    area_jobs = jobs.area_jobs(site, with_contributions(inputs.narrative, board.attributed), overview_inputs) + summary_jobs(board)
    report = jobs.report_job(build_report(inputs.rows, tidied, checks))
    return SmallSite(config, inputs, tidied, checks, site, shared, area_jobs, jobs.site_jobs(site, tidied.table) + board_jobs(board), report)


PRIORITIES = [{"name": "Fewer alcohol admissions", "indicators": ["A1"]}]
"""The small site's one priority of the board (the Priorities page and every summary's table)."""
CONTRIBUTION = """---
organisation: Healthwatch West Sussex
role: local Healthwatch
date: 2025-12-01
---
What people told us (made up).
"""


def write_contribution(folder: Path) -> None:
    """One partner's contribution, on Crawley's Living well page (the Partners page lists it)."""
    path = folder / "docs" / "narrative" / "crawley" / "living-well.healthwatch.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CONTRIBUTION, encoding="utf-8")
