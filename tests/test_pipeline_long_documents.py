"""Bodies over spaCy's 1,000,000-character limit are coded, not crashed; one document's failure costs only itself.

A long body is parsed in pieces cut at paragraph breaks and rejoined into one Doc: where both can run, the
split parse and its events are those of the unsplit one (checked with the split threshold lowered on the
demo's stories). Real >1,000,000-character inputs (a text file and a JSONL record) go through code_files.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from dragoman import query, store
from dragoman.clean import clean_article
from dragoman.ingest import article_from_text
from dragoman.model import OffsetMap
from dragoman.nlp import _cuts, _paragraph_starts, get_nlp, parse
from dragoman.pipeline import _section_offsets, code_articles, code_files

pytestmark = pytest.mark.slow

PUBLISHED = "2024-01-23"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _stories() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES_DIR.glob("*.txt"))]


def _bodies() -> list[str]:
    return [clean_article(article_from_text(text, published=PUBLISHED)).body for text in _stories()]


def _archive(chars: int, salt: int) -> str:
    """About ``chars`` characters of news: the demo's stories over and over, each copy on another day."""
    bodies = _bodies()
    parts, size, n = [], 0, 0
    while size < chars:
        body = bodies[n % len(bodies)]
        day = next((d for d in _DAYS if d in body), None)
        if day:
            body = body.replace(day, _DAYS[(n + salt) % len(_DAYS)])
        part = f"{body.rstrip()}\n\nThis was dispatch {salt}-{n} of the archive.\n\n"
        parts.append(part)
        size += len(part)
        n += 1
    return "".join(parts)[:chars].rstrip() + "\n"


def _annotations(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(t.text, t.whitespace_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.norm_, t.dep_, t.head.i, t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


def _paragraph_limit(text: str) -> int:
    """A split threshold just over the longest paragraph of ``text``, so that every cut is a paragraph break."""
    return max(len(p) for p in re.split(r"\n\s*\n", text)) + 40


def test_parse_in_pieces_is_the_unsplit_parse() -> None:
    text = "\n\n".join(_stories())
    limit = _paragraph_limit(text)
    tokens = get_nlp().tokenizer(text)
    cuts = _cuts(tokens, limit)
    # The premise: many pieces, each cut where the paragraph rule starts a sentence anyway.
    assert len(cuts) > 10 and set(cuts[1:]) <= set(_paragraph_starts(tokens))
    whole = next(parse([text]))
    split = next(parse([text], max_chars=limit))
    assert split.text == text
    assert _annotations(split) == _annotations(whole)


def test_events_of_a_body_parsed_in_pieces_are_the_unsplit_ones() -> None:
    article = article_from_text("\n\n".join(_stories()), source_id="examples", published=PUBLISHED)
    limit = _paragraph_limit(clean_article(article).body)
    [whole] = code_articles([article])
    [split] = code_articles([article], max_chars=limit)
    assert whole.status == split.status == "ok"
    assert len(whole.clean.body) > 5 * limit
    assert len(whole.events) > 10
    assert split.events == whole.events  # types, arguments, places, dates and every offset


def test_a_paragraph_over_the_limit_is_cut_between_sentences_then_at_spaces() -> None:
    one_line = " ".join(_bodies()).replace("\n", " ")
    tokens = get_nlp().tokenizer(one_line)
    cuts = _cuts(tokens, 500)
    assert len(cuts) > 10
    doc = next(parse([one_line], max_chars=500))
    assert doc.text == one_line
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in tokens]
    # Each piece ends a sentence and the next one starts one.
    ends = [next(t for t in reversed(doc[:i]) if not t.is_space) for i in cuts[1:]]
    assert all(doc[i].is_sent_start for i in cuts[1:])
    assert all(t.text in {".", "!", "?", '"', "\u201d"} for t in ends), ends
    assert all(tokens[b].idx - tokens[a].idx <= 500 for a, b in zip(cuts, cuts[1:]))
    # No sentence end within reach: cut at a space; a token longer than the limit is a piece of its own.
    words = "rebels " * 200 + "x" * 1200 + " rebels"
    doc = next(parse([words], max_chars=300))
    assert doc.text == words and len(doc) == 202


def test_section_offsets_map_as_the_whole_map_does() -> None:
    clean = clean_article(article_from_text(_stories()[2], published=PUBLISHED))
    offsets = clean.offsets
    assert len(offsets.runs) > 2  # the cleaner dropped furniture: the map has gaps to get right
    rng = random.Random(9)
    bounds = sorted({0, len(clean.body), *(rng.randrange(len(clean.body)) for _ in range(12))})
    bounds += [run[0] + run[2] for run in offsets.runs[:-1]]  # a section starting in a gap
    for start, end in zip(bounds, bounds[1:]):
        if start >= end:
            continue
        part = _section_offsets(offsets, start, end)
        assert part.body_length == end - start
        for i in range(end - start + 1):
            assert part.to_original(i) == offsets.to_original(start + i), (start, end, i)
    identity = OffsetMap.identity(100)
    assert _section_offsets(identity, 40, 60).to_original(5) == 45


def test_a_document_spacy_refuses_fails_alone_and_the_others_are_stored(tmp_path: Path) -> None:
    # Splitting off (max_chars above spaCy's limit) brings back the old failure, spaCy's E088, for one
    # document in the middle of a batched parse: it is that document's reason, the rest are coded.
    good = [article_from_text(text, source_id=f"good-{i}", published=PUBLISHED) for i, text in enumerate(_stories())]
    long = article_from_text(_archive(1_050_000, salt=7), source_id="long", published=PUBLISHED)
    coded = code_articles([good[0], long, *good[1:]], max_chars=10**9)
    by_source = {c.source_id: c for c in coded}
    assert by_source["long"].status == "failed"
    assert "parse" in (by_source["long"].error or "") and "E088" in (by_source["long"].error or "")
    alone = {c.source_id: c.events for c in code_articles(good)}
    for article in good:
        assert by_source[article.source_id].status == "ok"
        assert by_source[article.source_id].events == alone[article.source_id]
    conn = store.connect(tmp_path / "x.db")
    for item in coded:
        assert store.write_coded(conn, item)
    rows = dict(conn.execute("SELECT source_id, status FROM documents").fetchall())
    conn.close()
    assert rows == {"long": "failed", **{a.source_id: "ok" for a in good}}


def test_code_files_stores_documents_over_the_limit(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # Sorted first and last: with workers the two long inputs land in different chunks and run side by side.
    long_text = folder / "0_archive.txt"
    long_text.write_text(_archive(1_050_000, salt=1), encoding="utf-8")
    record = {"id": "export-huge", "published": PUBLISHED, "text": _archive(1_050_000, salt=2)}
    (folder / "z_export.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    for i, text in enumerate(_stories() * 5):
        (folder / f"story_{i:02d}.txt").write_text(f"{text.rstrip()}\n\nFiled as story {i}.\n", encoding="utf-8")
    inputs = 2 + 5 * len(_stories())
    for path in (long_text,):
        assert len(clean_article(article_from_text(path.read_text(encoding="utf-8"))).body) > get_nlp().max_length
    assert len(clean_article(article_from_text(record["text"])).body) > get_nlp().max_length

    db = tmp_path / "x.db"
    first = code_files([folder], db=db, workers=2, published=PUBLISHED)
    assert (first.coded, first.failed, first.skipped) == (inputs, 0, 0), first.reasons
    conn = store.connect(db, read_only=True)
    statuses = dict(conn.execute("SELECT source_id, status FROM documents").fetchall())
    assert statuses[str(long_text)] == statuses["export-huge"] == "ok"
    originals = dict(conn.execute("SELECT doc_id, original FROM documents").fetchall())
    per_doc: dict[str, int] = {}
    for event in query.iter_events(conn):
        per_doc[event["source_id"]] = per_doc.get(event["source_id"], 0) + 1
        evidence = event["evidence"]
        # Offsets point into the text as read, across sections and pieces.
        assert originals[event["doc_id"]][evidence["start"]:evidence["end"]] == evidence["sentence"]
    events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()
    assert per_doc[str(long_text)] > 1000 and per_doc["export-huge"] > 1000

    second = code_files([folder], db=db, workers=2, published=PUBLISHED)
    assert (second.coded, second.already_stored) == (0, inputs)
    conn = store.connect(db, read_only=True)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == inputs
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events
    conn.close()
