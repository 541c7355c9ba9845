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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._barriers import innermost_matches, words
from checkers.page.static._common import wcag_standards
from checkers.page.static._sensory import COLOR_REQUIRED, SENSORY, may_match_sensory

META = RuleMeta(
    id="static.sensory-instructions",
    engine="static",
    title=de_en("Anweisung nur über Farbe, Form oder Lage",
                "Instruction relies on colour, shape or position"),
    message=de_en(
        'Die Anweisung "{phrase}" verlässt sich auf Farbe, Form, Lage oder Ton.',
        'The instruction "{phrase}" relies on colour, shape, position or sound.',
    ),
    explanation=de_en(
        "Nennen Sie das Bedienelement bei seinem Text, z. B. „Klicken Sie auf ‚Absenden‘“ "
        "statt „auf den grünen Knopf rechts“. Farbe und Lage dürfen nur zusätzlich genannt "
        "werden.",
        'Name the control by its text, e.g. "Select \'Submit\'" instead of "the green button '
        'on the right". Colour and position may only be given in addition.',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.3.3",),
    standards=wcag_standards("1.3.3"),
    examples=(
        Example('<p id="s">Klicken Sie danach auf den <strong>grünen Knopf</strong>.</p>',
                expect="needs_review", at="#s"),
        Example('<p id="s">Freie Termine sind grün markiert.</p>', expect="needs_review", at="#s"),
        Example('<li id="s">Geben Sie den Begriff in das Suchfeld oben rechts ein.</li>',
                expect="needs_review", at="#s"),
        Example('<p id="s" lang="en">Use the round button to start.</p>',
                expect="needs_review", at="#s"),
        Example('<p id="s">Die Formulare finden Sie in der linken Spalte.</p>',
                expect="needs_review", at="#s"),
        Example('<p id="s" lang="en">The artist on the right won the award.</p>',
                expect="needs_review", at="#s"),
        Example('<p id="s">Das Foto links zeigt den Marktplatz.</p>',
                expect="needs_review", at="#s"),
        Example("<p lang=\"en\">We are on the right track.</p>", expect=None),
        Example("<p>Klicken Sie auf „Absenden“.</p>", expect=None),
        Example("<p>Das Bürgerbüro liegt links neben dem Eingang.</p>", expect=None),
        Example("<p>Weitere Links finden Sie unten.</p>", expect=None),
        Example(
            "<p>Gelbe Säcke gibt es im Rathaus. Spenden an das Deutsche Rote Kreuz."
            "</p>",
            expect=None,
        ),
        Example("<p>Rot markierte Felder sind Pflichtfelder.</p>", expect=None),
        Example('<p hidden>Klicken Sie auf den grünen Knopf.</p>', expect=None),
        Example('<p lang="en">Use <code>x</code> on the right side of an equals sign.</p>',
                expect=None),
        Example("<pre>/* the column on the left is for style */</pre>", expect=None),
    ),
)


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
