"""static.animation-infinite: an endless CSS animation without a way to stop it.

WCAG 2.2.2 (Pause, Stop, Hide): moving or blinking content that starts by itself and lasts
more than five seconds needs a way to pause it; people with attention disorders or
vestibular disorders are distracted or made ill. An ``animation`` with ``infinite``
iterations (inline style or a rule in a <style> element) is reported for review, unless the
page's style elements also honour ``prefers-reduced-motion`` (then the user's system setting
stops it). Spinners and loading indicators are common and legitimate (they are part of an
activity), hence review only.
Known false positives: loading spinners; animations paused by a button the markup does not
reveal.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._barriers import css_rules, declarations
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.animation-infinite",
    engine="static",
    title=de_en("Endlose Animation", "Endless animation"),
    message=de_en("{where} lässt eine Animation endlos laufen.",
                  "{where} runs an animation forever."),
    explanation=de_en(
        "Lassen Sie Animationen nach höchstens 5 Sekunden enden, bieten Sie eine "
        "Pause-Schaltfläche an und beachten Sie @media (prefers-reduced-motion: reduce).",
        "End animations after 5 seconds at most, offer a pause button and honour "
        "@media (prefers-reduced-motion: reduce).",
    ),
    severity="warning",
    outcome="needs_review",
    wcag=("2.2.2",),
    standards=wcag_standards("2.2.2"),
    examples=(
        Example(
            '<style id="s">.laufband { animation: scroll 10s linear infinite; }'
            '</style><div class="laufband">Neu: Online-Termine</div>',
            expect="needs_review",
            at="#s",
        ),
        Example('<div id="a" style="animation: blinken 1s infinite">Eilmeldung</div>',
                expect="needs_review", at="#a"),
        Example(
            '<style>.x { animation: drehen 1s infinite; } @media (prefers-reduced-motion:'
            " reduce) { .x { animation: none; } }</style>",
            expect=None,
        ),
        Example('<style>.x { animation: einblenden 1s 1; }</style>', expect=None),
    ),
)


def _infinite(decls: dict[str, str]) -> bool:
    return ("infinite" in decls.get("animation", "")
            or decls.get("animation-iteration-count", "") == "infinite")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    styles = known.tags("style")
    if any("prefers-reduced-motion" in (s.text or "") for s in styles):
        return
    for rule in css_rules(page):
        if _infinite(rule.declarations):
            yield PageHit(rule.style, {"where": f"Die CSS-Regel „{rule.selector}“"},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", f'The CSS rule "{rule.selector}"')})
            break
    for el in known.elements:
        style = el.get("style")
        if not style or "infinite" not in style or el in known.not_rendered:
            continue
        if _infinite(declarations(style)):
            yield PageHit(el, {"where": "Das style-Attribut"},
                          message={"de": META.message["de"], "en": META.message["en"].replace(
                              "{where}", "The style attribute")})
