"""Actor offsets mark exactly the characters of Actor.text: a leading determiner is in neither."""

from __future__ import annotations

import pytest

from dragoman.extract.actors.resolver import ActorResolver
from dragoman.nlp import get_nlp

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The army shelled the border town overnight.", "army", "army"),
        ("A rebel group ambushed a convoy near the river.", "group", "rebel group"),
        ("An opposition party accused the ruling coalition of fraud.", "party", "opposition party"),
        ("Police arrested the protesters in the capital.", "protesters", "protesters"),
    ],
)
def test_offsets_cover_the_text_without_the_determiner(text: str, word: str, expected: str) -> None:
    doc = get_nlp()(text)
    head = next(t for t in doc if t.text == word)
    actor = ActorResolver(doc).actor_for(head)
    assert actor is not None and actor.start is not None and actor.end is not None
    assert actor.text == expected
    assert doc.text[actor.start : actor.end] == actor.text
