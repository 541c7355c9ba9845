"""Precision of the own static rules: content that is never rendered is never judged.

Every failing example of every static rule is wrapped in a container the browser never
renders (template, datalist) or hides from everyone (hidden, display:none); the rule must then
stay silent. The few rules whose subject exists whether shown or not are named with the reason.
"""

from __future__ import annotations

import importlib
import re

import pytest

from checkers.page.dom import Page
from checkers.page.rule import PageContext, PageRule, run_rules

RULES: list[PageRule] = list(importlib.import_module("checkers.page.static").all_rules())

NEVER_RENDERED = {
    "template": "<template>{}</template>",
    "datalist": '<label>Ort <input list="l"></label><datalist id="l">{}</datalist>',
}
HIDDEN = {
    "hidden": "<div hidden>{}</div>",
    "display-none": '<div style="display:none">{}</div>',
}
# Rules judged on hidden content too, and why.
JUDGES_HIDDEN = {
    # ACT 5f99a7/6a7281 apply to every aria-* attribute in the document, shown or not.
    "static.aria-attr-valid": "ARIA attributes are checked wherever they are in the document",
    # An id reference finds hidden elements as well: a clash misleads names all the same.
    "static.duplicate-id-aria": "hidden elements still take part in id references",
    # Hidden audio plays all the same.
    "static.autoplay-audio": "hidden media still plays",
    # Markup errors are in the source, rendered or not.
    "static.markup-parse-error": "parse errors are in the source",
}
# Rule -> the never-rendered containers it may still judge, and why.
JUDGES_NEVER_RENDERED = {
    "static.markup-parse-error": ({"template", "datalist"}, "parse errors are in the source"),
    # A datalist's content is in the document (only not drawn): its ids are real ids, its
    # ARIA attributes are attributes of the document (ACT 5f99a7, 6a7281), its media plays.
    "static.duplicate-id-aria": ({"datalist"}, "ids in a datalist are document ids"),
    "static.aria-attr-valid": ({"datalist"}, "attributes in the document are checked"),
    "static.autoplay-audio": ({"datalist"}, "media plays without being drawn"),
}

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_PAGE_LEVEL = re.compile(r"<(html|head|title|meta|style|link|body)\b", re.I)


def _failing_fragments() -> list[tuple[PageRule, str]]:
    cases = []
    for rule in RULES:
        for example in rule.meta.examples:
            if example.expect is None or example.context:
                continue
            match = _BODY.search(example.text)
            inner = match.group(1) if match else example.text
            if _PAGE_LEVEL.search(inner):
                continue  # about the page as a whole: cannot be wrapped
            cases.append((rule, inner))
    return cases


CASES = [
    pytest.param(rule, inner, id=f"{rule.meta.id}-{n}")
    for n, (rule, inner) in enumerate(_failing_fragments())
]


def _findings(rule: PageRule, body: str) -> list[str]:
    html = (
        '<html lang="de"><head><title>Sprechzeiten</title></head><body><main>'
        f"<h1>Sprechzeiten</h1><p>Montag bis Freitag</p>{body}</main></body></html>"
    )
    page = Page(html, "https://example.org/amt")
    found = run_rules([rule], PageContext(page=page), "de")
    return [f.rule_id for f in found if f.rule_id == rule.meta.id]


def test_there_are_enough_cases() -> None:
    assert len(CASES) > 150


@pytest.mark.parametrize(("rule", "inner"), CASES)
def test_never_rendered_content_is_not_judged(rule: PageRule, inner: str) -> None:
    allowed = JUDGES_NEVER_RENDERED.get(rule.meta.id, (set(), ""))[0]
    for name, wrapper in NEVER_RENDERED.items():
        if name in allowed:
            continue
        assert _findings(rule, wrapper.format(inner)) == [], name


@pytest.mark.parametrize(("rule", "inner"), CASES)
def test_hidden_content_is_not_judged(rule: PageRule, inner: str) -> None:
    if rule.meta.id in JUDGES_HIDDEN:
        return
    for name, wrapper in HIDDEN.items():
        assert _findings(rule, wrapper.format(inner)) == [], name
