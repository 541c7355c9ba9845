"""How well the score's level (leicht, einfach, standard, schwer) agrees with readers' ratings.

    PYTHONPATH=. .venv/bin/python scripts/level_agreement.py [DATA_DIR]

Sentence level: the readers' mean complexity rating (MOS, 1..7) is mapped to a level with the
readers' bounds (score = 100 * (7 - MOS) / 6, levels at 85 / 75 / 50, the READER_LEVELS of
calibrate_score.py) and compared with the level that the model's thresholds give the out-of-fold
predicted score (leave-one-article-out, so no article is scored by a model that saw it). The
articles are split in two halves by id (even / odd), and both are reported.
Document level: the Leichte Sprache article must be "leicht", the simplified texts of the
parallel corpus easier than their originals, Wikipedia articles "standard" or "schwer".
"""

from __future__ import annotations

import json
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
    lam = float(
        json.loads(score_mod.MODEL_PATH.read_text("utf-8"))["sentence_model"]["ridge_lambda"]
    )
    predicted = cal.loao(x, y, groups, lam)
    truth = cal.level_indices(cal.mos_scores(y), cal.READER_LEVELS)
    halves = {"even": np.asarray([int(g) % 2 == 0 for g in groups])}
    halves["odd"] = ~halves["even"]
    halves["all"] = np.ones_like(halves["even"])
    for name, mask in halves.items():
        exact, within = cal.level_agreement(predicted[mask], y[mask], model.thresholds)
        counts = np.bincount(truth[mask], minlength=4)
        print(
            f"sentences {name:4s} n={mask.sum():3d}: level agreement {exact:.3f}, "
            f"within one level {within:.3f}, r={cal.pearson(predicted[mask], y[mask]):.3f}; "
            f"readers' levels {dict(zip(LEVELS, counts.tolist(), strict=True))}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
