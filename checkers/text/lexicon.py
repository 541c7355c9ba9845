"""Fast German lexicon (lemmas + word frequencies) derived from spacy-lookups-data.

spacy-lookups-data (MIT) ships ``de_lemma_lookup.json.gz`` (form -> lemma) and
``de_lexeme_prob.json.gz`` (word -> natural-log probability). Parsing those takes ~1.5 s, far
too slow for a cold-start CLI, so we derive one compact ``marshal`` file once (at install time
via ``python -m checkers.text.lexicon build``, else lazily on first use) and load that instead.

File layout: one marshal'd tuple
    (MAGIC, FORMAT_VERSION, spacy-lookups-data version, its package dir,
     text, heads, block_pos, probs, lemmas)
    text      -- all words sorted, as "\\n" + "\\n".join(words) + "\\n"
    heads     -- first word of every block of BLOCK words, "\\n"-joined
    block_pos -- array('i'): offset in ``text`` of the "\\n" before each block (+ end)
    probs     -- array('h'): log probability in hundredths, NO_PROB if not a top word
    lemmas    -- array('i'): index of the word's lemma, -1 if none

Why not dicts: creating ~650k str objects plus dicts costs 110-150 ms on load. Keeping the
words as one string and bisecting over ~10k block heads (then ``str.find`` inside a block)
loads in ~25 ms; a lookup costs ~1-2 µs and hot words are memoised anyway.
"""

from __future__ import annotations

import contextlib
import marshal
import math
import os
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

MAGIC = "a11y-lexicon-de"
FORMAT_VERSION = 1
CACHE_FILENAME = "lexicon-de-v1.marshal"
# Roughly the top 300k words by frequency; rarer words add load time but little value.
TOP_WORDS = 300_000
BLOCK = 64
OOV_LOGPROB = -20.0
NO_PROB = -32768  # int16 sentinel: word has no probability entry
_LN10 = math.log(10.0)
_VERSION_RE = re.compile(r"""__version__\s*=\s*["']([^"']+)["']""")


def default_cache_path() -> Path:
    base = os.environ.get("A11Y_CACHE_DIR")
    if base:
        return Path(base) / CACHE_FILENAME
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg else Path.home() / ".cache"
    return root / "a11y" / CACHE_FILENAME


def _sld_package_dir() -> Path | None:
    """Directory of the installed spacy_lookups_data package, without importing it."""
    from importlib.util import find_spec

    spec = find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _read_version(pkg_dir: Path) -> str | None:
    # Reading about.py costs well under 1 ms; importing the package or importlib.metadata
    # costs 15-60 ms, a large share of the cold-start budget.
    try:
        m = _VERSION_RE.search((pkg_dir / "about.py").read_text(encoding="utf-8"))
    except OSError:
        return None
    return m.group(1) if m else None


def _build_payload() -> tuple:
    import gzip
    import json

    pkg_dir = _sld_package_dir()
    version = _read_version(pkg_dir) if pkg_dir else None
    if pkg_dir is None or version is None:
        raise RuntimeError("spacy-lookups-data is not installed; cannot build the lexicon")
    data_dir = pkg_dir / "data"
    with gzip.open(data_dir / "de_lemma_lookup.json.gz", "rt", encoding="utf-8") as fh:
        lemma_table: dict[str, str] = json.load(fh)
    with gzip.open(data_dir / "de_lexeme_prob.json.gz", "rt", encoding="utf-8") as fh:
        prob_table: dict[str, float] = json.load(fh)

    ranked = sorted(prob_table.values(), reverse=True)
    cutoff = ranked[min(TOP_WORDS, len(ranked)) - 1] if ranked else 0.0
    # Drop the whole tie group at the cutoff rather than an arbitrary (order-dependent) part.
    probs = {w: p for w, p in prob_table.items() if p > cutoff and w and "\n" not in w}
    lemma_table = {f: lem for f, lem in lemma_table.items() if f and lem and "\n" not in f + lem}

    words = sorted(set(probs) | set(lemma_table) | set(lemma_table.values()))
    index = {w: i for i, w in enumerate(words)}
    prob_arr = array(
        "h", (max(-32000, round(probs[w] * 100)) if w in probs else NO_PROB for w in words)
    )
    lemma_arr = array("i", [-1]) * len(words)
    # A lemma maps to itself, so lemma("Antrag") works although only forms are table keys.
    for lem in lemma_table.values():
        lemma_arr[index[lem]] = index[lem]
    for form, lem in lemma_table.items():
        lemma_arr[index[form]] = index[lem]

    text = "\n" + "\n".join(words) + "\n"
    block_pos = array("i")
    pos = 0
    for i, w in enumerate(words):
        if i % BLOCK == 0:
            block_pos.append(pos)
        pos += len(w) + 1
    block_pos.append(pos)  # the final "\n"
    heads = "\n".join(words[::BLOCK])
    return (
        MAGIC,
        FORMAT_VERSION,
        version,
        str(pkg_dir),
        text,
        heads,
        block_pos.tobytes(),
        prob_arr.tobytes(),
        lemma_arr.tobytes(),
    )


def _write_atomic(path: Path, blob: bytes) -> None:
    # Temp file + rename: concurrent processes never see a half-written cache.
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
            os.fchmod(fh.fileno(), 0o644)  # mkstemp's 0600 would hide a shared cache
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def build_lexicon(out_path: Path | None = None) -> Path:
    """Derive the compact lexicon file (see module docstring) and write it atomically."""
    out_path = out_path or default_cache_path()
    _write_atomic(out_path, marshal.dumps(_build_payload()))
    return out_path


def _is_current(payload: object) -> bool:
    if not (
        isinstance(payload, tuple)
        and len(payload) == 9
        and payload[0] == MAGIC
        and payload[1] == FORMAT_VERSION
    ):
        return False
    # Fast path: the package is still where it was when we built the cache.
    installed = _read_version(Path(payload[3]))
    if installed is None:
        pkg_dir = _sld_package_dir()
        if pkg_dir is None:
            return True  # package gone: the derived cache is all we have, keep using it
        installed = _read_version(pkg_dir)
    return installed == payload[2]


def _int_array(code: str, raw: bytes) -> array:
    arr = array(code)
    arr.frombytes(raw)
    if sys.byteorder != "little":  # cache files are built on the same machine; be safe
        arr.byteswap()
    return arr


class Lexicon:
    """Read-only German lexicon: lemma lookup and word log probabilities."""

    def __init__(self, payload: tuple) -> None:
        _, _, self.version, _, text, heads, block_pos, probs, lemmas = payload
        self._text: str = text
        self._heads: list[str] = heads.split("\n")
        self._block_pos = _int_array("i", block_pos)
        self._probs = _int_array("h", probs)
        self._lemmas = _int_array("i", lemmas)
        # Per-instance memos: the same few thousand words are asked for again and again.
        self._index: Callable[[str], int] = lru_cache(maxsize=200_000)(self._find)
        self.verb_lemma: Callable[[str], str | None] = lru_cache(maxsize=50_000)(self._verb_lemma)
        self.is_noun: Callable[[str], bool] = lru_cache(maxsize=200_000)(self._is_noun)

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        """Load the cached lexicon, (re)building it when missing or outdated."""
        path = path or default_cache_path()
        payload = None
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            payload = marshal.loads(path.read_bytes())
        if not _is_current(payload):
            payload = _build_payload()
            # Read-only home/cache dir: keep working with the in-memory copy.
            with contextlib.suppress(OSError):
                _write_atomic(path, marshal.dumps(payload))
        assert isinstance(payload, tuple)
        return cls(payload)

    def __len__(self) -> int:
        return len(self._probs)

    # -- raw lookups -----------------------------------------------------------------------
    def _find(self, word: str) -> int:
        """Index of ``word`` in the sorted word list, -1 if absent."""
        if not word or "\n" in word:
            return -1
        b = bisect_right(self._heads, word) - 1
        if b < 0:
            return -1
        start, end = self._block_pos[b], self._block_pos[b + 1]
        pos = self._text.find("\n" + word + "\n", start, end + 1)
        if pos < 0:
            return -1
        return b * BLOCK + self._text.count("\n", start, pos)

    def _word_at(self, i: int) -> str:
        b, k = divmod(i, BLOCK)
        start, end = self._block_pos[b], self._block_pos[b + 1]
        return self._text[start + 1 : end].split("\n")[k]

    def _raw_prob(self, word: str) -> int | None:
        i = self._index(word)
        if i < 0:
            return None
        p = self._probs[i]
        return None if p == NO_PROB else p

    def _raw_lemma(self, word: str) -> str | None:
        i = self._index(word)
        if i < 0:
            return None
        j = self._lemmas[i]
        if j < 0:
            return None
        return word if j == i else self._word_at(j)

    # -- public API ------------------------------------------------------------------------
    def lemma(self, word: str) -> str | None:
        """Lemma from the lookup table: exact form, then lowercase, then capitalised.

        None for words the table does not cover (many uninflectable words such as "und").
        """
        for cand in (word, word.lower(), word[:1].upper() + word[1:].lower()):
            lem = self._raw_lemma(cand)
            if lem is not None:
                return lem
        return None

    def logprob(self, word: str) -> float:
        """Natural-log unigram probability (exact, then lowercase); OOV -> -20.0."""
        p = self._raw_prob(word)
        if p is None:
            p = self._raw_prob(word.lower())
        return OOV_LOGPROB if p is None else p / 100.0

    def zipf(self, word: str) -> float:
        """Zipf scale: log10(frequency per billion words) = log10(p) + 9."""
        return self.logprob(word) / _LN10 + 9.0

    def is_known(self, word: str) -> bool:
        return self._index(word) >= 0 or self._index(word.lower()) >= 0

    def _is_noun(self, word: str) -> bool:
        """Heuristic: the capitalised form is known and behaves like a noun."""
        if not word or not word[0].isalpha():
            return False
        cap = word[0].upper() + word[1:]
        if self._index(cap) < 0:
            return False
        lem = self._raw_lemma(cap)
        if lem is not None and lem[0].islower():  # "Die" -> der, "Aber" -> aber
            return False
        # Nouns are written capitalised far more often than not, other words only at sentence
        # start ("Eigenen" << "eigenen", "Haus" >> "haus").
        low = cap.lower()
        lp = self._raw_prob(low) if low != cap else None
        cp = self._raw_prob(cap)
        if lp is not None and (cp is None or cp < lp):
            return False
        return cp is not None or lem is not None

    def _verb_lemma(self, word: str) -> str | None:
        """Lemma of ``word`` if it looks like a verb infinitive (gehen, wandern, tun)."""
        for cand in (word, word.lower()):
            lem = self._raw_lemma(cand)
            if lem is not None and self._looks_like_verb(lem):
                return lem
        return None

    def _looks_like_verb(self, lem: str) -> bool:
        if not lem.islower() or len(lem) < 3 or not lem.endswith("n"):
            return False
        if lem.endswith(("sein", "tun")):
            return True
        if not lem.endswith(("en", "ern", "eln")):
            return False
        # Adjectives end in -en too (eigen, offen): require an attested finite verb form
        # (the ihr-form stem+t/et exists for practically every verb) mapping to this lemma.
        stem = lem[:-2] if lem.endswith("en") else lem[:-1]
        return any(self._raw_lemma(f) == lem for f in (stem + "t", stem + "et", stem + "te"))


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """Process-wide lexicon, loaded on first use."""
    return Lexicon.load()


def main(argv: list[str] | None = None) -> int:
    import time

    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"build", "info"}:
        print("usage: python -m checkers.text.lexicon build|info [PATH]", file=sys.stderr)
        return 2
    path = Path(args[1]) if len(args) > 1 else default_cache_path()
    if args[0] == "build":
        t0 = time.perf_counter()
        build_lexicon(path)
        print(f"built {path} in {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    lex = Lexicon.load(path)
    ms = (time.perf_counter() - t0) * 1000
    print(f"loaded {len(lex)} words (spacy-lookups-data {lex.version}) in {ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
