"""Passive voice, Konjunktiv (I and II) and genitive in German sentences, without a trained model.

What it flags
    * passive: werden-passive in every tense and mood ("wird geprüft", "wurde gegründet",
      "ist geprüft worden", "muss geprüft werden", "würde bezahlt"), sein + zu-infinitive with
      modal-passive meaning ("ist bis Freitag einzureichen", "ist leicht zu verstehen") and, when
      ``include_zustandspassiv`` is set, the Zustandspassiv ("ist geschlossen"). The agent phrase
      ("vom Amt", "durch die Versicherung") is reported separately.
    * subjunctive: Konjunktiv II (wäre, hätte, würde + infinitive, könnte, müsste, strong forms
      such as käme, gäbe, ginge), Konjunktiv I (sei, habe, könne, "er komme", "man nehme") and
      "sollte" when it gives advice or a condition rather than a past plan; "möchte" and polite
      requests get the subkind "hoeflichkeit" so a rule can treat them gently.
    * genitive: genitive articles and determiners with their noun ("des Antrags", "einer
      Freundin" after a noun, "einer der"), genitive prepositions (wegen, trotz, während, …),
      Saxon and postposed name genitives ("Peters Auto", "die Hauptstadt Bayerns") and
      dessen/deren/wessen.

Which standard asks for it
    Leichte Sprache (Netzwerk Leichte Sprache rules; DIN SPEC 33429 "Empfehlungen für Deutsche
    Leichte Sprache") asks for active voice, no Konjunktiv and no genitive; Einfache Sprache
    (DIN 8581-1) and the BITV 2.0 / WCAG 3.1.5 "Reading Level" advice recommend the same in
    plain-language texts.

How
    Patterns over the token stream plus the spaCy lookup tables (via ``checkers.text.lexicon``):
    a word is a past participle when the lemma table maps it to a verb and its shape fits
    (ge-…-t/-en, separable prefix + ge, inseparable prefix, -ieren); a participle counts only in
    the verb cluster (clause end or directly before werden/worden/sein). A trained spaCy
    pipeline can be plugged in with :func:`get_morph_analyzer`.

Known false positives / negatives
    * Dative "der" after a noun in verb-final clauses ("…, weil das Kind der Mutter half") reads
      as a genitive; a bare -s plural before a noun ("mit Autos Waren …") as a Saxon genitive.
    * Participles spelled like the infinitive ("erhalten", "vergessen") after werden count as
      passive only with an agent or a modal (otherwise Futur I wins: "Sie wird es erhalten").
    * Zustandspassiv vs. adjective is a judgement call; lexicalised adjectival participles
      ("verheiratet", "interessiert", "bekannt") and sein-perfect verbs ("ist gegangen") are
      excluded by lists, rarer ones slip through.
    * Narrative "sollte" ("Er sollte Recht behalten") without a past-time cue is read as
      Konjunktiv II; weak Konjunktiv II identical to the preterite ("kaufte") is never flagged.
    * Konjunktiv I on -e ("er komme") needs a visible 3rd-person subject next to the verb.

Package layout (one module per concern; every name importable from ``checkers.text.morph``)
    ``hits`` (MorphHit, MorphAnalyzer), ``wordlists`` (word lists, feature bits), ``wordinfo`` (word
    analysis over the lexicon), ``lexical`` (the analyzer: token features and clauses),
    ``passive``, ``subjunctive``, ``genitive`` (the detectors), ``rewrite`` (suggested rewrites),
    ``spacy_backend`` (a trained spaCy pipeline). The grammar facts themselves are data:
    ``checkers/text/grammar/*.yaml``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

# Every public name of the former single module stays importable from here (other modules and
# scripts import the word lists and the rewriter as ``checkers.text.morph.X``).
from checkers.text.morph.hits import MorphAnalyzer, MorphHit
from checkers.text.morph.lexical import LexicalMorphAnalyzer
from checkers.text.morph.rewrite import *  # noqa: F403
from checkers.text.morph.spacy_backend import SpacyMorphAnalyzer
from checkers.text.morph.wordlists import *  # noqa: F403
from checkers.text.segment import Sentence

log = logging.getLogger(__name__)

__all__ = [
    "LexicalMorphAnalyzer",
    "MorphAnalyzer",
    "MorphHit",
    "SpacyMorphAnalyzer",
    "analyze_text",
    "get_morph_analyzer",
]


def get_morph_analyzer(pipeline: str | None = None, *,
                       include_zustandspassiv: bool = True) -> MorphAnalyzer:
    """A spaCy-backed analyzer when ``pipeline`` loads, else the lexical one (with a warning)."""
    if pipeline:
        try:
            import spacy

            nlp = spacy.load(pipeline)
        except Exception as exc:
            log.warning("spaCy pipeline %r not loadable (%s); using the lexical morph analyzer",
                        pipeline, exc)
        else:
            if any(name in nlp.pipe_names for name in ("morphologizer", "tagger")):
                return SpacyMorphAnalyzer(nlp, include_zustandspassiv=include_zustandspassiv)
            log.warning("spaCy pipeline %r has no morphologizer; using the lexical analyzer",
                        pipeline)
    return LexicalMorphAnalyzer(include_zustandspassiv=include_zustandspassiv)


def analyze_text(text: str, analyzer: MorphAnalyzer | None = None,
                 sentences: Iterable[Sentence] | None = None) -> list[MorphHit]:
    """Convenience: segment ``text`` and collect the hits of all sentences."""
    from checkers.text.segment import segment

    analyzer = analyzer or get_morph_analyzer()
    result: list[MorphHit] = []
    for sentence in sentences if sentences is not None else segment(text):
        result.extend(analyzer.analyze(sentence, text))
    return result
