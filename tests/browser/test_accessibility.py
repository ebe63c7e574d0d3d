"""axe-core (from npm, injected into each page) finds no WCAG 2.2 A or AA violations.

Each page's result (rules checked, violations) goes to test-output/axe-results.json.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.output import record_axe
from browser.pages import AUDITED, PAGES

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}})
  .then(r => ({
    version: r.testEngine.version,
    counts: {passes: r.passes.length, violations: r.violations.length,
             incomplete: r.incomplete.length, inapplicable: r.inapplicable.length},
    incomplete: r.incomplete.map(v => ({id: v.id, help: v.help, nodes: v.nodes.length,
      reasons: [...new Set(v.nodes.flatMap(n => n.any.concat(n.all, n.none).map(c => c.message)))].slice(0, 5)})),
    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200), summary: n.failureSummary}))}))
  }))"""


def summarise(name: str, result: dict) -> dict:
    counts = result["counts"]
    return {
        "page": name,
        "path": PAGES[name],
        "axe_version": result["version"],
        "tags": TAGS,
        "rules_checked": sum(counts.values()),
        **counts,
        "incomplete_rules": result["incomplete"],  # axe could not decide: for a person to review
        "violation_rules": [v["id"] for v in result["violations"]],
        "violation_details": result["violations"],
    }


@pytest.mark.parametrize("name", AUDITED)
def test_page_has_no_wcag_violations(axe_script: Path, site, name: str) -> None:
    page = site.open(PAGES[name], wait_until="networkidle")
    page.add_script_tag(path=str(axe_script))
    summary = summarise(name, page.evaluate(RUN_AXE, TAGS))
    record_axe(summary, order=AUDITED)
    assert summary["rules_checked"] > 0
    problems = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in summary["violation_details"]]
    assert not problems, f"{PAGES[name]}: " + "; ".join(problems)
