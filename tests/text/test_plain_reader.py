"""The one plain-text reader (``checkers.document.plain``): blocks for the text check,
paragraphs for translation, one notion of a blank line."""

from __future__ import annotations

from checkers.document.plain import read_plain
from checkers.text.source import extract

LETTER = (  # CRLF, a BOM, a blank line of spaces and tab, one of a no-break space
    "\ufeffSehr geehrte Damen und Herren,\r\n\r\n"
    "die Unterlagen sind bis zum\r\n2. Mai vorzulegen.\r\n \t\r\n"
    "Bitte bringen Sie mit:\r\n- Ausweis\r\n- Mietvertrag\r\n  mit Unterschrift\r\n1. Formular\r\n"
    "\u00a0\r\nMusterstraße 1\r\n12345 Musterstadt"
)


def test_blocks_and_paragraphs_come_from_one_pass() -> None:
    document = read_plain(LETTER)
    assert [(b.kind, b.line, b.paragraph, LETTER[b.start : b.end]) for b in document.blocks] == [
        ("paragraph", 1, 0, "Sehr geehrte Damen und Herren,"),
        ("paragraph", 3, 1, "die Unterlagen sind bis zum\r\n2. Mai vorzulegen."),
        ("paragraph", 6, 2, "Bitte bringen Sie mit:"),
        ("list-item", 7, 2, "Ausweis"),
        ("list-item", 8, 2, "Mietvertrag\r\n  mit Unterschrift"),
        ("list-item", 10, 2, "Formular"),
        ("paragraph", 12, 3, "Musterstraße 1\r\n12345 Musterstadt"),
    ]
    assert [LETTER[s:e].split("\r\n", maxsplit=1)[0] for s, e in document.paragraphs] == [
        "Sehr geehrte Damen und Herren,",
        "die Unterlagen sind bis zum",
        "Bitte bringen Sie mit:",
        "Musterstraße 1",
    ]
    assert extract(LETTER, "plain").blocks[3].line == 7

