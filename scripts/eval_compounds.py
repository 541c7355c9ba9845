"""Accuracy of the compound splitter (checkers/text/compounds.py) on the gold list.

Usage: python scripts/eval_compounds.py [--half dev|test|all] [--errors N]

A word counts as right when the splitter returns exactly the gold parts (top-level split, linking
element kept with the modifier: "Haushalts·mitglieder"). Tune on the dev half only; report the
test half.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOLD = ROOT / "tests" / "text" / "data" / "compounds_gold.tsv"


def read_gold(half: str = "all") -> list[tuple[str, list[str], str]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, split, row_half, origin = line.split("\t")
        if half in ("all", row_half):
            rows.append((word, split.split("·"), origin))
    return rows


def evaluate(rows: list[tuple[str, list[str], str]]) -> tuple[float, list[tuple[str, str]]]:
    from checkers.text.compounds import split_compound
    from checkers.text.lexicon import get_lexicon

    lexicon = get_lexicon()
    errors = []
    for word, gold, _origin in rows:
        parts = split_compound(word, lexicon) or [word]
        if [p.lower() for p in parts] != [g.lower() for g in gold]:
            errors.append((word, "·".join(parts)))
    return 1 - len(errors) / max(1, len(rows)), errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", default="all", choices=("dev", "test", "all"))
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    for half in ("dev", "test") if args.half == "all" else (args.half,):
        rows = read_gold(half)
        accuracy, errors = evaluate(rows)
        real = [r for r in rows if r[2] == "real"]
        real_accuracy, _ = evaluate(real)
        print(f"{half}: {len(rows)} compounds, accuracy {accuracy:.3f} (real {real_accuracy:.3f})")
        for word, got in errors[: args.errors]:
            print(f"  {word} -> {got}")


if __name__ == "__main__":
    main()
