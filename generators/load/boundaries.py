"""Area boundaries for maps, read once at load: GeoJSON (codes in a named property) or HexJSON (odd-r).

GeoJSON rings are simplified (Douglas–Peucker), rounded and wound clockwise as d3-geo
expects; HexJSON hexes become small polygons drawn with an identity projection.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from generators.errors import DataError, Place


@dataclass(frozen=True)
class Shape:
    """One area's boundary: a GeoJSON geometry as compact JSON text."""

    code: str
    name: str
    geometry: str


@dataclass(frozen=True)
class Boundaries:
    """Area boundaries read by ``load_boundaries``; ``key`` is a content hash."""

    kind: Literal["geojson", "hexjson"]
    shapes: tuple[Shape, ...]
    key: str


TOLERANCE = 0.005  # degrees; a pixel of a 640 px map of England is about 0.0125
DIGITS = 3


def load_boundaries(path: Path, code_property: str = "", name_property: str = "") -> Boundaries:
    """Boundaries from a GeoJSON file (``code_property`` names the code) or a HexJSON file."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as err:
        raise DataError("bad-boundary-file", f"expected a GeoJSON or HexJSON file, could not read it: {err}", Place(str(path))) from None
    if isinstance(doc, dict) and isinstance(doc.get("hexes"), dict):
        shapes = _hexes(doc, path)
        kind = "hexjson"
    elif isinstance(doc, dict) and isinstance(doc.get("features"), list):
        shapes = _features(doc["features"], code_property, name_property or code_property.replace("CD", "NM"), path)
        kind = "geojson"
    else:
        raise DataError("bad-boundary-file", 'expected a GeoJSON FeatureCollection or a HexJSON file with "hexes"', Place(str(path)))
    shapes.sort(key=lambda s: s.code)
    key = hashlib.sha256(json.dumps([kind, [(s.code, s.name, s.geometry) for s in shapes]]).encode()).hexdigest()[:16]
    return Boundaries(kind=kind, shapes=tuple(shapes), key=key)  # type: ignore[arg-type]


def _hexes(doc: dict[str, Any], path: Path) -> list[Shape]:
    layout = doc.get("layout", "odd-r")
    if layout != "odd-r":
        raise DataError("bad-hex-layout", f'expected HexJSON layout "odd-r", found "{layout}"', Place(str(path)))
    shapes = []
    for code, hex_ in sorted(doc["hexes"].items()):
        q, r = int(hex_["q"]), int(hex_["r"])
        cx, cy = math.sqrt(3) * (q + 0.5 * (r & 1)), 1.5 * r
        ring = [[round(cx + math.cos(math.radians(90 + 60 * k)), 3), round(cy + math.sin(math.radians(90 + 60 * k)), 3)] for k in (0, 5, 4, 3, 2, 1, 0)]
        geometry = {"type": "Polygon", "coordinates": [ring]}
        shapes.append(Shape(code, str(hex_.get("n") or hex_.get("name") or code), _dump(geometry)))
    return shapes


def _features(features: list[dict[str, Any]], code_property: str, name_property: str, path: Path) -> list[Shape]:
    if not code_property:
        raise DataError("missing-code-property", "expected the name of the property holding area codes (code_property)", Place(str(path)))
    shapes = []
    for i, feature in enumerate(features):
        props = feature.get("properties") or {}
        if code_property not in props:
            raise DataError("missing-code-property", f'expected property "{code_property}" in feature {i + 1}, found {sorted(props)[:6]}', Place(str(path)))
        geometry = _simplify(feature.get("geometry") or {})
        if geometry:
            shapes.append(Shape(str(props[code_property]), str(props.get(name_property) or props[code_property]), _dump(geometry)))
    return shapes


def _dump(geometry: dict[str, Any]) -> str:
    return json.dumps(geometry, separators=(",", ":"))


def _simplify(geometry: dict[str, Any]) -> dict[str, Any] | None:
    polygons = {"Polygon": [geometry.get("coordinates")], "MultiPolygon": geometry.get("coordinates")}.get(geometry.get("type", ""))
    if not polygons:
        return None
    kept = []
    for polygon in polygons:
        rings = [_ring(r, clockwise=(j == 0)) for j, r in enumerate(polygon or [])]
        if rings and rings[0]:
            kept.append([r for r in rings if r])
    return {"type": "MultiPolygon", "coordinates": kept} if kept else None


def _ring(points: list[list[float]], clockwise: bool) -> list[list[float]] | None:
    pts = _douglas_peucker([(float(p[0]), float(p[1])) for p in points], TOLERANCE)
    ring = [[round(x, DIGITS), round(y, DIGITS)] for x, y in pts]
    if len(ring) < 4:
        return None
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring))
    return ring[::-1] if (area < 0) != clockwise else ring


def _douglas_peucker(pts: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(pts) < 5:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1e-12
        best, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if (dx or dy) else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if best > tol and index > 0:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(pts, keep, strict=False) if k]
