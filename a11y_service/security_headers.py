"""Safe answers: security headers on every response, one charset, attachments for exports.

One hook on every message the application sends, so it also covers error answers, static files
and the schema:
- ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` everywhere;
- a strict Content-Security-Policy (the web app and Swagger UI load scripts and styles only from
  this origin; no inline scripts, no inline styles);
- ``sandbox`` for user content: a downloaded export (an answer with ``Content-Disposition:
  attachment``) that a browser opens anyway runs no script and reaches nothing;
- a ``Content-Type`` that names ``charset`` twice (a media type given with a charset, to which
  the framework adds its own) is reduced to one.
"""

from __future__ import annotations

from litestar.types import Message, Scope

STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SANDBOX_CSP = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'"
FIXED_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


def single_charset(content_type: bytes) -> bytes:
    """``text/html; charset=utf-8; charset=utf-8`` -> ``text/html; charset=utf-8``."""
    parts = [p.strip() for p in content_type.split(b";")]
    kept: list[bytes] = []
    seen_charset = False
    for part in parts:
        if part.lower().startswith(b"charset="):
            if seen_charset:
                continue
            seen_charset = True
        kept.append(part)
    return b"; ".join(p for p in kept if p)


def _secured(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    names = {name.lower() for name, _ in headers}
    attachment = any(
        name.lower() == b"content-disposition" and value.lower().startswith(b"attachment")
        for name, value in headers
    )
    result: list[tuple[bytes, bytes]] = []
    for name, value in headers:
        lowered = name.lower()
        if lowered == b"content-security-policy" and attachment:
            continue  # user content: the sandbox policy below replaces any other
        result.append((name, single_charset(value) if lowered == b"content-type" else value))
    for name, value in FIXED_HEADERS:
        if name not in names:
            result.append((name, value))
    if attachment:
        result.append((b"content-security-policy", SANDBOX_CSP.encode()))
    elif b"content-security-policy" not in names:
        result.append((b"content-security-policy", STRICT_CSP.encode()))
    return result


async def security_headers(message: Message, scope: Scope) -> None:
    """A ``before_send`` hook: it sees every answer the application sends, also the router's
    own 404 and 405 and the answers of exception handlers."""
    if scope.get("type") == "http" and message["type"] == "http.response.start":
        message["headers"] = _secured(list(message.get("headers") or []))  # type: ignore[typeddict-unknown-key]
