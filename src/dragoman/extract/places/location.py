"""Where an event happened: the one location policy, over a document's resolved toponyms.

The rules, in order; the first that finds a place wins (``LOCATION_RULES``):

1. ``trigger``: a place attached to the trigger itself ("fighting in Afrin", "shelled Kupiansk", "rallied outside
   the embassy in Nairobi", "talks in Geneva");
2. ``argument``: a place inside one of the event's arguments ("an air strike in northern Yemen killed ...");
3. ``clause``: a place of the words governing the trigger ("were poisoned in Salisbury in an attack",
   "..., he said in Rabat"), or one inside a clause of its own hanging from the trigger or an argument (the
   Russia of "an attack that Britain blamed on Russia" says who was blamed, not where: it ranks no higher);
4. ``sentence``: any other place of the sentence;
5. ``source``: the seat of the source the sentence cites ("according to the health ministry in Gaza");
6. ``previous``: the place the sentence just before names as where something happened ("... sparked protests
   in Sacramento. Stephon Clark was shot by officers ..."), when it names one place so (finer places of it count
   as it), no paragraph ends between and it names no year; not for a verbal act whose speaker's country is known;
7. ``story``: the story's main place of action (``story_place``): the finest place most named in the body
   inside the country the body names most; not for a talk whose sentence names that country as its topic
   ("discussed the war in Ukraine" in a story of Kharkiv is not in Ukraine);
8. ``dateline``: the filing place, only when the body names no place at all; before rule 7 for a verbal act (a
   statement, an appeal, an accusation) by a speaker of the dateline's country when the story's place of action
   is abroad: what is said is said where the speaker is.

Never a place: a nationality word ("three Saudi border guards": whose, not where), a place that is the subject of a
verb ("Washington said": an actor) or the event's own actor ("Turkey fired on Qamishli", "shelled by Russia"), a
possessor or a country modifying a noun ("Morocco's role", "Russia's army", "the U.S. military": whose), the party
an accusation, demand, threat, sanction or the like is aimed at ("Kenya accused Uganda", "blamed on Russia": the
caller says which, ``elsewhere``), a street or building we could not geocode placed at the focus on our own guess.
A place opening a longer proper name ("the Tbilisi City Court", "the United States House of Representatives") says
where that body sits: it ranks as a ``sentence`` place, however the name hangs from the trigger.

Within a rule, the finer place wins ("in Kabul, Afghanistan"), then the earlier. A whole country found by rules
1-5 ("protests in Sudan") is refined to the story's main place inside that country when the body names one
(``+story``), else to the dateline's town when that lies in the country (``+dateline``: "SEOUL, South Korea - A
South Korean court ..." is in Seoul; a dateline abroad never places anything the body places); not when the text
narrows it by a direction ("in northern Yemen") or spans it ("across Sudan"), which says a part of the country or
all of it, not its main town. The rule that placed an event is returned with the place (``Located.rule``); the
event record's ``Place`` has no field for it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from ... import lexicon as lx
from ...gazetteer import Candidate
from ...model import Place, PlacePrecision
from .toponyms import Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LOCATION_RULES: tuple[str, ...] = ("trigger", "argument", "clause", "sentence", "source", "previous", "story",
                                   "dateline")
VAGUE_PREPS = {"near", "outside", "around", "off", "toward", "towards"}
PRECISION_RANK = {"city": 0, "region": 1, "country": 2}  # the finest place wins a tie
# How the place's own word hangs from the trigger for the place to be the trigger's ("shelled Kupiansk", "in X").
TRIGGER_DEPS = frozenset({"prep", "advmod", "npadvmod", "pobj", "dobj", "obl"})
# Dependencies that open a clause of its own: a place inside one is that clause's, not the trigger's.
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "csubj", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MAX_STEPS = 8  # dependency steps walked up from a place towards the trigger
# The object of a preposition locates an event only where the preposition says where ("in", "near", "the city of"),
# or says the target of the trigger itself ("fired on Qamishli", "an attack against Rafah").
TARGET_PREPS = frozenset({"on", "against", "upon"})
# Prepositions whose object is what is talked of, never where ("about the war in Gaza").
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
SENTENCE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into", "to", "toward",
                            "towards", "through", "throughout", "within", "from", "along", "off"})
# Adjectives whose preposition's object is where ("close to the border", "near Goma"); any other adjective's is a
# relation ("loyal to Ethiopia", "hostile to Russia", "dependent on China").
NEAR_ADJECTIVES = frozenset({"close", "near", "nearby", "adjacent", "next", "far", "outside", "local"})
# "across Sudan", "throughout Syria": the whole country, which no town of it stands for.
WHOLE_PREPS = frozenset({"across", "throughout"})
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Located:
    """An event's place and the rule of ``LOCATION_RULES`` that chose it ("+story" when a country was refined)."""

    place: Place
    rule: str


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def place_of(candidate: Candidate, *, name: str, start: int | None, end: int | None,
             precision: PlacePrecision | None = None) -> Place:
    return Place(name=name, geonameid=candidate.geonameid if candidate.geonameid > 0 else None,
                 lat=round(candidate.lat, 5), lon=round(candidate.lon, 5), country=candidate.country or None,
                 precision=precision or candidate.precision,
                 start=start, end=end)


def place_name(top: Toponym) -> str:
    """The name as the text writes it ("Rafah", not GeoNames' "Rafaḩ"); a nationality word gives its country's
    name."""
    if nationality_word(top) and top.candidate is not None:
        return top.candidate.name
    return top.text


def seat_word(doc: Doc, top: Toponym, parties: Collection[int] = ()) -> bool:
    """A place naming where a body is based ("the Britain-based Syrian Observatory says ... were killed"): its
    seat, not where what it reports happened; unless the body is one of the event's ``parties`` (token indices of
    the actor and recipient heads: "the San Jose-based court overturned ..." acted at its seat)."""
    end = top.token_end
    if not (end + 1 < len(doc) and doc[end].text in ("-", "\u2010", "\u2011") and doc[end + 1].lower_ == "based"):
        return False
    return doc[end + 1].head.i not in parties


def nationality_word(top: Toponym) -> bool:
    """A demonym, or a nationality adjective however it was found ("BBC Russian Service", "near the Ugandan
    border"): whose, never where."""
    if top.source == "demonym":
        return True
    entry = lx.countries().get(lx.norm(top.text))
    return entry is not None and entry.kind in ("adjective", "demonym")


class StoryPlaces:
    """One document's ``story_place`` answers, each computed once: the story's place of action overall and inside
    each country asked about, and the dateline's place (``_filed``), whose nearness breaks ties."""

    def __init__(self, doc: Doc, toponyms: Sequence[Toponym], dateline: Sequence[Candidate], *,
                 filed_at: Collection[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.toponyms = toponyms
        self.filed_at = filed_at
        self.filed = _filed(toponyms, dateline, filed_at)
        place = self.filed.place if self.filed is not None else None
        self.near = (place.lat, place.lon) if place is not None and place.lat is not None \
            and place.lon is not None else None
        self.filed_country = place.country if place is not None else None
        self._main: dict[str | None, Toponym | None] = {}

    def main(self, country: str | None = None) -> Toponym | None:
        """``story_place`` of the document (inside ``country`` when given)."""
        if country not in self._main:
            self._main[country] = story_place(self.doc, self.toponyms, filed_at=self.filed_at, near=self.near,
                                              country=country, filed_country=self.filed_country)
        return self._main[country]


def locate_event(doc: Doc, toponyms: Sequence[Toponym], dateline: Sequence[Candidate], trigger: Token,
                 argument_tokens: set[int], *, filed_at: Collection[tuple[int, int]] = (),
                 elsewhere: Collection[int] = (), story: StoryPlaces | None = None,
                 spoken_by: str | None = None) -> Located | None:
    """Where the event headed by ``trigger`` happened, by the rules of ``LOCATION_RULES`` in order.

    ``toponyms``: the document's resolved toponyms in text order; ``dateline``: the dateline's entries (the
    cleaner's dateline places); ``argument_tokens``: the token indices of the event's actor and recipient heads;
    ``filed_at``: the token spans of the dateline in the body ("SEOUL, South Korea (CNN) -" opens many bodies);
    ``elsewhere``: token indices of places that are the event's party, not its place ("accused Uganda");
    ``story``: the document's ``StoryPlaces`` (built here when not given; a caller locating many events keeps one).
    ``spoken_by``: the speaker's country of a verbal act (a statement, an appeal, an accusation). With no place in
    its sentence it was made where the story was filed when the speaker is of the dateline's country and the story's
    place of action lies in another ("Moscow, SANA - Zakharova called on the UN to ... in Eastern Ghouta": in
    Moscow, not in the Syria the story is about); "China vowed ..." filed in Washington stays at the story's place.
    """
    story = story if story is not None else StoryPlaces(doc, toponyms, dateline, filed_at=filed_at)
    filed = story.filed
    found = _in_sentence(doc, toponyms, trigger, argument_tokens, filed_at=filed_at, elsewhere=elsewhere)
    if found is not None:  # rules 1-5: the sentence says where
        top, cand, rule, vague = found
        if cand.fcode == "PCLI" and not vague and not _narrowed(doc, top):  # a whole country: its town, if known
            if (finer := _finer(cand.country, story.main(cand.country), filed)) is not None:
                return replace(finer, rule=f"{rule}+{finer.rule}")
        precision = "region" if vague and cand.precision == "city" else cand.precision
        return Located(place_of(cand, name=place_name(top), start=top.start, end=top.end, precision=precision), rule)
    main = story.main()
    if spoken_by is not None and filed is not None and filed.place.country == spoken_by and (
            main is None or main.candidate is None or main.candidate.country != spoken_by):
        return filed  # what is said at home, in a story about somewhere else: where the speaker was
    if spoken_by is None and (before := _said_just_before(doc, toponyms, trigger, filed_at=filed_at)) is not None:
        if before.place.precision != "city" and before.place.country and (
                finer := _finer(before.place.country, story.main(before.place.country), filed)) is not None:
            return replace(finer, rule=f"previous+{finer.rule}")  # "in Tunisia" in a story of Tunis: in Tunis
        return before  # rule 6
    if main is not None and main.candidate is not None and main.candidate.country in _topic_countries(
            doc, toponyms, trigger):
        return filed  # "discussed the war in Ukraine": a talk is not placed in the land it is about
    if main is not None and main.candidate is not None:  # rule 6: the story's place of action
        if main.candidate.fcode == "PCLI" and (finer := _finer(main.candidate.country, main, filed)) is not None:
            return replace(finer, rule="story+dateline")
        return Located(place_of(main.candidate, name=place_name(main), start=main.start, end=main.end), "story")
    return filed  # rule 7: the dateline, only when the body names no place


def _in_sentence(doc: Doc, toponyms: Sequence[Toponym], trigger: Token, argument_tokens: set[int], *,
                 filed_at: Collection[tuple[int, int]], elsewhere: Collection[int],
                 ) -> tuple[Toponym, Candidate, str, bool] | None:
    """Rules 1-5: the best place of the trigger's sentence (the first rule, then the finest, then the first named),
    its entry, its rule and whether it is vague; None when the sentence places nothing."""
    sent = trigger.sent
    governors = {t.i for t in trigger.ancestors}
    best: tuple[tuple[int, int, int], Toponym, Candidate, str, bool] | None = None
    places: list[tuple[Toponym, Candidate]] = []  # every place of the sentence that locates the event by some rule
    for top in toponyms:
        cand = top.candidate
        if (not sent.start <= top.token_start < sent.end or cand is None or top.fallback or nationality_word(top)
                or seat_word(doc, top, argument_tokens) or _is_dateline(top, filed_at)
                or any(i in elsewhere for i in range(top.token_start, top.token_end))):
            continue
        root = doc[top.token_start:top.token_end].root
        if _whose_country(root, cand) and root.head.i != trigger.i:
            continue
        if root.i in argument_tokens and _doer(root):
            continue  # "Turkey fired on Qamishli": the country that acts is not where it acted
        if _agent(root):
            continue  # "shot down drones launched by Russia": who launched them, not where
        rule, vague = relation(root, trigger, argument_tokens, governors)
        if rule is None:
            continue
        places.append((top, cand))
        key = (LOCATION_RULES.index(rule), PRECISION_RANK[cand.precision], top.start)
        if best is None or key < best[0]:
            best = (key, top, cand, rule, vague)
    if best is None:
        return None
    _key, top, cand, rule, vague = best
    if cand.fcode in ("PCLI", "ADM1") and not vague and not _narrowed(doc, top):
        # A state or country whose town the same sentence names is that town: "Vanderburgh, Ind., County
        # prosecutors charged him with robbing Evansville Federal Credit Union" is in Evansville, not at the
        # middle of Indiana.
        inner = [(t, c) for t, c in places if _inside(c, cand)]
        if inner:
            town, entry = min(inner, key=lambda tc: (PRECISION_RANK[tc[1].precision], tc[0].start))
            return town, entry, f"{rule}+sentence", False
    return top, cand, rule, vague


# Prepositions that say where something happened ("clashes in Sacramento", "a protest outside the embassy").
_LOCATIVE: Final = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})


def _said_just_before(doc: Doc, toponyms: Sequence[Toponym], trigger: Token, *,
                      filed_at: Collection[tuple[int, int]]) -> Located | None:
    """Rule 6: the one place (with the finer places inside it) the sentence before names after a locative
    preposition, when no paragraph ends between the two."""
    sent = trigger.sent
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if "\n\n" in doc[before.end - 1:sent.start + 1].text_with_ws or "\n\n" in before.text.strip():
        return None
    if any(t.text.isdigit() and len(t.text) == 4 and 1900 <= int(t.text) <= 2100 for t in before):
        return None  # "had been convicted in 2004 of selling drugs in Bronx County": another time's place
    found: list[tuple[Toponym, Candidate]] = []
    for top in toponyms:
        cand = top.candidate
        if (not before.start <= top.token_start < before.end or cand is None or top.fallback
                or nationality_word(top) or seat_word(doc, top) or _is_dateline(top, filed_at)):
            continue
        root = doc[top.token_start:top.token_end].root
        if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE and _of_a_happening(root.head.head) \
                and not _whose_country(root, cand):
            found.append((top, cand))
    if not found:
        return None
    top, cand = min(found, key=lambda tc: (PRECISION_RANK[tc[1].precision], tc[0].start))
    if any(c.geonameid != cand.geonameid and not _inside(cand, c) for _t, c in found):
        return None  # two places: which one is not said
    return Located(place_of(cand, name=place_name(top), start=top.start, end=top.end), "previous")


def _of_a_happening(word: Token) -> bool:
    """A verb, its object or subject (the parser hangs "in Sacramento" of "killed a man in Sacramento" on the man), or
    a noun of the event lexicon ("the killing ... in Sacramento"); not a party elsewhere ("arms for terrorists in
    Gaza")."""
    if word.pos_ in ("VERB", "AUX") or (word.dep_ in ("dobj", "nsubjpass", "nsubj") and word.head.pos_ == "VERB"):
        return True
    from ..events.triggers import load_lexicon  # the events package imports this one

    return word.pos_ == "NOUN" and word.lemma_.lower() in load_lexicon().nouns


def _inside(place: Candidate, whole: Candidate) -> bool:
    """Whether ``place`` is a finer place inside the country or state ``whole``."""
    if place.geonameid == whole.geonameid or place.fcode in ("PCLI", "ADM1") or not place.country:
        return False
    if place.country != whole.country or PRECISION_RANK[place.precision] >= PRECISION_RANK[whole.precision]:
        return False
    return whole.fcode == "PCLI" or (bool(place.admin1) and place.admin1 == whole.admin1)


def _is_dateline(top: Toponym, filed_at: Collection[tuple[int, int]]) -> bool:
    return top.source == "dateline" or (top.token_start, top.token_end) in filed_at


def _filed(toponyms: Sequence[Toponym], dateline: Sequence[Candidate],
           filed_at: Collection[tuple[int, int]]) -> Located | None:
    """The dateline's place: its mention in the body if any (offsets), else the cleaner's dateline entry."""
    for top in toponyms:
        if _is_dateline(top, filed_at) and top.candidate is not None:
            return Located(place_of(top.candidate, name=place_name(top), start=top.start, end=top.end), "dateline")
    if dateline:
        return Located(place_of(dateline[0], name=dateline[0].name, start=None, end=None), "dateline")
    return None


def _finer(country: str, inside: Toponym | None, filed: Located | None) -> Located | None:
    """A finer place inside ``country`` for an event placed at the whole country: the story's main place of
    action inside that country (``inside``: ``story_place`` kept to the country) when it is finer than the
    country ("story"), else the dateline's town when it lies there ("dateline": a court in "SEOUL, South Korea -"
    sits in Seoul, not at the country's centre). None when neither: the country stays."""
    if inside is not None and inside.candidate is not None and inside.candidate.fcode != "PCLI" \
            and inside.candidate.country == country:
        return Located(place_of(inside.candidate, name=place_name(inside), start=inside.start, end=inside.end),
                       "story")
    if filed is not None and filed.place.country == country and filed.place.precision == "city":
        return filed
    return None


def relation(root: Token, trigger: Token, argument_tokens: set[int],
             governors: set[int]) -> tuple[str | None, bool]:
    """The rule of ``LOCATION_RULES`` by which the place headed by ``root`` locates the event of ``trigger``,
    and whether the attachment is vague ("near X", "east of X": the precision drops). None: the place is no
    location of this event (a subject: an actor; a possessor: whose)."""
    if root.dep_ == "nsubjpass" and root.head.i == trigger.i:
        return "trigger", False  # "Kupiansk was shelled": the place done to (a party addressed is ``elsewhere``)
    if root.dep_ == "poss" or _subject(root):
        return None, False
    phrase = _listed_in(root)
    if _relation_not_place(phrase, trigger) or _in_topic(root, trigger):
        return None, False
    if root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i != trigger.i:
        # part of a longer name ("the Tbilisi City Court", "the United States House of Representatives"): where
        # the body sits, which ranks with the sentence's other places, however the name hangs from the trigger
        return "sentence", False
    vague = False
    crossed = False  # the walk left a clause of the place's own (relative, complement, adverbial)
    node = root
    for _step in range(MAX_STEPS):
        head = node.head
        if head.lower_ == "according":
            return "source", vague  # "according to the ministry in Gaza": where the source sits, a last resort
        if node.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in VAGUE_PREPS or (head.lower_ == "of" and head.head.lower_ in lx.place_words().directions):
                vague = True
        if node.dep_ in CLAUSE_DEPS and node.i != root.i:
            crossed = True
        if head.i == trigger.i:
            if crossed:
                return "clause", vague
            return ("trigger" if node.dep_ in TRIGGER_DEPS else "argument"), vague
        if head.i in argument_tokens:
            return ("clause" if crossed else "argument"), vague
        if head.i in governors:
            return "clause", vague
        if head.i == node.i:
            break
        node = head
    # a place elsewhere in the sentence locates the event only where something is ("in Gaza", "near the border
    # with Syria"), not as a topic ("relations with the United States")
    return ("sentence" if _locative_root(phrase) else None), vague


def _topic_countries(doc: Doc, toponyms: Sequence[Toponym], trigger: Token) -> set[str]:
    """The countries of the places of the trigger's sentence that are what it talks about (``_in_topic``)."""
    if trigger.lemma_.lower() not in lx.place_words().topic_verbs and not any(
            c.dep_ == "prep" and c.lower_ in TOPIC_PREPS for c in trigger.children):
        return set()  # no talk (and no rescan of the document for the trigger's sentence)
    sent = trigger.sent
    return {top.candidate.country for top in toponyms
            if top.candidate is not None and top.candidate.country and sent.start <= top.token_start < sent.end
            and _in_topic(doc[top.token_start:top.token_end].root, trigger)}


def _in_topic(root: Token, trigger: Token) -> bool:
    """The place is inside what the trigger talks about ("discussed the war in Ukraine", "spoke ... about the war in
    Gaza"): the topic, not the venue."""
    talk = trigger.lemma_.lower() in lx.place_words().topic_verbs
    node = root
    for _step in range(MAX_STEPS):
        if node.dep_ == "prep" and node.lower_ in TOPIC_PREPS:
            return True
        if node.head.i == trigger.i:
            return talk and node.dep_ == "dobj" and node.i != root.i
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _relation_not_place(phrase: Token, trigger: Token) -> bool:
    """A place named as a topic ("relations with Uganda", "talks about Sudan") or a side ("fighters loyal to
    Ethiopia"), not where the event happened; a preposition aimed at the trigger's target still places it."""
    if phrase.dep_ != "pobj":
        return False
    governor = phrase.head.head
    if governor.pos_ == "ADJ" and governor.lower_ not in NEAR_ADJECTIVES:
        return True
    return not _locative_root(phrase) and not (governor.i == trigger.i and phrase.head.lower_ in TARGET_PREPS)


def _listed_in(root: Token) -> Token:
    """The first of the list or apposition a place is in: "in Kabul and Herat", "in the capital, Kabul"."""
    node = root
    for _step in range(MAX_STEPS):
        if node.dep_ not in ("conj", "appos") or node.head.i == node.i:
            break
        node = node.head
    return node


def _locative_root(root: Token) -> bool:
    """Whether the place is the object of a locative preposition ("in Rabat", "to Morocco", "near Goma")."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of":  # "the city of Salisbury", "east of Goma"; not "the independence of the United States"
        words = lx.place_words()
        return prep.head.lower_ in words.settlement_nouns or prep.head.lower_ in words.directions
    return prep.lower_ in SENTENCE_PREPS


def story_place(doc: Doc, toponyms: Sequence[Toponym], *, filed_at: Collection[tuple[int, int]] = (),
                near: tuple[float, float] | None = None, country: str | None = None,
                filed_country: str | None = None) -> Toponym | None:
    """The story's main place of action: among the body's places of action (not the dateline, not a nationality
    word, not a street placed on a guess, not a subject or possessor: "Turkey said", "Russia's army"), the
    country named most (a town counts for its country; of countries named as often, the dateline's,
    ``filed_country``, then the first named); inside it, the finer place named most, else the country itself.
    Ties go to the place nearest ``near`` (the dateline's lat/lon: "(NEW YORK) - ... in Crown Heights ... in
    Brooklyn" are New York's), then a city before a region, then the first named. ``country``: only the places
    in that country (the story's place inside the country an event was placed at). When the body names places only
    as actors or owners ("Lebanon complained to the United Nations", "Iran's leader rejected ..."), those are
    the story's place; a nationality word never is. None when the body names no place (there)."""
    named = [t for t in toponyms if t.candidate is not None and not t.fallback and t.source != "demonym"
             and not _is_dateline(t, filed_at) and (country is None or t.candidate.country == country)]
    # a nationality opening a name ("BBC Russian Service") only when the body names no other place
    named = [t for t in named if not nationality_word(t)] or named
    # a go-between ("a ceasefire brokered by Qatar") names no place of action even then
    body = [t for t in named if not _actor_role(doc, t)] or [t for t in named if not _go_between(doc, t)]
    # a region of several countries ("the European Union", "the Middle East") only when the body names nothing else
    body = [t for t in body if t.candidate is not None and t.candidate.country] or body
    if not body:
        return None
    countries = Counter(t.candidate.country for t in body if t.candidate is not None)
    first: dict[str, int] = {}
    for k, t in enumerate(body):
        if t.candidate is not None:
            first.setdefault(t.candidate.country, k)
    country = min(countries, key=lambda c: (-countries[c], c != filed_country, first[c]))
    inside = [t for t in body if t.candidate is not None and t.candidate.country == country]
    finer = [t for t in inside if t.candidate is not None and t.candidate.fcode != "PCLI"]
    pool = finer or inside
    counts = Counter(t.candidate.geonameid for t in pool if t.candidate is not None)

    def key(item: tuple[int, Toponym]) -> tuple[int, float, int, int]:
        k, top = item
        cand = top.candidate
        assert cand is not None  # pool holds resolved toponyms only
        km = haversine_km(near[0], near[1], cand.lat, cand.lon) if near is not None else 0.0
        return (-counts[cand.geonameid], km, PRECISION_RANK[cand.precision], k)

    return min(enumerate(pool), key=key)[1]


def _go_between(doc: Doc, top: Toponym) -> bool:
    """The place is the "by" agent of a verb of mediating ("brokered by Qatar", "mediated by Egypt")."""
    root = doc[top.token_start:top.token_end].root
    return _agent(root) and root.head.head.lemma_.lower() in lx.actor_words().mediating_verbs


def _actor_role(doc: Doc, top: Toponym) -> bool:
    """Whether the place is a subject, a passive's agent or a possessor: an actor ("Turkey shelled", "launched by
    Russia"), whose ("Russia's army", "the U.S. military")."""
    root = doc[top.token_start:top.token_end].root
    return (root.dep_ == "poss" or _subject(root, deps=("nsubj",)) or _agent(root) or _titles_a_person(root)
            or (top.candidate is not None and _whose_country(root, top.candidate)))


def _titles_a_person(root: Token) -> bool:
    """A place in an occupation written before a person's name ("Hollywood producer Harvey Weinstein") says who the
    person is, not where the story happens. An office is capitalised there ("South Carolina Gov. Mark Sanford",
    "Texas Governor Greg Abbott"): its place is where the officer acts, and counts."""
    title = root.head
    return root.dep_ == "compound" and title.i != root.i and title.dep_ == "compound" and title.text[:1].islower() \
        and title.head.ent_type_ == "PERSON" and title.ent_type_ != "PERSON"


def _subject(root: Token, *, deps: Collection[str] = SUBJECT_DEPS) -> bool:
    """The subject of a verb, or a name joined to it ("Egypt, Qatar and the US agreed"): who acts, not where."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ in deps and root.head.pos_ in ("VERB", "AUX")


def _agent(root: Token) -> bool:
    """The "by" agent of any passive in the sentence, except a host's ("talks hosted by Qatar" are in Qatar)."""
    return root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_.lower() != "host"


def _doer(root: Token) -> bool:
    """An argument that is the active subject or the passive's agent ("shelled by Russia"): the actor."""
    return root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def _whose_country(root: Token, cand: Candidate) -> bool:
    """A country or a bloc modifying a common noun says whose, as a nationality word does: "the U.S. military",
    "Iran foreign ministry officials", "European Union officials", "Korean and US flags" (a town so used says
    where: "Baghdad police")."""
    while root.dep_ == "conj" and root.head.i != root.i:  # "Korean and US flags": US modifies as Korean does
        root = root.head
    return ((cand.fcode == "PCLI" or not cand.country) and root.dep_ in ("compound", "amod", "nmod")
            and (root.head.pos_ == "NOUN" or _a_title(root.head)))


def _a_title(word: Token) -> bool:
    """A capitalised office before a name ("U.S. Secretary of State Antony Blinken", "Iranian President ..."):
    whose office, as a common noun's modifier says."""
    entry = lx.sectors().get(word.lower_)
    return word.pos_ == "PROPN" and entry is not None and entry.kind == "title"


def _narrowed(doc: Doc, top: Toponym) -> bool:
    """Whether the text says a part of the place ("northern Yemen", "the south of Sudan") or all of it ("across
    Sudan", "throughout Syria"): either way not its main town."""
    directions = lx.place_words().directions
    before = doc[top.token_start - 1].lower_ if top.token_start > 0 else ""
    if before in directions or before in WHOLE_PREPS:
        return True
    return (before == "of" and top.token_start >= 2 and doc[top.token_start - 2].lower_ in directions)
