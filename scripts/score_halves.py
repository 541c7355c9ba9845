"""The understandability score measured where it was not fitted: TextComplexityDE split in two.

    PYTHONPATH=. .venv/bin/python scripts/score_halves.py [DATA_DIR]

The rated sentences are split FIRST, by sentence id with a fixed seed, into a development half
and a check half (``calibrate_score.dev_ids``). ``calibrate_score.py`` fits the committed model
and chooses its level thresholds on the development half only, so the committed model's
check-half figures are out of sample. Reported on both halves: Pearson r and Spearman rho with
the readers' mean complexity rating, and agreement of the level (leicht, einfach, standard,
schwer; the model's thresholds) with the readers' level (``calibrate_score.READER_LEVELS``).
For comparison: sentence length alone, and the committed model's features refitted on the
development half (the same as the committed model up to rounding). The data stays outside the
repository.
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
    lam = float(
        json.loads(score_mod.MODEL_PATH.read_text("utf-8"))["sentence_model"]["ridge_lambda"]
    )
    dev_ids = cal.dev_ids([int(r["ID"]) for r in rows])
    dev = np.asarray([int(r["ID"]) in dev_ids for r in rows])
    check = ~dev
    feats = [cal.features_of(r["Sentence"], lexicon) for r in rows]
    x = np.asarray([[f[n] for n in model.features] for f in feats])
    words = np.asarray([[f["words"]] for f in feats])
    y = np.asarray([float(r["MOS_Complexity"]) for r in rows])
    groups = np.asarray([r["Article_ID"] for r in rows])
    print(f"{len(rows)} rated sentences: development half {dev.sum()}, check half {check.sum()}")
    print(f"features ({len(model.features)}): {', '.join(model.features)}; ridge lambda {lam:g}")
    print(f"level thresholds {model.thresholds}; readers' levels at {cal.READER_LEVELS}")

    fitted = cal.Ridge.fit(x[dev], y[dev], lam)
    length = cal.Ridge.fit(words[dev], y[dev], 0.0)
    committed = np.asarray([score_mod.predict_complexity(f, model) for f in feats])
    candidates = {
        "words only, fitted on dev": length.predict(words),
        "model, refitted on dev": fitted.predict(x),
        "committed model": committed,
    }
    loao_dev = cal.loao(x[dev], y[dev], groups[dev], lam)
    for name, pred in candidates.items():
        for half, mask in (("dev", dev), ("check", check)):
            exact, within = cal.level_agreement(pred[mask], y[mask], model.thresholds)
            print(
                f"  {name:28s} {half:5s} r={cal.pearson(pred[mask], y[mask]):.3f} "
                f"rho={cal.spearman(pred[mask], y[mask]):.3f} level agreement {exact:.3f} "
                f"(within one level {within:.3f})"
            )
    exact, within = cal.level_agreement(loao_dev, y[dev], model.thresholds)
    print(
        f"  {'model, dev leave-one-article-out':28s} dev   r={cal.pearson(loao_dev, y[dev]):.3f} "
        f"level agreement {exact:.3f} (within one level {within:.3f})"
    )
    counts = np.bincount(
        cal.level_indices(cal.mos_scores(y[check]), cal.READER_LEVELS), minlength=4
    )
    print(f"readers' levels in the check half: {dict(zip(LEVELS, counts.tolist(), strict=True))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
