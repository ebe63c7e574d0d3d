"""Stage 5, model: the indicator table to page models (frozen dataclasses: no HTML, no charts, no MkDocs).

`series`: areas, points and sections; `pages`: a model per page of the site; `messages`: key messages."""

from generators.model.inequalities import Breakdowns, Category, Inequality
from generators.model.messages import key_messages
from generators.model.pages import (
    AreaPage,
    ChapterPage,
    Gap,
    IndicatorPage,
    InequalitiesPage,
    Ranked,
    Ranking,
    Rankings,
    Site,
    ThemePage,
    build_site,
    leading_areas,
    section_path,
    theme_slug,
)
from generators.model.series import Area, Point, Section

__all__ = ["Area", "AreaPage", "Breakdowns", "Category", "ChapterPage", "Gap", "IndicatorPage", "InequalitiesPage", "Inequality", "Point", "Ranked", "Ranking", "Rankings", "Section", "Site", "ThemePage", "build_site", "key_messages", "leading_areas", "section_path", "theme_slug"]
