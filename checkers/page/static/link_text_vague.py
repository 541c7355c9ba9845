"""static.link-text-vague: a link whose whole text is "hier", "mehr", "Seite" or "click here".

WCAG 2.4.4 (Link Purpose (In Context)): screen reader users often list all links of a page;
"hier" or "mehr" tell nothing there. The rule looks at the link's accessible name only and
skips links that explain themselves through aria-describedby or a longer title. Reported for
review: WCAG accepts the surrounding sentence as context, which a person must judge.
Known false positives: "weiter"/"zurück" in a clearly labelled pagination or form wizard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, wcag_standards
from checkers.page.static.link_name import links

META = RuleMeta(
    id="static.link-text-vague",
    engine="static",
    title=de_en("Linktext ohne Aussage", "Vague link text"),
    message=de_en('Der Linktext "{text}" sagt nicht, wohin der Link führt.',
                  'The link text "{text}" does not say where the link leads.'),
    explanation=de_en(
        "Schreiben Sie in den Link, wohin er führt, zum Beispiel „Antrag auf Wohngeld“ statt "
        "„hier“ oder „mehr“.",
        'Write in the link where it leads, for example "Housing benefit application" '
        'instead of "here" or "more".',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("2.4.4",),
    standards=wcag_standards("2.4.4"),
    examples=(
        Example('<p>Den Antrag finden Sie <a id="l" href="/antrag">hier</a>.</p>',
                expect="needs_review", at="#l"),
        Example('<a id="l" href="/news/1">Mehr …</a>', expect="needs_review", at="#l"),
        Example('<a id="l" href="/news/1">» Weiterlesen</a>', expect="needs_review", at="#l"),
        Example('<a id="l" href="/x">Klicken Sie hier</a>', expect="needs_review", at="#l"),
        Example('<a id="l" href="/x" lang="en">Read more</a>', expect="needs_review", at="#l"),
        Example('<a href="/antrag">Antrag auf Wohngeld</a>', expect=None),
        Example('<a href="/news/1" aria-label="Mehr zum Stadtfest">Mehr</a>', expect=None),
        Example('<h3 id="h">Stadtfest</h3><a href="/news/1" aria-describedby="h">Mehr</a>',
                expect=None),
        Example('<a href="/news/1" title="Mehr zum Stadtfest 2026">mehr</a>', expect=None),
        Example('<a href="/news/1" hidden>mehr</a>', expect=None),
        Example('<p>Mehr über mich auf meiner <a id="l" href="page.html">page</a>.</p>',
                expect="needs_review", at="#l"),
        Example('<p>Infos auf <a id="l" href="/i">dieser Seite</a>.</p>',
                expect="needs_review", at="#l"),
        Example('<a id="l" href="/i">Webseite</a>', expect="needs_review", at="#l"),
        Example('<a id="l" href="/i">Link</a>', expect="needs_review", at="#l"),
        Example('<a href="/i">Webseite des Bürgeramts</a>', expect=None),
    ),
)

VAGUE = frozenset(
    phrase.strip()
    for phrase in """
    hier|hier klicken|klicken sie hier|klick hier|hier klicken!|hier lesen|hier entlang|mehr|
    mehr lesen|mehr erfahren|mehr dazu|mehr info|mehr infos|mehr informationen|weiter|
    weiterlesen|weiter lesen|weitere informationen|lesen sie mehr|lesen sie weiter|mehr anzeigen|
    details|zum artikel|zur seite|link|dieser link|diese seite|artikel|seite|webseite|
    website|diese webseite|diese website|meine seite|unsere seite|internetseite|dieser seite|
    auf dieser seite|zur webseite|zur website|zum link|hier geht's|hier gehts|dies|
    here|click here|click|more|read more|learn more|more info|more information|continue|
    continue reading|details|this link|this page|go|link|page|my page|our page|web page|
    webpage|this website|this site|site|website|the website|click this link|this
    """.split("|")
)
_EDGES = re.compile(r"^[\s»«›‹>→←<.:…\-–—|()\[\]+*!]+|[\s»«›‹>→←<.:…\-–—|()\[\]+*!]+$")


def normalized(text: str) -> str:
    return _EDGES.sub("", collapse(text).lower())


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el in links(page):
        name = accessible_name(page, el)
        key = normalized(name)
        if key not in VAGUE:
            continue
        if any(page.by_id(i) is not None for i in (el.get("aria-describedby") or "").split()):
            continue
        title = collapse(el.get("title"))
        if title and normalized(title) != key and len(title) > len(name):
            continue
        yield PageHit(el, {"text": name})
