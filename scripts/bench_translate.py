"""Translation throughput: batched vs one sentence at a time, and the translation-memory hit path.

Builds the tiny random-weight Argos package from ``translators.testing`` (no download), installs
it into a temporary models directory and translates a 1,000-sentence German document three ways:

1. batched: the whole document in one ``translate_segments`` call (one ``translate_batch``);
2. one sentence at a time, same model, same settings, empty memory;
3. again with a warm translation memory (no model call at all).

The model is tiny, so absolute numbers say little about real Argos models (which spend far more
time per token); the ratio shows what batching buys. Runs in well under a minute on 2 cores.
Usage: ``python scripts/bench_translate.py [--sentences 1000] [--beam 2] [--batch 32]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from a11y_core import engines
from translators.models import ModelStore
from translators.testing import CORPUS, build_package


def make_sentences(count: int, seed: int = 1) -> list[str]:
    """Distinct German-looking sentences (no numbers: they would collapse into placeholders)."""
    words = sorted({w.strip(".,?!") for s in CORPUS[:15] for w in s.split() if w.isalpha()})
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        chosen = rng.sample(words, rng.randint(5, 12))
        sentence = " ".join(chosen).capitalize() + "."
        if sentence not in seen:
            seen.add(sentence)
            out.append(sentence)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    # Unset: the product's settings (A11Y_TRANSLATE_*, [translate] of ./a11y.toml).
    parser.add_argument("--beam", type=int)
    parser.add_argument("--batch", type=int)
    parser.add_argument("--threads", type=int, help="inter_threads")
    parser.add_argument("--d-model", type=int, default=32, help="width of the tiny model")
    parser.add_argument(
        "--vocab", type=int, default=0,
        help="extra inert vocabulary entries: a real-sized output layer (e.g. 16000)",
    )
    parser.add_argument("--intra", type=int, help="intra_threads (0: CTranslate2's)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="a11y-bench-") as tmp:
        started = time.perf_counter()
        package = build_package(
            Path(tmp) / "packages", "de", "en", d_model=args.d_model, inert_tokens=args.vocab
        )
        ModelStore(Path(tmp) / "models").install_file(package)
        print(f"tiny model built and installed in {time.perf_counter() - started:.2f} s")
        # The product's configuration (engines.translate_config), with the tiny model's folder
        # and the settings given on the command line; engines.translator builds the engine.
        product = engines.translate_config()
        given = {
            "beam_size": args.beam,
            "max_batch_size": args.batch,
            "inter_threads": args.threads,
            "intra_threads": args.intra,
        }
        engine = replace(
            product.engine,
            models_dir=Path(tmp) / "models",
            memory_path=None,  # an empty in-memory translation memory per engine
            **{name: value for name, value in given.items() if value is not None},
        )
        config = replace(product, engine=engine)
        sentences = make_sentences(args.sentences)
        document = " ".join(sentences)
        n = len(sentences)

        warm = engines.translator(config)
        warm.translate_segments(["Aufwärmen."], "de", "en")  # load the model outside the timing

        batched = engines.translator(config)
        batched._loaded = warm._loaded  # same loaded model, empty memory
        started, cpu = time.perf_counter(), time.process_time()
        result = batched.translate_segments([document], "de", "en")
        t_batched, c_batched = time.perf_counter() - started, time.process_time() - cpu
        assert result.stats["sentences"] == n, result.stats

        single = engines.translator(config)
        single._loaded = warm._loaded
        started, cpu = time.perf_counter(), time.process_time()
        for sentence in sentences:
            single.translate_segments([sentence], "de", "en")
        t_single, c_single = time.perf_counter() - started, time.process_time() - cpu
        assert single.stats["model_calls"] == n

        started = time.perf_counter()
        again = batched.translate_segments([document], "de", "en")
        t_memory = time.perf_counter() - started
        assert again.stats["memory_hits"] == n and batched.stats["model_calls"] == 1

        print(f"document: {n} sentences, beam {engine.beam_size}, max_batch_size "
              f"{engine.max_batch_size}, inter_threads {engine.inter_threads}, intra_threads "
              f"{engine.intra_threads}")
        print(f"batched           {t_batched:8.3f} s  {n / t_batched:9.0f} segments/s "
              f"({batched.stats['batches']} translate_batch calls)")
        print(f"one at a time     {t_single:8.3f} s  {n / t_single:9.0f} segments/s "
              f"({single.stats['model_calls']} calls)")
        print(f"memory hits       {t_memory:8.3f} s  {n / t_memory:9.0f} segments/s "
              "(0 model calls)")
        print(f"batching speed-up {t_single / t_batched:8.1f}x wall clock, "
              f"{c_single / c_batched:.1f}x CPU time ({c_batched:.2f} s vs {c_single:.2f} s; "
              "aim: 3x or more)")
        print("Wall clock varies with other load on the machine; CPU time is the steadier one.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
