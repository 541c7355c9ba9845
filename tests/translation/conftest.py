"""Tiny real Argos packages for the translation tests, built once per session.

``translators.testing.build_package`` trains a SentencePiece model and builds a random-weight
CTranslate2 Transformer, so loading and inference are real while the output is nonsense: tests
assert on structure, never on wording. de→en and en→fr give a pivot route de→en→fr; de→ar
checks right-to-left output.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TinyPackage
from translators import tags
from translators.engine import EngineConfig, Translator
from translators.models import ModelStore

PAIRS = (("de", "en"), ("en", "fr"), ("de", "ar"))


@pytest.fixture(scope="session")
def tiny_packages(tiny_package: TinyPackage) -> dict[tuple[str, str], Path]:
    """The built ``.argosmodel`` files, by language pair (shared with other test packages)."""
    return {pair: tiny_package(*pair) for pair in PAIRS}


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory, tiny_packages) -> Path:
    """A models directory with every tiny package installed (read-only for tests)."""
    root = tmp_path_factory.mktemp("models")
    store = ModelStore(root)
    for path in tiny_packages.values():
        store.install_file(path)
    return root


@pytest.fixture(scope="session")
def translator(models_dir: Path) -> Translator:
    """A shared translator: loaded models and memory are reused across tests."""
    return Translator(EngineConfig(models_dir=models_dir))


@pytest.fixture
def fresh_translator(models_dir: Path) -> Translator:
    """A translator with an empty translation memory and zeroed counters."""
    return Translator(EngineConfig(models_dir=models_dir))


@pytest.fixture
def index_server(tmp_path: Path, tiny_packages) -> Iterator[str]:
    """A package index and package served on loopback, as the Argos index would serve them."""
    root = tmp_path / "www"
    root.mkdir()
    package = tiny_packages[("de", "en")]
    (root / package.name).write_bytes(package.read_bytes())

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = [
        {"type": "translate", "from_code": "de", "to_code": "en", "package_version": "0.9",
         "links": [f"{base}/old.argosmodel"]},
        {"type": "translate", "from_code": "de", "to_code": "en", "package_version": "1.0",
         "links": [f"{base}/missing.argosmodel", f"{base}/{package.name}"]},
    ]
    (root / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"{base}/index.json"
    finally:
        server.shutdown()
        server.server_close()


def tag_ids(text: str) -> list[str]:
    """Tag tokens in order: ``x1``, ``g2``, ``/g2``."""
    return [("/" + t.id) if t.kind == "/g" else t.id for t in tags.scan(text)]
