"""German-aware tokenizer: words, numbers, abbreviations, URLs, punctuation, with exact offsets.

Why not spaCy's tokenizer: a cold CLI run must answer in well under 1.5 s, and spaCy's import alone
costs 0.6 s. One compiled regular expression does the job at several hundred thousand words/s, and
it keeps multi-part abbreviations ("z. B.", "d. h.", "i. d. R.") as one token, which readability
counts and the abbreviation rule both need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["word", "number", "abbrev", "url", "email", "punct", "symbol"]

# Dotted abbreviations that are one token with their dot(s). Written in lower case; matched
# case-insensitively where the first letter may be capital at sentence start ("Z. B.").
MULTI_PART_ABBREVIATIONS = (
    "z. b.",
    "d. h.",
    "u. a.",
    "u. ä.",
    "o. ä.",
    "i. d. r.",
    "u. u.",
    "z. t.",
    "z. zt.",
    "s. o.",
    "s. u.",
    "v. a.",
    "u. v. m.",
    "m. e.",
    "i. a.",
    "i. v.",
    "i. r.",
    "a. d.",
    "n. chr.",
    "v. chr.",
    "e. v.",
    "o. g.",
    "u. g.",
    "z. hd.",
    "z. h.",
    "i. s. d.",
    "i. s. v.",
    "i. v. m.",
    "a. a. o.",
    "d. j.",
    "d. m.",
    "h. c.",
    "k. o.",
    "m. a. w.",
    "u. e.",
    "u. z.",
    "v. h.",
    "z. k.",
    "z. s.",
    "b. a.",
    "m. a.",
)
MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez"}
)
SINGLE_ABBREVIATIONS = MONTH_ABBREVIATIONS | frozenset(
    [
        "abs",
        "abt",
        "adr",
        "allg",
        "anh",
        "anl",
        "anm",
        "aufl",
        "ausg",
        "az",
        "bd",
        "bearb",
        "betr",
        "bez",
        "bzgl",
        "bzw",
        "ca",
        "chr",
        "dgl",
        "di",
        "dipl",
        "do",
        "dr",
        "dt",
        "ebd",
        "eig",
        "einschl",
        "entspr",
        "erg",
        "etc",
        "ev",
        "evtl",
        "exkl",
        "fa",
        "fam",
        "ff",
        "fr",
        "frl",
        "gebr",
        "gem",
        "ges",
        "gez",
        "ggf",
        "ggü",
        "gr",
        "hr",
        "hrsg",
        "hbf",
        "inkl",
        "insb",
        "jh",
        "jhd",
        "jr",
        "kap",
        "kath",
        "kfm",
        "kl",
        "lfd",
        "lt",
        "max",
        "mi",
        "min",
        "mind",
        "mio",
        "mo",
        "mrd",
        "mtl",
        "nachf",
        "nr",
        "nrn",
        "od",
        "pers",
        "pkt",
        "pl",
        "prof",
        "rd",
        "rel",
        "rep",
        "s",
        "sa",
        "sek",
        "sen",
        "sog",
        "std",
        "str",
        "stud",
        "tel",
        "tsd",
        "u",
        "ua",
        "usf",
        "usw",
        "vgl",
        "vs",
        "zb",
        "zt",
        "zzgl",
        "zus",
        "zw",
        "ziff",
        "bspw",
        "evang",
    ]
)

_multi = "|".join(
    r"\s?".join(re.escape(part) for part in abbr.split(" ")) for abbr in MULTI_PART_ABBREVIATIONS
)
_TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'’”])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<multi>(?<![^\W\d_])(?:{_multi})(?![^\W\d_]))
  | (?P<number>\d+(?:[.,:]\d+)*(?:[.,]-)?)
  | (?P<word>[^\W\d_](?:[\w·'’-]*[\w])?(?:-(?=\s+(?:und|oder|bis|sowie|als\s+auch)\b))?)
  | (?P<punct>\.\.\.|[.!?]+|[,;:()\[\]{{}}„“”"‚‘’'«»‹›…–—/-])
  | (?P<symbol>\S)
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: TokenKind
    # Filled in by the analysis step; tokenization leaves them empty.
    lemma: str | None = None
    tag: str | None = None

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into tokens whose offsets index into ``text``."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup
        s, e = match.span()
        piece = match.group()
        if kind == "multi":
            append(Token(piece, s, e, "abbrev"))
            continue
        if kind == "word":
            # A known abbreviation directly followed by its dot is one token ("Nr.", "Dr.", "ca.").
            if e < len(text) and text[e] == "." and piece.lower() in SINGLE_ABBREVIATIONS:
                append(Token(text[s : e + 1], s, e + 1, "abbrev"))
                _skip_dot(tokens)
                continue
            append(Token(piece, s, e, "word"))
            continue
        append(Token(piece, s, e, kind))  # type: ignore[arg-type]
    return _merge_abbrev_dots(tokens)


def _skip_dot(tokens: list[Token]) -> None:
    """Marker: the dot after an abbreviation was consumed; _merge_abbrev_dots drops it."""
    tokens[-1].tag = "abbrev-dot"


def _merge_abbrev_dots(tokens: list[Token]) -> list[Token]:
    merged: list[Token] = []
    skip_until = -1
    for original in tokens:
        token = original
        if token.start < skip_until:
            # The regex also saw the dot (or "..." starting with it) the abbreviation swallowed.
            if token.text == "." or token.end <= skip_until:
                continue
            token = Token(token.text[skip_until - token.start :], skip_until, token.end, token.kind)
        if token.tag == "abbrev-dot":
            token.tag = None
            skip_until = token.end
        merged.append(token)
    return merged
