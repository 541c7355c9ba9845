"""static.video-captions: a video without a captions track.

WCAG 1.2.2 (Captions (Prerecorded)) and 1.2.4 (Captions (Live)); ACT rule eac66b (video
element auditory content has accessible alternative) needs a person to decide. A <video>
without a <track kind="captions"> or <track kind="subtitles"> (the default kind) has no
closed captions; open captions burned into the picture or a video without speech are fine,
which the markup cannot show, so the finding is for review. Muted videos without controls
(background loops) are skipped: they usually have no sound. Embedded players (iframes) are
not checked.
Known false positives: open captions in the picture; videos without speech or sound.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for el in known.tags("video"):
        if el in known.not_rendered:
            continue
        if el.get("muted") is not None and el.get("controls") is None:
            continue
        kinds = {
            (track.get("kind") or "subtitles").strip().lower()
            for track in el.iter("track")
            if track.get("src")
        }
        if kinds & {"captions", "subtitles"}:
            continue
        yield PageHit(el)
