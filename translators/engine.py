"""The translation engine: Argos packages run directly on CTranslate2 and SentencePiece.

Why not ``argostranslate.translate``: it imports stanza (and so torch) at module level and picks a
sentence splitter that downloads models at run time. Here the project's own segmenter
(``checkers.text.segment``, German; a small rule-based splitter for other languages) cuts the
text into sentences, all sentences of a request go to the model together (sorted by length and
sent to ``translate_batch`` in chunks of ``max_batch_size``), and a translation memory makes
sure an identical sentence is translated once. Without a direct package the text goes through
English (``pivot="en"`` in the result). Models load lazily and stay loaded.

``Translator.translate_segments`` is the low-level call (texts with placeholder tags in, texts
with tags out); ``Translator.translate_document`` extracts segments from HTML, Markdown or plain
text, protects terms and literals, translates, runs QA and returns a document that can be
rendered again after human edits.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from a11y_core.config.env import env_int
from translators import tags
from translators.document import Format, TranslatedDocument
from translators.errors import ModelNotInstalledError, TranslationError
from translators.markup import detect_format, extract, has_text
from translators.memory import TranslationMemory
from translators.models import InstalledModel, ModelStore
from translators.protect import protect
from translators.sentences import split_sentences
from translators.terminology import Terminology

if TYPE_CHECKING:
    from glossaries.model import Glossary, GlossaryEntry

PIVOT = "en"
@dataclass(frozen=True, slots=True)
class EngineConfig:
    """Throughput settings; ``from_env`` reads the ``A11Y_TRANSLATE_*`` variables."""

    models_dir: Path | None = None
    device: str = "cpu"
    inter_threads: int = 1  # batches translated in parallel
    # Threads per batch. 1, not CTranslate2's default (0 = 4 OpenMP threads): on the 2-core
    # machines this runs on, shared with the web service, more threads spin against each other;
    # measured 3x slower with 2 and 10x slower with the default. Raise it on a dedicated host.
    intra_threads: int = 1
    compute_type: str = "default"
    beam_size: int = 2
    max_batch_size: int = 32
    max_decoding_length: int = 256
    memory_size: int = 20000
    memory_path: Path | None = None  # SQLite file for a persistent translation memory

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EngineConfig:
        """The ``A11Y_TRANSLATE_*``, ``A11Y_MODELS_DIR`` and ``A11Y_TRANSLATION_MEMORY``
        settings; a wrong number is an :class:`a11y_core.config.EnvSettingError` naming the
        variable (the one parser of the service's settings)."""
        env = os.environ if env is None else env
        base = cls()  # slots dataclass: class attributes are descriptors, not defaults
        models = env.get("A11Y_MODELS_DIR")
        memory = env.get("A11Y_TRANSLATION_MEMORY")
        return cls(
            models_dir=Path(models) if models else None,
            device=env.get("A11Y_TRANSLATE_DEVICE", base.device),
            inter_threads=env_int(env, "A11Y_TRANSLATE_THREADS", base.inter_threads),
            intra_threads=env_int(env, "A11Y_TRANSLATE_INTRA_THREADS", base.intra_threads),
            compute_type=env.get("A11Y_TRANSLATE_COMPUTE_TYPE", base.compute_type),
            beam_size=env_int(env, "A11Y_TRANSLATE_BEAM_SIZE", base.beam_size),
            max_batch_size=env_int(env, "A11Y_TRANSLATE_BATCH_SIZE", base.max_batch_size),
            memory_path=Path(memory) if memory else None,
        )


@dataclass(slots=True)
class SegmentTranslation:
    text: str
    pivot: str | None = None
    from_memory: bool = False
    repaired: list[str] = field(default_factory=list)  # tags the model lost; re-appended


@dataclass(slots=True)
class TranslationResult:
    source: str
    target: str
    segments: list[SegmentTranslation]
    pivot: str | None = None
    models: list[str] = field(default_factory=list)  # package versions along the route
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.segments]


@dataclass(slots=True)
class _Loaded:
    translator: Any  # ctranslate2.Translator
    tokenizer: Any  # sentencepiece.SentencePieceProcessor
    model: InstalledModel


class Translator:
    """Loads installed packages lazily and translates with batching and a translation memory."""

    def __init__(
        self,
        config: EngineConfig | None = None,
        store: ModelStore | None = None,
        memory: TranslationMemory | None = None,
    ) -> None:
        self.config = config or EngineConfig.from_env()
        self.store = store or ModelStore(self.config.models_dir)
        self.memory = memory or TranslationMemory(
            self.config.memory_size, self.config.memory_path
        )
        self._loaded: dict[Path, _Loaded] = {}
        self._lock = threading.Lock()
        # Counters for tests and benchmarks: how often the model really ran.
        self.stats = {"model_calls": 0, "batches": 0, "model_sentences": 0, "memory_hits": 0}

    # --- models ------------------------------------------------------------------------------

    def route(self, source: str, target: str) -> list[InstalledModel]:
        """The packages to run: the direct pair, else source→en→target."""
        pairs = {(m.from_code, m.to_code): m for m in self.store.list()}
        if (source, target) in pairs:
            return [pairs[(source, target)]]
        if PIVOT not in (source, target) and (source, PIVOT) in pairs and (PIVOT, target) in pairs:
            return [pairs[(source, PIVOT)], pairs[(PIVOT, target)]]
        raise ModelNotInstalledError(source, target)

    def _load(self, model: InstalledModel) -> _Loaded:
        with self._lock:
            loaded = self._loaded.get(model.path)
            if loaded is not None and loaded.model == model:
                return loaded
            import ctranslate2
            import sentencepiece

            try:
                translator = ctranslate2.Translator(
                    str(model.model_dir),
                    device=self.config.device,
                    compute_type=self.config.compute_type,
                    inter_threads=self.config.inter_threads,
                    intra_threads=self.config.intra_threads,
                )
                tokenizer = sentencepiece.SentencePieceProcessor(
                    model_file=str(model.tokenizer_path)
                )
            except (RuntimeError, OSError, ValueError) as exc:
                raise TranslationError(
                    "model-broken",
                    f"Das Modell {model.name} kann nicht geladen werden: {exc}",
                    f"The model {model.name} cannot be loaded: {exc}",
                ) from None
            loaded = _Loaded(translator, tokenizer, model)
            self._loaded[model.path] = loaded
            return loaded

    def _run_model(self, model: InstalledModel, texts: list[str]) -> list[str]:
        """Translate ``texts`` with one model: sorted by length, in ``translate_batch`` chunks.

        Sorting and chunking here (rather than leaving it to CTranslate2) lets each chunk have
        its own decoding limit (twice its longest input plus 10 tokens), so a model that
        garbles and never stops cannot make short sentences decode as long as the longest one.
        """
        loaded = self._load(model)
        tokens = loaded.tokenizer.encode(texts, out_type=str)
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        size = max(1, self.config.max_batch_size)
        outputs: list[str] = [""] * len(texts)
        skip = 1 if model.target_prefix else 0
        for begin in range(0, len(order), size):
            chunk = order[begin : begin + size]
            batch = [tokens[i] for i in chunk]
            longest = max((len(t) for t in batch), default=1)
            results = loaded.translator.translate_batch(
                batch,
                target_prefix=[[model.target_prefix]] * len(batch) if skip else None,
                max_batch_size=size,
                beam_size=self.config.beam_size,
                num_hypotheses=1,
                replace_unknowns=True,
                max_decoding_length=min(self.config.max_decoding_length, 2 * longest + 10),
            )
            self.stats["batches"] += 1
            for index, result in zip(chunk, results, strict=True):
                outputs[index] = loaded.tokenizer.decode(result.hypotheses[0][skip:])
        self.stats["model_calls"] += 1
        self.stats["model_sentences"] += len(texts)
        return outputs

    # --- translation -------------------------------------------------------------------------

    def translate_segments(
        self, texts: list[str], source: str, target: str
    ) -> TranslationResult:
        """Translate texts (which may hold ``<xN/>`` / ``<gN>…</gN>`` tags), one batch in all."""
        started = time.perf_counter()
        if source == target:
            return TranslationResult(
                source, target, [SegmentTranslation(t) for t in texts], stats={"sentences": 0}
            )
        route = self.route(source, target)
        version = "+".join(m.version for m in route)
        pivot = route[0].to_code if len(route) > 1 else None
        plans: list[tuple[str, list[tuple[str, str, dict[str, str] | None]]]] = []
        misses: dict[str, None] = {}
        cached: dict[str, str] = {}
        for text in texts:
            prefix, pieces = split_sentences(text, source)
            plan = []
            for piece, separator in pieces:
                if not has_text(piece):
                    plan.append((piece, separator, None))
                    continue
                local, back = tags.renumber(piece.strip())
                plan.append((local, separator, back))
                if local in cached or local in misses:
                    continue
                hit = self.memory.get((source, target, version, local))
                if hit is None:
                    misses[local] = None
                else:
                    cached[local] = hit
            plans.append((prefix, plan))
        memory_hits = len(cached)
        self.stats["memory_hits"] += memory_hits
        fresh: dict[str, str] = {}
        if misses:
            batch = list(misses)
            outputs = batch
            for model in route:
                outputs = self._run_model(model, outputs)
            fresh = {src: tags.canonical(out) for src, out in zip(batch, outputs, strict=True)}
            self.memory.put_many([((source, target, version, s), t) for s, t in fresh.items()])
        results = []
        for prefix, plan in plans:
            parts = [prefix]
            repaired: list[str] = []
            translated = hits = 0
            for local, separator, back in plan:
                if back is None:
                    parts += [local, separator]
                    continue
                translated += 1
                if local in fresh:
                    raw = fresh[local]
                else:
                    raw = cached[local]
                    hits += 1
                fixed = tags.repair(local, raw)
                repaired += [back[t] for t in fixed.dropped if t in back]
                parts += [tags.relabel(fixed.text, back), separator]
            results.append(
                SegmentTranslation(
                    "".join(parts).strip(),
                    pivot=pivot,
                    from_memory=translated > 0 and hits == translated,
                    repaired=repaired,
                )
            )
        return TranslationResult(
            source,
            target,
            results,
            pivot=pivot,
            models=[m.version for m in route],
            stats={
                "sentences": sum(1 for _p, plan in plans for _l, _s, b in plan if b is not None),
                "unique_sentences": len(misses) + memory_hits,
                "memory_hits": memory_hits,
                "model_sentences": len(misses),
                "seconds": round(time.perf_counter() - started, 4),
            },
        )

    def translate_document(
        self,
        content: str,
        fmt: Format | Literal["auto"],
        source: str,
        target: str,
        glossary: Glossary | Iterable[GlossaryEntry] | None = None,
        *,
        do_not_translate: Iterable[str] = (),
        terminology: Terminology | None = None,
        locale: str = "de",
    ) -> TranslatedDocument:
        """Extract segments, protect, translate, check; render with ``.render(targets)``."""
        fmt = detect_format(content) if fmt == "auto" else fmt
        if fmt not in ("html", "markdown", "plain"):
            raise TranslationError(
                "bad-input", f"Unbekanntes Format: {fmt}", f"Unknown format: {fmt}"
            )
        if source != target:
            self.route(source, target)  # a missing model is an error even for an empty text
        extracted = extract(content, fmt, source, target)
        if terminology is None:
            terminology = Terminology.for_pair(glossary, source, target, do_not_translate)
        segments = [protect(s, terminology) for s in extracted.segments]
        result = self.translate_segments([s.source for s in segments], source, target)
        for seg, translation in zip(segments, result.segments, strict=True):
            seg.target = translation.text
            seg.pivot = translation.pivot
            seg.from_memory = translation.from_memory
            seg.repaired = translation.repaired
        document = TranslatedDocument(
            format=fmt,
            source_lang=source,
            target_lang=target,
            template=extracted.template,
            markers=extracted.markers,
            segments=segments,
            pivot=result.pivot,
            stats={**result.stats, "segments": len(segments), "models": result.models},
        )
        document.findings = document.check(locale=locale)
        return document
