"""parse_number: digits, words, bounds and vague plurals, without the model."""

from __future__ import annotations

import pytest

from dragoman.extract.events.counts import parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twelve", (12, None)),
        ("Twenty-five", (25, None)),
        ("240,000", (240000, None)),
        ("1.2 million", (1200000, None)),
        ("three hundred and forty", (340, None)),
        ("two thousand five hundred", (2500, None)),
        ("half a million", (500000, None)),
        ("a dozen", (12, None)),
        ("more than a quarter of a million", (250000, "at_least")),
        ("at least 5", (5, "at_least")),
        ("nearly 2 million", (2000000, "at_most")),
        ("up to 300", (300, "at_most")),
        ("about 40", (40, "approx")),
        ("an estimated 10,000", (10000, "approx")),
        ("dozens", (24, "at_least")),
        ("hundreds", (200, "at_least")),
        ("tens of thousands", (20000, "at_least")),
        ("hundreds of thousands", (200000, "at_least")),
    ],
)
def test_parse_number_reads_digits_words_and_bounds(text: str, expected: tuple[int, str | None]) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "many", "a few", "soldiers", "half", "at least", "a"])
def test_parse_number_rejects_what_is_not_a_count(text: str) -> None:
    assert parse_number(text) is None
