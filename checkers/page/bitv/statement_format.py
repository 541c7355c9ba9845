"""bitv.statement-format: the statement is an HTML page titled "Erklärung zur Barrierefreiheit".

Flags a statement link that leads to a PDF (on the audited page, or the engine's
``context.extra["statement_link_href"]``), and a linked statement page
(``context.linked["statement"]``) whose <title> and <h1> both lack "Erklärung zur
Barrierefreiheit". The EU model statement (Durchführungsbeschluss (EU) 2018/1523, Art. 2) asks
for an accessible format, and the German models (BITV 2.0 § 7, Länder models) use that title;
an HTML page is the format every reader can use, a PDF is often not.
Known false positives: a statement served as HTML from a URL ending in ".pdf"; a page titled
"Barrierefreiheitserklärung" passes (an accepted variant), one titled "Barrierefreiheit" fails.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.bitv.applicability import settings_of
from checkers.page.bitv.common import hit_at, is_statement, public_body_duty, statement_links
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.urls import split_url

PDF = de_en(
    "Die Erklärung zur Barrierefreiheit ist eine PDF-Datei ({url}). Sie muss eine "
    "barrierefreie HTML-Seite sein.",
    "The accessibility statement is a PDF file ({url}). It must be an accessible HTML page.",
)

META = page_meta(__file__)


def _is_pdf(url: str | None) -> bool:
    return bool(url) and split_url(url).path.lower().endswith(".pdf")


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    reported: set[str] = set()
    for link in statement_links(page, settings_of(context.bitv).statement_url):
        if _is_pdf(link.url) and link.url not in reported:
            reported.add(link.url or "")
            yield PageHit(element=link.element, message=PDF, params={"url": link.url})
    href = context.extra.get("statement_link_href")
    if isinstance(href, str) and _is_pdf(page.absolute(href)):
        url = page.absolute(href) or href
        if url not in reported:
            reported.add(url)
            yield PageHit(message=PDF, params={"url": url})
    linked = context.linked.get("statement")
    if linked is None or is_statement(linked):
        return
    if _is_pdf(linked.url):
        # The engine parsed a PDF as HTML: report the format, not a missing title.
        if linked.url not in reported:
            yield PageHit(message=PDF, params={"url": linked.url})
        return
    yield hit_at(context, linked, params={"url": linked.url or ""})
