"""The learned ranker's plumbing: features per candidate, a ranker file checked on load, the hand score kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.errors import GazetteerError
from dragoman.extract.places.ranker import FEATURES, Ranker, get_ranker, set_ranker
from dragoman.extract.places.resolver import PlaceResolver
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp

TEXT = "Deputies from Henry County were called to a house fire in Paris on Sunday night."


@pytest.fixture(autouse=True)
def shipped_ranker() -> Iterator[None]:
    """Each test may swap the ranker in use; the shipped one (or none) is put back after it."""
    before = get_ranker()
    yield
    set_ranker(before)


def resolve(text: str, *, keep_features: bool = False) -> PlaceResolver:
    return PlaceResolver(get_nlp()(text), CleanDoc(body=text, offsets=OffsetMap.identity(len(text))),
                         keep_features=keep_features)


def hand_only() -> Ranker:
    return Ranker(tuple(1.0 if name == "hand" else 0.0 for name in FEATURES))


def test_every_candidate_gets_one_value_per_feature() -> None:
    resolver = resolve(TEXT, keep_features=True)
    paris = next(k for k, t in enumerate(resolver.toponyms) if t.text == "Paris")
    assert len(resolver.options[paris]) > 1  # France's and Tennessee's Paris at least
    assert all(len(row) == len(FEATURES) for row in resolver.features[paris])
    most = [row[FEATURES.index("most_populous")] for row in resolver.features[paris]]
    assert sum(most) >= 1.0  # the biggest namesake is marked


def test_features_are_not_computed_when_nobody_needs_them() -> None:
    set_ranker(None)
    assert resolve(TEXT).features == []


def test_a_ranker_of_the_hand_score_alone_picks_as_the_hand_weights() -> None:
    set_ranker(None)
    hand = [(t.text, t.candidate) for t in resolve(TEXT).toponyms]
    set_ranker(hand_only())
    assert [(t.text, t.candidate) for t in resolve(TEXT).toponyms] == hand


def test_the_ranker_decides_the_pick() -> None:
    # A ranker that looks at population only takes France's Paris whatever the Tennessee neighbours say.
    set_ranker(Ranker(tuple(1.0 if name == "logpop" else 0.0 for name in FEATURES)))
    found = {t.text: t.candidate for t in resolve(TEXT).toponyms if t.candidate}
    assert found["Paris"].country == "FRA"


def test_ranker_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps({"features": list(FEATURES), "weights": {n: 0.5 for n in FEATURES}}), "utf-8")
    assert Ranker.load(path).weights == (0.5,) * len(FEATURES)


def test_ranker_file_of_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps({"features": ["hand"], "weights": {"hand": 1.0}}), "utf-8")
    with pytest.raises(GazetteerError, match="train_geo_ranker"):
        Ranker.load(path)


def test_unreadable_ranker_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", "utf-8")
    with pytest.raises(GazetteerError, match="broken.json"):
        Ranker.load(path)
