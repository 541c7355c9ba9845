"""Model management: install from a file (with validation), list, remove, install from an index."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from translators.errors import TranslationError
from translators.models import ModelStore, models_dir


def test_install_list_remove(tmp_path: Path, tiny_packages) -> None:
    store = ModelStore(tmp_path / "models")
    assert store.list() == []
    model = store.install_file(tiny_packages[("de", "en")])
    assert (model.from_code, model.to_code, model.package_version) == ("de", "en", "1.0")
    assert model.model_dir.joinpath("model.bin").is_file()
    assert model.tokenizer_path.is_file()
    assert [m.name for m in store.list()] == ["translate-de_en"]
    assert store.find("de", "en") == model
    # Installing the same pair again replaces it, it does not duplicate it.
    store.install_file(tiny_packages[("de", "en")])
    assert len(store.list()) == 1
    assert store.remove(("de", "en")).name == "translate-de_en"
    assert store.list() == []
    with pytest.raises(TranslationError) as info:
        store.remove("translate-de_en")
    assert info.value.kind == "model-missing"


def test_installed_layout_is_readable_by_argostranslate(tmp_path: Path, tiny_packages) -> None:
    """The models folder keeps Argos' layout: ``argostranslate.package`` lists it as installed.

    In a subprocess with XDG and ARGOS folders pointed at tmp, because importing argostranslate
    creates folders under HOME otherwise.
    """
    store = ModelStore(tmp_path / "models")
    store.install_file(tiny_packages[("de", "en")])
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "argos"),
    }
    code = (
        "import pathlib, sys, argostranslate.package as p\n"
        "pkgs = p.get_installed_packages(path=[pathlib.Path(sys.argv[1])])\n"
        "print([(x.from_code, x.to_code, x.package_version) for x in pkgs])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "models")],
        env=env, capture_output=True, text=True, check=True,
    )
    assert done.stdout.strip() == "[('de', 'en', '1.0')]"


def _rezip(source: Path, target: Path, drop: str = "", add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if drop and item.filename.endswith(drop):
                continue
            new.writestr(item, old.read(item.filename))
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("drop", "add", "needle"),
    [
        ("metadata.json", None, "metadata.json"),
        ("model/model.bin", None, "model.bin"),
        ("sentencepiece.model", None, "sentencepiece.model"),
        ("", {"../evil.txt": b"x"}, "unsicherer Pfad"),
    ],
)
def test_install_rejects_broken_packages(
    tmp_path: Path, tiny_packages, drop: str, add: dict[str, bytes] | None, needle: str
) -> None:
    broken = _rezip(tiny_packages[("de", "en")], tmp_path / "broken.argosmodel", drop, add)
    store = ModelStore(tmp_path / "models")
    with pytest.raises(TranslationError) as info:
        store.install_file(broken)
    assert needle in info.value.de
    assert info.value.kind == "bad-package"
    assert store.list() == []  # nothing half-installed


def test_install_rejects_non_zip_and_bad_metadata(tmp_path: Path, tiny_packages) -> None:
    store = ModelStore(tmp_path / "models")
    not_zip = tmp_path / "x.argosmodel"
    not_zip.write_text("hello")
    with pytest.raises(TranslationError, match="ZIP"):
        store.install_file(not_zip)
    with pytest.raises(TranslationError, match="nicht gefunden"):
        store.install_file(tmp_path / "missing.argosmodel")
    bad_meta = _rezip(
        tiny_packages[("de", "en")],
        tmp_path / "meta.argosmodel",
        "metadata.json",
        {"translate-de_en-1_0/metadata.json": b'{"from_code": "de"}'},
    )
    with pytest.raises(TranslationError, match="to_code"):
        store.install_file(bad_meta)


def test_models_dir_from_environment(tmp_path: Path) -> None:
    assert models_dir({"A11Y_MODELS_DIR": str(tmp_path)}) == tmp_path
    assert models_dir({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "a11y" / "models"


def test_install_online_from_loopback_index(tmp_path: Path, index_server: str) -> None:
    store = ModelStore(tmp_path / "models")
    model = store.install_online("de", "en", index_server, timeout=5)
    assert (model.from_code, model.to_code, model.package_version) == ("de", "en", "1.0")
    with pytest.raises(TranslationError) as info:
        store.install_online("de", "xx", index_server, timeout=5)
    assert info.value.kind == "model-missing"


def test_install_online_unreachable_index(tmp_path: Path) -> None:
    with pytest.raises(TranslationError) as info:
        ModelStore(tmp_path).install_online("de", "en", "http://127.0.0.1:9/index.json", 2)
    assert info.value.kind == "download-failed"


@pytest.mark.parametrize("code", ["de_en/../../escaped", "a/b", "..", "DE", "de en", ""])
def test_install_rejects_unsafe_language_codes(tmp_path: Path, tiny_packages, code: str) -> None:
    """Regression: metadata codes became the folder name; '../' escaped the models directory."""
    with zipfile.ZipFile(tiny_packages[("de", "en")]) as old:
        meta_name = next(n for n in old.namelist() if n.endswith("metadata.json"))
    meta = f'{{"from_code": "{code}", "to_code": "en", "type": "translate"}}'.encode()
    bad = _rezip(tiny_packages[("de", "en")], tmp_path / "bad.argosmodel", "metadata.json",
                 {meta_name: meta})
    store = ModelStore(tmp_path / "sub" / "models")
    with pytest.raises(TranslationError) as info:
        store.install_file(bad)
    assert info.value.kind == "bad-package"
    assert store.list() == []
    assert not (tmp_path / "escaped").exists() and not (tmp_path / "sub" / "escaped").exists()


def test_install_rejects_zip_slip_and_archive_bomb(
    tmp_path: Path, tiny_packages, monkeypatch: pytest.MonkeyPatch
) -> None:
    from translators import models as models_module

    store = ModelStore(tmp_path / "models")
    for evil in ("/abs.txt", "a/../../evil.txt", "C:/evil.txt", "a\\..\\evil.txt"):
        bad = _rezip(tiny_packages[("de", "en")], tmp_path / "slip.argosmodel", add={evil: b"x"})
        with pytest.raises(TranslationError, match="unsafe path"):
            store.install_file(bad)
    assert not (tmp_path / "evil.txt").exists()
    # the declared sizes are checked first; extraction counts real bytes as well
    monkeypatch.setattr(models_module, "MAX_PACKAGE_BYTES", 10)
    with pytest.raises(TranslationError, match="too large"):
        store.install_file(tiny_packages[("de", "en")])
    with zipfile.ZipFile(tiny_packages[("de", "en")]) as archive:
        staging = tmp_path / "staging"
        staging.mkdir()
        with pytest.raises(TranslationError, match="too large"):
            models_module._extract(archive, staging, "x")
    assert store.list() == []
    assert [p.name for p in (tmp_path / "models").iterdir()] == []


def test_install_online_refuses_unsafe_codes_before_any_download(tmp_path: Path) -> None:
    """The codes name the download file: '../x' must not reach the file system or the network."""
    store = ModelStore(tmp_path / "models")
    with pytest.raises(TranslationError, match="Invalid language code"):
        store.install_online("../../x", "en", "http://127.0.0.1:9/index.json", timeout=1)
