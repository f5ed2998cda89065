"""Stored texts are the source's own characters: every span's text is ``Article.original[start:end]``.

The cleaner repairs mojibake, straightens quotes and joins wrapped lines; events are found on that cleaned body
but their evidence sentence, trigger, actor, recipient, attribution and date text are cut from the original at
their offsets, so a phrase copied from the article finds them (issue 9, item 5).
A place stores its name, not the mention: the original at its offsets is that name as written, or a
nationality word the gazetteer gives for it ("Chinese" for China).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from dragoman.clean import clean_article
from dragoman.evaluate.events import read_cameo_class, read_cameo_ner, read_ipe
from dragoman.evaluate.geo import read_gold
from dragoman.extract import _Source
from dragoman.extract.places.toponyms import DEMONYM_CODES
from dragoman.gazetteer import get_gazetteer
from dragoman.ingest import article_from_text, iter_inputs
from dragoman.model import Article, CodedDoc, Event, Place, Rejected
from dragoman.pipeline import code_articles

Span = tuple[str, int, int, str]


def spans(event: Event) -> Iterator[Span]:
    """(kind, start, end, stored text) of every part of ``event`` that has offsets and a text."""
    ev = event.evidence
    yield "sentence", ev.start, ev.end, ev.sentence
    assert ev.trigger_start is not None and ev.trigger_end is not None
    yield "trigger", ev.trigger_start, ev.trigger_end, ev.trigger
    for kind, part in (("actor", event.actor), ("recipient", event.recipient), ("attribution", event.attribution)):
        if part is None:
            continue
        if part.start is None or part.end is None:
            # Only a party the text implies ("government (IND, implied)" for a protest's target) has no mention.
            assert part.start is None and part.end is None and part.text.endswith(", implied)"), (kind, part)
            continue
        yield kind, part.start, part.end, part.text
    when = event.when
    if when.text is not None:
        assert when.start is not None and when.end is not None
        yield "date_text", when.start, when.end, when.text


def mismatches(docs: Sequence[CodedDoc]) -> tuple[int, int, list[tuple[str, str, str, str]]]:
    """(events, spans, the spans whose text is not the original there: source, kind, stored, original)."""
    n_events = n_spans = 0
    wrong: list[tuple[str, str, str, str]] = []
    for doc in docs:
        for event in doc.events:
            n_events += 1
            for kind, start, end, text in spans(event):
                n_spans += 1
                assert 0 <= start <= end <= len(doc.original), (doc.source_id, kind, start, end)
                if doc.original[start:end] != text:
                    wrong.append((doc.source_id, kind, text, doc.original[start:end]))
            place = event.location
            if place is not None and place.start is not None and place.end is not None:
                n_spans += 1
                assert 0 <= place.start < place.end <= len(doc.original), (doc.source_id, place)
                mention = doc.original[place.start:place.end]
                if not names_place(mention, place):
                    wrong.append((doc.source_id, "place", place.name, mention))
    return n_events, n_spans, wrong


def names_place(mention: str, place: Place) -> bool:
    """Whether the original's text at a place's offsets names it: the place's name as written there, or a
    nationality word the gazetteer gives for that place ("Chinese" stored as China, "Kurdish" as Iraqi Kurdistan).
    """
    if mention == place.name:
        return True
    return any(c.fcode in DEMONYM_CODES and c.name == place.name and (c.country or None) == place.country
               for c in get_gazetteer().lookup(mention))


def coded(articles: Sequence[Article | Rejected]) -> list[CodedDoc]:
    docs = code_articles(articles)
    assert all(d.status != "failed" for d in docs), [d.error for d in docs if d.status == "failed"]
    return docs


def test_examples_every_span_is_the_original_text(examples_dir: Path) -> None:
    docs = coded(list(iter_inputs([examples_dir])))
    n_events, n_spans, wrong = mismatches(docs)
    assert n_events >= 50 and n_spans > 3 * n_events
    assert wrong == []


# One article with what the cleaner changes: curly quotes, cp1252 dashes read as C1 controls (U+0096/U+0097),
# UTF-8 mojibake of quotes (also ending a sentence), a hard-wrapped line and an inline caption inside a sentence.
SOURCE = (
    "World\n\n"
    "The Sheriff\u2019s Office arrested two men in Tulsa on Monday, a spokesman said.\n\n"
    "GOMA, Congo (Reuters) \x96 Congolese troops shelled M23 rebel positions near Sake on Monday \x97 "
    "an army spokesman said.\n\n"
    "The rebels said \u00e2\u20ac\u0153we attacked the town.\u00e2\u20ac\x9d\n\n"
    "Gunmen attacked Goma\u00e2\u20ac\u2122s airport on Sunday.\n\n"
    "Police (photo: John Doe) arrested 12 protesters in Nairobi on Tuesday, an official\n"
    "said.\n"
)


@pytest.fixture(scope="module")
def source_doc() -> CodedDoc:
    (doc,) = coded([article_from_text(SOURCE, source_id="source.txt", published="2024-01-23")])
    # the body the events were found on is the repaired one
    assert doc.clean is not None and "\u2019" not in doc.clean.body and "\x96" not in doc.clean.body
    return doc


def _event(doc: CodedDoc, trigger: str, word: str) -> Event:
    return next(e for e in doc.events if e.evidence.trigger == trigger and word in e.evidence.sentence)


def test_texts_keep_the_source_characters(source_doc: CodedDoc) -> None:
    n_events, _n_spans, wrong = mismatches([source_doc])
    assert n_events >= 4 and wrong == []
    sheriff = _event(source_doc, "arrested", "Sheriff")
    assert sheriff.actor is not None and sheriff.actor.text == "The Sheriff\u2019s Office"
    assert "Monday \x97 an army" in _event(source_doc, "shelled", "Sake").evidence.sentence


def test_mojibake_is_stored_as_read(source_doc: CodedDoc) -> None:
    airport = _event(source_doc, "attacked", "Gunmen")
    assert airport.recipient is not None and airport.recipient.text == "Goma\u00e2\u20ac\u2122s airport"
    for event in source_doc.events:
        for _kind, _start, _end, text in spans(event):
            assert not text.endswith(("\u00e2", "\u00e2\u20ac")), text  # never cut inside a repaired run


def test_a_span_ending_in_repaired_mojibake_takes_all_of_it() -> None:
    # The cleaner maps the repaired '"' to the first of its three original characters; the span must not
    # stop there and leave "\u20ac\x9d" outside (nor take the paragraph break that follows).
    article = article_from_text("World\n\nThe rebels said \u00e2\u20ac\u0153we attacked the town.\u00e2\u20ac\x9d"
                                "\n\nProtesters marched.\n", source_id="m.txt")
    clean = clean_article(article)
    source = _Source(clean.offsets, clean.body, article.original)
    end = clean.body.index('town."') + len('town."')
    said = "The rebels said \u00e2\u20ac\u0153we attacked the town."
    assert article.original[slice(*source.span(0, end))] == said + "\u00e2\u20ac\x9d"
    assert article.original[slice(*source.span(0, end - 1))] == said
    # a curly quote the cleaner straightened is one character for one: nothing to extend
    curly = article_from_text("World\n\nHe said \u201cno.\u201d Then he left.\n", source_id="c.txt")
    clean = clean_article(curly)
    end = clean.body.index('no."') + len('no."')
    assert curly.original[slice(*_Source(clean.offsets, clean.body, curly.original).span(0, end))] == \
        "He said \u201cno.\u201d"


def test_text_removed_inside_a_span_is_part_of_its_original_text(source_doc: CodedDoc) -> None:
    # Offsets are one contiguous stretch of the original: an inline caption the cleaner dropped from the body
    # and the line break of wrapped text sit inside the stored sentence, as in the source.
    police = _event(source_doc, "arrested", "Police")
    assert police.evidence.sentence == ("Police (photo: John Doe) arrested 12 protesters in Nairobi on Tuesday, "
                                        "an official\nsaid.")
    assert police.actor is not None and police.actor.text == "Police"


# Gold sets that are documents or sentences: (file under gold/, its texts, stride). The strides keep the whole
# file near half a minute on 2 cores; the full sets were measured once (see the commit message).
def _plover(path: Path) -> list[str]:
    records = json.loads(path.read_text("utf-8"))
    return [str(r["text"]) for r in records if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]


def _ipe(path: Path) -> list[str]:
    return [text for text, _labels in read_ipe(path)]


def _geo(path: Path) -> list[str]:
    return [article.text for article in read_gold(path)]


GOLD_SETS: dict[str, tuple[str, Callable[[Path], list[str]], int]] = {
    "plover-gsr": ("events/plover-gsr/PLOVER_GSR_CAMEO.txt", _plover, 2),
    "cameo-class": ("events/cameo-class/train.tsv", lambda p: [t for t, _ in read_cameo_class(p)], 4),
    # tokens joined with spaces: curly quotes and dashes come through as tokens of their own
    "cameo-ner": ("events/cameo-ner/train.txt", lambda p: [" ".join(w for w, _ in s) for s in read_cameo_ner(p)], 4),
    "ipe-sents-dev": ("events/india-police-events/sents-dev.tsv", _ipe, 10),
    "ipe-sents-train": ("events/india-police-events/sents-train.tsv", _ipe, 60),
    "ipe-docs-dev": ("events/india-police-events/docs-dev.tsv", _ipe, 6),
    "ipe-docs-train": ("events/india-police-events/docs-train.tsv", _ipe, 40),
    "lgl": ("geo/LGL/lgl.xml", _geo, 12),
    "geowebnews": ("geo/GeoWebNews/GWN.xml", _geo, 6),
}


@pytest.mark.parametrize("name", list(GOLD_SETS))
def test_gold_texts_every_span_is_the_original_text(gold_dir: Path, name: str) -> None:
    relative, read, stride = GOLD_SETS[name]
    path = gold_dir / relative
    if not path.is_file():
        pytest.skip(f"{path} not found")
    texts = read(path)[::stride]
    articles = [article_from_text(t, source_id=f"{name}:{i * stride}", published="2024-01-23")
                for i, t in enumerate(texts)]
    n_events, n_spans, wrong = mismatches(coded(articles))
    assert n_events >= 20, f"{name}: only {n_events} events in the sample"
    assert wrong == [], f"{name}: {len(wrong)} of {n_spans} spans differ from the original, e.g. {wrong[:3]}"
