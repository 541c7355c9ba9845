"""static.meta-refresh: the page reloads or redirects itself after a delay.

WCAG 2.2.1 (Timing Adjustable), 2.2.4 (Interruptions) and 3.2.5 (Change on Request); ACT rules
bc659a "Meta element has no refresh delay" and bisz58 (no exception). The first valid
<meta http-equiv="refresh"> counts. A delay of 0 (an instant redirect) passes; a delay up to
20 hours (72000 s) fails, because people are interrupted while reading; a longer delay is only
a problem at level AAA and is reported for review.
Known false positives: none known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.meta-refresh",
    engine="static",
    title=de_en("Automatisches Neuladen", "Automatic refresh"),
    message=de_en("Die Seite lädt sich nach {seconds} Sekunden neu oder leitet weiter.",
                  "The page refreshes or redirects after {seconds} seconds."),
    explanation=de_en(
        "Entfernen Sie das automatische Neuladen. Weiterleitungen machen Sie auf dem Server "
        "oder sofort (Verzögerung 0).",
        "Remove the automatic refresh. Redirect on the server or at once (delay 0).",
    ),
    severity="error",
    wcag=("2.2.1", "2.2.4", "3.2.5"),
    act=("bc659a", "bisz58"),
    standards=wcag_standards("2.2.1"),
    examples=(
        Example('<head><meta id="r" http-equiv="refresh" content="30"></head>',
                expect="failed", at="#r"),
        Example('<head><meta id="r" http-equiv="Refresh" content="5; URL=/neu"></head>',
                expect="failed", at="#r"),
        Example('<head><meta id="r" http-equiv="refresh" content="72000"></head>',
                expect="failed", at="#r"),
        # Longer than 20 hours: AAA only, review.
        Example('<head><meta id="r" http-equiv="refresh" content="72001"></head>',
                expect="needs_review", at="#r"),
        Example('<head><meta http-equiv="refresh" content="0; url=/neu"></head>', expect=None),
        Example('<head><meta http-equiv="refresh" content="abc"></head>', expect=None),
        # Only the first valid one counts.
        Example(
            '<head><meta http-equiv="refresh" content="0; url=/a">'
            '<meta http-equiv="refresh" content="5"></head>',
            expect=None,
        ),
        Example('<head><meta name="refresh" content="5"></head>', expect=None),
    ),
)

_DELAY = re.compile(r"\s*(\d+)(?:\.[\d.]*)?\s*(?:[;,\s]|$)")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for el in facts(context.page).tags("meta"):
        if (el.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        match = _DELAY.match(el.get("content") or "")
        if match is None:
            continue  # invalid: the browser ignores it
        seconds = int(match.group(1))
        if 0 < seconds <= 72000:
            yield PageHit(el, {"seconds": seconds})
        elif seconds > 72000:
            # Allowed by 2.2.1 (more than 20 hours): only the AAA criteria, ACT bisz58.
            yield PageHit(
                el,
                {"seconds": seconds},
                outcome="needs_review",
                severity="info",
                wcag=("2.2.4", "3.2.5"),
                act=("bisz58",),
            )
        return
