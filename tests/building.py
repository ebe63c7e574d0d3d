"""Run the command line as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_build(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """`python -m generators ...`, capturing what it prints."""
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=cwd, capture_output=True, text=True)
