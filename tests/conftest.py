"""Fixtures shared by the tests: the repository, ../shared, and a built demonstration site.

A full build (generator and MkDocs) takes seconds to tens of seconds, so the suite runs five, each
shared by every test that looks at that site, and started in the background when the session
starts (`building.Background`: one thread, a subprocess each, on the machine's other core). The
tests that look at them run last, in their usual order, so that the builds are made meanwhile:

- `demo_site` (here): the demonstration built twice, as the 2025 edition and as the current one;
- `demo_rebuilt` (tests/test_build.py): the current one built again, for the byte-identical check;
- `hostile` (tests/corpus/test_corpus.py): every safe case of the robustness corpus in one folder;
- `themed_site` (tests/test_themes.py): the demonstration with two themes.

Everything else runs `python -m generators generate` in-process (`building.run_in_process`), or
MkDocs alone on a small generated project (`published`, tests/test_publish.py, which is about MkDocs:
also made in the background).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from building import RECIPES, Background, in_background, run_build

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the expected files of tests/golden/<case>/ and tests/charts/golden/<kind>/ from this code (never in CI)")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files instead of comparing with them."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    """Third-party files beside the repository; absent in a user's fresh clone."""
    if not (SHARED / "fixtures").is_dir():
        pytest.skip("../shared/fixtures is not beside the repository (a fresh clone): real-data tests skipped")
    return SHARED


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that use a background build last (each group in its usual order)."""
    later = [item for item in items if RECIPES.keys() & set(getattr(item, "fixturenames", ()))]
    items[:] = [item for item in items if item not in later] + later


@pytest.fixture(scope="session", autouse=True)
def background(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Background]:
    """The shared builds the selected tests use, started now, in the order the tests first need them."""
    builds = Background(tmp_path_factory.mktemp)
    builds.start(name for item in request.session.items for name in getattr(item, "fixturenames", ()))
    yield builds
    builds.close()


@in_background("demo_site")
def build_demo(out: Path, _: Background) -> Path:
    """Two builds by the command line: the 2025 edition, then the current one carrying it; each with
    the demonstration's narrative and partners' contributions (docs/narrative), as `make build` has them."""
    shutil.copytree(REPO / "docs" / "narrative", out / "docs" / "narrative")
    earlier = out / "jsna-2025.yml"
    earlier.write_text((REPO / "jsna.yml").read_text().replace('edition: "2026"', 'edition: "2025"').replace("data/demo", str(REPO / "data/demo")))
    result = run_build("build", "--config", str(earlier), "--build", str(out / "build-2025"), "--site", str(out / "site-2025"))
    assert result.returncode == 0, result.stderr
    current = out / "jsna.yml"
    current.write_text(
        (REPO / "jsna.yml").read_text().replace("data/demo", str(REPO / "data/demo"))
        + f"previous_editions:\n  - name: '2025'\n    path: {out / 'site-2025'}\n"
    )
    result = run_build("build", "--config", str(current), "--build", str(out / "build"), "--site", str(out / "site"))
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture(scope="session")
def demo_site(background: Background) -> Path:
    """The demonstration site, built once for the whole test session, carrying an earlier
    edition (the same data built as the 2025 edition) under editions/2025/.

    Beside it: `jsna.yml`, the configuration it was built from (test_build.py builds it again)."""
    return background.result("demo_site")
