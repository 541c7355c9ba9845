"""static.summary-name: a disclosure's summary has no name, or one that says nothing.

WCAG 4.1.2 (Name, Role, Value), ACT rule 2t702h "Summary element has non-empty accessible name":
the summary that works as the button of its details element (the first summary child, without
an explicit role other than none/presentation) must have a name; an empty one fails. The text
itself needs judgement (WCAG 2.4.6 Headings and Labels): a summary that only says "Mehr",
"Details" or "Klicken Sie hier", or several summaries on one page with the same text for
different content, leave people who jump from control to control guessing what each opens.
Those are reported for review with the reason, under 2.4.6 only.
Known false positives: an FAQ whose questions repeat on purpose in different sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    explicit_role,
    facts,
)

VAGUE = de_en(
    'Der Text "{name}" zum Aufklappen sagt nicht, was sich öffnet: {reason_de}',
    'The disclosure text "{name}" does not say what it opens: {reason_en}',
)

META = page_meta(__file__)

_VAGUE = re.compile(
    r"(?:mehr|mehr (?:anzeigen|lesen|erfahren|infos?|informationen)|weitere informationen|"
    r"details(?: anzeigen| einblenden)?|info(?:s|rmationen)?|aufklappen|ausklappen|öffnen|"
    r"anzeigen|einblenden|hier|klicken sie hier|hier klicken|more|read more|show more|"
    r"show details|click here|expand|open)",
    re.I,
)


def _summary_button(el: HtmlElement) -> bool:
    """The summary that a browser uses as its details element's button."""
    parent = el.getparent()
    if parent is None or tag_of(parent) != "details":
        return False
    first = next((c for c in parent if isinstance(c.tag, str) and tag_of(c) == "summary"), None)
    if first is not el:
        return False
    role = explicit_role(el)
    return role is None or role in ("none", "presentation")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    seen: set[str] = set()
    for el in known.tags("summary"):
        if el in known.excluded or el in known.not_rendered or not _summary_button(el):
            continue
        name = page.accessible_name(el)
        key = name.casefold().strip(" .:…»›>")
        if not key:
            yield PageHit(el)
            continue
        reason = None
        if _VAGUE.fullmatch(key):
            reason = ("Der Text passt auf jeden Inhalt.", "The text fits any content.")
        elif key in seen:
            reason = (
                "Ein anderer Aufklapp-Bereich der Seite hat denselben Text.",
                "Another disclosure on the page has the same text.",
            )
        seen.add(key)
        if reason is not None:
            yield PageHit(
                el,
                {"name": name, "reason_de": reason[0], "reason_en": reason[1]},
                outcome="needs_review",
                severity="info",
                message=VAGUE,
                wcag=("2.4.6",),
                act=(),
            )
