"""A small stop-word language identifier for the language rules (not a rule).

Each language has a list of frequent function words (articles, pronouns, prepositions,
conjunctions, auxiliaries). A word found in k of the lists counts 1/k for each of them, so
shared words ("de", "la", "in") do not decide. :func:`identify` answers only when the text is
clearly in one language: enough function words, and the best language at least
``margin`` times as strong as the runner-up. Covers German, English, French, Spanish,
Italian, Dutch, Turkish and Polish.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_LISTS = {
    "de": """der die das und ist nicht mit für von zu den dem des ein eine einen einem einer
        auf sich auch es sie wir ihr ihre werden wird sind bei oder wenn dass kann nach über
        aus im zum zur als wie noch nur sehr hier mehr uns unser unsere haben hat gibt ich du
        er war wurde diese dieser dieses durch unter wieder schon können müssen""",
    "en": """the and of to is are was were with for this that these those you your we our it
        its be been have has not from by on at which can would should there their they what
        when where who how if or please about my he she his her but do does did just than
        them into will an all also more some any""",
    "fr": """le la les et est sont un une des du au aux avec pour dans sur pas ne que qui ce
        cette ces vous nous il elle ils elles son sa ses leur leurs mais ou où être avoir été
        fait plus très je tu on y en par aussi comme tout tous votre notre a ici sommes
        êtes""",
    "es": """el la los las y es son un una unos unas del al con para por en que qué no se su
        sus lo como más pero este esta estos estas muy también hay ser fue está están
        nosotros ustedes usted yo tú le les cuando donde todo todos nuestro a nos mi sin sobre
        entre desde hasta porque aquí ya esté ha han""",
    "it": """il lo la gli le e è sono un una uno del della dei delle degli al alla con per in
        che non si suo sua come più ma questo questa molto anche ci essere stato io tu noi
        voi loro nel nella dal dalla ed sulla tutti a siamo qui ha hanno""",
    "nl": """de het een en is zijn van voor met op aan dat die niet ook maar als bij uit naar
        wij jij u hij zij ze wordt worden dit deze er om tot hebben heeft was kan of over
        nog wel geen mijn onze""",
    "tr": """ve bir bu da de için ile ne çok daha gibi olarak olan ama veya ise şu o ben sen
        biz siz onlar mi mı mu mü değil var yok kadar sonra her en için burada
        olduğunuz bunu""",
    "pl": """i w z na się nie do to że jest są a o od po jak ale dla tak co czy ten ta te już
        przez jego jej ich być był może tylko także oraz przy ze we jesteś jesteśmy
        się mamy""",
}
LANGUAGES = frozenset(_LISTS)
_WEIGHTS: dict[str, dict[str, float]] = {}
for _lang, _text in _LISTS.items():
    for _word in set(_text.split()):
        _WEIGHTS.setdefault(_word, {})[_lang] = 0.0
for _word, _langs in _WEIGHTS.items():
    for _lang in _langs:
        _langs[_lang] = 1.0 / len(_langs)

WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Guess:
    language: str | None  # None: not clear
    words: int
    scores: dict[str, float]


def identify(text: str, min_score: float = 3.0, margin: float = 3.0,
             min_share: float = 0.15) -> Guess:
    """The language of ``text`` when it is clear, else ``Guess(None, ...)``."""
    words = WORD.findall(text.lower())
    scores: dict[str, float] = dict.fromkeys(_LISTS, 0.0)
    get = _WEIGHTS.get
    for word, count in Counter(words).items():
        weights = get(word)
        if weights:
            for lang, weight in weights.items():
                scores[lang] += weight * count
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    clear = (
        top >= min_score
        and top >= margin * max(second, 0.5)
        and top >= min_share * len(words)
    )
    return Guess(best if clear else None, len(words), scores)
