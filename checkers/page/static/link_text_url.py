"""static.link-text-url: a link whose text is a long web address.

WCAG 2.4.4 (Link Purpose (In Context)) and 2.4.9: screen readers read a bare address such as
"https://www.musterstadt.de/index.php?id=4711&L=0" character group by character group, and it
seldom says what the target is. Links whose whole name is a URL of more than 30 characters
(or one with a query string) are reported, for review and as info. Short, speakable addresses
("www.musterstadt.de") pass.
Known false positives: pages where the address itself is the subject (an imprint listing the
web address, a citation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import accessible_name, facts, wcag_standards
from checkers.page.static.link_name import links

META = RuleMeta(
    id="static.link-text-url",
    engine="static",
    title=de_en("Web-Adresse als Linktext", "Web address as link text"),
    message=de_en('Der Linktext ist eine lange Web-Adresse: "{text}".',
                  'The link text is a long web address: "{text}".'),
    explanation=de_en(
        "Schreiben Sie in den Link, wohin er führt, z. B. „Abfallkalender 2026“ statt der "
        "Adresse.",
        'Write in the link where it leads, e.g. "Waste calendar 2026" instead of the address.',
    ),
    severity="info",
    outcome="needs_review",
    wcag=("2.4.4",),
    standards=wcag_standards("2.4.4"),
    examples=(
        Example(
            '<a id="u" href="https://www.musterstadt.de/index.php?id=4711&amp;L=0">'
            "https://www.musterstadt.de/index.php?id=4711&amp;L=0</a>",
            expect="needs_review",
            at="#u",
        ),
        Example(
            '<a id="u" href="/a">www.musterstadt.de/buergerservice/formulare/abfall/'
            "kalender-2026</a>",
            expect="needs_review",
            at="#u",
        ),
        Example('<a href="https://www.musterstadt.de">www.musterstadt.de</a>', expect=None),
        Example('<a href="/abfall">Abfallkalender 2026</a>', expect=None),
    ),
)

_URL = re.compile(r"\A(?:https?://|www\.)\S+\Z", re.I)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in links(page):
        if el in known.excluded:
            continue
        name = accessible_name(page, el)
        if not _URL.match(name):
            continue
        if len(name) > 30 or "?" in name:
            yield PageHit(el, {"text": name[:80]})
