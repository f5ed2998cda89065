"""The way of one document from a file to stored events, one module per step:

1. ingest (``dragoman.ingest``): a file or a JSONL record becomes an ``Article``, or a ``Rejected`` with its reason;
2. clean (``dragoman.clean``): page furniture out; the ``CleanDoc`` body keeps a map back to the original text;
3. language (``dragoman.language``): a body that is not English is stored as skipped;
4. reference date (``dragoman.extract.time.dates.reference_date``): the date the input states, else a full
   date the text states, else none; decided once here, every later step reads it from ``Article.published``;
5. parse (``dragoman.nlp``): one batched spaCy parse per chunk of documents;
6. extract (``dragoman.extract``): the events of the parsed body, dated, placed and coded;
7. store (``dragoman.store``): one writer, this process, stores each ``CodedDoc`` with its status.

``code_articles`` runs steps 2 to 6 on a batch (in this process or in worker processes); ``code_files``
reads the inputs, hands them out in chunks and writes the results in input order, so results are identical
whatever the number of workers. Every document is processed on its own terms: a failure is stored with its
reason and the batch goes on. A failure of the installation or the machine (no model, no place index, a
full disk: ``errors.BROKEN_INSTALLATION``) is not a document's fault: it stops the batch with its fix, rather
than being stored as every document's reason.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import functools
import itertools
import logging
import multiprocessing
import os
import signal
import sqlite3
import time
import traceback
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import duplicates, store
from .casing import sentence_cased
from .clean import clean_article
from .duplicates import band_keys
from .errors import BROKEN_INSTALLATION, CodingError, DragomanError, NotCodedError
from .extract import extract_events
from .extract.time.dates import reference_date
from .ingest import DEFAULT_MAX_BYTES, article_from_text, count_inputs, iter_inputs
from .ingest.text import PublishedValue, published_date
from .language import detect_language
from .model import Article, CleanDoc, CodedDoc, Event, OffsetMap, Rejected

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger("dragoman")

# Documents per batched parse (and per task handed to a worker).
CHUNK_SIZE = 16
# A body over spaCy's limit is extracted in sections of at most this many characters (see _extract); of
# 100,000, 30,000 and 10,000, 30,000 was fastest on a 1.1 M-character body, with the same events.
SECTION_CHARS = 30_000
# Fewer inputs than this are coded in-process: starting workers costs more than it saves.
MIN_DOCS_FOR_WORKERS = 24


@dataclass(slots=True)
class BatchSummary:
    """What one ``code_files`` run did so far, by document status; handed to ``progress`` after each write."""

    coded: int = 0
    skipped: int = 0
    failed: int = 0
    already_stored: int = 0
    recoded: int = 0  # documents already stored, coded again (``recode=True``), whatever their new status
    events: int = 0
    seconds: float = 0.0
    expected: int | None = None  # inputs found before the batch started (for a progress bar)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def seen(self) -> int:
        return self.coded + self.skipped + self.failed + self.already_stored + self.recoded

    def add(self, coded: CodedDoc, *, inserted: bool, recoded: bool = False) -> None:
        """Count one written document: new (``inserted``), already stored (not), or stored and coded again."""
        if not inserted:
            self.already_stored += 1
            return
        self.events += len(coded.events) if coded.status == "ok" else 0
        if recoded:
            self.recoded += 1
        elif coded.status == "ok":
            self.coded += 1
        elif coded.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
        if coded.status != "ok":
            self.reasons[f"{coded.status}: {coded.error}"] += 1


def _rejected(item: Rejected) -> CodedDoc:
    """An input ingest could not read, as the document stored with its reason."""
    return CodedDoc(
        doc_id=item.doc_id,
        source_id=item.source_id,
        status=item.status,
        error=item.error,
        original=item.original,
        format=item.format,
    )


def _failed(article: Article, stage: str, exc: BaseException, clean: CleanDoc | None = None) -> CodedDoc:
    """A document that raised ``exc`` in ``stage``, stored as failed with the reason."""
    if isinstance(exc, DragomanError):
        reason = exc.reason
    else:
        # Unexpected: keep the type and message as the stored reason, the traceback in the log.
        reason = f"internal error in {stage}: {type(exc).__name__}: {exc}"
        log.debug("document %s failed in %s:\n%s", article.source_id, stage,
                  "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return CodedDoc(
        doc_id=article.doc_id,
        source_id=article.source_id,
        status="failed",
        error=reason,
        original=article.original,
        format=article.format,
        article=article,
        clean=clean,
    )


def _prepare(article: Article) -> CodedDoc | tuple[Article, CleanDoc]:
    """Clean, identify the language and decide the reference date; a CodedDoc when the document stops here."""
    try:
        clean = clean_article(article)
    except Exception as exc:  # noqa: BLE001 - stored as the document's reason
        return _failed(article, "clean", exc)
    try:
        language = detect_language(clean.body)
    except Exception as exc:  # noqa: BLE001
        return _failed(article, "language", exc, clean)
    clean = replace(clean, language=language)
    if not clean.body.strip():
        return CodedDoc(article.doc_id, article.source_id, "skipped", "no article text after cleaning",
                        article.original, article.format, article, clean)
    if language != "en":
        return CodedDoc(article.doc_id, article.source_id, "skipped", f"language {language or 'unknown'}",
                        article.original, article.format, article, clean)
    try:
        published = reference_date(article, clean)
    except Exception as exc:  # noqa: BLE001
        return _failed(article, "dates", exc, clean)
    # Decided once here: the event dates, their modality and the store all read it from the article.
    return replace(article, published=published), clean


def code_articles(articles: Sequence[Article | Rejected], *, max_chars: int | None = None) -> list[CodedDoc]:
    """Code a batch in this process: one batched spaCy parse for the whole batch.

    ``max_chars``: a body longer than this is parsed in pieces (default: spaCy's limit, 1,000,000 characters).
    """
    results: list[CodedDoc | None] = []
    to_parse: list[tuple[int, Article, CleanDoc]] = []
    for item in articles:
        if isinstance(item, Rejected):
            results.append(_rejected(item))
            continue
        prepared = _prepare(item)
        if isinstance(prepared, CodedDoc):
            results.append(prepared)
        else:
            to_parse.append((len(results), *prepared))
            results.append(None)
    coded = _code_prepared([(article, clean) for _i, article, clean in to_parse], max_chars=max_chars)
    for (index, _article, _clean), result in zip(to_parse, coded):
        results[index] = result
    return [r for r in results if r is not None]


def _code_prepared(prepared: Sequence[tuple[Article, CleanDoc]], *,
                   max_chars: int | None = None) -> Iterator[CodedDoc]:
    """Parse and extract cleaned English documents, one CodedDoc each, in order."""
    bodies = [as_parsed(clean.body) for _a, clean in prepared]
    for (article, clean), doc in zip(prepared, _parse_each(bodies, max_chars=max_chars)):
        if isinstance(doc, Exception):
            yield _failed(article, "parse", doc, clean)
            continue
        try:
            events = _extract(doc, article, clean)
        except BROKEN_INSTALLATION:
            raise  # the machine, not the document: stop the batch with the fix instead of failing every document
        except Exception as exc:  # noqa: BLE001
            yield _failed(article, "extract", exc, clean)
            continue
        # The near-duplicate signature is made here, in the worker; the store's writer probes it (duplicates.py).
        yield CodedDoc(article.doc_id, article.source_id, "ok", None, article.original, article.format,
                       article, clean, events, bands=band_keys(clean.body))


def as_parsed(body: str) -> str:
    """The text the parser reads for ``body``: its title-case headline in sentence case (``casing``), same length."""
    return sentence_cased(body, known=lexicon_word)


def lexicon_word(word: str) -> bool:
    """A lower-case word of English's function words (spaCy's list) or of the event and actor lexicons: common
    for ``sentence_cased`` when the story does not say."""
    return word in _lexicon_words()


@functools.lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from . import lexicon as lx
    from .extract.events.triggers import load_lexicon

    events = load_lexicon()
    words = {*STOP_WORDS, *events.verbs, *events.nouns, *events.phrasal_heads, *events.intransitive,
             *events.object_verbs, *(w for term in (*lx.sectors(), *lx.sector_modifiers()) for w in term.split())}
    return frozenset(w for w in words if w.isalpha() and w not in lx.countries())


def _extract(doc: Doc, article: Article, clean: CleanDoc) -> tuple[Event, ...]:
    """The document's events; a body over spaCy's limit is extracted section by section.

    Extraction looks back over the whole story for actors and places, and its time grows with the square of
    the story's length (80,000 characters took 2.3 s, 943,000 took 96 s): a body that long is no one story.
    """
    from .nlp import get_nlp, sections

    if len(clean.body) <= get_nlp().max_length:
        return tuple(extract_events(doc, article, clean))
    events: dict[str, Event] = {}
    for start, section in sections(doc, max_chars=SECTION_CHARS):
        end = start + len(section.text)
        part = replace(clean, body=clean.body[start:end], offsets=_section_offsets(clean.offsets, start, end))
        for event in extract_events(section, article, part):
            events.setdefault(event.event_id, event)
    return tuple(events.values())


def _section_offsets(offsets: OffsetMap, start: int, end: int) -> OffsetMap:
    """The part of ``offsets`` for body characters ``[start, end)``, counted from ``start``."""
    runs: list[tuple[int, int, int]] = []
    first = max(0, bisect.bisect_right(offsets.runs, start, key=lambda run: run[0]) - 1)
    for body_start, original_start, length in offsets.runs[first:]:
        if body_start >= end:
            if body_start == end:  # the end offset maps to where the next run begins, as in the whole
                runs.append((end - start, original_start, 0))
            break
        lo, hi = max(body_start, start), min(body_start + length, end)
        if lo < hi:
            runs.append((lo - start, original_start + lo - body_start, hi - lo))
        elif not runs and body_start + length <= start:
            # ``start`` lies after this run, in text the cleaner replaced: it maps to the run's end, as in the whole.
            runs.append((0, original_start + length, 0))
    return OffsetMap(runs=tuple(runs), body_length=end - start)


def _parse_each(bodies: Sequence[str], *, max_chars: int | None = None) -> Iterator[Doc | Exception]:
    """One parsed Doc, or the exception that stopped it, per body, in order.

    The batched parse goes first; if it raises, the batch it was on is lost inside spaCy, so every body not
    yet yielded is parsed alone and only the one that raises again gets its exception instead of a Doc.
    """
    from .nlp import parse

    done = 0
    try:
        for doc in parse(bodies, max_chars=max_chars):
            yield doc
            done += 1
        return
    except BROKEN_INSTALLATION:
        raise
    except Exception as exc:  # noqa: BLE001 - retried one by one below, then stored as that document's reason
        log.debug("batched parse failed (%s: %s); parsing its documents one by one", type(exc).__name__, exc)
    for body in bodies[done:]:
        try:
            doc = next(parse([body], max_chars=max_chars))
        except BROKEN_INSTALLATION:
            raise
        except Exception as exc:  # noqa: BLE001 - this document's own failure
            yield exc
            continue
        yield doc


def _chunks(items: Iterable[Article | Rejected], size: int) -> Iterator[list[Article | Rejected]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    chunk: list[Article | Rejected] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Long and plainly English, so that warming up does not load the language classifier (language.py): 0.5 s of
# CPU that only a batch with a text too short or too foreign to be plainly English needs (1 of the 300 LGL
# articles of bench/bench_coding.py); such a batch's workers load it when they meet that text.
_WARM_UP = ("Kenyan police arrested 30 protesters in Nairobi on Tuesday, a police spokesman said. The protesters had "
            "gathered outside the parliament to demand lower food prices, and some of them threw stones at the "
            "officers who were sent to clear the road. It was the third protest in the capital this month, and the "
            "government said that it would talk to the organisers of the march.")


def _preload_model() -> None:
    """Load the spaCy model and everything else coding reads here, once, before forking: the workers share their
    pages instead of each loading them (the lexicons and the detector took 0.4 s of CPU per worker).

    All but the place index: it holds an SQLite connection, which must not cross a fork. The warm-up opens it
    and it is closed again here, unless this process had it open already; each worker opens its own.
    """
    from . import gazetteer
    from .nlp import get_nlp

    get_nlp()(_WARM_UP)
    band_keys(_WARM_UP)  # numpy's random state for the MinHash maps, once here, not once per worker
    had_places = gazetteer.gazetteer_open()
    code_articles([article_from_text(_WARM_UP, published="2024-01-01")])
    if not had_places:
        gazetteer.reset_gazetteer()


def _worker_init() -> None:
    # Workers are killed with their parent; they must not write to the terminal, and Ctrl-C is the parent's.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("dragoman").setLevel(logging.WARNING)
    # Open the place index now (the model and the lexicons came loaded with the fork).
    code_articles([article_from_text(_WARM_UP, published="2024-01-01")])


def _code_in_pool(chunks: Iterable[list[Article | Rejected]], processes: int) -> Generator[list[CodedDoc], None, None]:
    """Each chunk coded by a pool of forked worker processes, in input order."""
    _preload_model()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_worker_init) as pool:
        yield from pool.imap(code_articles, chunks)


def _stored_copy(reader: sqlite3.Connection, item: Article | Rejected) -> CodedDoc | None:
    """``item`` as a coded document with no events, made without parsing it, when its cleaned body has the very
    words of an original already stored (duplicates.py): the writer would store none of its events anyway.

    Read through a read-only connection of its own, so a document still being written is never taken for an
    original; a copy of a document coded in the same batch is found by the writer instead, after its parse.
    """
    if not isinstance(item, Article):
        return None
    try:
        # cleaned alone first (the usual case is no copy); a copy is prepared again, its bands kept
        body = clean_article(item).body
        bands = band_keys(body)
        link = duplicates.probe(reader, item.doc_id, body, bands)
        if link is None or not link.same_words:
            return None
        prepared = _prepare(item)
    except Exception:  # noqa: BLE001 - the worker codes it and stores any failure with its reason
        return None
    if isinstance(prepared, CodedDoc):
        return None
    article, clean = prepared
    return CodedDoc(article.doc_id, article.source_id, "ok", None, article.original, article.format, article, clean,
                    bands=bands)


# _HeldCopies: inputs checked before the check must pay for itself, and one copy found in how many inputs it needs.
PRECHECK_TRIAL = 200
PRECHECK_PAYS = 20


@dataclass(slots=True)
class _HeldCopies:
    """Same-words copies of stored originals, kept out of the workers (``_stored_copy``). Each waits with its place
    in the input and is written just before the first coded document that came after it, so the store is written in
    input order whatever codes the rest. A deque: the pool's feeder thread appends, the writer pops."""

    reader: sqlite3.Connection
    order: dict[str, int] = field(default_factory=dict)  # doc_id -> input place, of the documents sent to be coded
    waiting: collections.deque[tuple[int, CodedDoc]] = field(default_factory=collections.deque)
    checked: int = 0
    found: int = 0

    def take(self, index: int, item: Article | Rejected) -> bool:
        """True when ``item`` is such a copy, now held here; else it is to be coded.

        The check costs about 5 % of a document's coding and saves a whole coding per copy found: after
        ``PRECHECK_TRIAL`` inputs it goes on only while at least one in ``PRECHECK_PAYS`` was a copy, so a batch
        without copies does not pay it, nor the single writer, which does it, become the bottleneck. Either way
        the store ends the same: a copy coded by a worker has its events dropped by the writer.
        """
        paying = self.checked < PRECHECK_TRIAL or self.found * PRECHECK_PAYS >= self.checked
        copy = _stored_copy(self.reader, item) if paying else None
        self.checked += paying
        if copy is None:
            self.order[item.doc_id] = index
            return False
        self.found += 1
        self.waiting.append((index, copy))
        return True

    def in_order(self, batch: list[CodedDoc], *, last: bool = False) -> Iterator[CodedDoc]:
        """``batch`` with the held copies due before each of its documents (``last``: and all left after it)."""
        for coded in batch:
            yield from self._due(self.order.pop(coded.doc_id, -1))
            yield coded
        if last:
            yield from self._due(float("inf"))

    def _due(self, before: float) -> Iterator[CodedDoc]:
        while self.waiting and self.waiting[0][0] < before:
            yield self.waiting.popleft()[1]


def code_files(
    paths: Sequence[str | Path],
    *,
    db: str | Path = store.DEFAULT_DB,
    published: PublishedValue = None,
    workers: int | Literal["auto"] = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[BatchSummary], None] | None = None,
    recode: bool = False,
    cluster: str | None = None,
) -> BatchSummary:
    """Code every input under ``paths`` into the store at ``db``; resumable and idempotent.

    ``workers``: processes that code ("auto": one per core); a batch of fewer than ``MIN_DOCS_FOR_WORKERS``
    inputs is coded in this process whatever the number, since starting workers would cost more than it saves.
    ``recode``: inputs already stored are coded again (e.g. with a corrected ``published``) instead of being
    counted as already stored; each replaces its stored coding in one transaction (``store.write_coded``), keeping
    its doc_id and the ids of the events produced again. Counted in ``BatchSummary.recoded``.
    ``cluster``: a Dask scheduler address (``tcp://host:8786``) or ``local:N`` (a LocalCluster of N single-threaded
    worker processes) that codes the chunks instead of ``workers`` (``dragoman.cluster``); this process still
    reads, skips and writes, in input order, so the store is the same as a local run's.
    """
    stated_published = published_date(published)  # a bad value fails here, before the store is touched
    started = time.perf_counter()
    summary = BatchSummary()
    conn = store.connect(db)
    reader = store.connect(db, read_only=True)  # finds stored originals of same-words copies (_stored_copy)
    if progress:
        summary.expected = count_inputs(paths)
    try:
        stored = store.known_doc_ids(conn)
        known = set() if recode else set(stored)  # documents not to code (again) in this batch

        held = _HeldCopies(reader)

        def pending() -> Iterator[Article | Rejected]:
            for index, item in enumerate(iter_inputs(paths, max_bytes=max_bytes, published=stated_published)):
                if item.doc_id in known:
                    summary.already_stored += 1
                    continue
                known.add(item.doc_id)  # the same content twice in one batch is stored (or recoded) once
                if not recode and held.take(index, item):
                    continue
                yield item

        # Read just enough to know whether workers pay off; the rest streams in while they code.
        inputs = pending()
        head = list(itertools.islice(inputs, MIN_DOCS_FOR_WORKERS))
        if progress:
            progress(summary)

        def write(batch: list[CodedDoc], *, last: bool = False) -> None:
            for coded in held.in_order(batch, last=last):
                again = recode and coded.doc_id in stored
                summary.add(coded, inserted=store.write_coded(conn, coded, replace=again), recoded=again)
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)

        cores = os.cpu_count() or 1
        processes = cores if workers == "auto" else max(1, min(workers, cores))
        chunks = _chunks(itertools.chain(head, inputs), CHUNK_SIZE)
        batches: Generator[list[CodedDoc], None, None]
        if cluster is not None:
            from .cluster import code_on_cluster

            batches = code_on_cluster(chunks, address=cluster, code=code_articles)
        elif processes == 1 or len(head) < MIN_DOCS_FOR_WORKERS:
            batches = (code_articles(chunk) for chunk in chunks)
        else:
            batches = _code_in_pool(chunks, processes)
        # Closed here, so an interrupt in write() stops the workers (or cancels the cluster's tasks) at once.
        with contextlib.closing(batches):
            for batch in batches:
                write(batch)
        write([], last=True)  # copies after the last coded document
        # Keep the planner's statistics fresh for the read side (the API's filtered pages).
        conn.execute("PRAGMA optimize")
    finally:
        reader.close()
        conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


def code_text(text: str, *, published: PublishedValue = None, source_id: str = "<text>") -> list[Event]:
    """Code one text in memory and return its events (nothing is stored).

    A text the pipeline skips (not English, no article text after cleaning) raises ``NotCodedError`` saying why.
    """
    coded = code_articles([article_from_text(text, source_id=source_id, published=published)])[0]
    if coded.status == "skipped":
        fix = ("dragoman codes English news: give it English text" if (coded.error or "").startswith("language")
               else "give it the text of a news story")
        raise NotCodedError(f"{source_id}: not coded, {coded.error}: {fix}")
    if coded.status == "failed":
        raise CodingError(coded.error or "document failed")
    return list(coded.events)
