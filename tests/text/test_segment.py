"""Sentence segmentation and tokenization tables: the cases textstat and spaCy's blank pipeline
get wrong, plus line structure (lists, headings, salutations, hard wraps)."""

from __future__ import annotations

import pytest

from checkers.text.segment import segment
from checkers.text.tokens import tokenize

SEGMENTATION = [
    ("Bitte bringen Sie z. B. Ihren Ausweis mit.", 1),
    ("Die Frist endet am 31.03.2025 um Mitternacht.", 1),
    ("Der Antrag liegt unter Nr. 47 gem. § 24 Abs. 2 WoGG vor.", 1),
    ("Frau Dr. Schmidt ist bis 12.00 Uhr im Zimmer 2.14 erreichbar.", 1),
    ("Das kostet ca. 1.250,00 EUR, d. h. etwa 100 EUR pro Monat.", 1),
    ("Sprechzeiten sind von 8.30 Uhr bis 12.00 Uhr und ggf. nach Vereinbarung.", 1),
    ("Die Frist endet am 31. März 2025. Haben Sie Fragen?", 2),
    ("Ihre Nummer ist 14. Kommen Sie bitte um 8 Uhr. Danke!", 3),
    ("Am 3. Oktober ist Feiertag. Im 2. Stock ist das Büro.", 2),
    ("Er wurde 3. Sieger. Das war gut.", 2),
    ("Er sagte: „Ich komme morgen.“ Dann ging er.", 2),
    ("Äpfel, Birnen usw. Dann gehen wir.", 2),
    ("Was ist das? Ein Test! Wirklich.", 3),
    ("Das regelt das Gesetz (vgl. S. 4). Mehr steht im Anhang.", 2),
    ("Es gibt i. d. R. keine Wartezeit. Bitte kommen Sie pünktlich.", 2),
    ("Sehr geehrte Frau Müller,\nwir haben Ihren Antrag erhalten.", 2),
    ("Das brauchen Sie:\n- Ausweis\n- Meldebescheinigung\n- Mietvertrag", 4),
    ("Das brauchen Sie\nAusweis\nMeldebescheinigung", 3),
    ("Wohngeld beantragen\nSie können Wohngeld beantragen, wenn Ihr Einkommen gering ist.", 2),
    ("1. Antrag ausfüllen\n2. Unterlagen beilegen\n3. Abschicken", 3),
    (
        "Bitte reichen Sie den Antrag mit allen erforderlichen Unterlagen und Nachweisen\n"
        "bis zum Ende des Monats bei uns ein.",
        1,
    ),
    ("Absatz eins endet hier.\n\nAbsatz zwei auch", 2),
    ("Mehr unter www.stadt.de/wohngeld. Dort finden Sie alles.", 2),
]


@pytest.mark.parametrize(("text", "expected"), SEGMENTATION)
def test_segmentation(text: str, expected: int) -> None:
    sentences = segment(text)
    assert len(sentences) == expected, [text[s.start : s.end] for s in sentences]


def test_sentence_offsets_cover_text() -> None:
    text = "Erster Satz. Zweiter Satz!  Dritter?"
    pieces = [text[s.start : s.end] for s in segment(text)]
    assert pieces == ["Erster Satz.", "Zweiter Satz!", "Dritter?"]


TOKENS = [
    ("z. B.", ["z. B."]),
    ("z.B.", ["z.B."]),
    ("Nr. 47", ["Nr.", "47"]),
    ("31.03.2025", ["31.03.2025"]),
    ("1.250,00 €", ["1.250,00", "€"]),
    ("E-Mail an info@stadt.de", ["E-Mail", "an", "info@stadt.de"]),
    ("https://www.stadt.de/a?b=1.", ["https://www.stadt.de/a?b=1", "."]),
    ("Wohn·geld", ["Wohn·geld"]),
    ("inhalts- und gehaltlos", ["inhalts-", "und", "gehaltlos"]),
    ("§ 24 Abs. 2", ["§", "24", "Abs.", "2"]),
    ("„Hallo“", ["„", "Hallo", "“"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)
