"""Errors on web pages are pages: a person gets HTML in their language, a client of the API
keeps its problem+json. One wrapper decides by the path, so every existing handler stays as is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, NotAuthorizedException, PermissionDeniedException

from a11y_service.input_guard import is_bad_character_error
from a11y_service.web.render import render

log = logging.getLogger(__name__)

# Paths that belong to machines: the API, its docs, health checks and static files.
API_PREFIXES = ("/v1/", "/v1", "/schema", "/health", "/static/")

Handler = Callable[[Request, Any], Response[Any]]

_TITLES: dict[int, tuple[str, str]] = {
    400: ("Die Anfrage ist ungültig", "The request is not valid"),
    403: ("Zugriff verweigert", "Access denied"),
    404: ("Seite nicht gefunden", "Page not found"),
    405: ("Diese Aktion geht hier nicht", "This action is not possible here"),
    413: ("Die Eingabe ist zu groß", "The input is too large"),
    429: ("Zu viele Anfragen", "Too many requests"),
    500: ("Ein Fehler ist aufgetreten", "An error occurred"),
}
_TEXTS: dict[int, tuple[str, str]] = {
    400: (
        "Wir konnten Ihre Eingabe nicht lesen. Bitte versuchen Sie es noch einmal.",
        "We could not read your input. Please try again.",
    ),
    403: (
        "Das Formular ist abgelaufen oder Sie haben keine Berechtigung. Laden Sie die Seite neu "
        "und senden Sie das Formular noch einmal.",
        "The form has expired or you are not allowed to do this. Reload the page and send the "
        "form again.",
    ),
    404: (
        "Diese Seite gibt es nicht. Vielleicht hat sich die Adresse geändert.",
        "This page does not exist. Maybe the address has changed.",
    ),
    405: (
        "Bitte benutzen Sie die Formulare auf unseren Seiten.",
        "Please use the forms on our pages.",
    ),
    413: (
        "Die Datei oder der Text ist zu groß. Bitte kürzen Sie ihn und versuchen Sie es noch "
        "einmal.",
        "The file or text is too large. Please shorten it and try again.",
    ),
    429: (
        "Sie haben in kurzer Zeit sehr viele Prüfungen gestartet. Bitte warten Sie eine Minute. "
        "Dann können Sie weiter prüfen. Mit einem Konto gilt diese Grenze nicht.",
        "You started many checks in a short time. Please wait one minute, then you can go on. "
        "With an account this limit does not apply.",
    ),
    500: (
        "Das ist unser Fehler, nicht Ihrer. Bitte versuchen Sie es später noch einmal.",
        "This is our fault, not yours. Please try again later.",
    ),
}


def is_web_request(request: Request) -> bool:
    path = request.url.path
    return not any(path == p.rstrip("/") or path.startswith(p) for p in API_PREFIXES)


def error_page(request: Request, status: int, detail: str | None = None) -> Response[Any]:
    title = _TITLES.get(status, _TITLES[400] if status < 500 else _TITLES[500])
    text = _TEXTS.get(status, _TEXTS[400] if status < 500 else _TEXTS[500])
    headers = {}
    if status == 429:
        headers["Retry-After"] = "60"
    return render(  # type: ignore[return-value]
        request,
        "error.html",
        status_code=status,
        headers=headers,
        status=status,
        title_de=title[0],
        title_en=title[1],
        text_de=text[0],
        text_en=text[1],
        detail=detail,
    )


def _status_of(exc: Exception) -> int:
    if is_bad_character_error(exc):  # a NUL the database refused: bad input, not our fault
        return 400
    if isinstance(exc, HTTPException):
        return exc.status_code
    status = getattr(exc, "status", None)  # the bilingual input errors carry their status
    return status if isinstance(status, int) and 400 <= status < 600 else 500


def web_aware(handler: Handler) -> Handler:
    """Wrap an API handler: web paths get an HTML page, the rest the API's answer."""

    def handle(request: Request, exc: Exception) -> Response[Any]:
        if not is_web_request(request):
            return handler(request, exc)
        status = _status_of(exc)
        if status >= 500:
            log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        if isinstance(exc, (NotAuthorizedException, PermissionDeniedException)) and status in (
            401,
            403,
        ):
            return error_page(request, 403)
        return error_page(request, status)

    return handle


def web_exception_handlers(handlers: Mapping[Any, Handler]) -> dict[Any, Handler]:
    return {exc_type: web_aware(handler) for exc_type, handler in handlers.items()}
