"""The understandability score measured where it was not fitted: TextComplexityDE split in two.

    PYTHONPATH=. .venv/bin/python scripts/score_halves.py [DATA_DIR]

The rated sentences are split FIRST, by sentence id with a fixed seed, into a development half
and a check half. The ridge model (the feature list and penalty of checkers/text/score_model.json)
is fitted on the development half only and reported on both halves: Pearson r and Spearman rho
with the readers' mean complexity rating, and agreement of the level (leicht, einfach, standard,
schwer; thresholds of the model file) with the level of the readers' rating. For comparison the
script also reports sentence length alone and the committed model (fitted on all sentences, so
its check-half figures are not out of sample). The data stays outside the repository.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import calibrate_score as cal  # noqa: E402

from checkers.text import score as score_mod  # noqa: E402
from checkers.text.lexicon import get_lexicon  # noqa: E402

SEED = 14  # the issue number: any fixed value, chosen before looking at results
LEVELS = ("leicht", "einfach", "standard", "schwer")


def split_ids(ids: list[int], seed: int = SEED) -> set[int]:
    """The development half: a seeded shuffle of the sorted sentence ids, first half."""
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    return set(shuffled[: len(shuffled) // 2])


def level_index(score: float, thresholds: tuple[float, float, float]) -> int:
    for index, bound in enumerate(thresholds):
        if score >= bound:
            return index
    return len(thresholds)


def to_score(mos: np.ndarray) -> np.ndarray:
    return np.clip(100.0 * (7.0 - mos) / 6.0, 0.0, 100.0)


def agreement(predicted: np.ndarray, truth: np.ndarray, thresholds) -> tuple[float, float]:
    got = np.asarray([level_index(s, thresholds) for s in to_score(predicted)])
    want = np.asarray([level_index(s, thresholds) for s in to_score(truth)])
    return float(np.mean(got == want)), float(np.mean(np.abs(got - want) <= 1))


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else cal.DEFAULT_DATA
    rows = cal._read_csv(data / "ratings.csv")
    lexicon = get_lexicon()
    model = score_mod.load_model()
    lam = float(
        json.loads(score_mod.MODEL_PATH.read_text("utf-8"))["sentence_model"]["ridge_lambda"]
    )
    dev_ids = split_ids([int(r["ID"]) for r in rows])
    dev = np.asarray([int(r["ID"]) in dev_ids for r in rows])
    check = ~dev
    feats = [cal.features_of(r["Sentence"], lexicon) for r in rows]
    x = np.asarray([[f[n] for n in model.features] for f in feats])
    words = np.asarray([[f["words"]] for f in feats])
    y = np.asarray([float(r["MOS_Complexity"]) for r in rows])
    groups = np.asarray([r["Article_ID"] for r in rows])
    print(f"{len(rows)} rated sentences: development half {dev.sum()}, check half {check.sum()}")
    print(f"features ({len(model.features)}): {', '.join(model.features)}; ridge lambda {lam:g}")

    fitted = cal.Ridge.fit(x[dev], y[dev], lam)
    length = cal.Ridge.fit(words[dev], y[dev], 0.0)
    committed = np.asarray([score_mod.predict_complexity(f, model) for f in feats])
    candidates = {
        "words only, fitted on dev": length.predict(words),
        "model, fitted on dev": fitted.predict(x),
        "committed model (all data)": committed,
    }
    loao_dev = cal.loao(x[dev], y[dev], groups[dev], lam)
    for name, pred in candidates.items():
        for half, mask in (("dev", dev), ("check", check)):
            exact, within = agreement(pred[mask], y[mask], model.thresholds)
            print(
                f"  {name:28s} {half:5s} r={cal.pearson(pred[mask], y[mask]):.3f} "
                f"rho={cal.spearman(pred[mask], y[mask]):.3f} level agreement {exact:.3f} "
                f"(within one level {within:.3f})"
            )
    exact, within = agreement(loao_dev, y[dev], model.thresholds)
    print(
        f"  {'model, dev leave-one-article-out':28s} dev   r={cal.pearson(loao_dev, y[dev]):.3f} "
        f"level agreement {exact:.3f} (within one level {within:.3f})"
    )
    counts = np.bincount(
        [level_index(s, model.thresholds) for s in to_score(y[check])], minlength=4
    )
    print(f"readers' levels in the check half: {dict(zip(LEVELS, counts.tolist(), strict=True))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
