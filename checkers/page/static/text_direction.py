"""static.text-direction: text in a right-to-left language without dir="rtl", or the reverse.

WCAG 1.3.2 (Meaningful Sequence), techniques H34 and H56: Arabic, Hebrew, Persian, Urdu and
other right-to-left languages need dir="rtl" (on the element or an ancestor), or punctuation,
numbers and the line start end up on the wrong side; text in a left-to-right language
marked dir="rtl" is reordered the same way. The language comes from the lang attribute of
the element or its ancestors. Reported for review: the bidi algorithm keeps single words
readable, a person must judge whole sentences.
Known false positives: a single RTL word inside a sentence (bdi is enough there).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._barriers import visible_text
from checkers.page.static._common import facts

META = page_meta(__file__)

RTL = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ji", "dv", "ps", "sd", "ug", "ku-arab",
                 "ckb", "syr", "arc", "nqo", "ks", "pa-arab"})
_RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"})


def _is_rtl(lang: str) -> bool | None:
    """True for right-to-left languages, False for others, None when unknown."""
    parts = lang.lower().replace("_", "-").split("-")
    if not parts or not parts[0].isalpha():
        return None
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script is not None:
        return script in _RTL_SCRIPTS
    return parts[0] in RTL or "-".join(parts[:2]) in RTL


def _direction(el) -> str:
    node = el
    while node is not None and isinstance(node.tag, str):
        value = (node.get("dir") or "").strip().lower()
        if value in ("rtl", "ltr"):
            return value
        if value == "auto":
            return "auto"
        node = node.getparent()
    return "ltr"


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.elements:
        lang = el.get("lang")
        own_dir = (el.get("dir") or "").strip().lower()
        if lang is None and own_dir != "rtl":
            continue
        if el in known.not_rendered or el.tag in ("head", "script", "style"):
            continue
        language = (lang or page.element_lang(el) or "").strip()
        rtl = _is_rtl(language) if language else None
        if rtl is None:
            continue
        direction = _direction(el)
        if direction == "auto":
            continue
        if rtl == (direction == "rtl"):
            continue
        if len(visible_text(page, el)) < 2:
            continue
        yield PageHit(el, {"lang": language, "direction": direction})
