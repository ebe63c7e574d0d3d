"""Static SVG renders by vl-convert (pyramid and map), cached on disk by spec hash.

vl-convert takes about 60 ms a chart or more, so a render is reused whenever the same
spec (with the same theme and vl-convert version) was rendered before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vl_convert as vlc

from generators.charts.palette import THEME

STATIC_WIDTH = 640
FIT = {"type": "fit-x", "contains": "padding"}
"""A spec's autosize for a chart whose whole width (axes, key, padding) is the width asked for: a phone's."""
VL_CONVERT_VERSION = str(getattr(vlc, "__version__", ""))


def render_static(spec: dict[str, Any], cache_dir: Path | None, inline: Callable[[], dict[str, Any]] | None = None, width: float = STATIC_WIDTH) -> str:
    """The SVG of a Vega-Lite spec, ``width`` px wide, from ``cache_dir`` when it was rendered before.

    ``inline()`` gives data replacing the spec's for rendering only (a map's boundaries, which
    the spec names by a content-hashed URL, so the key stays cheap to compute).
    """
    fixed = {**spec, "width": width}
    text = json.dumps(fixed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    key = hashlib.sha256(f"{VL_CONVERT_VERSION}\n{json.dumps(THEME, sort_keys=True)}\n{text}".encode()).hexdigest()
    path = cache_dir / key[:2] / f"{key}.svg" if cache_dir else None
    if path and path.exists():
        return path.read_text(encoding="utf-8")
    svg = vlc.vegalite_to_svg({**fixed, "data": inline()} if inline else fixed, config=THEME)
    if path:
        _write_atomic(path, svg)
    return svg


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def add_title_desc(svg: str, title: str, desc: str) -> str:
    """Put <title> and <desc> (escaped) first inside the root <svg> element."""
    from xml.sax.saxutils import escape

    start = svg.index(">", svg.index("<svg")) + 1
    head = svg[:start]
    if 'role="' not in head:
        head = head[:-1] + ' role="img">'
    return f"{head}<title>{escape(title)}</title><desc>{escape(desc)}</desc>{svg[start:]}"
