"""The OpenAPI schema names every status an operation can answer, errors as problem+json.

Litestar documents the success answer and a 400 for validation; the errors the service answers
through its exception handlers (404, 409, 413, 415, 422, 503, 500) and the translation's 202
are added here, from one table, when the schema is built at start-up. The page audit's 200 gets
the run's real schema instead of "string" (the handler returns encoded bytes).
"""

from __future__ import annotations

from typing import Any

from a11y_service.accounts.middleware import PUBLIC_OPERATIONS

PROBLEM_JSON = "application/problem+json"
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "kind": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
DESCRIPTIONS = {
    "400": "Ungültige Anfrage / Bad request (schema, JSON, UTF-8, nesting)",
    "401": "Nicht angemeldet / Not authenticated",
    "404": "Nicht gefunden / Not found",
    "409": "Konflikt / Conflict",
    "413": "Zu groß / Too large",
    "415": "Nur JSON / Only JSON is accepted",
    "422": "Nicht verarbeitbar / Unprocessable",
    "429": "Zu viele Anfragen / Too many requests",
    "500": "Interner Fehler / Internal error",
    "503": "Nicht verfügbar / Unavailable",
}
# Codes beyond the general ones, per (method, path).
EXTRA: dict[tuple[str, str], tuple[str, ...]] = {
    ("post", "/v1/audits"): ("422",),
    ("post", "/v1/text/check"): ("422",),
    ("post", "/v1/translations"): ("422", "503"),
    ("patch", "/v1/translations/{job_id}/segments/{segment_id}"): ("409", "422"),
    ("get", "/v1/translations/{job_id}/export"): ("409", "422"),
    ("post", "/v1/translations/{job_id}/import"): ("409", "413", "422"),
}
# The run (report-format.md): the fixed parts other tools rely on; reports carry findings.
RUN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Lauf mit einem Bericht je Seite / run with one report per page",
    "required": ["schema_version", "tool", "summary", "reports"],
    "properties": {
        "schema_version": {"type": "string"},
        "tool": {"type": "object"},
        "summary": {"type": "object"},
        "limits": {"type": "array", "items": {"type": "string"}},
        "reports": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["schema_version", "target", "summary", "findings"],
                "properties": {
                    "target": {"type": "object"},
                    "summary": {"type": "object"},
                    "findings": {"type": "array", "items": {"type": "object"}},
                    "limits": {"type": "array", "items": {"type": "string"}},
                    "error": {"type": "object"},
                },
            },
        },
    },
}
ACCEPTED = {
    ("post", "/v1/translations"): "Auftrag in der Warteschlange / Job queued; poll GET",
}


def _error_codes(method: str, path: str, operation: dict[str, Any]) -> set[str]:
    codes = {"500"}
    if operation.get("parameters") or operation.get("requestBody"):
        codes.add("400")
    if "{" in path:
        codes.add("404")
    if method in ("post", "put", "patch"):
        codes.add("413")
        if "requestBody" in operation and "application/json" in operation["requestBody"].get(
            "content", {}
        ):
            codes.add("415")
    if path.startswith("/v1/") and not path.startswith("/v1/public/"):
        if (method.upper(), path) in PUBLIC_OPERATIONS:
            codes.add("429")  # open without a key, limited per address
        else:
            codes.add("401")  # a key or a session is needed
    codes.update(EXTRA.get((method, path), ()))
    return codes


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers (problem+json) to every operation of ``schema``, in place."""
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for code in sorted(_error_codes(method, path, operation) | {
                c for c in responses if c[:1] in "45"
            }):
                entry = responses.setdefault(code, {"description": DESCRIPTIONS.get(code, code)})
                entry["content"] = {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}}
            if (method, path) in ACCEPTED:
                responses.setdefault("202", {
                    "description": ACCEPTED[(method, path)],
                    "content": responses.get("201", {}).get("content", {}),
                })
    audit = schema.get("paths", {}).get("/v1/audits", {}).get("post")
    if audit and "200" in audit["responses"]:
        run_schema = RUN_SCHEMA
        audit["responses"]["200"]["content"] = {"application/json": {"schema": run_schema}}
    return schema
