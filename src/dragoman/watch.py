"""``dragoman watch``: poll RSS/Atom feeds and code their new items into the store.

An item is new when neither its link (``documents.url``, indexed by migration 8) nor its content (the doc_id is
a hash of the content) is stored yet, so a story republished under a second address is not coded twice, and a
watch stopped and started again codes nothing it already stored. Every document is written in its own
transaction (``store.write_coded``): a stop at any moment leaves whole documents only.

An item whose page cannot be fetched (timeout, HTTP error) is counted as failed and not stored, so the next poll
tries it again; an item whose page holds no article is stored as skipped with its link and reason, and not
fetched again. A feed that cannot be read is reported; the other feeds go on.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import store
from .errors import FeedError, InputError
from .ingest import DEFAULT_MAX_BYTES
from .ingest.feeds import DEFAULT_TIMEOUT, FeedItem, item_article, read_feed, rejected_item
from .model import Article, CodedDoc

_EVERY_RE = re.compile(r"(\d+(?:\.\d+)?)\s*([smh]?)", re.I)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600}
# Items coded together in one batched parse.
CODE_BATCH = 16


@dataclass(frozen=True, slots=True)
class PollSummary:
    """What one poll did: items newly stored, already stored, failed (tried again next poll), unreadable feeds."""

    feeds: int
    new: int
    seen: int
    failed: int
    events: int
    problems: tuple[str, ...]  # one reason per failed feed or item
    seconds: float
    stopped: bool = False  # the poll was cut short by a stop request

    @property
    def feeds_failed(self) -> int:
        return sum(1 for reason in self.problems if reason.startswith("feed "))

    def line(self) -> str:
        stamp = time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime())
        feeds = f"{self.feeds} feed{'s' if self.feeds != 1 else ''}"
        bad = f" ({self.feeds_failed} unreadable)" if self.feeds_failed else ""
        return (f"{stamp} poll of {feeds}{bad}: new {self.new} ({self.events} events), seen {self.seen}, "
                f"failed {self.failed} in {self.seconds:.1f}s" + (" (stopped)" if self.stopped else ""))


def parse_every(text: str) -> float:
    """Seconds of an interval written 30s, 10m, 1h (or a bare number of seconds); ValueError names the fix."""
    match = _EVERY_RE.fullmatch(text.strip())
    seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()] if match else 0.0
    if seconds <= 0:
        raise ValueError(f"--every {text!r} is not an interval: use a number with s, m or h, such as 30s, 10m or 1h")
    return seconds


@dataclass(slots=True)
class _Tally:
    new: int = 0
    seen: int = 0
    failed: int = 0
    events: int = 0


def poll_once(
    feeds: Sequence[str], *, db: str | Path = store.DEFAULT_DB, timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES, stop: threading.Event | None = None,
) -> PollSummary:
    """Read every feed once and code its new items into the store at ``db``.

    ``stop``: when set (by a signal handler), the poll ends after the batch being coded is stored.
    """
    started = time.perf_counter()
    tally = _Tally()
    problems: list[str] = []
    conn = store.connect(db)
    try:
        known = store.known_doc_ids(conn)
        for feed in feeds:
            if stop is not None and stop.is_set():
                break
            try:
                items = read_feed(feed, timeout=timeout, max_bytes=max_bytes).items
            except InputError as exc:
                problems.append(f"feed {feed}: {exc.reason}")
                continue
            _poll_feed(conn, items, known=known, tally=tally, problems=problems, timeout=timeout,
                       max_bytes=max_bytes, stop=stop)
    finally:
        conn.close()
    return PollSummary(feeds=len(feeds), new=tally.new, seen=tally.seen, failed=tally.failed, events=tally.events,
                       problems=tuple(problems), seconds=time.perf_counter() - started,
                       stopped=stop is not None and stop.is_set())


def _poll_feed(conn: sqlite3.Connection, items: Sequence[FeedItem], *, known: set[str], tally: _Tally,
               problems: list[str], timeout: float, max_bytes: int, stop: threading.Event | None) -> None:
    """Fetch the feed's new items and code them in batches."""
    pending: list[Article] = []
    for item in items:
        if stop is not None and stop.is_set():
            break
        if item.link is not None and _url_stored(conn, item.link):
            tally.seen += 1
            continue
        try:
            article = item_article(item, timeout=timeout, max_bytes=max_bytes)
        except FeedError as exc:  # the network's fault, not the item's: not stored, tried again next poll
            tally.failed += 1
            problems.append(f"item {item.key}: {exc.reason}")
            continue
        except InputError as exc:
            _store(conn, _rejected(item, exc), known=known, tally=tally)
            continue
        if article.doc_id in known or any(a.doc_id == article.doc_id for a in pending):
            tally.seen += 1  # the same story under another link, or twice in the feed
            continue
        pending.append(article)
        if len(pending) >= CODE_BATCH:
            _code(conn, pending, known=known, tally=tally)
            pending = []
    _code(conn, pending, known=known, tally=tally)


def _url_stored(conn: sqlite3.Connection, url: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE url = ? LIMIT 1", (url,)).fetchone() is not None


def _code(conn: sqlite3.Connection, articles: list[Article], *, known: set[str], tally: _Tally) -> None:
    if not articles:
        return
    from .pipeline import code_articles  # loads the language model: only when there is something to code

    for coded in code_articles(articles):
        _store(conn, coded, known=known, tally=tally)


def _store(conn: sqlite3.Connection, coded: CodedDoc, *, known: set[str], tally: _Tally) -> None:
    if store.write_coded(conn, coded):
        tally.new += 1
        tally.events += len(coded.events) if coded.status == "ok" else 0
    else:
        tally.seen += 1
    known.add(coded.doc_id)


def _rejected(item: FeedItem, exc: InputError) -> CodedDoc:
    """An item that holds no article, stored with its link (so it is not fetched again) and its reason."""
    rejected = rejected_item(item, exc)
    stub = Article(doc_id=rejected.doc_id, source_id=rejected.source_id, format="html", original="",
                   title=item.title, published=item.published, url=item.link)
    return CodedDoc(doc_id=rejected.doc_id, source_id=rejected.source_id, status=rejected.status,
                    error=rejected.error, original="", format=rejected.format, article=stub)


def watch(
    feeds: Sequence[str], *, db: str | Path = store.DEFAULT_DB, every: float, once: bool = False,
    timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
    report: Callable[[PollSummary], None] | None = None, stop: threading.Event | None = None,
) -> list[PollSummary]:
    """Poll the feeds every ``every`` seconds until ``stop`` is set (or once); each poll's summary to ``report``.

    Returns the summaries. The wait between polls ends at once when ``stop`` is set.
    """
    stop = stop if stop is not None else threading.Event()
    summaries: list[PollSummary] = []
    while not stop.is_set():
        began = time.monotonic()
        summary = poll_once(feeds, db=db, timeout=timeout, max_bytes=max_bytes, stop=stop)
        summaries.append(summary)
        if report is not None:
            report(summary)
        if once:
            break
        stop.wait(max(0.0, every - (time.monotonic() - began)))
    return summaries
