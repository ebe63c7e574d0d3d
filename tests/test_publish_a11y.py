"""What a published JSNA says about itself and how it is found: the accessibility statement (the GOV.UK
model, the configured contact or, without one, a way to ask all the same), a sitemap and a working
404 page whenever site_url is set, and a warning in the build when site_url or contact is not.

One small JSNA (the demonstration cut to one area and one export) is built in the background with
site_url under a sub-path and no contact; the demonstration site (contact set, no site_url) is the other case.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from building import Background, in_background, run_build

from generators.config import load_config
from generators.publish import publishing_warnings
from generators.write.project import NO_CONTACT, contact_phrase, fill_in

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://jsna.example.org/jsna/"


@dataclasses.dataclass(frozen=True)
class Built:
    site: Path
    printed: str


@in_background("sub_path_build")
def build_small_jsna_under_a_sub_path(root: Path, _: Background) -> Built:
    """Adur alone from one export, with site_url under /jsna/ and no contact."""
    data = Path(shutil.copytree(REPO / "data/demo", root / "demo"))
    for export in (data / "fingertips").glob("*.csv"):
        if export.name != "living-well.csv":
            export.unlink()
    text = (REPO / "jsna.yml").read_text().replace("data/demo", str(data))
    text = re.sub(r"^areas:\n(?:  - .*\n)+", "areas:\n  - E07000223   # Adur\n", text, flags=re.M)
    text = re.sub(r"^contact: .*\n", "", text, flags=re.M) + f"site_url: {SITE_URL}\n"
    (root / "jsna.yml").write_text(text)
    result = run_build("build", "--config", str(root / "jsna.yml"), "--build", str(root / "build"), "--site", str(root / "site"))
    assert result.returncode == 0, result.stderr
    return Built(root / "site", result.stderr)


@pytest.fixture(scope="module")
def sub_path_build(background: Background) -> Built:
    return background.result("sub_path_build")


@pytest.fixture(scope="module")
def demo_config():
    return load_config(REPO / "jsna.yml")


def test_the_build_warns_when_site_url_or_contact_is_not_set(demo_config) -> None:
    neither = publishing_warnings(dataclasses.replace(demo_config, site_url="", contact=""))
    assert len(neither) == 2
    assert "site_url is not set" in neither[0] and "sitemap.xml" in neither[0] and "404 page" in neither[0]
    assert "contact is not set" in neither[1] and "accessibility statement" in neither[1]
    assert publishing_warnings(dataclasses.replace(demo_config, site_url="https://jsna.example.org/", contact="jsna@example.org")) == []


def test_the_contact_is_written_into_the_sites_own_pages(demo_config) -> None:
    page = b"If you need another format, {{ contact }}. Run by {{ organisation }}.\n"
    with_contact = dataclasses.replace(demo_config, contact="public.health@example.gov.uk", organisation="Example Council")
    assert fill_in("docs/accessibility.md", page, with_contact) == (
        b'If you need another format, email <a href="mailto:public.health@example.gov.uk">public.health@example.gov.uk</a>. Run by Example Council.\n'
    )
    without = dataclasses.replace(demo_config, contact="", organisation="")
    assert fill_in("docs/accessibility.md", page, without) == f"If you need another format, {NO_CONTACT}. Run by the council.\n".encode()
    assert fill_in("overrides/main.html", page, with_contact) == page  # templates are left alone
    assert contact_phrase("https://example.gov.uk/contact-public-health") == 'use <a href="https://example.gov.uk/contact-public-health">https://example.gov.uk/contact-public-health</a>'
    assert contact_phrase("<script>") == "contact &lt;script&gt;"


STATEMENT_SECTIONS = ["how-accessible", "feedback", "reporting", "enforcement", "technical", "compliance-status", "non-accessible", "non-compliance", "disproportionate-burden", "out-of-scope", "improving", "preparation"]


def statement_text(site: Path) -> str:
    html = (site / "accessibility/index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner'):html.index("</article>")]
    return re.sub(r"<!--.*?-->", "", article, flags=re.S)


def test_the_accessibility_statement_follows_the_gov_uk_model(demo_site: Path) -> None:
    text = statement_text(demo_site)
    for section in STATEMENT_SECTIONS:
        assert f'id="{section}"' in text, f"the statement has no {section} section"
    assert "partially compliant" in text and "fully compliant" not in text
    assert "Equality Advisory and Support Service" in text and "Equality and Human Rights Commission" in text
    assert text.count('href="mailto:jsna@example.org"') >= 2, "the configured contact is how to ask for another format and report a problem"
    assert "{{" not in text and "}}" not in text
    assert "Maps." in text and "Interactive charts." in text and "Earlier editions." in text
    assert "run by West Sussex County Council (demonstration)" in text


def test_without_a_contact_the_statement_still_says_how_to_ask(sub_path_build: Built) -> None:
    text = statement_text(sub_path_build.site)
    assert "mailto:" not in text
    assert f"braille or a spreadsheet, {NO_CONTACT}." in text.replace("\u2019", "'").replace("&#39;", "'")
    assert "contact is not set" in sub_path_build.printed


def test_a_sitemap_lists_every_page_when_site_url_is_set(sub_path_build: Built) -> None:
    site = sub_path_build.site
    listed = set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    pages = {SITE_URL + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html") if "editions" not in p.parts}
    pages = {p.replace("/./", "/") for p in pages}
    assert pages and pages <= listed, f"pages missing from sitemap.xml: {sorted(pages - listed)[:5]}"
    assert "site_url is not set" not in sub_path_build.printed


def test_the_404_page_uses_site_urls_path_when_site_url_is_set(sub_path_build: Built) -> None:
    html = (sub_path_build.site / "404.html").read_text(encoding="utf-8")
    assert 'href="/jsna/assets/jsna.css"' in html
    assert 'href="/jsna/areas/"' in html
    assert "<base" not in html and "createElement(\"base\")" not in html, "with site_url set, the 404 page needs no script to find the site"
    assert re.search(r'<meta name="description" content="[^"]+">', html)


def test_the_404_page_finds_the_site_itself_when_site_url_is_not_set(demo_site: Path) -> None:
    html = (demo_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/assets/' not in html, "root-absolute asset paths break when the site is published under a sub-path"
    assert 'href="assets/jsna.css"' in html
    assert html.index('createElement("base")') < html.index('rel="stylesheet"'), "the base must be set before the styles load"
