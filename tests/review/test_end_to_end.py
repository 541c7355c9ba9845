"""From the outside, with the real engine: a tiny but real Argos model (SentencePiece +
CTranslate2, random weights, so the wording is nonsense) translates an HTML page; the XLIFF goes
out, gets edited as a CAT tool would, comes back; the published page is rebuilt from the
reviewed targets with its markup intact. One job also takes the real huey queue path."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from litestar.testing import TestClient
from lxml import etree

from a11y_core.config.env import Settings
from a11y_service.app import create_app
from tests.accounts.helpers import authorize
from translators.engine import EngineConfig, Translator
from translators.models import ModelStore
from translators.xliff import XLIFF_NS

if TYPE_CHECKING:
    from checkers.text.engine import TextChecker

pytestmark = pytest.mark.slow
NS = {"x": XLIFF_NS}
PAGE = (
    "<!DOCTYPE html><html lang='de'><head><title>Bürgeramt</title></head><body>"
    "<h1>Öffnungszeiten</h1>"
    "<p>Das Bürgeramt ist am Montag geschlossen.</p>"
    "<p>Mehr Infos finden Sie <a href='https://example.org/info'>auf unserer Seite</a>.</p>"
    "<img src='amt.png' alt='Das Bürgeramt von außen'>"
    "</body></html>"
)
BASE = "/v1/translations"


@pytest.fixture(scope="module")
def real_translator(tmp_path_factory: pytest.TempPathFactory, tiny_package) -> Translator:
    models = tmp_path_factory.mktemp("models")
    ModelStore(models).install_file(tiny_package("de", "en"))
    return Translator(EngineConfig(models_dir=models))


def _wait(client: TestClient, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    job = client.get(f"{BASE}/{job_id}").json()
    while job["status"] not in ("review", "failed") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = client.get(f"{BASE}/{job_id}").json()
    return job


def test_translate_review_in_xliff_and_publish(
    tmp_path: Path, checker: TextChecker, real_translator: Translator
) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'e2e.sqlite3'}",
        queue_url=f"sqlite:///{tmp_path / 'queue.sqlite3'}",
    )
    app = create_app(settings, checker=checker, translator=real_translator)
    with TestClient(app) as client:
        authorize(client, settings.database_url, role="editor")
        created = client.post(
            BASE, json={"content": PAGE, "format": "html", "source": "de", "target": "en"}
        )
        assert created.status_code == 201, created.text
        job = created.json()
        segments = client.get(f"{BASE}/{job['id']}/segments").json()
        assert len(segments) == job["segments"] >= 4
        link = next(s for s in segments if "<g1>" in s["source"])
        assert "<g1>" in link["machine"] and "</g1>" in link["machine"]  # markup kept

        xliff = client.get(f"{BASE}/{job['id']}/export", params={"format": "xliff"}).content
        root = etree.fromstring(xliff)
        edits = {}
        for unit in root.iterfind(".//x:unit", NS):
            segment = unit.find("x:segment", NS)
            target = segment.find("x:target", NS)
            if len(target) == 0:  # plain text: a translator rewrites it
                target.text = f"Reviewed text {chr(65 + len(edits))}"  # no digits: QA
                edits[unit.get("id")] = target.text
            segment.set("state", "final")
            segment.attrib.pop("subState", None)
        imported = client.post(
            f"{BASE}/{job['id']}/import",
            content=etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
            params={"reviewer": "Übersetzerin"},
            headers={"content-type": "application/xliff+xml"},
        )
        assert imported.status_code == 200, imported.text
        assert imported.json()["job"]["publishable"] is True, imported.json()["job"]["findings"]

        published = client.get(f"{BASE}/{job['id']}/export", params={"format": "html"})
        assert published.status_code == 200, published.text
        html = published.text
        for text in edits.values():
            assert text in html
        assert (
            'href="https://example.org/info"' in html or "href='https://example.org/info'" in html
        )
        assert 'lang="en"' in html
        assert "Öffnungszeiten" not in html

        queued = client.post(
            BASE,
            json={
                "content": PAGE,
                "format": "html",
                "source": "de",
                "target": "en",
                "mode": "queue",
            },
        )
        assert queued.status_code == 202
        assert _wait(client, queued.json()["id"])["status"] == "review"
