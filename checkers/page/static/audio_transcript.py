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
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import near_text
from checkers.page.static._common import facts

META = page_meta(__file__)

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
