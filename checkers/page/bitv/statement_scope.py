"""bitv.statement-scope: the statement says which website it is for.

Flags a statement (``context.linked["statement"]`` or the audited page when it is one)
without a sentence "… gilt für …" / "bezieht sich auf …"; when there is one but it names
neither the site's host (www.musterstadt.de or musterstadt.de) nor its name
(``context.extra["site_name"]``, or a part of the homepage title), the finding needs review.
The German model statements (Bund and Länder, after Durchführungsbeschluss (EU) 2018/1523)
contain "Diese Erklärung zur Barrierefreiheit gilt für [Geltungsbereich]".
Known false positives: a statement for several sites that names them in a list after the
sentence; a site name spelt differently from the page title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.bitv.applicability import settings_of
from checkers.page.bitv.common import (
    STATEMENT_NAME,
    content_blocks,
    hit_at,
    host_of,
    public_body_duty,
    sentences,
    statement_page,
)
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

SCOPE = re.compile(r"\bgilt\s+f(?:ü|ue)r\b|\bbezieht\s+sich\s+auf\b|geltungsbereich", re.I)
_TITLE_SPLIT = re.compile(r"\s+[|–—:-]\s+|\s*\|\s*")
UNNAMED = de_en(
    "Der Geltungsbereich der Erklärung nennt weder die Adresse ({host}) noch den Namen der "
    "Website.",
    "The statement's scope names neither the address ({host}) nor the name of the site.",
)

META = page_meta(__file__)


def _names(context: PageContext) -> list[str]:
    names: list[str] = []
    site = context.extra.get("site_name")
    if isinstance(site, str) and site.strip():
        names.append(site.strip())
    for page in (context.page, context.linked.get("statement")):
        if page is None:
            continue
        for raw in _TITLE_SPLIT.split(page.title):
            part = raw.strip()
            if len(part) >= 4 and not STATEMENT_NAME.search(part) and part.lower() != "startseite":
                names.append(part)
    return names


def _hosts(context: PageContext, statement_url: str | None) -> list[str]:
    hosts = {
        host_of(statement_url),
        host_of(context.page.url),
        host_of(settings_of(context.bitv).homepage),
    }
    bare = {h.removeprefix("www.") for h in hosts if h}
    return sorted(h for h in hosts | bare if h)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    scoped = [
        (block, sentence)
        for block in content_blocks(page)
        if not block.level
        for sentence in sentences(block.text)
        if SCOPE.search(sentence)
    ]
    if not scoped:
        yield hit_at(context, page)
        return
    hosts = _hosts(context, page.url)
    names = [n.casefold() for n in _names(context)]
    for _block, sentence in scoped:
        folded = sentence.casefold()
        if any(h in folded for h in hosts) or any(n in folded for n in names):
            return
    yield hit_at(
        context,
        page,
        scoped[0][0].element,
        outcome="needs_review",
        message=UNNAMED,
        params={"host": hosts[0] if hosts else ""},
    )
