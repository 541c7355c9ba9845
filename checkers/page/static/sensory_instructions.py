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

from checkers.page.rule import PageContext, PageExample, PageHit, PageRuleMeta, de_en, page_rule
from checkers.page.static._barriers import innermost_matches, words
from checkers.page.static._common import wcag_standards
from checkers.page.static._sensory import COLOR_REQUIRED, SENSORY, may_match_sensory

META = PageRuleMeta(
    id="static.sensory-instructions",
    engine="static",
    title=de_en("Anweisung nur über Farbe, Form oder Lage",
                "Instruction relies on colour, shape or position"),
    message=de_en(
        'Die Anweisung "{phrase}" verlässt sich auf Farbe, Form, Lage oder Ton.',
        'The instruction "{phrase}" relies on colour, shape, position or sound.',
    ),
    help=de_en(
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
        PageExample('<p id="s">Klicken Sie danach auf den <strong>grünen Knopf</strong>.</p>',
                    fails=True, selector="#s"),
        PageExample('<p id="s">Freie Termine sind grün markiert.</p>', fails=True,
                    selector="#s"),
        PageExample('<li id="s">Geben Sie den Begriff in das Suchfeld oben rechts ein.</li>',
                    fails=True, selector="#s"),
        PageExample('<p id="s" lang="en">Use the round button to start.</p>', fails=True,
                    selector="#s"),
        PageExample('<p id="s">Die Formulare finden Sie in der linken Spalte.</p>',
                    fails=True, selector="#s"),
        PageExample('<p id="s" lang="en">The artist on the right won the award.</p>',
                    fails=True, selector="#s"),
        PageExample('<p id="s">Das Foto links zeigt den Marktplatz.</p>', fails=True,
                    selector="#s"),
        PageExample("<p lang=\"en\">We are on the right track.</p>", fails=False),
        PageExample("<p>Klicken Sie auf „Absenden“.</p>", fails=False),
        PageExample("<p>Das Bürgerbüro liegt links neben dem Eingang.</p>", fails=False),
        PageExample("<p>Weitere Links finden Sie unten.</p>", fails=False),
        PageExample("<p>Gelbe Säcke gibt es im Rathaus. Spenden an das Deutsche Rote Kreuz."
                    "</p>", fails=False),
        PageExample("<p>Rot markierte Felder sind Pflichtfelder.</p>", fails=False),
        PageExample('<p hidden>Klicken Sie auf den grünen Knopf.</p>', fails=False),
        PageExample('<p lang="en">Use <code>x</code> on the right side of an equals sign.</p>',
                    fails=False),
        PageExample("<pre>/* the column on the left is for style */</pre>", fails=False),
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
