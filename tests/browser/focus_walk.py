"""One keyboard walk, shared by the focus tests (test_focus.py) and bench/audit_site.py: press Tab
through a page and judge each stop as a sighted keyboard user sees it. No pytest here."""

from __future__ import annotations

MAX_STOPS = 150

# The focused element, judged once the theme's transitions have finished (they are jumped to their
# end): its box is on screen and not covered (some point of it is the topmost element there), nothing
# around it is hidden, inert or transparent, and it shows an outline or a box shadow.
JUDGE_FOCUS = """() => {
  document.getAnimations().forEach(a => { try { a.finish(); } catch (e) { /* infinite */ } });
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (!el.dataset.focusWalk) el.dataset.focusWalk = String(document.querySelectorAll("[data-focus-walk]").length + 1);
  const problems = [];
  const box = el.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) problems.push("no size");
  if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) problems.push("off screen");
  if (el.closest("[inert]")) problems.push("inside an inert element");
  if (el.closest("[hidden], [aria-hidden='true']")) problems.push("inside a hidden element");
  const style = getComputedStyle(el);
  if (style.visibility !== "visible") problems.push("visibility: " + style.visibility);
  for (let node = el; node; node = node.parentElement) {
    if (parseFloat(getComputedStyle(node).opacity) === 0) { problems.push("transparent (" + node.className + ")"); break; }
  }
  if (!problems.length) {
    const seen = [[.5, .5], [.2, .2], [.8, .2], [.2, .8], [.8, .8]].some(([fx, fy]) => {
      const x = box.left + box.width * fx, y = box.top + box.height * fy;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const top = document.elementFromPoint(x, y);
      return top && (top === el || el.contains(top) || top.contains(el));
    });
    if (!seen) {
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      problems.push("covered by " + (top ? top.tagName.toLowerCase() + "." + top.className : "nothing"));
    }
  }
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  if (!outline && !shadow) problems.push("no focus indicator");
  const name = (el.getAttribute("aria-label") || el.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 50);
  return {id: el.dataset.focusWalk, element: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : ""),
          name, inDrawer: !!el.closest(".md-sidebar--primary"), inSearch: !!el.closest(".md-search"), problems};
}"""


def focus(page) -> dict | None:
    """The focused element, judged (None when the focus is on the page itself)."""
    return page.evaluate(JUDGE_FOCUS)


def tab_through(page, max_stops: int = MAX_STOPS) -> list[dict]:
    """Press Tab until the focus leaves the page or comes back to where it started (at most ``max_stops``)."""
    stops: list[dict] = []
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        stop = focus(page)
        if stop is None or (stops and stop["id"] == stops[0]["id"]):
            break
        stops.append(stop)
    return stops
