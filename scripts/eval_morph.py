"""Evaluate checkers/text/morph/: passive, Konjunktiv and genitive detection.

Usage
    python scripts/eval_morph.py                      # both TSV files in tests/text/data
    python scripts/eval_morph.py --no-zp              # Zustandspassiv not counted as passive
    python scripts/eval_morph.py --errors 40 FILE.tsv
    python scripts/eval_morph.py --conllu de_hdt-ud-test.conllu [--pipeline de_core_news_lg]
    python scripts/eval_morph.py --no-zp --compact pud_gold.tsv --split dev [--errors 40]

TSV files: ``sentence<TAB>passive<TAB>subjunctive<TAB>genitive<TAB>note``, comment lines start
with "#"; a note containing "ZP" marks a sentence whose only passive is a Zustandspassiv.

CoNLL-U: gold per sentence from FEATS/DEPREL (passive: Voice=Pass or deprel aux:pass;
subjunctive: Mood=Sub; genitive: Case=Gen) and, at token level, the words carrying them; a
predicted hit covers a gold word when their character spans overlap. Nothing is downloaded here:
pass a treebank file you already have.

Compact treebank gold (``--compact``): one sentence a line,
``sent_id<TAB>text<TAB>passive<TAB>subjunctive<TAB>genitive``, each word list holding the words
that carry the UD feature as ``id:form`` (same definitions as for CoNLL-U); lines starting with
"#" are comments. ``--split dev`` keeps the sentences with an odd index (0-based, file order),
``--split check`` the even ones; the split is fixed so that tuning on dev never sees check.
Besides sentence and token level, ``phrase`` level counts runs of adjacent gold words as one
unit (a genitive phrase "des neuen Antrags" is one finding an editor acts on).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checkers.text.morph import MorphAnalyzer, MorphHit, get_morph_analyzer  # noqa: E402
from checkers.text.segment import segment  # noqa: E402

KINDS = ("passive", "subjunctive", "genitive")
DATA = ROOT / "tests" / "text" / "data"
DEFAULT_FILES = (DATA / "morph_gold.tsv", DATA / "morph_heldout.tsv")


@dataclass(slots=True)
class Row:
    text: str
    gold: dict[str, bool]
    note: str = ""
    # token-level gold (CoNLL-U only): kind -> character spans of the marked words
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # phrase-level gold: kind -> character spans of runs of adjacent marked words
    phrases: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass(slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<12} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}  "
                f"tp={self.tp} fp={self.fp} fn={self.fn} tn={self.tn}")


@dataclass(slots=True)
class Result:
    sentence: dict[str, Confusion]
    token: dict[str, Confusion]
    phrase: dict[str, Confusion]
    errors: list[tuple[str, str, Row, list[MorphHit]]]
    words: int
    seconds: float


def load_tsv(path: Path, include_zustandspassiv: bool = True) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        text, flags, note = parts[0], parts[1:4], parts[4] if len(parts) > 4 else ""
        gold = {kind: flag.strip() == "1" for kind, flag in zip(KINDS, flags, strict=True)}
        if not include_zustandspassiv and "ZP" in note.split(";")[0].split():
            gold["passive"] = False
        rows.append(Row(text, gold, note))
    return rows


def load_conllu(path: Path) -> list[Row]:
    rows: list[Row] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        row = _conllu_sentence(block)
        if row is not None:
            rows.append(row)
    return rows


def _conllu_sentence(block: str) -> Row | None:
    text = None
    words: list[tuple[str, str, str, bool]] = []  # form, feats, deprel, space after
    for line in block.splitlines():
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
            continue
        words.append((cols[1], cols[5], cols[7], "SpaceAfter=No" not in cols[9]))
    if not words:
        return None
    spans: dict[str, list[tuple[int, int]]] = {kind: [] for kind in KINDS}
    rebuilt, offsets = _rebuild(words)
    text = text if text is not None and text == rebuilt else rebuilt
    for (form, feats, deprel, _), start in zip(words, offsets, strict=True):
        span = (start, start + len(form))
        feat = set(feats.split("|"))
        if "Voice=Pass" in feat or deprel == "aux:pass":
            spans["passive"].append(span)
        if "Mood=Sub" in feat:
            spans["subjunctive"].append(span)
        if "Case=Gen" in feat:
            spans["genitive"].append(span)
    gold = {kind: bool(spans[kind]) for kind in KINDS}
    return Row(text, gold, "", spans)


_WORD_RE = re.compile(r"\w+|[^\w\s]")


def load_compact(path: Path, split: str = "all") -> list[Row]:
    """Read compact treebank gold (see the module docstring); ``split`` is all, dev or check."""
    rows: list[Row] = []
    index = -1
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        index += 1
        if (split == "dev" and index % 2 == 0) or (split == "check" and index % 2 == 1):
            continue
        parts = [*line.split("\t"), "", "", ""][:5]
        text = parts[1]
        spans: dict[str, list[tuple[int, int]]] = {}
        phrases: dict[str, list[tuple[int, int]]] = {}
        for kind, column in zip(KINDS, parts[2:5], strict=True):
            words = [(int(i), form) for i, form in
                     (item.split(":", 1) for item in column.split())]
            located = [(i, _locate(text, form, i)) for i, form in words]
            spans[kind] = [span for _, span in located]
            phrases[kind] = _runs(located)
        gold = {kind: bool(spans[kind]) for kind in KINDS}
        rows.append(Row(text, gold, parts[0], spans, phrases))
    return rows


def _locate(text: str, form: str, word_id: int) -> tuple[int, int]:
    """Character span of ``form`` in ``text`` nearest to the ``word_id``-th UD word.

    UD ids count "im" as two words and split hyphens, so the id only estimates the position:
    among the occurrences of the form, take the one whose preceding word count is closest.
    """
    best: tuple[int, int] | None = None
    best_distance = 10**9
    for match in re.finditer(re.escape(form), text):
        start, end = match.span()
        if (start > 0 and text[start - 1].isalnum() and form[0].isalnum()) or \
                (end < len(text) and text[end].isalnum() and form[-1].isalnum()):
            continue
        distance = abs(len(_WORD_RE.findall(text[:start])) + 1 - word_id)
        if distance < best_distance:
            best, best_distance = (start, end), distance
    if best is None:
        raise ValueError(f"{form!r} not found in {text!r}")
    return best


def _runs(located: list[tuple[int, tuple[int, int]]]) -> list[tuple[int, int]]:
    """Merge words whose ids are adjacent (or one apart, across a hyphen) into phrase spans."""
    runs: list[tuple[int, int]] = []
    last_id = -10
    for word_id, (start, end) in sorted(located):
        if runs and word_id - last_id <= 2 and start - runs[-1][1] <= 2:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
        last_id = word_id
    return runs


def _rebuild(words: Sequence[tuple[str, str, str, bool]]) -> tuple[str, list[int]]:
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for form, _, _, space in words:
        offsets.append(pos)
        parts.append(form + (" " if space else ""))
        pos += len(form) + (1 if space else 0)
    return "".join(parts).rstrip(), offsets


def analyze_row(analyzer: MorphAnalyzer, text: str) -> list[MorphHit]:
    hits: list[MorphHit] = []
    for sentence in segment(text):
        hits.extend(analyzer.analyze(sentence, text))
    return hits


def evaluate(analyzer: MorphAnalyzer, rows: Iterable[Row]) -> Result:
    sentence = {kind: Confusion() for kind in KINDS}
    token = {kind: Confusion() for kind in KINDS}
    phrase = {kind: Confusion() for kind in KINDS}
    errors: list[tuple[str, str, Row, list[MorphHit]]] = []
    words = 0
    elapsed = 0.0
    for row in rows:
        words += len(row.text.split())
        t0 = time.perf_counter()
        hits = analyze_row(analyzer, row.text)
        elapsed += time.perf_counter() - t0
        for kind in KINDS:
            predicted = any(h.kind == kind for h in hits)
            sentence[kind].add(row.gold[kind], predicted)
            if predicted != row.gold[kind]:
                errors.append((kind, "FP" if predicted else "FN", row, hits))
            if row.spans:
                _token_level(token[kind], row.spans[kind], [h for h in hits if h.kind == kind])
            if row.phrases:
                _token_level(phrase[kind], row.phrases[kind], [h for h in hits if h.kind == kind])
    return Result(sentence, token, phrase, errors, words, elapsed)


def _token_level(conf: Confusion, gold: list[tuple[int, int]], hits: list[MorphHit]) -> None:
    covered = [(h.start, h.end) for h in hits]
    for start, end in gold:
        conf.add(True, any(s < end and start < e for s, e in covered))
    for s, e in covered:
        if not any(s < end and start < e for start, end in gold):
            conf.fp += 1


def report(name: str, result: Result, max_errors: int) -> None:
    print(f"== {name}: {sum(c.tp + c.fn for c in result.sentence.values())} positives, "
          f"{result.words} words, {result.words / max(result.seconds, 1e-9):,.0f} words/s")
    for kind in KINDS:
        print("  sentence " + result.sentence[kind].line(kind))
    if any(c.tp + c.fp + c.fn for c in result.token.values()):
        for kind in KINDS:
            print("  token    " + result.token[kind].line(kind))
    if any(c.tp + c.fp + c.fn for c in result.phrase.values()):
        for kind in KINDS:
            print("  phrase   " + result.phrase[kind].line(kind))
    for kind, what, row, hits in result.errors[:max_errors]:
        found = "; ".join(f"{h.subkind}:{row.text[h.start:h.end]}" for h in hits
                          if h.kind == kind)
        print(f"  {what} {kind:<11} {row.text}  [{found}] {row.note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--conllu", type=Path, action="append", default=[])
    parser.add_argument("--compact", type=Path, action="append", default=[],
                        help="compact treebank gold (sent_id, text, word lists)")
    parser.add_argument("--split", choices=("all", "dev", "check"), default="all",
                        help="half of the compact gold: odd index = dev, even = check")
    parser.add_argument("--pipeline", help="spaCy pipeline name/path (default: lexical)")
    parser.add_argument("--no-zp", action="store_true", help="Zustandspassiv is not passive")
    parser.add_argument("--errors", type=int, default=1000, help="errors to list per file")
    args = parser.parse_args(argv)
    include_zp = not args.no_zp
    analyzer = get_morph_analyzer(args.pipeline, include_zustandspassiv=include_zp)
    files = args.files or ([] if args.conllu or args.compact
                           else [f for f in DEFAULT_FILES if f.is_file()])
    for path in files:
        report(path.name, evaluate(analyzer, load_tsv(path, include_zp)), args.errors)
    for path in args.conllu:
        report(path.name, evaluate(analyzer, load_conllu(path)), args.errors)
    for path in args.compact:
        report(f"{path.name} [{args.split}]", evaluate(analyzer, load_compact(path, args.split)),
               args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
