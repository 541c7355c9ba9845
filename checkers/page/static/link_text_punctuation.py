"""static.link-text-punctuation: a link whose whole text is a punctuation mark or symbol.

WCAG 2.4.4 (Link Purpose (In Context)): a link named ".", ">", "»", "→", "…", "+" or "#"
passes the check for a non-empty name (ACT c487ae), but a screen reader announces "link
full stop" or nothing useful, and the tiny target is hard to hit. Reported for review,
once per symbol: the surrounding sentence may explain the link, which WCAG accepts as context.
Links into the page itself (heading permalinks "#", "§", "¶") and operators in code
(<a><code>?</code></a>) are skipped.
Known false positives: pagination arrows inside a labelled navigation; "+"/"−" buttons
styled as links next to a visible label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, facts, wcag_standards
from checkers.page.static.link_name import links

META = RuleMeta(
    id="static.link-text-punctuation",
    engine="static",
    title=de_en("Linktext nur ein Zeichen", "Link text is only a symbol"),
    message=de_en('Der Linktext besteht nur aus "{text}".',
                  'The link text consists only of "{text}".'),
    explanation=de_en(
        "Schreiben Sie in den Link, wohin er führt, z. B. „Nächste Seite“ statt „»“, oder "
        "geben Sie dem Link ein aria-label.",
        'Write in the link where it leads, e.g. "Next page" instead of "»", or give the link '
        "an aria-label.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("2.4.4",),
    standards=wcag_standards("2.4.4"),
    examples=(
        Example(
            '<p>Besuchen Sie das Portal <a id="l" href="https://portal.example.de">.</a>'
            "</p>",
            expect="needs_review",
            at="#l",
        ),
        Example('<a id="l" href="/seite/2">»</a>', expect="needs_review", at="#l"),
        Example('<a href="/seite/2" aria-label="Nächste Seite">»</a>', expect=None),
        Example('<a href="/seite/2">Nächste Seite »</a>', expect=None),
        Example('<a href="/seite/2">2</a>', expect=None),
        Example('<h2 id="a">Anfahrt <a href="#a">§</a></h2>', expect=None),
    ),
)

_SYMBOLS = re.compile(r"\A[^\w]{1,3}\Z")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    reported: set[str] = set()
    for el in links(page):
        if el in known.excluded or (el.get("href") or "").strip().startswith("#"):
            continue  # "#", "§", "¶" permalinks next to headings point into the page itself
        name = accessible_name(page, el)
        if not name or not _SYMBOLS.match(name) or name in reported:
            continue
        if next(el.iter("code", "kbd", "samp", "var"), None) is not None:
            continue  # a link to the documentation of an operator such as "?" or "!"
        reported.add(name)  # once per symbol: repeated "»" in teaser lists is one finding
        yield PageHit(el, {"text": name})
