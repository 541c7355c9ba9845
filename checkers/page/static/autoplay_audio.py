"""static.autoplay-audio: audio or video that starts playing by itself with sound.

WCAG 1.4.2 (Audio Control), ACT rule 80f0bf "audio or video element avoids automatically
playing audio": autoplay without muted. The markup cannot tell whether the media has sound,
lasts more than 3 seconds, or whether the page offers its own stop button, so the finding is
always for review: a warning without native controls, info with controls.
Hidden media elements are checked too: they still play sound.
Known false positives: videos without an audio track, sounds shorter than 3 seconds.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

_NEVER_PLAYED = frozenset({"template", "noscript"})


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for tag in ("audio", "video"):
        for el in known.tags(tag):
            if el.get("autoplay") is None or el.get("muted") is not None:
                continue
            if any(a.tag in _NEVER_PLAYED for a in el.iterancestors()):
                continue
            if el.get("controls") is not None:
                yield PageHit(
                    el, {"tag": tag}, severity="info",
                    message=de_en(
                        "Das {tag}-Element startet automatisch mit Ton (Bedienelemente "
                        "vorhanden).",
                        "The {tag} element starts automatically with sound (controls present).",
                    ),
                )
            else:
                yield PageHit(el, {"tag": tag})
