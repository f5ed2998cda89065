"""A learned check of each coded event on ordinary news (issue 12): is this mention a real happening of its type?

The rules fire on every trigger word; on whole news articles most of what they code is not an event an analyst
codes (the audit: 38 % real), and the sentence detector, trained on event-dense sentence sets, rarely says "no
event" on news. This check is trained on the project's own annotation of whole news articles
(``eval/annotations``: every sentence with the PLOVER types it reports, most with none): each event the coder
makes there is right when its sentence carries its type. A logistic regression (``dragoman.learn.verify``,
``make train``) over what the event and its place in the story look like (``event_features``: its type and
trigger word, the trigger's part of speech and grammatical role, the clause's tense and quotes, which sides it
names and of what kind, the sentence's position in the story and its content words, the detector's confidence)
gives each event the probability that it is real, which becomes its ``confidence``; an event below the threshold
chosen by cross-validation inside the training articles is dropped, unless its type is one the training articles
hold too few right examples of (``abstain``: the check would only have learnt how rare the type is in local news)
and a side of the event is political (``political``).

It runs in the default coding path after the detector (``dragoman.extract.extract_events``), before the story is
read together, so a dropped mention's figure goes back to the sentence's other events and a later mention can
still carry the happening. It abstains on a text of fewer than ``MIN_SENTENCES`` sentences (a lone sentence is no
story; measured, the check made single-sentence sets worse), though it still gives their events its probability.
``checking(False)`` turns it off (``rules`` mode never uses it); ``collecting_checks()`` records every candidate
with its features, for training and measuring.

The artifact is JSON inside the package (``data/verifier.json``): the non-zero weights, the bias, the threshold
and what it was trained on; scoring an event is one sum.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from ... import lexicon as lx
from ...codes import PLOVER_QUAD
from ...errors import ModelError
from ...model import Actor, Event
from ...resources import DATA_DIR, read_json
from ..actors.resolver import names_its_state
from .arguments import lemma_of
from .attribution import is_reporting_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

VERIFIER_PATH: Final = DATA_DIR / "verifier.json"
FORMAT: Final = "dragoman-verifier/1"

# The check reads an event in its story (its sentence's place, the story's other events): a text shorter than
# this is no story, and the check trained on whole articles leaves it as the rules and the detector coded it.
MIN_SENTENCES: Final = 3
_CHECKING: ContextVar[bool] = ContextVar("dragoman_event_check", default=True)
_COLLECT: ContextVar[list[tuple[Event, list[str]]] | None] = ContextVar("dragoman_event_check_rows", default=None)
_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "them", "him", "her", "his", "its", "their", "we", "us",
                              "our", "i", "you", "this", "that", "these", "those", "who", "which"})
_QUOTES: Final = frozenset({'"', "“", "”", "``", "''"})


@dataclass(frozen=True, slots=True)
class Verifier:
    """A logistic regression over binary features: p(real) = sigmoid(bias + the sum of the present weights)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    about: Mapping[str, Any]
    # types it never drops: too few right ones in its training articles to tell a real one (``make train``)
    abstain: frozenset[str] = frozenset()

    def probability(self, features: Sequence[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-score))


def verifier_from_json(data: Mapping[str, Any]) -> Verifier:
    if data.get("format") != FORMAT:
        raise ModelError(f"the event check file is {data.get('format')!r}, not {FORMAT!r}; rebuild it with "
                         "`make train`", stage="extract")
    return Verifier({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                    float(data["threshold"]), dict(data.get("about", {})), frozenset(data.get("abstain", ())))


@lru_cache(maxsize=1)
def load_verifier() -> Verifier | None:
    """The packaged event check, or None when the package ships none (then nothing is dropped)."""
    if not VERIFIER_PATH.is_file():
        return None
    return verifier_from_json(read_json(VERIFIER_PATH, what="the event check", fix="rebuild it with `make train`"))


@contextmanager
def checking(enabled: bool) -> Iterator[None]:
    """Code with the event check on or off inside the block (this thread or task)."""
    token = _CHECKING.set(enabled)
    try:
        yield
    finally:
        _CHECKING.reset(token)


@contextmanager
def collecting_checks() -> Iterator[list[tuple[Event, list[str]]]]:
    """Inside the block, every event the check sees is recorded with its features (and none is dropped)."""
    rows: list[tuple[Event, list[str]]] = []
    token = _COLLECT.set(rows)
    checked = _CHECKING.set(False)
    try:
        yield rows
    finally:
        _CHECKING.reset(checked)
        _COLLECT.reset(token)


def checked(events: Sequence[Event], *, triggers: Mapping[str, Token], sentence_index: Mapping[str, int],
            sentences: int, verifier: Verifier | None = None, added: Collection[str] = ()) -> list[Event]:
    """``events`` without those the check finds unlikely to be real, each kept one with the check's probability
    that it is real as its ``confidence`` (all kept as they are when the check is off or absent).
    ``sentence_index``: event id -> the index of its sentence in the document; ``sentences``: how many it has.
    ``added``: ids of events the detector added where no rule fired; the check's abstention on rare types spares
    what a rule found, not these (no rule vouches for them)."""
    per_sentence: dict[int, int] = {}
    for event in events:
        at = sentence_index.get(event.event_id, -1)
        per_sentence[at] = per_sentence.get(at, 0) + 1
    rows = _COLLECT.get()
    model = verifier if verifier is not None else (load_verifier() if _CHECKING.get() else None)
    if rows is None and model is None:
        return list(events)
    # trained on whole articles: on a lone sentence or two it has no story to read, and drops nothing
    drops = sentences >= MIN_SENTENCES
    kept = []
    for event in events:
        at = sentence_index.get(event.event_id, -1)
        features = event_features(event, triggers.get(event.event_id), sentence_index=at,
                                  events_in_sentence=per_sentence[at], sentences=sentences)
        if rows is not None:
            rows.append((event, features))
        if model is None:
            kept.append(event)
            continue
        real = model.probability(features)
        spared = event.type in model.abstain and political(event) and event.event_id not in added
        if not drops or real >= model.threshold or spared:
            kept.append(replace(event, confidence=round(real, 4)))
    return kept


# Sides that make an event political whatever its type: state organs, armed groups, parties, a state or an
# international body named as itself.
POLITICAL_SECTORS: Final = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "PTY", "LEG", "JUD", "SPY", "UAF"})
# International bodies by their code (not multinational companies): the UN, regional blocs, aid agencies, NGOs.
INTERNATIONAL_BODIES: Final = lx.INTERNATIONAL - {"MNC"}


def political(event: Event) -> bool:
    """Whether a named side of the event is a state named as itself, a state organ, an armed group, a party or an
    international body ("the rebels released 15 hostages", "Japan pledged aid to Ukraine"; not "the hotline helped
    50 million people", nor a private person a country is known of): where the check abstains on a type, only such
    events are kept whatever it says."""
    return any(side is not None and side.start is not None and (
        side.sector in POLITICAL_SECTORS or side.country in INTERNATIONAL_BODIES or names_its_state(side))
        for side in (event.actor, event.recipient))


def event_features(event: Event, trigger: Token | None, *, sentence_index: int, events_in_sentence: int,
                   sentences: int) -> list[str]:
    """What one event looks like: its type and trigger, the trigger's grammar, its sides, its sentence's place in
    a document of ``sentences`` sentences (a lone sentence is not a story: what is likely real differs)."""
    feats = {f"type:{event.type}", f"quad:{PLOVER_QUAD.get(event.type)}", f"modality:{event.modality}",
             f"trig:{event.evidence.trigger.lower()}:{event.type}",
             f"pos:{min(sentence_index, 6) if sentence_index >= 0 else 'x'}",
             f"nev:{min(events_in_sentence, 4)}", f"cameo2:{(event.cameo or '')[:2]}",
             f"doc:{'one' if sentences <= 1 else 'few' if sentences <= 4 else 'story'}"}
    feats |= _side_features("actor", event.actor) | _side_features("recipient", event.recipient)
    feats.add(f"sides:{event.actor is not None}:{event.recipient is not None}")
    # two states' dealings are what event data is for; one country's own affairs are often local news
    countries = {side.country for side in (event.actor, event.recipient) if side is not None and side.country}
    feats.add(f"dyad:{len(countries)}")
    feats.add(f"political:{political(event)}")
    if event.location is not None:
        feats.add(f"place:{event.location.precision}")
    if event.when.text:
        feats.add("date_stated")
    if not event.counts.is_empty():
        feats.add(f"figure:{event.type}")
    if event.attribution is not None:
        feats.add("attributed")
    if event.confidence is not None:
        feats.add(f"conf:{min(int(event.confidence * 5), 4)}")
    if trigger is not None:
        feats |= _trigger_features(trigger, event.type)
    return sorted(feats)


def _side_features(role: str, side: Actor | None) -> set[str]:
    if side is None:
        return {f"{role}:none"}
    words = side.text.lower().split()
    feats = {f"{role}:country" if side.country else f"{role}:nocountry", f"{role}_sector:{side.sector}"}
    if len(words) == 1 and words[0] in _PRONOUNS:
        feats.add(f"{role}:pronoun")
    if "implied" in side.text:
        feats.add(f"{role}:implied")
    if any(ch.isdigit() for ch in side.text):
        feats.add(f"{role}:number")
    return feats


def _trigger_features(trigger: Token, type_: str) -> set[str]:
    """The trigger's part of speech and role, its clause's verb, tense and speech, and quotes around it."""
    lemma = lemma_of(trigger)
    feats = {f"tpos:{trigger.pos_}", f"ttag:{trigger.tag_}", f"tdep:{trigger.dep_}", f"tlem:{lemma}:{type_}",
             f"tposq:{trigger.pos_}:{type_}", f"hdep:{trigger.head.dep_}"}
    if trigger.pos_ in ("NOUN", "PROPN"):
        determiners = [c.lower_ for c in trigger.children if c.dep_ in ("det", "poss")]
        feats.add(f"ndet:{determiners[0] if determiners else '-'}")
        feats.add(f"nplural:{trigger.tag_ == 'NNS'}")
        feats.add(f"nhead:{trigger.head.pos_}:{trigger.dep_}")
        if trigger.dep_ == "pobj":
            feats.add(f"prep:{trigger.head.lower_}")
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        feats.add(f"vtag:{verb.tag_}")
        feats |= {f"aux:{c.lower_}" for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}
        if any(c.dep_ == "neg" for c in verb.children):
            feats.add("neg")
        if is_reporting_verb(verb) and verb.i != trigger.i:
            feats.add("under_speech")
        elif verb.head.i != verb.i and is_reporting_verb(verb.head):
            feats.add("under_speech")
        feats.add(f"vdep:{verb.dep_}")
    sent = trigger.sent
    before = sum(t.text in _QUOTES for t in sent[: trigger.i - sent.start])
    if before % 2 == 1:
        feats.add("in_quote")
    if sent[0].text in _QUOTES or sent[-1].text in _QUOTES:
        feats.add("quote_sentence")
    feats.add(f"slen:{min(len(sent) // 15, 4)}")
    # what the sentence is about: its content words and kinds of names ("council", "school" against "troops")
    feats |= {f"w:{lemma_of(t)}" for t in sent if t.pos_ in ("NOUN", "VERB", "ADJ") and not t.is_stop}
    feats |= {f"ent:{t.ent_type_}" for t in sent if t.ent_iob_ == "B"}
    return feats
