"""Earlier editions kept under editions/<name>/: copied into the finished site with a banner
pointing to the latest edition (a few lines of ours rather than a MkDocs plugin, so the site
also builds under Zensical; renamed pages are redirected by `render.redirects`)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from generators.errors import DataError, Place

BANNER = (
    '<div class="jsna-old-edition" role="note" style="background:#fff3cd;color:#1f2937;padding:0.6rem 1rem;'
    'border-bottom:2px solid #7c2d12;font-family:sans-serif">You are reading the {name} edition, kept so that links to it '
    'keep working. <a href="{latest}" style="color:#1d3a8a;text-decoration:underline">Read the latest edition</a>.</div>'
)


def add_previous_editions(site: Path, editions: tuple[tuple[str, Path], ...], source: str) -> int:
    """Copy each earlier edition's built site into site/editions/<name>/, with the banner. Returns pages copied."""
    copied = 0
    for name, path in editions:
        if not (path / "index.html").is_file():
            raise DataError("edition-missing", f"expected a built site (with index.html) for edition {name}, found none", Place(source, None, str(path)))
        target = site / "editions" / name
        shutil.copytree(path, target, ignore=shutil.ignore_patterns("editions"))
        for page in sorted(target.rglob("*.html")):
            page.write_text(_with_banner(page.read_text(encoding="utf-8"), name, _latest_link(target, page)), encoding="utf-8")
            copied += 1
    return copied


def _latest_link(edition_root: Path, page: Path) -> str:
    depth = len(page.relative_to(edition_root).parts) - 1 + 2
    relative = page.parent.relative_to(edition_root).as_posix()
    prefix = "../" * depth
    return prefix + ("" if relative == "." else relative + "/")


def _with_banner(text: str, name: str, latest: str) -> str:
    banner = BANNER.format(name=html.escape(name), latest=html.escape(latest, quote=True))
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, text, count=1)
