"""de.passive-voice: passive voice, including modal passive, perfect passive and "ist … zu".

Leichte Sprache uses active voice (Netzwerk Leichte Sprache; BITV 2.0 Anlage 2 Teil 2: "Passiv
vermeiden"); Einfache Sprache mostly (ISO 24495-1). Detection runs on lemma tables and patterns
(``checkers/text/morph/``), or on a trained spaCy pipeline where one is installed. With an agent
("vom Amt") the suggestion turns it into the subject. The Zustandspassiv
("ist geschlossen") is reported as what it is, a state, only where the profile asks for it
(Leichte Sprache) and only as a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.rules.data import rule_meta
from checkers.text.analysis import AnalyzedText
from checkers.text.config import RuleSettings
from checkers.text.rules._morph import morph_hits, to_hit
from checkers.text.rules.base import Hit, de_en, rule

META = rule_meta(__file__)


STATE_MESSAGE = de_en(
    "„{span}“ beschreibt einen Zustand (Zustandspassiv), keine Handlung. Das ist meist gut "
    "verständlich. Wenn wichtig ist, wer es getan hat, sagen Sie es aktiv.",
    "“{span}” describes a state (statal passive), not an action. That is usually easy to "
    "understand; if it matters who did it, say so in the active voice.",
)


@rule(META)
def check(doc: AnalyzedText, settings: RuleSettings) -> Iterator[Hit]:
    include_state = bool(settings.get("include_zustandspassiv"))
    hits = list(morph_hits(doc, "passive"))
    actions = [(h.start, h.end) for _, h in hits if h.subkind != "zustandspassiv"]
    for sentence, hit in hits:
        if hit.subkind == "zustandspassiv":
            if not include_state or any(s < hit.end and hit.start < e for s, e in actions):
                # "sind … beizufügen" is also found as "sein + zu" (an action to be done):
                # reporting it a second time as a state would contradict the first finding.
                continue
            # "Das Amt ist geschlossen" is a state, not something being done: a hint only.
            found = to_hit(doc, sentence, hit)
            found.message = STATE_MESSAGE
            found.severity = "info"
            yield found
            continue
        inside = [(s, e) for s, e in actions if s <= hit.start and hit.end <= e]
        if any(span != (hit.start, hit.end) for span in inside):
            continue  # "ist … auszufüllen" inside "ist … auszufüllen und zu unterschreiben"
        found = to_hit(doc, sentence, hit)
        span = doc.text[hit.start : hit.end]
        if COORDINATED.search(span):
            # Two coordinated verbs ("auszufüllen und zu unterschreiben"): the rewrite knows
            # only one of them and would leave a broken sentence.
            found.fixes = []
        yield found


COORDINATED = re.compile(r"\s(?:und|oder)\s")


RULES = (check,)
