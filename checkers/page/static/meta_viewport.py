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

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import facts

META = page_meta(__file__)

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
