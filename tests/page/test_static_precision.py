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


# Every way HTML and ARIA give a name (label, wrapping label, aria-label, aria-labelledby to
# shown or hidden text, title, alt, value, default button names, content, SVG title): the
# naming rules accept each.
NAMED = [
    ("static.image-alt", '<img src="a.png" alt="Rathaus">'),
    ("static.image-alt", '<img src="a.png" aria-label="Rathaus">'),
    ("static.image-alt", '<span id="n" hidden>Rathaus</span><img src="a.png" aria-labelledby="n">'),
    ("static.image-alt", '<img src="a.png" title="Rathaus">'),
    (
        "static.image-alt",
        '<figure><img src="a.png" aria-labelledby="c">'
        '<figcaption id="c">Rathaus</figcaption></figure>',
    ),
    ("static.button-name", '<button aria-label="Suchen"></button>'),
    ("static.button-name", '<button><img src="s.png" alt="Suchen"></button>'),
    ("static.button-name", '<button title="Suchen"></button>'),
    (
        "static.button-name",
        '<span id="n" hidden>Suchen</span><button aria-labelledby="n"></button>',
    ),
    ("static.button-name", '<input type="submit">'),
    ("static.button-name", '<input type="reset">'),
    ("static.button-name", '<input type="button" value="Suchen">'),
    ("static.button-name", '<button><svg role="img" aria-label="Suchen"></svg></button>'),
    ("static.button-name", "<button><svg><title>Suchen</title></svg></button>"),
    ("static.button-name", '<label for="b">Suchen</label><button id="b"></button>'),
    ("static.button-name", '<div role="button" tabindex="0">Suchen</div>'),
    ("static.link-name", '<a href="/">Start</a>'),
    ("static.link-name", '<a href="/"><img src="l.png" alt="Start"></a>'),
    ("static.link-name", '<a href="/" aria-label="Start"></a>'),
    ("static.link-name", '<a href="/" title="Start"><img src="l.png" alt=""></a>'),
    ("static.link-name", '<a href="/"><svg><title>Start</title></svg></a>'),
    ("static.link-name", '<a href="/"><svg role="img" aria-label="Start"></svg></a>'),
    ("static.link-name", '<a href="/"><span aria-hidden="true">»</span> Start</a>'),
    ("static.link-name", '<a href="/"><img src="l.png" title="Start"></a>'),
    ("static.link-name", '<a href="/"><object data="x.svg" aria-label="Start"></object></a>'),
    ("static.form-label", '<label for="f">Ort</label><input id="f">'),
    ("static.form-label", "<label>Ort <input></label>"),
    ("static.form-label", '<input aria-label="Ort">'),
    ("static.form-label", '<input title="Ort">'),
    ("static.form-label", '<span id="n">Ort</span><input aria-labelledby="n">'),
    ("static.form-label", '<span id="n" hidden>Ort</span><input aria-labelledby="n">'),
    ("static.form-label", '<select aria-label="Ort"><option>A</option></select>'),
    ("static.form-label", '<label for="f">Ort</label><textarea id="f"></textarea>'),
    ("static.form-label", '<label for="f"><img src="o.png" alt="Ort"></label><input id="f">'),
    ("static.form-label", '<div role="checkbox" aria-checked="false" tabindex="0">Ja</div>'),
    ("static.iframe-title", '<iframe src="a.html" title="Karte"></iframe>'),
    ("static.iframe-title", '<iframe src="a.html" aria-label="Karte"></iframe>'),
    (
        "static.iframe-title",
        '<span id="n">Karte</span><iframe src="a.html" aria-labelledby="n"></iframe>',
    ),
    ("static.svg-img-alt", '<svg role="img"><title>Logo</title></svg>'),
    ("static.svg-img-alt", '<svg role="img" aria-label="Logo"></svg>'),
    ("static.svg-img-alt", '<span id="n">Logo</span><svg role="img" aria-labelledby="n"></svg>'),
    ("static.input-image-alt", '<input type="image" src="s.png" alt="Suchen">'),
    ("static.input-image-alt", '<input type="image" src="s.png" aria-label="Suchen">'),
    ("static.input-image-alt", '<input type="image" src="s.png" title="Suchen">'),
    (
        "static.input-image-alt",
        '<span id="n">Suchen</span><input type="image" src="s.png" aria-labelledby="n">',
    ),
    (
        "static.area-alt",
        '<img src="m.png" usemap="#m" alt="Karte"><map name="m">'
        '<area href="/a" aria-label="Nord" shape="rect" coords="0,0,1,1"></map>',
    ),
    ("static.empty-heading", '<h2><img src="h.png" alt="Termine"></h2>'),
    ("static.empty-heading", '<h2 aria-label="Termine"></h2>'),
]


@pytest.mark.parametrize(("rule_id", "body"), NAMED)
def test_every_way_of_naming_is_accepted(rule_id: str, body: str) -> None:
    (rule,) = [r for r in RULES if r.meta.id == rule_id]
    assert _findings(rule, body) == []
