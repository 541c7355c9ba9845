"""Rewrite glossary examples from the old ``fails: true|false`` form to the rule framework's
``expect`` / ``at`` form (``checkers.rules.Example``).

Usage: python scripts/migrate_glossary_examples.py FILE.yaml [FILE.yaml ...]

A fail example becomes ``{text: "...", expect: failed, at: "<span>"}``, where the span is what the
text check's real matcher finds for the entry in that text (an inflected form, or a verb phrase
whose verb stands apart, is named as found); a pass example becomes ``{text: "...", expect: null}``.
Only the example lines change, so comments and layout stay. Works on user glossaries too (the
matcher is built from the file's own entries). A fail example the matcher does not find keeps no
``at`` and is listed on stderr: the loader then says what is wrong with it.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# One example per line, as the built-in files and the documentation write them.
OLD = re.compile(
    r'^(?P<indent>\s*- )\{text: (?P<text>"(?:[^"\\]|\\.)*"), fails: (?P<fails>true|false)\}$'
)
ENTRY = re.compile(r"^  - ")


def _span(resources: Any, entry: Any, text: str) -> str | None:
    from checkers.text.analysis import AnalyzedText

    doc = AnalyzedText.build(text, "de", "leicht", resources)
    hits = [
        text[hit.start : hit.end]
        for sentence in doc.sentences
        for hit in resources.terms.find(sentence, (entry.kind,))
        if hit.entry.term == entry.term
    ]
    return hits[0] if hits else None


def migrate(path: Path, base: Any) -> int:
    """Rewrite ``path`` in place; the number of fail examples left without a span."""
    from checkers.text.terms import TermMatcher
    from glossaries import entry_from_dict

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    raw = yaml.safe_load("".join(lines))
    items = raw["entries"] if isinstance(raw, dict) else raw
    defaults = raw.get("defaults", {}) if isinstance(raw, dict) else {}
    entries = [
        entry_from_dict({k: v for k, v in item.items() if k != "examples"}, path.name, defaults)
        for item in items
    ]
    resources = replace(base, terms=TermMatcher(entries, base.lexicon))
    index, missing = -1, 0
    for n, line in enumerate(lines):
        if ENTRY.match(line):
            index += 1
        match = OLD.match(line.rstrip("\n"))
        if not match:
            continue
        head = f"{match['indent']}{{text: {match['text']}"
        if match["fails"] == "false":
            lines[n] = f"{head}, expect: null}}\n"
            continue
        text = json.loads(match["text"])
        span = _span(resources, entries[index], text)
        if span is None:
            missing += 1
            print(f"{path}:{n + 1}: {entries[index].term!r} not found in {text!r}", file=sys.stderr)
            lines[n] = f"{head}, expect: failed}}\n"
        else:
            lines[n] = f"{head}, expect: failed, at: {json.dumps(span, ensure_ascii=False)}}}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return missing


def main(argv: list[str]) -> int:
    from checkers.text.engine import TextChecker

    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    base = TextChecker.create().resources
    missing = sum(migrate(Path(name), base) for name in argv)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
