"""How well the score's level (leicht, einfach, standard, schwer) agrees with readers' ratings.

    PYTHONPATH=. .venv/bin/python scripts/level_agreement.py [DATA_DIR]

Sentence level: the readers' mean complexity rating (MOS, 1..7) is mapped to a level with the
same thresholds as the score (score = 100 * (7 - MOS) / 6, levels at 85 / 75 / 50), and compared
with the level of the out-of-fold predicted score (leave-one-article-out, so no article is scored
by a model that saw it). The articles are split in two halves by id (even / odd): thresholds may
be chosen on one half, the other half is reported as well.
Document level: the Leichte Sprache article must be "leicht", the simplified texts of the
parallel corpus easier than their originals, Wikipedia articles "standard" or "schwer".
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import calibrate_score as cal  # noqa: E402

from checkers.text import score as score_mod  # noqa: E402
from checkers.text.lexicon import get_lexicon  # noqa: E402

LEVELS = ("leicht", "einfach", "standard", "schwer")


def level_of(score: float, thresholds: tuple[float, float, float]) -> int:
    for index, bound in enumerate(thresholds):
        if score >= bound:
            return index
    return 3


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else cal.DEFAULT_DATA
    rows = cal._read_csv(data / "ratings.csv")
    lexicon = get_lexicon()
    model = score_mod.load_model()
    x = np.asarray(
        [[cal.features_of(r["Sentence"], lexicon)[n] for n in model.features] for r in rows]
    )
    y = np.asarray([float(r["MOS_Complexity"]) for r in rows])
    groups = np.asarray([r["Article_ID"] for r in rows])
    predicted = cal.loao(x, y, groups, 10.0)
    scores = np.clip(100 * (7 - predicted) / 6, 0, 100)
    truth = np.clip(100 * (7 - y) / 6, 0, 100)
    thresholds = model.thresholds
    halves = {"even": np.asarray([int(g) % 2 == 0 for g in groups])}
    halves["odd"] = ~halves["even"]
    halves["all"] = np.ones_like(halves["even"])
    for name, mask in halves.items():
        got = np.asarray([level_of(s, thresholds) for s in scores[mask]])
        want = np.asarray([level_of(s, thresholds) for s in truth[mask]])
        exact = float(np.mean(got == want))
        within = float(np.mean(np.abs(got - want) <= 1))
        counts = np.bincount(want, minlength=4)
        print(
            f"sentences {name:4s} n={mask.sum():3d}: level agreement {exact:.3f}, "
            f"within one level {within:.3f}, r={cal.pearson(predicted[mask], y[mask]):.3f}; "
            f"readers' levels {dict(zip(LEVELS, counts.tolist(), strict=True))}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
