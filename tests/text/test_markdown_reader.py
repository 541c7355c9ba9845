"""The one Markdown reader (``checkers.document.markdown``): leaves, kinds, lines, exact spans."""

from __future__ import annotations

from checkers.document.markdown import read_markdown
from checkers.text.source import extract

DOCUMENT = (
    "---\ntitle: Bescheid\nlang: de\n---\n\n"
    "# Antrag ##\n\n"
    "Erste Zeile  \nzweite Zeile\n\n"
    "- [ ] Aufgabe\n- Punkt\n  weiter\n\n"
    "> Zitat\n> mehr\n\n"
    "| Name | Wert |\n|---|---|\n| a \\| b | 2 |\n\n"
    "```\ncode()\n```\n\n"
    "    eingerückt\n\n"
    "<div>\nIm Block\n</div>\n\n"
    "<script>\nvar x;\n</script>\n\n"
    "[^1]: Fußnote\n"
)


def _leaves(source: str) -> list[tuple[str, int, int, list[str]]]:
    document = read_markdown(source)
    return [
        (leaf.kind, leaf.level, leaf.line, [source[s:e] for s, e in leaf.segs])
        for leaf in document.leaves
    ]


def test_leaves_carry_kind_level_line_and_exact_spans() -> None:
    document = read_markdown(DOCUMENT)
    assert document.lang == "de"
    assert DOCUMENT[document.body_start :].startswith("\n\n# Antrag")
    assert _leaves(DOCUMENT) == [
        ("heading", 1, 6, ["Antrag"]),
        ("paragraph", 0, 8, ["Erste Zeile", "zweite Zeile"]),
        ("list-item", 0, 11, ["Aufgabe"]),
        ("list-item", 0, 12, ["Punkt", "weiter"]),
        ("quote", 0, 15, ["Zitat", "mehr"]),
        ("table-cell", 0, 18, ["Name"]),
        ("table-cell", 0, 18, ["Wert"]),
        ("table-cell", 0, 20, ["a \\| b"]),
        ("table-cell", 0, 20, ["2"]),
        ("paragraph", 0, 28, ["<div>", "Im Block", "</div>"]),
        ("paragraph", 0, 36, ["Fußnote"]),
    ]
    assert document.leaves[1].hards == [True, False]


def test_reference_definitions_are_collected_not_read() -> None:
    document = read_markdown("Siehe [Amt].\n\n[amt]: https://amt.de\n")
    assert document.definitions == frozenset({"amt"})
    assert extract("Siehe [Amt].\n\n[amt]: https://amt.de\n", "markdown").text == "Siehe Amt."


def test_single_word_footnote_is_not_taken_for_a_link_definition() -> None:
    # "[^1]: Wort" is a valid link reference definition in CommonMark; it is a footnote here.
    assert extract("Text.\n\n[^1]: Quelle\n", "markdown").text == "Text.\n\nQuelle"


def test_commonmark_fixes_over_the_former_hand_written_reader() -> None:
    # A setext underline cannot be a lazy continuation line: it stays text of the list item.
    assert extract("- Punkt\n===\n", "markdown").text == "Punkt ==="
    # A table may start right after a paragraph line (GFM).
    table = extract("Vorweg.\n| a | b |\n|---|---|\n| x | y |\n", "markdown")
    assert [table.text[b.start : b.end] for b in table.blocks] == ["Vorweg.", "a", "b", "x", "y"]
    # An HTML block runs to the next blank line; Markdown inside it is not parsed.
    html = extract("<div>\n## Keine Überschrift\n</div>\n\n## Titel\n", "markdown")
    assert [(b.kind, html.text[b.start : b.end]) for b in html.blocks] == [
        ("paragraph", "## Keine Überschrift"),
        ("heading", "Titel"),
    ]


def test_crlf_and_bom_keep_lines_and_columns() -> None:
    source = "\ufeffErste Zeile\r\n\r\n# Titel\r\n\r\n- Punkt eins\r\n"
    extracted = extract(source, "markdown")
    assert extracted.text == "Erste Zeile\n\nTitel\n\nPunkt eins"
    word = extracted.text.index("eins")
    start, _ = extracted.to_source(word, word + 4)
    assert extracted.line_col(start) == (5, 9)
    assert [b.line for b in extracted.blocks] == [1, 3, 5]


def test_enumeration_after_a_quote_line_stays_in_the_quote() -> None:
    # CommonMark: "2." cannot interrupt a paragraph, so it is the quote's lazy text (a date).
    quoted = extract("> Das Schreiben vom\n2. Mai ist da.\n", "markdown")
    assert [(b.kind, quoted.text[b.start : b.end]) for b in quoted.blocks] == [
        ("quote", "Das Schreiben vom 2. Mai ist da.")
    ]
    listed = extract("> Text\n1. Liste\n", "markdown")
    assert [b.kind for b in listed.blocks] == ["quote", "list-item"]


def test_setext_heading_keeps_its_hard_break() -> None:
    assert extract("Erste Zeile  \nzweite\n===\n", "markdown").text == "Erste Zeile\nzweite"
