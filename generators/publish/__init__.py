"""Stage 8, publish: build/ into site/ with MkDocs. The only package that imports MkDocs.

`staging`: the incremental build (a staging folder kept between builds, only changed pages
rendered again); `plain`: a plain `mkdocs build --strict`, for `--clean`; `editions`: earlier
editions copied in. If MkDocs fails, site/ is left as it was."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generators.config import Config
from generators.publish.editions import add_previous_editions
from generators.publish.search_index import slim_search_index
from generators.publish.staging import ROOT, MkDocsFailed, build_and_publish, replace_site


class BuildFailed(Exception):
    """MkDocs refused the generated project; the previous site/ is left as it was."""


def publish_site(build: Path, site: Path, config: Config, say: Callable[[str], None], incremental: bool = True) -> None:
    """MkDocs into site/: incrementally through the staging folder, or (`incremental=False`) a plain
    clean `mkdocs build --strict`; then the earlier editions. site/ is left as it was if MkDocs fails."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def add_editions(folder: Path) -> None:
        add_previous_editions(folder, config.previous_editions, config.source)

    environment = build_environment(config.updated)
    try:
        how = build_and_publish(build / "mkdocs.yml", site, environment, add_editions) if incremental else plain_build(build, site, environment, add_editions)
    except MkDocsFailed as error:
        raise BuildFailed(f"mkdocs build failed; site/ was not changed:\n{error}") from None
    say(f"{'mkdocs':<8} {time.perf_counter() - started:6.2f} s ({how})")
    for warning in publishing_warnings(config):
        say(warning)


def publishing_warnings(config: Config) -> list[str]:
    """What the published site lacks because a setting is empty, said at the end of every build."""
    warnings = []
    if not config.site_url:
        warnings.append(
            "warning: site_url is not set, so sitemap.xml lists no pages, and the 404 page finds the site's folder from the address"
            " it is shown at (it assumes the server's root when the address has none of the site's folders in it): set site_url"
            " to the address the site is published at, e.g. https://jsna.example.gov.uk/ or https://example.github.io/jsna/"
        )
    if not config.contact.strip():
        warnings.append(
            "warning: contact is not set, so the accessibility statement and the About page tell readers to contact the council's"
            " public health team through the council's main website: set contact to the email address for questions and requests for another format"
        )
    return warnings


def plain_build(build: Path, site: Path, environment: dict[str, str], add_editions: Callable[[Path], object]) -> str:
    """`mkdocs build --strict` into a new folder beside site/, which then replaces it in one rename."""
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str((build / "mkdocs.yml").resolve()), "-d", str(fresh)]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise MkDocsFailed((result.stderr or result.stdout)[-4000:])
    slim_search_index(fresh)
    add_editions(fresh)
    replace_site(fresh, site)
    return "plain clean build"


def build_environment(updated: str) -> dict[str, str]:
    """Pin MkDocs' build date (sitemap) to the content date, so rebuilds are byte-identical."""
    environment = dict(os.environ)
    try:
        day = datetime.date.fromisoformat(updated) if updated else datetime.date(2000, 1, 1)
    except ValueError:
        day = datetime.date(2000, 1, 1)
    environment["SOURCE_DATE_EPOCH"] = str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp()))
    return environment


__all__ = ["BuildFailed", "MkDocsFailed", "build_environment", "publish_site", "publishing_warnings"]
