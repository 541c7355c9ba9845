"""de.subjunctive: Konjunktiv I and II.

Leichte Sprache avoids the Konjunktiv (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2 Teil 2);
Einfache Sprache avoids it where the indicative says the same. Detected from verb forms, the
lemma table and context (``checkers/text/morph.py``). "möchte" ("Ich möchte …") is never reported:
it is a verb of its own today. Other polite forms ("Könnten Sie …?") are an option, off by
default outside Leichte Sprache. Known false positives: weak verbs, whose
Konjunktiv II equals the past tense, are not flagged at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules._morph import morph_hits, to_hit
from checkers.text.rules.base import Example, Hit, RuleMeta, de_en, rule

META = RuleMeta(
    id="de.subjunctive",
    title=de_en("Konjunktiv", "Subjunctive"),
    message=de_en(
        "„{span}“ ist Konjunktiv. Schreiben Sie, was ist: zum Beispiel „ist“ statt „wäre“.",
        "“{span}” is subjunctive. Say what is: for example “ist” instead of “wäre”.",
    ),
    explanation=de_en(
        "Der Konjunktiv ist schwer zu verstehen. Schreiben Sie klar, was gilt. Wenn etwas "
        "unsicher ist, schreiben Sie „vielleicht“.",
        "The subjunctive is hard to understand. Say clearly what applies; if something is "
        "uncertain, write “vielleicht” (perhaps).",
    ),
    standards=("Leichte Sprache: kein Konjunktiv", "BITV 2.0 Anlage 2 Teil 2"),
    severity={"leicht": "warning", "einfach": "info", "standard": None},
    options={
        "leicht": {"flag_polite_forms": True},
        "einfach": {"flag_polite_forms": False},
        "standard": {"flag_polite_forms": False},
    },
    examples=(
        Example("Es wäre gut, wenn Sie früh kommen.", expect="failed", at="wäre"),
        Example("Es ist gut, wenn Sie früh kommen.", expect=None),
        Example("Er sagt, er sei krank.", expect="failed", at="sei"),
        Example("Sie sollten gestern kommen.", expect=None, profile="einfach"),
        Example("Wir möchten Sie zum Fest einladen. Ich möchte kommen.", expect=None),
    ),
)

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
        yield to_hit(doc, sentence, hit)


RULES = (check,)
