"""Installed translation models: Argos Translate packages (``.argosmodel``) in one directory.

Why not ``argostranslate.package.install_from_path`` / ``uninstall``: in argostranslate 1.11 both
import ``argostranslate.translate`` after touching the disk (to clear a cache), and that module
needs stanza and torch, which this project does not install; ``install_from_path`` would extract
the archive and then fail. Importing ``argostranslate.settings`` also creates folders under HOME.
So this module reads and writes the same on-disk layout itself (one folder per package with
``metadata.json``, ``sentencepiece.model`` and a CTranslate2 model in ``model/``): the folder stays
readable by ``argostranslate.package.get_installed_packages(path=[models_dir()])``.

Installing validates the archive first (zip, safe member names, metadata, model, tokenizer) and
moves it into place atomically, so a broken download never replaces a working model. Online
installation reads the Argos package index (a JSON list of package metadata with ``links``) from a
configurable URL, with a timeout and a size limit.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from translators.errors import TranslationError

ARGOS_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_PACKAGE_BYTES = 2 * 1024**3  # uncompressed; real Argos packages are 100-400 MB
DOWNLOAD_TIMEOUT = 60.0
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


def models_dir(env: Mapping[str, str] | None = None) -> Path:
    """``A11Y_MODELS_DIR``, else ``$XDG_DATA_HOME/a11y/models`` (``~/.local/share/a11y/models``)."""
    env = os.environ if env is None else env
    explicit = env.get("A11Y_MODELS_DIR")
    if explicit:
        return Path(explicit)
    data_home = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "a11y" / "models"


def index_url(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    return env.get("A11Y_MODELS_INDEX_URL") or ARGOS_INDEX_URL


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """One installed package; ``version`` identifies it in the translation memory."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    argos_version: str = ""
    target_prefix: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def version(self) -> str:
        return f"{self.from_code}-{self.to_code}@{self.package_version}"

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "from": self.from_code,
            "to": self.to_code,
            "version": self.package_version,
            "path": str(self.path),
        }


def _error(kind: str, de: str, en: str) -> TranslationError:
    return TranslationError(kind, de, en)


def _read_metadata(raw: bytes, origin: str) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict):
        raise _error(
            "bad-package",
            f"{origin}: metadata.json ist kein gültiges JSON-Objekt.",
            f"{origin}: metadata.json is not a valid JSON object.",
        )
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise _error(
                "bad-package",
                f"{origin}: In metadata.json fehlt '{key}'.",
                f"{origin}: metadata.json has no '{key}'.",
            )
    for key in ("from_code", "to_code"):
        if not LANGUAGE_CODE.fullmatch(data[key]):
            raise _error(
                "bad-package",
                f"{origin}: Ungültiger Sprachcode in metadata.json ('{key}'): {data[key]!r}",
                f"{origin}: invalid language code in metadata.json ('{key}'): {data[key]!r}",
            )
    if data.get("type", "translate") != "translate":
        raise _error(
            "bad-package",
            f"{origin}: Das ist kein Übersetzungspaket (type={data.get('type')}).",
            f"{origin}: this is not a translation package (type={data.get('type')}).",
        )
    return data


def _model_from_dir(path: Path) -> InstalledModel:
    data = _read_metadata((path / "metadata.json").read_bytes(), path.name)
    return InstalledModel(
        path=path,
        from_code=data["from_code"],
        to_code=data["to_code"],
        package_version=str(data.get("package_version", "")),
        argos_version=str(data.get("argos_version", "")),
        target_prefix=str(data.get("target_prefix", "") or ""),
    )


def _inspect_archive(archive: zipfile.ZipFile, origin: str) -> tuple[str, dict[str, Any]]:
    """Check the archive's layout; return its top folder ('' when files sit at the root)."""
    names = archive.namelist()
    total = 0
    for info in archive.infolist():
        pure = PurePosixPath(info.filename)
        if pure.is_absolute() or ".." in pure.parts or "\\" in info.filename:
            raise _error(
                "bad-package",
                f"{origin}: unsicherer Pfad im Archiv: {info.filename}",
                f"{origin}: unsafe path in the archive: {info.filename}",
            )
        if pure.parts and ":" in pure.parts[0]:
            raise _error(
                "bad-package",
                f"{origin}: unsicherer Pfad im Archiv: {info.filename}",
                f"{origin}: unsafe path in the archive: {info.filename}",
            )
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        raise _error(
            "bad-package",
            f"{origin}: Das Paket ist entpackt zu groß.",
            f"{origin}: the package is too large when unpacked.",
        )
    metas = [n for n in names if PurePosixPath(n).name == "metadata.json"]
    metas.sort(key=lambda n: len(PurePosixPath(n).parts))
    if not metas or len(PurePosixPath(metas[0]).parts) > 2:
        raise _error(
            "bad-package",
            f"{origin}: metadata.json fehlt im Paket.",
            f"{origin}: the package has no metadata.json.",
        )
    parts = PurePosixPath(metas[0]).parts
    top = parts[0] if len(parts) == 2 else ""
    prefix = f"{top}/" if top else ""
    metadata = _read_metadata(archive.read(metas[0]), origin)
    if f"{prefix}model/model.bin" not in names:
        raise _error(
            "bad-package",
            f"{origin}: Das CTranslate2-Modell fehlt (model/model.bin).",
            f"{origin}: the CTranslate2 model is missing (model/model.bin).",
        )
    if f"{prefix}sentencepiece.model" not in names:
        if f"{prefix}bpe.model" in names:
            raise _error(
                "bad-package",
                f"{origin}: Pakete mit BPE-Tokenizer werden nicht unterstützt.",
                f"{origin}: packages with a BPE tokenizer are not supported.",
            )
        raise _error(
            "bad-package",
            f"{origin}: sentencepiece.model fehlt im Paket.",
            f"{origin}: the package has no sentencepiece.model.",
        )
    return top, metadata


def _verify_unpacked(path: Path, origin: str) -> None:
    """Load the tokenizer and let CTranslate2 confirm the model folder, before going live."""
    import ctranslate2
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(path / "sentencepiece.model"))
    except (OSError, RuntimeError) as exc:
        raise _error(
            "bad-package",
            f"{origin}: sentencepiece.model ist beschädigt ({exc}).",
            f"{origin}: sentencepiece.model is damaged ({exc}).",
        ) from None
    if not ctranslate2.contains_model(str(path / "model")):
        raise _error(
            "bad-package",
            f"{origin}: model/ ist kein CTranslate2-Modell.",
            f"{origin}: model/ is not a CTranslate2 model.",
        )


def _extract(archive: zipfile.ZipFile, staging: Path, origin: str) -> None:
    """Extract member by member: stay inside ``staging`` and stop at ``MAX_PACKAGE_BYTES``."""
    root = staging.resolve()
    written = 0
    for info in archive.infolist():
        target = (root / info.filename).resolve()
        if target != root and root not in target.parents:
            raise _error(
                "bad-package",
                f"{origin}: unsicherer Pfad im Archiv: {info.filename}",
                f"{origin}: unsafe path in the archive: {info.filename}",
            )
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as src, target.open("wb") as dst:
            while chunk := src.read(1024 * 1024):
                written += len(chunk)
                if written > MAX_PACKAGE_BYTES:
                    raise _error(
                        "bad-package",
                        f"{origin}: Das Paket ist entpackt zu groß.",
                        f"{origin}: the package is too large when unpacked.",
                    )
                dst.write(chunk)


class ModelStore:
    """The models directory: list, find, install (file or index) and remove packages."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else models_dir()

    def list(self) -> list[InstalledModel]:
        if not self.root.is_dir():
            return []
        found = []
        for path in sorted(self.root.iterdir()):
            visible = not path.name.startswith(".")
            if visible and path.is_dir() and (path / "metadata.json").is_file():
                try:
                    found.append(_model_from_dir(path))
                except (TranslationError, OSError):
                    continue  # a damaged folder is skipped, not fatal for the others
        return found

    def find(self, source: str, target: str) -> InstalledModel | None:
        for model in self.list():
            if model.from_code == source and model.to_code == target:
                return model
        return None

    def pairs(self) -> set[tuple[str, str]]:
        return {(m.from_code, m.to_code) for m in self.list()}

    def install_file(self, path: str | Path) -> InstalledModel:
        """Validate an ``.argosmodel`` file and install it, replacing the same language pair."""
        path = Path(path)
        origin = path.name
        if not path.is_file():
            raise _error(
                "bad-package",
                f"Datei nicht gefunden: {path}",
                f"File not found: {path}",
            )
        if not zipfile.is_zipfile(path):
            raise _error(
                "bad-package",
                f"{origin}: Das ist kein Argos-Paket (kein ZIP-Archiv).",
                f"{origin}: this is not an Argos package (not a zip archive).",
            )
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=self.root))
        try:
            with zipfile.ZipFile(path) as archive:
                top, metadata = _inspect_archive(archive, origin)
                _extract(archive, staging, origin)
            unpacked = staging / top if top else staging
            _verify_unpacked(unpacked, origin)
            name = f"translate-{metadata['from_code']}_{metadata['to_code']}"
            final = self.root / name
            if final.resolve().parent != self.root.resolve() or final.name != name:
                raise _error(
                    "bad-package",
                    f"{origin}: unsicherer Installationsordner: {name}",
                    f"{origin}: unsafe install folder: {name}",
                )
            if final.exists():
                old = self.root / f".old-{name}"
                shutil.rmtree(old, ignore_errors=True)
                final.rename(old)
                unpacked.rename(final)
                shutil.rmtree(old, ignore_errors=True)
            else:
                unpacked.rename(final)
            return _model_from_dir(final)
        except zipfile.BadZipFile as exc:
            raise _error(
                "bad-package",
                f"{origin}: Das ZIP-Archiv ist beschädigt ({exc}).",
                f"{origin}: the zip archive is damaged ({exc}).",
            ) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def remove(self, name_or_pair: str | tuple[str, str]) -> InstalledModel:
        """Remove by folder name (``translate-de_en``) or by pair (``("de", "en")``)."""
        for model in self.list():
            if name_or_pair in (model.name, (model.from_code, model.to_code)):
                shutil.rmtree(model.path)
                return model
        label = name_or_pair if isinstance(name_or_pair, str) else "→".join(name_or_pair)
        raise _error(
            "model-missing",
            f"Kein installiertes Modell '{label}'.",
            f"No installed model '{label}'.",
        )

    def install_online(
        self,
        source: str,
        target: str,
        url: str | None = None,
        timeout: float = DOWNLOAD_TIMEOUT,
    ) -> InstalledModel:
        """Find the pair in the package index at ``url``, download it and install it."""
        for code in (source, target):
            if not LANGUAGE_CODE.fullmatch(code):
                raise _error(
                    "bad-input",
                    f"Ungültiger Sprachcode: {code!r} (z. B. 'de', 'en', 'pt_BR').",
                    f"Invalid language code: {code!r} (e.g. 'de', 'en', 'pt_BR').",
                )
        url = url or index_url()
        entries = fetch_index(url, timeout)
        candidates = [
            e
            for e in entries
            if e.get("from_code") == source
            and e.get("to_code") == target
            and e.get("type", "translate") == "translate"
        ]
        if not candidates:
            raise _error(
                "model-missing",
                f"Der Paket-Index hat kein Modell für {source} → {target}.",
                f"The package index has no model for {source} → {target}.",
            )
        best = max(candidates, key=lambda e: _version_key(str(e.get("package_version", ""))))
        links = [link for link in best.get("links", []) if isinstance(link, str)]
        problems: list[str] = []
        for link in links:
            with tempfile.TemporaryDirectory(prefix="a11y-download-") as tmp:
                file = Path(tmp) / f"translate-{source}_{target}.argosmodel"
                try:
                    _download(link, file, timeout)
                except (OSError, urllib.error.URLError, TranslationError) as exc:
                    problems.append(f"{link}: {exc}")
                    continue
                model = self.install_file(file)
            if (model.from_code, model.to_code) != (source, target):
                self.remove(model.name)
                raise _error(
                    "bad-package",
                    "Das geladene Paket passt nicht zum Index-Eintrag.",
                    "The downloaded package does not match its index entry.",
                )
            return model
        detail = "; ".join(problems) or "keine Links / no links"
        raise _error(
            "download-failed",
            f"Download fehlgeschlagen: {detail}",
            f"Download failed: {detail}",
        )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def fetch_index(url: str, timeout: float = DOWNLOAD_TIMEOUT) -> list[dict[str, Any]]:
    """Read the package index (a JSON list of package metadata)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            raw = response.read(64 * 1024**2)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        raise _error(
            "download-failed",
            f"Der Paket-Index ist nicht erreichbar: {url} ({exc})",
            f"The package index cannot be reached: {url} ({exc})",
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, list):
        raise _error(
            "bad-index",
            f"Der Paket-Index ist keine JSON-Liste: {url}",
            f"The package index is not a JSON list: {url}",
        )
    return [entry for entry in data if isinstance(entry, dict)]


def _download(url: str, target: Path, timeout: float) -> None:
    with urllib.request.urlopen(url, timeout=timeout) as response, target.open("wb") as out:
        written = 0
        while chunk := response.read(1024 * 1024):
            written += len(chunk)
            if written > MAX_PACKAGE_BYTES:
                raise _error(
                    "download-failed",
                    "Die Datei ist zu groß.",
                    "The file is too large.",
                )
            out.write(chunk)
