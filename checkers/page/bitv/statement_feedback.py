"""bitv.statement-feedback: the statement offers a way to report barriers electronically.

Reads the statement (``context.linked["statement"]`` or the audited page when it is one) and
looks in the section headed "Feedback", "Kontakt", "Barriere melden" or "Rückmeldung" (or, when
there is no such heading, in the main content) for a mailto: link, a form, a link to a contact
or barrier-report form, or an e-mail address in the text. None of these → error. § 12b Abs. 2
Nr. 2 BGG asks for "eine unmittelbar zugängliche barrierefrei gestaltete Möglichkeit,
elektronisch Kontakt aufzunehmen"; the model statements call the section "Feedback und
Kontaktangaben". Whether the form itself is accessible is for axe and the static rules.
Known false positives: a contact offered only by phone or post fails (correctly: the law asks
for electronic contact); an e-mail address written as an image is not seen. The site-wide
footer is ignored when the page has a <main>, so a footer mailto does not rescue a statement
without a contact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.bitv.common import (
    ENFORCEMENT_TOPIC,
    content_blocks,
    find_links,
    find_section,
    hit_at,
    in_section,
    link_elements,
    public_body_duty,
    statement_page,
)
from checkers.page.dom import HtmlElement, Page, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

# "Kontaktdaten der Schlichtungsstelle" is the enforcement section, not the feedback one.
HEADING = re.compile(
    r"^(?!.*(?:schlicht|durchsetz|ombud))"
    r".*(?:feedback|kontakt|barriere\w*\s+melden|r(?:ü|ue)ckmeldung|m(?:ä|ae)ngel\s+melden)",
    re.I | re.S,
)
FORM_LINK = re.compile(
    r"kontakt[\s\-]*formular|barriere\w*[\s\-]*melden|feedback[\s\-]*formular|melde[\s\-]*formular"
    r"|m(?:ä|ae)ngel[\s\-]*melden",
    re.I,
)
EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|[\w.+-]+\s*(?:\(at\)|\[at\])\s*[\w.-]+", re.I
)
NO_MEANS = de_en(
    "Im Abschnitt „{heading}“ fehlt eine elektronische Kontaktmöglichkeit: kein E-Mail-Link, "
    "keine E-Mail-Adresse und kein Formular.",
    "The section '{heading}' offers no electronic contact: no e-mail link, no e-mail address "
    "and no form.",
)

META = page_meta(__file__)


def _means(page: Page, elements: list[HtmlElement], text: str) -> bool:
    for el in elements:
        tag = tag_of(el)
        if tag == "form" or (tag == "a" and (el.get("href") or "").lower().startswith("mailto:")):
            return True
    if any(m.element in set(elements) for m in find_links(page, FORM_LINK, FORM_LINK)):
        return True
    return bool(EMAIL.search(text))


@page_rule(META)
@public_body_duty
def check(context: PageContext) -> Iterator[PageHit]:
    page = statement_page(context)
    if page is None:
        return
    section = find_section(page, HEADING)
    candidates = [*link_elements(page), *page.iter("form")]
    if section is not None:
        elements = in_section(page, section, candidates)
        if not _means(page, elements, section.text):
            yield hit_at(
                context,
                page,
                section.heading.element,
                message=NO_MEANS,
                params={"heading": section.heading.text},
            )
        return
    # No feedback heading: read the main content, minus the Schlichtung section (its contact
    # details belong to the Schlichtungsstelle, not to the site).
    other = find_section(page, ENFORCEMENT_TOPIC)
    skip = set(other.blocks) | {other.heading} if other is not None else set()
    blocks = [b for b in content_blocks(page) if b not in skip]
    inside = {el for b in blocks for el in b.element.iter()}
    elements = [el for el in candidates if el in inside]
    if other is not None:
        theirs = set(in_section(page, other, elements))
        elements = [el for el in elements if el not in theirs]
    if not _means(page, elements, " ".join(b.text for b in blocks)):
        yield hit_at(context, page)
