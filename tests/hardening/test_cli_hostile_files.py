"""Every CLI command against a list of hostile inputs: a result or exit 2 with a message,
never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
CONTENTS: dict[str, bytes] = {
    "invalid-utf8": b"\xff\xfe\xc3\x28 Hallo \xed\xa0\x80",
    "nul-bytes": b"Hallo\x00Welt\x00" * 100,
    "controls": "Hallo\u0001\u0002\u001b[31m Welt\u202e".encode(),
    "deep-json": b"[" * 100_000,
    "deep-html": b"<div>" * 50_000,
    "one-long-line": b"a" * 300_000,
    "empty": b"",
    "bom-only": b"\xef\xbb\xbf",
}
COMMANDS: dict[str, list[str]] = {
    "text": ["text", "{file}"],
    "text-batch": ["text", "--batch", "{file}"],
    "check": ["check", "--static-only", "{file}"],
    "translate": ["translate", "--from", "de", "--to", "en", "{file}"],
    "models-install": ["models", "install", "{file}"],
    "baseline-create": ["baseline", "create", "--static-only", "--output", "{out}", "{file}"],
}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_service.cli", *args],
        capture_output=True, env={**ENV, "A11Y_CACHE_DIR": str(cwd / "cache")}, timeout=180,
        check=False, cwd=cwd, stdin=subprocess.DEVNULL,
    )


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_command_with_hostile_files(command: str, tmp_path: Path) -> None:
    for name, content in CONTENTS.items():
        source = tmp_path / f"{name}.html"
        source.write_bytes(content)
        args = [a.format(file=source, out=tmp_path / "baseline.json") for a in COMMANDS[command]]
        result = _run(args, tmp_path)
        output = result.stdout + result.stderr
        assert b"Traceback" not in output, (command, name, output[-800:])
        assert result.returncode in (0, 1, 2), (command, name, result.returncode)
        if result.returncode == 2:
            assert result.stderr.strip() or result.stdout.strip(), (command, name)


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("target", ["missing", "directory"])
def test_cli_command_with_unreadable_source(command: str, target: str, tmp_path: Path) -> None:
    path = tmp_path / "nicht-da.txt" if target == "missing" else tmp_path
    args = [a.format(file=path, out=tmp_path / "baseline.json") for a in COMMANDS[command]]
    result = _run(args, tmp_path)
    assert b"Traceback" not in result.stdout + result.stderr, (command, result.stderr[-800:])
    assert result.returncode == 2, (command, target, result.returncode, result.stderr[-300:])
