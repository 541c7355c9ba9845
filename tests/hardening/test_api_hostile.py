"""Hostile input for every API route: never a 500, never a traceback, problem+json for errors.

The route list is read from the application, so a route added later is covered too.
"""

from __future__ import annotations

import json
import re
from typing import Annotated

import msgspec
import pytest
from litestar import Litestar, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, JSONBody
from litestar.testing import TestClient

from a11y_service.app import create_app
from a11y_service.json_guard import json_guard_middleware
from a11y_service.problems import EXCEPTION_HANDLERS
from a11y_service.security_headers import SANDBOX_CSP, STRICT_CSP

DEEP = b"[" * 100_000 + b"]" * 100_000
HOSTILE_BODIES: dict[str, tuple[bytes, str]] = {
    "deep-array": (DEEP, "application/json"),
    "deep-in-field": (b'{"text": ' + DEEP + b', "content": ' + DEEP + b"}", "application/json"),
    "invalid-utf8": (b'{"text": "\xff\xfe Hallo", "content": "\xc3\x28"}', "application/json"),
    "lone-surrogate-escape": (b'{"text": "a\\ud800b", "content": "a\\udfffb"}', "application/json"),
    "nul-and-controls": (
        json.dumps({"text": "a\u0000\u0001b", "content": "<p>a\u0001b</p>", "source": "de",
                    "target": "en", "format": "html"}).encode(),
        "application/json",
    ),
    "not-json": (b"{'text': 1,", "application/json"),
    "empty": (b"", "application/json"),
    "wrong-types": (b'{"text": 1, "content": [], "url": {}, "engines": "x"}', "application/json"),
    "huge-number": (b'{"text": "a", "version": 1' + b"0" * 5000 + b"}", "application/json"),
    "hostile-urls": (
        json.dumps({"url": "http://\uff10\uff11\uff12\uff17.\uff10.\uff10.\uff11/"}).encode(),
        "application/json",
    ),
    "octal-url": (b'{"url": "http://0177.0.0.1/"}', "application/json"),
    "long-url": (json.dumps({"url": "http://x/" + "a" * 100_000}).encode(), "application/json"),
    "form": (b"text=Hallo", "application/x-www-form-urlencoded"),
    "multipart": (b"--b\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    "text-plain": (b'{"text": "Hallo"}', "text/plain"),
}


def _routes(client: TestClient) -> list[tuple[str, str]]:
    found = []
    for route in client.app.routes:
        path = re.sub(r"\{[^}]+\}", "x", route.path)
        for method in sorted(getattr(route, "methods", ())):
            if method in ("HEAD", "OPTIONS") or path.startswith("/static"):
                continue
            found.append((method, path))
    return found


def _assert_safe(response, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code} {response.text[:300]}"
    assert "Traceback" not in response.text, what
    # The API answers errors as problem+json; web pages and the schema viewer answer HTML.
    if response.status_code >= 400 and response.url.path.startswith(("/v1/", "/health")):
        assert response.headers["content-type"].startswith("application/problem+json"), what
        problem = response.json()
        assert problem["status"] == response.status_code, what
        assert problem["title"] and problem["detail"], what


def test_every_route_survives_hostile_bodies(client: TestClient) -> None:
    routes = _routes(client)
    assert ("POST", "/v1/text/check") in routes
    for method, path in routes:
        if method == "GET":
            continue
        for name, (body, content_type) in HOSTILE_BODIES.items():
            response = client.request(
                method, path, content=body, headers={"content-type": content_type}
            )
            _assert_safe(response, f"{method} {path} {name}")


@pytest.mark.parametrize(
    "query",
    ["", "?limit=0", "?limit=-1", "?limit=99999999999999999999", "?format=%00",
     "?format=xliff&format=html", "?reviewer=" + "a" * 300, "?lang=\u00ff"],
)
def test_every_get_route_survives_hostile_queries(client: TestClient, query: str) -> None:
    for method, path in _routes(client):
        if method != "GET":
            continue
        # A route without a parameter gives three equal URLs: each is asked once (the YAML
        # schema alone costs 0.3 s of CPU per request).
        variants = (path, path.replace("/x", "/" + "%FF" * 50), path.replace("/x", "/..%2F"))
        for variant in dict.fromkeys(variants):
            response = client.get(variant + query)
            _assert_safe(response, f"GET {variant}{query}")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/text/check", "text=Hallo+Welt"),
        ("/v1/audits", "html=%3Cp%3Ex%3C%2Fp%3E"),
        ("/v1/translations", "content=Hallo&source=de&target=en"),
    ],
)
def test_form_post_to_json_route_is_415(client: TestClient, path: str, body: str) -> None:
    response = client.post(
        path, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["kind"] == "unsupported-media-type"


def test_deep_json_and_bad_utf8_are_400(client: TestClient) -> None:
    deep = client.post(
        "/v1/translations/x/segments/y/comments",
        content=DEEP, headers={"content-type": "application/json"},
    )
    assert deep.status_code == 400 and deep.json()["kind"] == "bad-json"
    bad = client.post(
        "/v1/text/check", content=b'{"text": "\xff"}', headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400 and bad.json()["kind"] == "bad-json"
    # JSON itself still works, also with a charset parameter.
    ok = client.post(
        "/v1/text/check", content=json.dumps({"text": "Hallo Welt."}).encode(),
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert ok.status_code == 200


def test_control_character_in_translation_is_422(client: TestClient) -> None:
    for fmt, content in (("plain", "Hallo\u0001 Welt"), ("html", "<p>Hallo\u0001</p>"),
                         ("markdown", "# Hallo\u0001")):
        response = client.post(
            "/v1/translations",
            json={"content": content, "format": fmt, "source": "de", "target": "en"},
        )
        assert response.status_code == 422, response.text
        assert "U+0001" in response.json()["detail"]


def test_every_answer_carries_security_headers(client: TestClient) -> None:
    paths = ["/health", "/v1/text/rules", "/schema", "/schema/swagger", "/schema/openapi.json",
             "/nicht-da", "/static/docs/swagger-init.js", "/v1/translations/x"]
    answers = [client.get(p) for p in paths]
    answers.append(client.post("/v1/text/check", json={"text": "Hallo Welt."}))
    answers.append(client.put("/health"))  # 405
    for response in answers:
        assert response.headers["x-content-type-options"] == "nosniff", response.url
        assert response.headers["referrer-policy"] == "no-referrer", response.url
        assert response.headers["content-security-policy"] == STRICT_CSP, response.url
        assert response.headers.get("content-type", "").count("charset") <= 1, response.url


def test_exports_are_sandboxed_attachments(client: TestClient) -> None:
    created = client.post(
        "/v1/translations",
        json={"content": "<p>Das Amt ist zu.</p>", "format": "html", "source": "de",
              "target": "en", "mode": "inline"},
    )
    assert created.status_code == 201, created.text
    job = created.json()["id"]
    for segment in client.get(f"/v1/translations/{job}/segments").json():
        decided = client.patch(
            f"/v1/translations/{job}/segments/{segment['id']}",
            json={"reviewer": "r", "version": segment["version"], "state": "approved"},
        )
        assert decided.status_code == 200, decided.text
    for fmt in ("xliff", "html"):
        response = client.get(f"/v1/translations/{job}/export?format={fmt}")
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"].startswith("attachment;")
        assert response.headers["content-security-policy"] == SANDBOX_CSP
        assert response.headers["content-type"].count("charset") <= 1


def test_schema_documents_errors_as_problem_json(client: TestClient) -> None:
    schema = client.get("/schema/openapi.json").json()
    audit = schema["paths"]["/v1/audits"]["post"]["responses"]
    assert audit["200"]["content"]["application/json"]["schema"] != {"type": "string"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            errors = [code for code in responses if code[0] in "45"]
            assert "500" in errors, f"{method} {path}"
            takes_body = "requestBody" in operation
            if method in ("post", "patch", "put") and takes_body and path.startswith("/v1/"):
                # Uploads (XLIFF import, office documents) take multipart, not JSON.
                uploads = ("/import", "/check-document")
                assert "415" in errors or path.endswith(uploads), f"{method} {path}"
                assert "413" in errors, f"{method} {path}"
            for code in errors:
                content = responses[code].get("content", {})
                assert "application/problem+json" in content, f"{method} {path} {code}"


def test_translation_operations_document_their_codes(client: TestClient) -> None:
    paths = client.get("/schema/openapi.json").json()["paths"]
    create = paths["/v1/translations"]["post"]["responses"]
    assert {"201", "202", "400", "413", "415", "422", "503"} <= set(create)
    decide = paths["/v1/translations/{job_id}/segments/{segment_id}"]["patch"]["responses"]
    assert {"200", "404", "409", "422"} <= set(decide)
    export = paths["/v1/translations/{job_id}/export"]["get"]["responses"]
    assert {"200", "404", "409"} <= set(export)


def test_unexpected_error_is_problem_without_traceback(checker, tmp_path) -> None:
    from litestar import get

    from a11y_core.config.env import Settings

    @get("/v1/boom", opt={"public": True})
    async def boom() -> None:
        raise RuntimeError("secret internals")

    @get("/boom")
    async def page_boom() -> None:
        raise RuntimeError("secret internals")

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}"), checker=checker)
    app.register(boom)
    app.register(page_boom)
    with TestClient(app=app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/v1/boom")
        page = test_client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "secret internals" not in response.text and "Traceback" not in response.text
    # A web page answers with an HTML error page, as silent about internals.
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "secret internals" not in page.text and "Traceback" not in page.text
    assert response.headers["x-content-type-options"] == "nosniff"


class Form(msgspec.Struct):
    text: str


def test_html_form_handlers_are_not_guarded() -> None:
    """The web app's own forms (form-encoded, multipart bodies) keep working; only handlers
    with a JSON body are refused other media types."""
    @post("/seite", status_code=200)
    async def form(
        data: Annotated[Form, Body(media_type=RequestEncodingType.URL_ENCODED)],
    ) -> str:
        return data.text

    @post("/v1/json", status_code=200)
    async def as_json(data: JSONBody[Form]) -> str:
        return data.text

    app = Litestar([form, as_json], middleware=[json_guard_middleware],
                   exception_handlers=EXCEPTION_HANDLERS)  # type: ignore[arg-type]
    with TestClient(app) as test_client:
        assert test_client.post("/seite", data={"text": "Hallo"}).text == "Hallo"
        assert test_client.post("/v1/json", data={"text": "Hallo"}).status_code == 415
        assert test_client.post("/v1/json", json={"text": "Hallo"}).text == "Hallo"
