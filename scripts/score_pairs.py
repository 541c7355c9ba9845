"""How well the score tells plain-language texts from their standard versions.

    PYTHONPATH=. .venv/bin/python scripts/score_pairs.py DIR [--hard-quarter W ...]

DIR holds pairs of UTF-8 text files, ``NAME.plain.txt`` and ``NAME.standard.txt`` (for example
a public body's page in Einfache or Leichte Sprache and its standard version). Third-party
pages stay outside the repository: collect them in a folder of your own and point the script
at it. For every pair the script prints both document scores and levels and the margin; then
the pair accuracy (plain scored easier than its own standard version) and the AUC over all
plain against all standard texts (ties count half). With ``--hard-quarter`` it also reports the
document aggregation with that weight of the hardest quarter of sentences, to compare
aggregations on the same pairs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checkers.text import score as score_mod  # noqa: E402
from checkers.text.lexicon import get_lexicon  # noqa: E402
from checkers.text.segment import segment  # noqa: E402


def sentence_scores(text: str, lexicon: object) -> list[tuple[float, int]]:
    pairs = []
    for sentence in segment(text):
        features = score_mod.sentence_features(sentence, lexicon)
        if features["words"]:
            pairs.append((score_mod.score_sentence(features), int(features["words"])))
    return pairs


def auc(positive: list[float], negative: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--hard-quarter", type=float, action="append", default=[])
    args = parser.parse_args(argv)
    names = sorted(p.name.removesuffix(".plain.txt") for p in args.folder.glob("*.plain.txt"))
    names = [n for n in names if (args.folder / f"{n}.standard.txt").is_file()]
    if not names:
        parser.error(f"no NAME.plain.txt with NAME.standard.txt in {args.folder}")
    lexicon = get_lexicon()
    model = score_mod.load_model()
    scored = {
        (name, kind): sentence_scores(
            (args.folder / f"{name}.{kind}.txt").read_text(encoding="utf-8"), lexicon
        )
        for name in names
        for kind in ("plain", "standard")
    }
    weights = [model.hard_quartile_weight, *args.hard_quarter]
    for weight in weights:
        plain, standard = [], []
        print(f"hardest-quarter weight {weight:g}:")
        for name in names:
            p = score_mod.aggregate_scores(scored[name, "plain"], weight, model.word_weighted)
            s = score_mod.aggregate_scores(scored[name, "standard"], weight, model.word_weighted)
            if p is None or s is None:
                continue
            plain.append(p)
            standard.append(s)
            print(
                f"  {name:30s} plain {p:5.1f} ({score_mod.level_for(p, model)})  standard "
                f"{s:5.1f} ({score_mod.level_for(s, model)})  margin {p - s:+.1f}"
            )
        right = sum(p > s for p, s in zip(plain, standard, strict=True))
        print(
            f"  pairs right {right}/{len(plain)}; AUC plain vs standard {auc(plain, standard):.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
