"""Our full page audit against @axe-core/cli, on the same generated local pages in one run.

Serves the pages of ``scripts/bench_page.py`` (and a sitemap of them) on loopback, then times
from command start to exit:

1. ``a11y check SITEMAP`` with every engine (axe-core, rendered checks, static, BITV, text),
   one browser (``--concurrency 1``), as a CI job would run it;
2. ``axe URL...`` (@axe-core/cli from package.json, with our axe-core 4.14.1 through
   ``--axe-source`` and Debian's Chromium and chromedriver: nothing downloads), also one browser.

Prints both times, pages per second and the ratio ours / axe-cli. Nothing is asserted.

    python scripts/bench_vs_axe_cli.py [--pages 30] [--concurrency 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_page import make_page, serve  # the same pages as the page benchmark

ROOT = Path(__file__).resolve().parents[1]
AXE_CLI = ROOT / "node_modules" / ".bin" / "axe"
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def timed(command: list[str], cwd: Path) -> tuple[float, int, str, str]:
    env = {**os.environ, "SE_OFFLINE": "true", "SE_AVOID_STATS": "true"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.returncode, done.stdout, done.stderr[-600:]


def audited(ours_json: str, axe_json: str) -> tuple[int, int]:
    """Pages each side really audited with axe-core (so a fast failure cannot look fast)."""
    try:
        reports = json.loads(ours_json).get("reports") or []
        ours = sum(1 for r in reports if not r.get("error") and "axe" in (r.get("metrics") or {}))
    except (ValueError, AttributeError):
        ours = 0
    try:
        axe = sum(1 for r in json.loads(axe_json) if "violations" in r)
    except (ValueError, TypeError):
        axe = 0
    return ours, axe


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    chromedriver = shutil.which("chromedriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not (AXE_CLI.exists() and chromedriver and chromium):
        print("@axe-core/cli, chromium oder chromedriver fehlt / missing: run make install")
        return 2
    a11y = Path(sys.executable).with_name("a11y")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "site"
        folder.mkdir()
        for n in range(args.pages):
            (folder / f"seite-{n}.html").write_text(make_page(n), encoding="utf-8")
        server, base = serve(folder)
        urls = [f"{base}/seite-{n}.html" for n in range(args.pages)]
        entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        (folder / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>',
            encoding="utf-8",
        )
        try:
            ours, ours_rc, ours_out, ours_err = timed(
                [str(a11y), "check", f"{base}/sitemap.xml", "--allow-loopback",
                 "--concurrency", str(args.concurrency), "--max-pages", str(args.pages),
                 "--fail-on", "never", "--format", "json"],
                Path(tmp),
            )
            axe, axe_rc, axe_out, axe_err = timed(
                [str(AXE_CLI), *urls, "--chromedriver-path", chromedriver,
                 "--chrome-path", chromium, "--axe-source", str(AXE_SOURCE),
                 "--chrome-options=no-sandbox,disable-dev-shm-usage,disable-gpu",
                 "--stdout"],
                Path(tmp),
            )
        finally:
            server.shutdown()
    n = args.pages
    ours_pages, axe_pages = audited(ours_out, axe_out)
    print(f"{n} pages on loopback, one browser each side (concurrency {args.concurrency}); "
          f"audited with axe-core: ours {ours_pages}, axe-cli {axe_pages}")
    print(f"  a11y check (all engines): {ours:6.1f} s  {n / ours:5.2f} pages/s  exit {ours_rc}")
    print(f"  @axe-core/cli:            {axe:6.1f} s  {n / axe:5.2f} pages/s  exit {axe_rc}")
    print(f"  ratio ours / axe-cli: {ours / axe:.2f}")
    for name, rc, err in (("a11y", ours_rc, ours_err), ("axe", axe_rc, axe_err)):
        if rc not in (0, 1):
            print(f"  {name} failed: {err}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
