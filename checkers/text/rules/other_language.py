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

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.language import language_name
from checkers.text.rules.base import Hit, rule

META = rule_meta(__file__)


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
