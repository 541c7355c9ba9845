"""BITV rules split sentences as the text check does (checkers.text.segment), not by a regex."""

from __future__ import annotations

from checkers.page.bitv.common import compliance_claims, sentences
from checkers.page.dom import Page


def test_abbreviations_and_dates_do_not_end_a_sentence() -> None:
    text = (
        "Diese Website ist z. B. am 2. Oktober 2026 geprüft worden. Sie ist teilweise "
        "vereinbar. Nr. 3 gilt!"
    )
    assert sentences(text) == [
        "Diese Website ist z. B. am 2. Oktober 2026 geprüft worden.",
        "Sie ist teilweise vereinbar.",
        "Nr. 3 gilt!",
    ]


def test_claim_after_an_abbreviation_keeps_its_subject() -> None:
    """The old regex cut after "z." and lost "Website", so the claim outside the status section
    was not read."""
    page = Page(
        "<main><h1>Erklärung zur Barrierefreiheit</h1><p>Diese Website ist wegen fehlender "
        "Untertitel, z. B. bei Videos, nur teilweise mit den Anforderungen vereinbar.</p></main>"
    )
    assert [claim.status for claim in compliance_claims(page)] == ["partial"]
