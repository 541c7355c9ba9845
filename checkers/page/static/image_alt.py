"""static.image-alt: an image without a text alternative.

WCAG 1.1.1 (Non-text Content), ACT rule 23a2a8 "Image has non-empty accessible name": applies
to img elements and elements with role="img" that are in the accessibility tree. Decorative
images pass: alt="" or role="presentation"/"none" (unless the image is focusable or carries a
global ARIA attribute, which cancels the decorative role). Names come from aria-labelledby,
aria-label, alt and title. An alt of only spaces fails (it is not empty, so the image is not
decorative, but its name is).
SVG has its own rule (static.svg-img-alt).
An img without any image source (no src, srcset, lazy-loading data-* source, picture source
or CSS background) renders nothing and is only flagged for review; one with no attribute at
all (no class or id a style sheet could give a background) is not judged: ACT 23a2a8 says it
does not render an image, so the rule does not apply.
Known false positives: images hidden by CSS classes (style sheets are not read).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.dom import HtmlElement, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import (
    explicit_role,
    facts,
    focusable,
    has_global_aria,
    presentational,
)

META = page_meta(__file__)

_IMG_ROLES = ("img", "image")


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    candidates = list(known.tags("img"))
    candidates.extend(
        el for el in known.with_role
        if explicit_role(el) in _IMG_ROLES and el.tag != "img" and el not in known.in_svg
    )
    for el in candidates:
        if el in known.excluded:
            continue
        role = explicit_role(el)
        if el.tag == "img":
            if role is not None and role not in (*_IMG_ROLES, "none", "presentation"):
                continue  # another role (button, link, ...): other rules judge it
            if presentational(el):
                continue
            alt = el.get("alt")
            if alt == "" and not (focusable(el) or has_global_aria(el)):
                continue  # decorative
        # alt=" " is not empty, so the image keeps its role, but the name is trimmed to "".
        if not page.accessible_name(el):
            if el.tag == "img" and _no_source(el):
                if not el.attrib:
                    continue  # nothing could give it an image: it renders nothing (ACT 23a2a8)
                yield PageHit(el, outcome="needs_review", message=_NO_SOURCE)
            else:
                yield PageHit(el)


_NO_SOURCE = de_en(
    "Das Bild hat keinen Alternativtext und keine Bildquelle (src). Zeigt es nichts an, ist es "
    "kein Problem; setzt ein Skript die Quelle später, braucht es einen Alternativtext.",
    "The image has no text alternative and no image source (src). If it shows nothing, that is "
    "no problem; if a script sets the source later, it needs a text alternative.",
)


def _no_source(el: HtmlElement) -> bool:
    """An img that renders no image from markup: no src or srcset, no lazy-loading data-*
    source, no source in its picture, no CSS background. A script may still give it one."""
    if (el.get("src") or "").strip() or (el.get("srcset") or "").strip():
        return False
    for name in el.attrib:
        key = name.lower()
        if key.startswith("data-") and ("src" in key or "lazy" in key or "original" in key):
            return False
    if "background" in (el.get("style") or "").lower():
        return False
    # The picture's source gives the img its image. Looked up among the ancestors, not only the
    # parent: an HTML4 parser nests the img inside the (void) source element.
    return not any(
        tag_of(ancestor) == "picture" and any(tag_of(d) == "source" for d in ancestor.iter())
        for ancestor in el.iterancestors()
    )
