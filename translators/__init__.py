"""Offline translation: Argos packages on CTranslate2 + SentencePiece, with markup, terms and QA.

A pure library (no Litestar, no click). Entry points:

- ``translators.engine.Translator`` (``translate_segments``, ``translate_document``) and
  ``EngineConfig``;
- ``translators.document.TranslatedDocument`` (``segments``, ``render(targets)``, ``check``,
  ``to_dict``/``from_dict``), ``Segment``, ``Placeholder``;
- ``translators.models.ModelStore`` (install from file or index, list, remove);
- ``translators.terminology.Terminology``, ``translators.qa`` (QA rules), ``translators.tags``
  (placeholder tags), ``translators.testing.build_package`` (tiny real models for tests).
"""
