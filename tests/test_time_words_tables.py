"""One table of month names and one of number words: the cleaner's datelines, the time expressions and the
event counts read the same words."""

from __future__ import annotations

import re

import pytest

from dragoman.clean import parse_dateline
from dragoman.extract.events.counts import parse_number
from dragoman.extract.time.timex import find_timexes
from dragoman.extract.time.words import CARDINALS, MONTH, MONTH_NAME, MONTH_NUMBERS, MONTHS, NUMBER_WORD


@pytest.mark.parametrize("word", [word for name, short in MONTHS for word in (name, *short)])
def test_every_month_form_is_read_by_the_dateline_and_by_timex(word: str) -> None:
    written = word if word in (name for name, _short in MONTHS) else f"{word}."
    dateline = parse_dateline(f"KABUL, {written} 3, 2024 (AFP) - A blast killed four people.")
    assert dateline is not None and word in dateline.text
    found = find_timexes(f"The talks ended on {written} 3, 2024.", dct=None)
    assert [t.value for t in found] == [f"2024-{MONTH_NUMBERS[word.lower()]:02d}-03"]


def test_month_patterns_are_built_from_the_table() -> None:
    assert re.fullmatch(MONTH_NAME, "Sept") and re.fullmatch(MONTH, "Sept.") and re.fullmatch(MONTH, "September")
    assert not re.fullmatch(MONTH, "Jan")  # a short form alone needs its dot in a time expression
    assert len(MONTHS) == 12 and sorted(set(MONTH_NUMBERS.values())) == list(range(1, 13))


@pytest.mark.parametrize(("word", "value"), [(w, v) for w, v in CARDINALS.items() if v])
def test_every_number_word_counts_and_dates(word: str, value: int) -> None:
    assert parse_number(word) == (value, None)
    assert re.fullmatch(NUMBER_WORD, word)
