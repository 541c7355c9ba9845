"""static.sensory-instructions: instructions that rely on colour, shape, position or sound.

WCAG 1.3.3 (Sensory Characteristics), technique failures F14 and F26: "Klicken Sie auf den
roten Knopf", "die grün markierten Termine", "das Suchfeld oben rechts", "press the round
button", "see the menu on the left" cannot be followed by blind users or people who do not see
colours, and break when the layout changes (zoom, mobile). German and English word lists
(``_sensory.py``) find such phrases in the innermost text block; a position needs an
interface noun in the same phrase (so "links neben dem Eingang" about a building passes).
Reported for review: the instruction may also name the control by its text, which WCAG
allows. Texts about required fields marked by colour go to static.color-only-required.
Known false positives: descriptions of physical places or of pictures; colour names in
proper names.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import innermost_matches, words
from checkers.page.static._sensory import COLOR_REQUIRED, SENSORY, may_match_sensory

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    if not may_match_sensory(words(page)):
        return
    for el, found in innermost_matches(page, SENSORY):
        text = found.string
        # The whole sentence around the phrase, for the message.
        start = max(text.rfind(".", 0, found.start()), text.rfind("!", 0, found.start())) + 1
        end = min((i for i in (text.find(".", found.end()), text.find("!", found.end()))
                   if i >= 0), default=len(text))
        if COLOR_REQUIRED.search(text[start:end + 1]):
            continue
        phrase = text[start:end].strip()
        if len(phrase) > 100:
            phrase = found.group(0)
        yield PageHit(el, {"phrase": phrase})
