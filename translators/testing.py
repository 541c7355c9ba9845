"""Build tiny but real Argos Translate packages for tests and benchmarks.

Real ``.argosmodel`` files are hundreds of megabytes and come from the internet; the tests must run
offline and fast, yet exercise the real loading and inference code (SentencePiece, CTranslate2,
``translate_batch``). So this module trains a SentencePiece model on a few dozen sentences and
builds a small CTranslate2 Transformer from seeded numpy random weights through
``ctranslate2.specs`` (no torch). The output is deterministic nonsense: tests assert on structure
(markup, placeholders, terms, segments, states), never on wording.

Usage::

    from translators.testing import build_package
    path = build_package(tmp_dir, "de", "en")   # -> tmp_dir / "translate-de_en-1_0.argosmodel"
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np

CORPUS = (
    "Der Antrag wird vom Amt geprüft.",
    "Bitte rufen Sie uns an.",
    "Das Bürgeramt ist am Montag geschlossen.",
    "Sie bekommen einen Brief von uns.",
    "Wir helfen Ihnen gern bei dem Antrag.",
    "Die Sprechstunde ist jeden Dienstag von 9 bis 12 Uhr.",
    "Bringen Sie Ihren Ausweis mit.",
    "Das Formular finden Sie auf unserer Seite.",
    "Schreiben Sie uns eine E-Mail.",
    "Der Termin ist am 3. März 2025.",
    "Die Kosten betragen 25 Euro.",
    "Haben Sie noch Fragen?",
    "Das Jugendzentrum ist neu.",
    "Kinder und Jugendliche sind willkommen.",
    "Die Schule beginnt um 8 Uhr.",
    "The application is checked by the office.",
    "Please call us.",
    "The citizens office is closed on Monday.",
    "You will get a letter from us.",
    "We are happy to help you with the application.",
    "Bring your identity card.",
    "You can find the form on our page.",
    "Write us an e-mail.",
    "The appointment is on 3 March 2025.",
    "Do you have any questions?",
    "La demande est examinée par le bureau.",
    "Appelez-nous, s'il vous plaît.",
    "Vous recevez une lettre de notre part.",
    "Avez-vous des questions?",
    "L'école commence à 8 heures.",
    "Numbers 0 1 2 3 4 5 6 7 8 9 and signs < > / = : . , ; ! ? - _ @ # % & ( ) [ ] { }",
)


def _train_sentencepiece(workdir: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    prefix = workdir / "sentencepiece"
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS * 4),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _shape(name: str, vocab: int, d_model: int, ffn: int) -> tuple[int, ...]:
    """The weight shape CTranslate2 expects for a spec variable, derived from its scope name."""
    if name.endswith(("gamma", "beta")):
        return (d_model,)
    if "embeddings" in name or "projection" in name:
        return (vocab, d_model)
    if "ffn/linear_0" in name:
        return (ffn, d_model)
    if "ffn/linear_1" in name:
        return (d_model, ffn)
    if "self_attention/linear_0" in name:  # fused query, key and value
        return (3 * d_model, d_model)
    if "/attention/linear_1" in name:  # encoder-decoder attention: fused key and value
        return (2 * d_model, d_model)
    return (d_model, d_model)


def build_model_dir(
    model_dir: Path,
    tokens: list[str],
    *,
    layers: int = 2,
    d_model: int = 32,
    heads: int = 4,
    seed: int = 7,
    eos_bias: float = 3.0,
    inert_tokens: int = 0,
) -> None:
    """Save a random-weight Transformer over the vocabulary ``tokens`` as a CTranslate2 model.

    ``inert_tokens`` extra vocabulary entries get a prohibitive output bias: never produced, but
    computed at every step, so the output layer costs what it costs in a real model (Argos
    vocabularies have tens of thousands of entries). For benchmarks.
    """
    tokens = [*tokens, *(f"<inert_{i}>" for i in range(inert_tokens))]
    from ctranslate2.specs import TransformerSpec, model_spec

    spec = TransformerSpec.from_config(layers, heads)
    rng = np.random.default_rng(seed)
    ffn = 2 * d_model

    def fill(layer: object, name: str, value: object) -> None:
        if value is not None:
            return
        attribute = name.rsplit("/", 1)[-1]
        if attribute == "gamma":
            array = np.ones((d_model,), dtype=np.float32)
        elif attribute == "beta":
            array = np.zeros((d_model,), dtype=np.float32)
        else:
            shape = _shape(name, len(tokens), d_model, ffn)
            array = rng.normal(0.0, 0.3, size=shape).astype(np.float32)
        setattr(layer, attribute, array)

    model_spec.visit_spec(spec, fill)
    # A bias towards </s> (id 2 in SentencePiece) makes outputs end after a few tokens, roughly
    # like real translations, instead of always running to the decoding limit.
    bias = np.zeros((len(tokens),), dtype=np.float32)
    bias[2] = eos_bias
    if inert_tokens:
        bias[-inert_tokens:] = -1e4
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def build_package(
    out_dir: str | Path,
    from_code: str = "de",
    to_code: str = "en",
    *,
    package_version: str = "1.0",
    vocab_size: int = 160,
    seed: int | None = None,
    d_model: int = 32,
    layers: int = 2,
    inert_tokens: int = 0,
) -> Path:
    """Build ``translate-<from>_<to>-<version>.argosmodel`` in ``out_dir`` and return its path.

    The archive has the layout of real Argos packages: one top folder holding ``metadata.json``,
    ``sentencepiece.model`` and the CTranslate2 model in ``model/``.
    """
    import sentencepiece as spm

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    with tempfile.TemporaryDirectory(prefix="a11y-tiny-") as tmp:
        root = Path(tmp) / name
        root.mkdir()
        sp_path = _train_sentencepiece(Path(tmp), vocab_size)
        shutil.copy(sp_path, root / "sentencepiece.model")
        processor = spm.SentencePieceProcessor(model_file=str(sp_path))
        tokens = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
        if seed is None:
            seed = sum(map(ord, from_code + to_code))
        build_model_dir(
            root / "model", tokens, layers=layers, d_model=d_model, seed=seed,
            inert_tokens=inert_tokens,
        )
        metadata = {
            "package_version": package_version,
            "argos_version": "1.9.0",
            "from_code": from_code,
            "from_name": from_code,
            "to_code": to_code,
            "to_name": to_code,
            "type": "translate",
            "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text("Tiny random test model. Output is nonsense.\n")
        target = out / f"{name}.argosmodel"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                archive.write(path, path.relative_to(Path(tmp)).as_posix())
        target.write_bytes(buffer.getvalue())
    return target
