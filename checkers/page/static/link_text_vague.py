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
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static.link_name import links

META = page_meta(__file__)

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
        name = page.accessible_name(el)
        key = normalized(name)
        if key not in VAGUE:
            continue
        if any(page.by_id(i) is not None for i in (el.get("aria-describedby") or "").split()):
            continue
        title = collapse(el.get("title"))
        if title and normalized(title) != key and len(title) > len(name):
            continue
        yield PageHit(el, {"text": name})
