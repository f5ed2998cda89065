"""A real SQLite store for the API and browser tests, and checks that it is what the tests think it is.

The examples are coded with the real pipeline. Because the event coder may still find few events, more
documents are written through the real write path (``store.write_coded``) with events built from the model
dataclasses, every offset found in the document text; one has page furniture the cleaner's offset map skips,
one carries hostile markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dragoman import query, store
from dragoman.clean import clean_article
from dragoman.codes import CAMEO_ROOT, PLOVER_QUAD
from dragoman.ingest import article_from_text
from dragoman.model import (
    Actor,
    CleanDoc,
    CodedDoc,
    Counts,
    Event,
    Evidence,
    OffsetMap,
    Place,
    When,
    event_id_for,
)
from dragoman.pipeline import code_files
from factories import coded_doc

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
HOSTILE_MARKUP = '<script>window.__dragomanPwned = 1</script><img src="x" onerror="window.__dragomanPwned = 2">'
FURNITURE = "Share this story\nAdvertisement\n"


@dataclass(frozen=True, slots=True)
class Spec:
    """One event sentence: who does what to whom, where."""

    type: str
    mode: str | None
    actor: tuple[str, str, str]  # text, country, sector
    verb: str
    recipient: tuple[str, str, str]
    place: tuple[str, int, float, float, str]  # name, geonameid, lat, lon, country
    dead: int | None = None


SPECS = (
    Spec("ASSAULT", "heavy-weapons", ("Congolese troops", "COD", "MIL"), "shelled",
         ("M23 rebels", "COD", "REB"), ("Sake", 205970, -1.5736, 29.0452, "COD"), dead=12),
    Spec("ACCUSE", None, ("Rwanda's government", "RWA", "GOV"), "accused",
         ("Congo's army", "COD", "MIL"), ("Kigali", 202061, -1.9499, 30.0588, "RWA")),
    Spec("CONSULT", None, ("Ethiopian officials", "ETH", "GOV"), "met",
         ("Tigrayan leaders", "ETH", "REB"), ("Mekelle", 331180, 13.4967, 39.4753, "ETH")),
    Spec("AID", None, ("UN agencies", "UNO", "IGO"), "delivered food to",
         ("displaced families", "PSE", "CVL"), ("Gaza", 281133, 31.5017, 34.4668, "PSE")),
    Spec("PROTEST", "demonstrate", ("Students", "MMR", "CVL"), "marched against",
         ("the military council", "MMR", "GOV"), ("Yangon", 1298824, 16.8053, 96.1561, "MMR")),
    Spec("SANCTION", None, ("The United States", "USA", "GOV"), "sanctioned",
         ("two Sudanese commanders", "SDN", "MIL"), ("Khartoum", 379252, 15.5518, 32.5324, "SDN")),
    Spec("THREATEN", None, ("Kigali", "RWA", "GOV"), "warned",
         ("Kinshasa", "COD", "GOV"), ("Kinshasa", 2314302, -4.3276, 15.3136, "COD")),
    Spec("ASSAULT", "aerial", ("Sudanese jets", "SDN", "MIL"), "bombed",
         ("a market", "SDN", "CVL"), ("Nyala", 364933, 12.0489, 24.8807, "SDN"), dead=30),
)
DAYS = ("2024-01-03", "2024-01-08", "2024-01-15", "2024-01-22")


def _sentence(spec: Spec, day: str) -> str:
    return f"{spec.actor[0]} {spec.verb} {spec.recipient[0]} in {spec.place[0]} on {day}."


def _at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = text.index(needle, start)
    return at, at + len(needle)


def _event(doc_id: str, source_id: str, original: str, spec: Spec, day: str, sentence: str) -> Event:
    s0, s1 = _at(original, sentence)
    a0, a1 = _at(original, spec.actor[0], s0)
    t0, t1 = _at(original, spec.verb, a1)
    r0, r1 = _at(original, spec.recipient[0], t1)
    p0, p1 = _at(original, f"in {spec.place[0]}", r1)
    d0, d1 = _at(original, day, p1)
    return Event(
        event_id=event_id_for(doc_id, spec.type, t0, spec.actor[1], spec.recipient[1]),
        doc_id=doc_id,
        source_id=source_id,
        type=spec.type,
        mode=spec.mode,
        cameo=CAMEO_ROOT[spec.type],
        quad=PLOVER_QUAD[spec.type],
        modality="asserted",
        actor=Actor(text=spec.actor[0], name=spec.actor[0], country=spec.actor[1], sector=spec.actor[2],
                    start=a0, end=a1),
        recipient=Actor(text=spec.recipient[0], name=spec.recipient[0], country=spec.recipient[1],
                        sector=spec.recipient[2], start=r0, end=r1),
        evidence=Evidence(sentence=sentence, start=s0, end=s1, trigger=spec.verb, trigger_start=t0, trigger_end=t1),
        when=When(date=day, precision="day", text=day, start=d0, end=d1),
        location=Place(name=spec.place[0], geonameid=spec.place[1], lat=spec.place[2], lon=spec.place[3],
                       country=spec.place[4], precision="city", start=p0 + 3, end=p1),
        counts=Counts(dead=spec.dead),
    )


def _write(conn: object, text: str, source_id: str, specs_days: list[tuple[Spec, str, str]], *,
           clean: CleanDoc | None = None, title: str | None = None) -> CodedDoc:
    article = article_from_text(text, source_id=source_id, published="2024-01-23")
    clean = clean or clean_article(article)
    if title:
        clean = CleanDoc(body=clean.body, offsets=clean.offsets, title=title, language="en")
    events = tuple(_event(article.doc_id, source_id, article.original, spec, day, sentence)
                   for spec, day, sentence in specs_days)
    coded = coded_doc(article, events, clean=clean)
    store.write_coded(conn, coded)  # type: ignore[arg-type]
    return coded


def build_db(path: Path, *, examples: bool = True) -> dict[str, str]:
    """Make the test store at ``path``; returns the ids the tests look up by name."""
    if examples:
        code_files([EXAMPLES_DIR], db=path, published="2024-01-23")
    conn = store.connect(path)
    ids: dict[str, str] = {}
    try:
        for n, day in enumerate(DAYS):
            rows = [(spec, day, _sentence(spec, day)) for spec in SPECS]
            text = f"Regional roundup {n + 1}\n\n" + "\n\n".join(sentence for _, _, sentence in rows) + "\n"
            coded = _write(conn, text, f"roundup-{n + 1}.txt", rows, title=f"Regional roundup {n + 1}")
            ids[f"roundup{n + 1}"] = coded.doc_id

        # Furniture the cleaner dropped: the body skips the first lines, the offset map says where.
        spec, day = SPECS[0], "2024-01-25"
        sentence = _sentence(spec, day)
        body = f"Fighting near Goma\n\n{sentence}\n"
        original = FURNITURE + body
        clean = CleanDoc(body=body, offsets=OffsetMap.from_positions(list(range(len(FURNITURE), len(original)))),
                         title="Fighting near Goma", language="en", removed=("share",))
        coded = _write(conn, original, "furniture.txt", [(spec, day, sentence)], clean=clean)
        ids["furniture"] = coded.doc_id
        ids["furniture_event"] = coded.events[0].event_id

        # Hostile markup inside the article and the evidence sentence: it must show as text, never run.
        spec, day = SPECS[4], "2024-01-27"
        sentence = f"Students marched against the military council in Yangon on {day}. {HOSTILE_MARKUP}"
        text = f"Unrest {HOSTILE_MARKUP}\n\n{sentence}\n"
        # The body is kept whole (identity map) whatever the cleaner would make of the markup.
        clean = CleanDoc(body=text, offsets=OffsetMap.identity(len(text)), title=f"Unrest {HOSTILE_MARKUP}",
                         language="en")
        coded = _write(conn, text, "hostile.txt", [(spec, day, sentence)], clean=clean)
        ids["hostile"] = coded.doc_id
        ids["hostile_event"] = coded.events[0].event_id
    finally:
        conn.close()
    return ids


N_SYNTHETIC_EVENTS = len(SPECS) * len(DAYS) + 2


def test_dataset_holds_the_synthetic_events_and_the_examples(tmp_path: Path) -> None:
    ids = build_db(tmp_path / "t.db")
    conn = store.connect(tmp_path / "t.db", read_only=True)
    statuses = store.status_counts(conn)
    assert statuses.get("ok", 0) >= len(DAYS) + 2 + len(list(EXAMPLES_DIR.glob("*.txt")))
    synthetic = sum(query.count_events(conn, query.EventFilter(doc_id=doc_id)) for doc_id in ids.values())
    assert synthetic == N_SYNTHETIC_EVENTS
    record = query.get_event(conn, ids["furniture_event"])
    assert record is not None
    original = query.get_document(conn, ids["furniture"])["original"]
    ev = record["evidence"]
    assert original[ev["start"]:ev["end"]] == ev["sentence"]
