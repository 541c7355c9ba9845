"""JSON operations accept JSON only, and only JSON the decoder can take apart safely.

Runs after routing, for every handler that takes a JSON ``data`` body (the JSON operations; the
XLIFF import reads its raw body, and the web app's HTML forms declare a form body: neither is
guarded):
- another media type gets 415, so a cross-site HTML form (``application/x-www-form-urlencoded``,
  ``multipart/form-data``, ``text/plain``) never reaches a JSON operation;
- a body that is not UTF-8 gets 400 instead of a decoder error deep in the framework;
- JSON nested deeper than :data:`MAX_DEPTH` gets 400 instead of a recursion error.

The body is read through the request, so the route's body-size limit (413) applies first, and it
is cached for the handler: it is read from the network once.
"""

from __future__ import annotations

import re

from litestar import Request
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException
from litestar.types import ASGIApp, Receive, Scope, Send

MAX_DEPTH = 64
# Escape pairs, quotes and brackets: the only bytes that matter for nesting. One pass, no
# backtracking (a pattern for whole strings rescans an unclosed string from every quote).
_TOKENS = re.compile(rb'\\.|["\[\]{}]', re.S)


class UnsupportedMediaType(HTTPException):
    status_code = 415
    problem_kind = "unsupported-media-type"
    problem_title = "Nicht unterstützter Medientyp / Unsupported media type"


class BadJsonBody(HTTPException):
    status_code = 400
    problem_kind = "bad-json"
    problem_title = "Ungültiges JSON / Invalid JSON"


def is_json_media_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def json_depth(body: bytes, stop_at: int | None = None) -> int:
    """The deepest nesting of arrays and objects (or the first depth above ``stop_at``); linear
    in the body."""
    depth = deepest = 0
    in_string = False
    for match in _TOKENS.finditer(body):
        token = match.group()
        if token == b'"':
            in_string = not in_string
        elif in_string or len(token) == 2:
            continue
        elif token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
            if stop_at is not None and deepest > stop_at:
                return deepest
        else:
            depth = max(0, depth - 1)
    return deepest


def _takes_json(scope: Scope) -> bool:
    handler = scope.get("route_handler")
    if handler is None or scope.get("method", "GET") in ("GET", "HEAD", "OPTIONS", "DELETE"):
        return False
    try:
        parameter = handler.parsed_fn_signature.parameters.get("data")
    except AttributeError:
        return False
    if parameter is None:
        return False
    # A handler that declares another body type (an HTML form of the web app) is not guarded.
    media_type = getattr(parameter.kwarg_definition, "media_type", None)
    return media_type is None or media_type == RequestEncodingType.JSON


def json_guard_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _takes_json(scope):
            await app(scope, receive, send)
            return
        request: Request = Request(scope, receive)
        content_type = request.headers.get("content-type", "")
        body = await request.body()
        if (content_type or body) and not is_json_media_type(content_type):
            raise UnsupportedMediaType(
                detail="Nur JSON (application/json) wird angenommen. / Only JSON "
                f"(application/json) is accepted, not {content_type[:100] or 'an unnamed type'}."
            )
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadJsonBody(
                detail=f"Der Rumpf ist kein gültiges UTF-8 (Byte {error.start}). / The body is "
                f"not valid UTF-8 (byte {error.start})."
            ) from None
        if json_depth(body, MAX_DEPTH) > MAX_DEPTH:
            raise BadJsonBody(
                detail=f"Das JSON ist tiefer als {MAX_DEPTH} Ebenen verschachtelt. / The JSON is "
                f"nested deeper than {MAX_DEPTH} levels."
            )
        await app(scope, receive, send)

    return middleware
