"""Measure an England-scale build: every stage, MkDocs, the bare-MkDocs floor, a one-CSV rebuild, Zensical.

    make bench                                   # full scale: 153 upper-tier areas and their districts, 150 indicators
    .venv/bin/python bench/bench_build.py --quick  # 20 upper-tier areas x 20 indicators
    .venv/bin/python bench/bench_build.py --areas 60 --indicators 50 [--no-zensical]

Prints one progress line per step, then one table (stage | seconds | peak MB | notes) and the
targets of issue 6 with pass or fail; writes the same as JSON to .cache/bench/results.json.
Every build runs in a subprocess: peak memory is that process tree's maximum resident set
(`wait4` rusage), and the generator's own peak is its RUSAGE_SELF, MkDocs' its RUSAGE_CHILDREN.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import england  # noqa: E402
from generators.demo import write_csv  # noqa: E402

CACHE = ROOT / ".cache" / "bench"
ZENSICAL_VERSION = "0.0.73"
ZENSICAL_VENV = ROOT / ".bench-venv" / "zensical"
STAGE_LINE = re.compile(r"^([a-z][\w -]*?)\s+(\d+\.\d+) s(?:\s+\(.*\))?$")
DONE_LINE = re.compile(r"^done in [\d.]+ s: (\d+) files \((\d+) changed\)")


@dataclass
class Row:
    stage: str
    seconds: float | None
    peak_mb: float | None = None
    notes: str = ""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float
    returncode: int
    lines: list[str] = field(default_factory=list)
    peaks: dict[str, float] = field(default_factory=dict)


def say(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", flush=True)


def run(command: list[str], log: Path, cwd: Path = ROOT, echo: bool = False) -> Run:
    """Run `command`, streaming its stderr (echoed as progress if asked); time, CPU and peak memory of its process tree."""
    log.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE, text=True)
        sampler = MemorySampler(process.pid)
        sampler.start()
        lines = []
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line.rstrip("\n"))
            out.write(line)
            if echo and STAGE_LINE.match(lines[-1]):
                print(f"    {lines[-1]}", flush=True)
        sampler.stop()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return Run(seconds, sampler.tree_peak / 1024, usage.ru_utime + usage.ru_stime, process.returncode, lines, sampler.peaks())


class MemorySampler(threading.Thread):
    """Every 0.2 s, the high-water resident set (VmHWM) of each process in a tree and the tree's total resident set.

    rusage maxrss is not used for children: a forked child counts its parent's pages until it execs,
    so MkDocs started by a 400 MB generator would report at least 400 MB."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.tree_peak, self.hwm, self.commands = root, 0, {}, {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.sample()

    def stop(self) -> None:
        self.sample()  # the process may already be a zombie; whatever /proc still shows
        self.done.set()
        self.join()

    def sample(self) -> None:
        total = 0
        for pid in _tree(self.root):
            status = _status(pid)
            if "VmHWM" in status:
                self.hwm[pid] = max(self.hwm.get(pid, 0), status["VmHWM"])
                self.commands.setdefault(pid, _command(pid))
                total += status.get("VmRSS", 0)
        self.tree_peak = max(self.tree_peak, total)

    def peaks(self) -> dict[str, float]:
        """Peak MB of the root process and of the largest process whose command line names mkdocs or zensical."""
        found = {"root": self.hwm.get(self.root, 0) / 1024}
        for pid, kb in self.hwm.items():
            for name in ("mkdocs", "zensical"):
                if pid != self.root and name in self.commands.get(pid, ""):
                    found[name] = max(found.get(name, 0), kb / 1024)
        return found


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _status(pid: int) -> dict[str, int]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {k: int(v.split()[0]) for k, _, v in (line.partition(":") for line in lines) if k in ("VmHWM", "VmRSS")}


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def require(result: Run, what: str, log: Path) -> None:
    if result.returncode != 0:
        tail = "\n".join(result.lines[-30:])
        raise SystemExit(f"bench: {what} failed (exit {result.returncode}); see {log}\n{tail}")


# --- dataset -----------------------------------------------------------------------------


def dataset(areas: int | None, indicators: int, rows: list[Row]) -> tuple[Path, dict]:
    """The dataset for this scale, written once and reused while bench/england.py is unchanged."""
    out = CACHE / f"data-{areas or 'all'}x{indicators}"
    stamp = {"areas": areas, "indicators": indicators, "generator": hashlib.sha256(Path(england.__file__).read_bytes()).hexdigest()[:16]}
    stamp_file = out / "bench-stamp.json"
    if stamp_file.is_file() and json.loads(stamp_file.read_text())["stamp"] == stamp:
        counts = json.loads(stamp_file.read_text())["counts"]
        say(f"dataset: reusing {out.relative_to(ROOT)} ({counts['areas']} areas, {counts['indicators']} indicators, {counts['rows']:,} rows)")
        rows.append(Row("dataset (England-scale CSVs)", None, None, "reused from cache"))
        return out, counts
    say(f"dataset: writing {out.relative_to(ROOT)} ...")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    start = time.perf_counter()
    counts = england.write_dataset(out, areas, indicators)
    seconds = time.perf_counter() - start
    stamp_file.write_text(json.dumps({"stamp": stamp, "counts": counts}))
    say(f"dataset: {counts['areas']} areas, {counts['indicators']} indicators, {counts['rows']:,} rows in {seconds:.1f} s")
    rows.append(Row("dataset (England-scale CSVs)", seconds, None, "not part of any target"))
    return out, counts


# --- builds ------------------------------------------------------------------------------


def build(config: Path, label: str, command: str = "build") -> tuple[Run, dict[str, float], tuple[int, int]]:
    """`python -m generators <command>` into .cache/bench/build and site; the run, stage seconds, files (all, changed)."""
    log = CACHE / "logs" / f"{label}.log"
    args = [command, "--config", str(config), "--build", str(CACHE / "build"), "--site", str(CACHE / "site")]
    result = run([sys.executable, "-m", "generators", *args], log, echo=True)
    require(result, f"{label} ({command})", log)
    stages = {m[1]: float(m[2]) for m in map(STAGE_LINE.match, result.lines) if m}
    done = next((m for m in map(DONE_LINE.match, result.lines) if m), None)
    return result, stages, (int(done[1]), int(done[2])) if done else (0, 0)


def clean_build(config: Path, rows: list[Row]) -> tuple[float, float]:
    """The first build from nothing: each stage, MkDocs, and the total. Returns (total seconds, peak MB)."""
    for folder in ("build", "site", ".site.mkdocs"):  # .site.mkdocs: MkDocs' staging folder (generators/publish.py)
        shutil.rmtree(CACHE / folder, ignore_errors=True)
    say("clean build: python -m generators build (stages follow)")
    result, stages, files = build(config, "clean")
    for name, seconds in stages.items():
        if name != "mkdocs":
            rows.append(Row(f"  {name}", seconds))
    generator = sum(s for n, s in stages.items() if n != "mkdocs")
    other = result.seconds - sum(stages.values())
    rows.append(Row("  start-up, imports, site swap", other, None, "wall clock not inside any stage line"))
    rows.append(
        Row("generator (all stages)", generator, result.peaks.get("root"), f"{files[0]:,} files written to build/; peak is the generator process alone")
    )
    rows.append(Row("mkdocs build --strict (ours)", stages.get("mkdocs"), result.peaks.get("mkdocs"), "with our overrides, CSS and JavaScript"))
    rows.append(
        Row(
            "clean build total",
            result.seconds,
            result.peak_mb,
            f"wall clock; CPU {result.cpu_seconds:.0f} s ({result.cpu_seconds / result.seconds:.2f} cores busy); peak = whole process tree",
        )
    )
    say(f"clean build: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB")
    return result.seconds, result.peak_mb


def floor_build(rows: list[Row]) -> float:
    """Bare Material for MkDocs on the same generated Markdown: no overrides, CSS or JavaScript of ours."""
    ours = yaml.safe_load((CACHE / "build" / "mkdocs.yml").read_text(encoding="utf-8"))
    bare = {
        "site_name": ours["site_name"],
        "docs_dir": str(CACHE / "build" / "docs"),
        "use_directory_urls": True,
        "theme": {"name": "material", "features": ["navigation.prune"]},
        "plugins": ["search"],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "nav": ours.get("nav", []),
    }
    folder = CACHE / "floor"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(bare, sort_keys=False), encoding="utf-8")
    say("floor: bare mkdocs build (material, search, navigation.prune, same Markdown and extensions)")
    log = CACHE / "logs" / "floor.log"
    result = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(folder / "mkdocs.yml"), "-d", str(folder / "site")], log)
    require(result, "bare mkdocs build", log)
    rows.append(
        Row(
            "floor: bare mkdocs build",
            result.seconds,
            result.peak_mb,
            f"same docs/, nav and Markdown extensions; no overrides, CSS or JS of ours; CPU {result.cpu_seconds:.0f} s",
        )
    )
    say(f"floor: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB")
    return result.seconds


def site_size(site: Path, rows: list[Row]) -> tuple[int, int, float]:
    """Pages (HTML files), total bytes and median HTML bytes per page of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p.stat().st_size for p in files if p.suffix == ".html"]
    total = sum(p.stat().st_size for p in files)
    median = statistics.median(html) if html else 0.0
    biggest = max(html) if html else 0
    rows.append(
        Row(
            "site size",
            None,
            None,
            f"{total / 1e6:,.1f} MB in {len(files):,} files; {len(html):,} pages; "
            f"HTML {sum(html) / 1e6:,.1f} MB, median {median / 1024:.1f} KB, largest {biggest / 1024:,.0f} KB per page",
        )
    )
    say(f"site: {len(html):,} pages, {total / 1e6:,.1f} MB, median page {median / 1024:.1f} KB")
    return len(html), total, median


def rebuilds(config: Path, data: Path, indicators: int, rows: list[Row]) -> tuple[float, float]:
    """Regenerate with nothing changed; rebuild after one indicator's CSV is revised for every area; rebuild after
    one value in it is corrected (the files are restored afterwards)."""
    say("regenerate, nothing changed: python -m generators generate")
    result, _, files = build(config, "unchanged", "generate")
    rows.append(Row("regenerate, nothing changed (no mkdocs)", result.seconds, result.peak_mb, f"{files[1]:,} of {files[0]:,} files rewritten"))
    spec = england.indicator_specs(indicators)[indicators // 2]
    areas = england.england_areas(_areas_of(data))
    path = england.indicator_file(data, spec)
    say(f"rebuild: revising the latest period of {path.relative_to(data)}, then python -m generators build")
    england.write_indicator(data, spec, areas, revision=1)
    try:
        result, stages, files = build(config, "rebuild")
    finally:
        england.write_indicator(data, spec, areas, revision=0)
    rows.append(Row("rebuild after one CSV revised (every area)", result.seconds, result.peak_mb, _rebuild_notes(result, stages, files)))
    say(f"rebuild: {result.seconds:.1f} s, {files[1]:,} of {files[0]:,} files rewritten")
    build(config, "restore")
    say(f"correction: one value of one area in {path.relative_to(data)}, then python -m generators build")
    original = path.read_bytes()
    correct_one_value(path)
    try:
        fixed, stages, files = build(config, "correction")
    finally:
        path.write_bytes(original)
    rows.append(Row("rebuild after one value corrected in one CSV", fixed.seconds, fixed.peak_mb, _rebuild_notes(fixed, stages, files)))
    say(f"correction: {fixed.seconds:.1f} s, {files[1]:,} of {files[0]:,} files rewritten")
    return result.seconds, fixed.seconds


def _rebuild_notes(result: Run, stages: dict[str, float], files: tuple[int, int]) -> str:
    split = ", ".join(f"{n} {s:.1f}" for n, s in stages.items())
    made = next((line.strip() for line in result.lines if line.startswith("pages:")), "")
    mkdocs = next((line.strip() for line in result.lines if line.startswith("mkdocs")), "")
    return f"{files[1]:,} of {files[0]:,} files rewritten; {made}; {mkdocs}; stages {split} s"


def correct_one_value(path: Path) -> None:
    """A revised download that corrects one number: the last row's value moves halfway to its lower 95% limit."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        records = list(csv.reader(file))
    header, last = records[0], records[-1]
    value, lower = header.index("Value"), header.index("Lower CI 95.0 limit")
    last[value] = f"{(float(last[value]) + float(last[lower])) / 2:.3f}"
    write_csv(path, records, as_fingertips=True)


def _areas_of(data: Path) -> int | None:
    return json.loads((data / "bench-stamp.json").read_text())["stamp"]["areas"]


# --- Zensical ----------------------------------------------------------------------------


def zensical(rows: list[Row]) -> None:
    """The same generated project built by Zensical, in its own virtualenv (never in requirements.txt)."""
    binary = _zensical_binary()
    if binary is None:
        rows.append(
            Row(
                f"zensical build ({ZENSICAL_VERSION})",
                None,
                None,
                f"skipped: could not install zensical=={ZENSICAL_VERSION} into {ZENSICAL_VENV.relative_to(ROOT)}",
            )
        )
        return
    folder = CACHE / "zensical"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(CACHE / "build", folder)  # Zensical wants docs_dir inside the folder of its config file
    settings = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["site_dir"] = "site"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    say(f"zensical: zensical build --clean on the generated mkdocs.yml ({ZENSICAL_VERSION})")
    log = CACHE / "logs" / "zensical.log"
    result = run([str(binary), "build", "--clean", "-f", str(folder / "mkdocs.yml")], log, cwd=folder)
    pages = list((folder / "site").rglob("*.html")) if (folder / "site").is_dir() else []
    median = statistics.median(p.stat().st_size for p in pages) if pages else 0
    cores = f"{result.cpu_seconds / result.seconds:.2f} cores busy" if result.seconds else ""
    notes = (
        f"same generated mkdocs.yml and docs/; {len(pages):,} pages, median {median / 1024:.1f} KB; CPU {result.cpu_seconds:.0f} s, {cores}"
        if result.returncode == 0
        else f"failed (exit {result.returncode}), see {log.relative_to(ROOT)}"
    )
    rows.append(Row(f"zensical build ({ZENSICAL_VERSION})", result.seconds, result.peak_mb, notes))
    say(f"zensical: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB, exit {result.returncode}")


def _zensical_binary() -> Path | None:
    binary = ZENSICAL_VENV / "bin" / "zensical"
    if binary.is_file():
        return binary
    say(f"zensical: installing zensical=={ZENSICAL_VERSION} into {ZENSICAL_VENV.relative_to(ROOT)} (once)")
    ZENSICAL_VENV.parent.mkdir(parents=True, exist_ok=True)
    (ZENSICAL_VENV.parent / ".gitignore").write_text("*\n", encoding="utf-8")
    log = CACHE / "logs" / "zensical-install.log"
    for step in (
        [sys.executable, "-m", "venv", str(ZENSICAL_VENV)],
        [str(ZENSICAL_VENV / "bin" / "pip"), "install", "--quiet", f"zensical=={ZENSICAL_VERSION}"],
    ):
        if run(step, log).returncode != 0:
            say(f"zensical: installation failed, see {log.relative_to(ROOT)}")
            return None
    return binary if binary.is_file() else None


# --- report ------------------------------------------------------------------------------


def targets(clean: float, floor: float, rebuild: tuple[float, float], median: float, peak: float) -> list[dict]:
    limit = 1.3 * floor + 30
    return [
        {
            "target": "clean build <= 1.3 x floor + 30 s",
            "measured": f"{clean:.1f} s (limit {limit:.1f} s; {clean / floor:.2f} x floor)",
            "pass": clean <= limit,
        },
        {"target": "rebuild, one CSV revised for every area <= 10 s", "measured": f"{rebuild[0]:.1f} s", "pass": rebuild[0] <= 10},
        {"target": "rebuild, one value corrected in one CSV <= 10 s", "measured": f"{rebuild[1]:.1f} s", "pass": rebuild[1] <= 10},
        {"target": "median HTML <= 60 KB per page", "measured": f"{median / 1024:.1f} KB", "pass": median <= 60 * 1024},
        {"target": "peak memory <= 2 GB", "measured": f"{peak:,.0f} MB", "pass": peak <= 2048},
    ]


def print_table(rows: list[Row], checks: list[dict]) -> None:
    width = max(len(r.stage) for r in rows)
    print(f"\n{'stage':<{width}} | {'seconds':>8} | {'peak MB':>8} | notes")
    print(f"{'-' * width}-|-{'-' * 8}-|-{'-' * 8}-|-{'-' * 40}")
    for r in rows:
        seconds = f"{r.seconds:8.1f}" if r.seconds is not None else f"{'':>8}"
        peak = f"{r.peak_mb:8,.0f}" if r.peak_mb is not None else f"{'':>8}"
        print(f"{r.stage:<{width}} | {seconds} | {peak} | {r.notes}")
    print("\ntargets (issue 6):")
    for check in checks:
        print(f"  {'PASS' if check['pass'] else 'FAIL'}  {check['target']:<48} {check['measured']}")


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure an England-scale JSNA build (issue 6).")
    parser.add_argument("--areas", type=int, default=None, help="upper-tier areas, with their districts (default: all 153)")
    parser.add_argument("--indicators", type=int, default=150, help="indicators (default: 150)")
    parser.add_argument("--quick", action="store_true", help="20 upper-tier areas x 20 indicators")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical build")
    args = parser.parse_args(argv)
    areas, indicators = (20, 20) if args.quick else (args.areas, args.indicators)
    rows: list[Row] = []
    data, counts = dataset(areas, indicators, rows)
    config = data / "jsna.yml"
    clean, peak = clean_build(config, rows)
    floor = floor_build(rows)
    pages, total, median = site_size(CACHE / "site", rows)
    if not args.no_zensical:
        zensical(rows)
    rebuild = rebuilds(config, data, indicators, rows)
    checks = targets(clean, floor, rebuild, median, peak)
    print_table(rows, checks)
    results = {
        "machine": machine(),
        "scale": counts,
        "pages": pages,
        "site_bytes": total,
        "median_html_bytes": median,
        "rows": [asdict(r) for r in rows],
        "targets": checks,
    }
    (CACHE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    say(f"results written to {(CACHE / 'results.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
