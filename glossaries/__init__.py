"""Glossaries of hard-to-read German (Amtsdeutsch, Funktionsverbgefüge, abbreviations, foreign
words, idioms) with plain alternatives, plus TBX-Basic import/export for translation tools."""

from .errors import GlossaryError
from .loader import BUILTIN_DIR, load_file, load_glossaries
from .model import (
    KINDS,
    PROFILES,
    SEVERITIES,
    Example,
    Glossary,
    GlossaryEntry,
    entry_from_dict,
    entry_to_dict,
)
from .tbx import from_tbx, to_tbx
from .validation import SCHEMA_PATH

__all__ = [
    "BUILTIN_DIR",
    "KINDS",
    "PROFILES",
    "SCHEMA_PATH",
    "SEVERITIES",
    "Example",
    "Glossary",
    "GlossaryEntry",
    "GlossaryError",
    "entry_from_dict",
    "entry_to_dict",
    "from_tbx",
    "load_file",
    "load_glossaries",
    "to_tbx",
]
