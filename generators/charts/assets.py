"""Front-end assets for the charts: charts.js, charts.css, the vega-embed bundle, and
the boundary files maps load. Written under one folder of the site (e.g. assets/charts/).

Pages include, in this order: ``vega-embed.js`` then ``charts.js`` (classic scripts),
and ``charts.css``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path

import vl_convert as vlc

from generators.charts.palette import THEME
from generators.charts.static import VL_CONVERT_VERSION
from generators.load.boundaries import Boundaries

HERE = Path(__file__).parent / "assets"


def asset_files(boundaries: Iterable[Boundaries] = (), cache_dir: Path | None = None) -> dict[str, bytes]:
    """Every asset by path relative to the assets folder."""
    js = (HERE / "charts.js").read_text(encoding="utf-8")
    files = {
        "charts.js": js.replace("__JSNA_THEME__", json.dumps(THEME, sort_keys=True)).encode(),
        "charts.css": (HERE / "charts.css").read_bytes(),
        "vega-embed.js": cached_vega_bundle(cache_dir).encode(),
    }
    files.update(geometry_file(b) for b in boundaries)
    return files


def write_assets(dest: Path, boundaries: Iterable[Boundaries] = ()) -> list[Path]:
    """Write the assets into ``dest`` (only files whose bytes changed); returns the paths."""
    written = []
    for name, data in sorted(asset_files(boundaries).items()):
        path = Path(dest) / name
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        written.append(path)
    return written


def cached_vega_bundle(cache_dir: Path | None) -> str:
    """The bundle, kept on disk between builds (making it costs about 4 s)."""
    if cache_dir is None:
        return vega_bundle()
    path = Path(cache_dir) / f"vega-embed-{VL_CONVERT_VERSION}.js"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    text = vega_bundle()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return text


@functools.cache
def vega_bundle() -> str:
    """vl-convert's vega-embed bundle, wrapped so a classic <script> gets window.vegaEmbed
    without leaking its top-level names into the page's global scope."""
    bundle = vlc.javascript_bundle()  # type: ignore[call-arg]  # the stub wrongly requires a snippet
    return f"/* vega-embed, vega-lite and vega, bundled by vl-convert {VL_CONVERT_VERSION} */\n(function(){{\n{bundle}\n}})();\n"


def geometry_file(boundaries: Boundaries) -> tuple[str, bytes]:
    """The boundaries as one GeoJSON file for the site: (name, bytes), name from the content hash."""
    features = ",".join(
        f'{{"type":"Feature","properties":{json.dumps({"c": s.code, "n": s.name}, ensure_ascii=False)},"geometry":{s.geometry}}}' for s in boundaries.shapes
    )
    return f"geo/{boundaries.key}.json", f'{{"type":"FeatureCollection","features":[{features}]}}'.encode()
