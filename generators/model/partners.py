"""Partners' contributions placed on their pages, and the Partners page (`/partners/`) listing who said what where."""

from __future__ import annotations

from dataclasses import dataclass

from generators.config import slugify
from generators.errors import DataError, Place, raise_all
from generators.load.partners import Contribution
from generators.model.pages import Site
from generators.words import long_date

PAGE = "partners/"


@dataclass(frozen=True)
class Attributed:
    """A contribution on its page: the page's title and address (from the site root), its own anchor there."""

    contribution: Contribution
    page_title: str
    path: str
    anchor: str

    @property
    def attribution(self) -> str:
        """`From Healthwatch West Sussex (local Healthwatch), 12 October 2026`."""
        c = self.contribution
        role = f" ({c.role})" if c.role else ""
        return f"From {c.organisation}{role}, {self.when}"

    @property
    def when(self) -> str:
        return long_date(self.contribution.date)

    @property
    def heading(self) -> str:
        return self.contribution.title or f"From {self.contribution.organisation}"


@dataclass(frozen=True)
class Partner:
    organisation: str
    role: str
    anchor: str
    contributions: tuple[Attributed, ...]


@dataclass(frozen=True)
class PartnersPage:
    partners: tuple[Partner, ...]
    path: str = PAGE


def narrative_pages(site: Site) -> dict[str, tuple[str, str]]:
    """Every page narrative can go on, as the narrative folder names it, with its title and address:
    `west-sussex/index`, `west-sussex/living-well`, `west-sussex/ageing-well/falls`."""
    pages = {}
    for area in site.areas:
        pages[f"{area.area.slug}/index"] = (area.area.name, area.path)
        for chapter in area.chapters:
            pages[f"{area.area.slug}/{chapter.chapter.slug}"] = (f"{chapter.chapter.name} in {area.area.name}", chapter.path)
            for theme in chapter.themes:
                pages[f"{area.area.slug}/{chapter.chapter.slug}/{theme.slug}"] = (f"{theme.name}: {chapter.chapter.name} in {area.area.name}", theme.path)
    return pages


def attribute(site: Site, contributions: tuple[Contribution, ...]) -> tuple[Attributed, ...]:
    """Each contribution on its page, in the order pages show them (by file name), each with an
    anchor unique on its page (`from-healthwatch-west-sussex`). A file for a page the site does not
    have stops the build, naming the file."""
    pages = narrative_pages(site)
    errors = [_unknown_page(c, pages) for c in contributions if c.page not in pages]
    raise_all(errors)
    used: dict[str, set[str]] = {}
    placed = []
    for c in sorted(contributions, key=lambda c: (c.page, c.file != f"{c.page}.md", c.file)):
        title, path = pages[c.page]
        taken = used.setdefault(path, set())
        anchor = base = f"from-{slugify(c.organisation)}"
        n = 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        placed.append(Attributed(c, title, path, anchor))
    return tuple(placed)


def _unknown_page(contribution: Contribution, pages: dict[str, tuple[str, str]]) -> DataError:
    area = contribution.page.split("/")[0]
    near = sorted(p for p in pages if p.startswith(f"{area}/")) or sorted(pages)
    examples = ", ".join(f"{p}.md" for p in near[:4])
    return DataError("narrative-page", f"expected a file named after a page of the site (such as {examples}), found \"{contribution.file}\"", Place(contribution.source, None))


def build_partners(attributed: tuple[Attributed, ...]) -> PartnersPage | None:
    """Who contributed what, organisation by organisation (by name), newest contribution first; None without any."""
    if not attributed:
        return None
    by_name: dict[tuple[str, str], list[Attributed]] = {}
    for a in attributed:
        by_name.setdefault((a.contribution.organisation, a.contribution.role), []).append(a)
    partners = []
    for (organisation, role), found in sorted(by_name.items(), key=lambda item: (item[0][0].lower(), item[0][1])):
        ordered = tuple(sorted(found, key=lambda a: (-a.contribution.date.toordinal(), a.path, a.anchor)))
        partners.append(Partner(organisation, role, slugify(f"{organisation} {role}"), ordered))
    return PartnersPage(tuple(partners))
