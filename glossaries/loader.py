"""Load, validate and merge glossary files (built-in YAML plus user YAML/TBX files).

Loading happens once per process in practice, but the CLI and the web service may call
:func:`load_glossaries` repeatedly; parsed files are therefore cached by (path, mtime, size), so a
repeated call costs only a few ``stat`` calls and an edited user file is picked up.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import cache as disk_cache
from .errors import GlossaryError
from .model import Glossary, GlossaryEntry, entry_from_dict, entry_to_dict
from .validation import check_examples, check_unique, schema_bytes, validate_document

BUILTIN_DIR = Path(__file__).resolve().with_name("data")
YAML_SUFFIXES = (".yaml", ".yml")
GLOSSARY_SUFFIXES = (*YAML_SUFFIXES, ".tbx")

_Stamp = tuple[str, int, int]


def builtin_files() -> list[Path]:
    return sorted(p for p in BUILTIN_DIR.iterdir() if p.suffix in YAML_SUFFIXES)


def _expand(paths: Sequence[str | Path]) -> list[Path]:
    """Files named directly plus the glossary files inside named directories (sorted by name)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in GLOSSARY_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError(
                "Die Glossar-Datei oder der Ordner wurde nicht gefunden.",
                "The glossary file or directory was not found.",
                path=path,
            )
    return files


def _stamp(path: Path) -> _Stamp:
    try:
        stat = path.stat()
    except OSError as exc:
        raise GlossaryError(
            f"Die Datei kann nicht gelesen werden ({exc.strerror}).",
            f"The file cannot be read ({exc.strerror}).",
            path=path,
        ) from None
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GlossaryError(
            "Die Datei ist nicht in UTF-8 gespeichert.",
            "The file is not saved as UTF-8.",
            path=path,
        ) from None
    except OSError as exc:
        raise GlossaryError(
            f"Die Datei kann nicht gelesen werden ({exc.strerror}).",
            f"The file cannot be read ({exc.strerror}).",
            path=path,
        ) from None


def _parse_yaml(path: Path, text: str) -> Any:
    # Imported lazily (~25 ms) because a warm load of the built-ins never parses YAML.
    import yaml

    # The C loader parses the built-in files several times faster than the pure-Python one.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where_de = f" in Zeile {mark.line + 1}, Spalte {mark.column + 1}" if mark else ""
        where_en = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise GlossaryError(
            f"YAML-Syntaxfehler{where_de}: {problem}",
            f"YAML syntax error{where_en}: {problem}",
            path=path,
        ) from None


def _check_entries(entries: Sequence[GlossaryEntry], path: Path) -> None:
    check_unique(entries, path)
    for index, entry in enumerate(entries):
        if not entry.disabled:
            check_examples(entry, index, path)


def _entries(doc: Any) -> tuple[GlossaryEntry, ...]:
    defaults = doc.get("defaults", {})
    return tuple(entry_from_dict(item, doc["id"], defaults) for item in doc["entries"])


def _load_yaml_file(
    path: Path, use_disk_cache: bool = True
) -> tuple[str, tuple[GlossaryEntry, ...]]:
    text = _read_text(path)
    # Only built-in files go through the disk cache: they are large and change only with a
    # release, while user files are small and edited often.
    key = None
    if use_disk_cache and path.parent == BUILTIN_DIR:
        key = disk_cache.digest(text.encode("utf-8"), schema_bytes())
        doc = disk_cache.lookup(path.name, key)
        if doc is not None:
            return doc["id"], _entries(doc)
    doc = _parse_yaml(path, text)
    validate_document(doc, path)
    entries = _entries(doc)
    _check_entries(entries, path)
    if key is not None:
        disk_cache.remember(path.name, key, doc)
    return doc["id"], entries


def _load_tbx_file(path: Path) -> tuple[str, tuple[GlossaryEntry, ...]]:
    from .tbx import from_tbx

    file_id = path.stem
    entries = tuple(from_tbx(path, source=file_id))
    # Run the imported entries through the same schema as YAML, so both obey one set of rules.
    doc = {
        "schema_version": 1,
        "id": file_id,
        "lang": "de",
        "entries": [entry_to_dict(e) for e in entries],
    }
    validate_document(doc, path)
    _check_entries(entries, path)
    return file_id, entries


@lru_cache(maxsize=128)
def _load_file_cached(stamp: _Stamp) -> tuple[str, tuple[GlossaryEntry, ...]]:
    path = Path(stamp[0])
    if path.suffix.lower() == ".tbx":
        return _load_tbx_file(path)
    return _load_yaml_file(path)


def load_file(path: str | Path, *, use_cache: bool = True) -> tuple[str, tuple[GlossaryEntry, ...]]:
    """Parse and validate one glossary file; returns (file id, entries in file order).

    ``use_cache=False`` re-reads and fully re-validates the file (what ``validate`` wants).
    """
    stamp = _stamp(Path(path))
    if use_cache:
        return _load_file_cached(stamp)
    if stamp[0].lower().endswith(".tbx"):
        return _load_tbx_file(Path(stamp[0]))
    return _load_yaml_file(Path(stamp[0]), use_disk_cache=False)


@lru_cache(maxsize=16)
def _merge(stamps: tuple[_Stamp, ...]) -> Glossary:
    merged: dict[tuple[str, str], GlossaryEntry] = {}
    sources: list[str] = []
    for stamp in stamps:
        file_id, entries = _load_file_cached(stamp)
        sources.append(file_id)
        for entry in entries:
            if entry.disabled:
                merged.pop(entry.key, None)
            else:
                # Assigning keeps the built-in's position, so overrides do not reorder output.
                merged[entry.key] = entry
    return Glossary(merged.values(), sources)


def load_glossaries(
    extra_paths: Sequence[str | Path] = (), include_builtin: bool = True
) -> Glossary:
    """Built-in glossaries merged with user files (YAML/TBX files or directories of them).

    Entries are keyed by (kind, case-folded term); a later file replaces an earlier entry with the
    same key and ``disabled: true`` removes it. Raises :class:`GlossaryError` on any invalid file.
    """
    files = (builtin_files() if include_builtin else []) + _expand(extra_paths)
    return _merge(tuple(_stamp(path) for path in files))
