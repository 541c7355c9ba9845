"""``browser.image-text-alt`` (WCAG 1.1.1): an image whose OCR text (``images.py``) its alt text
does not say: an empty alt on an image that is not decorative fails; a non-empty alt that
shares too little with the image's text is for review (a paraphrase can be right).

The record and the examples are in ``image_text_alt.yaml``; the findings are made in
:func:`checkers.page.rendered.rendered_findings`.
"""

from checkers.rules.data import rule_meta

META = rule_meta(__file__)
