"""Partners' own words: narrative files with front matter are shown attributed on their page, several to
a page, escaped, and listed on the Partners page; a bad front matter names its file and line."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from unit.unit_site import build_small_site

from generators.errors import DataError
from generators.load.partners import split_narrative
from generators.model.board import build_board
from generators.render import make_page
from generators.render.board import plain_markdown, with_contributions

HEALTHWATCH = """---
organisation: Healthwatch West Sussex
role: local Healthwatch
date: 2026-10-12
title: What people told us about care at home
---
People told us about *short visits*.
"""


def front(**fields: str) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\nSome words.\n"


def test_a_file_with_front_matter_is_a_contribution_and_one_without_is_the_teams_own() -> None:
    files = {"west-sussex/index.md": "### Our view\n", "west-sussex/care-and-support.healthwatch.md": HEALTHWATCH}
    narrative, contributions = split_narrative(files, Path("docs/narrative"))
    assert narrative == {"west-sussex/index.md": "### Our view\n"}
    [found] = contributions
    assert (found.page, found.organisation, found.role, found.date, found.title) == (
        "west-sussex/care-and-support", "Healthwatch West Sussex", "local Healthwatch", datetime.date(2026, 10, 12), "What people told us about care at home",
    )
    assert found.body == "People told us about *short visits*.\n"


@pytest.mark.parametrize(("text", "line", "code", "says"), [
    ("---\norganisation: Healthwatch\ndate: 2026-10-12\nSome words.\n", 1, "narrative-front-matter", 'end with a line "---"'),
    ("---\norganisation: [Healthwatch\ndate: 2026-10-12\n---\n", 3, "narrative-front-matter", "expected front matter as `field: value` lines"),
    (front(organisation="Healthwatch", date="2026-10-12", author="Sam"), 4, "narrative-field", 'expected only the fields organisation, role, date, title, found "author"'),
    (front(role="local Healthwatch", date="2026-10-12"), 1, "narrative-field", "expected a `organisation:` line in the front matter, found none"),
    (front(organisation="Healthwatch", role="local Healthwatch", date="12/10/2026"), 4, "narrative-date", 'expected a date written YYYY-MM-DD, e.g. 2026-10-12, found "12/10/2026"'),
    (front(organisation="Healthwatch", date="2026-02-30"), 3, "narrative-date", 'found "2026-02-30"'),
    ("No front matter at all.\n", 1, "narrative-front-matter", "a file named <page>.<who>.md is a partner's contribution"),
])
def test_a_bad_front_matter_names_the_file_the_line_what_was_expected_and_found(text: str, line: int, code: str, says: str) -> None:
    with pytest.raises(DataError) as raised:
        split_narrative({"west-sussex/care-and-support.healthwatch.md": text}, Path("docs/narrative"))
    message = str(raised.value)
    assert message.startswith(f"docs/narrative/west-sussex/care-and-support.healthwatch.md, line {line}")
    assert says in message and message.endswith(f"[{code}]")


def test_every_bad_file_is_named_in_one_run() -> None:
    files = {"a/index.x.md": "no front matter\n", "a/living-well.y.md": front(organisation="Y", date="soon")}
    with pytest.raises(DataError) as raised:
        split_narrative(files, Path("docs/narrative"))
    assert "a/index.x.md, line 1" in str(raised.value) and "a/living-well.y.md, line 3" in str(raised.value)


@pytest.fixture(scope="module")
def partnered(tmp_path_factory: pytest.TempPathFactory):
    """The small site with the team's narrative and two partners' contributions on Crawley's Living well page."""
    folder = tmp_path_factory.mktemp("partners")
    narrative = folder / "docs" / "narrative" / "crawley"
    narrative.mkdir(parents=True)
    (narrative / "living-well.md").write_text("### What the team says {#narrative}\n\nOur own words.\n", encoding="utf-8")
    (narrative / "living-well.icb.md").write_text(front(organisation="NHS Sussex ICB", role="integrated care board", date="2026-11-03"), encoding="utf-8")
    hostile = front(organisation="<b>Alliance</b> *of* [groups]", role="voluntary sector", date="2026-10-28", title="Our <i>view</i>")
    hostile = hostile.replace("Some words.", "<script>alert(1)</script> {: onclick=\"x\" } [click](javascript:alert(1)) & more\n\n> A quote stays a quote.")
    (narrative / "living-well.voluntary.md").write_text(hostile, encoding="utf-8")
    return build_small_site(folder)


def made_chapter(small) -> str:
    board = build_board(small.site, small.tidied.indicators, small.inputs.contributions)
    job = next(j for j in small.area_jobs if j.key == "areas/crawley/living-well/")
    merged = with_contributions(small.inputs.narrative, board.attributed)
    return make_page(dataclasses.replace(job, narrative=merged["crawley/living-well.md"]), small.shared).files["areas/crawley/living-well/index.md"].decode("utf-8")


def test_several_contributions_on_one_page_each_attributed_after_the_teams_words(partnered) -> None:
    text = made_chapter(partnered)
    team, healthwatch, icb, voluntary = (text.index(s) for s in ("Our own words.", "From Healthwatch West Sussex (local Healthwatch), 1 December 2025", "From NHS Sussex ICB (integrated care board), 3 November 2026", "voluntary sector), 28 October 2026"))
    assert team < healthwatch < icb < voluntary  # the team's own first, then by file name
    assert "## Partners’ views {#partners-views}" in text
    assert "### From NHS Sussex ICB {#from-nhs-sussex-icb}" in text  # no title: the organisation


def test_a_contributions_front_matter_and_body_are_escaped(partnered) -> None:
    text = made_chapter(partnered)
    assert "<b>" not in text and "<i>" not in text and "<script>" not in text
    assert "From &#60;b&#62;Alliance&#60;/b&#62; &#42;of&#42; &#91;groups&#93; (voluntary sector)" in text
    assert "### Our &#60;i&#62;view&#60;/i&#62; {#from-b-alliance-b-of-groups}" in text
    assert "&lt;script>alert(1)&lt;/script> &#123;: onclick=\"x\" &#125; [click] &amp; more" in text  # no tag can open without "<"
    assert "javascript:" not in text
    assert "> A quote stays a quote." in text  # Markdown itself still works


def test_plain_markdown_keeps_markdown_and_drops_html_and_script_links() -> None:
    assert plain_markdown("**Bold** and [a link](https://example.org)") == "**Bold** and [a link](https://example.org)"
    assert plain_markdown("[x](JavaScript:alert(1)) <img src=x onerror=y>") == "[x] &lt;img src=x onerror=y>"
    assert plain_markdown("[x]: data:text/html,hi\n") == "\n"


def test_the_partners_page_lists_who_contributed_what_with_links(partnered) -> None:
    board = build_board(partnered.site, partnered.tidied.indicators, partnered.inputs.contributions)
    text = make_page(next(j for j in partnered.site_jobs if j.kind == "partners"), partnered.shared).files["partners/index.md"].decode("utf-8")
    assert board.partners is not None and [p.organisation for p in board.partners.partners] == ["<b>Alliance</b> *of* [groups]", "Healthwatch West Sussex", "NHS Sussex ICB"]
    assert "## NHS Sussex ICB (integrated care board) {#nhs-sussex-icb-integrated-care-board}" in text
    assert "- [From NHS Sussex ICB](../areas/crawley/living-well/index.md#from-nhs-sussex-icb), on Living well in Crawley, 3 November 2026" in text
    assert "<b>" not in text


def test_a_contribution_for_a_page_the_site_does_not_have_names_its_file(partnered) -> None:
    stray = dataclasses.replace(partnered.inputs.contributions[0], file="crawly/living-well.x.md", source="docs/narrative/crawly/living-well.x.md", page="crawly/living-well")
    with pytest.raises(DataError) as raised:
        build_board(partnered.site, partnered.tidied.indicators, (stray,))
    assert str(raised.value).startswith("docs/narrative/crawly/living-well.x.md: expected a file named after a page of the site (such as ")
    assert raised.value.code == "narrative-page"
