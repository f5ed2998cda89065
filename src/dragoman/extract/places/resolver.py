"""Toponyms, geocoding and event locations over one parsed document.

Finding the names is ``toponyms.py``'s job. Metonymic toponyms ("Washington said") are not taken as event
locations when they are the subject (the actor) of the sentence.

Disambiguation scores every candidate: population and feature-class priors (country > admin-1 >
city > admin-2, main name over alternate spelling), explicit containment ("Paris, Texas",
"Sudan's Kassala"), the document's country and admin-1 focus (dateline places count double) and the
distance to the other places the document names (a country or state holding them counts as near;
a capitals dateline prefers a city). The focus is joint, not taken from a first pass's favourites:
each distinct name votes with all its candidates, weighted by their current probability (a softmax of
their scores), over a few mean-field rounds, so two small namesakes that support each other ("Paris"
and "Henry County", Tennessee) beat two big ones picked alone. Names listed together lean to one kind
(states with states, towns with towns), and a state named like a million-city inside it ("New York") leans
to the city unless the text says state ("upstate New York"). Then one sense per document: a name
made explicit once ("Paris, Texas") keeps that sense in its other mentions. A place opening or closing an
institution's name that the text seats elsewhere ("University of St. Thomas in Houston") casts no vote and
goes to that seat. The last round's pick is made by
a learned linear ranker over each candidate's evidence (``FEATURES``) when ``data/geo_ranker.json`` is shipped
(bench/train_geo_ranker.py writes it only if it beats the hand score on held-out articles), else by the hand score.
A GPE/LOC entity the gazetteer does not know and that has no street/river/building head is dropped (mostly people and
firms the small tagger calls places: "Saakashvili said"). A street or building we cannot geocode, and any
span the caller vouches for (``spans=``), is placed at the town named right after it ("Freedom Square in
Bratislava"), else at the last city named before it, else at the document's focus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span

from ... import lexicon as lx
from ...gazetteer import Candidate, Gazetteer, get_gazetteer, normalize
from ...model import CleanDoc, Place
from .evidence import CandidateEvidence, ScoredCandidate
from .location import PRECISION_RANK, Located, StoryPlaces, haversine_km, locate_event
from .lookup import PlaceCountries
from .ranker import candidate_features, get_ranker, in_lists
from .toponyms import Toponym, ToponymFinder, dateline_spans, feature_head, list_groups

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ROUNDS = 5  # mean-field rounds of the joint disambiguation
TEMPERATURE = 1.0  # of the softmax turning scores into the probabilities that vote
MAX_OPTIONS = 30  # candidates kept per name (by prior): "Springfield" has dozens
MIN_VOTE = 0.02  # a candidate less likely than this casts no vote
MAX_NEIGHBOURS = 50  # other names whose places count as neighbours
DATELINE_VOTES = 2.0  # a dateline place counts as two mentions
LEVELS = ("country", "state", "county", "town", "other")  # the kinds of place a list keeps to
NAMESAKE_CITY_POPULATION = 1_000_000  # a state's namesake city this big is what the bare name means
SEAT_WORDS = ("in", "at", ",")  # "University of St. Thomas in Houston", "Convention Centre, Dublin"
SECTION_REACH_KM = 300.0  # a town's districts lie within it; a namesake farther away and abroad is another place
# Bare numbers of the hand score, named (tuned with the weights ``W`` on samples of LGL and GeoWebNews).
ADMIN_WORD_BONUS = 4.0  # "Henry County": the admin word says the county, not a town called Henry
INSIDE_BONUS = 5.0  # "Paris, Texas": inside the container the text gives
OUTSIDE_PENALTY = 3.0  # ... and outside it: the text said which one
REGION_REACH_KM = 1500  # a region (no admin unit: "the Sahel") holds a place within this of its centre
EXPLAIN_SHARE = 0.3  # a focus share above this is worth naming among the reasons
EXPLAIN_MASS = 0.5  # co-mentioned mass above this is worth naming among the reasons
NEAR_KM = 50  # a co-mentioned place this close counts as "near" (weight near50)
NEAR_CAP = 2.0  # near50/near200 add up over the other names (a town beside two of them is surer), to this at most
AROUND_KM = 200  # ... this close as "around" (weight near200)
FAR_LATITUDE_DEGREES = 2.0  # 2 degrees of latitude are 222 km: farther than AROUND_KM whatever the longitude


class PlaceResolver:
    """Finds and resolves every toponym of one parsed document once; then locates events."""

    def __init__(self, doc: Doc, clean: CleanDoc | None = None, *,
                 spans: Sequence[tuple[int, int]] | None = None, gazetteer: Gazetteer | None = None,
                 keep_features: bool = False) -> None:
        """``spans``: geocode exactly these body character spans instead of finding toponyms (evaluation).
        ``keep_features``: keep every candidate's ranker features in ``features`` (training the ranker)."""
        self.doc = doc
        self._keep_features = keep_features
        self.clean = clean
        self.gaz = gazetteer or get_gazetteer()
        self.countries = PlaceCountries(self.gaz)  # what the actor resolver asks of places
        self._dateline_at = {(s.start, s.end) for s in dateline_spans(doc)}  # token spans of capitals datelines
        self.finder = ToponymFinder(doc, clean, self.gaz)
        mentions = self.finder.at(spans) if spans is not None else self.finder.find()
        self.dateline: list[Candidate] = [max(cands, key=_prior) for name in self.finder.dateline_names
                                          if (cands := self.gaz.lookup(name))]
        self.toponyms: list[Toponym] = self._resolve(mentions)
        self._story: StoryPlaces | None = None  # the story's place of action, computed once (locate_with_rule)
        self._by_token: dict[int, Toponym] = {}
        for top in self.toponyms:
            for i in range(top.token_start, top.token_end):
                self._by_token[i] = top

    # ---- resolving -----------------------------------------------------------------------------------------

    def _resolve(self, mentions: list[Toponym]) -> list[Toponym]:
        """Joint disambiguation: every name's candidates vote for the others' with their current
        probability (not only the favourite), so that two small namesakes that support each other
        ("Paris" and "Henry County", both in Tennessee) can win over two big ones that were each
        picked alone. A few rounds of mean-field updates, then the best candidate of each name."""
        cands = [self.finder.candidates(m) for m in mentions]
        contexts = [self._container(k, mentions, cands) for k in range(len(mentions))]
        keys = [normalize(m.text) for m in mentions]
        options = [tuple(sorted(c, key=_prior, reverse=True)[:MAX_OPTIONS]) for c in cands]
        probs = [_softmax([_prior(c) for c in opts]) for opts in options]
        # What does not depend on the other names' votes is scored once, not in every round.
        bases = [[self._base(c, mentions[k], contexts[k], big_city=_namesake_city(c, opts)) for c in opts]
                 for k, opts in enumerate(options)]
        siblings = _list_siblings(mentions, keys, self.doc)
        # A place inside an institution's name followed by its seat ("University of St. Thomas in Houston")
        # says nothing of where the text is: it casts no vote.
        voters = [m.name_end < 0 or not self._seated(m, _next(mentions, k), words=("in", "at"))
                  for k, m in enumerate(mentions)]
        scored: list[list[ScoredCandidate]] = [[] for _ in mentions]
        # Candidate-to-candidate distances do not change between rounds: each pair is measured once.
        distances: dict[tuple[int, int], float] = {}
        for _round in range(ROUNDS):
            votes = self._votes(keys, options, probs, voters)
            levels = [_level_mass(opts, p) for opts, p in zip(options, probs)]
            focus_of: dict[str, _Focus] = {}  # every mention of one name sees the same focus in a round
            # ... so a candidate of a name named again is as near the others as at its first mention
            closeness: dict[tuple[int, int], tuple[float, float, float]] = {}
            for k, opts in enumerate(options):
                if not opts:
                    continue
                focus = focus_of.get(keys[k])
                if focus is None:
                    focus = focus_of[keys[k]] = _Focus.without(votes, keys[k], self.dateline)
                explain = _round == ROUNDS - 1  # the reasons are read only after the last round
                scored[k] = [self._score(c, base, focus, explain=explain, distances=distances, closeness=closeness)
                             for c, base in zip(opts, bases[k])]
                if siblings[k]:
                    # Names listed together are of one kind: "Missouri, New York and Virginia" are states,
                    # "Washington, New York and Boston" cities.
                    kind = {level: sum(levels[j].get(level, 0.0) for j in siblings[k]) / len(siblings[k])
                            for level in LEVELS}
                    scored[k] = [(sc + W["list"] * kind[_level(c)], why, ev)
                                 for c, (sc, why, ev) in zip(opts, scored[k])]
            probs = [_softmax([sc[0] for sc in scored[k]]) if scored[k] else [] for k in range(len(mentions))]
        # The final pick: the learned ranker over each candidate's evidence (data/geo_ranker.json), if shipped.
        ranker = get_ranker()
        self.options = options
        self.features: list[list[list[float]]] = []
        if ranker is not None or self._keep_features:
            listed = in_lists(mentions, self.doc)
            self.features = [[candidate_features(c, sc, mentions[k], opts, self.doc, listed[k])
                              for c, sc in zip(opts, scored[k])] for k, opts in enumerate(options)]
        picks: list[Candidate | None] = []
        whys: list[str] = []
        for k, opts in enumerate(options):
            if not opts:
                picks.append(None)
                whys.append("")
                continue
            ranks = [ranker.score(f) for f in self.features[k]] if ranker else [sc[0] for sc in scored[k]]
            best = max(range(len(opts)), key=lambda i: ranks[i])
            picks.append(opts[best])
            whys.append(f"{ranks[best]:.2f}: {scored[k][best][1]}")
        # One sense per document: a name made explicit once ("Alexandria, La.") keeps that sense throughout.
        explicit: dict[str, Candidate] = {}
        for k, pick in enumerate(picks):
            if pick is not None and contexts[k] and "contained" in whys[k]:
                explicit.setdefault(keys[k], pick)
        for k, pick in enumerate(picks):
            sense = explicit.get(keys[k])
            if sense is not None and pick != sense and sense in cands[k]:
                picks[k] = sense
                whys[k] = f"same sense as the explicit mention: {sense.name}, {sense.admin1 or sense.country}"
        out = []
        for mention, pick, why in zip(mentions, picks, whys if mentions else []):
            out.append(replace(mention, candidate=pick, why=why))
        return self._fallbacks(out)

    @staticmethod
    def _votes(keys: list[str], options: list[tuple[Candidate, ...]],
               probs: list[list[float]], voters: list[bool]) -> dict[str, _Vote]:
        """Each distinct name's expected country, admin-1 and likely places (mean over its mentions)."""
        mentions_of: dict[str, list[int]] = {}
        for k, key in enumerate(keys):
            if options[k] and voters[k]:
                mentions_of.setdefault(key, []).append(k)
        votes: dict[str, _Vote] = {}
        for key, ks in mentions_of.items():
            weight = 1.0 / len(ks)
            countries: dict[str, float] = {}
            admin1s: dict[tuple[str, str], float] = {}
            places: dict[Candidate, float] = {}
            for k in ks:
                for cand, p in zip(options[k], probs[k]):
                    if p < MIN_VOTE:
                        continue
                    p *= weight
                    countries[cand.country] = countries.get(cand.country, 0.0) + p
                    if cand.fcode != "PCLI" and cand.admin1:
                        admin1s[(cand.country, cand.admin1)] = admin1s.get((cand.country, cand.admin1), 0.0) + p
                    if cand.fcode.startswith("PPL") or cand.fcode == "ADM2":
                        places[cand] = places.get(cand, 0.0) + p
            votes[key] = _Vote(countries, admin1s, tuple(places.items()))
        return votes

    def _container(self, k: int, mentions: list[Toponym], cands: list[tuple[Candidate, ...]]) -> tuple[Candidate, ...]:
        """Entries that explicitly contain mention ``k``: "Sake, Congo", "Sudan's Kassala", "Paris, Tenn."."""
        doc = self.doc
        m = mentions[k]
        out: list[Candidate] = []
        if m.token_end + 1 < len(doc) and doc[m.token_end].text == ",":
            if k + 1 < len(mentions) and mentions[k + 1].token_start == m.token_end + 1:
                out.extend(c for c in cands[k + 1] if c.fclass in ("A", "L") and c.fcode != "ADM2" or
                           c.fcode == "ADM2" and "county" in c.name.lower())
            else:
                # "Paris, Tenn.", "Paris, TX", "Greenwood, W. Va.": a state abbreviation no NER tags. It is
                # capitalised: "Michigan, in Utah" is no "Michigan, IN".
                start = m.token_end + 1
                for end in range(min(start + 2, len(doc)), start, -1):
                    abbr = doc[start:end]
                    if not all(t.text[:1].isupper() for t in abbr) or (len(abbr.text) == 2 and not abbr.text.isupper()):
                        continue
                    boxes = [c for c in self.gaz.lookup(abbr.text) if c.fcode in ("ADM1", "PCLI")]
                    if boxes:
                        out.extend(boxes)
                        break
        if m.token_start >= 2 and doc[m.token_start - 1].text in {"'s", "’s"}:
            for j in range(k - 1, -1, -1):
                if mentions[j].token_end == m.token_start - 1:
                    out.extend(c for c in cands[j] if c.fclass in ("A", "L"))
                    break
        return tuple(out)

    def _base(self, cand: Candidate, mention: Toponym, containers: tuple[Candidate, ...], *,
              big_city: bool = False) -> _Base:
        """The part of a candidate's score that the document's focus does not change."""
        why = []
        score = _prior(cand)
        if big_city:
            # A state named like its big city ("New York", "Sao Paulo", "Lagos") is the city in the news,
            # unless the text says state: "New York State", "upstate New York", "the New York border".
            if self._state_cue(mention):
                score += W["namesake_state"]  # "Kaduna state": the state, over the bigger city's prior
                why.append("state named")
            else:
                score -= W["namesake_state"]
        dateline_city = cand.fclass == "P" and (mention.token_start, mention.token_end) in self._dateline_at
        if dateline_city:
            score += W["dateline_city"]  # datelines name cities: "NEW YORK -" is the city, not the state
            why.append("dateline")
        words = mention.text.lower().split()
        admin_word = cand.fcode == "ADM2" and bool(words) and words[-1] in lx.place_words().admin_words
        if admin_word:
            score += ADMIN_WORD_BONUS
        contained = 0
        if containers:
            inside = False
            for box in containers:
                if box.fcode == "PCLI" and box.country == cand.country:
                    inside = True
                elif box.fcode in ("ADM1", "ADM2") and box.country == cand.country and box.admin1 == cand.admin1:
                    inside = True
                elif box.fclass == "L" and haversine_km(box.lat, box.lon, cand.lat, cand.lon) < REGION_REACH_KM:
                    inside = True
            score += INSIDE_BONUS if inside else -OUTSIDE_PENALTY
            contained = 1 if inside else -1
            if inside:
                why.append("contained")
        return _Base(score, tuple(why), dateline_city, admin_word, contained)

    def _state_cue(self, mention: Toponym) -> bool:
        doc = self.doc
        before = doc[mention.token_start - 1].lower_ if mention.token_start else ""
        after = doc[mention.token_end: mention.token_end + 2]
        if after and after[0].text in {"'s", "’s"}:
            after = after[1:]
        cues = lx.place_words().state_cues
        return before in cues.before or (len(after) > 0 and after[0].lower_ in cues.after) or (
            before == "of" and mention.token_start >= 2 and doc[mention.token_start - 2].lower_ == "state")

    @staticmethod
    def _score(cand: Candidate, base: _Base, focus: _Focus, *, explain: bool = True,
               distances: dict[tuple[int, int], float] | None = None,
               closeness: dict[tuple[int, int], tuple[float, float, float]] | None = None) -> ScoredCandidate:
        """``distances``: km between candidates already measured, by ``id`` of the two; ``closeness``: ``_near``'s
        answers by ``id`` of the candidate and the focus (the caller keeps them all alive while it keeps these)."""
        score = base.score
        why = list(base.why)
        c_share = a_share = 0.0
        if cand.country and focus.total_c:
            c_share = focus.countries.get(cand.country, 0.0) / focus.total_c
            score += W["country"] * c_share
            if c_share > EXPLAIN_SHARE:
                why.append(f"focus {cand.country}")
        if cand.admin1 and focus.total_a and cand.fcode != "PCLI":
            a_share = focus.admin1s.get((cand.country, cand.admin1), 0.0) / focus.total_a
            score += W["admin1"] * a_share
        key = (id(cand), id(focus))
        near = closeness.get(key) if closeness is not None else None
        if near is None:
            near = _near(cand, focus, {} if distances is None else distances)
            if closeness is not None:
                closeness[key] = near
        held, near50, near200 = near
        if focus.places and cand.fcode in ("PCLI", "ADM1"):
            # A country or state holding the other places named is as "near" as a town beside them.
            if held > 0:
                score += W["near50"] * held
                if held > EXPLAIN_MASS:
                    why.append("holds co-mentioned place")
        elif focus.places and cand.fcode.startswith(("PPL", "ADM2")):
            score += W["near50"] * near50 + W["near200"] * max(0.0, near200 - near50)
            if near50 > EXPLAIN_MASS:
                why.append("near co-mentioned place")
        evidence = CandidateEvidence(base.dateline_city, base.admin_word, base.contained, c_share, a_share, held,
                                     near50, near200)
        if not explain:
            return score, "", evidence
        why.append(f"{cand.fcode} pop {cand.population}")
        return score, ", ".join(why), evidence

    def _fallbacks(self, toponyms: list[Toponym]) -> list[Toponym]:
        """Streets, buildings, rivers we cannot geocode: at the nearest city named before them, else the focus."""
        focus = _focus_of(toponyms)
        out = []
        last_city: Candidate | None = None
        for k, top in enumerate(toponyms):
            seat = self._seat(top, _next(toponyms, k))
            if top.candidate is not None and last_city is not None and self._section_abroad(top, last_city):
                # "a car bomb in Baghdad ... in the eastern Shaab district": a part of the town, not a namesake
                # village in another country
                out.append(replace(top, candidate=last_city, fallback=True,
                                   why=f"a part of {last_city.name}: its namesake is far abroad"))
                continue
            if top.candidate is not None:
                if top.candidate.fcode.startswith("PPL"):
                    last_city = top.candidate
                if seat is not None and top.name_end >= 0 and top.candidate.fcode != "PCLI" and seat != top.candidate:
                    # "Washington University in St. Louis", "University of California, Los Angeles": the
                    # name's place stands for the institution, which is where the text says it is.
                    top = replace(top, candidate=seat, why=f"named in an institution in {seat.name}")
                out.append(top)
                continue
            anchor = (seat or last_city or (focus.candidate if focus else None)
                      or (self.dateline[0] if self.dateline else None))
            span = self.doc[top.token_start:top.token_end]
            if anchor is None or not (feature_head(span) or top.source == "span"):
                out.append(top)
            else:
                out.append(replace(top, candidate=anchor, fallback=True, why="not in gazetteer: placed at "
                                   f"{anchor.name}, the place the text is about"))
        return out

    def _section_abroad(self, top: Toponym, city: Candidate) -> bool:
        """A name the text calls a part of a town ("the Shaab district") whose entry is a place in another country
        far from the town named before it."""
        cand = top.candidate
        after = self.doc[top.token_end] if top.token_end < len(self.doc) else None
        # lower case: "the Woodstock District Chamber of Commerce" names a body, not a part of a town
        return (cand is not None and after is not None and after.text in lx.place_words().town_sections
                and top.name_end < 0 and cand.country != city.country
                and haversine_km(cand.lat, cand.lon, city.lat, city.lon) > SECTION_REACH_KM)

    def _seated(self, top: Toponym, nxt: Toponym | None, *, words: Sequence[str] = SEAT_WORDS) -> bool:
        """Whether the next name follows ``top``'s name right away: "... in St. Louis", "..., Dublin"."""
        end = top.name_end if top.name_end >= 0 else top.token_end
        return (nxt is not None and nxt.token_start == end + 1 and end < len(self.doc)
                and self.doc[end].lower_ in words)

    def _seat(self, top: Toponym, nxt: Toponym | None) -> Candidate | None:
        """The town named right after a name: where the street, building or institution is."""
        if nxt is None or not self._seated(top, nxt) or nxt.candidate is None or nxt.candidate.fclass != "P":
            return None
        return nxt.candidate

    # ---- document focus and event locations ----------------------------------------------------------------

    def actor_dateline(self) -> tuple[str, ...]:
        """The dateline places whose country an actor named without one may take: the cleaner's dateline, unless
        it is only the filing city of a story about elsewhere (the story's main place of action, ``story_place``,
        lies in another country: a story filed from Pretoria about Ethiopia), where an "army" or a "drone" is no
        more the dateline's than any other country's (the actor resolver then counts the countries the text names)."""
        names = self.clean.dateline_places if self.clean is not None else ()
        if not names or not self.dateline:
            return names
        main = self.story_places().main()
        if main is None or main.candidate is None or main.candidate.country == self.dateline[0].country:
            return names
        return ()

    def focus(self) -> Toponym | None:
        """The place the document is mostly about: the most named city, else region, else country."""
        return _focus_of(getattr(self, "toponyms", ()))

    def place_at(self, token: Token) -> Candidate | None:
        """The entry of the place name covering ``token`` (a Token), if it names one itself (no demonym, no
        stand-in for an unknown street)."""
        top = self._by_token.get(token.i)
        if top is None or top.fallback or top.source == "demonym":
            return None
        return top.candidate

    def locate(self, trigger: Token, arguments: Sequence[Token | Span | None] = (), *,
               elsewhere: Sequence[Token] = (), spoken_by: str | None = None) -> Place | None:
        """Where the event headed by ``trigger`` (a Token) happened; offsets into the body. The policy is
        ``location.locate_event``'s (its ``LOCATION_RULES``). ``elsewhere``: argument heads that are the event's
        party, not its place (the recipient of an accusation, a demand, a threat); ``spoken_by``: a verbal act's
        speaker's country."""
        located = self.locate_with_rule(trigger, arguments, elsewhere=elsewhere, spoken_by=spoken_by)
        return located.place if located is not None else None

    def locate_with_rule(self, trigger: Token, arguments: Sequence[Token | Span | None] = (), *,
                         elsewhere: Sequence[Token] = (), spoken_by: str | None = None) -> Located | None:
        """``locate``'s place with the rule of ``LOCATION_RULES`` that chose it."""
        arg_tokens: set[int] = set()
        for arg in arguments:
            if isinstance(arg, Span):
                arg_tokens.update(range(arg.start, arg.end))
            elif arg is not None:
                arg_tokens.add(arg.i)
        return locate_event(self.doc, self.toponyms, self.dateline, trigger, arg_tokens, filed_at=self._dateline_at,
                            elsewhere={t.i for t in elsewhere}, story=self.story_places(), spoken_by=spoken_by)

    def story_places(self) -> StoryPlaces:
        """The story's place of action (``location.story_place``), computed once per document and country."""
        if self._story is None:
            self._story = StoryPlaces(self.doc, self.toponyms, self.dateline, filed_at=self._dateline_at)
        return self._story


@dataclass(frozen=True, slots=True)
class _Base:
    """A candidate's score before the focus terms: prior, dateline, admin word, explicit container."""

    score: float
    why: tuple[str, ...]
    dateline_city: bool
    admin_word: bool
    contained: int


@dataclass(frozen=True, slots=True)
class _Vote:
    """What one distinct name says about the document: expected mass per country, per admin-1, per place."""

    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    places: tuple[tuple[Candidate, float], ...]


@dataclass(frozen=True, slots=True)
class _Focus:
    """The document's focus as seen by one name: the votes of every other name plus the dateline's."""

    countries: dict[str, float]
    total_c: float
    admin1s: dict[tuple[str, str], float]
    total_a: float
    places: tuple[tuple[tuple[Candidate, float], ...], ...]

    @classmethod
    def without(cls, votes: dict[str, _Vote], key: str, dateline: Sequence[Candidate]) -> _Focus:
        # A repeated name cannot vouch for itself: its own votes are left out, one vote per distinct name.
        countries: dict[str, float] = {}
        admin1s: dict[tuple[str, str], float] = {}
        places: list[tuple[tuple[Candidate, float], ...]] = []
        for other, vote in votes.items():
            if other == key:
                continue
            for cc, p in vote.countries.items():
                countries[cc] = countries.get(cc, 0.0) + p
            for a1, p in vote.admin1s.items():
                admin1s[a1] = admin1s.get(a1, 0.0) + p
            if vote.places and len(places) < MAX_NEIGHBOURS:
                places.append(vote.places)
        for cand in dateline:
            countries[cand.country] = countries.get(cand.country, 0.0) + DATELINE_VOTES
            if cand.admin1 and cand.fcode != "PCLI":
                admin1s[(cand.country, cand.admin1)] = admin1s.get((cand.country, cand.admin1), 0.0) + DATELINE_VOTES
        return cls(countries, sum(countries.values()), admin1s, sum(admin1s.values()), tuple(places))


def _near(cand: Candidate, focus: _Focus, distances: dict[tuple[int, int], float]) -> tuple[float, float, float]:
    """``(held, near50, near200)`` of ``PlaceResolver._score``: the mass of the other names' places a country or
    state holds, or that lies within ``NEAR_KM`` and ``AROUND_KM`` of a town or county (capped); zeros for other
    kinds. ``distances``: km between candidates already measured, by ``id`` of the two."""
    held = near50 = near200 = 0.0
    if focus.places and cand.fcode in ("PCLI", "ADM1"):
        held = max(sum(p for o, p in places if o.country == cand.country and
                       (cand.fcode == "PCLI" or o.admin1 == cand.admin1)) for places in focus.places)
    elif focus.places and cand.fcode.startswith(("PPL", "ADM2")):
        lat = cand.lat
        for places in focus.places:
            m50 = m200 = 0.0
            for o, p in places:
                if abs(o.lat - lat) > FAR_LATITUDE_DEGREES:  # skips the haversine
                    continue
                pair = (id(cand), id(o))
                km = distances.get(pair)
                if km is None:
                    km = distances[pair] = haversine_km(lat, cand.lon, o.lat, o.lon)
                if km < NEAR_KM:
                    m50 += p
                if km < AROUND_KM:
                    m200 += p
            near50, near200 = near50 + m50, near200 + m200
        near50, near200 = min(NEAR_CAP, near50), min(NEAR_CAP, near200)
    return held, near50, near200


def _focus_of(toponyms: Sequence[Toponym]) -> Toponym | None:
    """The most named place (not a dateline, not a fallback); ties: city before region before country."""
    resolved = [(t, t.candidate) for t in toponyms
                if t.candidate is not None and not t.fallback and t.source != "dateline"]
    if not resolved:
        return None
    counts = Counter(cand.geonameid for _t, cand in resolved)

    def key(item: tuple[Toponym, Candidate]) -> tuple[int, int, int]:
        top, cand = item
        return (-counts[cand.geonameid], PRECISION_RANK[cand.precision], top.start)

    return min(resolved, key=key)[0]


def _level(cand: Candidate) -> str:
    if cand.fclass == "P":
        return "town"
    return {"PCLI": "country", "ADM1": "state", "ADM2": "county"}.get(cand.fcode, "other")


def _level_mass(options: Sequence[Candidate], probs: Sequence[float]) -> dict[str, float]:
    mass: dict[str, float] = {}
    for cand, p in zip(options, probs):
        mass[_level(cand)] = mass.get(_level(cand), 0.0) + p
    return mass


def _list_siblings(mentions: Sequence[Toponym], keys: Sequence[str], doc: Doc) -> list[list[int]]:
    """For each mention, the other names it is listed with ("Los Angeles, Miami and New York")."""
    out: list[list[int]] = [[] for _ in mentions]
    for group in list_groups(mentions, doc):
        for k in group:
            out[k] = [j for j in group if keys[j] != keys[k]]
    return out


def _next(toponyms: Sequence[Toponym], k: int) -> Toponym | None:
    return toponyms[k + 1] if k + 1 < len(toponyms) else None


def _namesake_city(cand: Candidate, options: Sequence[Candidate]) -> bool:
    """Whether ``cand`` is a state with a city of a million or more of its own name inside it."""
    if cand.fcode != "ADM1":
        return False
    key = normalize(cand.name)
    return any(o.fclass == "P" and o.country == cand.country and o.admin1 == cand.admin1
               and o.population >= NAMESAKE_CITY_POPULATION and normalize(o.name) in (key, key + " city")
               for o in options)


def _softmax(scores: Sequence[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp((s - top) / TEMPERATURE) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


# Weights of the disambiguation score (tuned on samples of LGL and GeoWebNews, then rounded).
W = {"PCLI": 2.5, "CONT": 2.0, "RGN": 1.5, "ADM1": -0.5, "PPLC": 1.5, "ADM2": -2.0, "alternate": 2.5,
     "country": 4.0, "admin1": 4.0, "near50": 2.5, "near200": 1.0, "dateline_city": 3.0, "pop": 1.0, "list": 2.0,
     "namesake_state": 2.0}


def _prior(cand: Candidate) -> float:
    bonus = W.get(cand.fcode, 0.0)
    return W["pop"] * math.log10(cand.population + 10) + bonus - (0 if _main(cand) else W["alternate"])


def _main(cand: Candidate) -> bool:
    """Matched by its main name; "Mexico City" found as "Mexico" (the index's short form) counts as an
    alternate spelling, so the short form never outweighs a country or state of that very name."""
    return cand.main


def toponym_record(top: Toponym, clean: CleanDoc | None) -> dict[str, Any]:
    start, end = (clean.offsets.span_to_original(top.start, top.end) if clean else (top.start, top.end))
    cand = top.candidate
    record: dict[str, Any] = {"text": top.text, "start": start, "end": end, "source": top.source}
    if cand is None:
        record["entry"] = None
    else:
        record["entry"] = {
            "geonameid": cand.geonameid if cand.geonameid > 0 else None, "name": cand.name,
            "country": cand.country or None, "admin1": cand.admin1 or None, "lat": cand.lat, "lon": cand.lon,
            "feature_class": cand.fclass, "feature_code": cand.fcode, "population": cand.population,
            "precision": cand.precision,
        }
    record["fallback"] = top.fallback
    record["why"] = top.why
    return record


def toponyms_for_file(path: Path, *, published: str | None = None) -> Iterator[dict[str, Any]]:
    """One JSON-able record per toponym of every document in ``path`` (``dragoman places``)."""
    from ...clean import clean_article
    from ...ingest import iter_inputs
    from ...model import Rejected
    from ...nlp import get_nlp

    nlp = get_nlp()
    for item in iter_inputs([path], published=published):
        if isinstance(item, Rejected):
            yield {"source_id": item.source_id, "error": item.error}
            continue
        clean = clean_article(item)
        resolver = PlaceResolver(nlp(clean.body), clean)
        for top in resolver.toponyms:
            yield {"source_id": item.source_id, **toponym_record(top, clean)}
