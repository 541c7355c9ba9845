"""Benchmark of the CI gate: a generated local site of N pages, audited like a pipeline would.

Prints minutes for the whole run (sitemap discovery, fetch, browser with axe-core, static, BITV
and text engines) at the default concurrency, and the share of that time the workers spent
waiting on the browser (page load, axe injection and run), from the per-page timings the
auditor records (``PageAuditor.timings_of(report)["browser"]``).

    .venv/bin/python scripts/bench_ci.py [--pages 200] [--concurrency 2] [--static-only]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkers.page.options import ENGINES
from checkers.page.site.config import CheckConfig
from checkers.page.site.runner import collect
from ci.gate import decide

PARAGRAPHS = [
    "Hier finden Sie Informationen zu den Öffnungszeiten des Bürgerbüros.",
    "Der Antrag wird vom Amt geprüft, nachdem alle Unterlagen vorliegen.",
    "Sie können einen Termin online buchen oder uns anrufen.",
    "Die Beantragung eines Anwohnerparkausweises erfolgt schriftlich.",
]


def make_page(index: int, total: int) -> str:
    links = "".join(
        f'<li><a href="/seite/{(index + k) % total}">Seite {(index + k) % total}</a></li>'
        for k in range(1, 6)
    )
    text = "".join(f"<p>{PARAGRAPHS[(index + k) % len(PARAGRAPHS)]}</p>" for k in range(4))
    image = '<img src="/bild.png">' if index % 7 == 0 else '<img src="/bild.png" alt="Rathaus">'
    form = ('<form><input type="text" name="q"><button>Suchen</button></form>'
            if index % 5 == 0 else "")
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Seite {index}'
        f'</title></head><body><header><nav><ul>{links}</ul></nav></header><main>'
        f"<h1>Seite {index}</h1>{text}{image}{form}</main><footer>"
        '<a href="/barrierefreiheit">Erklärung zur Barrierefreiheit</a></footer></body></html>'
    )


def serve(total: int) -> tuple[ThreadingHTTPServer, str]:
    pages = {f"/seite/{i}": make_page(i, total).encode() for i in range(total)}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/sitemap.xml":
                body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                        'sitemap/0.9">' + "".join(f"<url><loc>{base}{p}</loc></url>"
                                                  for p in pages) + "</urlset>").encode()
                kind = "application/xml"
            elif self.path in pages:
                body, kind = pages[self.path], "text/html; charset=utf-8"
            elif self.path == "/bild.png":
                body, kind = b"\x89PNG\r\n\x1a\n", "image/png"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=CheckConfig().concurrency)
    parser.add_argument("--static-only", action="store_true")
    args = parser.parse_args()
    engines = frozenset(ENGINES) - ({"axe"} if args.static_only else set())
    server, base = serve(args.pages)
    config = CheckConfig(engines=engines, allow_loopback=True, concurrency=args.concurrency,
                         max_pages=max(500, args.pages), timeout=30.0)
    started = time.perf_counter()
    try:
        collected = collect(config, [base + "/sitemap.xml"])
    finally:
        server.shutdown()
    wall = time.perf_counter() - started
    result = decide(collected.reports, config)
    workers = args.concurrency if "axe" in engines else 4
    share = collected.browser_seconds / (wall * max(1, min(workers, args.pages)))
    summary = {
        "pages": args.pages,
        "engines": sorted(engines),
        "concurrency": args.concurrency,
        "minutes": round(wall / 60, 2),
        "seconds_per_page": round(wall / max(args.pages, 1), 3),
        "browser_seconds_total": round(collected.browser_seconds, 1),
        "browser_share": round(share, 3),
        "reports_failed": result.run.summary.reports_failed,
        "findings": result.run.summary.errors + result.run.summary.warnings
        + result.run.summary.infos + result.run.summary.needs_review,
        "exit_code": result.exit_code,
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
