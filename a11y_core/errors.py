"""The base of the project's user-facing errors.

Every error a user can fix carries a stable ``kind`` (the problem type of the API), a message in
German and English and the HTTP ``status`` the API answers with. Front ends never show a
traceback for one: the API maps it to problem+json (``a11y_service/problems.py``), the CLI to
"German / English" and exit code 2 (``a11y_service/cli/errors.py``).
"""

from __future__ import annotations

from typing import ClassVar


class BilingualError(Exception):
    """A problem the user can fix; ``message(locale)`` is what a front end shows."""

    status: int = 400  # the HTTP status of the problem answer
    # The problem's title; None: the API chooses one by kind and status.
    title: ClassVar[str | None] = None

    def __init__(self, kind: str, de: str, en: str, status: int | None = None) -> None:
        super().__init__(f"{de} / {en}")
        self.kind = kind
        self.de = de
        self.en = en
        if status is not None:
            self.status = status

    def message(self, locale: str = "de") -> str:
        return self.en if locale == "en" else self.de

    def both(self, locale: str = "de") -> str:
        """Both languages, the reader's first."""
        return f"{self.en} / {self.de}" if locale == "en" else f"{self.de} / {self.en}"
