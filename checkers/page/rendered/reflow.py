"""``browser.reflow`` (WCAG 1.4.10): at 320 CSS pixels wide the page scrolls sideways because of
content that is not a table, code, media, map or frame (the criterion's exceptions). The
viewport is narrowed over CDP and ``scripts.REFLOW_JS`` names the causes.

The record and the examples are in ``reflow.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
