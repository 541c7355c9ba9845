"""Command line: ``python -m glossaries {validate,export,import}``.

Exit codes follow the rest of the tool: 0 success, 2 usage or file errors (with a bilingual
message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

from .errors import GlossaryError
from .loader import builtin_files, load_file, load_glossaries
from .model import KINDS, entry_to_dict
from .tbx import from_tbx, to_tbx
from .validation import validate_document

EXIT_OK = 0
EXIT_ERROR = 2


def _write(out: str, text: str) -> None:
    if out == "-":
        sys.stdout.write(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GlossaryError(
            f"Die Datei kann nicht geschrieben werden ({exc.strerror}).",
            f"The file cannot be written ({exc.strerror}).",
            path=out,
        ) from None


def _cmd_validate(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or builtin_files()
    started = time.perf_counter()
    for path in files:
        file_id, entries = load_file(path, use_cache=False)
        counts = Counter(e.kind for e in entries)
        detail = ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items()))
        print(f"OK {path} ({file_id}): {len(entries)} Einträge/entries ({detail})")
    # Also merge them: catches nothing new today, but proves the set loads as a whole.
    if args.files:
        load_glossaries(files, include_builtin=False)
    elapsed = (time.perf_counter() - started) * 1000
    print(f"Gültig / valid: {len(files)} Datei(en)/file(s) in {elapsed:.0f} ms")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    glossary = load_glossaries(args.glossary, include_builtin=not args.no_builtin)
    entries = [e for e in glossary.entries if not args.kind or e.kind in args.kind]
    _write(args.out, to_tbx(entries, source_lang=args.lang))
    if args.out != "-":
        print(f"{len(entries)} Einträge exportiert / entries exported: {args.out}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    # The schema wants ids like "my-terms": derive one from the file name if none is given.
    file_id = args.id or re.sub(r"[^a-z0-9_-]+", "-", Path(args.file).stem.lower()).strip("-_")
    file_id = file_id or "imported"
    entries = from_tbx(Path(args.file), source=file_id)
    doc = {
        "schema_version": 1,
        "id": file_id,
        "lang": "de",
        "entries": [entry_to_dict(e) for e in entries],
    }
    # Refuse to write a YAML file the loader would reject later.
    validate_document(doc, args.file)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    _write(args.out, text)
    if args.out != "-":
        print(f"{len(entries)} Einträge importiert / entries imported: {args.out}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m glossaries",
        description="Glossare prüfen, als TBX exportieren, aus TBX importieren. / "
        "Validate glossaries, export to TBX, import from TBX.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser(
        "validate", help="Glossar-Dateien prüfen / validate glossary files (default: built-in)"
    )
    validate.add_argument("files", nargs="*", help="YAML- oder TBX-Dateien / YAML or TBX files")
    validate.set_defaults(func=_cmd_validate)

    export = sub.add_parser("export", help="als TBX-Basic exportieren / export as TBX-Basic")
    export.add_argument("--out", required=True, help="Zieldatei (.tbx) oder - / output file or -")
    export.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="PATH",
        help="zusätzliche Glossar-Datei oder -Ordner / extra glossary file or directory",
    )
    export.add_argument(
        "--no-builtin", action="store_true", help="ohne eingebaute Glossare / without built-ins"
    )
    export.add_argument(
        "--kind", action="append", choices=KINDS, help="nur diese Art / only this kind"
    )
    export.add_argument("--lang", default="de", help="Ausgangssprache / source language")
    export.set_defaults(func=_cmd_export)

    imp = sub.add_parser("import", help="TBX in YAML umwandeln / convert TBX to YAML")
    imp.add_argument("file", help="TBX-Datei / TBX file")
    imp.add_argument("--out", required=True, help="Zieldatei (.yaml) oder - / output file or -")
    imp.add_argument("--id", help="Glossar-ID (Standard: Dateiname) / glossary id")
    imp.set_defaults(func=_cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GlossaryError as exc:
        print(f"Fehler / error:\n{exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
