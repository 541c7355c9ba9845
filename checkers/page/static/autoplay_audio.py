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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.autoplay-audio",
    engine="static",
    title=de_en("Ton startet automatisch", "Audio plays automatically"),
    message=de_en(
        "Das {tag}-Element startet automatisch mit Ton und hat keine Bedienelemente.",
        "The {tag} element starts automatically with sound and has no controls.",
    ),
    explanation=de_en(
        "Starten Sie Ton nicht automatisch. Wenn doch: höchstens 3 Sekunden, oder mit einer "
        "Schaltfläche zum Anhalten und Leiserstellen am Anfang der Seite.",
        "Do not start sound automatically. If you must: at most 3 seconds, or with a button "
        "to pause and turn it down at the top of the page.",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.4.2",),
    act=("80f0bf",),
    standards=wcag_standards("1.4.2"),
    examples=(
        Example('<audio id="a" src="musik.mp3" autoplay></audio>', expect="needs_review", at="#a"),
        Example('<video id="v" src="film.mp4" autoplay loop></video>',
                expect="needs_review", at="#v"),
        Example('<video id="v" src="film.mp4" autoplay controls></video>',
                expect="needs_review", at="#v"),
        Example('<audio id="a" src="musik.mp3" autoplay style="display:none"></audio>',
                expect="needs_review", at="#a"),
        Example('<video src="film.mp4" autoplay muted></video>', expect=None),
        Example('<audio src="musik.mp3" controls></audio>', expect=None),
        Example('<template><audio src="musik.mp3" autoplay></audio></template>', expect=None),
    ),
)

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
