"""RFC 9457 problem details for every error the API returns; never a traceback.

The one place where the project's errors (:class:`a11y_core.errors.BilingualError`: kind,
German and English message, status) become problem+json; the framework's own errors
(validation, HTTP) and anything unexpected (500, logged) are mapped here too. The account
errors add a redirect for web pages and headers in ``accounts/middleware.py`` around the same
``problem_response``.
"""

from __future__ import annotations

import logging

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from sqlalchemy.exc import DBAPIError

from a11y_core.errors import BilingualError
from a11y_service.input_guard import is_bad_character_error

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


class Problem(msgspec.Struct, omit_defaults=True):
    type: str
    title: str
    status: int
    detail: str
    kind: str
    errors: list[dict[str, object]] | None = None


def _locale(request: Request) -> str:
    header = request.headers.get("accept-language", "")
    return "en" if header.lower().startswith("en") else "de"


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> Response[bytes]:
    return Response(
        content=msgspec.json.encode(problem),
        status_code=problem.status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def validation_error_handler(request: Request, exc: ValidationException) -> Response[bytes]:
    extra = exc.extra if isinstance(exc.extra, list) else None
    return problem_response(
        Problem(
            type="urn:a11y:problem:validation",
            title="Ungültige Anfrage / Invalid request",
            status=400,
            detail=(
                "Die Anfrage passt nicht zum Schema; die Einzelheiten stehen unter errors."
                if _locale(request) == "de"
                else "The request does not match the schema; see errors for details."
            ),
            kind="validation",
            errors=[e if isinstance(e, dict) else {"message": str(e)} for e in extra or []],
        )
    )


def http_error_handler(request: Request, exc: HTTPException) -> Response[bytes]:
    status = exc.status_code
    kind = getattr(exc, "problem_kind", None) or ("too-large" if status == 413 else "http")
    return problem_response(
        Problem(
            type=f"urn:a11y:problem:{kind}",
            title=getattr(exc, "problem_title", None) or str(exc.detail or "Fehler / Error"),
            status=status,
            detail=str(exc.detail),
            kind=kind,
        ),
        # Retry-After of a 429 or 503, Allow of a 405: the client needs them.
        headers=dict(exc.headers) if exc.headers else None,
    )


# Titles by kind, then by status, for errors whose class names none (the review domain's).
KIND_TITLES = {
    "conflict": "Versionskonflikt: nichts überschrieben / Version conflict: nothing overwritten",
    "not-publishable": "Noch nicht alles freigegeben / Not every segment approved",
    "qa-blocked": "Freigegebene Segmente mit Fehlern / Approved segments with QA errors",
    "too-large": "Zu groß / Too large",
    "queue-unavailable": "Warteschlange nicht erreichbar / Queue unavailable",
}
STATUS_TITLES = {
    404: "Nicht gefunden / Not found",
    413: "Zu groß / Too large",
    409: "Konflikt / Conflict",
    422: "Nicht verarbeitbar / Unprocessable",
}
DEFAULT_TITLE = "Ungültige Anfrage / Invalid request"


def problem_of(exc: BilingualError, locale: str) -> Problem:
    """The problem+json of one of the project's errors: its kind, status and message."""
    # extra holds ids and, for a version conflict, the segment as it is stored now.
    extra = getattr(exc, "extra", None)
    return Problem(
        type=f"urn:a11y:problem:{exc.kind}",
        title=exc.title
        or KIND_TITLES.get(exc.kind)
        or STATUS_TITLES.get(exc.status, DEFAULT_TITLE),
        status=exc.status,
        detail=exc.message(locale),
        kind=exc.kind,
        errors=[msgspec.to_builtins(extra)] if extra else None,
    )


def error_handler(request: Request, exc: BilingualError) -> Response[bytes]:
    """Every error of the project (:class:`a11y_core.errors.BilingualError`): problem+json."""
    return problem_response(problem_of(exc, _locale(request)))


def internal_error_handler(request: Request, exc: Exception) -> Response[bytes]:
    log.exception("unhandled error on %s", request.url.path)
    return problem_response(
        Problem(
            type="urn:a11y:problem:internal",
            title="Interner Fehler / Internal error",
            status=500,
            detail="Ein interner Fehler ist aufgetreten. / An internal error occurred.",
            kind="internal",
        )
    )


EXCEPTION_HANDLERS = {
    BilingualError: error_handler,
    ValidationException: validation_error_handler,
    HTTPException: http_error_handler,
    Exception: internal_error_handler,
}


def database_error_handler(request: Request, exc: DBAPIError) -> Response[bytes]:
    """A character the database cannot store (NUL, SQLSTATE 22021/22P05) is bad input: 400.

    The backstop behind the input checks; any other database error stays an internal one.
    """
    if not is_bad_character_error(exc):
        return internal_error_handler(request, exc)
    return problem_response(
        Problem(
            type="urn:a11y:problem:invalid-character",
            title="Ungültige Eingabe / Invalid input",
            status=400,
            detail=(
                "The input contains a character that cannot be stored (e.g. a NUL)."
                if _locale(request) == "en"
                else "Die Eingabe enthält ein Zeichen, das nicht gespeichert werden kann "
                "(z. B. ein Null-Zeichen)."
            ),
            kind="invalid-character",
        )
    )


EXCEPTION_HANDLERS[DBAPIError] = database_error_handler  # type: ignore[index]
