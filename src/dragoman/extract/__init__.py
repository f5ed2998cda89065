"""Event extraction: the way of one document, top to bottom.

Before: the pipeline cleaned the body (``dragoman.clean``: ``CleanDoc``, with the map back to the original text)
and parsed it (``dragoman.nlp``: a spaCy Doc). ``extract_events(doc, article, clean)`` then:

1. builds the document's resolvers once (``DocumentCoder``): actors (``actors.resolver``), dates
   (``time.dates``), places (``places.resolver``), original offsets (``_Source``);
2. per sentence:

   * triggers: ``events.triggers.find_events`` matches the event lexicon (``lexicon/events.yaml``) and relates
     the triggers of the sentence (a governing verb takes its content, an undone act is recoded), each with its
     candidate argument heads (``events.arguments``);
   * per trigger (``_events_for``): arguments become actors (``_Actors`` over ``actors.resolver``; a place the
     gazetteer resolved gives an actor its country), the place done to when no recipient is named, the implied
     doer of an agentless passive act (``_Actors.implied_doer``); the date
     (``time.dates``); the modality and the code choice, made once (``events.modality.read_modality``, then
     ``events.coding.choose_code``: "said they would boycott" is a threat); the figures of the event's clause
     (``events.counts``); the place (``places.resolver``); the source it is attributed to
     (``events.attribution``); people and domestic sectors with no country take the place's (``_local``);
     the evidence at original offsets;
   * one event per sentence and dyad; a bare event named inside another's phrase is dropped;

3. shares each sentence's figures out among its events (``share_figures``), in text order;
4. applies the trained detector (``events.detector.apply_detector``, mode ``detector_mode``): a sentence the model
   confidently calls no event loses its events and the model's quad leads; then the learned event check
   (``events.verifier``, trained on whole annotated news articles) drops each mention unlikely to be a real
   happening of its type, and its probability becomes each kept event's confidence; the figures are shared
   again among the events that remain;
5. reads the story together (``events.story.story_events``): background more than a year old (or told over
   years) becomes historical, a generic mention goes, one happening is coded once;
6. counts a figure the story restates once (``events.counts.counted_once``) and returns the events.

The resolvers are built once per document; lexicon lookups are dicts keyed by lemma, so the cost stays linear in
the number of tokens and small next to the parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import ftfy

from .. import lexicon as lx
from ..codes import PLOVER_QUAD
from ..model import Actor, Article, CleanDoc, Event, Evidence, OffsetMap, Place, When, event_id_for
from ..nlp import sent_of
from ..nlp import sentences as doc_sentences
from .actors.phrases import phrase_start
from .actors.resolver import ActorResolver, is_actor_like, names_its_state
from .events.arguments import describes_its_noun, lemma_of, place_heads
from .events.attribution import attribution_for
from .events.coding import RECIPROCAL_TYPES, choose_code
from .events.counts import Figure, assign_figures, counted_once, counts_for, sentence_figures
from .events.modality import denied_here, harm_it_did, read_modality
from .events.story import story_events
from .events.triggers import find_events, load_lexicon
from .events.types import Found
from .events.verifier import checked
from .events.words import event_words
from .places.resolver import PlaceResolver
from .time.dates import DateResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .events.detector import Detector, MakeEvent

# Conjoined actors become one event each (CAMEO's dyadic convention); this bounds lists like "G20 members".
MAX_CONJUNCTS = 4
# Complements through which a non-actor argument names its actor ("scores of refugees", "a camp for refugees").
OF_PREPS = frozenset({"of", "for", "by", "from"})
RECIPIENT_OF_PREPS = OF_PREPS | {"against", "on", "with", "to", "toward", "towards", "upon"}

__all__ = ["DETECTOR_MODES", "DocumentCoder", "detector_mode", "event_builder", "extract_events", "share_figures"]


# The longest original run one repaired body character can stand for (double-encoded UTF-8 mojibake).
MAX_REPAIRED = 8


@dataclass(frozen=True, slots=True)
class _Source:
    """Body spans as spans of ``Article.original``, whose characters every stored text is.

    A text is ``original[start:end]``: what the source wrote (curly quotes, dashes, mojibake the cleaner
    repaired, the line breaks of wrapped text), so a phrase copied from the article finds it. Where the cleaner
    removed something inside a span (an inline "(photo: ...)" caption, markup), the text holds it too: offsets
    are one contiguous stretch of the original.
    """

    offsets: OffsetMap
    body: str
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of ``body[start:end]``. A last character the cleaner repaired from several
        ("\u00e2\u20ac\u009d" -> '"') maps to the first of them, so the end is moved past the rest of them."""
        o_start, o_end = self.offsets.span_to_original(start, end)
        if end <= start or not 0 < o_end <= len(self.original) or self.original[o_end - 1] == self.body[end - 1]:
            return o_start, o_end
        # The next body character is no bound: a paragraph break after the span may map into the same run.
        last, run_start = self.body[end - 1], o_end - 1
        for extra in range(1, min(len(self.original) - o_end, MAX_REPAIRED) + 1):
            if ftfy.fix_text(self.original[run_start:o_end + extra]) == last:
                return o_start, o_end + extra
        return o_start, o_end

    def move(self, obj: Any) -> Any:
        """A copy of an Actor/Place/When at its original offsets, its ``text`` the original's characters there.
        A Place keeps its ``name``: the place's name, not the mention ("Chinese" names China)."""
        if obj is None or obj.start is None or obj.end is None:
            return obj
        start, end = self.span(obj.start, obj.end)
        if isinstance(obj, Place):
            return replace(obj, start=start, end=end)
        return replace(obj, start=start, end=end, text=self.original[start:end])


# Types whose agentless passive ("two battalions were flown to the border", "ten people were arrested") is done
# by the state the story is about; a harm's ("the town was shelled") is not: its reporter is often the victim.
IMPLIED_DOER_TYPES = frozenset({"MOBILIZE", "COERCE", "RETREAT", "SANCTION"})
# Sectors through which a state acts (a country named alone has none).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
IMPLIED_WORDS = {"MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature", "SPY": "intelligence"}
# How many sentences before the event's own are read for the story's protagonist.
PROTAGONIST_WINDOW = 2


class _Actors:
    """Resolves argument heads once each (the resolver may be stateful, so each head is asked once)."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.cache: dict[int, Actor | None] = {}
        # the last two parties of different countries an event named, and the sentence (first token) it is in
        self.last_pair: tuple[int, Actor, Actor] | None = None

    def note_pair(self, sent: Span, pairs: Sequence[tuple[Actor | None, Actor | None]]) -> None:
        for actor, recipient in pairs:
            if actor is not None and recipient is not None and actor.country and recipient.country \
                    and actor.country != recipient.country:
                self.last_pair = (sent.start, actor, recipient)
                return

    def pair_named_before(self, heads: Sequence[Token], sent: Span) -> list[tuple[Token | None, Actor]]:
        """The two parties "the two sides", "both leaders" or "the two countries" refer back to: those of the
        last event of two countries in this sentence or the ``PROTAGONIST_WINDOW`` before it, each with the
        reference's own text and offsets; [] when the head is no such reference or no pair was named."""
        head = heads[0] if heads else None
        if head is None or self.last_pair is None or lemma_of(head) not in lx.actor_words().pair_nouns \
                or not _the_two(head):
            return []
        start, first, second = self.last_pair
        earliest = sent
        for _ in range(PROTAGONIST_WINDOW):
            if earliest.start == 0:
                break
            earliest = sent_of(head.doc[earliest.start - 1])
        if start < earliest.start:
            return []
        return [(None, self.resolver.referred_to(first, head)), (None, self.resolver.referred_to(second, head))]

    def states_of(self, head: Token, whole: Actor) -> list[tuple[Token | None, Actor]]:
        """The states of a plural body named by their "of" or "in" list ("the foreign ministers of Saudi Arabia and
        Iran", "military governments in Mali, Burkina Faso and Niger"), each with its own name and the body's sector;
        [] when fewer than two states are named so."""
        if head.tag_ not in ("NNS", "NNPS"):
            return []
        named = [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in")
                 for p in prep.children if p.dep_ == "pobj"]
        states = [(t, a) for t in [*named, *(c for p in named for c in p.conjuncts)]
                  if (a := self.actor(t)) is not None and names_its_state(a)]
        if len({a.country for _t, a in states}) < 2:
            return []
        return [(t, replace(a, sector=whole.sector)) for t, a in states]

    def actor(self, head: Token) -> Actor | None:
        if head.i not in self.cache:
            self.cache[head.i] = self.resolver.actor_for(head)
        return self.cache[head.i]

    def resolve(self, heads: Sequence[Token], *, exclude: Sequence[Token] = (),
                recipient: bool = False) -> list[tuple[Token, Actor]]:
        """The first candidate head that names an actor, with its conjuncts ("Kenya and Uganda").

        A head that names no actor ("M23 rebel positions") falls back on its noun modifiers ("rebel"), a
        pronoun possessor last ("its European Community partners"); then on its complements ("positions of
        the army", "calls by X"; for a recipient also "action against X", "relations with X").
        """
        skip = {t.i for t in exclude}
        candidates = [(h, h) for h in heads]
        modifiers = [(c, h) for h in heads for c in h.children
                     if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < h.i]
        # the holder of a held place or thing: "the rebel-held enclave", "a British-flagged tanker"
        modifiers += [(g, h) for h in heads for c in h.children if c.dep_ == "amod" and c.tag_ in ("VBN", "JJ")
                      and c.lemma_.lower() in lx.actor_words().holding_verbs
                      for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod", "amod") and g.i < c.i]
        # a modifier naming a country beats a pronoun possessor ("its European Community partners"), else text order
        candidates += sorted(modifiers, key=lambda m: not (m[0].pos_ != "PRON" and getattr(self.actor(m[0]),
                                                                                          "country", None)))
        preps = RECIPIENT_OF_PREPS if recipient else OF_PREPS
        complements = [(p, h) for h in heads if h.pos_ in ("NOUN", "PROPN") and self.actor(h) is None
                       for prep in h.children if prep.dep_ == "prep" and prep.lower_ in preps
                       for p in prep.children if p.dep_ == "pobj"]
        candidates += complements
        # a complement naming no actor itself, by a modifier naming a country: "borders with Iraqi Kurdistan"
        candidates += [(m, p) for p, _h in complements for m in p.children
                       if m.dep_ in ("compound", "amod", "nmod", "poss") and m.i < p.i and m.pos_ != "PRON"
                       and getattr(self.actor(m), "country", None) is not None]
        # the owner of the proposal a head is the content of: "rejected an Afghan government offer of a ceasefire"
        owners = [h.head.head for h in heads if h.dep_ == "pobj" and h.head.lower_ in ("of", "for")
                  and h.head.head.pos_ == "NOUN" and self.actor(h) is None]
        candidates += [(m, o) for o in owners for m in o.children
                       if m.dep_ in ("compound", "amod", "nmod", "poss") and m.i < o.i and m.pos_ != "PRON"
                       and getattr(self.actor(m), "country", None) is not None]
        for head, argument in candidates:
            actor = self.actor(head)
            if actor is None:
                continue
            if argument.i != head.i:
                actor = self.resolver.as_argument(actor, argument)
            out = [(head, actor)]
            for conj in listed_after(head):
                if conj.i > head.i and len(out) < MAX_CONJUNCTS and conj.i not in skip:
                    other = self.actor(conj)
                    if other is not None:
                        out.append((conj, other))
            return out
        return []


    def implied_doer(self, item: Found) -> Actor | None:
        """The state that did an agentless passive act ("two battalions were flown to the border", "ten people
        had been arrested, the Interior Ministry said"): the one country whose state actors (government, army,
        police, courts, or the country named alone) are the subjects of this sentence and the
        ``PROTAGONIST_WINDOW`` before it. None when the act has a doer in the text, is not of a type a state does
        (``IMPLIED_DOER_TYPES``), or the subjects name no state or two: never a guess between two. The implied
        actor has no text offsets."""
        trigger = item.trigger
        if item.nominal or item.code.type not in IMPLIED_DOER_TYPES or (item.code.cameo or "").startswith(
                ("18", "19", "20")) or trigger.tag_ != "VBN":
            return None
        if not _agentless_passive(trigger):
            return None
        sent = sent_of(trigger)
        sentences = [sent]
        while len(sentences) <= PROTAGONIST_WINDOW and sentences[-1].start > 0:
            sentences.append(sent_of(trigger.doc[sentences[-1].start - 1]))
        # the act's own theme ("two battalions" flown) is no candidate: its country may be only the focus's
        themes = {c.idx for c in trigger.children if c.dep_ == "nsubjpass"} | (
            {trigger.head.idx} if describes_its_noun(trigger) else set())
        states = [a for s in sentences for a in self.resolver.subject_actors(s)
                  if a.country is not None and a.country not in lx.INTERNATIONAL
                  and (a.sector is None or a.sector in STATE_SECTORS)
                  and not any(a.start is not None and a.end is not None and a.start <= i < a.end for i in themes)]
        # a theme with a country of its own ("Russian troops were deployed") is its own state's to move
        theme_countries = {a.country for t in trigger.children if t.dep_ == "nsubjpass"
                           if (a := self.actor(t)) is not None and a.country is not None}
        if len({a.country for a in states} | theme_countries) != 1 or not states:
            return None
        country = states[0].country
        sectors = {a.sector for a in states if a.sector is not None}
        sector = sectors.pop() if len(sectors) == 1 else "GOV"
        if sector == "GOV":  # "ten people were arrested, the government said": its police did it
            sector = _official_sector(trigger) or sector
        return Actor(text=f"{IMPLIED_WORDS.get(sector, 'government')} ({country}, implied)", name=None,
                     country=country, sector=sector)

    def implied_official(self, item: Found, place: Place | None) -> Actor | None:
        """The police or the courts that did an agentless passive arrest, charge or sentence ("the suspect was
        arrested", "he was sentenced to ten years", "released on bail"): those of the country where the event
        happened, else of the story's focus country. The verbs are ``actor_words.yaml``'s arresting (police,
        COP) and judging (judiciary, JUD) verbs; None when the act has a doer in the text or no country is
        known. The implied actor has no text offsets."""
        trigger = item.trigger
        if item.nominal or trigger.tag_ != "VBN" or not _agentless_passive(trigger):
            return None
        sector = _official_sector(trigger)
        if sector is None:
            return None
        country = place.country if place is not None and place.country else self.resolver.focus
        if country is None or country in lx.INTERNATIONAL:
            return None
        return Actor(text=f"{IMPLIED_WORDS[sector]} ({country}, implied)", name=None, country=country,
                     sector=sector)


def _official_sector(trigger: Token) -> str | None:
    """COP for an arresting verb, JUD for a judging one or a release on bail (``actor_words.yaml``), else None."""
    words = lx.actor_words()
    lemma = trigger.lemma_.lower()
    names = {lemma} | {f"{lemma} {c.lower_}" for c in trigger.children if c.dep_ == "prt"}
    if names & words.arresting_verbs:
        return "COP"
    if names & words.judging_verbs or (names & words.bail_verbs and any(t.lower_ == "bail" for t in trigger.subtree)):
        return "JUD"
    return None


def _agentless_passive(trigger: Token) -> bool:
    """A passive participle ("was arrested", "ten people arrested on Monday", "the arrested men") with no "by"
    doer."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) or describes_its_noun(trigger)
    return passive and not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                               for c in trigger.children)


def _sentence_bounds(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return start, max(start, end)


class DocumentCoder:
    """One document's resolvers (actors, dates, places, original offsets), built once: ``events_for(sent,
    found)`` codes the events of one found trigger of a sentence, as the rules do. ``extract_events`` codes
    every rule trigger through it, and the trained detector (``dragoman.extract.events.detector``) the triggers it
    adds. It remembers each event's trigger and sentence so the sentence's figures can be shared out."""

    def __init__(self, doc: Doc, article: Article, clean: CleanDoc) -> None:
        self.article = article
        self.places = PlaceResolver(doc, clean)
        # actors ask the place side (its PlaceCountries), not the gazetteer, for a place name's country
        # the dateline's country only where the story is about it, not a filing city abroad (actor_dateline)
        self.actors = _Actors(ActorResolver(doc, dateline_places=self.places.actor_dateline(),
                                            places=self.places.countries))
        self.dates = DateResolver(doc, published=article.published)
        self.source = _Source(clean.offsets, clean.body, article.original)
        self._sentences: dict[int, tuple[Sequence[Figure], str, tuple[int, int]]] = {}
        self.triggers: dict[str, Token] = {}  # event id -> trigger token
        self.sentence_of: dict[str, int] = {}  # event id -> start token of its sentence

    def sentence(self, sent: Span) -> tuple[Sequence[Figure], str, tuple[int, int]]:
        """The sentence's counted figures, its text as the source wrote it, and its original span."""
        known = self._sentences.get(sent.start)
        if known is None:
            o_start, o_end = self.source.span(*_sentence_bounds(sent))
            # as the source wrote it, not the cleaned body; the figures are shared by the sentence's events
            known = (sentence_figures(sent), self.article.original[o_start:o_end], (o_start, o_end))
            self._sentences[sent.start] = known
        return known

    def figures_at(self, start: int) -> Sequence[Figure]:
        """The figures of the sentence starting at token ``start`` (one ``sentence`` or ``events_for`` saw)."""
        return self._sentences[start][0]

    def events_for(self, sent: Span, found: Found) -> list[Event]:
        """The events of one found trigger of ``sent`` (none when it names nothing codable); their counts are
        the trigger's read alone, before the sentence's figures are shared out (``share_figures``)."""
        figures, text, span = self.sentence(sent)
        events = [_outside_trigger(event, found.trigger, self.article.original)
                  for event in _events_for(found, sent, figures, self.actors, self.dates, self.places, self.article,
                                           self.source, text, span)]
        for event in events:
            self.triggers.setdefault(event.event_id, found.trigger)
            self.sentence_of.setdefault(event.event_id, sent.start)
        return events


def _outside_trigger(event: Event, trigger: Token, original: str) -> Event:
    """An argument never holds its own event's trigger: "four gunmen killed", "teachers striking in X" (the trigger
    a participle after the mention) are cut before it; a mention the trigger modifies from inside ("Car Bomb
    Kills", a headline's parse) is no party at all, unless the trigger is its participle ("the arrested men": the
    men, after it)."""
    start = event.evidence.trigger_start
    if start is None:
        return event
    inside = trigger.dep_ in ("compound", "amod", "nmod") or trigger.head.i > trigger.i
    participle = trigger.dep_ == "amod" and trigger.tag_ == "VBN"

    def outside(actor: Actor | None) -> Actor | None:
        if actor is None or actor.start is None or actor.end is None or not actor.start <= start < actor.end:
            return actor
        if participle:
            after = trigger.idx + len(trigger.text)
            rest = original[after:actor.end]
            shown = rest.lstrip()
            return replace(actor, text=shown, start=actor.end - len(shown)) if shown else None
        if actor.start == start:
            return actor
        cut = original[actor.start:start].rstrip(" ,;:-–—")
        if inside or not any(ch.isalpha() for ch in cut):
            return None
        return replace(actor, text=cut, end=actor.start + len(cut))

    actor, recipient = outside(event.actor), outside(event.recipient)
    if actor is event.actor and recipient is event.recipient:
        return event
    return replace(event, actor=actor, recipient=recipient)


def event_builder(doc: Doc, article: Article, clean: CleanDoc) -> MakeEvent:
    """``make_event`` for ``dragoman.extract.events.detector.apply_detector`` on one document: the rule coder's own
    argument, actor, date and place resolution (``DocumentCoder.events_for``), its resolvers built on the first
    event to make.

    For a caller outside ``extract_events`` (which passes its own coder); the events it makes carry counts read
    alone, not shared out with the sentence's other events.
    """
    state: list[DocumentCoder] = []  # built on the first event to make (most documents need none)

    def make(sent: Span, item: Found) -> list[Event]:
        if not state:
            state.append(DocumentCoder(doc, article, clean))
        return state[0].events_for(sent, item)

    return make


# How extract_events uses the trained event detector: "rules" (the rule events only, no confidence);
# "drops" (a sentence the model confidently calls no event loses its rule events, the model's quad leads,
# every event carries the model's confidence); "default" (also an event of the model's likeliest type where
# no rule event has it and the model's probability of its quad reaches that type's addition threshold, chosen
# by cross-validation so additions were right >= 0.7 of the time on each training set that judges them; held
# out, 22 of 24 were right on cameo-class and cameo-ner at the eighth session's end, and none was made on
# plover-gsr or the story gold's held-out part); "add" (the whole detector: also the keep-filter, where a rule
# event of a quad or type the model finds unlikely goes when another remains: it gains on plover-gsr but drops real
# second events of a sentence, "a nerve agent attack that the government blamed on Russia", so it is not the
# default).
DETECTOR_MODES: tuple[str, ...] = ("rules", "drops", "default", "add")
_KEEP_FILTER: frozenset[str] = frozenset({"add"})
_ADDITIONS: frozenset[str] = frozenset({"default", "add"})
_DETECTOR_MODE: ContextVar[str] = ContextVar("dragoman_detector_mode", default="default")


@contextmanager
def detector_mode(mode: str) -> Iterator[None]:
    """Code with this detector mode (``DETECTOR_MODES``) inside the block, in this thread or task, wherever
    ``extract_events`` is called from (the pipeline, ``code_text``, the evaluation)."""
    token = _DETECTOR_MODE.set(_check_mode(mode))
    try:
        yield
    finally:
        _DETECTOR_MODE.reset(token)


def _check_mode(mode: str) -> str:
    if mode not in DETECTOR_MODES:
        raise ValueError(f"unknown detector mode {mode!r}: use one of {', '.join(DETECTOR_MODES)}")
    return mode


def extract_events(doc: Doc, article: Article, clean: CleanDoc, *, detector: str | None = None) -> list[Event]:
    """All events in the parsed cleaned body ``doc`` (a spaCy Doc over ``clean.body``), in text order (within
    a sentence, the detector's order: its most likely quad first).

    ``detector``: one of ``DETECTOR_MODES``; by default the mode of the context (``detector_mode``),
    "default" unless set.
    """
    mode = _check_mode(detector) if detector is not None else _DETECTOR_MODE.get()
    lexicon = load_lexicon()
    coder = DocumentCoder(doc, article, clean)
    found_at: dict[int, list[Found]] = {}
    sentences: dict[int, tuple[Sequence[Figure], list[tuple[Token, Event]]]] = {}  # by start token
    for sent in doc_sentences(doc):
        found = find_events(sent, lexicon)
        found_at[sent.start] = found
        if not found:
            continue
        figures = coder.sentence(sent)[0]
        coded = [(item, coder.events_for(sent, item)) for item in found]
        seen: set[tuple[str, str, str | None, str | None]] = set()
        kept: list[tuple[Token, Event]] = []
        for item, item_events in _drop_embedded(coded):
            for event in item_events:
                key = (event.type, event.modality, *_id_texts(event.actor, event.recipient))
                if key in seen:  # "attacked ... in an attack on": one event per sentence and dyad
                    continue
                seen.add(key)
                kept.append((item.trigger, event))
        sentences[sent.start] = (figures, kept)
    ordered = _text_ordered(share_figures(sentences.values()).values())
    if mode == "rules":
        return counted_once(_story(ordered, coder))  # a figure the story states again is not a second toll
    from .events.detector import apply_detector, load_detector

    model = load_detector() if mode in _KEEP_FILTER else _default_detector()
    scored = apply_detector(doc, ordered, offsets=clean.offsets, found=found_at, detector=model,
                            make_event=coder.events_for if mode in _ADDITIONS else None)
    # the learned event check (events.verifier): a mention unlikely to be a real happening of its type goes here,
    # before its sentence's figures are shared out again and the story is read together; its probability that the
    # event is real becomes the event's confidence (the detector's is one of its inputs)
    sentence_index = {start: i for i, start in enumerate(s.start for s in doc_sentences(doc))}
    at = {e: sentence_index.get(start, -1) for e, start in coder.sentence_of.items()}
    confidence = {e.event_id: e.confidence
                  for e in checked([replace(s.event, confidence=s.confidence) for s in scored],
                                   triggers=coder.triggers, sentences=len(sentence_index), sentence_index=at,
                                   added={s.event.event_id for s in scored if s.origin == "model"})}
    scored = [s._replace(confidence=confidence[s.event.event_id]) for s in scored if s.event.event_id in confidence]
    # The sentence's figures shared again among the events that remain (a dropped event's figure may belong
    # to another; an added event takes part in the sharing), so no figure is counted on two events.
    out_ids = {s.event.event_id for s in scored}
    groups = {start: (figures, [(t, e) for t, e in kept if e.event_id in out_ids])
              for start, (figures, kept) in sentences.items()}
    for s in scored:
        if s.origin == "model":
            start = coder.sentence_of[s.event.event_id]
            groups.setdefault(start, (coder.figures_at(start), []))[1].append((coder.triggers[s.event.event_id],
                                                                               s.event))
    shared = share_figures(groups.values())
    return counted_once(_story([replace(shared[s.event.event_id], confidence=s.confidence) for s in scored], coder))


def _story(events: list[Event], coder: DocumentCoder) -> list[Event]:
    """The story read together (``events.story``): background marked historical, generic mentions dropped,
    each happening once; background is dated against the publication date, else the latest date stated. Then the
    sides the text leaves implied (``_implied_sides``)."""
    reference = coder.article.published or coder.dates.latest_stated()
    told = story_events(events, triggers=coder.triggers, reference=reference, published=coder.article.published)
    told = _doers_condemned(told, coder)
    # only now, so that an implied side neither keeps two mentions of one happening apart nor feeds the check
    return [_implied_sides(e, coder.triggers.get(e.event_id)) for e in told]


def _doers_condemned(events: list[Event], coder: DocumentCoder) -> list[Event]:
    """Whom a condemnation of an act the story told is aimed at: "An Israeli air strike killed five ... Hamas
    condemned the strike" is against Israel. A disapproval with no other side whose object is an act noun with no
    doer of its own takes the doer of the latest earlier event of that act (its type's, or the one its own noun
    told: "the strike" of "an air strike killed"), with the noun's own text."""
    out: list[Event] = []
    for event in events:
        trigger = coder.triggers.get(event.event_id)
        if event.mode == "disapprove" and event.recipient is None and trigger is not None:
            act = next((c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            done = _act_told_before(act, [e for e in out if e.evidence.start < event.evidence.start], coder) \
                if act is not None else None
            if act is not None and done is not None and done.actor is not None:
                start, end = coder.source.span(act.doc[phrase_start(act)].idx, act.idx + len(act.text))
                event = replace(event, recipient=replace(done.actor, text=coder.article.original[start:end],
                                                         start=start, end=end))
        out.append(event)
    return out


def _act_told_before(act: Token, earlier: list[Event], coder: DocumentCoder) -> Event | None:
    """The latest of ``earlier`` whose doer has a country and which the act noun names: by the noun's type in the
    lexicon ("the attack", "the arrests"), else by the noun being that event's trigger or its doer's head word."""
    code = load_lexicon().nouns.get(lemma_of(act))
    for event in reversed(earlier):
        if event.actor is None or event.actor.country is None:
            continue
        trigger = coder.triggers.get(event.event_id)
        words = {lemma_of(trigger)} if trigger is not None else set()
        words |= {w.lower() for w in (event.actor.text or "").split()[-1:]}
        if (code is not None and event.type == code.type) or (code is None and lemma_of(act) in words):
            return event
    return None


def _implied_sides(event: Event, trigger: Token | None) -> Event:
    """A protest no one is named for is held by people of the country where it was ("sparked two weeks of protests"
    in Sacramento), at its government; a domestic act with no recipient is aimed at the actor's own country."""
    if event.type == "PROTEST" and event.actor is None and (crowd := implied_protesters(event.location)) is not None:
        event = replace(event, actor=crowd, recipient=event.recipient or protest_target(crowd))
    if event.recipient is None and not _addressed(trigger):
        event = replace(event, recipient=home_party(event.actor, event.location))
    return event


# Modifiers that place the one addressed outside the actor's country.
_ABROAD = frozenset({"foreign", "outside", "external", "overseas"})


def _addressed(trigger: Token | None) -> bool:
    """The act names whom it is addressed to, though no country can be given them ("urging Western allies to send
    air defences", "called on donors to ...", "accused foreign powers"): they, not the speaker's own country, are its
    other side."""
    if trigger is None:
        return False
    if any(c.dep_ == "dobj" and any(m.dep_ == "amod" and m.lower_ in _ABROAD for m in c.children)
           for c in trigger.children):
        return True  # "accused foreign powers of trying to destabilize the country": not its own country
    if not any(c.dep_ == "xcomp" for c in trigger.children):
        return False
    # "urged Western allies to ...", "called on donors to ..." (not "On March 22, the parliament refused to ...")
    return any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i > trigger.i)
               for c in trigger.children)


@lru_cache(maxsize=1)
def _default_detector() -> Detector:
    """The packaged detector without its keep-filter: the confident "no event" drop, the order and the
    additions (when the caller passes ``make_event``)."""
    from .events.detector import load_detector

    detector = load_detector()
    return replace(detector, thresholds=replace(detector.thresholds, keep=0.0, keep_type=0.0))


def share_figures(sentences: Iterable[tuple[Sequence[Figure], Sequence[tuple[Token, Event]]]]) -> dict[str, Event]:
    """Events by id, each sentence's figures shared out among its events (``(trigger, event)`` pairs, in the
    order they are stored): each figure goes to the one event that caused it (the killing, not the protest
    around it; the first copy of an event split per conjoined actor), not to every event of its clause."""
    events: dict[str, Event] = {}
    for figures, kept in sentences:
        counted = assign_figures(figures, [(trigger, event.type) for trigger, event in kept])
        for (_trigger, event), counts in zip(kept, counted, strict=True):
            events.setdefault(event.event_id, replace(event, counts=counts))
    return events


def _text_ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.evidence.trigger_start or 0, e.type, _text(e.actor), _text(e.recipient),
                                         e.event_id))


def _bare(item_events: list[Event]) -> bool:
    return all(e.actor is None and e.recipient is None for e in item_events)


def _harm_denied_by_cause(trigger: Token) -> bool:
    """The act is the cause of a harm the sentence denies ("no one was injured in the firing"): it happened."""
    harm = harm_it_did(trigger)
    return harm is not None and denied_here(harm)


def _drop_embedded(coded: list[tuple[Found, list[Event]]]) -> list[tuple[Found, list[Event]]]:
    """Without events that only name a topic inside another event's phrase.

    An event with neither actor nor recipient whose trigger lies in the phrase of another trigger of the
    same sentence ("blamed Israel for the bombing", "provide food aid", "demanded reforms at a round of
    talks") is a mention, not an interaction the sentence reports: the governing event is coded instead.
    """
    triggers = {item.trigger.i for item, _events in coded}
    types = {item.trigger.i: {e.type for e in item_events} for item, item_events in coded}
    out = []
    for item, item_events in coded:
        if _harm_denied_by_cause(item.trigger):
            out.append((item, item_events))
            continue
        if item_events and _bare(item_events) and any(a.i in triggers for a in item.trigger.ancestors):
            continue
        if item_events and _renamed(item, item_events, types):
            continue
        acts = _content_of_act(item.trigger, types)
        if acts:  # read as done, it was misread: it is not done yet (unless it is the act itself, read off its verb)
            item_events = [e for e in item_events if e.modality != "asserted" or e.type in acts]
        out.append((item, item_events))
    return out


# Acts whose object is another act: what is demanded, refused, threatened, agreed or conceded to is that act's
# content, not a happening ("refused to let the planes evacuate the observers", "threatened to launch an offensive",
# "agreed to withdraw its troops", "conceded to demands"): PLOVER codes the demand, the refusal, the threat, the
# agreement or the concession. Content the modality
# reader took for done goes; content it read as future, hypothetical or negated stays as that ("rejected a Qatari
# offer to host the talks": Qatar's hosting, future).
CONTENT_ACT_TYPES = frozenset({"REQUEST", "REJECT", "THREATEN", "AGREE", "CONCEDE"})
# The links by which a clause or a noun is what an act is about; "conj" only inside that content ("refused to let
# the planes land and evacuate"), never onto the act itself ("rejected the plan and attacked the town").
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "conj"})
# Prepositions that say what an act is about ("an appeal for deploying troops", "agreed to mediation"), unlike
# those of its circumstances ("called for sanctions after the killing of ...": the killing happened).
CONTENT_PREPS = frozenset({"for", "to", "of", "on", "about", "with", "into"})


def _content_of_act(trigger: Token, types: dict[int, set[str]]) -> set[str]:
    """The types of the act of the sentence whose content ``trigger`` lies in (none: it is in no act's content).
    A noun passed on the way must be an act's ("an appeal for", "an offer to"): "compensation for the victims of
    police firing" asks for compensation, and the firing it names happened. The act itself may be read off the
    content's verb ("the refusal of Brazil to recognize": REJECT on "recognize")."""
    words = event_words()
    token = trigger
    while token.dep_ in CONTENT_DEPS and token.head.i != token.i:
        hop = token.dep_
        if hop == "prep" and (token.lower_ not in CONTENT_PREPS or token.head.pos_ in ("NOUN", "PROPN") and not (
                token.head.i in types or lemma_of(token.head) in words.request_nouns
                or lemma_of(token.head) in words.plan_nouns)):
            return set()
        token = token.head
        acts = types.get(token.i, set()) & CONTENT_ACT_TYPES
        if hop != "conj" and acts:
            return acts
    return set()


def _renamed(item: Found, item_events: list[Event], types: dict[int, set[str]]) -> bool:
    """An event noun without an actor in the phrase of a trigger of the same type names that event again:
    "a car bomb exploded ..., killing 20, in the fifth major attack in Iraq this month"."""
    if item.trigger.pos_ != "NOUN" or any(e.actor is not None for e in item_events):
        return False
    own = {e.type for e in item_events}
    return any(own & types.get(a.i, set()) for a in item.trigger.ancestors)


def _the_two(head: Token) -> bool:
    """"the two sides", "both countries", "their two leaders": a definite pair (not "two dozen other countries",
    not "two countries" met for the first time)."""
    children = list(head.children)
    if any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in children):
        return True
    two = [c for c in children if c.dep_ == "nummod" and c.lower_ == "two" and not list(c.children)]
    return bool(two) and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "these") for c in children) \
        and not any(c.dep_ == "amod" and c.lower_ == "other" for c in children)


def _each_other(head: Token) -> bool:
    """"each other", "one another": the sides named as the actors, each to the other."""
    return (head.lower_ == "other" and any(c.lower_ == "each" for c in head.children)) or (
        head.lower_ == "another" and any(c.lower_ == "one" for c in head.children))


def _text(actor: Actor | None) -> str:
    return actor.text if actor else ""


def _id_texts(actor: Actor | None, recipient: Actor | None) -> tuple[str | None, str | None]:
    """The sides' texts an event id hashes; one phrase standing for both sides ("the two sides signed") is told
    apart by each side's country."""
    first, second = _text(actor), _text(recipient)
    if first and first == second and actor is not None and recipient is not None:
        return f"{first} ({actor.country})", f"{second} ({recipient.country})"
    return first or None, second or None


# Signing a formal agreement (CAMEO 057, SUPPORT in PLOVER's table) is mutual and done at a venue, as agreeing is.
SIGNING_CAMEO = "057"
# Ties restored, upgraded or established (CAMEO 050) are mutual too: "Czechia and Albania upgraded their ties".
TIES_CAMEO = "050"
# Sectors of people who protest against their own state (not state organs, not foreign bodies).
PROTESTER_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REF", "AGR", "REL", "MED", "BUS", "JRN", "HRI", "ELI"})


def implied_protesters(place: Place | None) -> Actor | None:
    """Who held a protest the text names no one for: people of the country where it was held (CVL, no text
    offsets); None when it was placed nowhere, or at an international body."""
    if place is None or not place.country or place.country in lx.INTERNATIONAL:
        return None
    return Actor(text=f"protesters ({place.country}, implied)", name=None, country=place.country, sector="CVL")


def protest_target(protester: Actor) -> Actor | None:
    """A protest that names no target is taken as aimed at the government of the protesters' country
    (the usual CAMEO/PLOVER coding); the implied recipient has no text offsets."""
    if protester.country is None or protester.country in lx.INTERNATIONAL or protester.sector not in PROTESTER_SECTORS:
        return None
    return Actor(text=f"government ({protester.country}, implied)", name=None, country=protester.country,
                 sector="GOV")


def home_party(actor: Actor | None, place: Place | None) -> Actor | None:
    """The unnamed other side of a domestic act: the actor's own country, when the act happens there ("Park
    refused to testify" in Seoul: KOR -> KOR; "the party conceded defeat"), as analysts code a domestic event's
    recipient. An international body, an actor with no country, or an act placed elsewhere or nowhere gets none:
    its other side is not known, and so does one placed by its own name ("The United States announced sanctions":
    the story's only place is the actor). The implied recipient has no sector and no text offsets."""
    if actor is None or actor.country is None or actor.country in lx.INTERNATIONAL or place is None or \
            place.country != actor.country:
        return None
    if place.start is not None and actor.start is not None and actor.end is not None and \
            actor.start <= place.start < actor.end:
        return None
    return Actor(text=f"({actor.country}, implied)", name=None, country=actor.country)


# Prepositions through which an actor phrase names where its people are ("people in the Amhara region").
PLACED_PREPS = frozenset({"in", "from", "of"})


# Sectors whose members named without a country are, by CAMEO's convention, of the country they act in.
LOCAL_SECTORS = frozenset({"CVL", "REB", "UAF", "COP", "MIL", "GOV", "OPP", "LAB", "EDU", "AGR", "REL", "MED",
                           "BUS", "JRN", "HRI", "CRM"})


# State organs that act at home: whom they act on, with no country or place given, is of their country.
HOME_ORGANS = frozenset({"COP", "JUD"})


def _local(actor: Actor | None, other: Actor | None, place: Place | None) -> Actor | None:
    """An actor of a domestic or civilian sector the text gives no country ("20 people", "gunmen", "police")
    takes the country where the event happened ("killed 20 people in Baghdad": Iraqis), unless the event is
    placed only by the other side's own name ("the minister charged that Iran ...") or the other side is the
    counterpart of that country's ("the foreign minister met his Egyptian counterpart in Cairo": a visitor).
    Placed nowhere, it takes the country of the police or court on the other side ("Thai police dispersed
    protesters"); an army's may be abroad."""
    if actor is None or actor.country is not None or actor.sector not in LOCAL_SECTORS:
        return actor
    if (place is None or not place.country) and other is not None and other.sector in HOME_ORGANS and \
            other.country is not None and other.country not in lx.INTERNATIONAL:
        return replace(actor, country=other.country)
    if place is None or not place.country or _placed_by(other, place):
        return actor
    if other is not None and other.country == place.country and "counterpart" in other.text.lower():
        return actor
    return replace(actor, country=place.country)


def _placed_by(side: Actor | None, place: Place) -> bool:
    """The event's place is the mention of ``side``, a state named as itself ("complained that Russia ...",
    "visited South Africa"): no sign of where the other side is from. (A court or county named with its
    place, "an Ohio court", still places a local other side.)"""
    return side is not None and side.start is not None and place.start == side.start and names_its_state(side)


def _domestic(actor: Actor | None, other: Actor | None, place: Place | None, resolver: ActorResolver) -> Actor | None:
    """A person with no country that ``_local`` does not place (elites, "tribal elders"; a named person with no
    sector, "Choi", "him" read back to one) in a domestic event takes its country: where it happened when the
    other side is of that country or unnamed; with no place, the country of the state organ done to or by
    ("judiciary (KOR, implied)" sentenced Choi: a Korean court tries its own). Bodies with no sector ("NAFTA")
    keep none."""
    # one the police or courts act on is a person too ("Choi was sentenced"), though the parser named no PERSON
    if actor is None or actor.country is not None or not (actor.sector == "ELI" or actor.sector is None and (
            resolver.is_person(actor) or (other is not None and other.sector in ("COP", "JUD")))):
        return actor
    other_country = other.country if other is not None else None
    if place is not None and place.country and _placed_by(other, place):
        country = None  # "complained that Russia ...": no sign of home
    elif place is not None and place.country:
        country = place.country if other_country in (None, place.country) else None
    else:
        country = other_country if other is not None and other.sector in STATE_SECTORS else None
    if country is None or country in lx.INTERNATIONAL:
        return actor
    return replace(actor, country=country)


def _placed(actor: Actor, head: Token | None, places: PlaceResolver) -> Actor:
    """An actor the lexicons give no country takes the country of a place the phrase itself ties to it, as the
    place side resolved that mention in the document: the head ("an assault on Rafah", Rafah tagged a person),
    a name modifying it ("Amhara militia", "Darfur rebels"), a place it is in or from ("five people in the Amhara
    region"). A country is the state (no sector), a town or region its people. Never the dateline's or the
    story's country: an "army" or a "drone" with no place of its own stays without one."""
    if actor.country is not None or head is None:
        return actor
    tied = [head, *(c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i),
            *(t for prep in head.children if prep.dep_ == "prep" and prep.lower_ in PLACED_PREPS
              for p in prep.children if p.dep_ == "pobj"
              for t in (p, *(c for c in p.children if c.dep_ == "compound")))]
    for token in tied:
        place = places.place_at(token)
        if place is not None and place.country:
            return replace(actor, country=place.country,
                           sector=actor.sector or (None if place.fcode == "PCLI" else "CVL"))
    return actor


# Meetings and agreements happen at a venue: "talks in Geneva", "agreed a truce in Doha" say where, not with whom
# ("a visit to Rabat" does); other acts keep the place done to as recipient ("a curfew in Algiers", "support for
# peace building in Colombia").
VENUE_TYPES = frozenset({"CONSULT", "AGREE"})


# Events whose recipient is a party addressed from afar, not the place where they happen ("accused Uganda",
# "sanctions on Russia"); an assault, a visit, an aid delivery or a withdrawal happens at the place done to.
PARTY_NOT_PLACE_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "SANCTION", "AGREE",
                                   "COOPERATE", "CONCEDE", "PROTEST"})


# Acts said or decided somewhere about something else: a place inside what they say is not where they were made
# (a conviction "of selling drugs in Bronx County" is, by its court, where the crime was).
SAID_FROM_AFAR_TYPES = PARTY_NOT_PLACE_TYPES - {"PROTEST", "SANCTION"}


def content_tokens(trigger: Token) -> list[Token]:
    """The tokens of what a verbal act says, asks or agrees to: its clausal complements ("urged them to return to
    talks in Jeddah", "said that troops had entered Goma") and the clauses of its prepositions ("accused Russia of
    shelling Kharkiv")."""
    clauses = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    clauses += [p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pcomp"]
    out: list[Token] = []
    for clause in clauses:
        # a participle set off by a comma tells the speaker's circumstances, however low the parser hangs it
        # ("accused Uganda of arming the rebels, speaking to reporters in Nairobi")
        aside = {t.i for c in clause.subtree if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")
                 and c.i > 0 and c.doc[c.left_edge.i - 1].text == "," for t in c.subtree}
        out += [t for t in clause.subtree if t.i not in aside]
    return out


def _thing_about(head: Token) -> bool:
    """A place named only as what a thing is for or of ("a truce plan for Gaza", "the future of Syria")."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in ("for", "of") and prep.head.pos_ == "NOUN" \
        and not is_actor_like(prep.head)


# Acts that answer another state's act: with no one named, they are aimed at its doer.
REACTION_TYPES = frozenset({"PROTEST", "ACCUSE", "THREATEN", "REJECT", "SANCTION"})


def _provoked_by(trigger: Token) -> list[Token]:
    """The subject of the "after"/"when" clause an act answers ("protested after Chinese vessels fired ...")."""
    return [subject for clause in trigger.children if clause.dep_ == "advcl"
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("after", "when") for m in clause.children)
            for subject in clause.children if subject.dep_ == "nsubj"]


# Nouns of a meeting: a place named on one is where it is held ("talks in Jeddah were suspended").
_MEETING_NOUNS = frozenset({"talk", "negotiation", "dialogue", "meeting", "summit", "conference", "round"})


def _venue(item: Found, place: Token) -> bool:
    """Whether ``place`` (a place head of the trigger) is the venue of a meeting or agreement, not its party. The
    place a visitor arrives in is the host ("the minister arrived in Moscow"). A place named on a meeting noun is
    its venue whatever is done to the meeting ("Talks in Jeddah were suspended")."""
    prep = place.head
    if prep.lower_ in ("in", "at") and lemma_of(prep.head) in _MEETING_NOUNS:
        return True
    return (item.code.type in VENUE_TYPES or item.code.cameo == SIGNING_CAMEO) and prep.lower_ != "to" \
        and item.code.mode != "visit"


def _events_for(item: Found, sent: Span, figures: Sequence[Figure], actors: _Actors,
                dates: DateResolver, places: PlaceResolver, article: Article, source: _Source,
                sentence_text: str, sentence_span: tuple[int, int]) -> list[Event]:
    trigger = item.trigger
    senders: list[tuple[Token | None, Actor]] = actors.pair_named_before(item.actors, sent) or [
        (h, _placed(a, h, places)) for h, a in actors.resolve(item.actors, exclude=item.recipients)]
    if senders:  # pronouns later in the text may point back to it
        actors.resolver.note_actor(senders[0][1])
    elif (doer := actors.implied_doer(item)) is not None:  # "two battalions were flown": the story's state
        senders = [(None, doer)]
    receivers: list[tuple[Token | None, Actor]] = actors.pair_named_before(item.recipients, sent) or [
        (h, _placed(a, h, places)) for h, a in actors.resolve(item.recipients, recipient=True)
        if not any(a.text == s.text for _h, s in senders)]
    pairs: list[tuple[Actor | None, Actor | None]]
    # "X and Y vowed to ...": each promises, to no one; "X and Y mediated ...": go-betweens, not each other's sides
    mutual = (item.code.type in RECIPROCAL_TYPES or item.code.cameo in (SIGNING_CAMEO, TIES_CAMEO)
              or lemma_of(trigger) in event_words().clash_verbs or lemma_of(trigger) in event_words().trading_verbs
              or (item.nominal and lemma_of(item.anchor) in event_words().trading_verbs)
              or any(_each_other(h) for h in item.recipients)) and \
        lemma_of(trigger) not in event_words().promise_verbs | lx.actor_words().mediating_verbs
    if len(senders) > 1 and mutual and receivers and all(h is not None and _thing_about(h) for h, _r in receivers):
        receivers = []  # "Egypt, Qatar and the US agreed on a truce plan for Gaza": a plan's place, not a party
    if len(senders) == 1 and senders[0][0] is not None and (
            mutual and not receivers or not mutual and item.code.type != "PROTEST"):
        # "the foreign ministers of Saudi Arabia and Iran met": one side per state the "of" names; "military
        # governments in Mali, Burkina Faso and Niger have expelled French troops": each did
        senders = actors.states_of(senders[0][0], senders[0][1]) or senders
    if not receivers and len(senders) > 1 and mutual:
        # "Kenya and Uganda agreed ...": each side is the other's recipient (CAMEO's reciprocal dyads). Of more
        # sides, each once as actor and once as recipient, in the order named ("Egypt, Qatar and the US agreed":
        # EGY->QAT, QAT->USA, USA->EGY): one agreement is n records, never every ordered pair.
        sides_named = [s for _sh, s in senders]
        pairs = [(s, sides_named[(k + 1) % len(sides_named)]) for k, s in enumerate(sides_named)]
    else:
        if not receivers and not (item.code.type == "PROTEST" and senders):
            # "imposed a curfew in Algiers", "withdrew from Chad": the place done to (the protesters' protest in
            # Nairobi is aimed at their government, below and ``home_party``, not at the town)
            receivers = [(h, a) for h in [h for h in place_heads(item) if not _venue(item, h)][:1]
                         if (a := actors.resolver.place_actor(h)) is not None]
        if not receivers and senders and item.code.type in REACTION_TYPES:
            # "the Philippines protested after Chinese vessels fired at its boats": at whoever did what it answers
            answered: list[tuple[Token | None, Actor]] = [
                (h, a) for h, a in actors.resolve(_provoked_by(item.anchor))
                if a.country is not None and a.country != senders[0][1].country]
            receivers = answered[:1]
        if not receivers and senders and item.code.type == "PROTEST":
            implied = protest_target(senders[0][1])
            receivers = [(None, implied)] if implied is not None else []
        sides: list[Actor | None] = [s for _sh, s in senders] or [None]
        targets: list[Actor | None] = [r for _rh, r in receivers] or [None]
        pairs = [(s, r) for s in sides for r in targets]
    actors.note_pair(sent, pairs)
    when: When = dates.when(trigger)
    reading = read_modality(item.anchor, nominal=trigger if item.nominal else None, sentence=sent,
                            event_date=when.date, published=article.published)
    code, modality = choose_code(item.code, reading)  # the one decision of the event's code
    # this event read alone; extract_events then shares the sentence's figures out so each counts once
    counts = counts_for(sent, trigger, figures=figures)
    # the party an accusation or a demand is aimed at is not where it was made ("Kenya accused Uganda")
    elsewhere = [h for h, _a in receivers if h is not None] if code.type in PARTY_NOT_PLACE_TYPES else []
    if code.type in SAID_FROM_AFAR_TYPES:  # "urged both sides to return to talks in Jeddah": not made in Jeddah
        elsewhere += content_tokens(trigger)
    speaker = senders[0][1].country if senders and code.type in SAID_FROM_AFAR_TYPES else None
    place: Place | None = places.locate(trigger, [h for h, _a in senders + receivers], elsewhere=elsewhere,
                                        spoken_by=speaker)
    attribution = attribution_for(trigger, actors.resolver, sentence=sent)
    t_start, t_end = trigger.idx, item.trigger_end
    o_t_start, o_t_end = source.span(t_start, t_end)
    evidence = Evidence(sentence=sentence_text, start=sentence_span[0], end=sentence_span[1],
                        trigger=source.original[o_t_start:o_t_end], trigger_start=o_t_start, trigger_end=o_t_end)
    when = source.move(when)
    place = source.move(place)
    attribution = source.move(attribution)
    out = []
    if not senders and (official := actors.implied_official(item, place)) is not None:
        # "the suspect was arrested in Lagos": the police (the courts, for a charge) of the place's country
        pairs = [(official, r) for _s, r in pairs]
    for sender, receiver in pairs:
        actor = source.move(_domestic(_local(sender, receiver, place), receiver, place, actors.resolver))
        recipient = source.move(_domestic(_local(receiver, sender, place), sender, place, actors.resolver))
        out.append(Event(
            # ids hash the cleaned text: the same whichever quotes or dashes the source typed, and as before
            event_id=event_id_for(article.doc_id, code.type, o_t_start, *_id_texts(sender, receiver)),
            doc_id=article.doc_id,
            source_id=article.source_id,
            type=code.type,
            mode=code.mode,
            cameo=code.cameo,
            quad=PLOVER_QUAD[code.type],
            modality=modality,
            actor=actor,
            recipient=recipient,
            evidence=evidence,
            when=when,
            location=place,
            counts=counts,
            attribution=attribution,
        ))
    return out


def listed_after(head: Token) -> list[Token]:
    """The names coordinated with ``head``: its conjuncts, and a list the parser hung on it as an apposition
    ("Saudi Arabia, the UAE and Egypt signed": "the UAE and Egypt" is parsed as an apposition of "Arabia"); an
    apposition with no conjunct of its own renames the head ("Kabul, the capital"), and names listed after a common
    noun are its members ("four people: A, B and C"): no other party."""
    listed = list(head.conjuncts)
    for appos in head.children:
        if head.pos_ == "PROPN" and appos.dep_ == "appos" and appos.pos_ == "PROPN" and any(
                c.dep_ == "conj" for c in appos.children):
            listed += [appos, *appos.conjuncts]
    return sorted({t.i: t for t in listed}.values(), key=lambda t: t.i)
