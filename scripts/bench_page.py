"""Page-audit benchmark: pages per second, median and 95th percentile per page.

Serves 60 generated municipal pages (about 8-30 KB each) on loopback and audits them:
1. static engine alone (fetch + parse + static rules), and the static rules alone on parsed pages;
2. with the browser (axe-core + static), one warm browser reused for every page;
3. the same with a pool of 2 browsers auditing in parallel;
4. a fresh browser for every page (what tools without a pool do).

With the GOV.UK accessibility-tool-audit pages (``--pages-dir DIR`` or ``A11Y_BENCH_PAGES``, see
``scripts/bench_vs_axe_cli.py``) it also audits those with every engine, as ``a11y check`` does,
and prints the seconds of each phase summed over the pages (fetch, browser load, axe-core, each
rendered check, static, BITV, text): where a run's time goes.
Numbers are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from a11y_core import engines
from checkers.page import static
from checkers.page.audit import PageAuditor, PageTarget
from checkers.page.browser import BrowserPool
from checkers.page.dom import Page
from checkers.page.options import AuditOptions
from checkers.page.rule import PageContext, run_rules
from checkers.page.site.config import load_check_config

PAGES = 60


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def make_page(n: int) -> str:
    items = "\n".join(
        f'<li><a href="/seite-{(n + i) % PAGES}.html">Angebot {i}: Beratung zum Thema {i}</a></li>'
        for i in range(20 + n % 40)
    )
    paragraphs = "\n".join(
        f"<p>Die Gemeinde bietet im Bereich {i} Beratung an. Bitte vereinbaren Sie einen Termin "
        f"im Bürgeramt. Sie erreichen uns montags bis freitags von 8 bis 12 Uhr.</p>"
        for i in range(10 + n % 30)
    )
    broken = (
        '<img src="foto.jpg"><input type="text" name="q"><a href="/x"></a>' if n % 3 == 0 else ""
    )
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Seite {n} – Gemeinde Musterstadt</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/"><img src="logo.png" alt="Startseite"></a>
<nav aria-label="Hauptmenü"><ul>{items}</ul></nav></header>
<main><h1>Seite {n}</h1>{paragraphs}{broken}
<table><caption>Öffnungszeiten</caption><tr><th scope="col">Tag</th><th scope="col">Zeit</th></tr>
<tr><td>Montag</td><td>8 bis 12 Uhr</td></tr></table></main>
<footer><a href="/barrierefreiheit.html">Erklärung zur Barrierefreiheit</a></footer></body></html>
"""


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def stats(label: str, per_page: list[float], wall: float) -> None:
    ordered = sorted(per_page)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(
        f"{label:<46} {len(per_page) / wall:8.1f} pages/s"
        f"   median {statistics.median(ordered) * 1000:7.1f} ms"
        f"   p95 {p95 * 1000:7.1f} ms   ({len(per_page)} pages, {wall:.2f} s)"
    )


def timed_run(
    options: AuditOptions, targets: list[PageTarget], pool: BrowserPool | None
) -> tuple[list[float], float]:
    with PageAuditor(options, pool=pool) as auditor:
        started = time.perf_counter()
        run = auditor.audit(targets)
        wall = time.perf_counter() - started
        per_page = [auditor.timings_of(report)["total"] for report in run.reports]
    failed = [r.error for r in run.reports if r.error is not None]
    if failed:
        raise SystemExit(f"pages failed: {failed[:3]}")
    return per_page, wall


def phases(pages_dir: Path) -> None:
    """Every engine on the GOV.UK pages, with the CLI's settings: seconds per phase."""
    pages = sorted((pages_dir / "tests").glob("*.html")) or sorted(pages_dir.glob("*.html"))
    server, base = serve(pages_dir)
    config = replace(load_check_config(None), allow_loopback=True, max_pages=len(pages))
    options = replace(engines.audit_options(config=config), keep_details=True)
    targets = [PageTarget(url=f"{base}/{p.relative_to(pages_dir).as_posix()}") for p in pages]
    sums: dict[str, float] = {}
    rendered: dict[str, float] = {}
    cpu = time.process_time()
    started = time.perf_counter()
    with PageAuditor(options, text_checker=engines.text_checker(config.path)) as auditor:
        run = auditor.audit(targets)
        for report in run.reports:
            for phase, seconds in auditor.timings_of(report).items():
                sums[phase] = sums.get(phase, 0.0) + seconds
            details = auditor.details_of(report)
            steps = (details.axe.rendered.get("timings") or {}) if details and details.axe else {}
            for step, seconds in steps.items():
                rendered[step] = rendered.get(step, 0.0) + seconds
    wall = time.perf_counter() - started
    server.shutdown()
    print(f"\n{len(pages)} GOV.UK pages, every engine, pool of {options.browser.pool_size}: "
          f"{wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU in Python "
          f"(browsers not counted); seconds per phase, summed over the pages:")
    for phase, seconds in sorted(sums.items(), key=lambda item: -item[1]):
        print(f"  {phase:<22} {seconds:7.2f}")
    print("  rendered checks, by step:")
    for step, seconds in sorted(rendered.items(), key=lambda item: -item[1]):
        print(f"    {step:<20} {seconds:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages-dir", help="GOV.UK test pages (or $A11Y_BENCH_PAGES)")
    given = parser.parse_args().pages_dir or os.environ.get("A11Y_BENCH_PAGES")
    generated()
    if not given:
        print("\nno --pages-dir and no A11Y_BENCH_PAGES: no phase breakdown on the GOV.UK pages")
    elif not any(Path(given).glob("tests/*.html")) and not any(Path(given).glob("*.html")):
        print(f"\nGOV.UK pages folder MISSING or empty: {given}; no phase breakdown")
    else:
        phases(Path(given))


def generated() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        htmls = [make_page(n) for n in range(PAGES)]
        for n, html in enumerate(htmls):
            (folder / f"seite-{n}.html").write_text(html, encoding="utf-8")
        server, base = serve(folder)
        targets = [PageTarget(url=f"{base}/seite-{n}.html") for n in range(PAGES)]
        sizes = [len(h.encode()) for h in htmls]
        print(f"{PAGES} pages, {min(sizes) // 1000}-{max(sizes) // 1000} KB each, on loopback")
        # The options of `a11y check` (engines.audit_options, ./a11y.toml [check] if present)
        # on loopback; each run below changes only the engines and the pool size.
        config = replace(load_check_config(None), allow_loopback=True, max_pages=PAGES)
        product = engines.audit_options(config=config)

        rules = static.all_rules()
        parsed = [Page(h, f"{base}/seite-{n}.html") for n, h in enumerate(htmls)]
        per_page = []
        started = time.perf_counter()
        for page in parsed * 3:
            t0 = time.perf_counter()
            run_rules(rules, PageContext(page=Page(page.html, page.url)), "de")
            per_page.append(time.perf_counter() - t0)
        stats("static rules alone (parse + rules)", per_page, time.perf_counter() - started)

        static_only = replace(product, engines=frozenset({"static"}))
        stats("static engine (fetch + parse + rules)", *timed_run(static_only, targets, None))

        browser = replace(
            product,
            engines=frozenset({"axe", "static"}),
            browser=replace(product.browser, pool_size=1),
        )
        pool = engines.browser_pool(browser)
        try:
            timed_run(browser, targets[:3], pool)  # warm-up: start the browser
            stats("browser + static, 1 warm browser reused", *timed_run(browser, targets, pool))
        finally:
            pool.close()

        parallel = replace(browser, browser=replace(product.browser, pool_size=2))
        pool = engines.browser_pool(parallel)
        try:
            timed_run(parallel, targets[:4], pool)
            stats("browser + static, pool of 2 warm browsers", *timed_run(parallel, targets, pool))
        finally:
            pool.close()

        fresh: list[float] = []
        started = time.perf_counter()
        for target in targets[:20]:
            t0 = time.perf_counter()
            own = engines.browser_pool(browser)
            try:
                timed_run(browser, [target], own)
            finally:
                own.close()
            fresh.append(time.perf_counter() - t0)
        stats("browser + static, fresh browser per page", fresh, time.perf_counter() - started)
        server.shutdown()


if __name__ == "__main__":
    main()
