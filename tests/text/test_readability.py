from __future__ import annotations

import pytest

from checkers.text.readability import (
    flesch_amstad,
    flesch_kincaid_grade,
    flesch_reading_ease,
    lix,
    wiener_sachtextformel,
)


def test_flesch_amstad() -> None:
    # 100 words, 10 sentences, 150 syllables: 180 - 10 - 58.5 * 1.5 = 82.25
    assert flesch_amstad(100, 10, 150) == pytest.approx(82.25)
    assert flesch_amstad(10, 1, 40) == 0.0  # clipped
    assert flesch_amstad(0, 0, 0) is None


def test_wiener_sachtextformel() -> None:
    # MS 20 %, SL 15, IW 30 %, ES 50 %
    args = (100, 100 / 15, 20, 30, 50)
    assert wiener_sachtextformel(*args, variant=4) == pytest.approx(
        0.2744 * 20 + 0.2656 * 15 - 1.693
    )
    assert wiener_sachtextformel(*args, variant=1) == pytest.approx(
        0.1935 * 20 + 0.1672 * 15 + 0.1297 * 30 - 0.0327 * 50 - 0.875
    )
    assert wiener_sachtextformel(*args, variant=2) == pytest.approx(
        0.2007 * 20 + 0.1682 * 15 + 0.1373 * 30 - 2.779
    )
    assert wiener_sachtextformel(*args, variant=3) == pytest.approx(
        0.2963 * 20 + 0.1905 * 15 - 1.1144
    )
    with pytest.raises(ValueError):
        wiener_sachtextformel(*args, variant=5)


def test_lix_and_english() -> None:
    assert lix(100, 10, 30) == pytest.approx(40)
    assert flesch_reading_ease(100, 10, 150) == pytest.approx(206.835 - 10.15 - 126.9)
    assert flesch_kincaid_grade(100, 10, 150) == pytest.approx(3.9 + 17.7 - 15.59)
    assert lix(0, 0, 0) is None
