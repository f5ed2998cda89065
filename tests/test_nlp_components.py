"""The cached attribute ruler and lemmatizer give exactly what the model's own components give, but for verbs'
silent e ("raped" is "rape", not "rap")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from dragoman.nlp import MODEL_NAME, CachedAttributeRuler, CachedLemmatizer, get_nlp, silent_e

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
    # A two-token rule on words whose heads lie outside the match; two matches side by side; one at the end.
    "Officials said there is a risk that there are more attacks, and that we are gonna see what there is",
]

# Verbs whose base ends in a silent e, and look-alikes that double their consonant or never had an e.
SILENT_E = ["Militiamen raped villagers, waged war and staged raids.",
            "The court fined the editor, who hoped to appeal.",
            "He rapped and wagged a finger, visited Goma and planned talks."]


@pytest.fixture(scope="module")
def stock() -> Language:
    import spacy

    get_nlp()  # registers the paragraph component
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("dragoman_paragraphs", before="parser")
    return nlp


def _annotations(doc: Doc) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def test_cached_components_replace_the_stock_ones() -> None:
    from spacy.pipeline import AttributeRuler, Lemmatizer

    nlp = get_nlp()
    assert nlp.pipe_names == ["tok2vec", "tagger", "dragoman_paragraphs", "parser", "dragoman_attribute_ruler",
                              "dragoman_lemmatizer", "ner"]
    ruler, lemmatizer = nlp.get_pipe("dragoman_attribute_ruler"), nlp.get_pipe("dragoman_lemmatizer")
    assert isinstance(ruler, CachedAttributeRuler) and type(ruler.stock) is AttributeRuler
    assert isinstance(lemmatizer, CachedLemmatizer) and isinstance(lemmatizer.stock, Lemmatizer)


def test_the_models_rules_are_all_cached() -> None:
    """A model whose rules fall outside what the cache handles would still parse the same, ~20% slower:
    this says so loudly instead."""
    nlp = get_nlp()
    ruler = nlp.get_pipe("dragoman_attribute_ruler")
    lemmatizer = nlp.get_pipe("dragoman_lemmatizer")
    assert isinstance(ruler, CachedAttributeRuler) and isinstance(lemmatizer, CachedLemmatizer)
    assert ruler._scope is not None, "a rule of the model's attribute ruler is outside the cache's scope"
    assert ruler._scope.longer_patterns, "the model's two-token rules (there is, gon na) were expected"
    assert lemmatizer.stock.mode == "rule" and not lemmatizer.stock.overwrite
    index = lemmatizer.stock.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


def _with_silent_e(doc: Doc, verbs: frozenset[str]) -> list[tuple[Any, ...]]:
    """The stock annotations with the one correction ours make: verbs' silent e."""
    return [(*row[:4], silent_e(t.text, t.lemma_, verbs) if t.pos_ == "VERB" else t.lemma_, *row[5:])
            for t, row in zip(doc, _annotations(doc))]


def test_same_annotations_as_the_stock_components(stock: Language) -> None:
    nlp = get_nlp()
    assert "dragoman_paragraphs" in stock.pipe_names
    verbs = frozenset(stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])
    for _round in range(2):  # the second round is answered from the caches
        for ours, theirs in zip(nlp.pipe(TEXTS + SILENT_E), stock.pipe(TEXTS + SILENT_E)):
            assert _annotations(ours) == _with_silent_e(theirs, verbs)


def test_verbs_keep_their_silent_e() -> None:
    # the model's rule lemmatizer gives "rap", "wag", "stag", "fin", "hop": the shorter verb its rules find first
    lemmas = [[t.lemma_ for t in doc if t.pos_ == "VERB"] for doc in get_nlp().pipe(SILENT_E)]
    assert lemmas == [["rape", "wage", "stage"], ["fine", "hope", "appeal"], ["rap", "wag", "visit"]]


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


# Rules written for the tests below, on a blank pipeline: overlapping two- and three-token matches,
# negative indices, rules that set the same attribute in turn, a LOWER regex.
_RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET", "LEMMA": "the-ish"}},
    {"patterns": [[{"LOWER": "a"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "one"}, "index": 0},
    {"patterns": [[{"TAG": "NN"}], [{"LOWER": {"REGEX": "^dog"}}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "DT"}, {"TAG": "NN"}, {"TAG": "VBZ"}]], "attrs": {"DEP": "nsubj"}, "index": -2},
    {"patterns": [[{"LOWER": {"IN": ["barks", "runs"]}}]], "attrs": {"POS": "VERB", "LEMMA": "act"}},
    {"patterns": [[{"TAG": "NN", "DEP": "dep"}]], "attrs": {"POS": "PROPN"}},
]
_SENTENCES = [
    (["a", "dog", "barks", "and", "the", "cat", "runs"], ["DT", "NN", "VBZ", "CC", "DT", "NN", "VBZ"]),
    (["dogs", "a", "dog", "a", "dog", "barks"], ["NNS", "DT", "NN", "DT", "NN", "VBZ"]),
    (["the", "the", "runs", "a"], ["DT", "DT", "VBZ", "DT"]),
]


def _ruled(ruler: Any, words: list[str], tags: list[str]) -> list[tuple[str, ...]]:
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab if ruler is None else ruler.vocab
    doc = Doc(vocab, words=words, tags=tags, deps=["dep"] * len(words), heads=[0] * len(words))
    ruler(doc)
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_cached_ruler_equals_the_ruler_it_wraps_on_written_rules() -> None:
    import spacy

    nlp = spacy.blank("en")
    stock = nlp.add_pipe("attribute_ruler")
    stock.add_patterns(_RULES)
    cached = CachedAttributeRuler(stock)
    assert cached._scope is not None
    for _round in range(2):
        for words, tags in _SENTENCES:
            assert _ruled(cached, words, tags) == _ruled(stock, words, tags)


def test_rules_outside_the_cache_are_left_to_the_wrapped_ruler() -> None:
    import spacy

    nlp = spacy.blank("en")
    stock = nlp.add_pipe("attribute_ruler")
    stock.add_patterns([*_RULES, {"patterns": [[{"ORTH": "dog", "OP": "+"}]], "attrs": {"LEMMA": "hound"}}])
    cached = CachedAttributeRuler(stock)
    assert cached._scope is None
    for words, tags in _SENTENCES:
        assert _ruled(cached, words, tags) == _ruled(stock, words, tags)
