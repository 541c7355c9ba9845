"""static.blink-marquee: blinking or scrolling text with <blink> or <marquee>.

WCAG 2.2.2 (Pause, Stop, Hide): moving text that starts by itself and cannot be paused is
hard to read and distracts people with attention or reading difficulties. marquee moves until
stopped by script; blink is obsolete but still found in old pages.
Known false positives: a marquee with scrollamount="0" or one stopped by script.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.blink-marquee",
    engine="static",
    title=de_en("Laufschrift oder blinkender Text", "Scrolling or blinking text"),
    message=de_en("<{tag}> bewegt Text, ohne dass man ihn anhalten kann.",
                  "<{tag}> moves text and cannot be paused."),
    explanation=de_en(
        "Entfernen Sie <{tag}>. Zeigen Sie wichtige Hinweise als ruhigen Text an.",
        "Remove <{tag}>. Show important notices as still text.",
    ),
    severity="error",
    wcag=("2.2.2",),
    standards=wcag_standards("2.2.2"),
    examples=(
        Example('<marquee id="m">Eilmeldung</marquee>', expect="failed", at="#m"),
        Example('<p><blink id="b">Neu!</blink></p>', expect="failed", at="#b"),
        Example("<p>Eilmeldung</p>", expect=None),
        Example('<marquee hidden>Eilmeldung</marquee>', expect=None),
        Example('<marquee scrollamount="0">Eilmeldung</marquee>', expect=None),
    ),
)


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    known = facts(context.page)
    for tag in ("marquee", "blink"):
        for el in known.tags(tag):
            if el in known.not_rendered:
                continue
            if tag == "marquee" and (el.get("scrollamount") or "").strip() == "0":
                continue
            yield PageHit(el, {"tag": tag})
