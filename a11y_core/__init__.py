"""The project's core, shared by the pure libraries and every front end.

- :mod:`a11y_core.errors`: the one base of user-facing errors (``kind``, German and English
  message, HTTP status). The API maps it to problem+json in ``a11y_service/problems.py``, the
  CLI to a message and exit code 2 in ``a11y_service/cli/errors.py``.
- :mod:`a11y_core.config`: the one loader of ``a11y.toml`` (every section, one validator, the
  line of the key in every error) and of the ``A11Y_*`` environment settings.

It imports nothing of the project at module level, so ``checkers``, ``translators`` and
``glossaries`` may import it (tests/test_layering.py holds it to the same rules as them).
"""
