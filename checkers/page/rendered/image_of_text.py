"""``browser.image-of-text`` (WCAG 1.4.5): OCR of the rendered pixels of visible images finds
text in them (``images.py``); skipped, and named in the report's limits, where Tesseract is
missing. For review: the look of a logo may be essential.

The record and the examples are in ``image_of_text.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
