"""Who is asking, for every request: ``Authorization: Bearer KEY`` or the session cookie.

``PrincipalMiddleware`` sets ``request.state.principal`` (None when anonymous). ``access_guard``
(registered on the whole app) protects every ``/v1/`` operation except the public ones: without
a principal 401, with a too-small role 403. Reading needs "viewer", changing "editor" unless a
handler names another role in ``opt={"role": ...}``; ``opt={"public": True}`` opens a handler.
Web pages (outside ``/v1/``) use the ``principal`` dependency, which sends anonymous visitors to
``/anmelden?next=...``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import anyio.to_thread
from litestar import Litestar, Request, Response
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.di import Provide
from litestar.enums import ScopeType
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import ASGIMiddleware
from litestar.response import Redirect

from a11y_service.accounts.errors import (
    AccountError,
    ForbiddenError,
    NotAuthenticatedError,
    TooManyAttemptsError,
    forbidden,
    not_authenticated,
)
from a11y_service.accounts.principal import Principal
from a11y_service.accounts.store import AccountStore
from a11y_service.problems import Problem, problem_response

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Receive, Scope, Send

    from a11y_core.config.env import Settings

SESSION_COOKIE = "a11y_session"
API_PREFIX = "/v1/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Open to everyone: the public text check, also for uploaded documents (its rate limit lives
# elsewhere).
PUBLIC_OPERATIONS = frozenset({("POST", "/v1/text/check"), ("POST", "/v1/text/check-document")})
LOGIN_PATH = "/anmelden"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip('"') or None
    return None


def bearer_token(scope: Scope) -> str | None:
    header = _header(scope, b"authorization")
    if not header:
        return None
    kind, _, token = header.strip().partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        return ""  # present but not a bearer token: never anonymous by accident
    return token.strip()


def account_store_from(scope: Scope) -> AccountStore | None:
    app = scope.get("litestar_app")
    return getattr(app.state, "account_store", None) if app is not None else None


def _same_origin(scope: Scope) -> bool:
    """For cookie-authenticated changes to /v1/: the browser's Origin (or Referer) must be this
    host. SameSite=Lax already keeps the cookie off cross-site POSTs; this is the second lock."""
    source = _header(scope, b"origin") or _header(scope, b"referer")
    if not source:
        return False
    host = _header(scope, b"host") or ""
    return urlsplit(source).netloc.lower() == host.lower()


class PrincipalMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        state = scope.setdefault("state", {})  # type: ignore[typeddict-item]
        state["principal"] = None
        path = scope.get("path", "")
        # Static files need nobody: no database lookup for them.
        store = None if path.startswith("/static/") else account_store_from(scope)
        token = bearer_token(scope)
        if store is not None and token is not None:
            principal = await anyio.to_thread.run_sync(store.key_principal, token)
            if principal is None:
                # A wrong or revoked key is an error, even where anonymous use is allowed:
                # a pipeline must learn that its key stopped working.
                raise NotAuthenticatedError(
                    "Der API-Schlüssel ist ungültig oder widerrufen.",
                    "The API key is invalid or revoked.",
                )
            state["principal"] = principal
        elif store is not None:
            cookie = _cookie(scope, SESSION_COOKIE)
            if cookie:
                principal = await anyio.to_thread.run_sync(store.session_principal, cookie)
                if (
                    principal is not None
                    and path.startswith(API_PREFIX)
                    and scope.get("method", "GET") not in SAFE_METHODS
                    and not _same_origin(scope)
                ):
                    principal = None  # a cross-site request riding on the cookie
                state["principal"] = principal
        await next_app(scope, receive, send)


def _required_role(method: str, opt: dict[str, Any]) -> str:
    role = opt.get("role")
    if isinstance(role, str):
        return role
    return "viewer" if method in SAFE_METHODS else "editor"


def access_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    path = connection.scope.get("path", "")
    method = connection.scope.get("method", "GET")  # type: ignore[call-overload]
    opt = handler.opt or {}
    principal = connection.scope.get("state", {}).get("principal")  # type: ignore[call-overload]
    if path.startswith(API_PREFIX):
        if opt.get("public") or (method, path.rstrip("/")) in PUBLIC_OPERATIONS:
            return
    elif "role" not in opt:
        return  # web pages decide themselves (public pages, or the principal dependency)
    if principal is None:
        raise not_authenticated()
    role = _required_role(method, opt)
    if not principal.can(role):
        raise forbidden(role)


# -- dependencies ---------------------------------------------------------------------------


def current_principal(request: Request[Any, Any, Any]) -> Principal | None:
    return request.scope.get("state", {}).get("principal")  # type: ignore[call-overload,no-any-return]


def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    principal = current_principal(request)
    if principal is None:
        raise not_authenticated()
    return principal


def provide_optional_principal(request: Request[Any, Any, Any]) -> Principal | None:
    return current_principal(request)


def provide_account_store(request: Request[Any, Any, Any]) -> AccountStore:
    return request.app.state.account_store  # type: ignore[no-any-return]


ACCOUNT_DEPENDENCIES = {
    "principal": Provide(provide_principal, sync_to_thread=False),
    "optional_principal": Provide(provide_optional_principal, sync_to_thread=False),
    "account_store": Provide(provide_account_store, sync_to_thread=False),
}


# -- errors ---------------------------------------------------------------------------------


def _locale(request: Request[Any, Any, Any]) -> str:
    if request.query_params.get("lang") == "en":
        return "en"
    header = request.headers.get("accept-language", "")
    return "en" if header.lower().startswith("en") else "de"


ACCOUNT_TITLES = {
    401: "Anmeldung nötig / Authentication required",
    403: "Nicht erlaubt / Forbidden",
    404: "Nicht gefunden / Not found",
    409: "Schon vorhanden / Already exists",
    422: "Ungültige Eingabe / Invalid input",
    429: "Zu viele Versuche / Too many attempts",
}


def account_error_handler(request: Request[Any, Any, Any], exc: AccountError) -> Response[Any]:
    path = request.url.path
    if isinstance(exc, NotAuthenticatedError) and not path.startswith(API_PREFIX):
        # A web page: to the login form, and back here afterwards.
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return Redirect(f"{LOGIN_PATH}?next={quote(target, safe='/')}", status_code=303)
    if not path.startswith(API_PREFIX):
        # Other errors on a web page: the web app's error page, with the message.
        from a11y_service.web.errors import error_page
        from a11y_service.web.render import request_lang

        response = error_page(request, exc.status, exc.message(request_lang(request)))
        if isinstance(exc, TooManyAttemptsError):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response
    headers: dict[str, str] = {}
    if exc.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="a11y"'
    if isinstance(exc, TooManyAttemptsError):
        headers["Retry-After"] = str(exc.retry_after)
    field = exc.extra.get("field")
    response = problem_response(
        Problem(
            type=f"urn:a11y:problem:{exc.kind}",
            title=ACCOUNT_TITLES.get(exc.status, "Ungültige Anfrage / Invalid request"),
            status=exc.status,
            detail=exc.message(_locale(request)),
            kind=exc.kind,
            errors=[{"field": field}] if field else None,
        )
    )
    response.headers.update(headers)
    return response


ACCOUNT_EXCEPTION_HANDLERS: dict[type[Exception], Callable[..., Response[Any]]] = {
    AccountError: account_error_handler,
}


# -- cookies and lifespan -------------------------------------------------------------------


def is_https(request: Request[Any, Any, Any]) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


def session_cookie(request: Request[Any, Any, Any], token: str, max_age: int) -> Cookie:
    return Cookie(
        key=SESSION_COOKIE,
        value=token,
        max_age=max_age,
        path="/",
        httponly=True,
        secure=is_https(request),
        samesite="lax",
    )


def clear_session_cookie(request: Request[Any, Any, Any]) -> Cookie:
    return Cookie(
        key=SESSION_COOKIE,
        value="",
        max_age=0,
        path="/",
        httponly=True,
        secure=is_https(request),
        samesite="lax",
    )


def accounts_lifespan(
    settings: Settings,
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """Open the account store (migrating the schema once) for the app's lifetime."""

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        store = await anyio.to_thread.run_sync(AccountStore.open, settings.database_url)
        app.state.account_store = store
        try:
            yield
        finally:
            store.close()

    return lifespan


__all__ = [
    "ACCOUNT_DEPENDENCIES",
    "ACCOUNT_EXCEPTION_HANDLERS",
    "SESSION_COOKIE",
    "ForbiddenError",
    "PrincipalMiddleware",
    "access_guard",
    "accounts_lifespan",
]
