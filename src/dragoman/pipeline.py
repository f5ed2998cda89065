"""The road from files to stored events: ingest -> clean -> language -> parse -> extract -> store.

One writer (this process) and optional worker processes that clean, parse and extract.
Every document is processed on its own terms: a failure is stored with its reason and
the batch goes on. Results are identical whatever the number of workers (order kept).
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import store
from .clean import clean_article
from .errors import DragomanError, GazetteerError, ModelError, StoreError
from .extract import extract_events
from .ingest import DEFAULT_MAX_BYTES, article_from_text, count_inputs, iter_inputs
from .language import detect_language
from .model import Article, CleanDoc, CodedDoc, Event, Rejected

log = logging.getLogger("dragoman")

# Failures of the installation or the machine (no model, no place index, a full disk) are not a document's
# fault: they stop the batch with their fix, rather than being stored as every document's reason.
_ENVIRONMENT_ERRORS = (GazetteerError, ModelError, StoreError)

CHUNK_SIZE = 16
# Fewer inputs than this are coded in-process: starting workers costs more than it saves.
MIN_DOCS_FOR_WORKERS = 24


@dataclass(slots=True)
class BatchSummary:
    coded: int = 0
    skipped: int = 0
    failed: int = 0
    already_stored: int = 0
    events: int = 0
    seconds: float = 0.0
    expected: int | None = None  # inputs found before the batch started (for a progress bar)
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def seen(self) -> int:
        return self.coded + self.skipped + self.failed + self.already_stored

    def add(self, coded: CodedDoc, *, inserted: bool) -> None:
        if not inserted:
            self.already_stored += 1
            return
        if coded.status == "ok":
            self.coded += 1
            self.events += len(coded.events)
        elif coded.status == "skipped":
            self.skipped += 1
            self.reasons[f"skipped: {coded.error}"] += 1
        else:
            self.failed += 1
            self.reasons[f"failed: {coded.error}"] += 1


def _rejected(item: Rejected) -> CodedDoc:
    return CodedDoc(
        doc_id=item.doc_id,
        source_id=item.source_id,
        status=item.status,
        error=item.error,
        original=item.original,
        format=item.format,
    )


def _failed(article: Article, stage: str, exc: BaseException, clean: CleanDoc | None = None) -> CodedDoc:
    if isinstance(exc, DragomanError):
        reason = exc.reason
    else:
        # Unexpected: keep the type and message as the stored reason, the traceback in the log.
        reason = f"internal error in {stage}: {type(exc).__name__}: {exc}"
        log.debug("document %s failed in %s:\n%s", article.source_id, stage, traceback.format_exc())
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
    """Clean and identify the language; a CodedDoc when the document stops here."""
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
    if article.published is None:
        try:
            from .extract.dates import published_from_text

            stated = published_from_text(clean)
        except Exception as exc:  # noqa: BLE001
            return _failed(article, "dates", exc, clean)
        if stated:
            article = replace(article, published=stated)
    return article, clean


def code_articles(articles: Sequence[Article | Rejected]) -> list[CodedDoc]:
    """Code a batch in this process: one batched spaCy parse for the whole batch."""
    from .nlp import parse

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
    docs = parse(clean.body for _i, _a, clean in to_parse)
    for (index, article, clean), doc in zip(to_parse, docs):
        try:
            events = tuple(extract_events(doc, article, clean))
        except _ENVIRONMENT_ERRORS:
            raise  # the machine, not the document: stop the batch with the fix instead of failing every document
        except Exception as exc:  # noqa: BLE001
            results[index] = _failed(article, "extract", exc, clean)
            continue
        results[index] = CodedDoc(article.doc_id, article.source_id, "ok", None, article.original,
                                  article.format, article, clean, events)
    return [r for r in results if r is not None]


def _chunks(items: Iterable[Article | Rejected], size: int) -> Iterator[list[Article | Rejected]]:
    chunk: list[Article | Rejected] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WARM_UP = "Kenyan police arrested 30 protesters in Nairobi on Tuesday, a police spokesman said."


def _preload_model() -> None:
    """Load the spaCy model here, once, before forking: the workers share its pages instead of each loading it.

    Only the model: the place index holds an SQLite connection, which must not cross a fork.
    """
    from .nlp import get_nlp

    get_nlp()(_WARM_UP)


def _worker_init() -> None:
    # Workers are killed with their parent; they must not write to the terminal, and Ctrl-C is the parent's.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("dragoman").setLevel(logging.WARNING)
    # Load the lexicons and place index now (the model came loaded with the fork).
    code_articles([article_from_text(_WARM_UP, published="2024-01-01")])


def code_files(
    paths: Sequence[str | Path],
    *,
    db: str | Path = store.DEFAULT_DB,
    published: str | None = None,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[BatchSummary], None] | None = None,
) -> BatchSummary:
    """Code every input under ``paths`` into the store at ``db``; resumable and idempotent."""
    started = time.perf_counter()
    summary = BatchSummary()
    conn = store.connect(db)
    if progress:
        summary.expected = count_inputs(paths)
    try:
        known = store.known_doc_ids(conn)

        def pending() -> Iterator[Article | Rejected]:
            for item in iter_inputs(paths, max_bytes=max_bytes, published=published):
                if item.doc_id in known:
                    summary.already_stored += 1
                    continue
                known.add(item.doc_id)  # the same content twice in one batch is stored once
                yield item

        # Read just enough to know whether workers pay off; the rest streams in while they code.
        inputs = pending()
        head = list(itertools.islice(inputs, MIN_DOCS_FOR_WORKERS))
        if progress:
            progress(summary)

        def write(batch: list[CodedDoc]) -> None:
            for coded in batch:
                summary.add(coded, inserted=store.write_coded(conn, coded))
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)

        workers = max(1, min(workers, os.cpu_count() or 1))
        everything = itertools.chain(head, inputs)
        if workers == 1 or len(head) < MIN_DOCS_FOR_WORKERS:
            for chunk in _chunks(everything, CHUNK_SIZE):
                write(code_articles(chunk))
        else:
            _preload_model()
            context = multiprocessing.get_context("fork")
            with context.Pool(workers, initializer=_worker_init) as pool:
                for batch in pool.imap(code_articles, _chunks(everything, CHUNK_SIZE)):
                    write(batch)
        # Keep the planner's statistics fresh for the read side (the API's filtered pages).
        conn.execute("PRAGMA optimize")
    finally:
        conn.close()
    summary.seconds = time.perf_counter() - started
    return summary


def code_text(text: str, *, published: str | None = None, source_id: str = "<text>") -> list[Event]:
    """Code one text in memory and return its events (nothing is stored)."""
    coded = code_articles([article_from_text(text, source_id=source_id, published=published)])[0]
    if coded.status == "failed":
        raise DragomanError(coded.error or "document failed", stage="pipeline")
    return list(coded.events)
