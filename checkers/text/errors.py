"""Input errors with a bilingual message and the HTTP status the API answers with."""

from __future__ import annotations


class TextInputError(ValueError):
    """Bad input: the CLI prints the message and exits 2; the API answers problem+json."""

    def __init__(self, kind: str, de: str, en: str, status: int = 400) -> None:
        super().__init__(f"{de} / {en}")
        self.kind = kind
        self.de = de
        self.en = en
        self.status = status

    def message(self, locale: str = "de") -> str:
        return self.en if locale == "en" else self.de
