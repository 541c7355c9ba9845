"""static.link-title-redundant: a link whose title repeats its text.

Best practice (WCAG technique H33, 2.4.4): the title attribute should add information to a
link, not repeat it. Some screen readers read the text and the title, so users hear
"Google, link, Google"; sighted mouse users get a tooltip that says nothing new. Reported
for review and as info when the title equals the link's text (case, blanks and punctuation
ignored). Links whose name comes from the title alone (no text) are not reported: there the
title is the name.
Known false positives: none beyond verbosity; removing the title is always safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static.link_name import links

META = RuleMeta(
    id="static.link-title-redundant",
    engine="static",
    title=de_en("Link-Titel wiederholt den Linktext", "Link title repeats the link text"),
    message=de_en(
        'Der title "{title}" wiederholt nur den Linktext.',
        'The title "{title}" only repeats the link text.',
    ),
    explanation=de_en(
        "Entfernen Sie den title oder schreiben Sie hinein, was der Linktext noch nicht sagt.",
        "Remove the title or put in it what the link text does not say yet.",
    ),
    severity="info",
    outcome="needs_review",
    wcag=("2.4.4",),
    standards=("WCAG technique H33", "Best practice (WCAG 2.4.4)"),
    examples=(
        Example('<a id="l" href="https://www.google.com" title="Google">Google</a>',
                expect="needs_review", at="#l"),
        Example('<a id="l" href="/k" title="kontakt.">Kontakt</a>', expect="needs_review", at="#l"),
        Example('<a href="/k" title="Kontaktformular der Stadt">Kontakt</a>', expect=None),
        Example('<a href="/k" title="Kontakt"><img src="k.png" alt=""></a>', expect=None),
        Example('<a href="/k">Kontakt</a>', expect=None),
    ),
)

_NOISE = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NOISE.sub(" ", collapse(text).casefold()).strip()


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    for el in links(page):
        title = collapse(el.get("title"))
        if not title:
            continue
        label = collapse(el.get("aria-label"))
        text = label or page._content_name(el, set())  # name without title
        if text and _key(text) and _key(text) == _key(title):
            yield PageHit(el, {"title": title[:80]})
