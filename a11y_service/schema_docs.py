"""Swagger UI under a strict Content-Security-Policy: no inline script, no inline style.

Litestar's Swagger page starts the UI with an inline script and an inline ``<style>``; the
strict policy (``script-src 'self'; style-src 'self'``) blocks both. This page loads the same
local bundles plus ``/static/docs/swagger-init.js``, which reads the schema URL from a data
attribute.
"""

from __future__ import annotations

from html import escape
from typing import Any

from litestar import Request
from litestar.openapi.plugins import SwaggerRenderPlugin

INIT_SCRIPT = "/static/docs/swagger-init.js"


class StrictSwaggerRenderPlugin(SwaggerRenderPlugin):
    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        title = escape(str(openapi_schema.get("info", {}).get("title", "API")))
        spec_url = escape(self.get_openapi_json_route(request))
        return (
            "<!DOCTYPE html><html lang='en'><head>"
            f"<title>{title}</title>{self.favicon}"
            "<meta charset='utf-8'><meta name='viewport' content='width=device-width, "
            "initial-scale=1'>"
            f"<link href='{escape(self.css_url)}' rel='stylesheet'>"
            f"<script src='{escape(self.js_url)}'></script>"
            f"<script src='{escape(self.standalone_preset_js_url)}'></script>"
            f"<script src='{INIT_SCRIPT}' defer></script>"
            "</head><body><main>"
            f"<div id='swagger-container' data-spec-url='{spec_url}'></div>"
            "</main></body></html>"
        ).encode()
