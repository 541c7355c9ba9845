"""Suggested rewrites of morphology hits: conjugation, noun gender, the active sentence for a
passive, the indicative for a Konjunktiv, the dative or a von-phrase for a genitive.
"""

from __future__ import annotations

from checkers.text.grammar import table, word_tuple, words
from checkers.text.morph.hits import MorphHit
from checkers.text.morph.wordinfo import (
    _prefix_chain,
    _split_separable,
    _stem,
    _Tok,
    _verbish,
    _WordInfo,
)
from checkers.text.morph.wordlists import (
    DETERMINERS,
    F_BOUNDARY,
    F_CAP,
    F_MODAL,
    F_PART,
    F_SEIN,
    F_WERDEN,
    F_WORD,
    K2_FIXED,
    _words,
)
from checkers.text.segment import Sentence

# --- rewriting: conjugation, noun gender, suggested replacements --------------------------------
IRREGULAR_PRESENT = table("verbs", "present")  # 1sg, 2sg, 3sg, plural
PERSON_INDEX = {"1sg": 0, "2sg": 1, "3sg": 2, "pl": 3}
# Gender of frequent (head) nouns, for "vom Amt" -> "das Amt"; compounds take their head's gender.
GENDER_HEADS = {
    **dict.fromkeys(words("nouns", "gender", "neuter"), "n"),
    **dict.fromkeys(words("nouns", "gender", "masculine"), "m"),
    **dict.fromkeys(words("nouns", "gender", "feminine"), "f"),
}
FEMININE_SUFFIXES = word_tuple("nouns", "suffixes", "feminine")
NEUTER_SUFFIXES = word_tuple("nouns", "suffixes", "neuter")
WEAK_MASCULINE_SUFFIXES = word_tuple("nouns", "suffixes", "weak_masculine")
DATIVE_TO_NOMINATIVE = table("closed", "declension", "dative_to_nominative")
GEN_TO_DATIVE = table("closed", "declension", "genitive_to_dative")
# genitive -> dative (feminine singular form, plural form)
GEN_FEM_TO_DATIVE = table("closed", "declension", "genitive_feminine_to_dative")
K1_TO_INDICATIVE = table("verbs", "konjunktiv_1", "to_indicative")
K2_TO_INDICATIVE = table("verbs", "konjunktiv_2", "to_indicative")  # 3sg/1sg resolved below
CAN_READING = _words(
    "sehen hören erkennen finden erreichen bekommen erwarten verstehen lesen erleben kaufen"
)
CAN_ADVERBS = _words("leicht schwer kaum nicht nur gut einfach schnell noch")
DATIVE_PRONOUNS = words("closed", "pronouns", "dative")


def _vowel_variants(stem: str) -> list[str]:
    """Stems with the strong-verb vowel change of the 2nd/3rd person ("geb" -> "gib", "gieb")."""
    variants: list[str] = []
    for i in range(len(stem) - 1, -1, -1):
        ch = stem[i]
        if ch not in "aeiouäöü":
            continue
        head, tail = stem[:i], stem[i + 1:]
        if ch == "a" and tail.startswith("u"):
            variants.append(head + "äu" + tail[1:])
        elif ch == "a":
            variants.append(head + "ä" + tail)
        elif ch == "e" and i > 0 and stem[i - 1] == "i":
            break
        elif ch == "e":
            variants += [head + "i" + tail, head + "ie" + tail]
        elif ch == "o":
            variants.append(head + "ö" + tail)
        break
    return variants


AMBIGUOUS_PREFIXES = words("verbs", "prefixes", "either")


class Rewriter:
    """Conjugation and noun-gender helpers, and the suggested rewrites of :class:`MorphHit`."""

    def __init__(self, info: _WordInfo) -> None:
        self.info = info

    def _noun(self, tok: _Tok) -> bool:
        return self.info.noun(tok.text)

    def separable(self, lemma: str, participle: str | None = None) -> tuple[str, str]:
        """Split a separable verb; "übersetzen" stays whole, "übergehen" splits (über-ge-)."""
        prefix, base = _split_separable(lemma)
        if not prefix or prefix not in AMBIGUOUS_PREFIXES:
            return prefix, base
        if participle is not None:
            return (prefix, base) if participle.startswith(prefix + "ge") else ("", lemma)
        if self.info.attested(prefix + "zu" + base, lemma):
            return prefix, base
        return "", lemma

    def _inf(self, tok: _Tok) -> bool:
        return self.info.is_infinitive(tok.low)

    # -- morphology helpers ------------------------------------------------------------------
    def conjugate(self, lemma: str, person: str, past: bool = False) -> str | None:
        """Present (or weak preterite) form of ``lemma``; None when not confident."""
        if past:
            return self._weak_past(lemma, person)
        for key, forms in IRREGULAR_PRESENT.items():
            # "übernehmen" -> "übernimmt": an inseparable prefix keeps the irregular forms
            if lemma.endswith(key) and _prefix_chain(lemma[: -len(key)]):
                return lemma[: -len(key)] + forms[PERSON_INDEX[person]]
        stem = _stem(lemma)
        if person == "pl":
            return lemma
        if person == "1sg":
            return stem[:-2] + stem[-1] + "e" if lemma.endswith("eln") else stem + "e"
        if person == "2sg":
            third = self.conjugate(lemma, "3sg")
            if third is None:
                return None
            return third[:-1] + "st" if third.endswith("t") and not third.endswith("st") else None
        strong = not self.info.attested(stem + "te", lemma) and not self.info.attested(
            stem + "ete", lemma)
        for variant in _vowel_variants(stem):
            form = variant if variant.endswith("t") else variant + "t"
            if self.info.attested(form, lemma):
                return form
            if strong and ("ä" in variant and "ä" not in stem) and self.info.lex.is_known(form):
                return form  # "fällt": the table files it under "fällen"
        regular = stem + ("et" if self._needs_e(stem) else "t")
        if stem.endswith(("s", "ß", "z", "x")):
            regular = stem + "t"
        if self.info.attested(regular, lemma) or lemma.endswith("ieren"):
            return regular
        if lemma.startswith("ge") and self.info.attested(regular, lemma[2:]):
            return regular  # "gewährt": the table files it under "währen"
        return None

    @staticmethod
    def _needs_e(stem: str) -> bool:
        if stem.endswith(("t", "d")):
            return True
        return len(stem) > 2 and stem[-1] in "mn" and stem[-2] not in "aeiouäöülrhmn"

    def _weak_past(self, verb: str, person: str) -> str | None:
        stem = _stem(verb)
        form = stem + ("ete" if self._needs_e(stem) else "te")
        if not self.info.attested(form, verb):
            return None
        return form + ("n" if person == "pl" else "")

    def gender(self, noun: str) -> str | None:
        low = noun.lower()
        if low in GENDER_HEADS:
            return GENDER_HEADS[low]
        for size in range(min(len(low) - 3, 14), 2, -1):
            head = low[-size:]
            if head in GENDER_HEADS:
                return GENDER_HEADS[head]
        if low.endswith(FEMININE_SUFFIXES):
            return "f"
        if low.endswith(NEUTER_SUFFIXES):
            return "n"
        return None

    # -- genitive ----------------------------------------------------------------------------
    def genitive_hit(self, words: list[_Tok], subkind: str, first: int, last: int,
                     head: int) -> MorphHit:
        noun = words[head].text
        lemma = self.info.lemma(noun) if words[head].flags & F_CAP else None
        replacement = None
        if subkind == "genitive-article":
            replacement = self._von_phrase(words, first, last)
        idx = tuple(sorted({words[first].i, words[last].i, words[head].i}))
        span = (words[first].start, words[last].end)
        return MorphHit("genitive", subkind, span[0], span[1], idx,
                        lemma=lemma or noun, replacement=replacement,
                        replaces=span if replacement else None)

    def _von_phrase(self, words: list[_Tok], first: int, last: int) -> str | None:
        """"des Lehrers" -> "vom Lehrer", "der Stadt" -> "von der Stadt" (after a noun only)."""
        if first == 0 or not self._noun(words[first - 1]) or last == first:
            return None
        det, noun = words[first].low, words[last].text
        if not words[last].flags & F_CAP:
            return None
        if last + 1 < len(words) and words[last + 1].low in ("und", "oder", "sowie"):
            return None  # "der Bürgerinnen und Bürger": the von-phrase would need both nouns
        middle = " ".join(w.text for w in words[first + 1:last])
        lemma = self.info.lemma(noun)
        if det in GEN_TO_DATIVE:
            if noun.endswith("s") and lemma and lemma != noun and noun in (lemma + "s",
                                                                          lemma + "es"):
                dative = lemma
            elif noun.endswith("n") and lemma and noun in (lemma + "n", lemma + "en"):
                dative = noun  # weak masculine: "des Kunden" -> "vom Kunden"
            else:
                return None
            article = GEN_TO_DATIVE[det]
            phrase = ("vom" if article == "dem" else "von " + article)
        elif det in GEN_FEM_TO_DATIVE:
            feminine, plural = GEN_FEM_TO_DATIVE[det]
            if lemma and lemma != noun and plural:  # plural: "der Kinder" -> "von den Kindern"
                dative = noun if noun.endswith(("n", "s")) else noun + "n"
                phrase = "von " + plural
            elif feminine and lemma == noun and not noun.endswith(
                ("er", "el", "en", "chen", "lein")
            ) and not (noun.startswith("Ge") and noun.endswith("e")):
                dative = noun
                phrase = "von " + feminine
            else:
                return None
        else:
            return None
        if words[first].text[:1].isupper():
            # "Ihres Antrags" -> "von Ihrem Antrag": keep the polite capital
            head, _, tail = phrase.partition(" ")
            phrase = head + " " + tail[:1].upper() + tail[1:] if tail else phrase
        return " ".join(p for p in (phrase, middle, dative) if p)

    # -- subjunctive ---------------------------------------------------------------------------
    def subjunctive_hit(self, clause: list[_Tok], j: int, subkind: str, lemma: str,
                        toks: list[_Tok]) -> MorphHit:
        idx = [j]
        if subkind == "wuerde-form":
            inf = next((k for k in range(j + 1, len(clause)) if self._inf(clause[k])
                        and not clause[k].flags & F_CAP), -1)
            if inf < 0 and j > 0 and self._inf(clause[j - 1]):
                inf = j - 1
            if inf >= 0:
                idx.append(inf)
        idx.sort()
        first, last = clause[idx[0]], clause[idx[-1]]
        replacement = None
        if self._indicative_is_safe(clause, j, subkind, toks):
            replacement = self._indicative(clause, j, subkind, lemma, idx)
        span = (first.start, last.end)
        return MorphHit("subjunctive", subkind, span[0], span[1],
                        tuple(clause[k].i for k in idx), lemma=lemma,
                        replacement=replacement, replaces=span if replacement else None)

    def _indicative_is_safe(self, clause: list[_Tok], j: int, subkind: str,
                            toks: list[_Tok]) -> bool:
        """Indicative keeps the meaning: reported speech, polite requests, present hypotheses.

        Not for verb-first conditions ("Sollten Sie Fragen haben"), optatives and formulas
        ("Es lebe …", "Gott sei Dank", "es sei denn"), main-clause Konjunktiv I ("Man nehme …")
        or the past counterfactual ("hätte … gewusst"), where the indicative says the opposite.
        """
        low = clause[j].low
        prev = clause[j - 1].low if j > 0 else ""
        nxt = clause[j + 1].low if j + 1 < len(clause) else ""
        first_clause = clause[0].start == next(t.start for t in toks if t.flags & F_WORD)
        if j == 0 and first_clause and subkind != "hoeflichkeit":
            return False  # verb-first condition or wish: "Sollten Sie …", "Wäre ich …"
        if prev == "gott" or nxt in ("denn", "dank"):
            return False
        if subkind == "konjunktiv-1":
            return not first_clause or clause[0].low in ("dass", "ob")
        # past counterfactual ("hätte … gewusst"): the indicative would state the opposite
        return not (low.startswith(("hätt", "wär")) and any(
            self.info.participle(t.low) for t in clause[j + 1:] if not t.flags & F_CAP
        ))

    @staticmethod
    def _person(clause: list[_Tok], low: str) -> str:
        if low.endswith("st"):
            return "2sg"
        if low.endswith(("en", "n")):
            return "pl"
        return "1sg" if any(t.low == "ich" for t in clause) else "3sg"

    def _indicative(self, clause: list[_Tok], j: int, subkind: str, lemma: str,
                    idx: list[int]) -> str | None:
        tok = clause[j]
        low = tok.low
        if subkind == "hoeflichkeit" and lemma == "mögen":
            return None
        if subkind == "hoeflichkeit" and low.startswith("hätte") and any(
            t.low in ("gern", "gerne") for t in clause[j + 1:j + 4]
        ):
            return "möchte" if low == "hätte" else "möchten" if low == "hätten" else None
        person = self._person(clause, low)
        if low in K1_TO_INDICATIVE and subkind == "konjunktiv-1":
            word = K1_TO_INDICATIVE[low]
        elif low in K2_TO_INDICATIVE:
            word = K2_TO_INDICATIVE[low][0 if person == "1sg" else 1]
        elif subkind == "wuerde-form" and len(idx) == 2:
            return self._wuerde_indicative(clause, j, idx, person)
        elif subkind in ("konjunktiv-1", "konjunktiv-2") and lemma not in K2_FIXED.values():
            word = self.conjugate(lemma, "3sg" if subkind == "konjunktiv-1" else person)
            if word is None or self.separable(lemma)[0]:
                return None
        else:
            return None
        return word[:1].upper() + word[1:] if tok.text[:1].isupper() else word

    def _wuerde_indicative(self, clause: list[_Tok], j: int, idx: list[int],
                           person: str) -> str | None:
        inf_k = idx[1] if idx[1] != j else idx[0]
        verb = clause[inf_k].low
        prefix, base = self.separable(verb)
        if inf_k < j:  # verb-final "…, wenn er kommen würde" -> "kommt"
            form = self.conjugate(verb if not prefix else base, person)
            return None if form is None else prefix + form
        if inf_k != len(clause) - 1:
            return None
        form = self.conjugate(base if prefix else verb, person)
        if form is None:
            return None
        middle = " ".join(t.text for t in clause[j + 1:inf_k])
        parts = [form, middle, prefix]
        result = " ".join(p for p in parts if p)
        return result[:1].upper() + result[1:] if clause[j].text[:1].isupper() else result

    # -- passive -----------------------------------------------------------------------------
    def passive_replacement(self, hit: MorphHit, toks: list[_Tok], sentence: Sentence,
                            text: str) -> MorphHit:
        try:
            rewrite = self._active_sentence(hit, toks, sentence, text)
        except (IndexError, KeyError, ValueError):
            rewrite = None
        if not rewrite:
            return hit
        return MorphHit(hit.kind, hit.subkind, hit.start, hit.end, hit.tokens, agent=hit.agent,
                        lemma=hit.lemma, replacement=rewrite,
                        replaces=(sentence.start, sentence.end))

    def _active_sentence(self, hit: MorphHit, toks: list[_Tok], sentence: Sentence,
                         text: str) -> str | None:
        if hit.subkind not in ("vorgangspassiv", "zu-infinitiv", "modal-passiv"):
            return None
        if sentence.terminal != "." or any(t.flags & F_BOUNDARY for t in toks[:-1]):
            return None
        words = [t for t in toks if t.flags & F_WORD or t.text[:1].isdigit()]
        by_index = {t.i: k for k, t in enumerate(words)}
        aux = [by_index[i] for i in hit.tokens if i in by_index]
        if not aux:
            return None
        finite = aux[0]
        if hit.subkind == "zu-infinitiv":
            return self._instruction(words, finite, hit, True, text)
        if hit.subkind == "modal-passiv":
            return self._instruction(words, finite, hit, False, text)
        if hit.agent is None:
            return None
        return self._agent_to_subject(words, finite, hit, text)

    def _subject_accusative(self, words: list[_Tok], end: int) -> str | None:
        """The noun phrase words[0:end] as an accusative object ("Der Antrag" -> "den Antrag")."""
        if end == 0:
            return None
        np = words[:end]
        if any(t.flags & (F_PART | F_WERDEN | F_SEIN | F_MODAL) and not t.flags & F_CAP
               for t in np[1:]) or any(t.low in ("und", "oder") for t in np):
            return None
        first = np[0].low
        rest = [t.text for t in np[1:]]
        noun = np[-1]
        if len(np) == 1:
            pronouns = {"er": "ihn", "es": "es", "ich": "mich", "wir": "uns"}
            if first in pronouns:
                return pronouns[first]
            return noun.text if self._noun(noun) else None
        if not noun.flags & F_CAP:
            return None
        if first in ("die", "das", "diese", "dieses", "eine", "ihre", "meine", "seine",
                     "unsere", "keine", "alle"):
            return " ".join([first, *rest])
        if first in ("der", "dieser", "jeder"):
            adjusted = [w + "n" if w.endswith("e") and not w[:1].isupper() else w
                        for w in rest[:-1]]
            return " ".join([first[:-1] + "en" if first != "der" else "den", *adjusted,
                             self._weak_accusative(noun.text)])
        if first in ("ein", "kein", "ihr", "mein", "sein", "unser", "dein"):
            gender = self.gender(noun.text)
            if gender == "n":
                return " ".join([first, *rest])
            if gender == "m" and len(np) == 2:
                return " ".join([first + "en", self._weak_accusative(noun.text)])
            return None
        if self._noun(np[0]) and all(t.flags & F_CAP for t in np):
            return " ".join(t.text for t in np)
        return None

    @staticmethod
    def _weak_accusative(noun: str) -> str:
        if noun.endswith("e"):
            return noun + "n"
        if noun.lower().endswith(WEAK_MASCULINE_SUFFIXES):
            return noun + "en"
        return noun

    def _instruction(self, words: list[_Tok], finite: int, hit: MorphHit, zu: bool,
                     text: str) -> str | None:
        """"Das Formular ist bis Freitag auszufüllen." -> "Füllen Sie das Formular … aus."."""
        fin = words[finite].low
        if (zu and fin not in ("ist", "sind")) or (not zu and fin not in ("muss", "müssen")):
            return None
        if words[-1].i not in hit.tokens:
            return None
        lemma = hit.lemma or ""
        if zu:
            verb_end = len(words) - 1
            verb_start = verb_end - 1 if words[verb_end - 1].low == "zu" else verb_end
        else:
            if words[-1].low != "werden":
                return None
            verb_end = len(words) - 2
            verb_start = verb_end
        if lemma in CAN_READING or not _verbish(lemma):
            return None
        middle_words = words[finite + 1:verb_start]
        middle = text[words[finite].end:words[verb_start].start].strip()
        if any(t.low in CAN_ADVERBS for t in middle_words) or any(
            t.low in ("nicht", "kein", "keine") for t in middle_words
        ):
            return None
        obj = self._subject_accusative(words, finite)
        if obj is None or obj in ("mich", "uns", "ihn", "es"):
            return None
        verb_tok = words[verb_end].low
        if zu and verb_start != verb_end:
            prefix, base = "", lemma  # "zu übersetzen": not separable
        elif zu:
            prefix, base = _split_separable(lemma)
        else:
            prefix, base = self.separable(lemma, verb_tok)
        verb = base if prefix else lemma
        head = "Seien" if verb == "sein" else verb[:1].upper() + verb[1:]
        parts = [head, "Sie", obj, middle, prefix]
        return " ".join(p for p in parts if p) + "."

    def _agent_to_subject(self, words: list[_Tok], finite: int, hit: MorphHit,
                          text: str) -> str | None:
        """"Der Antrag wird vom Amt geprüft." -> "Das Amt prüft den Antrag."."""
        fin = words[finite].low
        if fin not in ("wird", "werden", "wurde", "wurden"):
            return None
        past = fin.startswith("wurde")
        part_k = len(words) - 1
        if words[part_k].i not in hit.tokens or not words[part_k].flags & F_PART:
            return None
        assert hit.agent is not None
        agent_words = [k for k in range(finite + 1, part_k)
                       if words[k].start >= hit.agent[0] and words[k].end <= hit.agent[1]]
        if not agent_words:
            return None
        agent = self._agent_nominative([words[k] for k in agent_words])
        if agent is None:
            return None
        phrase, plural = agent
        obj = self._subject_accusative(words, finite)
        if obj is None:
            return None
        if words[0].text == "Sie" and finite == 1:
            if fin not in ("wird", "wurde"):
                return None
            obj = "sie"
        lemma = hit.lemma or ""
        prefix, base = self.separable(lemma, words[part_k].low)
        verb = self.conjugate(base if prefix else lemma, "pl" if plural else "3sg", past=past)
        if verb is None:
            return None
        middle = [words[k] for k in range(finite + 1, part_k) if k not in agent_words]
        datives = [t.text for t in middle if t.low in DATIVE_PRONOUNS]
        rest = text[words[finite].end:words[part_k].start]
        agent_text = text[hit.agent[0]:hit.agent[1]]
        for dative in datives:
            rest = rest.replace(f" {dative} ", " ", 1)
        others = " ".join(rest.replace(agent_text, " ", 1).split())
        parts = [phrase[:1].upper() + phrase[1:], verb, *datives, obj, others, prefix]
        return " ".join(p for p in parts if p) + "."

    def _agent_nominative(self, agent: list[_Tok]) -> tuple[str, bool] | None:
        """("das Amt", plural?) for "vom Amt"; None when gender or case is unclear."""
        prep = agent[0].low
        rest = agent[1:]
        if not rest or not rest[-1].flags & F_CAP:
            return None
        noun = rest[-1].text
        det = rest[0].low if rest[0].low in DETERMINERS else None
        adjectives = [t.text for t in rest[1 if det else 0:-1]]
        if any(a[:1].isupper() for a in adjectives) and det is not None:
            return None
        if prep == "vom" or det == "dem":
            if prep == "von" and det != "dem":
                return None
            gender = self.gender(noun)
            if gender not in ("m", "n") or (adjectives and prep == "vom" and len(rest) > 1):
                pass
            if gender not in ("m", "n"):
                return None
            article = "der" if gender == "m" else "das"
            adjs = [a[:-1] if a.endswith("en") else a for a in adjectives]
            return " ".join([article, *adjs, noun]), False
        if prep == "durch":
            if det in ("die", "das", "ein", "eine"):
                return " ".join(t.text for t in rest), False
            if det == "den" and not adjectives:
                return "der " + noun, False
            return None
        if det is None:
            # names ("von Robert Bosch") or bare plurals ("von Prüfern")
            if adjectives:
                return None
            words = [t.text for t in rest]
            if len(rest) == 1 and self._noun(rest[0]):
                plural = self._nominative_plural(noun)
                if plural is None:
                    return " ".join(words), False
                return plural, True
            return " ".join(words), False
        nominative = DATIVE_TO_NOMINATIVE.get(det)
        if nominative is None:
            return None
        if det == "den":
            plural = self._nominative_plural(noun) or noun
            return " ".join(["die", *adjectives, plural]), True
        if det in ("einem", "meinem", "deinem", "seinem", "ihrem", "unserem", "eurem", "keinem"):
            if adjectives:
                gender = self.gender(noun)
                if gender is None:
                    return None
                ending = "er" if gender == "m" else "es"
                adjectives = [a[:-2] + ending if a.endswith("en") else a for a in adjectives]
            return " ".join([nominative, *adjectives, noun]), False
        adjs = [a[:-1] if a.endswith("en") else a for a in adjectives]
        return " ".join([nominative, *adjs, noun]), False

    def _nominative_plural(self, noun: str) -> str | None:
        """"Forschern" -> "Forscher", "Ärzten" -> "Ärzte"; None when ``noun`` is not a dative
        plural we can undo."""
        if not noun.endswith("n"):
            return None
        lemma = self.info.lemma(noun)
        shorter = noun[:-1]
        if lemma and lemma != noun and shorter.endswith(("e", "er", "el")) and (
            self.info.lemma(shorter) == lemma
        ):
            return shorter
        if lemma and lemma != noun:
            return noun  # "Menschen": dative plural == nominative plural
        return None
