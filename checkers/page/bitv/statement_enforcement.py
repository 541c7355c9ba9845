"""bitv.statement-enforcement: the statement explains the Schlichtung and links the right body.

Reads the statement (``context.linked["statement"]`` or the audited page when it is one) for a
heading or text about "Schlichtung", "Durchsetzungsverfahren" or "Ombudsstelle" and a link to
the body responsible for the site: for federal bodies the Schlichtungsstelle nach § 16 BGG
(behindertenbeauftragter.de, schlichtungsstelle-bgg.de), for Länder and municipalities the
per-Land allow-list in ``lands.yaml`` plus ``BitvSettings.enforcement_hosts``. Nothing about it
→ error; the text without a link → error; a link whose host is not on the list → needs review
(the list is short on purpose: we only list hosts we are sure of). § 12b Abs. 2 Nr. 3 BGG
(with § 16 BGG) asks for a note on the Schlichtungsverfahren with a link to the Schlichtungs-
stelle; the Länder laws name their own Durchsetzungs- or Ombudsstellen.
Known false positives: a correct Land body whose host we do not list (needs review, add it to
``enforcement_hosts``); a link through a redirect service.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.bitv.applicability import (
    describe,
    enforcement_body,
    enforcement_hosts,
    settings_of,
)
from checkers.page.bitv.common import (
    ENFORCEMENT_TOPIC,
    LinkMatch,
    content_blocks,
    find_links,
    find_section,
    hit_at,
    host_allowed,
    host_of,
    in_section,
    public_body_duty,
    statement_page,
)
from checkers.page.bitv.lands import load_lands
from checkers.page.dom import Page
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

LINK_WORDS = re.compile(r"schlicht|durchsetz|ombud|beauftragt", re.I)
ANY = re.compile(".")
FEDERAL_HINT = de_en(
    " Der Link führt zur Schlichtungsstelle des Bundes; sie ist nur für Stellen des Bundes "
    "zuständig. Kommunen und Landesbehörden verweisen auf die Stelle ihres Landes.",
    " The link leads to the federal Schlichtungsstelle, which handles federal bodies only. "
    "Municipalities and state bodies point to their Land's body.",
)
NO_LINK = de_en(
    "Die Erklärung erwähnt das Schlichtungs- bzw. Durchsetzungsverfahren, verlinkt aber die "
    "zuständige Stelle nicht.",
    "The statement mentions the Schlichtung / enforcement procedure but does not link the "
    "responsible body.",
)
UNKNOWN_HOST = de_en(
    "Die Erklärung verlinkt für das Schlichtungs- bzw. Durchsetzungsverfahren {hosts}. Diese "
    "Adresse steht nicht auf unserer Liste für {where_de} ({allowed_de}). Prüfen Sie, ob das die "
    "zuständige Stelle ist.{hint_de}",
    "For the Schlichtung / enforcement procedure the statement links {hosts}, which is not on "
    "our list for {where_en} ({allowed_en}). Check that it is the responsible body.{hint_en}",
)

META = page_meta(__file__)


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    allowed = enforcement_hosts(context.bitv)
    links = [m for m in find_links(page, href=ANY) if m.url and host_of(m.url)]
    if any(host_allowed(m.url, allowed) for m in links):
        return
    own = host_of(page.url)
    section = find_section(page, ENFORCEMENT_TOPIC)
    if section is not None:
        inside = set(in_section(page, section, [m.element for m in links]))
        candidates = [m for m in links if m.element in inside and host_of(m.url) != own]
        mentioned = True
    else:
        # No heading: links named for the procedure, or external links in the paragraph
        # that mentions it.
        mentioning = {
            id(b.element) for b in content_blocks(page) if ENFORCEMENT_TOPIC.search(b.text)
        }
        mentioned = bool(mentioning)
        candidates = [
            m
            for m in links
            if host_of(m.url) != own
            and (
                LINK_WORDS.search(m.name)
                or LINK_WORDS.search(m.url or "")
                or any(id(a) in mentioning for a in m.element.iterancestors())
            )
        ]
    params = describe(context.bitv)
    if candidates:
        yield _review(context, page, candidates[0], allowed, params)
    elif mentioned:
        yield hit_at(context, page, section.heading.element if section else None, message=NO_LINK)
    else:
        body = enforcement_body(context.bitv)
        yield hit_at(
            context,
            page,
            params={
                "body_de": f" ({body})" if body else "",
                "body_en": f" ({body})" if body else "",
            },
        )


def _review(
    context: PageContext,
    page: Page,
    match: LinkMatch,
    allowed: tuple[str, ...],
    params: dict[str, str],
) -> PageHit:
    listed = ", ".join(allowed)
    federal = load_lands()["bund"].enforcement_hosts
    hint = (
        FEDERAL_HINT
        if settings_of(context.bitv).body != "federal" and host_allowed(match.url, federal)
        else {"de": "", "en": ""}
    )
    return hit_at(
        context,
        page,
        match.element,
        outcome="needs_review",
        severity="warning",
        message=UNKNOWN_HOST,
        params={
            **params,
            "hosts": host_of(match.url),
            "allowed_de": listed or "keine Stelle hinterlegt",
            "allowed_en": listed or "no body listed",
            "hint_de": hint["de"],
            "hint_en": hint["en"],
        },
    )
