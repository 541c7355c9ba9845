"""Our full page audit against @axe-core/cli, on the same local pages in one run.

The pages: the GOV.UK accessibility-tool-audit test pages (alphagov/accessibility-tool-audit,
third-party content, never in this repository) from ``--pages-dir DIR`` or the environment
variable ``A11Y_BENCH_PAGES``: a folder with ``tests/*.html`` (the pages audited) beside the
``assets/`` they load. Without it (or when the folder is missing, which is said loudly) the
generated municipal pages of ``scripts/bench_page.py`` are used instead.

Both sides are served on loopback (with a sitemap of the pages) and timed from command start to
exit, wall clock and CPU seconds of the whole process tree (Python, chromedriver, Chromium):

1. ``a11y check SITEMAP`` with every engine (axe-core, rendered checks, static, BITV, text), with
   the CLI's default concurrency unless ``--concurrency`` is given, as a CI job would run it;
2. ``axe URL...`` (@axe-core/cli from package.json, with our axe-core through ``--axe-source``
   and Debian's Chromium and chromedriver: nothing downloads), one browser (all it can do).

Prints both times, pages per second and the ratio ours / axe-cli. Nothing is asserted.
``--keep-json FILE`` writes our findings (the CLI's JSON) for before/after comparisons;
``--ours-only`` skips axe-cli (for quick before/after runs of our side).

    python scripts/bench_vs_axe_cli.py [--pages-dir DIR] [--pages 30] [--concurrency N]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_page import make_page, serve  # the generated pages of the page benchmark

ROOT = Path(__file__).resolve().parents[1]
AXE_CLI = ROOT / "node_modules" / ".bin" / "axe"
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES_ENV = "A11Y_BENCH_PAGES"
_PR_SET_CHILD_SUBREAPER = 36  # prctl option, <linux/prctl.h>


def _adopt_orphans() -> None:
    """Make this process the reaper of its orphaned descendants (Linux). Chromium's processes
    outlive the chromedriver that started them by a moment; orphaned, they went to init and
    their CPU never reached this process's child usage: about half of a run's CPU was missing."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap_orphans(patience: float = 10.0) -> None:
    """Wait for the adopted descendants, so their CPU counts (they end with the command)."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid == 0:
            time.sleep(0.05)


def timed(command: list[str], cwd: Path) -> tuple[float, float, int, str, str]:
    """Wall seconds, CPU seconds (user + system of the process and all its descendants,
    Chromium's included), exit code, stdout, the end of stderr."""
    env = {**os.environ, "SE_OFFLINE": "true", "SE_AVOID_STATS": "true"}
    _adopt_orphans()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode, done.stdout, done.stderr[-600:]


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


def site(tmp: Path, pages_dir: Path | None, count: int) -> tuple[Path, list[str]]:
    """The folder to serve and the pages' paths in it. A given folder is linked, not copied."""
    folder = tmp / "site"
    folder.mkdir()
    if pages_dir is None:
        for n in range(count):
            (folder / f"seite-{n}.html").write_text(make_page(n), encoding="utf-8")
        return folder, [f"seite-{n}.html" for n in range(count)]
    for entry in pages_dir.iterdir():
        (folder / entry.name).symlink_to(entry.resolve())
    pages = sorted((pages_dir / "tests").glob("*.html")) or sorted(pages_dir.glob("*.html"))
    return folder, [p.relative_to(pages_dir).as_posix() for p in pages]


def pages_folder(given: str | None) -> tuple[Path | None, str]:
    """The GOV.UK pages folder, or None with the reason the generated pages are used."""
    value = given or os.environ.get(PAGES_ENV)
    if not value:
        return None, (f"no --pages-dir and no {PAGES_ENV}: generated municipal pages, "
                      "NOT the GOV.UK test pages")
    path = Path(value)
    if not path.is_dir() or not (any(path.glob("tests/*.html")) or any(path.glob("*.html"))):
        return None, (f"GOV.UK pages folder MISSING or empty: {path} (fetch "
                      "alphagov/accessibility-tool-audit's tests/ and assets/ there); "
                      "generated municipal pages used instead")
    return path, f"pages from {path}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages-dir", help=f"GOV.UK test pages (or ${PAGES_ENV})")
    parser.add_argument("--pages", type=int, default=0,
                        help="at most this many pages (0: all; generated pages: 30)")
    parser.add_argument("--concurrency", type=int, default=0, help="0: the CLI's default")
    parser.add_argument("--keep-json", help="write our JSON output to this file")
    parser.add_argument("--ours-only", action="store_true", help="do not run axe-cli")
    args = parser.parse_args()
    chromedriver = shutil.which("chromedriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not (AXE_CLI.exists() and chromedriver and chromium):
        print("@axe-core/cli, chromium oder chromedriver fehlt / missing: run make install")
        return 2
    pages_dir, source = pages_folder(args.pages_dir)
    print(source)
    a11y = Path(sys.executable).with_name("a11y")
    with tempfile.TemporaryDirectory() as tmp:
        folder, paths = site(Path(tmp), pages_dir, args.pages or 30)
        if args.pages:
            paths = paths[: args.pages]
        server, base = serve(folder)
        urls = [f"{base}/{p}" for p in paths]
        entries = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
        (Path(tmp) / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>',
            encoding="utf-8",
        )
        (folder / "sitemap.xml").symlink_to(Path(tmp) / "sitemap.xml")
        concurrency = ["--concurrency", str(args.concurrency)] if args.concurrency else []
        try:
            ours, ours_cpu, ours_rc, ours_out, ours_err = timed(
                [str(a11y), "check", f"{base}/sitemap.xml", "--allow-loopback", *concurrency,
                 "--max-pages", str(len(urls)), "--fail-on", "never", "--format", "json"],
                Path(tmp),
            )
            if args.ours_only:
                axe, axe_cpu, axe_rc, axe_out, axe_err = 0.0, 0.0, 0, "[]", ""
            else:
                axe, axe_cpu, axe_rc, axe_out, axe_err = timed(
                    [str(AXE_CLI), *urls, "--chromedriver-path", chromedriver,
                     "--chrome-path", chromium, "--axe-source", str(AXE_SOURCE),
                     "--chrome-options=no-sandbox,disable-dev-shm-usage,disable-gpu",
                     "--stdout"],
                    Path(tmp),
                )
        finally:
            server.shutdown()
    if args.keep_json:
        Path(args.keep_json).write_text(ours_out.replace(base, "http://BENCH"), encoding="utf-8")
    n = len(urls)
    ours_pages, axe_pages = audited(ours_out, axe_out)
    print(f"{n} pages on loopback (a11y concurrency {args.concurrency or 'default'}, axe-cli one "
          f"browser); audited with axe-core: ours {ours_pages}, axe-cli {axe_pages}")
    print(f"  a11y check (all engines): {ours:6.1f} s  {n / ours:5.2f} pages/s  "
          f"CPU {ours_cpu:6.1f} s  exit {ours_rc}")
    if not args.ours_only:
        print(f"  @axe-core/cli:            {axe:6.1f} s  {n / axe:5.2f} pages/s  "
              f"CPU {axe_cpu:6.1f} s  exit {axe_rc}")
        print(f"  ratio ours / axe-cli: {ours / axe:.2f} (wall), {ours_cpu / axe_cpu:.2f} (CPU)")
    for name, rc, err in (("a11y", ours_rc, ours_err), ("axe", axe_rc, axe_err)):
        if rc not in (0, 1):
            print(f"  {name} failed: {err}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
