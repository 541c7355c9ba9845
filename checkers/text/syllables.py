"""Syllable counting for German (and English) from vowel nuclei, not from hyphenation points.

Hyphenation dictionaries (pyphen, textstat) cannot split short words ("oder", "Abend", "Ufer"),
so they undercount exactly the words readers find easy. Here a syllable is a vowel nucleus:
diphthongs and doubled vowels count once, vowels in hiatus twice ("The-a-ter", "Si-tu-a-ti-on"),
and the known exceptions of German spelling are listed. Numbers count as they are read aloud,
all-caps abbreviations letter by letter ("EU" = E-U).
"""

from __future__ import annotations

import re
from functools import lru_cache

VOWELS = frozenset("aeiouäöüy")
# Two letters that form one nucleus.
NUCLEI = frozenset({"ei", "ai", "au", "eu", "äu", "ie", "aa", "ee", "oo", "ey", "ay", "ou"})
# Words ending in an unstressed "-ie" read as two syllables (Fa-mi-li-e); stressed "-ie" (Ener-gie)
# is one, so the two-syllable ones are listed.
IE_TWO = (
    "familie",
    "linie",
    "lilie",
    "arie",
    "serie",
    "studie",
    "komödie",
    "tragödie",
    "folie",
    "aktie",
    "materie",
    "hostie",
    "petersilie",
    "glorie",
    "historie",
    "prämie",
    "grazie",
    "akazie",
    "orgie",
    "dahlie",
    "pinie",
    "begonie",
    "geranie",
    "mumie",
    "bestie",
    "ferie",
    "medie",
    "kastanie",
    "infanterie",
    "linie",
    "olympiade",
    "spezie",
    "ingenieur",
)
IE_ONE_BEFORE_N = frozenset({"schien", "wien", "spien", "lien"})
PREFIX_HIATUS = (
    "beend",
    "beeil",
    "beein",
    "beerb",
    "beerd",
    "geehr",
    "geeig",
    "geeint",
    "koord",
    "koop",
    "zoolo",
    "reer",
    "reinteg",
    "neuer",
)
ENGLISH_IN_GERMAN = {
    "team": 1,
    "teams": 1,
    "homepage": 2,
    "update": 2,
    "updates": 2,
    "service": 2,
    "online": 2,
    "offline": 2,
    "feedback": 2,
    "workshop": 2,
    "workshops": 2,
    "meeting": 2,
    "meetings": 2,
    "event": 2,
    "events": 2,
    "download": 2,
    "newsletter": 3,
    "software": 2,
    "hardware": 2,
    "design": 2,
    "live": 1,
    "website": 2,
    "websites": 2,
    "site": 1,
    "computer": 3,
    "laptop": 2,
    "smartphone": 2,
    "app": 1,
    "apps": 1,
    "chat": 1,
    "cookie": 2,
    "cookies": 2,
    "service-team": 3,
    "coach": 1,
    "coaching": 2,
    "training": 2,
    "timeline": 2,
    "deadline": 2,
    "headline": 2,
    "know-how": 2,
    "okay": 2,
    "flyer": 2,
    "manager": 3,
    "management": 3,
    "marketing": 3,
    "jobcenter": 3,
    "job": 1,
    "jobs": 1,
    "baby": 2,
    "babys": 2,
    "hobby": 2,
    "party": 2,
    "handy": 2,
    "fairness": 2,
    "fair": 1,
    "team-building": 3,
    "blog": 1,
    "link": 1,
    "links": 1,
    "account": 2,
    "login": 2,
    "logout": 2,
    "password": 2,
    "e-mail": 2,
    "email": 2,
    "mail": 1,
    "mails": 1,
    "support": 2,
    "tool": 1,
    "tools": 1,
    "location": 3,
    "ticket": 2,
    "tickets": 2,
    "stream": 1,
    "streaming": 2,
    "user": 2,
    "code": 1,
    "lockdown": 2,
    "home-office": 3,
    "homeoffice": 3,
    "office": 2,
    "shop": 1,
    "shopping": 2,
    "online-shop": 3,
    "idee": 2,
}
_DIGITS = re.compile(r"\d+")
_ONES = [1, 1, 1, 1, 1, 1, 1, 2, 1, 1]  # null eins zwei drei vier fünf sechs sieben acht neun
_TEENS = {10: 1, 11: 1, 12: 1, 16: 2, 17: 2}  # zehn elf zwölf sechzehn siebzehn
_TENS = [0, 1, 2, 2, 2, 2, 2, 2, 2, 2]  # zehn zwanzig dreißig …


def _below_100(n: int) -> int:
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS.get(n, _ONES[n - 10] + 1)
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (0 if ones == 0 else _ONES[ones] + 1)  # "und"


def _below_1000(n: int) -> int:
    hundreds, rest = divmod(n, 100)
    count = (_ONES[hundreds] + 2) if hundreds else 0  # "(ein)hundert"
    return count + (_below_100(rest) if rest or not hundreds else 0)


def number_syllables(n: int) -> int:
    """Syllables of an integer read aloud in German ("2025" = zwei-tau-send-fünf-und-zwan-zig)."""
    if n < 1000:
        return _below_1000(n)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return _below_1000(thousands) + 2 + (_below_1000(rest) if rest else 0)
    if n < 1_000_000_000:
        millions, rest = divmod(n, 1_000_000)
        return _below_1000(millions) + 3 + (number_syllables(rest) if rest else 0)
    milliards, rest = divmod(n, 1_000_000_000)
    return number_syllables(milliards) + 4 + (number_syllables(rest) if rest else 0)


def _number_token(word: str) -> int:
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", word):
        whole, _, fraction = word.partition(",")
        count = number_syllables(int(whole.replace(".", "")))
        return count + (2 + len(fraction) if fraction else 0)  # "Komma" + digits
    groups = _DIGITS.findall(word)
    return sum(number_syllables(int(g)) if len(g) <= 12 else len(g) for g in groups) or 1


def _german_nuclei(word: str) -> int:
    count = 0
    index = 0
    length = len(word)
    while index < length:
        char = word[index]
        if char not in VOWELS or (char == "u" and index and word[index - 1] == "q"):
            index += 1
            continue
        pair = word[index : index + 2]
        if pair in NUCLEI:
            if (
                pair == "ie"
                and word.endswith("ien")
                and index == length - 3
                and (word not in IE_ONE_BEFORE_N)
            ):
                count += 2  # Fe-ri-en, Fa-mi-li-en, Bat-te-ri-en
                index += 2
                continue
            count += 1
            index += 2
            # A third vowel after a nucleus starts a new syllable (Feu-er, Trau-er): loop does it.
            continue
        count += 1
        index += 1
    if word.endswith(IE_TWO):
        count += 1
    if word.startswith(PREFIX_HIATUS):
        count += 1
    if word.endswith(("eum", "eums")):
        count += 1  # Mu-se-um
    return max(count, 1)


@lru_cache(maxsize=200_000)
def count_syllables(word: str, lang: str = "de") -> int:
    """Syllables of one token; 0 for a token without letters or digits."""
    if not any(ch.isalnum() for ch in word):
        return 0
    if word[0].isdigit():
        return _number_token(word)
    if "·" in word or ("-" in word and word.lower() not in ENGLISH_IN_GERMAN):
        return sum(count_syllables(part, lang) for part in re.split(r"[·\-]", word) if part)
    stripped = word.strip(".'’")
    upper = sum(ch.isupper() for ch in stripped)
    if (upper >= 2 and len(stripped) <= 5 and not stripped.isupper()) or (
        stripped.isupper() and 2 <= len(stripped) <= 5
    ):
        return len([ch for ch in stripped if ch.isalpha()])  # spelled out: E-U, We-o-Ge-Ge
    lower = stripped.lower()
    if lang == "en":
        return _english(lower)
    if lower in ENGLISH_IN_GERMAN:
        return ENGLISH_IN_GERMAN[lower]
    return _german_nuclei(lower)


def _english(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    elif word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
        pass  # "ta-ble": the final -le is a syllable of its own
    if word.endswith("ed") and len(word) > 3 and word[-3] not in "td" and count > 1:
        count -= 1
    if word.endswith("es") and len(word) > 3 and word[-3] not in "sxzhcg" and count > 1:
        count -= 1
    return max(count, 1)
