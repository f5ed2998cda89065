"""Stories: the documents about the same happening, across outlets and days, grouped as they arrive.

Method. A document is described by the terms of its title and lead (the first ``LEAD_WORDS`` words of the
cleaned body): lower-cased words of three letters or more, English stop words and numbers left out. Its
weights are TF-IDF ((1 + log tf) * smoothed idf, L2-normalised), with document frequencies counted as
documents arrive (``story_df``), so nothing is refitted. A story keeps the summed term counts of its documents
(``story_terms``); the similarity of a document and a story is the cosine of their TF-IDF vectors.

Candidates come from an index, never a scan of the stories: ``story_index`` holds (term, day, story) for the
top terms of every linked document and for its relaxed happening keys (``h:`` + type + the place's country:
the store's happening key with actors, sectors and the exact place let go). A new document probes its own
``PROBE_TERMS`` rarest terms and its relaxed keys over the days within ``WINDOW_DAYS`` of its date, so the work
per document depends on the window, not on the size of the store.

Joining. The document joins the best candidate whose score is at least ``MIN_SCORE``; the score is the cosine,
plus ``HAPPENING_BONUS`` when they share a relaxed happening key. Otherwise it founds a new story (id ``s`` +
its doc id). A near-duplicate (``documents.duplicate_of``, migration 9) always joins its original's story. The
thresholds were tuned on the development half of ``eval/story_groups`` (README, "Stories and conflicting
claims"). Everything is written by ``store.write_coded`` in the document's own transaction (migration 10), and
a document already linked keeps its link, so a rerun or a recode links each document exactly once.

A story's date of a document is its published date, else the most frequent day of its asserted events, else
the day it was stored. The story's title is its earliest document's title (else that document's first
sentence); first/last date span its documents.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .claims import HappeningClaims, claims_of_events, figures_record, outlet

LEAD_WORDS = 120
PROBE_TERMS = 12
INDEX_TERMS = 25
WINDOW_DAYS = 3
MIN_SCORE = 0.25
HAPPENING_BONUS = 0.10
MAX_CANDIDATES = 20
# A document scoring this with two stories or more joins the best and folds the others into it.
MERGE_SCORE = 0.30

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def _stop_words() -> frozenset[str]:
    """The words story linking leaves out (``lexicon/story_words.yaml``): function words, speech and days."""
    from .resources import load_yaml, read_lexicon

    return frozenset(str(w) for w in load_yaml(read_lexicon("story_words.yaml"))["stop_words"])


_STOP: frozenset[str] | None = None


def terms(title: str | None, body: str, *, lead_words: int = LEAD_WORDS) -> Counter[str]:
    """The term counts of a title and the lead of a body (the first ``lead_words`` words)."""
    global _STOP
    if _STOP is None:
        _STOP = _stop_words()
    words = _WORD.findall(" ".join(((title or "") + " " + body).split()[: lead_words + 30]))
    found = (w.lower().strip("'-") for w in words)
    return Counter(w for w in found if len(w) >= 3 and w not in _STOP)


@dataclass(frozen=True, slots=True)
class Linked:
    """Where a document went: its story, whether it founded it, the score it joined with, and why."""

    story_id: str
    founded: bool
    score: float | None
    via: str  # "new", "text", "happening", "duplicate", "kept"


@dataclass(frozen=True, slots=True)
class StoryDocument:
    doc_id: str
    title: str | None
    day: str | None
    outlet: str
    url: str | None
    duplicate_of: str | None
    via: str
    score: float | None


@dataclass(frozen=True, slots=True)
class StoryPlace:
    name: str
    country: str | None
    geonameid: int | None
    reports: int
    lat: float | None = None  # where the map puts it (the first of its reports that has a point)
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class StorySummary:
    story_id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    documents: int
    outlets: int
    places: tuple[str, ...] = ()  # its most reported places, most first (PLACES_SHOWN of them)


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    documents: tuple[StoryDocument, ...]
    outlets: tuple[str, ...]
    places: tuple[StoryPlace, ...]
    happenings: tuple[HappeningClaims, ...]

    @property
    def disputed(self) -> bool:
        return any(h.disputed for h in self.happenings)


# ----------------------------------------------------------------------------------------------------------- write


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def document_day(published: str | None, event_days: Iterable[str], stored: str) -> str:
    """The day a document is placed at: published, else its events' most frequent day, else the day it was stored."""
    day = _day(published)
    if day is None:
        counts = Counter(d for d in (_day(e) for e in event_days) if d is not None)
        day = min(counts, key=lambda d: (-counts[d], d)) if counts else None
    return (day or _day(stored) or date(1970, 1, 1)).isoformat()


def relaxed_keys(events: Iterable[tuple[str | None, str | None, str | None, str | None]]) -> set[str]:
    """``h:TYPE|COUNTRY`` for each asserted event with a day-precision date and a place's country.

    Rows are (type, modality, date_precision, location_country)."""
    return {f"h:{t}|{c}" for t, m, p, c in events if t and c and m == "asserted" and p == "day"}


def _idf(df: int, total: int) -> float:
    return math.log((total + 1) / (df + 1)) + 1.0


def _vector(counts: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1.0 + math.log(n)) * idf.get(t, 1.0) for t, n in counts.items() if n > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _df(conn: sqlite3.Connection, words: Sequence[str]) -> tuple[dict[str, int], int]:
    """Document frequencies of ``words`` and the number of documents counted (the row with the empty term)."""
    found: dict[str, int] = {}
    for start in range(0, len(words), 500):
        chunk = list(words[start:start + 500])
        marks = ", ".join("?" * len(chunk))
        found.update(conn.execute(f"SELECT term, n FROM story_df WHERE term IN ({marks})", chunk).fetchall())
    row = conn.execute("SELECT n FROM story_df WHERE term = ''").fetchone()
    return found, int(row[0]) if row else 0


def _window(day: str, days: int) -> tuple[str, str]:
    d = date.fromisoformat(day)
    return (d - timedelta(days=days)).isoformat(), (d + timedelta(days=days)).isoformat()


def _candidates(conn: sqlite3.Connection, probe: Sequence[str], day: str) -> list[str]:
    """Stories sharing a probe term or relaxed key with the document on a day within the window."""
    if not probe:
        return []
    low, high = _window(day, WINDOW_DAYS)
    marks = ", ".join("?" * len(probe))
    rows = conn.execute(
        f"""SELECT story_id FROM story_index WHERE term IN ({marks}) AND day BETWEEN ? AND ?
            GROUP BY story_id ORDER BY COUNT(DISTINCT term) DESC, story_id LIMIT ?""",
        (*probe, low, high, MAX_CANDIDATES)).fetchall()
    return [r[0] for r in rows]


def _story_vector(conn: sqlite3.Connection, story_id: str, idf_of: dict[str, float], total: int) -> dict[str, float]:
    counts = dict(conn.execute("SELECT term, n FROM story_terms WHERE story_id = ?", (story_id,)).fetchall())
    missing = [t for t in counts if t not in idf_of]
    if missing:
        df, _n = _df(conn, missing)
        idf_of.update({t: _idf(df.get(t, 0), total) for t in missing})
    return _vector(counts, idf_of)


def best_story(conn: sqlite3.Connection, counts: Counter[str], keys: set[str],
               day: str) -> tuple[str, float, str] | None:
    """The stored story this document joins (id, score, via), or None when none scores ``MIN_SCORE``."""
    found = scored_stories(conn, counts, keys, day)
    return found[0] if found else None


def scored_stories(conn: sqlite3.Connection, counts: Counter[str], keys: set[str],
                   day: str) -> list[tuple[str, float, str]]:
    """The candidate stories scoring at least ``MIN_SCORE`` with the document, best first: (id, score, via)."""
    df, total = _df(conn, sorted(counts))
    idf_of = {t: _idf(df.get(t, 0), total) for t in counts}
    mine = _vector(dict(counts), idf_of)
    probe = sorted(counts, key=lambda t: (-mine[t], t))[:PROBE_TERMS] + sorted(keys)
    found: list[tuple[str, float, str]] = []
    for story_id in _candidates(conn, probe, day):
        score = _cosine(mine, _story_vector(conn, story_id, idf_of, total))
        via = "text"
        if keys and conn.execute(
                f"SELECT 1 FROM story_index WHERE story_id = ? AND term IN ({', '.join('?' * len(keys))}) "
                "AND day BETWEEN ? AND ? LIMIT 1", (story_id, *sorted(keys), *_window(day, WINDOW_DAYS))).fetchone():
            score += HAPPENING_BONUS
            via = "happening"
        if score >= MIN_SCORE:
            found.append((story_id, round(score, 4), via))
    return sorted(found, key=lambda item: (-item[1], item[0]))


def _merge(conn: sqlite3.Connection, kept: str, other: str) -> None:
    """Fold story ``other`` into ``kept``: a document that belongs to both shows they are one story."""
    conn.execute("UPDATE story_documents SET story_id = ? WHERE story_id = ?", (kept, other))
    conn.execute("""INSERT INTO story_terms SELECT ?, term, n FROM story_terms WHERE story_id = ? AND true
                    ON CONFLICT DO UPDATE SET n = n + excluded.n""", (kept, other))
    conn.execute("DELETE FROM story_terms WHERE story_id = ?", (other,))
    conn.execute("INSERT OR IGNORE INTO story_index SELECT term, day, ? FROM story_index WHERE story_id = ?",
                 (kept, other))
    conn.execute("DELETE FROM story_index WHERE story_id = ?", (other,))
    conn.execute("""UPDATE stories SET first_date = min(stories.first_date, o.first_date),
                        last_date = max(stories.last_date, o.last_date), documents = stories.documents + o.documents
                    FROM (SELECT first_date, last_date, documents FROM stories WHERE story_id = ?) AS o
                    WHERE stories.story_id = ?""", (other, kept))
    conn.execute("DELETE FROM stories WHERE story_id = ?", (other,))


def _add_to_story(conn: sqlite3.Connection, story_id: str, doc_id: str, counts: Counter[str], keys: set[str],
                  day: str) -> None:
    """The document's terms into the story's counts, the frequencies and the probe index."""
    conn.executemany("INSERT INTO story_terms VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
                     [(story_id, t, n) for t, n in counts.items()])
    conn.executemany("INSERT INTO story_df VALUES (?, 1) ON CONFLICT DO UPDATE SET n = n + 1",
                     [(t,) for t in ["", *counts]])
    df, total = _df(conn, sorted(counts))
    weight = {t: (1.0 + math.log(n)) * _idf(df.get(t, 0), total) for t, n in counts.items()}
    top = sorted(counts, key=lambda t: (-weight[t], t))[:INDEX_TERMS]
    conn.executemany("INSERT OR IGNORE INTO story_index VALUES (?, ?, ?)",
                     [(t, day, story_id) for t in [*top, *sorted(keys)]])
    conn.execute("UPDATE stories SET first_date = min(first_date, ?), last_date = max(last_date, ?), "
                 "documents = documents + 1 WHERE story_id = ?", (day, day, story_id))


def link(conn: sqlite3.Connection, doc_id: str, *, title: str | None, body: str, published: str | None,
         events: Sequence[tuple[str | None, str | None, str | None, str | None, str | None]],
         stored: str) -> Linked:
    """Inside the caller's transaction: put ``doc_id`` into a story (an existing one, or a new one it founds).

    ``events`` rows are (type, modality, date, date_precision, location_country). A document already linked
    keeps its story (rerun, recode).
    """
    row = conn.execute("SELECT story_id, score, via FROM story_documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is not None:
        return Linked(row[0], False, row[1], "kept")
    day = document_day(published, [e[2] for e in events if e[1] == "asserted" and e[3] == "day" and e[2]], stored)
    counts = terms(title, body)
    keys = relaxed_keys((t, m, p, c) for t, m, _d, p, c in events)
    chosen = _original_story(conn, doc_id)
    merged: list[str] = []
    if chosen is None:
        found = scored_stories(conn, counts, keys, day)
        chosen = found[0] if found else None
        merged = [story_id for story_id, score, _via in found[1:] if score >= MERGE_SCORE]
    if chosen is None:
        story_id = "s" + doc_id
        heading = title or (_SENTENCE_END.split(body.strip(), maxsplit=1)[0][:160] if body.strip() else None)
        conn.execute("INSERT INTO stories (story_id, title, first_date, last_date, documents) VALUES (?, ?, ?, ?, 0)",
                     (story_id, heading, day, day))
        linked = Linked(story_id, True, None, "new")
    else:
        linked = Linked(chosen[0], False, chosen[1], chosen[2])
    conn.execute("INSERT INTO story_documents (doc_id, story_id, day, score, via) VALUES (?, ?, ?, ?, ?)",
                 (doc_id, linked.story_id, day, linked.score, linked.via))
    _add_to_story(conn, linked.story_id, doc_id, counts, keys, day)
    for other in merged:
        _merge(conn, linked.story_id, other)
    if not linked.founded:
        _retitle(conn, linked.story_id)
    return linked


def _original_story(conn: sqlite3.Connection, doc_id: str) -> tuple[str, float, str] | None:
    """The story of the document's near-duplicate original, if it has one."""
    row = conn.execute("SELECT s.story_id, d.similarity FROM documents d JOIN story_documents s "
                       "ON s.doc_id = d.duplicate_of WHERE d.doc_id = ?", (doc_id,)).fetchone()
    return (row[0], float(row[1] or 0.0), "duplicate") if row is not None else None


def _retitle(conn: sqlite3.Connection, story_id: str) -> None:
    """The story's title is its earliest document's (a later-arriving earlier report takes it over)."""
    row = conn.execute("""SELECT d.title, d.text FROM story_documents s JOIN documents d USING (doc_id)
                          WHERE s.story_id = ? ORDER BY s.day, d.rowid LIMIT 1""", (story_id,)).fetchone()
    if row is None:
        return
    heading = row[0] or (_SENTENCE_END.split((row[1] or "").strip(), maxsplit=1)[0][:160] or None)
    conn.execute("UPDATE stories SET title = ? WHERE story_id = ?", (heading, story_id))


# ------------------------------------------------------------------------------------------------------------ read


def has_stories(conn: sqlite3.Connection) -> bool:
    """True when migration 10 (stories) is in this store."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'").fetchone() is not None


@dataclass(frozen=True, slots=True)
class StoryFilter:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        parts, params = ["s.documents > 0"], []
        if self.since:
            parts.append("s.last_date >= ?")
            params.append(self.since)
        if self.until:
            parts.append("s.first_date <= ?")
            params.append(self.until)
        if self.country:
            parts.append("EXISTS (SELECT 1 FROM story_documents sd JOIN events e ON e.doc_id = sd.doc_id "
                         "WHERE sd.story_id = s.story_id AND e.location_country = ?)")
            params.append(self.country.upper())
        if self.q:
            parts.append("s.title LIKE ? ESCAPE '\\'")
            params.append("%" + self.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        return " AND ".join(parts), params


PLACES_SHOWN = 3


def story_page(conn: sqlite3.Connection, flt: StoryFilter | None = None, *, limit: int = 50,
               offset: int = 0) -> tuple[list[StorySummary], int]:
    """One page of stories, latest first, and how many match."""
    where, params = (flt or StoryFilter()).where()
    total = conn.execute(f"SELECT COUNT(*) FROM stories s WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT s.story_id, s.title, s.first_date, s.last_date, s.documents
            FROM stories s WHERE {where} ORDER BY s.last_date DESC, s.story_id LIMIT ? OFFSET ?""",
        (*params, limit, offset)).fetchall()
    places = _place_names(conn, [r[0] for r in rows])
    return [StorySummary(r[0], r[1], r[2], r[3], r[4], _outlets(conn, r[0]), places.get(r[0], ()))
            for r in rows], int(total)


def _place_names(conn: sqlite3.Connection, story_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The most reported places of each story (asserted events), in one query for a page of stories."""
    found: dict[str, list[str]] = {}
    for story_id, name in conn.execute(
            """SELECT sd.story_id, e.location_name FROM story_documents sd JOIN events e ON e.doc_id = sd.doc_id
               WHERE sd.story_id IN (SELECT value FROM json_each(?)) AND e.location_name IS NOT NULL
                     AND e.modality = 'asserted'
               GROUP BY sd.story_id, e.location_name ORDER BY sd.story_id, COUNT(*) DESC, e.location_name""",
            (json.dumps(list(story_ids)),)):
        if len(found.setdefault(story_id, [])) < PLACES_SHOWN:
            found[story_id].append(name)
    return {k: tuple(v) for k, v in found.items()}


def _outlets(conn: sqlite3.Connection, story_id: str) -> int:
    """How many outlets report the story (as ``outlet`` names them: a site's pages are one outlet)."""
    return len({outlet(*row) for row in conn.execute(
        "SELECT d.site_name, d.url, d.agency, d.source_id FROM story_documents s JOIN documents d USING (doc_id) "
        "WHERE s.story_id = ?", (story_id,))})


def story(conn: sqlite3.Connection, story_id: str) -> Story | None:
    """One story with its documents, outlets, places and happenings (their claims side by side)."""
    head = conn.execute("SELECT story_id, title, first_date, last_date FROM stories WHERE story_id = ?",
                        (story_id,)).fetchone()
    if head is None:
        return None
    docs = [StoryDocument(r[0], r[1], r[2], outlet(r[3], r[4], r[5], r[6]), r[4], r[7], r[8], r[9])
            for r in conn.execute(
                """SELECT d.doc_id, d.title, s.day, d.site_name, d.url, d.agency, d.source_id, d.duplicate_of,
                          s.via, s.score
                   FROM story_documents s JOIN documents d USING (doc_id)
                   WHERE s.story_id = ? ORDER BY s.day, d.rowid""", (story_id,))]
    outlet_of = {d.doc_id: d.outlet for d in docs}
    originals = dict(conn.execute(f"SELECT doc_id, original FROM documents WHERE doc_id IN "
                                  f"({', '.join('?' * len(docs))})", [d.doc_id for d in docs]).fetchall())
    rows = conn.execute(
        f"""SELECT e.event_id, e.doc_id, e.type, e.happening, e.date, e.location_name, e.location_country,
                   e.geonameid, e.dead, e.injured, e.arrested, e.displaced, e.record, e.modality, e.lat, e.lon
            FROM events e WHERE e.doc_id IN ({', '.join('?' * len(docs))}) ORDER BY e.rowid""",
        [d.doc_id for d in docs]).fetchall() if docs else []
    places: Counter[tuple[str, str | None, int | None]] = Counter(
        (r[5], r[6], r[7]) for r in rows if r[5])
    points: dict[tuple[str, str | None, int | None], tuple[float, float]] = {}
    for r in rows:
        if r[5] and r[14] is not None and r[15] is not None:
            points.setdefault((r[5], r[6], r[7]), (r[14], r[15]))
    return Story(
        story_id=head[0], title=head[1], first_date=head[2], last_date=head[3], documents=tuple(docs),
        outlets=tuple(sorted(set(outlet_of.values()))),
        places=tuple(StoryPlace(n, c, g, k, *points.get((n, c, g), (None, None)))
                     for (n, c, g), k in sorted(places.items(), key=lambda x: (-x[1], x[0][0]))),
        happenings=claims_of_events([_event_row(r) for r in rows if r[13] == "asserted"], outlet_of, by_key=False,
                                    originals=originals),
    )


def _event_row(r: Sequence[Any]) -> dict[str, Any]:
    return {"event_id": r[0], "doc_id": r[1], "type": r[2], "happening": r[3], "date": r[4], "place": r[5],
            "country": r[6], "geonameid": r[7], "dead": r[8], "injured": r[9], "arrested": r[10], "displaced": r[11],
            "record": json.loads(r[12])}


def story_of_document(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT story_id FROM story_documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def rebuild(conn: sqlite3.Connection) -> int:
    """Link every stored document again, in the order it was stored, into fresh story tables (one transaction).

    For a store coded before migration 10, and for scoring other thresholds on a coded set; it reads every
    document once, so it is a batch job, not the incremental path. Returns the number of documents linked.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("story_index", "story_terms", "story_df", "story_documents", "stories"):
            conn.execute(f"DELETE FROM {table}")
        linked = 0
        docs = conn.execute("SELECT doc_id, title, text, published, created_at FROM documents "
                            "WHERE status = 'ok' AND text IS NOT NULL ORDER BY rowid").fetchall()
        for doc_id, title, text, published, created in docs:
            events = conn.execute("SELECT type, modality, date, date_precision, location_country FROM events "
                                  "WHERE doc_id = ? ORDER BY rowid", (doc_id,)).fetchall()
            link(conn, doc_id, title=title, body=text, published=published, events=events, stored=created)
            linked += 1
        conn.execute("COMMIT")
        return linked
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def summary_record(item: StorySummary) -> dict[str, Any]:
    """A story of a list as plain JSON (the API's StorySummaryOut, ``dragoman stories --format jsonl``)."""
    return {"story_id": item.story_id, "title": item.title, "first_date": item.first_date,
            "last_date": item.last_date, "documents": item.documents, "outlets": item.outlets,
            "places": list(item.places)}


def story_record(item: Story) -> dict[str, Any]:
    """One story as plain JSON (the API's StoryOut, ``dragoman stories show ID``): its reports, outlets, places,
    date span and happenings with their claims side by side."""
    return {
        "story_id": item.story_id, "title": item.title, "first_date": item.first_date, "last_date": item.last_date,
        "disputed": item.disputed, "outlets": list(item.outlets),
        "documents": [{"doc_id": d.doc_id, "title": d.title, "date": d.day, "outlet": d.outlet, "url": d.url,
                       "duplicate_of": d.duplicate_of, "linked_by": d.via, "score": d.score} for d in item.documents],
        "places": [{"name": p.name, "country": p.country, "geonameid": p.geonameid, "reports": p.reports,
                    "lat": p.lat, "lon": p.lon} for p in item.places],
        "happenings": [happening_record(h) for h in item.happenings],
    }


def happening_record(item: HappeningClaims) -> dict[str, Any]:
    return {
        "key": item.key, "type": item.type, "date": item.date, "place": item.place, "country": item.country,
        "reports": item.reports, "documents": item.documents, "disputed": item.disputed,
        "figures": figures_record(item),
    }
