"""Editions and redirects: earlier editions kept under editions/<name>/, renamed pages redirected.

A few lines of ours rather than a MkDocs plugin, so the site also builds under Zensical:
redirect pages are static HTML files placed in the docs before the build; earlier editions
are copied into the finished site with a banner pointing to the latest edition.
"""

from __future__ import annotations

import html
import posixpath
import re
import shutil
from pathlib import Path

from generators.errors import DataError, Place

BANNER = (
    '<div class="jsna-old-edition" role="note" style="background:#fff3cd;color:#1f2937;padding:0.6rem 1rem;'
    'border-bottom:2px solid #7c2d12;font-family:sans-serif">You are reading the {name} edition, kept so that links to it '
    'keep working. <a href="{latest}" style="color:#1d3a8a;text-decoration:underline">Read the latest edition</a>.</div>'
)


def redirect_pages(redirects: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """A small HTML page at each old address that sends readers (and search engines) to the new one."""
    pages = {}
    for old, new in redirects:
        old_dir = _page_dir(old)
        target = posixpath.relpath(_page_dir(new) or ".", old_dir or ".") + "/"
        target = target.replace("./", "", 1) if target.startswith("./") else target
        pages[f"{old_dir}/index.html" if old_dir else "index.html"] = _redirect_html(target)
    return pages


def _page_dir(path: str) -> str:
    path = path.strip().lstrip("/")
    path = re.sub(r"(index)?\.(md|html)$", "", path)
    return path.rstrip("/")


def _redirect_html(target: str) -> str:
    url = html.escape(target, quote=True)
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>This page has moved</title>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={url}\"><link rel=\"canonical\" href=\"{url}\">\n"
        f"</head><body><p>This page has moved to <a href=\"{url}\">its new address</a>.</p></body></html>\n"
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
