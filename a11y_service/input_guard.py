"""One place for input the database must never see: control characters and malformed ids.

PostgreSQL refuses a NUL character in text (SQLSTATE 22021) and SQLite stores it silently; a
NUL in a path, a form field or a JSON body must end in a clear 404 or 422, never a 500. Three
layers, all here: a path guard (no control character in any path, so no id with one reaches a
query), field checks for saved texts, site names and the account forms, and a backstop that
turns the database's own refusal of such a character into a 400.
"""

from __future__ import annotations

import re
from typing import Any

from litestar.exceptions import NotFoundException
from litestar.types import ASGIApp, Receive, Scope, Send

# C0 controls and DEL; tab, line feed and carriage return are allowed where text has lines.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# SQLSTATE: character not in repertoire, untranslatable character.
BAD_CHARACTER_STATES = frozenset({"22021", "22P05"})


def has_control_chars(value: str, *, allow_line_breaks: bool = False) -> bool:
    pattern = _CONTROL_IN_TEXT if allow_line_breaks else _CONTROL
    return pattern.search(value or "") is not None


def control_char_message(field: str) -> tuple[str, str]:
    return (
        f"{field}: enthält ein Steuerzeichen (z. B. ein Null-Zeichen). Bitte entfernen Sie es.",
        f"{field}: contains a control character (e.g. a NUL). Please remove it.",
    )


def path_guard_middleware(app: ASGIApp) -> ASGIApp:
    """404 for any path with a control character: no such page, no query with it."""

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and has_control_chars(scope.get("path", "")):
            raise NotFoundException()
        await app(scope, receive, send)

    return guarded


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a database error (pg8000 puts it in a dict under 'C'), if any."""
    original: Any = getattr(exc, "orig", exc)
    code = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if code:
        return str(code)
    for arg in getattr(original, "args", ()):
        if isinstance(arg, dict) and arg.get("C"):
            return str(arg["C"])
    return None


def is_bad_character_error(exc: BaseException) -> bool:
    return sqlstate(exc) in BAD_CHARACTER_STATES
