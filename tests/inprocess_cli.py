"""The ``a11y`` command run inside the test process, answering like ``subprocess.run`` would.

A subprocess costs an interpreter start, the imports and a fresh engine build (about 2 s on the
shared 2-core machine); in-process, click's CliRunner reuses the already imported modules and
the text engine's loaded resources. The answer keeps the subprocess shape (``returncode``,
``stdout``, ``stderr``) so tests read the same, and an uncaught exception becomes exit code 1
with its traceback on stderr, exactly as Python would end the real process: a test that says
"no Traceback" still fails when the command crashes. A few smoke tests keep running the real
entry point as a subprocess (``python -m a11y_service.cli``), e.g. in tests/hardening.
"""

from __future__ import annotations

import os
import subprocess
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from a11y_service.cli import main

PYTHON_UNCAUGHT_EXCEPTION = 1


@contextmanager
def _working_dir(cwd: Path | None) -> Iterator[None]:
    if cwd is None:
        yield
        return
    before = Path.cwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


def run_a11y(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str | None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``a11y ARGS`` in-process; stdout and stderr as bytes, like ``subprocess.run``."""
    runner = CliRunner()
    with _working_dir(cwd):
        result = runner.invoke(main, list(args), input=stdin, env=env, catch_exceptions=True)
    stderr = result.stderr_bytes or b""
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info)).encode()
        code = PYTHON_UNCAUGHT_EXCEPTION
    return subprocess.CompletedProcess(
        ["a11y", *args], code, stdout=result.stdout_bytes, stderr=stderr
    )


def run_a11y_text(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """As :func:`run_a11y`, with stdout and stderr decoded (``text=True``)."""
    done = run_a11y(*args, stdin=stdin, cwd=cwd)
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        stdout=done.stdout.decode("utf-8", errors="replace"),
        stderr=done.stderr.decode("utf-8", errors="replace"),
    )
