"""A small SVG writer for the static charts drawn in Python (trend, compare, spine).

Every text is XML-escaped; numbers are written with one decimal so output is stable.
"""

from __future__ import annotations

import hashlib
import math
from xml.sax.saxutils import escape, quoteattr

from generators.charts.palette import FONT, TEXT

ADVANCES = (
    (" !\"#$%&'()*+,-./", (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278)),
    ("0123456789:;<=>?@", (*(556,) * 10, 278, 278, 584, 584, 584, 556, 1015)),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611)),
    ("[\\]^_`", (278, 278, 278, 469, 556, 333)),
    ("abcdefghijklmnopqrstuvwxyz", (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500)),
    ("{|}~…⋯–—‘’“”·£€×", (334, 260, 334, 584, 1000, 1000, 556, 1000, 222, 222, 333, 333, 278, 556, 556, 584)),
)
ADVANCE = {c: w for chars, widths in ADVANCES for c, w in zip(chars, widths, strict=True)}
"""Each character's advance in the font stack's metrics (Arial's, which Roboto, Segoe UI and San Francisco
are close to), in thousandths of an em; any other character counts 600."""
WIDER = 1.15
"""DejaVu Sans, where the stack falls to on Linux, is about 15% wider than Arial: text is measured at its width, so it fits in every face."""


def n(x: float) -> str:
    """A coordinate: one decimal, no trailing '.0'."""
    text = f"{x + 0.0:.1f}".replace("-0.0", "0.0")
    return text[:-2] if text.endswith(".0") else text


_NAMES: dict[str, str] = {}


def tag(name: str, content: str = "", /, **attrs: str | float) -> str:
    """One element; attribute names use '_' for '-'; numbers become coordinates."""
    parts = [name]
    for key, value in attrs.items():
        attribute = _NAMES.get(key) or _NAMES.setdefault(key, key.rstrip("_").replace("_", "-"))
        shown = f'"{n(value)}"' if isinstance(value, (int, float)) else quoteattr(value)
        parts.append(f"{attribute}={shown}")
    head = " ".join(parts)
    return f"<{head}>{content}</{name}>" if content else f"<{head}/>"


def text(x: float, y: float, s: str, anchor: str = "start", **attrs: str | float) -> str:
    """A text label (escaped)."""
    return tag("text", escape(s), x=x, y=y, text_anchor=anchor, **attrs)


def text_width(s: str, size: float = 12) -> float:
    """The width of a label in pixels, from its characters' advances (in the widest face the fonts fall to)."""
    return sum(ADVANCE.get(c, 600) for c in s) * size * WIDER / 1000


def shorten(s: str, max_px: float, size: float = 12) -> str:
    """The label cut with an ellipsis to fit ``max_px`` (at least its first character kept)."""
    if text_width(s, size) <= max_px:
        return s
    cut = s[:-1]
    while len(cut) > 1 and text_width(cut.rstrip() + "…", size) > max_px:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def wrap(s: str, max_px: float, size: float = 12, lines: int = 3) -> list[str]:
    """The label broken at spaces into lines that fit ``max_px``; at most ``lines``, the last cut with an ellipsis."""
    out: list[str] = []
    for word in s.split():
        if out and text_width(f"{out[-1]} {word}", size) <= max_px:
            out[-1] += f" {word}"
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return [shorten(line, max_px, size) for line in out]


def marker(shape: str, x: float, y: float, colour: str, r: float = 5.5) -> str:
    """A verdict marker: the same shapes as the Vega-Lite specs."""
    stroke: dict[str, str | float] = {"stroke": "#FFFFFF", "stroke_width": 1}
    if shape == "circle":
        return tag("circle", cx=x, cy=y, r=r, fill=colour, **stroke)
    if shape == "square":
        return tag("rect", x=x - r * 0.85, y=y - r * 0.85, width=r * 1.7, height=r * 1.7, fill=colour, **stroke)
    if shape == "cross":
        w, a = r * 0.38, r
        d = (
            f"M{n(x - w)} {n(y - a)}h{n(2 * w)}v{n(a - w)}h{n(a - w)}v{n(2 * w)}h{n(w - a)}"
            f"v{n(a - w)}h{n(-2 * w)}v{n(w - a)}h{n(w - a)}v{n(-2 * w)}h{n(a - w)}z"
        )
        return tag("path", d=d, fill=colour, **stroke)
    pts = {
        "triangle-up": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        "triangle-down": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
        "diamond": [(0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)],
    }[shape]
    points = " ".join(f"{n(x + dx * r)},{n(y + dy * r)}" for dx, dy in pts)
    return tag("polygon", points=points, fill=colour, **stroke)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi]."""
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def fit_ticks(lo: float, hi: float, length: float, size: float = 12) -> list[float]:
    """Round ticks covering [lo, hi] whose labels, side by side along ``length`` px, do not touch."""
    for count in (5, 4, 3, 2, 1):
        ticks = nice_ticks(lo, hi, count)
        room = length / max(len(ticks) - 1, 1)
        if count == 1 or max(text_width(tick_label(t), size) for t in ticks) + 8 <= room:
            return ticks
    return ticks


def tick_label(t: float) -> str:
    """A tick value without needless decimals."""
    return f"{t:,.10g}" if abs(t) < 1e6 else f"{t:,.0f}"


def legend(items: list[tuple[str, str, str]], x: float, y: float, width: float) -> tuple[str, float]:
    """Legend entries (kind, colour, label) laid out in rows, a label too long for a row cut to fit; returns SVG and height."""
    out, cx, cy = [], x, y
    for kind, colour, whole in items:
        label = shorten(whole, width - 24)
        w = 22 + text_width(label) + 14
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 20
        out.append(legend_key(kind, colour, cx + 8, cy))
        out.append(text(cx + 20, cy + 4, label, fill=TEXT))
        cx += w
    return "".join(out), cy - y + 20


def legend_key(kind: str, colour: str, x: float, y: float) -> str:
    """One key: a line, a dashed line, a band, or a marker shape."""
    if kind == "line":
        return tag("line", x1=x - 8, y1=y, x2=x + 8, y2=y, stroke=colour, stroke_width=2.5)
    if kind == "dash":
        return tag("line", x1=x - 8, y1=y, x2=x + 8, y2=y, stroke=colour, stroke_width=2, stroke_dasharray="4 3")
    if kind == "band":
        return tag("rect", x=x - 8, y=y - 6, width=16, height=12, fill=colour, fill_opacity="0.25")
    if kind == "bar":
        return tag("rect", x=x - 8, y=y - 6, width=16, height=12, fill=colour)
    return marker(kind, x, y, colour)


def document(width: float, height: float, title: str, desc: str, body: str) -> str:
    """A complete, standalone SVG with <title> and <desc> and a content-derived id."""
    uid = "c" + hashlib.sha256(f"{title}\n{desc}\n{body}".encode()).hexdigest()[:10]
    head = tag(
        "svg",
        "",
        xmlns="http://www.w3.org/2000/svg",
        width=width,
        height=height,
        viewBox=f"0 0 {n(width)} {n(height)}",
        role="img",
        aria_labelledby=f"{uid}-t {uid}-d",
        font_family=FONT,
        font_size="12",
        fill=TEXT,
    )[:-2]
    return (
        f"{head}>{tag('title', escape(title), id=f'{uid}-t')}{tag('desc', escape(desc), id=f'{uid}-d')}"
        f"{tag('rect', width=width, height=height, fill='#FFFFFF')}{body}</svg>"
    )
