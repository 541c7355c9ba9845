"""static.audio-transcript: an audio player with no transcript in sight.

WCAG 1.2.1 (Audio-only and Video-only (Prerecorded)): recorded audio (a podcast, a speech)
needs a text version for deaf and hard-of-hearing people. An <audio> element is reported
for review when neither the element's surroundings (parent and grandparent text), nor an
aria-describedby target, nor a nearby link mention a transcript ("Transkript", "Textfassung",
"Mitschrift", "zum Nachlesen", "transcript", "text version"). Whether the text is complete
needs a person.
Known false positives: a transcript further away on the page or on a linked page whose link
text does not say so; music without speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse
from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._barriers import near_text
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.audio-transcript",
    engine="static",
    title=de_en("Audio ohne Textfassung", "Audio without transcript"),
    message=de_en(
        "Neben dem Audio-Element ist keine Textfassung (Transkript) zu finden.",
        "No transcript is found next to the audio element.",
    ),
    explanation=de_en(
        "Bieten Sie den gesprochenen Inhalt auch als Text an, direkt unter dem Player oder "
        "als Link „Textfassung zum Nachlesen“.",
        'Offer the spoken content as text too, right below the player or as a link "Read the '
        'transcript".',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.2.1",),
    standards=wcag_standards("1.2.1"),
    examples=(
        Example(
            '<section><h2>Podcast</h2><audio id="a" src="folge1.mp3" controls>'
            "</audio></section>",
            expect="needs_review",
            at="#a",
        ),
        Example(
            '<div><audio src="folge1.mp3" controls></audio><p><a href="/folge1.html">'
            "Transkript der Folge 1</a></p></div>",
            expect=None,
        ),
        Example(
            '<div><audio src="r.mp3" controls></audio><details><summary>Textfassung'
            "</summary><p>…</p></details></div>",
            expect=None,
        ),
        Example(
            '<audio src="r.mp3" controls aria-describedby="t"></audio>'
            '<p id="t">Mitschrift: Die Bürgermeisterin begrüßt …</p>',
            expect=None,
        ),
    ),
)

_TRANSCRIPT = re.compile(
    r"transkript|transcript|textfassung|textversion|text-version|mitschrift|abschrift|"
    r"nachlesen|zum\s+lesen|text\s+version|wortprotokoll|als\s+text",
    re.I,
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("audio"):
        if el in known.not_rendered:
            continue
        described = " ".join(
            collapse(ref.text_content())
            for ref in (page.by_id(i) for i in (el.get("aria-describedby") or "").split())
            if ref is not None
        )
        if _TRANSCRIPT.search(described):
            continue
        nearby = near_text(page, el, 2)
        if _TRANSCRIPT.search(nearby):
            continue
        parent = el.getparent()
        hidden_parts = " ".join(
            collapse(d.text_content())
            for d in (parent if parent is not None else el).iter("summary", "a")
        )
        if _TRANSCRIPT.search(hidden_parts):
            continue
        yield PageHit(el)
