"""The page tree is the one a browser builds (WHATWG tree construction), with source positions."""

from __future__ import annotations

import pytest

from checkers.document.html import parse_html
from checkers.page.dom import Page, tag_of
from checkers.page.rule import PageContext, run_rules
from checkers.page.static import all_rules


def _shape(el) -> str:
    """Body children as ``tag(child,...)``, text as 'text' (the form of the parser evaluation)."""
    parts: list[str] = []
    if el.text:
        parts.append(repr(el.text))
    for child in el:
        inner = _shape(child)
        parts.append(f"{tag_of(child)}({inner})" if inner else tag_of(child))
        if child.tail:
            parts.append(repr(child.tail))
    return ",".join(parts)


def _body(markup: str) -> str:
    page = Page(f"<!DOCTYPE html><html><head><title>t</title></head><body>{markup}</body></html>")
    return _shape(next(page.iter("body")))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # lxml's HTML4 parser nested the img inside source.
        ("<picture><source srcset=a.webp><img src=a.png alt=A></picture>", "picture(source,img)"),
        ("<p>a<p>b<div>c</div>", "p('a'),p('b'),div('c')"),
        ("<p>a<main>b</main>", "p('a'),main('b')"),
        ("<h1>a<h2>b</h2>", "h1('a'),h2('b')"),
        ("<ul><li>a<li>b</ul>", "ul(li('a'),li('b'))"),
        (
            "<table><tr><td>x</td></tr>stray<div>d</div></table>",
            "'stray',div('d'),table(tbody(tr(td('x'))))",
        ),
        ("<b>1<i>2</b>3</i>", "b('1',i('2')),i('3')"),
        ("<template><p>t</p></template><p>after</p>", "template,p('after')"),
        ("<p>a<noscript><p>n</p></noscript>b", "p('a',noscript('<p>n</p>'),'b')"),
        ("</p>x", "p,'x'"),
        ("a</br>b", "'a',br,'b'"),
        ("<form><form><input></form>", "form(input)"),
    ],
)
def test_tree_as_a_browser_builds_it(markup: str, expected: str) -> None:
    assert _body(markup) == expected


def test_picture_image_without_alt_fails_at_its_selector() -> None:
    page = Page('<picture><source srcset="karte.webp"><img id="k" src="k.png"></picture>')
    (img,) = page.iter("img")
    assert tag_of(img.getparent()) == "picture"
    assert page.selector(next(page.iter("source"))) == "html > body > picture > source"
    findings = run_rules(
        [r for r in all_rules() if r.meta.id == "static.image-alt"], PageContext(page=page), "de"
    )
    assert [(f.outcome, f.location.selector) for f in findings] == [("failed", "#k")]


def test_noscript_in_head_keeps_its_image_out_of_the_body() -> None:
    """With scripting on (Chromium) a tracking pixel in <noscript> is text, not an image."""
    page = Page('<noscript><img src="pixel.gif"></noscript><p>Text</p>')
    assert list(page.iter("img")) == []
    assert page.text == "Text"


def test_noscript_in_comments_or_scripts_cuts_nothing() -> None:
    page = Page(
        '<!-- <noscript> --><script>x = "<noscript>"</script><p>kept</p>'
        "<noscript><i>n</i></noscript>"
    )
    assert page.text == "kept"
    assert [el.text for el in page.iter("noscript")] == ["<i>n</i>"]


def test_hostile_depth_parses_quickly_and_keeps_the_text() -> None:
    """Lexbor is quadratic in nesting depth; start tags nested absurdly deep are dropped."""
    page = Page("<div>" * 100_000 + "x")
    assert page.text == "x"
    assert max(len(list(el.iterancestors())) for el in page.iter()) <= 256
    assert sum(1 for _ in page.iter("div")) == 2000


def test_elements_know_their_source_position() -> None:
    source = "<!DOCTYPE html>\n<html lang=de>\n<body>\n  <p>eins\n  <p id=z>zwei <b>fett</b>\n"
    parsed = parse_html(source)
    for el in parsed.root.iter():
        offset = parsed.offsets[el]
        if tag_of(el) in ("p", "b", "html", "body"):
            assert source.startswith(f"<{tag_of(el)}", offset), tag_of(el)
        line = source.count("\n", 0, offset) + 1
        assert parsed.position(el) == (line, offset - source.rfind("\n", 0, offset))
    assert parsed.position(parsed.root.get_element_by_id("z")) == (5, 3)
    head = parsed.root.find("head")  # implied: where the content starts
    assert parsed.offsets[head] == source.index("<body")
    page = Page(source)
    assert page.position(page.by_id("z")) == (5, 3)


def test_positions_skip_comments_raw_text_and_foster_parenting() -> None:
    source = (
        "<!-- <p> --><script>x = '<p>'</script><table><tr><td>1</td></tr><div>moved</div>"
        "</table><p>after"
    )
    parsed = parse_html(source)
    by_tag = {tag_of(el): parsed.offsets[el] for el in parsed.root.iter() if tag_of(el) != "html"}
    assert by_tag["table"] == source.index("<table")
    assert by_tag["div"] == source.index("<div")
    assert by_tag["p"] == source.index("<p>after")


@pytest.mark.parametrize(
    "source",
    ["", "\x00<p>\x00", '<a<div x"=1>x</a<div>', "<div>" * 5000, "<svg><foreignObject/>"],
)
def test_broken_input_still_parses(source: str) -> None:
    page = Page(source)
    assert next(page.iter("body"), None) is not None
    assert isinstance(page.text, str)


def test_file_findings_get_line_and_column_from_the_same_parse(tmp_path) -> None:
    """The CLI maps a file finding's selector to its line in the same tree the audit built
    (the HTML4 tree had no img inside picture, and no tbody)."""
    from checkers.page.site.runner import add_file_lines
    from checkers.report import Finding, Location, Report, Target

    source = (
        "<!DOCTYPE html>\n<html lang=de><body>\n<picture><source srcset=a.webp>\n"
        "  <img src=a.png></picture>\n<table><tr><td>x</td></tr></table>\n"
    )
    path = tmp_path / "seite.html"
    path.write_text(source, encoding="utf-8")
    page = Page(source)
    selectors = [page.selector(next(page.iter(tag))) for tag in ("img", "td")]
    assert selectors == [
        "html > body > picture > img",
        "html > body > table > tbody > tr > td",
    ]
    findings = [
        Finding(
            rule_id="static.x",
            engine="static",
            outcome="failed",
            severity="error",
            message="m",
            location=Location(selector=selector),
        )
        for selector in selectors
    ]
    report = add_file_lines(Report(target=Target(kind="file"), findings=findings), path)
    positions = [(f.location.line, f.location.column) for f in report.findings]
    assert positions == [(4, 3), (5, 12)]


@pytest.mark.parametrize("control", ["\x0c", "\x01", "\x1f", "\x00"])
def test_control_characters_neither_fail_the_parse_nor_move_positions(control: str) -> None:
    # lxml cannot hold C0 controls; a form feed (HTML white space) used to fail the whole page.
    page = Page(f"<p>x</p>{control}<p id=\"a\" title=\"{control}\">{control}y</p>")
    element = page.by_id("a")
    assert element is not None and element.text_content().endswith("y")
    assert page.position(element) == (1, 10)


def test_texts_know_their_source_ranges() -> None:
    source = (
        "\ufeff<head>  <title>A &amp; B</title>  x</head><pre>\r\nfoo</pre>"
        "<table>t<tr><td>c</td></tr></table>y<!--c-->z<template>no</template>w&auml;h"
        "<script>\r\nif (a &amp;&amp; b) x();\r\n</script>nach"
    )
    parsed = parse_html(source)
    found = {}
    for el in parsed.root.iter():
        for tail in (False, True):
            text = el.tail if tail else el.text
            if text and text.strip():
                found[text] = [source[s:e] for s, e in parsed.text_ranges(el, tail)]
    assert found == {
        "A & B": ["A &amp; B"],
        "x": ["x"],  # text in <head> starts the body; the white space before it stays
        "foo": ["foo"],  # the newline after <pre> is not content
        "t": ["t"],  # moved before the table, still found
        "c": ["c"],
        "yz": ["y", "z"],  # one text of the tree, two runs of the source
        "wäh": ["w&auml;h"],  # the template's content is not in the tree
        # raw text: only CR LF is decoded
        "\nif (a &amp;&amp; b) x();\n": ["\r\nif (a &amp;&amp; b) x();\r\n"],
        "nach": ["nach"],
    }
    head = parsed.root.find("head")
    assert head is not None and len(head) == 1  # a BOM is no text: the title stays in head


def test_template_content_does_not_shift_element_positions() -> None:
    source = "<template><img alt=a></template><img alt=b>"
    parsed = parse_html(source)
    (img,) = parsed.root.iter("img")
    assert parsed.offsets[img] == source.index("<img alt=b")
