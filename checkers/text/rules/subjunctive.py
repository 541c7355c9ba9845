"""de.subjunctive: Konjunktiv I and II.

Leichte Sprache avoids the Konjunktiv (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2 Teil 2);
Einfache Sprache avoids it where the indicative says the same. Detected from verb forms, the
lemma table and context (``checkers/text/morph/``). "möchte" ("Ich möchte …") is never reported:
it is a verb of its own today. Other polite forms ("Könnten Sie …?") are an option, off by
default outside Leichte Sprache. Known false positives: weak verbs, whose
Konjunktiv II equals the past tense, are not flagged at all.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules._morph import morph_hits, to_hit
from checkers.text.rules.base import Fix, Hit, de_en, rule

META = rule_meta(__file__)

POLITE = frozenset({"hoeflichkeit", "polite"})


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    flag_polite = bool(settings.get("flag_polite_forms"))
    for sentence, hit in morph_hits(doc, "subjunctive"):
        if hit.lemma == "mögen":
            # "möchte" has become a verb of its own ("wollen", politely): Leichte Sprache uses
            # it freely and readers do not hear a Konjunktiv in it.
            continue
        if hit.subkind in POLITE and not flag_polite:
            continue
        conditional = _conditional(doc, sentence, hit)
        if conditional is not None:
            yield conditional
            continue
        found = to_hit(doc, sentence, hit)
        found.fixes = [_keep_ordinals(doc.text[hit.start : hit.end], fix) for fix in found.fixes]
        yield found


CONDITIONAL = de_en(
    "„{span}“ leitet eine Bedingung ein. Schreiben Sie „Wenn …“: zum Beispiel „Wenn Sie "
    "Fragen haben, …“.",
    "“{span}” starts a condition. Write “Wenn …” (if): for example “Wenn Sie Fragen haben, …”.",
)


def _conditional(doc: AnalyzedText, sentence: Any, hit: Any) -> Hit | None:
    """ "Sollten Sie Fragen haben, …" is a condition, not a wish: say "Wenn Sie Fragen haben"."""
    words = sentence.words
    span = doc.text[hit.start : hit.end]
    if not words or words[0].start != hit.start or span.casefold() not in ("sollte", "sollten"):
        return None
    fixes = []
    tokens = sentence.tokens
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if span.casefold() == "sollten" and comma is not None and comma >= 3:
        # Plural: the infinitive at the end of the clause is also the finite form ("haben").
        verb = tokens[comma - 1].text
        if (
            verb.islower()
            and verb.endswith(("en", "ern", "eln"))
            and tokens[comma - 2].kind == "word"
        ):
            middle = doc.text[tokens[1].start : tokens[comma - 1].start]
            finite = "sind" if verb == "sein" else verb
            fixes.append(Fix(f"Wenn {middle}{finite}", hit.start, tokens[comma - 1].end))
    return Hit(hit.start, hit.end, {"span": span}, fixes, message=CONDITIONAL)


_ORDINAL = re.compile(r"\b(\d{1,2})\.(?=\s)")


def _keep_ordinals(span: str, fix: Fix) -> Fix:
    """Keep the point of an ordinal that the rewrite lost ("ab dem 1. Juli", not "1 Juli")."""
    text = fix.text
    for number in _ORDINAL.findall(span):
        text = re.sub(rf"\b{number}\b(?![.\d])", f"{number}.", text, count=1)
    if text == fix.text:
        return fix
    return dataclasses.replace(fix, text=text)


RULES = (check,)
