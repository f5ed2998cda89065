"""Builders shared by tests: the records the store takes (Article -> CodedDoc with events), for the store, query and
API tests; an actor resolved in a parsed sentence, for the actor tests; and the tolerance of the gold floors."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman.model import (
    Actor,
    Article,
    CleanDoc,
    CodedDoc,
    Counts,
    DatePrecision,
    Event,
    Evidence,
    Modality,
    OffsetMap,
    Place,
    Quad,
    When,
    content_hash,
    event_id_for,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dragoman.extract.places.resolver import PlaceResolver


def text_article(text: str, *, published: str | None = None) -> Article:
    """A plain-text article keyed by its content, as ingest keys a file."""
    doc_id = content_hash(text)
    return Article(doc_id=doc_id, source_id=f"{doc_id}.txt", format="text", original=text, published=published)


def identity_clean(text: str, *, title: str | None = "t") -> CleanDoc:
    """A cleaned body that is the whole text (identity offset map)."""
    return CleanDoc(body=text, offsets=OffsetMap.identity(len(text)), title=title, language="en")


def coded_doc(article: Article, events: Iterable[Event], *, clean: CleanDoc | None = None) -> CodedDoc:
    """The coded document the pipeline hands the store: status ok, the body the whole text unless ``clean``."""
    return CodedDoc(doc_id=article.doc_id, source_id=article.source_id, status="ok", error=None,
                    original=article.original, format="text", article=article,
                    clean=clean or identity_clean(article.original), events=tuple(events))


TYPES: tuple[tuple[str, Quad], ...] = (
    ("ASSAULT", "material_conflict"), ("THREATEN", "verbal_conflict"), ("AID", "material_cooperation"))
MODALITIES: tuple[Modality, ...] = ("asserted", "future")
COUNTRIES = ("COD", "RWA", "SDN", None)
NAMES = {"COD": "Congolese army", "RWA": "Rwandan forces", "SDN": "Sudanese police", None: "unknown gunmen"}


def random_doc(rng: random.Random, d: int, n_events: int) -> CodedDoc:
    """Document ``d`` with ``n_events`` random events (types, countries, names, dates, places), some fields None."""
    text = f"Document {d}. " + " ".join(f"Sentence {i} about 50% of_the town." for i in range(n_events))
    article = text_article(text)
    doc_id = article.doc_id
    events = []
    for i in range(n_events):
        type_, quad = rng.choice(TYPES)
        a, r = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
        located = rng.random() < 0.8
        date = None if rng.random() < 0.1 else f"2024-0{rng.randrange(1, 4)}-1{rng.randrange(10)}"
        sentence = f"Sentence {i} about 50% of_the town."
        events.append(Event(
            event_id=event_id_for(doc_id, type_, i, a, r), doc_id=doc_id, source_id=article.source_id,
            type=type_, mode=None, cameo=None, quad=quad, modality=rng.choice(MODALITIES),
            actor=Actor(text="x", name=NAMES[a], country=a, sector="MIL"),
            recipient=Actor(text="y", name=NAMES[r], country=r, sector="CVL") if rng.random() < 0.9 else None,
            evidence=Evidence(sentence=sentence, start=i, end=i + len(sentence), trigger="x"),
            when=When(date=date, precision="day" if date else None),
            location=Place(name="P", geonameid=1, lat=rng.uniform(-10, 10), lon=rng.uniform(20, 40), country="COD",
                           precision="city") if located else None,
            counts=Counts(),
        ))
    return coded_doc(article, events)


def actor_in(text: str, word: str, *, nth: int = 0, dateline: tuple[str, ...] = ()) -> Actor | None:
    """The actor ``ActorResolver`` gives the ``nth`` token spelled ``word`` in ``text`` (parsed by the real model)."""
    from dragoman.extract.actors.resolver import ActorResolver
    from dragoman.nlp import get_nlp

    doc = get_nlp()(text)
    resolver = ActorResolver(doc, dateline_places=dateline)
    heads = [t for t in doc if t.text == word]
    return resolver.actor_for(heads[nth])


SAKE = Place(name="Sake", geonameid=205970, lat=-1.574, lon=29.043, country="COD", precision="city")


def report_event(article: Article, i: int, *, type_: str = "ASSAULT", quad: Quad = "material_conflict",
                 mode: str | None = None, modality: Modality = "asserted",
                 actor: tuple[str | None, str | None] = ("RWA", "REB"),
                 recipient: tuple[str | None, str | None] | None = ("COD", "MIL"), date: str | None = "2024-01-22",
                 precision: DatePrecision | None = "day", place: Place | None = SAKE,
                 sentence: str | None = None) -> Event:
    """Event ``i`` of ``article``: one report of a happening, every field of the happening key settable."""
    sentence = sentence or f"Report {i}: rebels shelled the town."
    start = article.original.find(sentence)
    return Event(
        event_id=event_id_for(article.doc_id, type_, i, actor[0], recipient[0] if recipient else None),
        doc_id=article.doc_id, source_id=article.source_id, type=type_, mode=mode, cameo=None,
        quad=quad, modality=modality,
        actor=Actor(text="rebels", name="rebels", country=actor[0], sector=actor[1]),
        recipient=Actor(text="soldiers", name="soldiers", country=recipient[0], sector=recipient[1])
        if recipient else None,
        evidence=Evidence(sentence=sentence, start=max(start, 0), end=max(start, 0) + len(sentence), trigger="shelled"),
        when=When(date=date, precision=precision),
        location=place, counts=Counts(),
    )


def report_doc(title: str, *reports: dict[str, Any]) -> CodedDoc:
    """A document titled ``title`` holding one event per dict of ``report_event`` options (its sentence in the text)."""
    sentences = [r.get("sentence") or f"Report {i}: rebels shelled the town." for i, r in enumerate(reports)]
    article = text_article(f"{title}\n\n" + " ".join(sentences))
    return coded_doc(article, [report_event(article, i, **{**r, "sentence": sentences[i]})
                               for i, r in enumerate(reports)])


def old_store(path: Path, migrations: int, docs: Sequence[CodedDoc], *, then: str | None = None) -> Path:
    """A store created and written under its first ``migrations`` migrations only, to test upgrades; ``then`` is
    SQL run after the writes (e.g. to blank some columns)."""
    from dragoman import store

    every = store.MIGRATIONS
    store.MIGRATIONS = every[:migrations]
    try:
        conn = store.connect(path)
        try:
            store.write_many(conn, docs)
            if then:
                conn.execute(then)
        finally:
            conn.close()
    finally:
        store.MIGRATIONS = every
    return path


# Gold floors. The gold files are fixed and the coder is deterministic (the same text, model and data files give
# the same events), so a figure measured on a gold sample moves only when the code does. Each floor is the figure
# measured when it was set, less one tolerance per kind of figure; the tolerance absorbs the rounding of the recorded
# figure with room to spare, so a drop beyond it is a regression (on the smallest samples, ~100 units, it is about
# one unit). When a change raises a figure, record the new one.
SHARE_TOLERANCE = 0.01  # a share in 0..1: precision, recall, F1, macro-F1, accuracy, share within 161 km
PER_STORY_TOLERANCE = 0.01  # events per story (a ceiling: spurious events may not grow)


def assert_not_below(measured: Mapping[str, float], got: Mapping[str, float], *,
                     tolerance: float = SHARE_TOLERANCE) -> None:
    """Every figure named in ``measured`` is in ``got`` and no lower than the measured one less ``tolerance``."""
    assert measured, "no figures to check"
    low = {name: {"now": got[name], "measured": value} for name, value in measured.items()
           if got[name] < value - tolerance}
    assert not low, f"below the measured figure by more than {tolerance}: {low}"


def scored_events(gold: Path, **options: Any) -> dict[str, Any]:
    """The event scores of a gold file, after checking that no gold text failed in the pipeline (a failure
    silently costs recall)."""
    from dragoman.evaluate.events import score_events

    scores = score_events(gold, **options)
    failed = {k: n for k, n in scores["details"]["status"].items() if k.startswith("failed")}
    assert not failed, failed
    return scores


def place_resolver(text: str, **clean_fields: Any) -> tuple[Doc, PlaceResolver]:
    """The parse of ``text`` (the real model) and the place resolver of it as a cleaned body with no furniture."""
    from dragoman.extract.places.resolver import PlaceResolver
    from dragoman.nlp import get_nlp

    doc = get_nlp()(text)
    clean = CleanDoc(body=text, offsets=OffsetMap.identity(len(text)), **clean_fields)
    return doc, PlaceResolver(doc, clean)


def token_of(doc: Doc, word: str) -> Token:
    """The first token of ``doc`` written ``word``."""
    return next(t for t in doc if t.text == word)


# --- stores and corpora for batch tests -------------------------------------------------------------------

_PLACES = ["Goma", "Sake", "Bunia", "Beni", "Rutshuru", "Masisi", "Uvira", "Bukavu"]
_ACTORS = ["Congolese troops", "M23 rebels", "Police", "Ugandan forces", "Burundian soldiers"]


def write_corpus(folder: Path, n: int) -> list[Path]:
    """n distinct wire-style stories, each a few paragraphs long."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        place = _PLACES[i % len(_PLACES)]
        actor = _ACTORS[i % len(_ACTORS)]
        other = _ACTORS[(i + 2) % len(_ACTORS)]
        text = (
            f"GOMA, Congo (Reuters) - {actor} shelled positions held by {other} near {place} on Monday, "
            f"killing {i % 9 + 2} people, a local official said.\n\n"
            f"The United Nations called for an immediate ceasefire in story number {i}. "
            f"{other} accused {actor} of attacking civilians and said they would retaliate.\n\n"
            f"Talks between Kigali and Kinshasa are expected to resume in Luanda next week, "
            f"according to Angola's foreign ministry.\n"
        )
        path = folder / f"story-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_corpus_with_copies(folder: Path, n: int) -> None:
    """n stories (``write_corpus``), half of them with a copy (other furniture, or a reworded attribution)."""
    for i, path in enumerate(write_corpus(folder, n)[: n // 2]):
        text = path.read_text(encoding="utf-8")
        copy = "Advertisement\n\n" + text if i % 2 else text.replace("a local official said", "officials said")
        (folder / f"story-{i:04d}-copy.txt").write_text(copy, encoding="utf-8")


def stored_documents(db: Path) -> int:
    """How many documents the store at ``db`` holds, read-only, while another process may be writing it (0 when
    it cannot be read yet)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_code_batch(command: list[str], db: Path, *, after: int) -> int:
    """Start ``dragoman code`` (``command``), SIGKILL it once ``after`` documents are stored in ``db``, and
    return how many are stored then; fails when the batch ends before it could be killed."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored_documents(db) < after and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, "the batch finished before it could be killed: make the corpus larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return stored_documents(db)


def killed_then_rerun(source: Path, db: Path, *, after: int) -> int:
    """``dragoman code source --db db`` (one worker) killed with SIGKILL once ``after`` documents are stored, then
    run again to the end; returns how many were stored when it was killed."""
    command = [sys.executable, "-m", "dragoman.cli", "code", str(source), "--db", str(db), "--workers", "1"]
    stored_at_kill = kill_code_batch(command, db, after=after)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    return stored_at_kill


# Two wire-style news texts written for the tests (the input tests wrap them in pages, records and feeds).
KENYA = (
    "Kenyan police arrested 32 protesters in Nairobi on Tuesday after demonstrators marched on parliament "
    "against a proposed tax increase, a police spokesman said. Officers fired tear gas to disperse the crowd "
    "near the city centre. The opposition leader condemned the arrests and demanded the release of the students."
)
NIGERIA = (
    "Gunmen attacked a village in Zamfara state in northwest Nigeria on Sunday, killing at least 12 people, local "
    "officials said. The attackers also kidnapped 20 residents, according to a state government spokesman. "
    "Nigerian troops were deployed to the area on Monday."
)
