"""Story-level scoring: the facts an analyst codes from whole news stories, against what dragoman codes.

The gold file (``eval/stories/stories.jsonl``, written to ``docs/codebook.md``) holds one story a line: where
its text is (a data set file and doc id, with the sha256 of the text), its publication date, its split and
the facts read from it. The texts are not in the repository: they are read from the gold data folder
(``../shared/gold`` next to the checkout, or ``texts``).

A fact is **found** when one asserted event of the story has its type (or an accepted neighbour type), the
actor's and the recipient's country (a null gold country wants no country), a place within 50 km of the
gold place (when the gold gives one) and the gold date (when the gold gives one). Each event finds at most
one fact (a maximum matching). **Found in its sentence** (``recall_in_sentence``) asks more: the event is read
from the sentence the gold gives for the fact, so an event of another happening of the same type and countries
finds nothing (the audit found the plain test lenient). **Spurious** events are asserted events that find no
fact; events of other modalities (future, hypothetical, negated, historical) are not counted as spurious. **Background**
events are the spurious ones coded from a sentence the gold lists as background. Per-field accuracy is
taken over each fact's best-matching event: among the story's events (any modality), one with the right
type if there is one, and of those the one with the most fields right; a fact with no event at all counts
wrong in every field.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..model import Event

PLACE_TOLERANCE_KM = 50.0
SPLITS = ("dev", "heldout")

# Types an analyst accepts for one another (docs/codebook.md, section 3); the relation is not symmetric.
NEIGHBOUR_TYPES: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"COERCE"}),
    "COERCE": frozenset({"ASSAULT", "SANCTION"}),
    "SANCTION": frozenset({"COERCE"}),
    "ACCUSE": frozenset({"REJECT"}),
    "REJECT": frozenset({"ACCUSE"}),
    "SUPPORT": frozenset({"COOPERATE"}),
    "COOPERATE": frozenset({"SUPPORT", "AID"}),
    "AID": frozenset({"COOPERATE"}),
    "CONCEDE": frozenset({"RETREAT"}),
    "RETREAT": frozenset({"CONCEDE"}),
    "MOBILIZE": frozenset({"THREATEN"}),
}
FIELDS = ("type", "actor", "recipient", "place", "date", "dead", "modality")


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldFact:
    type: str
    actor: str | None
    recipient: str | None
    place: GoldPlace | None
    date: str | None
    dead: int | None
    modality: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldStory:
    story_id: str
    file: str  # the source file, relative to the texts folder
    doc_id: str
    sha256: str
    published: str | None
    split: str
    background: tuple[tuple[int, int], ...]
    facts: tuple[GoldFact, ...]


@dataclass(frozen=True, slots=True)
class StoryResult:
    """What the scorer found in one story."""

    story: GoldStory
    found: tuple[bool, ...]  # per fact
    found_in_sentence: tuple[bool, ...]  # per fact: found by an event coded from the fact's own sentence
    best: tuple[Event | None, ...]  # per fact: the best-matching event
    asserted: int
    spurious: int
    background: int


# --- reading the gold file -------------------------------------------------------------------------------

def _place(record: dict[str, Any] | None) -> GoldPlace | None:
    if record is None:
        return None
    return GoldPlace(str(record["name"]), float(record["lat"]), float(record["lon"]))


def _fact(record: dict[str, Any]) -> GoldFact:
    counts = record.get("counts") or {}
    start, end = record["span"]
    return GoldFact(type=str(record["type"]), actor=record.get("actor"), recipient=record.get("recipient"),
                    place=_place(record.get("place")), date=record.get("date"), dead=counts.get("dead"),
                    modality=str(record.get("modality", "asserted")), span=(int(start), int(end)))


def _story(record: dict[str, Any]) -> GoldStory:
    source = record["source"]
    return GoldStory(
        story_id=str(record["story_id"]), file=str(source["file"]), doc_id=str(source["doc_id"]),
        sha256=str(source["sha256"]), published=record.get("published"), split=str(record["split"]),
        background=tuple((int(a), int(b)) for a, b in record.get("background", [])),
        facts=tuple(_fact(f) for f in record["facts"]),
    )


def read_stories(gold: Path) -> list[GoldStory]:
    """The stories of a gold file (JSON lines); EvaluationError naming the line when one is malformed."""
    try:
        lines = gold.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read the story gold file {gold} ({exc})") from exc
    stories = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            stories.append(_story(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{gold}, line {number}: not a story record ({type(exc).__name__}: {exc}); "
                                  "see docs/codebook.md and eval/stories/README.md for the layout") from exc
    if not stories:
        raise EvaluationError(f"no stories in {gold}: expected one JSON story record a line")
    return stories


# --- the texts -------------------------------------------------------------------------------------------

def default_texts_root(gold: Path) -> Path:
    """``../shared/gold`` beside the checkout that holds the gold file (found by its pyproject.toml)."""
    start = gold.resolve().parent
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file():
            return folder.parent / "shared" / "gold"
    return start


def _texts_of_file(path: Path) -> dict[str, str]:
    """doc id -> text of one source file: a GeoWebNews/LGL XML file, or a plain text file (doc id = its name)."""
    if path.suffix.lower() == ".xml":
        from .geo import read_gold

        return {article.doc_id: article.text for article in read_gold(path)}
    return {path.stem: path.read_text("utf-8")}


def load_texts(stories: Sequence[GoldStory], root: Path) -> list[str]:
    """Each story's text, checked against its sha256; EvaluationError with the fix when missing or changed."""
    files: dict[str, dict[str, str]] = {}
    texts = []
    for story in stories:
        path = root / story.file
        if story.file not in files:
            if not path.is_file():
                raise EvaluationError(
                    f"story text source {path} not found: pass --texts with the folder that holds "
                    f"{story.file} (the shared gold folder, e.g. ../shared/gold)")
            files[story.file] = _texts_of_file(path)
        text = files[story.file].get(story.doc_id)
        if text is None:
            raise EvaluationError(f"{story.story_id}: no document {story.doc_id!r} in {path}")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != story.sha256:
            raise EvaluationError(f"{story.story_id}: the text in {path} is not the annotated one (sha256 "
                                  "differs): use the original data set file, or re-annotate the story")
        texts.append(text)
    return texts


def code_stories(stories: Sequence[GoldStory], texts: Sequence[str]) -> list[tuple[Event, ...]]:
    """The events dragoman codes from each text (one batched run of the real pipeline)."""
    from ..ingest import article_from_text
    from ..pipeline import code_articles

    articles = [article_from_text(text, source_id=story.story_id, published=story.published)
                for story, text in zip(stories, texts)]
    coded = code_articles(articles)
    return [doc.events if doc.status == "ok" else () for doc in coded]


# --- matching --------------------------------------------------------------------------------------------

def _country(actor: Any) -> str | None:
    return actor.country if actor is not None else None


def type_ok(fact: GoldFact, event: Event) -> bool:
    return event.type == fact.type or event.type in NEIGHBOUR_TYPES.get(fact.type, frozenset())


def place_ok(fact: GoldFact, event: Event) -> bool:
    """Within 50 km of the gold place; a fact without a place accepts any."""
    if fact.place is None:
        return True
    location = event.location
    if location is None or location.lat is None or location.lon is None:
        return False
    from ..extract.places.resolver import haversine_km

    return haversine_km(fact.place.lat, fact.place.lon, location.lat, location.lon) <= PLACE_TOLERANCE_KM


def field_checks(fact: GoldFact, event: Event) -> dict[str, bool | None]:
    """Each field right (True), wrong (False) or not scored for this fact (None)."""
    return {
        "type": type_ok(fact, event),
        "actor": _country(event.actor) == fact.actor,
        "recipient": _country(event.recipient) == fact.recipient,
        "place": place_ok(fact, event) if fact.place is not None else None,
        "date": event.when.date == fact.date if fact.date is not None else None,
        "dead": event.counts.dead == fact.dead if fact.dead is not None else None,
        "modality": event.modality == fact.modality,
    }


def finds(fact: GoldFact, event: Event) -> bool:
    """The analyst's test: type (or neighbour), both countries, place, date and modality all right."""
    checks = field_checks(fact, event)
    return all(checks[name] is not False for name in ("type", "actor", "recipient", "place", "date", "modality"))


def _match(fact_count: int, candidates: Callable[[int], Iterable[int]]) -> dict[int, int]:
    """A maximum matching fact -> event (augmenting paths; stories are small)."""
    event_owner: dict[int, int] = {}

    def assign(fact: int, seen: set[int]) -> bool:
        for event in candidates(fact):
            if event in seen:
                continue
            seen.add(event)
            if event not in event_owner or assign(event_owner[event], seen):
                event_owner[event] = fact
                return True
        return False

    for fact in range(fact_count):
        assign(fact, set())
    return {fact: event for event, fact in event_owner.items()}


def best_event(fact: GoldFact, events: Sequence[Event]) -> Event | None:
    """The right type first, then the most fields right; the earliest on ties."""
    def rank(event: Event) -> tuple[bool, int]:
        checks = field_checks(fact, event)
        return checks["type"] is True, sum(value is True for value in checks.values())

    return max(events, key=rank, default=None)


def _overlaps(event: Event, spans: Iterable[tuple[int, int]]) -> bool:
    return any(event.evidence.start < end and start < event.evidence.end for start, end in spans)


def score_story(story: GoldStory, events: Sequence[Event]) -> StoryResult:
    asserted = [event for event in events if event.modality == "asserted"]
    matching = _match(len(story.facts),
                      lambda i: (j for j, event in enumerate(asserted) if finds(story.facts[i], event)))
    # Stricter: the event must be read from the sentence that states the fact (an event of another happening
    # with the same type and countries finds nothing).
    in_sentence = _match(len(story.facts),
                         lambda i: (j for j, event in enumerate(asserted)
                                    if finds(story.facts[i], event) and _overlaps(event, [story.facts[i].span])))
    used = set(matching.values())
    unmatched = [event for j, event in enumerate(asserted) if j not in used]
    return StoryResult(
        story=story,
        found=tuple(i in matching for i in range(len(story.facts))),
        found_in_sentence=tuple(i in in_sentence for i in range(len(story.facts))),
        best=tuple(best_event(fact, events) for fact in story.facts),
        asserted=len(asserted),
        spurious=len(unmatched),
        background=sum(_overlaps(event, story.background) for event in unmatched),
    )


# --- figures ---------------------------------------------------------------------------------------------

def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _field_figures(results: Sequence[StoryResult]) -> tuple[dict[str, float | None], dict[str, int]]:
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    for result in results:
        for fact, event in zip(result.story.facts, result.best):
            checks = field_checks(fact, event) if event is not None else None
            for name in FIELDS:
                wanted = _field_wanted(fact, name)
                if not wanted:
                    continue
                scored[name] += 1
                right[name] += bool(checks and checks[name])
    return {name: _ratio(right[name], scored[name]) for name in FIELDS}, scored


def _field_wanted(fact: GoldFact, name: str) -> bool:
    """Whether the gold scores this field for this fact (null place, date and count are not scored)."""
    return {"place": fact.place is not None, "date": fact.date is not None,
            "dead": fact.dead is not None}.get(name, True)


def summarise(results: Sequence[StoryResult]) -> dict[str, Any]:
    facts = sum(len(r.story.facts) for r in results)
    found = sum(sum(r.found) for r in results)
    in_sentence = sum(sum(r.found_in_sentence) for r in results)
    spurious = sum(r.spurious for r in results)
    fields, scored = _field_figures(results)
    return {
        "stories": len(results),
        "facts": facts,
        "found": found,
        "recall": _ratio(found, facts),
        "found_in_sentence": in_sentence,
        "recall_in_sentence": _ratio(in_sentence, facts),
        "asserted_events": sum(r.asserted for r in results),
        "spurious": spurious,
        "spurious_per_story": _ratio(spurious, len(results)),
        "background_events": sum(r.background for r in results),
        "field_accuracy": fields,
        "field_counts": scored,
    }


def _story_row(result: StoryResult) -> dict[str, Any]:
    return {"story_id": result.story.story_id, "split": result.story.split, "facts": len(result.story.facts),
            "found": sum(result.found), "found_in_sentence": sum(result.found_in_sentence),
            "asserted_events": result.asserted, "spurious": result.spurious,
            "background_events": result.background}


def score_stories(gold: Path, *, split: str | None = None, texts: Path | None = None) -> dict[str, Any]:
    """Facts found, spurious events per story and per-field accuracy, overall and per split.

    ``split``: only the stories of that split ("dev" or "heldout"). ``texts``: the folder the stories'
    source files are read from (default ``../shared/gold`` beside the checkout holding ``gold``).
    """
    if split is not None and split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    stories = [s for s in read_stories(gold) if split is None or s.split == split]
    if not stories:
        raise EvaluationError(f"no stories of split {split!r} in {gold}")
    root = texts if texts is not None else default_texts_root(gold)
    coded = code_stories(stories, load_texts(stories, root))
    results = [score_story(story, events) for story, events in zip(stories, coded)]
    scores = summarise(results)
    scores["splits"] = {name: summarise([r for r in results if r.story.split == name])
                        for name in SPLITS if any(r.story.split == name for r in results)}
    scores["per_story"] = [_story_row(r) for r in results]
    scores["place_tolerance_km"] = PLACE_TOLERANCE_KM
    return scores
