"""One error type for the translation library, carrying its message in German and English.

It is a :class:`a11y_core.errors.BilingualError`: the CLI shows both languages with exit code 2
(``a11y_service/cli/errors.py``), the API a problem+json (``a11y_service/problems.py``).
"""

from __future__ import annotations

from a11y_core.errors import BilingualError


class TranslationError(BilingualError):
    """A problem the user can fix: a missing model, a broken package, an unreachable index."""


class ModelNotInstalledError(TranslationError):
    """No installed package (and no pivot through English) covers the language pair."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__(
            "model-missing",
            f"Kein Übersetzungsmodell für {source} → {target} installiert. "
            f"Installieren Sie es mit 'a11y models install DATEI'.",
            f"No translation model for {source} → {target} is installed. "
            f"Install one with 'a11y models install FILE'.",
        )
        self.source = source
        self.target = target
