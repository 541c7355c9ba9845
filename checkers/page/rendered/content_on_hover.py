"""``browser.content-on-hover`` (WCAG 1.4.13): content that appears on hover or focus must be
dismissible with Escape, hoverable and persistent. The pointer and key work is in ``hover.py``,
which checks only triggers ``applicability.py`` finds applicable.

The record and the examples are in ``content_on_hover.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
