"""The records that pass between stages: frozen, slotted dataclasses, never loose dicts.

Offsets: ``Article.original`` is the document text as read (decoded file text, or the
text trafilatura extracted from an HTML page). ``CleanDoc.body`` is the cleaned body;
``CleanDoc.offsets`` maps every body character back into ``Article.original``. Every
offset stored on an ``Event`` (actors, places, dates, evidence) points into the original,
and every text stored with offsets (evidence sentence and trigger, actor, recipient and
attribution text, date text) is ``original[start:end]``: the characters as the source wrote
them. A ``Place`` keeps its name, not the mention ("Chinese" locates China).
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["ok", "skipped", "failed"]
Modality = Literal["asserted", "future", "hypothetical", "negated", "historical"]
Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
DatePrecision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["city", "region", "country"]


def content_hash(*parts: str) -> str:
    """A short, stable id from text parts (sha256, 16 hex digits)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as read, before cleaning."""

    doc_id: str
    source_id: str
    format: Literal["text", "html", "jsonl"]
    original: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    site_name: str | None = None
    raw_html: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an Article: stored with its reason, the batch goes on."""

    doc_id: str
    source_id: str
    status: Literal["skipped", "failed"]
    error: str
    original: str = ""
    format: str | None = None


def _run_start(run: tuple[int, int, int]) -> int:
    return run[0]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions in the cleaned body to positions in the original text.

    Stored as runs ``(body_start, original_start, length)``: inside a run characters map
    one to one; between runs the cleaner dropped or replaced original text.
    """

    runs: tuple[tuple[int, int, int], ...]
    body_length: int

    def to_original(self, body_index: int) -> int:
        """Original offset of body character ``body_index`` (an end offset maps past its run)."""
        if not self.runs:
            return body_index
        i = max(0, bisect.bisect_right(self.runs, body_index, key=_run_start) - 1)
        body_start, original_start, length = self.runs[i]
        delta = body_index - body_start
        if delta <= length:
            return original_start + delta
        return original_start + length

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the body span ``[start, end)``."""
        if end <= start:
            orig = self.to_original(start)
            return orig, orig
        return self.to_original(start), self.to_original(end - 1) + 1

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(runs=((0, 0, length),) if length else (), body_length=length)

    @classmethod
    def from_positions(cls, positions: list[int]) -> OffsetMap:
        """Build from one original offset per body character."""
        runs: list[tuple[int, int, int]] = []
        for body_i, orig_i in enumerate(positions):
            if runs:
                b0, o0, n = runs[-1]
                if b0 + n == body_i and o0 + n == orig_i:
                    runs[-1] = (b0, o0, n + 1)
                    continue
            runs.append((body_i, orig_i, 1))
        return cls(runs=tuple(runs), body_length=len(positions))

    def to_json(self) -> list[list[int]]:
        return [list(run) for run in self.runs]

    @classmethod
    def from_json(cls, runs: list[list[int]], body_length: int) -> OffsetMap:
        return cls(runs=tuple((int(a), int(b), int(c)) for a, b, c in runs), body_length=body_length)


@dataclass(frozen=True, slots=True)
class CleanDoc:
    """The cleaned body and the metadata the cleaner separated from it."""

    body: str
    offsets: OffsetMap
    title: str | None = None
    section: str | None = None
    dateline: str | None = None
    dateline_places: tuple[str, ...] = ()
    agency: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()  # kinds of furniture removed, e.g. "caption", "credit"


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3 or PLOVER international code
    sector: str | None = None  # PLOVER sector code
    start: int | None = None  # offsets into Article.original
    end: int | None = None
    backer: str | None = None  # "Rwanda-backed" -> "RWA": kept as an attribute, not the actor


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: PlacePrecision | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class When:
    date: str | None = None  # ISO 8601 calendar date
    precision: DatePrecision | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """A figure of an event's happening that another mention in the same document gives otherwise ("officials
    said 82 were killed ... 75 people were killed there, the Red Cross said"): kept beside the event's own figure,
    with its sentence and who says it, never averaged away (claims.py shows both)."""

    figure: str  # dead, injured, arrested or displaced
    value: int
    claimant: str | None  # the other mention's attribution, if it has one
    sentence: str
    start: int  # sentence offsets into Article.original
    end: int


@dataclass(frozen=True, slots=True)
class Counts:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    displaced: int | None = None
    # ("dead", "at_least") etc. for figures stated as bounds or approximations
    bounds: tuple[tuple[str, str], ...] = ()
    # the same figures as other mentions of this happening in the document give them, where they differ
    also_stated: tuple[StatedFigure, ...] = ()

    def is_empty(self) -> bool:
        return all(v is None for v in (self.dead, self.injured, self.arrested, self.displaced))


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int  # sentence offsets into Article.original
    end: int
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    source_id: str
    type: str  # PLOVER event type
    mode: str | None
    cameo: str | None
    quad: Quad | None
    modality: Modality
    actor: Actor | None
    recipient: Actor | None
    evidence: Evidence
    when: When = field(default_factory=When)
    location: Place | None = None
    counts: Counts = field(default_factory=Counts)
    attribution: Actor | None = None
    # the trained detector's probability of this event's type in its sentence (None: rules only)
    confidence: float | None = None

    def to_record(self) -> dict[str, Any]:
        """The JSON event record of DESIGN.md."""
        counts = {k: getattr(self.counts, k) for k in ("dead", "injured", "arrested", "displaced")}
        counts["bounds"] = dict(self.counts.bounds) or None
        counts["also_stated"] = [asdict(f) for f in self.counts.also_stated] or None
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "source_id": self.source_id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad": self.quad,
            "modality": self.modality,
            "actor": _actor_record(self.actor),
            "recipient": _actor_record(self.recipient),
            "date": self.when.date,
            "date_precision": self.when.precision,
            "date_text": self.when.text,
            "location": asdict(self.location) if self.location else None,
            "counts": counts,
            "attribution": _actor_record(self.attribution),
            "evidence": asdict(self.evidence),
            "confidence": self.confidence,
        }


def _actor_record(actor: Actor | None) -> dict[str, Any] | None:
    return asdict(actor) if actor else None


def event_id_for(doc_id: str, type_: str, trigger_start: int, actor: str | None, recipient: str | None) -> str:
    return content_hash(doc_id, type_, str(trigger_start), actor or "", recipient or "")


@dataclass(frozen=True, slots=True)
class CodedDoc:
    """What the pipeline hands the store for one input: the document and its events."""

    doc_id: str
    source_id: str
    status: Status
    error: str | None
    original: str
    format: str | None
    article: Article | None = None
    clean: CleanDoc | None = None
    events: tuple[Event, ...] = ()
    # LSH band keys of the cleaned body's MinHash (duplicates.band_keys), computed where it is coded; the store's
    # single writer probes them for a near-duplicate original. Empty: not probed (not coded, or built by hand).
    bands: tuple[int, ...] = ()
