"""Benchmark of the text check: words per second of the full check (segmentation, metrics, every
rule) on a German corpus of at least 100,000 words, one process; and the wall time of
`a11y text` for one sentence from a cold start (a new process each time).

The corpus is built at run time from the sentences in ../shared/data/textcomplexityde-dev (not
committed) and the project's own test sentences, grouped into documents of about 300 words.
Unique sentences are fewer than 100,000 words, so the corpus repeats them; the first pass over
the unique documents (cold caches) is reported separately.
"""

from __future__ import annotations

import csv
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "textcomplexityde-dev"
TARGET_WORDS = 100_000


def load_sentences() -> list[str]:
    sentences: list[str] = []
    source = DATA / "source.csv"
    if source.is_file():
        with source.open(encoding="utf-8") as handle:
            sentences += [row["Sentence"] for row in csv.DictReader(handle)]
    parallel = DATA / "parallel_corpus.csv"
    if parallel.is_file():
        with parallel.open(encoding="utf-8") as handle:
            sentences += [row["Simplification"] for row in csv.DictReader(handle)]
    for name in ("morph_gold.tsv", "morph_heldout.tsv"):
        path = ROOT / "tests" / "text" / "data" / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    sentences.append(line.split("\t")[0])
    return [s.strip() for s in sentences if s.strip()]


def documents(sentences: list[str], words_per_doc: int = 300) -> list[str]:
    docs, current, count = [], [], 0
    for sentence in sentences:
        current.append(sentence)
        count += len(sentence.split())
        if count >= words_per_doc:
            docs.append(" ".join(current))
            current, count = [], 0
    if current:
        docs.append(" ".join(current))
    return docs


def main() -> int:
    from a11y_core import engines
    from checkers.text.engine import CheckRequest

    sentences = load_sentences()
    if not sentences:
        print("no corpus found", file=sys.stderr)
        return 2
    random.Random(7).shuffle(sentences)
    unique_docs = documents(sentences)
    unique_words = sum(len(d.split()) for d in unique_docs)
    docs = list(unique_docs)
    while sum(len(d.split()) for d in docs) < TARGET_WORDS:
        docs += unique_docs
    total_words = sum(len(d.split()) for d in docs)

    started = time.perf_counter()
    # Built where the CLI and the service build theirs: ./a11y.toml [text] if present.
    checker = engines.text_checker()
    load_s = time.perf_counter() - started

    for profile in ("leicht", "einfach"):
        findings = 0
        started = time.perf_counter()
        for doc in unique_docs:
            findings += len(checker.check(CheckRequest(doc, "plain", "de", profile)).findings)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        for doc in docs:
            checker.check(CheckRequest(doc, "plain", "de", profile))
        full_s = time.perf_counter() - started
        print(
            f"profile {profile}: first pass {unique_words} unique words in {cold_s:.2f} s = "
            f"{unique_words / cold_s:,.0f} words/s ({findings} findings)"
        )
        print(
            f"profile {profile}: corpus {total_words} words ({len(docs)} documents) in "
            f"{full_s:.2f} s = {total_words / full_s:,.0f} words/s"
        )
    print(f"resource load (lexicon, glossaries, rules) in-process: {load_s * 1000:.0f} ms")

    a11y = Path(sys.executable).parent / "a11y"
    command = [
        str(a11y),
        "text",
        "--text",
        "Der Antrag wird vom Amt geprüft.",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]
    times = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    print(
        f"cold start `a11y text` one sentence: median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f} s, max {max(times):.2f} s (7 runs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
