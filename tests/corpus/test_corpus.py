"""The robustness corpus: every malformed or hostile export gives a clear error or a safe site.

`manifest.yml` (written by `make_cases.py`) says what each file of `cases/` must give.
Error cases run the command line's `main` in this process (no MkDocs is reached, so
each takes milliseconds; an exception escaping `main` is the traceback a user would see);
one also runs as a real subprocess (exit code 1, no traceback). The safe cases are built
together, as one folder of exports, by one full build (`python -m generators build`, started
when the session starts: tests/building.py), and each is then checked in that site.
"""

from __future__ import annotations

import concurrent.futures
import csv
import functools
import io
import json
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from building import Background, differences, in_background, run_build, run_in_process

from generators.cli import main

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "manifest.yml").read_text(encoding="utf-8"))["cases"]
ERRORS = [c for c in CASES if c["expect"] == "error"]
SAFE = [c for c in CASES if c["expect"] == "safe"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def ids(cases: list[dict]) -> list[str]:
    return [c["file"].removesuffix(".csv") for c in cases]


def test_the_corpus_is_big_and_matches_its_generator(tmp_path: Path) -> None:
    sys.path.insert(0, str(HERE))
    try:
        from make_cases import write_corpus
    finally:
        sys.path.remove(str(HERE))
    write_corpus(tmp_path)
    assert (tmp_path / "manifest.yml").read_bytes() == (HERE / "manifest.yml").read_bytes(), "run python tests/corpus/make_cases.py"
    for case in CASES:
        assert (tmp_path / "cases" / case["file"]).read_bytes() == (HERE / "cases" / case["file"]).read_bytes(), case["file"]
    assert len(CASES) >= 50 and len(ERRORS) >= 20 and len(SAFE) >= 20
    assert sorted(p.name for p in (HERE / "cases").iterdir()) == sorted(c["file"] for c in CASES)


# ---- error cases ----


def build_in_process(data: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["build", "--data", str(data), "--build", str(out / "build"), "--site", str(out / "site")])
    return code, capsys.readouterr().err


def check_error_message(case: dict, status: int, stderr: str, data: Path) -> None:
    assert status == 1, stderr
    assert "Traceback" not in stderr
    message = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert message, stderr
    assert str(data) in message[0], stderr
    assert re.search(rf"\bline {case['line']}\b", message[0]), stderr
    assert message[0].rstrip().endswith(f"[{case['code']}]"), stderr
    if case.get("column"):
        assert f'column "{case["column"]}"' in message[0], stderr


@pytest.mark.parametrize("case", ERRORS, ids=ids(ERRORS))
def test_error_case_stops_with_file_line_and_code(case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "exports" / case["file"]
    data.parent.mkdir()
    shutil.copyfile(HERE / "cases" / case["file"], data)
    status, stderr = build_in_process(data, tmp_path, capsys)
    check_error_message(case, status, stderr, data)
    assert not (tmp_path / "site").exists()


SUBPROCESS_ERRORS = [c for c in ERRORS if c["file"] == "utf-16-no-bom.csv"]  # NUL bytes: the message reaches a real stderr intact


@pytest.mark.parametrize("case", SUBPROCESS_ERRORS, ids=ids(SUBPROCESS_ERRORS))
def test_error_case_as_a_user_runs_it(case: dict, tmp_path: Path) -> None:
    data = tmp_path / case["file"]
    shutil.copyfile(HERE / "cases" / case["file"], data)
    result = run_build("build", "--data", str(data), "--build", str(tmp_path / "b"), "--site", str(tmp_path / "s"))
    check_error_message(case, result.returncode, result.stderr, data)


# ---- safe cases, built together ----


class PageScan(HTMLParser):
    """The text a reader sees on one page, and anything in it that could run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.findings: list[str] = []
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = f"line {self.getpos()[0]}: <{tag} {attrs}"[:300]
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert" in value:
                self.findings.append(f"event handler from the data, {where}")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and re.sub(r"[\s\x00-\x1f]", "", value).startswith("javascript:"):
                self.findings.append(f"javascript: address, {where}")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.findings.append(f"image from the data, {where}")
        self.script = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.script = False

    def handle_data(self, data: str) -> None:
        if self.script and "alert(" in data:
            self.findings.append(f"script from the data, line {self.getpos()[0]}: {data[:200]}")
        elif not self.script:
            self.text.append(data)


@dataclass
class Built:
    data: Path
    build: Path
    site: Path
    stderr: str
    status: int
    texts: dict[str, str] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)

    @cached_property
    def report(self) -> dict:
        return json.loads((self.site / "build-report.json").read_text(encoding="utf-8"))

    @cached_property
    def all_text(self) -> str:
        return "\n".join(self.texts.values())

    @cached_property
    def download_cells(self) -> list[tuple[str, str]]:
        cells = []
        for path in sorted(self.site.rglob("*.csv")):
            for record in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")):
                cells.extend((str(path.relative_to(self.site)), cell) for cell in record)
        return cells

    def scan(self) -> None:
        for page in sorted(self.site.rglob("*.html")):
            scan = PageScan()
            source = page.read_text(encoding="utf-8")
            scan.feed(source)
            self.texts[str(page.relative_to(self.site))] = re.sub(r"\s+", " ", "".join(scan.text))
            self.findings += [f"{page.relative_to(self.site)}: {f}" for f in scan.findings]
            if re.search(r"<script[^>]*>\s*alert", source, re.IGNORECASE):
                self.findings.append(f"{page.relative_to(self.site)}: <script>alert")


@in_background("hostile")
def build_hostile(out: Path, _: Background) -> Built:
    """Every safe case in one folder, built by the command line (MkDocs included: its HTML is what is
    scanned), run where the folder is: the build report names each file `hostile/<case>`."""
    data = out / "hostile"
    data.mkdir(parents=True)
    for case in SAFE:
        shutil.copyfile(HERE / "cases" / case["file"], data / case["file"])
    result = run_build("build", "--data", "hostile", "--build", "build", "--site", "site", cwd=out)
    return Built(data, out / "build", out / "site", result.stderr, result.returncode)


@pytest.fixture(scope="module")
def hostile(background: Background) -> Built:
    """The safe cases' build, its pages scanned."""
    built = background.result("hostile")
    if built.status == 0 and not built.texts:
        built.scan()
    return built


def check_built(built: Built) -> None:
    assert built.status == 0, built.stderr
    assert "Traceback" not in built.stderr


def test_the_hostile_folder_builds_and_accounts_for_every_row(hostile: Built) -> None:
    check_built(hostile)
    rows = hostile.report["rows"]
    assert rows["used"] + rows["no_data"] + rows["suppressed"] + rows["rejected"] == rows["read"]
    assert rows["read"] == sum(c["rows"] for c in SAFE)


def test_no_page_runs_anything_from_the_data(hostile: Built) -> None:
    check_built(hostile)
    assert hostile.findings == []


def test_downloads_never_start_a_formula(hostile: Built) -> None:
    check_built(hostile)
    unsafe = [(f, cell) for f, cell in hostile.download_cells if cell.startswith(FORMULA_START) and not is_number(cell)]
    assert unsafe == []
    assert any(f.startswith("downloads/") for f, _ in hostile.download_cells)


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("case", SAFE, ids=ids(SAFE))
def test_safe_case(case: dict, hostile: Built) -> None:
    check_built(hostile)
    path = f"hostile/{case['file']}"  # as the build report names it
    files = {f["file"]: f["rows"] for f in hostile.report["files"]}
    assert files[path] == case["rows"], "every data row of the file is read"
    if "rejected" in case:
        rejected = [r for r in hostile.report["set_aside"] if r["file"] == path and r["status"] == "rejected"]
        assert sum(r["rows"] for r in rejected) == case["rejected"], rejected
    for text in case.get("literal", []):
        pages = [page for page, shown in hostile.texts.items() if text in shown]
        assert pages, f"{text!r} is not shown as text on any page"
        if text.startswith(FORMULA_START):
            cells = {cell for f, cell in hostile.download_cells if f == "downloads/jsna-data.csv"}
            assert "'" + text in cells and text not in cells
    for text in case.get("absent", []):
        assert text not in hostile.all_text
    findings = [f for f in hostile.findings if any(marker in f for marker in _markers(case))]
    assert findings == []


def _markers(case: dict) -> list[str]:
    return [text.rsplit(" ", 1)[-1] for text in case.get("literal", [])]


def test_two_builds_of_the_hostile_folder_are_byte_identical(hostile: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The MkDocs project generated again (in-process) from the same folder: the same bytes."""
    check_built(hostile)
    monkeypatch.chdir(hostile.data.parent)  # as the first build ran
    status, stderr = run_in_process("generate", "--data", "hostile", "--build", str(tmp_path / "build"))
    assert status == 0, stderr
    assert len(list((tmp_path / "build" / "docs").rglob("*.md"))) > 100  # a whole project, not two empty folders
    assert differences(hostile.build, tmp_path / "build") == []


# ---- output safety ----


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    data = tmp_path / "exports"
    data.mkdir()
    shutil.copyfile(HERE / "cases/extra-columns.csv", data / "smoking.csv")
    out = ("--build", str(tmp_path / "build"), "--site", str(tmp_path / "site"))
    status, stderr = run_in_process("build", "--data", str(data), *out)  # a small site: one export of three rows
    assert status == 0, stderr
    before = snapshot(tmp_path / "site")
    assert "index.html" in before
    for bad in ("truncated-mid-row.csv", "conflicting-duplicate.csv", "area-code-path.csv"):
        shutil.copyfile(HERE / "cases" / bad, data / "smoking.csv")
        status, stderr = run_in_process("build", "--data", str(data), *out)
        assert status == 1 and any(line.startswith("error: ") for line in stderr.splitlines()), stderr
        assert snapshot(tmp_path / "site") == before, f"{bad} changed the published site"
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [".site.mkdocs", "build", "exports", "site"], "no temporary folders are left behind (.site.mkdocs is MkDocs' own output, kept for incremental builds)"


# ---- a million rows ----


def write_million_rows(path: Path, total: int = 1_000_000) -> int:
    """15 rows used (3 areas, 5 years), the rest repeats of a row of another year (set aside as duplicates, each accounted for)."""
    sys.path.insert(0, str(HERE))
    try:
        from make_cases import HEADER, row
    finally:
        sys.path.remove(str(HERE))
    areas = (("E92000001", ""), ("E12000008", "E92000001"), ("E10000032", "E12000008"))
    used = [row("95001", Area_Code=code, Parent_Code=parent, Time_period=str(year), Time_period_Sortable=f"{year}0000") for year in range(2015, 2020) for code, parent in areas]
    lines = io.StringIO()
    csv.writer(lines, lineterminator="\n").writerow(row("95001", Area_Code="E10000032", Parent_Code="E12000008", Time_period="2020", Time_period_Sortable="20200000"))
    repeated = lines.getvalue()  # one row more, then a million repeats of it
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(used)
        for start in range(0, total - len(used), 100_000):  # as csv.writer would write them, a hundred times faster
            file.write(repeated * (min(start + 100_000, total - len(used)) - start))
    return len(used) + 1


@pytest.mark.slow
def test_a_million_rows_build_and_every_row_is_accounted_for(tmp_path: Path) -> None:
    data = tmp_path / "big" / "everything.csv"
    data.parent.mkdir()
    used = write_million_rows(data)
    result = run_build("generate", "--data", "big", "--build", "build", cwd=tmp_path)  # its own process: gigabytes (its speed: bench/bench_stats.py)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "build/docs/build-report.json").read_text(encoding="utf-8"))
    rows = report["rows"]
    assert rows["read"] == 1_000_000 and report["files"] == [{"file": "big/everything.csv", "rows": 1_000_000}]
    assert rows["used"] == used and rows["rejected"] == 1_000_000 - used
    assert rows["used"] + rows["no_data"] + rows["suppressed"] + rows["rejected"] == rows["read"]


# ---- in a real browser: nothing from the data runs ----

CHROMIUM = Path("/usr/bin/chromium")
TRAP = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) { window[name] = (...args) => window.__ran.push(name + ":" + args.join(",")); }
"""


def chromium_or_skip() -> object:
    reason = ""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "the playwright Python package is not installed"
    if not reason and not os.access(CHROMIUM, os.X_OK):
        reason = f"{CHROMIUM} not found: apt-get install chromium"
    if reason:
        if os.environ.get("JSNA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason} (JSNA_REQUIRE_BROWSER=1)", pytrace=False)
        pytest.skip(reason)
    return sync_playwright


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def injection_pages(built: Built) -> list[str]:
    """For each injection case, the first few pages that show its text."""
    markers = [m for c in SAFE if c["file"].startswith("hostile-") for m in _markers(c)]
    chosen: list[str] = []
    for marker in markers:
        chosen += [page for page, text in sorted(built.texts.items()) if marker in text and page not in chosen][:2]
    return chosen


@pytest.mark.browser
def test_no_script_from_the_data_runs_in_a_browser(hostile: Built) -> None:
    sync_playwright = chromium_or_skip()
    check_built(hostile)
    pages = injection_pages(hostile)
    assert len(pages) >= 20
    ran: dict[str, list[str]] = {}

    def visit() -> None:
        with served(hostile.site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"], headless=True)
            context = browser.new_context()
            context.add_init_script(TRAP)
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
            tab = context.new_page()
            tab.on("dialog", lambda dialog: (ran.setdefault(tab.url, []).append("dialog: " + dialog.message), dialog.dismiss()))
            for page in pages:
                tab.goto(f"{base}/{page}", wait_until="load")
                tab.evaluate("""() => { for (const e of document.querySelectorAll('body *')) {
                    for (const type of ['mouseover', 'mouseenter', 'focus']) e.dispatchEvent(new Event(type, {bubbles: true})); } }""")
                tab.wait_for_timeout(50)
                found = tab.evaluate("() => window.__ran")
                if found:
                    ran[page] = found
            browser.close()

    # Its own thread: the browser tests' session-wide Playwright owns this thread's event loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(visit).result()
    assert ran == {}
