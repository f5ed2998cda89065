"""The cached attribute ruler and lemmatizer give exactly what the model's own components give."""

from __future__ import annotations

import pytest

from dragoman.nlp import MODEL_NAME, get_nlp

# Sentences written for this test: tag-map rules, pronoun case by dependency, auxiliaries,
# "there is" (a two-token rule), contractions and spoken forms, whitespace tokens, paragraph breaks.
TEXTS = [
    "There is no ceasefire in Goma, and there were 12 people killed on Tuesday.",
    "We ain't gonna stop, y'all; let's go, c'mon! The rebels gotta leave the town.",
    "I saw it. You did it to me. It was them who fired, but he does not agree.",
    "Police have arrested 30 protesters  after they had burned tyres.\n\nThe minister's office said it would "
    "investigate whether the officers were acting on orders.",
    "She'd been warned. They're leaving, he's staying; whilst the talks continue, nothin' changes.",
    "UN peacekeepers fired tear gas at demonstrators outside the governor's residence, witnesses said.",
    "\n\nSudanese army jets bombed El Fasher again.\n",
]


@pytest.fixture(scope="module")
def stock():  # type: ignore[no-untyped-def]
    import spacy

    get_nlp()  # registers the paragraph component
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("dragoman_paragraphs", before="parser")
    return nlp


def _annotations(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def test_cached_components_are_in_the_pipeline() -> None:
    nlp = get_nlp()
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "CachedAttributeRuler"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "CachedLemmatizer"


def test_same_annotations_as_the_stock_components(stock) -> None:  # type: ignore[no-untyped-def]
    nlp = get_nlp()
    assert "dragoman_paragraphs" in stock.pipe_names
    for _round in range(2):  # the second round is answered from the caches
        for ours, theirs in zip(nlp.pipe(TEXTS), stock.pipe(TEXTS)):
            assert _annotations(ours) == _annotations(theirs)


def test_two_token_rule_applies() -> None:
    doc = get_nlp()("There is a curfew.")
    assert doc[0].dep_ == "expl" and doc[1].pos_ == "VERB"
    doc = get_nlp()("We are gonna win.")
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]


def test_lemmas_of_inflected_forms() -> None:
    doc = get_nlp()("Troops were killed and villages burned; the attackers fled across the borders.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["were"] == "be" and lemmas["killed"] == "kill" and lemmas["villages"] == "village"
    assert lemmas["fled"] == "flee" and lemmas["borders"] == "border"
