"""Running the ``a11y`` CLI as a pipeline would: in-process by default, as a subprocess for the
smoke tests of the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.inprocess_cli import run_a11y_text

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``a11y ARGS`` in ``cwd``, in-process (see tests/inprocess_cli); ``timeout`` is kept for
    callers and for :func:`run_cli_subprocess`."""
    del timeout
    return run_a11y_text(*args, cwd=cwd)


def run_cli_subprocess(
    *args: str, cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The real entry point in its own process, for the smoke tests of it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "a11y_service.cli", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env, check=False,
    )


def run_json(*args: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    done = run_cli(*args, "--format", "json", cwd=cwd)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


STATIC_CONFIG = """\
[check]
engines = ["static", "text"]
allow_loopback = true
timeout = 1.5
"""
