from __future__ import annotations

import html
import itertools
import re

import pytest

from checkers.page.dom import Page
from checkers.text.source import Extracted, detect_format, extract

WORD = re.compile(r"\w+")

HTML_SAMPLES = [
    "<p>Haus &amp; Hof</p>",
    '<p>Das ist <a href="x">ein <em>Link</em></a>.</p>',
    '<!doctype html><html lang="de"><head><title>Titel &amp; mehr</title></head><body>'
    "<main><h1>Überschrift</h1><p>Eins</p><p>Zwei <span lang=\"en\">hello world</span> drei"
    "<br>neu</p><ul><li>A<ul><li>B</li></ul>C</li><li>D</ul><img src=x alt=\"Ein Bild\">"
    "<table><tr><th>Kopf<td>Zelle</table></main></body></html>",
    "<p>  viel\n\n   Leerraum &nbsp; hier&#32;und&#10;da </p><p><br>nach br<br><br></p>",
    "<div id=\"x\">Direkt<p>Absatz</p>danach</div><p>Ende &auml;&szlig; &#x263A; &#9731;</p>",
    "<p>Eins<p>Zwei<div>Drei</div>vier",
    "<p>a <b>b <i>c</p> d",
    "<dl><dt>Begriff<dd>Erklärung</dl><blockquote><p>Zitat</p></blockquote>",
    '<label for="n">Name</label><input id="n"><button>Senden</button>'
    '<input type="submit" value="Los &amp; weg"><select><option>Eins<option>Zwei</select>',
]

MARKDOWN_SAMPLES = [
    "# Titel\n\nEin *schöner* Absatz\nmit **zwei** Zeilen und [Link](http://x \"t\").  \nHart.",
    "- eins\n- zwei\n  - drei\n    - vier\n- fünf\n",
    "Setext\n======\n\n| a | b |\n|---|---|\n| 1 | `2` |\n\n> Zitat\n> weiter\n",
    "![Alt *Text*](bild.png) Lehrer*innen und `code` &amp; x\\*y und <span>html</span>",
    "---\nlang: de\n---\n```python\nprint('x')\n```\n\n    eingerückt\n\nText mit [ref][r].\n\n"
    "[r]: https://example.org\n",
]

PLAIN_SAMPLES = [
    "Hallo Welt.\nZweite Zeile.\n\n- eins\n- zwei\n\n1. Erstens\n2. Zweitens\n\nAm\n2. Mai.",
    "\ufeffMit BOM.\r\n\r\nUnd CRLF.",
]


def assert_exact_map(extracted: Extracted) -> None:
    """Every block maps back to a source span holding its words, char by char."""
    source, text = extracted.source, extracted.text
    for block in extracted.blocks:
        start, end = extracted.to_source(block.start, block.end)
        span = source[start:end]
        if extracted.format == "html":
            span = html.unescape(span)
        position = 0
        for word in WORD.findall(text[block.start : block.end]):
            found = span.find(word, position)
            assert found >= 0, (word, span, block)
            position = found + len(word)
        for index in range(block.start, block.end):
            char = text[index]
            if not char.isalnum():
                continue
            s, e = extracted.to_source(index, index + 1)
            original = source[s:e]
            assert original == char or char in html.unescape(original), (index, char, original)


@pytest.mark.parametrize("source", HTML_SAMPLES)
def test_html_map_is_exact(source: str) -> None:
    extracted = extract(source, "html")
    assert extracted.blocks
    assert_exact_map(extracted)


@pytest.mark.parametrize("source", MARKDOWN_SAMPLES)
def test_markdown_map_is_exact(source: str) -> None:
    extracted = extract(source, "markdown")
    assert extracted.blocks
    assert_exact_map(extracted)


@pytest.mark.parametrize("source", PLAIN_SAMPLES)
def test_plain_map_is_exact(source: str) -> None:
    assert_exact_map(extract(source, "plain"))


def test_blocks_are_separated_and_ordered() -> None:
    for source, fmt in [(s, "html") for s in HTML_SAMPLES] + [
        (s, "markdown") for s in MARKDOWN_SAMPLES
    ]:
        extracted = extract(source, fmt)  # type: ignore[arg-type]
        blocks = extracted.blocks
        for before, after in itertools.pairwise(blocks):
            assert extracted.text[before.end : after.start] == "\n\n"
        for block in blocks:
            content = extracted.text[block.start : block.end]
            assert content == content.strip() and "\n\n" not in content


def test_entity_maps_to_whole_entity() -> None:
    extracted = extract("<p>Haus &amp; Hof</p>", "html")
    assert extracted.text == "Haus & Hof"
    amp = extracted.text.index("&")
    assert extracted.source[slice(*extracted.to_source(amp, amp + 1))] == "&amp;"
    assert extracted.source[slice(*extracted.to_source(0, amp + 1))] == "Haus &amp;"
    assert extracted.source[slice(*extracted.to_source(amp, len(extracted.text)))] == "&amp; Hof"


def test_inline_markup_is_flattened() -> None:
    extracted = extract('<p>Das ist <a href="x">ein <em>Link</em></a>.</p>', "html")
    assert extracted.text == "Das ist ein Link."
    (block,) = extracted.blocks
    assert block.kind == "paragraph"
    link = extracted.text.index("Link")
    start, end = extracted.to_source(link, link + 4)
    assert extracted.source[start:end] == "Link"
    start, end = extracted.to_source(block.start, block.end)
    assert extracted.source[start:end] == 'Das ist <a href="x">ein <em>Link</em></a>.'


def test_html_whitespace_collapses_like_a_browser() -> None:
    extracted = extract("<p>\n  Ein\n\t Satz  <b> mit </b>  Luft. </p>", "html")
    assert extracted.text == "Ein Satz mit Luft."


def test_html_nested_lists() -> None:
    source = "<ul><li>Eins<ul><li>Zwei</li><li>Drei</li></ul>Rest</li><li>Vier</ul>"
    extracted = extract(source, "html")
    texts = [extracted.text[b.start : b.end] for b in extracted.blocks]
    assert texts == ["Eins", "Zwei", "Drei", "Rest", "Vier"]
    assert {b.kind for b in extracted.blocks} == {"list-item"}
    assert extracted.blocks[1].selector == (
        "html > body > ul > li:nth-of-type(1) > ul > li:nth-of-type(1)"
    )


def test_html_block_kinds_and_title() -> None:
    source = (
        "<html><head><title>Seite</title><style>p{color:red}</style></head><body>"
        "<h2>Kopf</h2><table><caption>Tab</caption><tr><td><p>Zelle</p></td></tr></table>"
        "<figure><img alt=\"Foto\"><figcaption>Unterschrift</figcaption></figure>"
        "<blockquote><p>Zitat</p></blockquote><p>Text <img src=i alt=\"Icon\"> weiter.</p>"
        "<pre>code\nblock</pre><p>Mit <code>x = 1</code>.</p></body></html>"
    )
    extracted = extract(source, "html")
    kinds = [(b.kind, extracted.text[b.start : b.end]) for b in extracted.blocks]
    assert kinds == [
        ("title", "Seite"),
        ("heading", "Kopf"),
        ("caption", "Tab"),
        ("table-cell", "Zelle"),
        ("alt", "Foto"),
        ("caption", "Unterschrift"),
        ("quote", "Zitat"),
        ("paragraph", "Text weiter."),  # an inline image does not split the sentence
        ("alt", "Icon"),
        ("paragraph", "Mit x = 1."),
    ]
    assert extracted.blocks[1].level == 2
    assert extracted.blocks[0].selector == "html > head > title"
    (code,) = extracted.code_spans
    assert extracted.text[slice(*code)] == "x = 1"


def test_hidden_and_non_text_elements_are_skipped() -> None:
    source = (
        "<p>sichtbar</p><div hidden>versteckt</div><p aria-hidden=\"true\">weg</p>"
        "<span style=\"display: none\">auch weg</span><script>var p = '<p>nein</p>';</script>"
        "<template><p>nein</p></template><noscript>nein</noscript>"
        "<svg><title>nein</title><text>nein</text></svg><p title=\"Attribut\">ja</p>"
        "<img alt=\"\"><img aria-hidden=\"true\" alt=\"deko\">"
    )
    extracted = extract(source, "html")
    assert extracted.text == "sichtbar\n\nja"


def test_lang_inheritance_and_foreign_spans() -> None:
    source = (
        '<html lang="de"><body><p>Text mit <i lang="en-GB">fair play</i> und '
        '<q lang="de-AT">Jänner</q>.</p><div lang="fr"><p>Bonjour <b>tout</b></p></div>'
        '<p>Ein <span lang="en">Meeting <em>today</em></span>!</p></body></html>'
    )
    extracted = extract(source, "html")
    assert extracted.doc_lang == "de"
    assert [b.lang for b in extracted.blocks] == ["de", "fr", "de"]
    foreign = [(extracted.text[s:e], lang) for s, e, lang in extracted.foreign_spans]
    assert foreign == [("fair play", "en-GB"), ("Meeting today", "en")]


def test_selectors_are_unique_and_use_ids() -> None:
    source = (
        "<main><p>Eins</p><p>Zwei</p><p>Drei</p><section id=\"info\"><h2>Info</h2><p>A</p>"
        "<p>B</p></section><section><p>C</p></section><div id=\"dup\"><p>x</p></div>"
        "<div id=\"dup\"><p>y</p></div></main>"
    )
    extracted = extract(source, "html")
    selectors = [b.selector for b in extracted.blocks]
    assert all(selectors)
    assert len(set(selectors)) == len(selectors)
    assert selectors[2] == "html > body > main > p:nth-of-type(3)"
    assert selectors[3] == "#info > h2"
    assert selectors[4] == "#info > p:nth-of-type(1)"
    assert selectors[-1] == "html > body > main > div:nth-of-type(2) > p"  # duplicate ids: unusable


def test_markdown_inline_and_blocks() -> None:
    source = (
        "Titel\n=====\n\nEin *kurzer* und **fetter** Text mit [Link](https://x.de \"T\") und "
        "`Code`.\n\n```\nnicht() prüfen\n```\n\n"
        "| Name | Wert |\n| --- | ---: |\n| a \\| b | 2 |\n\nUnter\n---\n"
    )
    extracted = extract(source, "markdown")
    kinds = [(b.kind, b.level, extracted.text[b.start : b.end]) for b in extracted.blocks]
    assert kinds == [
        ("heading", 1, "Titel"),
        ("paragraph", 0, "Ein kurzer und fetter Text mit Link und Code."),
        ("table-cell", 0, "Name"),
        ("table-cell", 0, "Wert"),
        ("table-cell", 0, "a | b"),
        ("table-cell", 0, "2"),
        ("heading", 2, "Unter"),
    ]
    assert "nicht" not in extracted.text
    link = extracted.text.index("Link")
    assert extracted.source[slice(*extracted.to_source(link, link + 4))] == "Link"
    offset = extracted.to_source(link, link + 4)[0]
    assert extracted.line_col(offset) == (4, offset - source.rfind("\n", 0, offset))
    (code,) = extracted.code_spans
    assert extracted.text[slice(*code)] == "Code"


def test_markdown_lists_quotes_and_images() -> None:
    source = "- eins\n- zwei\n  - drei\n\n> Zitat\n> weiter\n\n![Ein Bild](b.png) Danach *mehr*."
    extracted = extract(source, "markdown")
    kinds = [(b.kind, extracted.text[b.start : b.end]) for b in extracted.blocks]
    assert kinds == [
        ("list-item", "eins"),
        ("list-item", "zwei"),
        ("list-item", "drei"),
        ("quote", "Zitat weiter"),
        ("paragraph", "Danach mehr."),
        ("alt", "Ein Bild"),
    ]
    assert [b.line for b in extracted.blocks] == [1, 2, 3, 5, 8, 8]


def test_markdown_soft_and_hard_breaks() -> None:
    source = "Erste Zeile\nzweite Zeile  \ndritte\\\nvierte"
    extracted = extract(source, "markdown")
    assert extracted.text == "Erste Zeile zweite Zeile\ndritte\nvierte"
    soft = extracted.text.index(" zweite")
    # The soft-break space maps to the position right after "Zeile" (width 0).
    assert extracted.to_source(soft, soft + 1) == (11, 11)


def test_markdown_keeps_german_gender_star_and_skips_front_matter() -> None:
    source = "---\ntitle: Test\nlang: de\n---\nLiebe Lehrer*innen und Schüler*innen!\n"
    extracted = extract(source, "markdown")
    assert extracted.text == "Liebe Lehrer*innen und Schüler*innen!"
    assert extracted.doc_lang == "de"
    assert extracted.blocks[0].line == 5


def test_markdown_comments_and_html_are_dropped() -> None:
    source = "<!--\nKommentar\n-->\nText <!-- inline --> mit <abbr title=\"x\">Abk.</abbr>"
    assert extract(source, "markdown").text == "Text mit Abk."


def test_line_and_column_of_a_span() -> None:
    source = "<html>\n<body>\n<p>Erste Zeile.</p>\n  <p>Hier ist ein Fehler.</p>\n</body>"
    extracted = extract(source, "html")
    word = extracted.text.index("Fehler")
    start, end = extracted.to_source(word, word + len("Fehler"))
    assert source[start:end] == "Fehler"
    assert extracted.line_col(start) == (4, 19)  # "  <p>Hier ist ein " is 18 chars
    assert extracted.blocks[1].line == 4
    assert extracted.line_col(0) == (1, 1)


def test_plain_is_identity() -> None:
    source = "Hallo Welt.\nZweite Zeile.\n\n- eins\n- zwei\n\nAm\n2. Mai."
    extracted = extract(source, "plain")
    assert extracted.text == source
    assert extracted.to_source(3, 9) == (3, 9)
    texts = [(b.kind, source[b.start : b.end]) for b in extracted.blocks]
    assert texts == [
        ("paragraph", "Hallo Welt.\nZweite Zeile."),
        ("list-item", "eins"),
        ("list-item", "zwei"),
        ("paragraph", "Am\n2. Mai."),  # a date, not a list item
    ]
    assert extracted.line_col(source.index("zwei")) == (5, 3)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("\ufeff  <html lang='de'>", "html"),
        ("<p>Ein Absatz.</p>\n<p>Noch einer.</p>", "html"),
        ("<h1>Titel</h1>Text", "html"),
        ("Zeile eins<br>Zeile zwei", "html"),
        ("# Titel\n\nText", "markdown"),
        ("Siehe [hier](https://example.org).", "markdown"),
        ("Das ist **wichtig**.", "markdown"),
        ("- eins\n- zwei\n- drei", "markdown"),
        ("```\ncode\n```", "markdown"),
        ("# Titel\n\n<details><summary>Mehr</summary>\n\nText\n</details>", "markdown"),
        ("Ein ganz normaler Text.\nMit zwei Zeilen.", "plain"),
        ("Liebe Lehrer*innen, 3 < 4 und - so weiter.", "plain"),
        ("", "plain"),
    ],
)
def test_detect_format(source: str, expected: str) -> None:
    assert detect_format(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "<p>unclosed <b>bold <i>italic",
        "<p class='x>kaputt</p><p>weiter</p>",
        "</p></div></li>nur Endtags",
        "<![foo[ x ]]><p>nach Marked Section</p>",
        "a < b && c > d <3 &#; &#x; &bogus; &",
        "<!-- nie geschlossen <p>x</p>",
        "<table><td>ohne tr<td>zwei</table><li>ohne Liste",
        "<div><p>a<div>b</p>c</span></div>",
        "<scr<script>ipt>alert(1)</script>",
        "<p>" + "<b>" * 2000 + "tief",
        "<" * 500 + ">",
        "<a " * 2000,
        "\x00\x01<p>\ufffd</p>",
        "",
        "   ",
    ],
)
def test_malformed_html_never_raises(source: str) -> None:
    extracted = extract(source, "html")
    assert_exact_map(extracted)
    assert all(b.start < b.end <= len(extracted.text) for b in extracted.blocks)
    assert "<p>" not in extracted.text.replace("<!-- nie geschlossen <p>", "")


@pytest.mark.parametrize(
    "source",
    [
        "**nie zu",
        "[offen](ohne Ende",
        "``` ungeschlossen\ncode",
        "`" * 50 + "x",
        "> > > tief\n>>>> tiefer",
        "| a |\n|---|---|\n| b |",
        "* * *\n- \n-\n1.",
        "\\",
        "![",
        "",
    ],
)
def test_malformed_markdown_never_raises(source: str) -> None:
    assert_exact_map(extract(source, "markdown"))


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html", "auto"])
def test_empty_documents(fmt: str) -> None:
    extracted = extract("", fmt)  # type: ignore[arg-type]
    assert extracted.text == ""
    assert extracted.blocks == ()
    assert extracted.to_source(0, 0) == (0, 0)
    assert extracted.line_col(0) == (1, 1)


def test_large_html_is_extracted_whole() -> None:
    """Speed is measured by `make bench` (scripts/bench_text.py), not asserted here."""
    sentence = "Die Verwaltung prüft den Antrag und informiert Sie über das Ergebnis."
    chunk = (
        f"<h2>Abschnitt</h2><p>{sentence} <a href=\"/x\">{sentence}</a> &amp; <em>{sentence}"
        f"</em></p>\n<ul><li>{sentence}</li><li>{sentence}</li></ul>\n"
    )
    words = len(WORD.findall(sentence)) * 5 + 1
    source = "<html lang=\"de\"><body><main>" + chunk * (100_000 // words + 1) + "</main></body>"
    extracted = extract(source)
    assert extracted.format == "html"
    assert len(WORD.findall(extracted.text)) >= 100_000


def test_pathological_inputs_are_read() -> None:
    """Broken nesting and unclosed Markdown are read, not refused (their time: make bench)."""
    assert extract("<a " * 20_000, "html").format == "html"
    assert extract("<ul><li>x" * 5_000, "html").text.count("x") == 5_000
    assert extract("[a `b *c " * 20_000, "markdown").text.count("a") >= 20_000


def test_html_selectors_are_the_page_audits_over_the_browsers_tree() -> None:
    # html.parser's tree had "table > tr" (no tbody) and a nested form a browser drops.
    source = (
        "<main><table><tr><td>Zelle eins</td></tr></table>"
        "<form><p>Feld<form><p>Innen</p></form></form><ul><li>Punkt<li>Zwei</ul></main>"
    )
    extracted = extract(source, "html")
    page = Page(source)
    selectors = [b.selector for b in extracted.blocks]
    assert selectors[0] == "html > body > main > table > tbody > tr > td"
    assert selectors[2] == "html > body > main > form > p:nth-of-type(2)"
    for block, selector in zip(extracted.blocks, selectors, strict=True):
        (element,) = page.select(selector)
        assert page.selector(element) == selector
        assert extracted.text[block.start : block.end] in element.text_content()


def _at(extracted: Extracted, word: str) -> tuple[int, int]:
    start = extracted.text.index(word)
    return extracted.line_col(extracted.to_source(start, start + len(word))[0])


def test_html_text_is_read_from_the_browsers_tree_with_exact_positions() -> None:
    """The text check reads the tree of :mod:`checkers.document.html` (no second HTML parser);
    every word still points at its own characters in the source, also where the tree differs
    from the source order or html.parser's reading."""
    source = (
        "\ufeff<!DOCTYPE html>\r\n<html lang=de><head><title>Titel &amp; Sinn</title></head>\r\n"
        "<body><template><img alt='Vorlage'></template><img alt='Hafen'>\r\n"
        "<pre>\r\nCode</pre><p>Vor<!-- x -->mittag und <b>Abend</b></p>\r\n"
        "<table><tr><td>Zelle</td></tr>Davor</table><div/>Drinnen</div>"
    )
    extracted = extract(source, "html")
    texts = [extracted.text[b.start : b.end] for b in extracted.blocks]
    # The browser moves stray table text before the table; "<div/>" is a start tag only.
    assert texts == ["Titel & Sinn", "Hafen", "Vormittag und Abend", "Davor", "Zelle", "Drinnen"]
    assert _at(extracted, "Hafen") == (3, 57)  # the alt of the img outside the template
    assert _at(extracted, "Vor") == (5, 14)  # the newline after <pre> was dropped, not lost
    assert _at(extracted, "mittag") == (5, 27)  # after the comment
    assert _at(extracted, "Abend") == (5, 41)
    assert _at(extracted, "Zelle") == (6, 16)
    assert _at(extracted, "Davor") == (6, 31)
    assert extracted.blocks[-1].selector == "html > body > div"


def test_html_text_of_an_audited_page_comes_from_its_own_parse() -> None:
    source = "<html lang=de><body>\n<p>Ein Satz mit <em>Wort</em>.</p>"
    page = Page(source)
    extracted = extract(source, "html", page)
    block = extracted.blocks[0]
    (element,) = page.select(block.selector or "")
    assert element is page.select("p")[0]  # the page's own element: parsed once
    assert _at(extracted, "Wort") == (2, 21)
    assert extract(source, "html").text == extracted.text
