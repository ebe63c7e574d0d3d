"""Measure the officer's loop (`make serve`): from saving one narrative file to its text being served.

    .venv/bin/python bench/bench_serve.py              # 5 saves of the demonstration JSNA (West Sussex and its 7 districts)
    .venv/bin/python bench/bench_serve.py --runs 10

Copies the demonstration JSNA (jsna.yml, data/demo, docs/narrative) into a temporary folder, starts
`python -m generators serve` on it (the first generate and MkDocs' first build are not timed), then
`--runs` times: appends a new sentence to docs/narrative/west-sussex/living-well.md and polls the dev
server (HTTP GET of /areas/west-sussex/living-well/ every 50 ms) until the page holds the sentence.
Prints each run (save to served, and from the server's log the generate and MkDocs build seconds),
then the median and the maximum against the 3 s target of issue 15.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = "/areas/west-sussex/living-well/"
NARRATIVE = Path("docs/narrative/west-sussex/living-well.md")
TARGET_SECONDS = 3.0
GENERATED = re.compile(r"serve: generated in ([\d.]+) s")
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="saves to time (default 5)")
    parser.add_argument("--pause", type=float, default=2.0, help="seconds between saves (default 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as temporary:
        folder = Path(temporary)
        copy_demo(folder)
        port = free_port()
        log = folder / "serve.log"
        with log.open("wb") as output:
            started = time.perf_counter()
            server = subprocess.Popen(
                [sys.executable, "-m", "generators", "serve", "--config", str(folder / "jsna.yml"), "--dev-addr", f"127.0.0.1:{port}"],
                cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )
            try:
                url = f"http://127.0.0.1:{port}{PAGE}"
                wait_for(url, lambda body: "What the public health team says" in body, 600, server)
                print(f"first generate and MkDocs build: {time.perf_counter() - started:.1f} s (not timed below)", flush=True)
                times = [one_save(folder / NARRATIVE, url, n, log, server, args.pause) for n in range(1, args.runs + 1)]
            finally:
                stop(server)
    median, worst = statistics.median(times), max(times)
    verdict = "PASS" if worst <= TARGET_SECONDS else "FAIL"
    print(f"\nsave to served, {len(times)} runs: median {median:.2f} s, max {worst:.2f} s, min {min(times):.2f} s")
    print(f"  {verdict}  one changed narrative file shows within {TARGET_SECONDS:.0f} s (issue 15)")
    return 0


def copy_demo(folder: Path) -> None:
    shutil.copy(ROOT / "jsna.yml", folder / "jsna.yml")
    shutil.copytree(ROOT / "data" / "demo", folder / "data" / "demo")
    shutil.copytree(ROOT / "docs" / "narrative", folder / "docs" / "narrative")


def one_save(narrative: Path, url: str, run: int, log: Path, server: subprocess.Popen[bytes], pause: float) -> float:
    time.sleep(pause)  # the previous reload has settled
    logged = log.stat().st_size
    sentence = f"Bench sentence {run}, saved at {time.time_ns()}."
    text = narrative.read_text(encoding="utf-8")
    saved = time.perf_counter()
    narrative.write_text(text + f"\n{sentence}\n", encoding="utf-8")
    seconds = wait_for(url, lambda body: sentence in body, 120, server) - saved
    time.sleep(0.5)  # the log lines of this run
    tail = log.read_bytes()[logged:].decode("utf-8", "replace")
    generated = ", ".join(GENERATED.findall(tail)) or "?"
    built = ", ".join(BUILT.findall(tail)) or "?"
    print(f"run {run}: {seconds:5.2f} s from save to served (generate {generated} s, mkdocs build {built} s)", flush=True)
    return seconds


def wait_for(url: str, holds: object, timeout: float, server: subprocess.Popen[bytes]) -> float:
    """Poll `url` every 50 ms until its body satisfies `holds`; the time it did."""
    assert callable(holds)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode}); see its log")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8", "replace")
            if holds(body):
                return time.perf_counter()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show the change within {timeout:.0f} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl-C for the loop (it stops its MkDocs child), then the process group if anything is left."""
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


if __name__ == "__main__":
    raise SystemExit(main())
