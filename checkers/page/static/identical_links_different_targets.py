"""static.identical-links-different-targets: links with the same text lead to different pages.

WCAG 2.4.9 (Link Purpose (Link Only), AAA) and 2.4.4 when the context is the same; ACT rule
b20e66 "Links with identical accessible names have equivalent purpose". Two links "Antrag"
to two different addresses confuse people who navigate by a list of links. The targets may
still be equivalent (the same document in two formats), so a person must review.
Links with vague texts ("mehr", "hier") are left to static.link-text-vague; symbol-only
names ("¶" permalinks) are skipped.
Known false positives: equivalent targets under different URLs (mirrors, tracking
parameters, language versions).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlunsplit

from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static.link_name import links
from checkers.page.static.link_text_vague import VAGUE, normalized
from checkers.page.urls import split_url

META = page_meta(__file__)


def _target(href: str | None, absolute: str | None) -> str | None:
    if not href or href.strip().lower().startswith(("javascript:", "mailto:", "tel:")):
        return None
    parts = split_url(absolute or href.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query,
                       parts.fragment))


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    groups: dict[str, list[object]] = {}
    names: dict[str, str] = {}
    for el in links(page):
        if el.tag != "a" or not el.get("href"):
            continue
        name = page.accessible_name(el)
        key = normalized(name)
        if not key or key in VAGUE or not any(c.isalnum() for c in key):
            continue  # symbol-only names ("¶", "#") are permalinks: too noisy to review
        groups.setdefault(key, []).append(el)
        names.setdefault(key, name)
    for key, members in groups.items():
        if len(members) < 2:
            continue  # resolving URLs is the costly part: only for repeated names
        targets = [_target(el.get("href"), page.absolute(el.get("href"))) for el in members]
        pairs = [(el, target) for el, target in zip(members, targets, strict=True) if target]
        if len(pairs) < 2:
            continue
        first_target = pairs[0][1]
        other = next((el for el, target in pairs if target != first_target), None)
        if other is not None:
            yield PageHit(other, {"text": names[key], "count": len(pairs)})
