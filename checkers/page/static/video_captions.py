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

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.video-captions",
    engine="static",
    title=de_en("Video ohne Untertitel", "Video without captions"),
    message=de_en(
        "Das Video hat keine Untertitel-Spur (track kind=\"captions\").",
        'The video has no captions track (track kind="captions").',
    ),
    explanation=de_en(
        "Geben Sie dem Video Untertitel, die Sprache und wichtige Geräusche wiedergeben: "
        '<track kind="captions" src="film.de.vtt" srclang="de" label="Deutsch">.',
        "Give the video captions that render speech and important sounds: "
        '<track kind="captions" src="film.vtt" srclang="en" label="English">.',
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("1.2.2",),
    act=("eac66b",),
    standards=wcag_standards("1.2.2"),
    examples=(
        Example('<video id="v" src="imagefilm.mp4" controls></video>',
                expect="needs_review", at="#v"),
        Example(
            '<video id="v" controls><source src="a.mp4"><track kind="descriptions" '
            'src="a.vtt"></video>',
            expect="needs_review",
            at="#v",
        ),
        Example(
            '<video src="a.mp4" controls><track kind="captions" src="a.vtt" '
            'srclang="de"></video>',
            expect=None,
        ),
        Example('<video src="a.mp4" controls><track src="a.vtt" srclang="de"></video>',
                expect=None),
        Example('<video src="hintergrund.mp4" autoplay muted loop></video>', expect=None),
        Example('<template><video src="a.mp4" controls></video></template>', expect=None),
    ),
)


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
