"""Hostile-markup benchmark: `a11y check --static-only FILE` wall time, CLI start included.

Pages: 11/22/44/88 KB of repeated ``<style><!--`` and 10k/100k nested ``div``s. Before the
linear CSS parsing these took 3.2 s (11 KB) and 6.3 s (22 KB), growing quadratically. Numbers
are printed; nothing is asserted.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    **{f"style-comment {kb} KB": "<style><!--" * (kb * 1000 // 11) for kb in (11, 22, 44, 88)},
    "nested divs 10k": "<div>" * 10_000 + "x",
    "nested divs 100k": "<div>" * 100_000 + "x",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, html in CASES.items():
            page = Path(folder) / "page.html"
            page.write_text(html, encoding="utf-8")
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "a11y_service.cli", "check", "--static-only",
                 "--format", "json", str(page)],
                capture_output=True, check=False, timeout=600,
            )
            seconds = time.perf_counter() - started
            print(f"{name:24} {seconds:6.2f} s  exit {result.returncode}", flush=True)


if __name__ == "__main__":
    main()
