"""The offset map: every body character points at its character in the text as read."""

from __future__ import annotations

import random
from pathlib import Path

from dragoman.clean import clean_article, clean_text
from dragoman.ingest import iter_inputs
from dragoman.model import Article, CleanDoc


def _assert_exact(doc: CleanDoc, original: str) -> None:
    """Unchanged characters map to themselves; whitespace maps to whitespace; all in range."""
    assert doc.offsets.body_length == len(doc.body)
    for i, ch in enumerate(doc.body):
        o = doc.offsets.to_original(i)
        assert 0 <= o < len(original), (i, o)
        if ch.isspace():
            assert original[o].isspace(), (i, ch, original[o - 5:o + 5])
        elif ch.isascii() and ch.isalnum():
            assert original[o] == ch, (i, ch, original[o], original[max(0, o - 10):o + 10])


def test_mojibake_is_repaired_and_offsets_stay_exact() -> None:
    original = ("Politics\nMinister visits cafÃ© district\n\nPARIS (Reuters) - The minister said â€œwe will "
                "actâ€\x9d  after   the\u00a0attack on the cafÃ© in Saint-Ã‰tienne, killing two.\n\n"
                "Police arrested three men on Tuesday, officials said.\n")
    doc = clean_text(original)
    assert doc.body.startswith('The minister said "we will act" after the attack on the café in Saint-Étienne')
    _assert_exact(doc, original)
    start = doc.body.index("Saint-Étienne")
    a, b = doc.offsets.span_to_original(start, start + len("Saint-Étienne"))
    assert original[a:b] == "Saint-Ã‰tienne"
    start = doc.body.index("Police arrested")
    a, b = doc.offsets.span_to_original(start, start + len("Police arrested three men"))
    assert original[a:b] == "Police arrested three men"


def test_dateline_removal_keeps_offsets() -> None:
    original = "KABUL, March 3 (AFP) - Taliban fighters attacked a checkpoint.\n\nTwo policemen died."
    doc = clean_text(original)
    assert doc.body == "Taliban fighters attacked a checkpoint.\n\nTwo policemen died."
    assert doc.offsets.to_original(0) == original.index("Taliban")
    _assert_exact(doc, original)


def test_examples_map_back_exactly(examples_dir: Path) -> None:
    for article in iter_inputs([examples_dir]):
        assert isinstance(article, Article)
        doc = clean_article(article)
        _assert_exact(doc, article.original)
        for paragraph in doc.body.split("\n\n"):
            start = doc.body.index(paragraph)
            a, b = doc.offsets.span_to_original(start, start + len(paragraph))
            assert " ".join(article.original[a:b].split()) == paragraph


def test_random_dumps_keep_the_invariant() -> None:
    rng = random.Random(7)
    pieces = [
        "Troops shelled the town of Sake on Monday, killing 12 people.",
        "The minister said â€œno talksâ€\x9d would be held.",
        "Share this article", "Related Articles", "Rebels seize mining town in North Kivu",
        "Image: Smoke over the city. REUTERS/Staff", "Reporting by Staff; Editing by Desk",
        "  Police   arrested\tfive men in\u00a0Goma.  ", "cafÃ© owners protested in Kinshasa.",
        "Humanitarian access", "\u200bAid arrived on Sunday, the UN said.", "WASHINGTON (AP) — Talks ended.",
    ]
    for _ in range(150):
        lines = [rng.choice(pieces) for _ in range(rng.randint(1, 12))]
        original = "".join(line + rng.choice(["\n", "\n\n", "\r\n", "\n \n\n"]) for line in lines)
        doc = clean_text(original)
        _assert_exact(doc, original)
        assert "\n\n\n" not in doc.body and doc.body == doc.body.strip()
