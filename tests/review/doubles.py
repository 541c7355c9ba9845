"""A translator double of the engine's real shape: real segmentation and document rebuilding
(``translators.markup``, ``translators.document``), only the model is replaced by upper-casing,
so tests can see which text went through "translation" and run in milliseconds."""

from __future__ import annotations

import threading
from typing import Any

from translators import tags
from translators.document import TranslatedDocument
from translators.markup import extract


class ShoutingTranslator:
    def __init__(self, delay: float = 0.0) -> None:
        self.calls = 0
        self.threads: set[str] = set()
        self.delay = delay

    def translate_document(
        self, content: str, fmt: Any, source: str, target: str, **options: Any
    ) -> TranslatedDocument:
        self.calls += 1
        self.threads.add(threading.current_thread().name)
        extracted = extract(content, fmt, source, target)
        for segment in extracted.segments:
            segment.target = tags.map_text(segment.source, str.upper)
        return TranslatedDocument(
            format=fmt,
            source_lang=source,
            target_lang=target,
            template=extracted.template,
            markers=extracted.markers,
            segments=extracted.segments,
        )
