"""One rule framework for every producer of findings the project writes itself.

The static page rules (``checkers/page/static/``), the BITV rules (``checkers/page/bitv/``), the
text rules (``checkers/text/rules/``) and the translation-QA rules (``translators/qa/``) share:

* :class:`RuleMeta`: one metadata record (id, standards, severity as a scalar or per profile,
  scope, messages in German and English with named placeholders, examples);
* :class:`Example`: one example type that states exactly what it expects (``failed``,
  ``needs_review`` or nothing, at which selector or span, with which suggestions);
* :data:`SEVERITIES` / :func:`severity_rank`: one severity order;
* :func:`fill`: one message fill that fails loudly on a missing placeholder;
* :func:`discover`: one registry that finds rule modules with ``pkgutil`` (no module lists);
* :func:`mismatches`: one comparison of what an example expects with what a rule reported.

Like axe-core's rule JSON and LanguageTool's ``<example>`` lines: the record and its examples
sit beside the check, and one test (``tests/test_rule_examples.py``) runs them all. The package
is pure (no engine imports) so ``translators`` may use it as well as ``checkers``.
"""

from checkers.rules.expect import Observed, mismatches
from checkers.rules.messages import (
    LOCALES,
    MessageError,
    Messages,
    de_en,
    fill,
    localized,
    placeholders,
)
from checkers.rules.record import (
    OUTCOMES,
    PROFILES,
    SEVERITIES,
    Example,
    Outcome,
    Profile,
    RuleMeta,
    Severity,
    Variant,
    severity_rank,
)
from checkers.rules.registry import discover

__all__ = [
    "LOCALES",
    "OUTCOMES",
    "PROFILES",
    "SEVERITIES",
    "Example",
    "MessageError",
    "Messages",
    "Observed",
    "Outcome",
    "Profile",
    "RuleMeta",
    "Severity",
    "Variant",
    "de_en",
    "discover",
    "fill",
    "localized",
    "mismatches",
    "placeholders",
    "severity_rank",
]
