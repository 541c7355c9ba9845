"""Bad text input: a :class:`a11y_core.errors.BilingualError` with the HTTP status the API
answers with (400 unless given)."""

from __future__ import annotations

from typing import ClassVar

from a11y_core.errors import BilingualError


class TextInputError(BilingualError, ValueError):
    """Bad input: the CLI prints the message and exits 2; the API answers problem+json."""

    title: ClassVar[str | None] = "Ungültige Eingabe / Invalid input"
