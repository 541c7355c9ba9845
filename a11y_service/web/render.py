"""Render a page: language from ``?lang=`` or the cookie, ``_(de, en)``, the principal.

Every web page answers through :func:`render`, so the language switch, the ``<html lang>`` and
the cookie that remembers the choice behave the same on all pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urlencode

from litestar import Request
from litestar.datastructures import Cookie
from litestar.response import Template

Lang = Literal["de", "en"]
LANG_COOKIE = "a11y_lang"
LANGS: tuple[Lang, ...] = ("de", "en")
# One year: the choice is a preference, not a secret.
LANG_COOKIE_MAX_AGE = 365 * 24 * 3600


def _query_lang(request: Request) -> Lang | None:
    value = (request.query_params.get("lang") or "").strip().lower()
    return value if value in LANGS else None  # type: ignore[return-value]


def request_lang(request: Request) -> Lang:
    """``?lang=`` wins, then the cookie, then German."""
    chosen = _query_lang(request)
    if chosen is not None:
        return chosen
    cookie = request.cookies.get(LANG_COOKIE, "")
    return cookie if cookie in LANGS else "de"  # type: ignore[return-value]


def translator(lang: Lang) -> Callable[[str, str], str]:
    """``_(de_text, en_text)``: the text for the page's language."""

    def _(de_text: str, en_text: str) -> str:
        return en_text if lang == "en" else de_text

    return _


def lang_cookie(request: Request) -> list[Cookie]:
    """The cookie to set when the request chose a language through ``?lang=``."""
    chosen = _query_lang(request)
    if chosen is None or request.cookies.get(LANG_COOKIE) == chosen:
        return []
    return [
        Cookie(
            key=LANG_COOKIE,
            value=chosen,
            max_age=LANG_COOKIE_MAX_AGE,
            path="/",
            samesite="lax",
            httponly=True,
        )
    ]


def lang_switch_hrefs(request: Request) -> dict[str, str]:
    """Query-only links (``?lang=en``) for the language switch, other parameters kept.

    A link built from the request path would follow the path's form: ``GET //evil.example/x``
    would render ``href="//evil.example/x?lang=en"``, a link to another host. A query-only
    link always stays on the page that is shown.
    """
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != "lang"]
    return {lang: "?" + urlencode([*kept, ("lang", lang)]) for lang in LANGS}


def page_context(request: Request) -> dict[str, Any]:
    lang = request_lang(request)
    return {
        "lang": lang,
        "_": translator(lang),
        "user": getattr(request.state, "principal", None),
        "current_path": request.url.path,
        "lang_hrefs": lang_switch_hrefs(request),
    }


def render(
    request: Request,
    template_name: str,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> Template:
    """The page ``template_name`` with ``context`` plus ``lang``, ``_``, ``user``."""
    return Template(
        template_name=template_name,
        context={**page_context(request), **context},
        status_code=status_code,
        headers=headers,
        cookies=lang_cookie(request),
        media_type="text/html",
    )
