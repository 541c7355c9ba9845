"""RFC 9457 problem details for every error the API returns; never a traceback."""

from __future__ import annotations

import logging

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from sqlalchemy.exc import DBAPIError

from a11y_service.db.errors import ReviewError
from a11y_service.input_guard import is_bad_character_error
from checkers.text.errors import TextInputError
from translators.xliff import XliffError

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


def text_input_error_handler(request: Request, exc: TextInputError) -> Response[bytes]:
    return problem_response(
        Problem(
            type=f"urn:a11y:problem:{exc.kind}",
            title="Ungültige Eingabe / Invalid input",
            status=exc.status,
            detail=exc.message(_locale(request)),
            kind=exc.kind,
        )
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


REVIEW_TITLES = {
    404: "Nicht gefunden / Not found",
    413: "Zu groß / Too large",
    409: "Konflikt / Conflict",
    422: "Nicht verarbeitbar / Unprocessable",
}
REVIEW_KIND_TITLES = {
    "conflict": "Versionskonflikt: nichts überschrieben / Version conflict: nothing overwritten",
    "not-publishable": "Noch nicht alles freigegeben / Not every segment approved",
    "qa-blocked": "Freigegebene Segmente mit Fehlern / Approved segments with QA errors",
    "too-large": "Zu groß / Too large",
    "queue-unavailable": "Warteschlange nicht erreichbar / Queue unavailable",
}


def review_error_handler(request: Request, exc: ReviewError) -> Response[bytes]:
    # extra holds ids and, for a version conflict, the segment as it is stored now.
    extra = msgspec.to_builtins(exc.extra) if exc.extra else None
    return problem_response(
        Problem(
            type=f"urn:a11y:problem:{exc.kind}",
            title=REVIEW_KIND_TITLES.get(exc.kind)
            or REVIEW_TITLES.get(exc.status, "Ungültige Anfrage / Invalid request"),
            status=exc.status,
            detail=exc.message(_locale(request)),
            kind=exc.kind,
            errors=[extra] if extra else None,
        )
    )


def xliff_error_handler(request: Request, exc: XliffError) -> Response[bytes]:
    return problem_response(
        Problem(
            type=f"urn:a11y:problem:{exc.kind}",
            title="Ungültige XLIFF-Datei / Invalid XLIFF file",
            status=422,
            detail=exc.message(_locale(request)),
            kind=exc.kind,
        )
    )


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
    TextInputError: text_input_error_handler,
    ReviewError: review_error_handler,
    XliffError: xliff_error_handler,
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
