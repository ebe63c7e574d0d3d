"""Redirect pages: a small static HTML page at each renamed page's old address (no MkDocs plugin)."""

from __future__ import annotations

import html
import posixpath
import re


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
