"""Messages in German and English with named placeholders, and the one way to fill them."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

Messages = Mapping[str, str]  # {"de": ..., "en": ...}
LOCALES: tuple[str, ...] = ("de", "en")
_FORMATTER = string.Formatter()


class MessageError(ValueError):
    """A message template that cannot be filled: a placeholder without a value, or a stray
    brace. Raised, never swallowed: a finding must not reach a person with ``{name}`` in it."""


def de_en(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


def placeholders(template: str) -> set[str]:
    """The named placeholders of a template ("{term}" -> {"term"})."""
    try:
        return {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}
    except ValueError as error:  # a single "{" or "}"
        raise MessageError(f"bad template {template!r}: {error}") from error


def localized(messages: Messages, locale: str) -> str:
    """The message in ``locale``, German when that language is missing (German is the default
    language of the reports)."""
    return messages.get(locale) or messages["de"]


def fill(template: str, params: Mapping[str, Any], rule_id: str = "") -> str:
    """``template`` with its named placeholders filled from ``params``; raises
    :class:`MessageError` naming the rule and the placeholder when one is missing."""
    missing = placeholders(template) - set(params)
    if missing:
        raise MessageError(
            f"{rule_id or 'message'}: no value for placeholder(s) {sorted(missing)} "
            f"in {template!r}"
        )
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError) as error:
        raise MessageError(f"{rule_id or 'message'}: cannot fill {template!r}: {error}") from error
