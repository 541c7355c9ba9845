"""The page's text blocks through the text check: findings carry both the selector and the span.

The text check reads the page's tree (blocks, ``lang`` of parts, offsets into the source); here each
finding is placed in its block, so it also names the element (``location.selector``) next to the
character span. The text is the page as fetched (:attr:`Page.source`), not the browser's
rendered DOM: lines and columns are the same with and without the browser engine. Pages in
Leichte Sprache are checked with the ``leicht`` profile, the others with the configured one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from checkers.page.bitv.common import LS_NAME
from checkers.report import Finding
from checkers.text.errors import TextInputError
from checkers.text.source import extract

if TYPE_CHECKING:
    from checkers.page.dom import Page
    from checkers.text.engine import TextChecker

_EASY_URL = re.compile(r"leichte[-_]?sprache|/ls(?:/|$)|easy[-_]?(?:read|language)", re.I)
_SUPPORTED = ("de", "en")


def is_easy_language(page: Page) -> bool:
    if page.url and _EASY_URL.search(page.url):
        return True
    heading = next(iter(page.iter("h1")), None)
    texts = [page.title, page.accessible_name(heading) if heading is not None else ""]
    return any(LS_NAME.search(text) for text in texts)


def page_text_findings(
    checker: TextChecker, page: Page, profile: str | None, locale: str
) -> tuple[list[Finding], dict[str, Any], list[str]]:
    lang = (page.lang or checker.config.lang).replace("_", "-").split("-", 1)[0].lower()
    if lang not in _SUPPORTED:
        return [], {}, [f"text: Sprache {lang!r} wird nicht geprüft / language not checked"]
    chosen = "leicht" if is_easy_language(page) else profile or checker.config.profile
    limits: list[str] = []
    # The text is read from the page as fetched, so a finding's line and column point into the
    # file the editor can open, whether or not a browser rendered the page. A page whose text
    # only a script writes is read from the rendered DOM instead, and says so.
    document = page.source
    if len(document) > checker.config.max_chars * 4:
        return (
            [],
            {},
            ["text: Seite zu groß für die Textprüfung / page too large for the text check"],
        )
    extracted = extract(document, "html", page)  # the page's own parse when it read the source
    if not extracted.text.strip() and page.html is not page.source:
        if len(page.html) > checker.config.max_chars * 4:
            return [], {}, []
        extracted = extract(page.html, "html", page)
        if extracted.text.strip():
            limits.append(
                "text: Text erst im Browser erzeugt; Zeilen beziehen sich auf das gerenderte DOM "
                "/ text written by scripts; lines refer to the rendered DOM"
            )
    if not extracted.text.strip():
        return [], {}, []
    try:
        report = checker.check_extracted(extracted, lang, chosen, locale)  # type: ignore[arg-type]
    except TextInputError as error:
        return [], {}, [f"text: {error.message(locale)}"]
    spans = [extracted.to_source(block.start, block.end) for block in extracted.blocks]
    starts = [start for start, _ in spans]
    for finding in report.findings:
        start = finding.location.start
        finding.location.url = page.url
        if start is None:
            continue
        index = bisect_right(starts, start) - 1
        if index >= 0 and start <= spans[index][1]:
            selector = extracted.blocks[index].selector
            if selector:
                finding.location.selector = (
                    f"html > {selector}" if selector.startswith(("body", "head")) else selector
                )
    metrics = {
        key: report.metrics.get(key)
        for key in ("words", "sentences", "score", "level", "flesch_amstad")
        if key in report.metrics
    }
    metrics["profile"] = chosen
    return report.findings, metrics, [*limits, *report.limits]
