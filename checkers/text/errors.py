"""Input errors with a bilingual message and the HTTP status the API answers with."""

from __future__ import annotations

from checkers.errors import BilingualError


class TextInputError(BilingualError, ValueError):
    """Bad input: the CLI prints the message and exits 2; the API answers problem+json."""

    def __init__(self, kind: str, de: str, en: str, status: int = 400) -> None:
        super().__init__(kind, de, en)
        self.status = status
