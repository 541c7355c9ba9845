"""The base of the project's user-facing errors: a stable ``kind`` and a message in German and
English. Front ends show ``message(locale)`` (CLI: exit 2; API: problem+json), never a traceback."""

from __future__ import annotations


class BilingualError(Exception):
    def __init__(self, kind: str, de: str, en: str) -> None:
        super().__init__(f"{de} / {en}")
        self.kind = kind
        self.de = de
        self.en = en

    def message(self, locale: str = "de") -> str:
        return self.en if locale == "en" else self.de

    def both(self) -> str:
        return f"{self.de} / {self.en}"
