"""How far a static SVG's text reaches past its own viewBox, from the generator's width estimates.

Text is placed by its x and y and every translate() of it and its ancestors (our SVGs and
vl-convert's); its width is `svg.text_width` (bold 10% wider); rotated text is measured along
its height only. Used by the chart tests and the browser test of the site's static images.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generators.charts import svg

NS = "{http://www.w3.org/2000/svg}"
ANCHOR = {"start": 0.0, "middle": 0.5, "end": 1.0}


def text_overflow(text: str) -> list[tuple[str, float]]:
    """Each text that reaches past the viewBox, with by how many px (worst side), largest first."""
    root = ET.fromstring(text)
    width, height = _box(root)
    found: list[tuple[str, float]] = []
    for label, left, right, top, bottom in _texts(root, 0.0, 0.0, float(_size(root.get("font-size")) or 12.0), False):
        over = max(-left, right - width, -top, bottom - height, 0.0)
        if over > 0.5:
            found.append((label, round(over, 1)))
    return sorted(found, key=lambda item: -item[1])


def _box(root: ET.Element) -> tuple[float, float]:
    view = root.get("viewBox")
    if view:
        _, _, w, h = (float(v) for v in re.split(r"[\s,]+", view.strip()))
        return w, h
    return float(_size(root.get("width"))), float(_size(root.get("height")))


def _size(value: str | None) -> float:
    return float(value.removesuffix("px")) if value else 0.0


def _texts(node: ET.Element, x0: float, y0: float, size: float, turned: bool):
    dx, dy, rotated = _transform(node.get("transform", ""))
    x0, y0, turned = x0 + dx, y0 + dy, turned or rotated
    size = _size(node.get("font-size")) or size
    if node.tag == f"{NS}text":
        label = "".join(node.itertext()).strip()
        if label:
            x, y = x0 + float(node.get("x", 0)), y0 + float(node.get("y", 0))
            w = svg.text_width(label, size) * (1.1 if node.get("font-weight") in ("bold", "700") else 1.0)
            if turned:
                yield label, 0.0, 0.0, y - w / 2, y + w / 2
            else:
                left = x - w * ANCHOR.get(node.get("text-anchor", "start"), 0.0)
                yield label, left, left + w, y - size * 0.8, y + size * 0.25
        return
    for child in node:
        yield from _texts(child, x0, y0, size, turned)


def _transform(value: str) -> tuple[float, float, bool]:
    dx = dy = 0.0
    for x, y in re.findall(r"translate\(\s*([-0-9.e]+)[\s,]*([-0-9.e]*)\s*\)", value):
        dx, dy = dx + float(x), dy + float(y or 0)
    return dx, dy, bool(re.search(r"rotate\(\s*-?(90|270)\b", value))
