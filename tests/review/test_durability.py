"""A decision answered as saved survives the server being killed with SIGKILL.

The real service runs under uvicorn in a subprocess; a client keeps saving decisions while the
process is killed (no shutdown, no flush); after a restart every acknowledged decision must be
there, in the segment and in its history.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from lxml import etree

from a11y_service.review.store import ReviewStore
from tests.accounts.helpers import bearer, new_org_key
from tests.review.conftest import ready_job
from translators.xliff import XLIFF_NS

UVICORN = Path(sys.executable).with_name("uvicorn")
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
NS = {"x": XLIFF_NS}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(db_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "A11Y_DATABASE_URL": db_url,
        "A11Y_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        **extra,
    }


@contextmanager
def _server(
    db_url: str, tmp_path: Path, **extra_env: str
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = _free_port()
    env = _env(db_url, tmp_path, **extra_env)
    log = (tmp_path / f"server-{port}.log").open("wb")
    process = subprocess.Popen(
        [
            str(UVICORN),
            "--factory",
            "a11y_service.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise AssertionError((tmp_path / f"server-{port}.log").read_text())
            try:
                if httpx.get(f"{base}/health/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("server did not start")
            time.sleep(0.2)
        yield base, process
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        log.close()


def test_saved_decisions_survive_sigkill(db_url: str, tmp_path: Path) -> None:
    org, key = new_org_key(db_url, role="translator")
    store = ReviewStore.open(db_url)
    job_id = ready_job(store.scoped(org.id))
    store.close()
    url = f"/v1/translations/{job_id}/segments"
    acked: list[tuple[int, str]] = []  # (version, target) answered 200
    failures: list[str] = []  # an assert in the thread would only end the thread, not the test
    stop = threading.Event()

    with _server(db_url, tmp_path) as (base, process):
        with httpx.Client(base_url=base, timeout=5, headers=bearer(key)) as client:
            approved = client.patch(
                f"{url}/s2", json={"reviewer": "anna", "version": 1, "state": "approved"}
            )
            assert approved.status_code == 200
            comment = client.post(f"{url}/s3/comments", json={"author": "ben", "text": "ok?"})
            assert comment.status_code == 201

        def hammer() -> None:
            version = 1
            with httpx.Client(base_url=base, timeout=5, headers=bearer(key)) as client:
                while not stop.is_set():
                    target = f"Attempt {version}"
                    try:
                        response = client.patch(
                            f"{url}/s1",
                            json={"reviewer": "anna", "version": version, "target": target},
                        )
                    except httpx.HTTPError:
                        return  # the server is gone; this one was never answered
                    if response.status_code != 200:
                        failures.append(f"{response.status_code}: {response.text}")
                        return
                    version = response.json()["version"]
                    acked.append((version, target))

        worker = threading.Thread(target=hammer)
        worker.start()
        deadline = time.monotonic() + 60
        while len(acked) < 15 and not failures and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)  # mid-stream, no shutdown
        process.wait(timeout=30)
        stop.set()
        worker.join(timeout=30)
    assert not failures, failures
    assert not worker.is_alive()
    assert len(acked) >= 15

    with (
        _server(db_url, tmp_path) as (base, _process),
        httpx.Client(base_url=base, headers=bearer(key)) as client,
    ):
        s1 = client.get(f"{url}/s1").json()
        last_version = acked[-1][0]
        # The very last request may have committed without its answer arriving: >=, not ==.
        assert s1["version"] >= last_version
        history = {(h["version"], h["target"]) for h in client.get(f"{url}/s1/history").json()}
        assert set(acked) <= history
        s2 = client.get(f"{url}/s2").json()
        # The reviewer is the principal: here the organisation's first key.
        actor = "API-Schlüssel Erster Schlüssel / first key"
        assert (s2["state"], s2["reviewer"], s2["version"]) == ("approved", actor, 2)
        assert [c["text"] for c in client.get(f"{url}/s3/comments").json()] == ["ok?"]
        stale = client.patch(
            f"{url}/s2", json={"reviewer": "ben", "version": 1, "state": "rejected"}
        )
        assert stale.status_code == 409


PAGE = (
    "<html lang='de'><head><title>Jugendzentrum</title></head><body>"
    "<h1>Das Jugendzentrum ist neu.</h1>"
    "<p>Kinder und Jugendliche sind willkommen.</p>"
    "<p>Schreiben Sie uns eine <a href='mailto:jz@example.org'>E-Mail</a>.</p>"
    "</body></html>"
)


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory, tiny_package) -> Path:
    from translators.models import ModelStore

    root = tmp_path_factory.mktemp("models")
    ModelStore(root).install_file(tiny_package("de", "en"))
    return root


def test_from_outside_queue_worker_xliff_and_sigkill(tmp_path: Path, models_dir: Path) -> None:
    """Separate processes as in production: the web server (no queue threads) and a
    ``huey_consumer`` with the real engine; the server is killed after the import was answered."""
    db_url = f"sqlite:///{tmp_path / 'outside.sqlite3'}"
    extra = {"A11Y_MODELS_DIR": str(models_dir), "A11Y_TRANSLATE_INLINE_SEGMENTS": "1"}
    _org, key = new_org_key(db_url, role="editor")
    consumer = subprocess.Popen(
        [
            str(UVICORN.with_name("huey_consumer")),
            "a11y_service.task_queue.huey",
            "-w",
            "1",
            "-k",
            "thread",
        ],
        cwd=ROOT,
        env=_env(db_url, tmp_path, **extra),
        stdout=(tmp_path / "consumer.log").open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        with _server(db_url, tmp_path, A11Y_QUEUE_WORKERS="0", **extra) as (base, process):
            with httpx.Client(base_url=base, timeout=10, headers=bearer(key)) as client:
                created = client.post(
                    "/v1/translations",
                    json={"content": PAGE, "format": "html", "source": "de", "target": "en"},
                )
                assert created.status_code == 202, created.text
                job_url = created.headers["location"]
                deadline = time.monotonic() + 60
                while client.get(job_url).json()["status"] in ("queued", "running"):
                    assert time.monotonic() < deadline, (tmp_path / "consumer.log").read_text()
                    time.sleep(0.2)
                assert client.get(job_url).json()["status"] == "review"
                xliff = client.get(f"{job_url}/export", params={"format": "xliff"}).content
                root = etree.fromstring(xliff)
                unit = root.find(".//x:unit", NS)
                unit.find("x:segment/x:target", NS).text = "The youth centre is new."
                for segment in root.iterfind(".//x:segment", NS):
                    segment.set("state", "final")
                    segment.attrib.pop("subState", None)
                imported = client.post(
                    f"{job_url}/import",
                    content=etree.tostring(root),
                    params={"reviewer": "cat"},
                    headers={"content-type": "application/xliff+xml"},
                )
                assert imported.status_code == 200, imported.text
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        with (
            _server(db_url, tmp_path, A11Y_QUEUE_WORKERS="0", **extra) as (base, _process),
            httpx.Client(base_url=base, timeout=10, headers=bearer(key)) as client,
        ):
            published = client.get(f"{job_url}/export", params={"format": "html"})
            assert published.status_code == 200, published.text
            assert "The youth centre is new." in published.text
            assert "mailto:jz@example.org" in published.text
    finally:
        consumer.terminate()
        consumer.wait(timeout=30)
