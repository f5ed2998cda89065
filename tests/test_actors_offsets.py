"""Actor offsets mark exactly the characters of Actor.text: a leading article is in both (the noun phrase's
extent, as CAMEO-NER marks it), never in the name."""

from __future__ import annotations

import pytest

from dragoman.extract.actors.resolver import ActorResolver
from dragoman.nlp import get_nlp

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The army shelled the border town overnight.", "army", "The army"),
        ("A rebel group ambushed a convoy near the river.", "group", "A rebel group"),
        ("An opposition party accused the ruling coalition of fraud.", "party", "An opposition party"),
        ("Police arrested the protesters in the capital.", "protesters", "the protesters"),
    ],
)
def test_offsets_cover_the_text_with_its_article(text: str, word: str, expected: str) -> None:
    doc = get_nlp()(text)
    head = next(t for t in doc if t.text == word)
    actor = ActorResolver(doc).actor_for(head)
    assert actor is not None and actor.start is not None and actor.end is not None
    assert actor.text == expected
    assert doc.text[actor.start : actor.end] == actor.text
    assert actor.name is not None and not actor.name.lower().startswith(("the ", "a ", "an "))
