"""Capacity: text-check latency under concurrent clients, and site-audit throughput by browsers.

1. ``--text``: a real uvicorn (``--workers N`` for each N given), 20 concurrent clients posting
   German texts of about 300 words to ``POST /v1/text/check``; p50/p99 latency and requests/s.
2. ``--site``: one site audit (the background-job runner, every engine) of a local site with
   ``--pages`` pages through a Selenium Grid with 1, 2 and 4 Chromium nodes (one session each,
   ``A11Y_BROWSER_POOL`` = nodes), and through the local browser pool of the same sizes.

Client, server and browsers share this machine, so the numbers are a floor for one host, not a
forecast for several. ``make bench`` runs both.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from a11y_service.selenium_grid import free_port, grid_available, local_grid  # noqa: E402


def texts(count: int, words: int = 300) -> list[str]:
    from bench_text import documents, load_sentences

    docs = [d for d in documents(load_sentences(), words) if len(d.split()) >= words * 0.9]
    if not docs:  # no corpus here: the project's own letter, varied so caches do not help
        base = ("Sehr geehrte Damen und Herren, der Antrag auf Wohngeld wurde vom Bürgeramt "
                "geprüft. Bitte reichen Sie die fehlenden Unterlagen bis zum 31. März ein. ")
        docs = [(base * 12).replace("März", f"März {i}") for i in range(count)]
    return [docs[i % len(docs)] for i in range(count)]


def start_server(workers: int, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "A11Y_DATABASE_URL": f"sqlite:///{folder / f'bench{workers}.sqlite3'}",
        "A11Y_QUEUE_WORKERS": "0",
        # The bench is one address sending many anonymous checks: lift the per-address limit.
        "A11Y_API_RATE_LIMIT": "0",
        "A11Y_SECRET_KEY": "bench-secret-key-0123456789abcdef0123",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "a11y_service.app:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--no-access-log", "--log-level", "warning",
         # A busy worker answers the supervisor's ping late; the default 5 s restarts it.
         "--timeout-worker-healthcheck", "60"],
        env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # stopped as a group: the supervisor and its workers
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.3)
    stop_server(process)
    raise RuntimeError("uvicorn did not start")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:  # a worker still finishing requests: not worth waiting
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


async def load(base: str, bodies: list[str], clients: int) -> tuple[list[float], int]:
    """Latencies of the answered requests, and how many failed (a status >= 400, a reset)."""
    latencies: list[float] = []
    failed = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failed
        while not queue.empty():
            text = queue.get_nowait()
            started = time.perf_counter()
            try:
                answer = await http.post("/v1/text/check", json={"text": text})
            except httpx.HTTPError:
                failed += 1
                continue
            if answer.status_code >= 400:
                failed += 1
                continue
            latencies.append(time.perf_counter() - started)

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies, failed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_text(worker_counts: list[int], clients: int, requests: int) -> None:
    bodies = texts(requests + 200)
    words = statistics.mean(len(t.split()) for t in bodies)
    print(f"text check: {clients} concurrent clients, {requests} requests, "
          f"{words:.0f} words per text, {os.cpu_count()} CPU cores")
    with tempfile.TemporaryDirectory() as folder:
        for workers in worker_counts:
            process, base = start_server(workers, Path(folder))
            try:
                asyncio.run(load(base, bodies[:40 * workers], clients))  # every worker warm
                started = time.perf_counter()
                latencies, failed = asyncio.run(
                    load(base, bodies[200:200 + requests], clients)
                )
                seconds = time.perf_counter() - started
            finally:
                stop_server(process)
            print(f"  --workers {workers}: p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
                  f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
                  f"{len(latencies) / seconds:.1f} requests/s, {failed} failed")


def site_audit(pages: int, browsers: int, grid_url: str | None, base: str,
               folder: Path) -> tuple[float, int]:
    from a11y_core.config.env import Settings
    from a11y_service.site_audits.runner import AuditContext, run_site_audit
    from a11y_service.site_audits.store import SiteAuditStore

    settings = Settings(
        database_url=f"sqlite:///{folder / f'site-{browsers}-{bool(grid_url)}.sqlite3'}",
        allow_loopback=True, selenium_url=grid_url, browser_pool=browsers,
        site_audit_max_pages=pages,
    )
    store = SiteAuditStore.open(settings.database_url)
    context = AuditContext(settings, store)
    context.checker()  # loaded once per worker process; not part of an audit's time
    record = store.create(org_id="bench", start_url=base + "/seite/0",
                          sitemap_url=base + "/sitemap.xml", max_pages=pages, max_depth=0,
                          engines=["axe", "static", "bitv", "text"])
    started = time.perf_counter()
    try:
        status = run_site_audit(context, record.id)
    finally:
        context.close()
    seconds = time.perf_counter() - started
    if status != "done":
        raise RuntimeError(f"site audit {status}")
    return seconds, store.get(record.id).pages_done


def bench_site(node_counts: list[int], pages: int) -> None:
    from bench_ci import serve

    server, base = serve(pages)
    print(f"site audit: {pages} pages, engines axe+static+bitv+text, one audit at a time")
    try:
        with tempfile.TemporaryDirectory() as folder:
            for browsers in node_counts:
                seconds, done = site_audit(pages, browsers, None, base, Path(folder))
                print(f"  local pool, {browsers} browser(s): {done} pages in {seconds:.1f} s, "
                      f"{done / seconds:.2f} pages/s")
            if not grid_available():
                print("  Grid: skipped (needs java and the Selenium jar; `make install`)")
                return
            for nodes in node_counts:
                with local_grid(nodes=nodes, max_sessions=1) as grid:
                    seconds, done = site_audit(pages, nodes, grid.url, base, Path(folder))
                print(f"  Grid, {nodes} node(s): {done} pages in {seconds:.1f} s, "
                      f"{done / seconds:.2f} pages/s")
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", action="store_true", help="only the text-check latency")
    parser.add_argument("--site", action="store_true", help="only the site-audit throughput")
    parser.add_argument("--workers", default="1,2,4", help="uvicorn --workers to try")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--nodes", default="1,2,4", help="browser nodes (and pool sizes)")
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    both = not (args.text or args.site)
    if args.text or both:
        bench_text([int(n) for n in args.workers.split(",")], args.clients, args.requests)
    if args.site or both:
        bench_site([int(n) for n in args.nodes.split(",")], args.pages)


if __name__ == "__main__":
    main()
