"""Running the real ``a11y`` CLI as a subprocess, as a pipeline would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
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
