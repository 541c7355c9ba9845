"""static.meta-viewport: the viewport meta element blocks zooming.

WCAG 1.4.4 (Resize Text) and 1.4.10 (Reflow), ACT rule b4f0c3 "Meta viewport allows for
zoom": user-scalable=no (or any value below 1, or junk) or a maximum-scale below 2
(including junk values, which browsers read as 0.1) stops people with low vision from
enlarging the page on phones and tablets.
Known false positives: none known (some browsers ignore the setting, the rule still applies).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.rule import Example, PageContext, PageHit, RuleMeta, de_en, page_rule
from checkers.page.static._common import facts, wcag_standards

META = RuleMeta(
    id="static.meta-viewport",
    engine="static",
    title=de_en("Zoomen gesperrt", "Zoom blocked"),
    message=de_en("Die Seite verhindert das Vergrößern ({setting}).",
                  "The page prevents zooming ({setting})."),
    explanation=de_en(
        'Entfernen Sie user-scalable=no und maximum-scale aus <meta name="viewport">. '
        'Es reicht: content="width=device-width, initial-scale=1".',
        'Remove user-scalable=no and maximum-scale from <meta name="viewport">. This is '
        'enough: content="width=device-width, initial-scale=1".',
    ),
    severity="error",
    wcag=("1.4.4", "1.4.10"),
    act=("b4f0c3",),
    standards=wcag_standards("1.4.4", "1.4.10"),
    examples=(
        Example(
            '<head><meta id="v" name="viewport" content="width=device-width, '
            'user-scalable=no"></head>',
            expect="failed",
            at="#v",
        ),
        Example(
            '<head><meta id="v" name="viewport" content="width=device-width, '
            'maximum-scale=1.0"></head>',
            expect="failed",
            at="#v",
        ),
        Example('<head><meta id="v" name="Viewport" content="user-scalable=0"></head>',
                expect="failed", at="#v"),
        Example(
            '<head><meta name="viewport" content="width=device-width, '
            'initial-scale=1"></head>',
            expect=None,
        ),
        Example(
            '<head><meta name="viewport" content="maximum-scale=2, '
            'user-scalable=yes"></head>',
            expect=None,
        ),
        Example('<head><meta name="description" content="user-scalable=no"></head>', expect=None),
        Example('<head><meta id="v" name="viewport" content="user-scalable=0.5"></head>',
                expect="failed", at="#v"),
        Example('<head><meta id="v" name="viewport" content="maximum-scale=yes"></head>',
                expect="failed", at="#v"),
        Example('<head><meta name="viewport" content="user-scalable=5"></head>', expect=None),
        Example('<head><meta name="viewport" content="maximum-scale=-1"></head>', expect=None),
        Example(
            '<head><meta name="viewport" content="maximum-scale=device-width">'
            "</head>",
            expect=None,
        ),
        Example('<head><meta name="viewport" content=""></head>', expect=None),
    ),
)

_PAIR = re.compile(r"([a-z-]+)\s*=\s*([^,;\s]*)", re.I)


def _number(value: str, unknown: float) -> float:
    """A viewport property value as number, following the CSS Device Adaptation translation:
    yes=1, device-width/height=10, anything unparseable counts as `unknown`."""
    keywords = {"yes": 1.0, "no": unknown, "device-width": 10.0, "device-height": 10.0}
    if value in keywords:
        return keywords[value]
    try:
        return float(value)
    except ValueError:
        return unknown


def blocked(content: str) -> str | None:
    settings = {k.lower(): v.strip().lower() for k, v in _PAIR.findall(content)}
    scalable = settings.get("user-scalable")
    # Translated to user-zoom: a value with magnitude below 1 (no, 0, 0.5, junk) means fixed.
    if scalable is not None and abs(_number(scalable, 0.0)) < 1:
        return f"user-scalable={scalable}"
    maximum = settings.get("maximum-scale")
    # Negative values are ignored; junk becomes 0.1 (less than 200 %).
    if maximum is not None and 0 <= _number(maximum, 0.1) < 2:
        return f"maximum-scale={maximum}"
    return None


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    for el in facts(context.page).tags("meta"):
        if (el.get("name") or "").strip().lower() != "viewport":
            continue
        setting = blocked(el.get("content") or "")
        if setting:
            yield PageHit(el, {"setting": setting})
