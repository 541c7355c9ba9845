"""Which language a text, or a passage of it, is written in.

py3langid (BSD, a maintained fork of langid.py) ships its model inside the package, so nothing is
downloaded at run time; it classifies a paragraph in well under a millisecond. It is restricted to
the languages that public German web texts mix in (an unrestricted model calls short German
passages Luxembourgish or Danish). Short passages are not judged: below a few words every
identifier guesses.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Languages a German public text is likely to contain passages in (and German itself).
CANDIDATES = ("de", "en", "fr", "es", "it", "nl", "pl", "tr", "ru", "uk", "ar", "pt", "cs", "da")
MIN_WORDS_DOCUMENT = 3
# A whole text is only taken for another language than the configured one when it is long
# enough and the identifier is sure: a short German notice must not become Danish.
MIN_WORDS_DETECT = 4
DOCUMENT_CONFIDENCE = 0.9
MIN_WORDS_PASSAGE = 6
# Normalised probability a passage needs before it counts as another language than the text's.
PASSAGE_CONFIDENCE = 0.95
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

NAMES = {
    "de": ("Deutsch", "German"),
    "en": ("Englisch", "English"),
    "fr": ("Französisch", "French"),
    "es": ("Spanisch", "Spanish"),
    "it": ("Italienisch", "Italian"),
    "nl": ("Niederländisch", "Dutch"),
    "pl": ("Polnisch", "Polish"),
    "tr": ("Türkisch", "Turkish"),
    "ru": ("Russisch", "Russian"),
    "uk": ("Ukrainisch", "Ukrainian"),
    "ar": ("Arabisch", "Arabic"),
    "pt": ("Portugiesisch", "Portuguese"),
    "cs": ("Tschechisch", "Czech"),
    "da": ("Dänisch", "Danish"),
}


@dataclass(frozen=True, slots=True)
class Detection:
    lang: str
    confidence: float  # 0..1
    words: int


_identifier: Any = None
_lock = threading.Lock()


def _cache_path() -> Path:
    from importlib.metadata import version

    from checkers.text.lexicon import default_cache_path

    key = f"{version('py3langid')}-{'-'.join(CANDIDATES)}"
    return default_cache_path().with_name(f"langid-{key}.pickle")


def _build_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


def _load_identifier() -> Any:
    """The identifier from our own cache (0.3 s), else built from the package's model (1-2 s:
    it unpacks 68 MB) and cached, the way the lexicon is."""
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    identifier = _build_identifier()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(identifier, handle, protocol=5)
        temporary.replace(path)
    return identifier


def _get_identifier() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                _identifier = _load_identifier()
    return _identifier


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def detect(text: str, min_words: int = MIN_WORDS_DOCUMENT) -> Detection | None:
    """The language of ``text``, or None when it is too short to tell."""
    words = word_count(text)
    if words < min_words:
        return None
    # The identifier reads character n-grams; a long text gains nothing past its first pages.
    lang, confidence = _get_identifier().classify(text[:20_000])
    return Detection(str(lang), float(confidence), words)


def language_name(code: str, locale: str = "de") -> str:
    names = NAMES.get(code)
    if names is None:
        return code
    return names[0] if locale == "de" else names[1]


