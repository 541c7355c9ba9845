"""de.other-language: a passage in another language that nothing marks as such.

The check does not read such a passage as German (its words would all look like foreign words);
it reports the passage instead. Readers of Leichte and Einfache Sprache may not read English,
and screen readers pronounce an unmarked passage with German rules (WCAG 3.1.2 Language of
Parts asks for a ``lang`` attribute). Passages marked with ``lang`` in HTML are skipped silently.
Known limits: sentences of fewer than six words are not judged; only passages carrying function
words of English, German or French are identified (the identifier is not run on every sentence).
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.language import language_name
from checkers.text.rules.base import Example, Hit, RuleMeta, de_en, rule

META = RuleMeta(
    id="de.other-language",
    title=de_en("Abschnitt in anderer Sprache", "Passage in another language"),
    message=de_en(
        "Dieser Abschnitt ist {language_de}. Er wurde nicht als Deutsch geprüft. Übersetzen Sie "
        "ihn oder kennzeichnen Sie die Sprache (HTML: lang=\"{code}\").",
        "This passage is {language_en}. It was not checked as German. Translate it or mark its "
        "language (HTML: lang=\"{code}\").",
    ),
    explanation=de_en(
        "Viele Leser verstehen die andere Sprache nicht. Ein Screenreader liest den Abschnitt "
        "mit deutscher Aussprache vor, wenn die Sprache nicht angegeben ist.",
        "Many readers do not understand the other language, and a screen reader reads the "
        "passage with German pronunciation when its language is not declared.",
    ),
    standards=("WCAG 3.1.2 Sprache von Teilen", "Leichte Sprache: keine Fremdwörter"),
    severity={"leicht": "warning", "einfach": "warning", "standard": "info"},
    examples=(
        Example(
            "Wir laden Sie herzlich ein. Please bring your payslips and your rental agreement "
            "with you. Wir freuen uns auf Sie.",
            expect="failed",
            at="Please bring your payslips and your rental agreement with you.",
        ),
        Example("Das Benefiz-Konzert ist am Samstag. Wir freuen uns auf Sie.", expect=None),
        Example(
            '<p>Wir laden Sie ein.</p><p lang="en">Please bring your payslips and your rental '
            "agreement with you.</p>",
            expect=None,
        ),
    ),
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    for passage in doc.unmarked_passages:
        yield Hit(
            passage.start,
            passage.end,
            {
                "code": passage.lang,
                "language_de": language_name(passage.lang, "de"),
                "language_en": language_name(passage.lang, "en"),
            },
        )


RULES = (check,)
