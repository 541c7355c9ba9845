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

from checkers.page.bitv import samples as s
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
from checkers.page.options import BitvSettings
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule

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

META = RuleMeta(
    id="bitv.statement-enforcement",
    engine="bitv",
    title=de_en(
        "Schlichtungs- bzw. Durchsetzungsverfahren mit Link",
        "Enforcement / conciliation procedure with a link",
    ),
    message=de_en(
        "Der Erklärung zur Barrierefreiheit fehlt der Abschnitt zum Schlichtungs- bzw. "
        "Durchsetzungsverfahren mit einem Link zur zuständigen Stelle{body_de}.",
        "The accessibility statement lacks the section on the Schlichtung / enforcement "
        "procedure with a link to the responsible body{body_en}.",
    ),
    explanation=de_en(
        "Ergänzen Sie eine Überschrift „Schlichtungsverfahren“ bzw. „Durchsetzungsverfahren“ und "
        "darunter: Wer auf seine Meldung keine zufriedenstellende Antwort bekommt, kann sich an "
        "die zuständige Stelle wenden. Verlinken Sie deren Website und nennen Sie ihre "
        "Kontaktdaten. Für Stellen des Bundes ist das die Schlichtungsstelle nach § 16 BGG; "
        "Kommunen und Landesbehörden verweisen auf die Stelle ihres Landes. Steht die richtige "
        "Adresse nicht auf unserer Liste, tragen Sie sie als enforcement_hosts ein.",
        "Add a heading 'Schlichtungsverfahren' or 'Durchsetzungsverfahren' and explain that "
        "whoever gets no satisfactory answer can turn to the responsible body; link its site "
        "and give its contact details. Federal bodies point to the Schlichtungsstelle under "
        "§ 16 BGG; municipalities and state bodies to their Land's body. If the right address "
        "is not on our list, add it to enforcement_hosts.",
    ),
    severity="error",
    standards=("BGG § 12b Abs. 2 Nr. 3", "BGG § 16", "Durchführungsbeschluss (EU) 2018/1523"),
    examples=(
        Example(s.statement(), expect=None, context={"bitv": s.BY_MUNICIPAL}, url=s.STATEMENT_URL),
        Example(
            s.statement(
                enforcement="<h2>Schlichtungsverfahren</h2><p>Bei Streit hilft die "
                '<a href="https://www.schlichtungsstelle-bgg.de/">Schlichtungsstelle nach '
                "§ 16 BGG</a>.</p>"
            ),
            expect=None,
            context={"bitv": s.FEDERAL},
            url=s.STATEMENT_URL,
        ),
        Example(
            s.statement(
                enforcement="<h2>Schlichtungsverfahren</h2><p>Wenden Sie sich an die "
                '<a href="https://schlichtung.example-land.de/">Schlichtungsstelle</a>.</p>'
            ),
            expect=None,
            context={
                "bitv": BitvSettings(
                    land="BW", body="municipal", enforcement_hosts=("schlichtung.example-land.de",)
                )
            },
            url=s.STATEMENT_URL,
        ),
        # Association: at most a hint.
        Example(s.statement(enforcement=""),
                expect="failed", context={"bitv": s.ASSOCIATION}, url=s.STATEMENT_URL),
        Example(s.statement(enforcement=""),
                expect="failed", context={"bitv": s.BY_MUNICIPAL}, url=s.STATEMENT_URL),
        Example(
            s.statement(
                enforcement='<h2 id="schlichtung">Schlichtungsverfahren</h2><p>Sie können ein '
                "Schlichtungsverfahren beantragen.</p>"
            ),
            expect="failed",
            at="#schlichtung",
            context={"bitv": s.BY_MUNICIPAL},
            url=s.STATEMENT_URL,
        ),
        # A federal body must point to the federal Schlichtungsstelle, not to a Land body.
        Example(s.statement(),
                expect="needs_review", at="#enforcement-link", context={"bitv": s.FEDERAL},
                url=s.STATEMENT_URL),
        # No heading; the link sits in the paragraph that names the procedure.
        Example(
            s.statement(
                enforcement="<p>Bleibt Ihre Meldung ohne Antwort, können Sie die Schlichtung "
                'beantragen: <a id="plain" href="https://www.landesstelle.example/">'
                "www.landesstelle.example</a></p>"
            ),
            expect="needs_review",
            at="#plain",
            context={"bitv": s.SN_MUNICIPAL},
            url=s.STATEMENT_URL,
        ),
        # BW: no host on our list, so a plausible link needs review.
        Example(
            s.statement(
                enforcement="<h2>Durchsetzungsverfahren</h2><p>Wenden Sie sich an die "
                '<a id="lz" href="https://www.lz-barr.example/">Schlichtungsstelle</a>.</p>'
            ),
            expect="needs_review",
            at="#lz",
            context={"bitv": s.BW_MUNICIPAL},
            url=s.STATEMENT_URL,
        ),
    ),
)


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
