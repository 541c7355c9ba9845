"""static.color-only-required: required form fields are marked by colour only.

WCAG 1.4.1 (Use of Color) and 3.3.2 (Labels or Instructions), technique failure F81: a note
such as "Rot markierte Felder sind Pflichtfelder" or "required fields are shown in red" tells
people who cannot tell colours apart nothing. The rule finds such a note (German and English
phrases) and reports it unless the note itself or the labels of the page also use a text
marker (an asterisk, "Pflicht", "erforderlich", "required"). Reported for review: the
colour may be explained in another way.
Known false positives: required fields marked by an icon with a text alternative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import innermost_matches, visible_text, words
from checkers.page.static._common import facts
from checkers.page.static._sensory import COLOR_REQUIRED, may_match_required

META = page_meta(__file__)

_MARKER = re.compile(r"\*|\bpflicht|erforderlich|\brequired\b|\bmandatory\b|sternchen|"
                     r"asterisk", re.I)


def _labels_marked(page) -> bool:
    known = facts(page)
    for el in known.tags("label") + known.tags("legend"):
        if _MARKER.search(visible_text(page, el)):
            return True
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if not may_match_required(words(page)):
        return
    marked: bool | None = None
    for el, found in innermost_matches(page, COLOR_REQUIRED):
        text = found.string
        end = text.find(".", found.end())
        sentence = text[max(text.rfind(".", 0, found.start()) + 1, 0):
                        end + 1 if end >= 0 else len(text)]
        rest = sentence.replace(found.group(0), " ")
        if _MARKER.search(rest.replace("Pflichtfelder", "")):
            continue
        if marked is None:
            marked = _labels_marked(page)
        if marked:
            continue
        yield PageHit(el, {"phrase": sentence.strip()[:100]})
