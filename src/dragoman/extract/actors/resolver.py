"""Actor mentions -> ``Actor(text, name, country, sector, start, end, backer)``.

One :class:`ActorResolver` per parsed document. The event coder hands it the syntactic
head token of each argument; the resolver reads the noun phrase around it with the
lexicons in :mod:`dragoman.lexicon` and returns an :class:`~dragoman.model.Actor` whose
offsets point into ``doc.text`` (the cleaned body; the assembler maps them back).

Coding decisions (PLOVER conventions, documented here because users must know them):

- Country: a named body's code (groups.tsv / international.tsv) wins; then a country word
  in the phrase ("Sudanese army", "Sudan's army", "rebels in Darfur", "the government in
  Kinshasa"); then, for domestic sectors only, the document's focus country (the dateline's
  country, else a country named clearly more often than any other). Otherwise ``None``.
- ``X-backed`` / ``backed by X`` / ``pro-X`` name a backer, kept in ``Actor.backer`` and never
  used as the actor's country ("Rwanda-backed M23 rebels" -> COD REB, backer RWA).
- A bare country name used as an actor ("Ethiopia accused Egypt") is the state as a whole:
  country code with sector ``None``, as PLOVER's gold records code it; GOV would claim more
  than the text says.
- A capital or seat of government used as an actor ("talks between Kigali and Kinshasa",
  "the Kremlin said") is the government: country + GOV.
- A plural demonym ("Russians", "Nigerians") denotes people of that country: country + CVL,
  as PLOVER's gold records code them.
- A titled person ("Kenyan Interior Minister Kithure Kindiki", "Kindiki, Kenya's interior
  minister") is found by a pre-scan of the document; later mentions by surname ("Kindiki")
  or by title ("the minister") inherit the person's country and sector. "Former"/"ex-"/
  "ousted" before a title gives ELI (former elites).
- "security forces" are COP (the CAMEO convention); "government forces" are MIL.
- A force or office with no country of its own takes its owner's: its possessor ("Maduro's security
  forces", "the general's troops", "its forces" after "Russia's defence ministry said"), its "of"/"under"
  owner ("troops of the Sudanese government"), whom it is loyal to ("forces loyal to Haftar"); before the
  document's focus, never another state the story names.
- A bare number done to ("police arrested 14", "20 were killed") is that many people (CVL); the event coder
  gives people and domestic sectors with no country the country where the event happened.
- Pronouns and possessives (he, she, they, it, their, its, ...) resolve to the nearest
  earlier actor in the same sentence, else to the subject actor of the previous
  sentences (persons for he/she, groups and bodies for they/it), else to
  :attr:`ActorResolver.last_actor` as noted by the caller with :meth:`note_actor`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from ... import lexicon as lx
from ...model import Actor
from ..places.lookup import PlaceCountries
from .phrases import as_place, country_entry, phrase_end, phrase_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "it", "its", "itself"})
_PRONOUNS = _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"we", "our", "us"}
_BACKED = re.compile(r"^(?P<who>.+?)-(?:backed|supported|sponsored|funded|armed|allied|aligned|led)$", re.IGNORECASE)
# Adjectives and determiners that never belong in a normalised name.
_NAME_DROP_DEPS = frozenset({"det", "nummod", "quantmod", "punct", "case", "predet", "cc", "prep", "advmod"})
_DOMESTIC = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "PTY", "LEG", "JUD", "SPY", "CVL", "REF", "UAF"})
# Prepositions whose object tells where a group belongs ("students throughout Indonesia", "militias in Tripoli").
_WHERE_PREPS = frozenset({"of", "in", "from", "for", "throughout", "across", "inside"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Articles a mention's span takes in, as a noun phrase's extent does ("the Taliban", "an Afghan offer"); the name
# leaves them out.
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    country: str | None
    sector: str | None
    title: str | None  # lookup key of the title ("interior minister")
    position: int  # token index of the mention that defined the person


@dataclass(frozen=True, slots=True)
class _Phrase:
    """The tokens of one actor phrase: its head, entity, bounds (token indices), the tokens that name it and
    the backer it names ("Rwanda-backed")."""

    head: Token
    ent: Span | None
    start: int
    end: int
    name_tokens: list[Token]
    backer: str | None
    backer_tokens: frozenset[int]


@lru_cache(maxsize=4096)
def country_of(text: str) -> str | None:
    """ISO3 (or international code) for a country name, adjective, demonym, capital or international body.

    ``country_of("Congolese") == "COD"``, ``country_of("Kinshasa") == "COD"``, ``country_of("UN") == "UNO"``,
    ``country_of("Russians") == "RUS"``. Unknown text gives ``None``.
    """
    key = lx.norm(text)  # curly quotes come out straight: "’s" is "'s" here
    if key.endswith("'s"):
        key = key[:-2]
    key = key.rstrip("'").strip()
    if not key:
        return None
    for candidate in (key, key.lower()) if not key.islower() else (key,):
        entry = lx.countries().get(candidate)
        if entry is not None:
            return entry.iso3
        body = lx.bodies().get(candidate)
        if body is not None and body.code in lx.INTERNATIONAL:
            return body.code
    return None


def names_its_state(actor: Actor) -> bool:
    """A country named as itself ("Ukraine", "the U.S."): no sector, and the text names the country (a person's
    name, "Afgan Mukhtarli", is no state however it is capitalised)."""
    return actor.sector is None and actor.country is not None and country_of(actor.text) == actor.country


def _body(text: str) -> lx.BodyEntry | None:
    key = lx.norm(text)
    body = lx.bodies().get(key)
    if body is None and not key.islower() and not _is_acronym(text):
        body = lx.bodies().get(key.lower())
    return body


def _is_acronym(text: str) -> bool:
    stripped = text.replace(".", "")
    return stripped.isupper() and len(stripped) <= 6


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower() if token.lemma_ else token.lower_
    return lemma if lemma != "-pron-" else token.lower_


def _head_entry(tokens: list[Token]) -> tuple[str, lx.SectorEntry, int] | None:
    """Longest sector-lexicon phrase ending at the last token: (key, entry, number of tokens)."""
    table = lx.sectors()
    for n in (4, 3, 2, 1):
        if len(tokens) < n:
            continue
        part = tokens[-n:]
        for form in (
            " ".join(_lemma(t) for t in part),
            " ".join(t.lower_ for t in part),
            " ".join([*(t.lower_ for t in part[:-1]), _lemma(part[-1])]),
        ):
            entry = table.get(form)
            if entry is not None and entry.kind == "title" and part[-1].pos_ == "ADJ":
                continue  # "a private dinner", "a general strike", "major attacks": an adjective, no rank
            if entry is not None:
                return form, entry, n
        if n == 1:
            word = part[0].lower_
            if word.endswith("s") and table.get(word[:-1]):
                return word[:-1], table[word[:-1]], 1
    return None


def is_actor_like(token: Token) -> bool:
    """Does this head token denote a possible actor?

    True for personal pronouns, people/organisation/nationality/country entities, named bodies
    and groups, country words and capitals, and sector nouns and titles ("troops", "minister").
    """
    if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
        return True
    if token.ent_type_ in _ACTOR_ENTS:
        return True
    if _body(token.text) is not None or country_entry(token.text) is not None:
        return True
    entry = _head_entry([token])
    return entry is not None and (entry[1].sector is not None or entry[1].kind == "generic")


class ActorResolver:
    """Resolves actor mentions in one parsed document; remembers titled people and the last actor.

    ``dateline_places`` are the cleaner's dateline toponyms ("KINSHASA", "Goma, Congo"): their
    country is the document's focus country, used for domestic actors named without one.
    """

    def __init__(self, doc: Doc, *, dateline_places: tuple[str, ...] = (),
                 places: PlaceCountries | None = None) -> None:
        self.doc = doc
        self._places = places
        self.last_actor: Actor | None = None
        self._ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
        self._people: dict[str, _Person] = {}
        # first word of a full name -> its person, None when two people share it ("Wang" of "Wang Yi": names
        # written family name first are taken up again by their first word)
        self._first_words: dict[str, _Person | None] = {}
        self._titled: list[_Person] = []
        self._subject_cache: dict[int, list[tuple[int, Actor]]] = {}
        self._personal: set[tuple[int | None, int | None]] = set()  # (start, end) of actors that are people
        self._plural: set[tuple[int | None, int | None]] = set()  # (start, end) of plural mentions ("rebels")
        self.focus = self._focus_country(dateline_places)
        # titled officials with no stated country ("President Levy Mwanawasa") take a weaker focus: the strict
        # one, else the only country the document names at all; domestic titles rarely refer abroad unmarked
        self.title_focus = self.focus or self._only_country()
        self._scan_people()

    # -- public API -------------------------------------------------------------------------

    @property
    def places(self) -> PlaceCountries:
        """The place side's answer for the country of a place name (``PlaceResolver.countries``); over the
        process-wide gazetteer, opened on first use, when none was given."""
        if self._places is None:
            from ...gazetteer import get_gazetteer

            self._places = PlaceCountries(get_gazetteer())
        return self._places

    def note_actor(self, actor: Actor | None) -> None:
        """Remember ``actor`` as the latest one coded; pronouns fall back to it."""
        if actor is not None:
            self.last_actor = actor

    def actor_for(self, head: Token) -> Actor | None:
        """The actor whose mention is headed by token ``head`` (offsets into the body), or None.

        Conjuncts are not merged: the caller passes each conjunct's head ("Kigali and Kinshasa"
        gives two calls). A head that denotes no actor (a thing, a place that is not a country
        or capital, an unknown common noun) gives ``None``.
        """
        if head.pos_ == "PRON" or (head.lower_ in _PRONOUNS and head.tag_ in ("PRP", "PRP$")):
            return self._pronoun(head)
        if _counted_people(head) or _crowd(head):
            return self._people_count(head)
        whole = _partitive_whole(head)
        if whole is not None:  # "two of its activists": the activists' party, the whole phrase's text
            actor = self.actor_for(whole)
            return None if actor is None else self.as_argument(actor, head)
        named_state = _related_state_named(head)
        if named_state is not None:  # "a Russian ally, Syria": Syria, not Russia; the whole phrase's text
            related = self._describe(named_state)
            if related is not None and related.country is not None:
                return self.as_argument(related, head)
        state = self._state_meant(head, done_to=head.dep_ not in ("nsubj", "nsubjpass"))
        if state is not None:  # "sanctions on the country": the state last named
            span = self._argument_span(head)
            return self._actor(span.start, span.end, None, state, None, None)
        name = _name_given(head)
        if name is not None:  # "a militant group called Boko Haram": the group the name says, the whole phrase's text
            named = self._describe(name)
            if named is not None and named.country is not None:
                return self.as_argument(named, head)
        return self._describe(head)

    def _people_count(self, head: Token) -> Actor:
        """A bare number done to ("arrested 14", "14 were killed"): that many people (CVL), their country the
        caller's to give (where the event happened)."""
        span = self.doc[phrase_start(head):head.i + 1]
        return Actor(text=span.text, name=None, country=None, sector="CVL", start=span.start_char,
                     end=span.end_char)

    def is_person(self, actor: Actor) -> bool:
        """Whether ``actor`` (as this resolver returned it, body offsets) names a person ("Choi", "he")."""
        return actor.start is not None and (actor.start, actor.end) in self._personal

    def subject_actors(self, sent: Span) -> list[Actor]:
        """The actors of a sentence's subjects (and their conjuncts), in order, pronouns resolved."""
        return [actor for _i, actor in self._subjects(sent)]

    def as_argument(self, actor: Actor, head: Token) -> Actor:
        """``actor`` found inside the argument headed by ``head`` ("the OPCW visit", "positions of the
        army"), with the text and offsets of the whole argument phrase; name, country and sector kept."""
        if actor.start is None or actor.end is None or head.pos_ == "PRON":
            return actor
        span = self._argument_span(head)
        if not (span.start_char <= actor.start and actor.end <= span.end_char):
            return actor
        return replace(actor, text=span.text, start=span.start_char, end=span.end_char)

    def referred_to(self, actor: Actor, head: Token) -> Actor:
        """``actor`` named earlier, as the phrase headed by ``head`` refers to it again ("the two sides"): its
        name, country and sector with the text and offsets of the phrase."""
        span = self._argument_span(head)
        return replace(actor, text=span.text, start=span.start_char, end=span.end_char)

    def _argument_span(self, head: Token) -> Span:
        start_i = phrase_start(head)
        end_i = phrase_end(head, head.i + 1)
        while start_i < head.i and self.doc[start_i].dep_ in ("det", "punct", "cc", "case", "predet"):
            start_i += 1
        return self.doc[_with_article(self.doc, start_i, end_i):end_i]

    def place_actor(self, token: Token) -> Actor | None:
        """A place named as where an event was done to ("curfew in Algiers", "withdraw from Chad") as the
        recipient: a country is the state (sector None); a city or region is its population (CVL)."""
        ent = self._ent_of.get(token.i)
        if ent is None or ent.label_ not in ("GPE", "LOC"):
            return None
        text = ent.text
        entry = country_entry(text)
        if entry is not None and entry.kind in ("name", "alias", "capital"):
            sector = "CVL" if entry.kind == "capital" else None
            return Actor(text=text, name=text, country=entry.iso3, sector=sector, start=ent.start_char,
                         end=ent.end_char)
        if entry is not None:
            return None  # a demonym or adjective is no place
        code = self.places.of_place(text)
        if code is None:
            return None
        return Actor(text=text, name=text, country=code, sector="CVL", start=ent.start_char, end=ent.end_char)

    # -- document pre-scan ------------------------------------------------------------------

    def _focus_country(self, dateline_places: tuple[str, ...]) -> str | None:
        for place in dateline_places:
            for part in [place, *place.split(",")]:
                code = country_of(part.strip()) or self.places.of_town(part.strip())
                if code:
                    return code
        counts: Counter[str] = Counter()
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "NORP") and not _counterparts(ent):
                code = country_of(ent.text)
                if code and code not in lx.INTERNATIONAL:
                    counts[code] += 1
        ranked = counts.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    def _only_country(self) -> str | None:
        found = {country_of(ent.text) for ent in self.doc.ents
                 if ent.label_ in ("GPE", "NORP") and not _counterparts(ent) and not _done_to(ent)}
        # "met his Egyptian counterpart in Cairo": the unnamed minister is of another state, whatever the venue
        counterparts = {country_of(ent.text) for ent in self.doc.ents if ent.label_ == "NORP" and _counterparts(ent)}
        codes = {c for c in found - counterparts if c and c not in lx.INTERNATIONAL}
        return codes.pop() if len(codes) == 1 else None

    def _scan_people(self) -> None:
        """Find titled people: "Kenyan Interior Minister Kithure Kindiki", "Kindiki, Kenya's interior minister"."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or _not_a_person(ent.text.strip()):
                continue
            root = ent.root
            left = [t for t in root.subtree if t.i < ent.start and t.dep_ not in ("det",)]
            left = [t for t in left if t.i >= phrase_start(root)]
            inner = ent.start
            while (
                inner < ent.end - 1
                and (_head_entry([self.doc[inner]]) or (None, None))[1] is not None
                and lx.norm(self.doc[inner].text) in lx.titles()
            ):
                inner += 1  # the small model sometimes puts the title inside the name
            if inner > ent.start:
                left += [self.doc[i] for i in range(ent.start, inner)]
                ent = self.doc[inner : ent.end]
            country, sector, title = self._title_info(left)
            # apposition either way: "Kindiki, the minister" / "the minister, Kindiki"
            apposed = [c for c in root.children if c.dep_ == "appos" and c.i > ent.end - 1]
            if root.dep_ == "appos" and root.head.i < ent.start:
                apposed.append(root.head)
            for noun in apposed:
                if sector is not None and country is not None:
                    break
                phrase = [t for t in noun.subtree if t.i <= noun.i and t.i >= phrase_start(noun)]
                a_country, a_sector, a_title = self._title_info(phrase)
                if sector is None and (a_sector is not None or a_title is not None):
                    country, sector, title = country or a_country, a_sector, a_title
                elif sector is not None:
                    # "Saudi Arabia's de facto ruler, Crown Prince X": the title names the office, the
                    # apposition the country (never the document's focus, another state)
                    country = country or a_country
                # "X, chairman of the Duma's committee": the body or place the office is of
                country = country or self._phrase_country(noun, [], set())
            name = ent.text.strip()
            famous = lx.people().get(lx.norm(name))
            if famous is not None:  # a well-known leader: the text's title (e.g. "former") still wins
                country = country or famous.code
                sector = sector or famous.sector
            # a lone word may be the first word of a full name met before ("Wang" of "Wang Yi")
            known = self._people.get(name.lower()) or (self._first_words.get(name.lower()) if " " not in name else None)
            if sector is None and country is None:
                if known is None:
                    self._remember(_Person(name, None, None, None, ent.start))
                continue
            if country is None and title is not None and sector in _DOMESTIC and sector != "CVL":
                country = self.title_focus
            person = _Person(name, country, sector, title, ent.start)
            self._remember(person)
            self._titled.append(person)

    def _remember(self, person: _Person) -> None:
        parts = person.name.split()
        keys = {person.name.lower(), parts[-1].lower()} if parts else {person.name.lower()}
        for key in keys:
            old = self._people.get(key)
            if old is None or old.sector is None or person.sector is not None:
                self._people[key] = person
        if len(parts) > 1 and all(part[:1].isupper() for part in parts):  # "meth lab" tagged a person is none
            first = parts[0].lower()
            if first not in self._first_words:
                self._first_words[first] = person
            elif (other := self._first_words[first]) is not None and other.name != person.name:
                self._first_words[first] = None

    def _known(self, token: Token) -> _Person | None:
        """The person a one-word mention names: a full name or surname noted, else (a singular proper noun that
        names no town or region: "annex to Logan" is not "Logan Smith") the first word of one full name only."""
        known = self._people.get(token.lower_)
        if known is not None or token.tag_ != "NNP" or token.lower_ not in self._first_words:
            return known
        return self._first_words[token.lower_] if self.places.of_place(token.text) is None else None

    def _title_info(self, tokens: list[Token]) -> tuple[str | None, str | None, str | None]:
        """Country, sector and title key from the words before/around a name."""
        tokens = [t for t in tokens if not t.is_punct and t.dep_ not in ("case",)]
        country = None
        for t in tokens:
            code = self._token_country(t)
            if code:
                country = code
                break
        if country is None:  # "Arab League Secretary-General X": a named body before the title
            body, _ = self._longest_body_in(tokens)
            country = body.code or None if body is not None else None
        sector = title = None
        for end in range(len(tokens), 0, -1):
            found = _head_entry(tokens[:end])
            if found and found[1].kind in ("title", "generic", "noun"):
                title, entry = found[0], found[1]
                sector = entry.sector
                if entry.kind == "generic":
                    sector = _modifier_sector(tokens[: end - found[2]]) or entry.sector
                if entry.kind == "noun" and entry.sector in ("CVL",):
                    sector = title = None  # "resident John Smith" says little
                    continue
                if any(t.lower_.rstrip("-") in lx.actor_words().former_words or t.lower_ == "ex" for t in tokens[:end]):
                    sector = "ELI"
                break
        if sector is None:
            for t in tokens:
                body = _body(t.text)
                if body is not None:
                    country = country or (body.code or None)
                    sector = body.sector
                    break
        return country, sector, title

    # -- noun phrases -----------------------------------------------------------------------

    def _describe(self, head: Token) -> Actor | None:
        """The actor headed by ``head``; its text is the whole mention, post-modifiers included.

        PLOVER's actor texts keep "in/of/from X" phrases, appositions and participles ("Opposition groups in
        Zimbabwe", "refugees fleeing the war", "Putin, the Russian president") but not the leading determiner.
        """
        actor = self._describe_core(head)
        if actor is None or actor.start is None or actor.end is None:
            return actor
        core = self.doc.char_span(actor.start, actor.end)
        if core is None:
            return actor
        end_i = phrase_end(head, core.end)
        if end_i <= core.end:
            return actor
        wider = self.doc[core.start:end_i]
        old, new = (actor.start, actor.end), (wider.start_char, wider.end_char)
        for kept in (self._personal, self._plural):
            if old in kept:
                kept.add(new)
        return replace(actor, text=wider.text, end=wider.end_char)

    def _describe_core(self, head: Token) -> Actor | None:
        """The actor of the phrase headed by ``head`` without its post-modifiers: a person, a named body, a
        country word, a town done to, an organisation, else a sector word, tried in that order."""
        phrase = self._phrase(head)
        person = self._person_for(head, phrase.ent)
        if person is not None:
            return self._phrase_actor(phrase, person.name, person.country, person.sector, personal=True)
        body, body_from = self._longest_body(phrase.name_tokens)
        if body is not None and body_from is not None:
            return self._body_actor(phrase, body, body_from)
        ent = phrase.ent
        # a whole country name wins over a sector word inside it ("United States", "Central African Republic")
        head_country = None
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC", "ORG"):
            head_country = country_entry(ent.text)
        found = _head_entry([t for t in phrase.name_tokens if not t.is_punct]) if head_country is None else None
        if found is not None:
            return self._sector_actor(phrase, found)
        if head_country is None:
            head_country = country_entry(_span_text(self.doc, phrase.start, phrase.end)) or country_entry(head.text)
        if head_country is not None:
            return self._country_actor(phrase, head_country)
        return self._named_place_actor(phrase)

    def _phrase(self, head: Token) -> _Phrase:
        """The tokens of the phrase headed by ``head`` (its entity's too), without a leading determiner."""
        doc = self.doc
        start_i = phrase_start(head)
        end_i = head.i + 1
        ent = self._ent_of.get(head.i)
        if ent is not None and ent.label_ in _ACTOR_ENTS | {"FAC", "LOC"}:
            start_i, end_i = min(start_i, ent.start), max(end_i, ent.end)
        while start_i < end_i - 1 and doc[start_i].dep_ in ("det", "punct", "cc", "case", "predet"):
            start_i += 1
        tokens = [doc[i] for i in range(start_i, end_i)]
        core = [t for t in tokens if t.i >= head.i or t.head.i >= start_i]
        backer, backer_tokens = self._backer(head, tokens)
        name_tokens = [t for t in core if t.i not in backer_tokens]
        return _Phrase(head, ent, start_i, end_i, name_tokens, backer, frozenset(backer_tokens))

    def _phrase_actor(self, phrase: _Phrase, name: str | None, country: str | None, sector: str | None, *,
                      personal: bool = False) -> Actor:
        return self._actor(phrase.start, phrase.end, name, country, sector, phrase.backer, personal=personal)

    def _body_actor(self, phrase: _Phrase, body: lx.BodyEntry, body_from: int) -> Actor:
        """A named body: the longest suffix of the phrase ending at the head that is one."""
        head = phrase.head
        stated = self._phrase_country(head, phrase.name_tokens[:body_from], set(phrase.backer_tokens))
        # a national office name other states use too ("Pakistan's Foreign Office") takes the stated country
        national = body.code and body.code not in lx.INTERNATIONAL and body.code != "IMG"
        country = stated if national and stated and stated not in lx.INTERNATIONAL else body.code or stated
        country = country or (self.focus if body.sector in _DOMESTIC else None)
        name = _span_text(self.doc, phrase.name_tokens[body_from].i, phrase.end)
        return self._phrase_actor(phrase, name, country, body.sector)

    def _country_actor(self, phrase: _Phrase, entry: lx.CountryEntry) -> Actor:
        """A country, capital or demonym used as the actor."""
        head = phrase.head
        sector = None
        country: str | None = entry.iso3
        if entry.kind == "capital":
            sector = "CVL" if as_place(head) else "GOV"
        elif entry.kind == "demonym" or (
            head.tag_ in ("NNS", "NNPS") and head.lower_.endswith("s") and entry.kind == "adjective"
        ):
            sector = "CVL"
            if any(t.lower_ == "ethnic" for t in phrase.name_tokens):
                # "ethnic Albanians" are a community living elsewhere: the country they live in, if named
                country = self._host_country(head, entry.iso3)
        elif entry.kind == "adjective" and head.dep_ in ("amod", "compound", "nmod", "conj"):
            # an adjective standing for its noun ("Israeli [army] bulldozers", "Hungarian ... officials")
            sector = self._noun_sector(head)
        return self._phrase_actor(phrase, _name(phrase.name_tokens, set(phrase.backer_tokens)), country, sector)

    def _named_place_actor(self, phrase: _Phrase) -> Actor | None:
        """No sector word and no country word: a town or region done to ("shelled Jericho": its people), else
        an organisation or nationality with the country its phrase states."""
        head, ent = phrase.head, phrase.ent
        if ent is None:
            return None
        if ent.label_ in ("GPE", "LOC", "ORG", "NORP", "PERSON") and head.pos_ == "PROPN":
            code = self.places.of_place(ent.text)
            if code is not None and country_entry(ent.text) is None and _body(ent.text) is None and as_place(head):
                return self._phrase_actor(phrase, ent.text, code, "CVL")
        if ent.label_ in ("ORG", "NORP"):
            country = self._phrase_country(head, phrase.name_tokens, set(phrase.backer_tokens))
            if ent.label_ == "NORP" and country is None:
                return None
            return self._phrase_actor(phrase, _span_text(self.doc, ent.start, ent.end), country, None)
        return None

    def _sector_actor(self, phrase: _Phrase, found: tuple[str, lx.SectorEntry, int]) -> Actor | None:
        """A sector word heads the phrase ("troops", "the minister", "UN peacekeepers", "Hamas fighters"): its
        sector, refined by the modifiers, and the country they (or the context) give."""
        head = phrase.head
        key, entry, width = found
        skip = set(phrase.backer_tokens)
        modifiers = [t for t in phrase.name_tokens if t.i < head.i - width + 1]
        # the words of a body's name say no sector of their own ("European Union leaders" are no union's)
        named = self._body_words(modifiers)
        sector = self._modified_sector(entry, [t for t in modifiers if t.i not in named])
        if entry.kind == "title":
            inherited = self._by_title(head, key)
            if inherited is not None and not self._phrase_country(head, modifiers, skip):
                return self._phrase_actor(phrase, inherited.name, inherited.country, inherited.sector, personal=True)
        country = self._phrase_country(head, modifiers, skip)
        if country is None:
            mod_body = next((_body(t.text) for t in modifiers if _body(t.text) is not None), None)
            if mod_body is not None:
                country = mod_body.code or None
                if entry.kind == "generic" and mod_body.sector and sector in (None, entry.sector):
                    sector = mod_body.sector if entry.sector != "MIL" else sector
        if entry.sector == "PTY" and any(t.lower_ == "opposition" for t in modifiers):
            sector = "OPP"  # "opposition candidates", "opposition politicians"
        if entry.kind == "generic" and sector == entry.sector and not modifiers:
            sector = self._earlier_sector(head) or sector  # "police personnel ... the personnel"
        if country is None:  # "Maduro's security forces", "its forces", "forces loyal to Haftar"
            country = self._owner_country(head)
        country = self._context_country(head, entry, key, country, sector)
        if sector is None and country is not None and key in lx.actor_words().state_leaders:
            sector = "GOV"  # "Palestinian leaders", "Belarus's rulers": a country's leaders are its government
        if sector is None and country is None:
            return None
        personal = entry.kind == "title" and head.tag_ not in ("NNS", "NNPS")
        return self._phrase_actor(phrase, _name(phrase.name_tokens, skip), country, sector, personal=personal)

    @staticmethod
    def _modified_sector(entry: lx.SectorEntry, modifiers: list[Token]) -> str | None:
        """The sector of a sector word as its modifiers refine it ("military officials", "former minister")."""
        sector = entry.sector
        if entry.kind == "generic":
            mod_sector = _modifier_sector(modifiers)
            # "government forces" and "Moslem forces" stay armed men, not officials or civilians
            if mod_sector and not (entry.sector == "MIL" and mod_sector in ("GOV", "CVL")):
                sector = mod_sector
        if entry.kind == "title" and any(t.lower_.rstrip("-") in lx.actor_words().former_words for t in modifiers):
            sector = "ELI"
        return sector

    def _owner_country(self, head: Token) -> str | None:
        """The country of whoever owns, commands or is served by the force or office ``head``: its possessor
        ("Maduro's security forces", "the general's troops", "its forces"), its "of"/"under" object ("troops of
        the Sudanese government"), or whom it is loyal to ("forces loyal to Haftar"). A person's country is the
        people lexicon's or the document's titled mention; a pronoun's is its antecedent's. None when no owner
        names a country: then the context decides, never another state the story names."""
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [p for title in _listed_with(head) for prep in title.children
                   if prep.dep_ == "prep" and prep.lower_ in ("of", "under") for p in prep.children if p.dep_ == "pobj"]
        owners += [p for adj in head.children if adj.dep_ in ("amod", "acl", "relcl")
                   and adj.lower_ in lx.actor_words().allegiance_words
                   for prep in adj.children if prep.dep_ == "prep" and prep.lower_ == "to"
                   for p in prep.children if p.dep_ == "pobj"]
        for owner in owners:
            if owner.i == head.i:
                continue
            pronoun = owner.pos_ == "PRON" or (owner.lower_ in _PRONOUNS and owner.tag_ in ("PRP", "PRP$"))
            if not pronoun and (state := self._state_meant(owner)) is not None:
                return state  # "the country's navy"
            if not pronoun and not is_actor_like(owner):
                continue  # "troops of the 3rd brigade": no owner named
            actor = self._pronoun(owner) if pronoun else self._describe_core(owner)
            if actor is not None and actor.country is not None:
                return actor.country
            if not pronoun and owner.ent_type_ in ("GPE", "LOC") and (code := self._place_code(owner)):
                return code  # "Dagestan's leader", "the leader of Chechnya": a region's office is its country's
        return None

    def _state_meant(self, token: Token, *, done_to: bool = False) -> str | None:
        """The state "the country" or "the nation" (no other modifier) refers back to: the last one named before it
        in its sentence or the two before ("Iranian state media said the country's navy ..."); None when none is.
        ``done_to``: the phrase is acted on, so its clause's subject is another state ("Nicaragua voted. Washington
        imposed sanctions on the country")."""
        if token.lower_ not in lx.actor_words().state_anaphors:
            return None
        children = list(token.children)  # only "the" and a possessive "'s": "the whole country" is its people
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
                c.dep_ not in ("det", "case") or (c.dep_ == "det" and c.lower_ != "the") for c in children):
            return None
        start = token.sent.start
        for _ in range(2):
            if start > 0:
                start = self.doc[start - 1].sent.start
        doer: set[int] = set()
        if done_to:
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            doer = {t.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")
                    for t in c.subtree}
        i = token.i - 1
        while i >= start:
            if i in doer:
                i -= 1
                continue
            ent = self._ent_of.get(i)
            word = self.doc[i]
            if ent is not None and ent.label_ in ("GPE", "NORP"):
                text, i = ent.text, ent.start - 1
            else:
                text, i = word.text, i - 1
                if word.pos_ not in ("PROPN", "ADJ"):
                    continue
            code = country_of(text)
            if code is not None and code not in lx.INTERNATIONAL:
                return code
        return None

    def _context_country(self, head: Token, entry: lx.SectorEntry, key: str, country: str | None,
                         sector: str | None) -> str | None:
        """A domestic actor the phrase gives no country: its commander's, else the document's focus."""
        if country is None and sector in _DOMESTIC:
            country = self._controller_country(head)
        if country is None and sector == "REB":
            country = self._fought_in(head) or self._group_named_before(head)
        if country is None and sector in _DOMESTIC and sector != "CVL":
            country = self.title_focus if entry.kind == "title" else self.focus
        return country

    def _actor(
        self,
        start_i: int,
        end_i: int,
        name: str | None,
        country: str | None,
        sector: str | None,
        backer: str | None,
        *,
        personal: bool = False,
    ) -> Actor:
        core = self.doc[start_i:end_i]
        span = self.doc[_with_article(self.doc, start_i, end_i):end_i]
        if personal:
            self._personal.add((span.start_char, span.end_char))
        plural = span[-1].tag_ in ("NNS", "NNPS") or (span[-1].pos_ == "PROPN" and span[-1].lower_.endswith("s"))
        state = sector is None and country is not None and country_of(span.text) == country
        if plural and not state:  # "the Philippines", "the United States" are one state
            self._plural.add((span.start_char, span.end_char))
        return Actor(
            text=span.text,
            name=name or core.text,
            country=country,
            sector=sector,
            start=span.start_char,
            end=span.end_char,
            backer=backer,
        )

    def _fits(self, actor: Actor, want: str) -> bool:
        """Does ``actor`` fit a pronoun: a person for he/she, a group for they, a singular body for it."""
        key = (actor.start, actor.end)
        if want == "person":
            return key in self._personal
        if want == "it":
            return key not in self._personal and key not in self._plural
        return key not in self._personal

    def _person_for(self, head: Token, ent: Span | None) -> _Person | None:
        if ent is None or ent.label_ != "PERSON":
            # the small model often labels a lone surname ORG/GPE: a known person's name wins, even tagged as a
            # common noun ("Zelenskyy thanked Germany": NN)
            if head.pos_ != "PROPN" and not (head.is_title and lx.people().get(lx.norm(head.text)) is not None):
                return None
            text = ent.text.strip() if ent is not None else head.text
            known = self._people.get(text.lower()) or self._known(head)
            famous = lx.people().get(lx.norm(text))
            if known is None and famous is not None:
                known = _Person(famous.name, famous.code, famous.sector, None, head.i)
            if known is None and ent is None:
                known = self._untagged_speaker(head)
            return known if known is not None and _body(text) is None and country_entry(text) is None else None
        text = ent.text.strip()
        if _not_a_person(text) or self._town_taken_for_a_person(head, ent):
            return None
        parts = text.split()
        known = self._people.get(text.lower()) or (
            (self._known(head) if len(parts) == 1 and len(ent) == 1 else self._people.get(parts[-1].lower()))
            if parts else None)
        if known is not None:
            if known.name.lower() == text.lower() or known.sector is not None:
                return known
        return _Person(text, None, None, None, ent.start)

    def _untagged_speaker(self, head: Token) -> _Person | None:
        """A proper name the tagger missed that says something ("van den Brande told reporters"): a person, named by
        the whole name; None for a name the place list knows."""
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in lx.actor_words().speaking_verbs:
            return None
        start = phrase_start(head)
        name = self.doc[start:head.i + 1]
        if not all(t.pos_ == "PROPN" or t.is_lower and t.dep_ == "compound" for t in name) \
                or self.places.of_place(name.text) is not None:
            return None
        return _Person(name.text, None, None, None, start)

    def _town_taken_for_a_person(self, head: Token, ent: Span) -> bool:
        """"Russian forces shelled Kharkiv": the small model's PERSON that is one word, named where a place is
        done to (``as_place``), no one the people lexicon knows, and a town or region's name."""
        text = ent.text.strip()
        return (len(ent) == 1 and as_place(head) and lx.people().get(lx.norm(text)) is None
                and self.places.of_place(text) is not None)

    def _by_title(self, head: Token, key: str) -> _Person | None:
        """A bare title ("the minister") inherits the latest earlier person holding it."""
        if any(c.dep_ == "poss" or c.ent_type_ in ("GPE", "NORP") for c in head.children) or _of_a_place(head):
            return None
        word = key.split()[-1]
        for person in reversed(self._titled):
            if person.position < head.i and (person.title and person.title.split()[-1] == word
                                             or word in person.name.lower().split()):
                return person  # "the crown prince" after "Crown Prince X" (a title the name holds)
        return None

    def _body_run(self, tokens: list[Token]) -> tuple[lx.BodyEntry | None, int | None, int]:
        """The longest run of adjacent tokens anywhere in ``tokens`` that names a body with a code: the body, where
        the run starts in ``tokens`` and how long it is."""
        for n in range(min(len(tokens), 6), 1, -1):
            for k in range(len(tokens) - n + 1):
                part = tokens[k : k + n]
                if part[-1].i - part[0].i != n - 1:
                    continue
                body = _body(_span_text(self.doc, part[0].i, part[-1].i + 1))
                if body is not None and body.code:
                    return body, k, n
        return None, None, 0

    def _body_words(self, tokens: list[Token]) -> set[int]:
        """Indices of the tokens of ``_body_run``."""
        _body_found, at, n = self._body_run(tokens)
        return {t.i for t in tokens[at:at + n]} if at is not None else set()

    def _longest_body_in(self, tokens: list[Token]) -> tuple[lx.BodyEntry | None, int | None]:
        """The longest run of adjacent tokens anywhere in ``tokens`` that names a body with a code."""
        body, at, _n = self._body_run(tokens)
        return body, at

    def _longest_body(self, tokens: list[Token]) -> tuple[lx.BodyEntry | None, int | None]:
        words = [t for t in tokens]
        for k in range(len(words)):
            text = _span_text(self.doc, words[k].i, words[-1].i + 1)
            body = _body(text)
            if body is not None:
                if body.code == "MNC" and words[-1].pos_ != "PROPN":
                    continue
                return body, k
        return None, None

    def _earlier_sector(self, head: Token) -> str | None:
        """Sector of the latest earlier mention of the same generic noun with a sector modifier."""
        lemma = _lemma(head)
        for token in reversed(self.doc[: head.i]):
            if _lemma(token) == lemma and token.pos_ == "NOUN":
                sector = _modifier_sector([c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")])
                if sector is not None:
                    return sector
        return None

    def _fought_in(self, head: Token) -> str | None:
        """The one state the places of an armed group's sentence lie in ("24 Kurdish fighters have been killed in
        the clashes in Afrin": SYR), when the phrase names none: rebels and militias act in their own land
        (docs/codebook.md, section 4), which a story about another state must not lend them. Towns and regions
        only: a state or its capital is more often a party named ("under Moscow's protection"). None when the
        sentence places nothing so or places in several states."""
        found = set()
        for ent in head.sent.ents:
            if ent.label_ in ("GPE", "LOC") and country_of(ent.text) is None:
                code = self.places.of_place(ent.text)
                if code and code not in lx.INTERNATIONAL:
                    found.add(code)
        return found.pop() if len(found) == 1 else None

    def _group_named_before(self, head: Token) -> str | None:
        """"Israel struck Hezbollah targets after the militant group fired missiles": a definite armed group the
        phrase names no country for is the armed group named last before it (groups.tsv), of that group's
        country."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        for ent in reversed([e for e in self.doc.ents if e.end <= head.i and e.label_ in ("ORG", "NORP", "PERSON",
                                                                                               "GPE")]):
            body = _body(ent.text)
            if body is not None and body.sector in ("REB", "UAF") and body.code and body.code not in lx.INTERNATIONAL:
                return body.code
        return None

    def _host_country(self, head: Token, own: str) -> str | None:
        """The country a community lives in: another country named in the sentence, else the focus."""
        for ent in head.sent.ents:
            if ent.label_ in ("GPE", "LOC"):
                code = country_of(ent.text) or self.places.of_place(ent.text)
                if code and code != own and code not in lx.INTERNATIONAL:
                    return code
        return self.focus if self.focus != own else None

    def _controller_country(self, head: Token) -> str | None:
        """The country of whoever sends or commands the force ``head`` ("X threatened to send troops")."""
        if head.dep_ not in ("dobj", "nsubjpass") or head.head.lemma_.lower() not in lx.actor_words().dispatch_verbs:
            return None
        verb = head.head
        subject = None
        for _ in range(4):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if subject is not None or verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
                break
            verb = verb.head
        if subject is None or subject.i == head.i:
            return None
        actor = self._pronoun(subject) if subject.pos_ == "PRON" else self._describe(subject)
        return actor.country if actor is not None else None

    def _noun_sector(self, adjective: Token) -> str | None:
        """Sector of the noun a country adjective modifies, or of a sector word between them ("Israeli army tanks")."""
        first = adjective
        while first.dep_ == "conj":
            first = first.head
        noun = first.head if first.dep_ in ("amod", "compound", "nmod") else None
        if noun is None or noun.i < adjective.i:
            return None
        for i in range(adjective.i + 1, noun.i + 1):
            found = _head_entry([self.doc[i]])
            if found is not None and found[1].sector is not None:
                return found[1].sector
        return None

    def _token_country(self, token: Token) -> str | None:
        if token.pos_ not in ("PROPN", "ADJ", "NOUN") and token.ent_type_ not in ("GPE", "NORP"):
            return None
        entry = country_entry(token.text)
        if entry is not None:
            return entry.iso3
        return None

    def _phrase_country(self, head: Token, modifiers: list[Token], skip: set[int]) -> str | None:
        """Country named by the modifiers ("North Korean", "Sudan's") or "of/in/from X" after the head."""
        mods = [t for t in modifiers if t.i not in skip and not t.is_punct]
        for n in (3, 2, 1):
            for k in range(len(mods) - n + 1):
                part = mods[k : k + n]
                if part[-1].i - part[0].i != n - 1:
                    continue
                text = _span_text(self.doc, part[0].i, part[-1].i + 1)
                entry = country_entry(text)
                if entry is not None:
                    return entry.iso3
                body = _body(text)
                if body is not None and body.code:
                    return body.code
                leader = lx.people().get(lx.norm(text))
                if leader is not None and leader.code:  # "the Biden administration", "the Modi government"
                    return leader.code
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _WHERE_PREPS]
        # "refugees fleeing the war in Liberia", "a group based in Trinidad": a participle clause's place
        for clause in head.children:
            if clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG"):
                preps += [c for c in clause.children if c.dep_ == "prep" and c.lower_ in _WHERE_PREPS - {"for"}]
                for obj in clause.children:
                    if obj.dep_ == "dobj":
                        preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    code = self._place_code(obj)
                    if code:
                        return code
        return None

    def _place_code(self, obj: Token) -> str | None:
        """Country of a place named by ``obj`` (a country, capital, town or region), or of its possessor."""
        ent = self._ent_of.get(obj.i)
        text = ent.text if ent is not None else obj.text
        code = country_of(text) or (country_of(obj.text) if ent is not None else None)
        # the small model often tags a town ORG or NORP: a proper noun there is tried as a place
        if code is None and (ent.label_ in ("GPE", "LOC") if ent is not None else obj.pos_ == "PROPN"):
            code = self.places.of_place(text)
        elif code is None and ent is not None and ent.label_ in ("ORG", "NORP") and _body(text) is None:
            code = self.places.of_place(text)
        if code is None:
            for child in obj.children:
                if child.dep_ == "poss" and child.ent_type_ in ("GPE", "LOC"):
                    code = country_of(child.text)
                elif child.dep_ == "poss" and (body := _body(child.text)) is not None and body.code:
                    code = body.code  # "the Duma's committee"
        return code

    def _backer(self, head: Token, tokens: list[Token]) -> tuple[str | None, set[int]]:
        """The backer named by "X-backed", "pro-X" or "backed by X", and the tokens that name it."""
        for t in tokens:
            match = _BACKED.match(t.text)
            if match:
                code = country_of(match.group("who"))
                if code:
                    return code, {t.i}
            if t.lemma_.lower() in lx.actor_words().backing_verbs or t.lower_ in lx.actor_words().backing_verbs:
                names = [c for c in t.subtree if c.i < t.i and not c.is_punct]
                code = country_of(_span_text(self.doc, names[0].i, names[-1].i + 1)) if names else None
                if code:
                    return code, {c.i for c in t.subtree}
            if t.lower_ == "pro" or t.lower_.startswith("pro-"):
                rest = t.text[4:] if t.lower_.startswith("pro-") else ""
                nxt = [u for u in tokens if u.i > t.i and not u.is_punct][:1]
                target = rest or (nxt[0].text if nxt else "")
                code = country_of(target) if target else None
                if code:
                    return code, {t.i, *(u.i for u in tokens if t.i < u.i <= (nxt[0].i if nxt else t.i))}
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in lx.actor_words().backing_verbs:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            code = country_of(obj.text)
                            if code:
                                return code, set()
        return None, set()

    # -- pronouns ---------------------------------------------------------------------------

    def _pronoun(self, head: Token, earlier: list[tuple[int, Actor]] | None = None) -> Actor | None:
        """The antecedent of a personal pronoun, with the pronoun's own text and offsets."""
        word = head.lower_
        if word not in _PERSON_PRONOUNS and word not in _GROUP_PRONOUNS:
            return None
        want_person = word in _PERSON_PRONOUNS
        want = "person" if want_person else ("it" if word.startswith("it") else "they")
        sent = head.sent
        same = earlier if earlier is not None else self._subjects(sent)
        # a plural thing between "its" and a body named before it in the sentence is no bar ("The Philippines
        # protested after Chinese vessels fired at its boats"); with no such body, any thing is
        body_before = any(i < head.i and self._fits(a, want) for i, a in same)
        if want == "it" and self._thing_before(head, same, singular=body_before):
            return None
        own = _own_subject(head) if word == "them" else None
        chosen = next((a for i, a in reversed(same) if i < head.i and i != own and self._fits(a, want)), None)
        if chosen is None and own is not None:
            chosen = self._plural_object_before(head)
        previous = sent.start - 1
        for _ in range(2):  # look back at most two sentences
            if chosen is not None or previous < 0:
                break
            prev_sent = self.doc[previous].sent
            chosen = next((a for _, a in self._subjects(prev_sent) if self._fits(a, want)), None)
            previous = prev_sent.start - 1
        if chosen is None and self.last_actor is not None and self._fits(self.last_actor, want):
            chosen = self.last_actor
        if chosen is None:
            return None
        resolved = replace(chosen, text=head.text, start=head.idx, end=head.idx + len(head.text))
        if want_person:
            self._personal.add((resolved.start, resolved.end))
        elif want == "they":
            self._plural.add((resolved.start, resolved.end))
        return resolved

    def _plural_object_before(self, head: Token) -> Actor | None:
        """"imposed sanctions on two commanders of the RSF, accusing them of ...": the nearest plural object before
        an object "them" whose own clause's subject it cannot be."""
        for token in reversed(head.sent[:head.i - head.sent.start]):
            if token.dep_ in ("dobj", "pobj") and token.tag_ in ("NNS", "NNPS") and is_actor_like(token):
                actor = self._describe(token)
                if actor is not None and self._fits(actor, "they"):
                    return actor
        return None

    @staticmethod
    def _thing_before(head: Token, subjects: list[tuple[int, Actor]], *, singular: bool = False) -> bool:
        """"The car was parked near shops when it blew up": the nearest subject before "it" in its sentence (only a
        singular one when ``singular``) is a thing, no actor, and "it" is that thing."""
        sent = head.sent
        nearest = next((t for t in reversed(sent[:head.i - sent.start]) if t.dep_ in ("nsubj", "nsubjpass")
                        and t.pos_ == "NOUN" and not (singular and t.tag_ == "NNS")), None)
        return nearest is not None and all(i != nearest.i for i, _ in subjects)

    def _subjects(self, sent: Span) -> list[tuple[int, Actor]]:
        """Actors of a sentence's subjects (and their conjuncts), in order; pronoun subjects resolved."""
        cached = self._subject_cache.get(sent.start)
        if cached is not None:
            return cached
        found: list[tuple[int, Actor]] = []
        # Cached before it is filled: describing a subject may ask for this sentence's subjects again (a pronoun
        # sender of "troops were sent by them"), and then gets those found so far instead of recursing.
        self._subject_cache[sent.start] = found
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "conj" and token.head.dep_ in ("nsubj",)):
                if token.pos_ == "PRON":
                    actor = self._pronoun(token, found)
                else:
                    actor = self._describe(token)
                if actor is not None:
                    found.append((token.i, actor))
        return found


def _own_subject(pronoun: Token) -> int | None:
    """The subject of the clause an object pronoun is in (a participle's is its main clause's: "imposed sanctions
    ..., accusing them"): the one "them" cannot be. None for a pronoun that is no object."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return None
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.i
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _with_article(doc: Doc, start_i: int, end_i: int) -> int:
    """Where a mention spanning tokens ``start_i:end_i`` starts with its article: one token earlier when that
    token is an article of a word inside it ("the Taliban"), else ``start_i``."""
    if start_i > 0:
        before = doc[start_i - 1]
        if before.lower_ in _ARTICLES and before.dep_ == "det" and start_i <= before.head.i < end_i:
            return start_i - 1
    return start_i


def _counted_people(head: Token) -> bool:
    """A bare cardinal heading the object or passive subject of a clause's verb ("police arrested 14", "at least 20
    were killed"): people, not a thing (a thing is named: "fired 14 missiles"). Not in a participle adjunct
    ("attacked the village, killing nine"): there it counts the main event's victims, no second party."""
    return (head.pos_ == "NUM" and head.ent_type_ in ("CARDINAL", "") and head.dep_ in ("dobj", "nsubjpass")
            and head.head.pos_ == "VERB" and head.head.dep_ not in ("advcl", "acl", "relcl")
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


_NAMING_VERBS: Final = frozenset({"call", "name", "know", "dub"})


def _related_state_named(head: Token) -> Token | None:
    """The state an apposition names for a noun of relation ("a Russian ally, Syria", "its eastern neighbour,
    Israel", "a fellow US ally in the Gulf, Qatar", where the parser hangs Qatar on the Gulf)."""
    if head.lemma_.lower() not in lx.actor_words().relation_nouns:
        return None
    return next((t for t in head.subtree if t.dep_ == "appos" and t.i > head.i and t.ent_type_ == "GPE"
                 and country_entry(t.text) is not None), None)


def _name_given(head: Token) -> Token | None:
    """The proper name a noun is given by a naming participle: "a group called Boko Haram", "a militia known as
    the Janjaweed", "a faction named Ahrar al-Sham"."""
    for acl in head.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_ not in _NAMING_VERBS:
            continue
        names = [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj")]
        names += [o for p in acl.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children
                  if o.dep_ == "pobj"]
        return next((n for n in names if n.pos_ == "PROPN"), None)
    return None


def _partitive_whole(head: Token) -> Token | None:
    """The group a bare number takes its part of ("two of the three militants", "one of its soldiers"), or None."""
    if head.pos_ != "NUM":
        return None
    return next((p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj"), None)


# Round numbers a crowd is told by: "Thousands protested", "hundreds marched".
_CROWD_COUNTS: Final = frozenset({"thousand", "hundred", "dozen"})


def _crowd(head: Token) -> bool:
    """A plural round number alone as a clause's subject ("Thousands protested in Nairobi"): that many people.
    With "of" it is the phrase after it that names them ("thousands of soldiers")."""
    return (head.lemma_.lower() in _CROWD_COUNTS and head.tag_ == "NNS" and head.dep_ == "nsubj"
            and head.head.pos_ == "VERB" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


def _not_a_person(text: str) -> bool:
    """The small model labels some country words PERSON ("Benin", "Bosnian Serbs"): those are no people."""
    return (country_entry(text) is not None or _body(text) is not None) and lx.people().get(lx.norm(text)) is None


def _modifier_sector(tokens: list[Token]) -> str | None:
    table = lx.sector_modifiers()
    words = [t for t in tokens if not t.is_punct]
    for n in (2, 1):
        for k in range(len(words) - n, -1, -1):
            part = words[k : k + n]
            for form in (" ".join(_lemma(t) for t in part), " ".join(t.lower_ for t in part)):
                if form in table:
                    return table[form]
    for t in words:
        body = _body(t.text)
        if body is not None and body.sector:
            return body.sector
    return None


def _name(tokens: list[Token], skip: set[int]) -> str | None:
    """A short normalised name: the phrase without determiners, numbers, backers and vague adjectives."""
    kept = []
    for t in tokens:
        if t.i in skip or t.dep_ in _NAME_DROP_DEPS or t.pos_ in ("DET", "NUM", "PRON") or t.tag_ == "PRP$":
            continue
        if t.pos_ == "ADJ" and country_entry(t.text) is None and t.lower_ not in lx.sector_modifiers():
            continue
        kept.append(t)
    if not kept:
        return None
    return " ".join(t.text for t in kept)


def _span_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def _counterparts(ent: Span) -> bool:
    """A nationality naming the other side ("met his Chinese counterpart"): never the country of the story's
    unnamed officials, which it excludes by the word's meaning."""
    root = ent.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.lower() == "counterpart"


# Prepositions whose object is the party an act is aimed at ("sanctions against Iran", "talks with Kenya").
_AIMED_PREPS = frozenset({"to", "with", "against", "on", "upon", "toward", "towards"})


def _done_to(ent: Span) -> bool:
    """A country the text names only as the one acted on ("asked Russia to withdraw", "met the Iranian envoy",
    "visited Kenya") or as a go-between ("talks mediated by Qatar"): no sign of whose the text's unnamed officials
    are."""
    node = ent.root
    while node.dep_ in ("compound", "amod", "nmod", "poss") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("dobj", "dative"):
        return True
    if node.dep_ == "pobj" and node.head.dep_ == "agent" and \
            node.head.head.lemma_.lower() in lx.actor_words().mediating_verbs:
        return True  # "negotiations mediated by Qatar": the go-between, not the sides
    return node.dep_ == "pobj" and node.head.lower_ in _AIMED_PREPS and node.head.head.lower_ != "according"


def _of_a_place(head: Token) -> bool:
    """A title said to be of a country or place, itself or as one of a list ("the president, prime minister and
    foreign minister of the Czech Republic"): another holder than the story's earlier one."""
    return any(prep.dep_ == "prep" and prep.lower_ == "of"
               and any(o.ent_type_ in ("GPE", "NORP") for o in prep.children)
               for title in _listed_with(head) for prep in title.children)


def _listed_with(head: Token) -> list[Token]:
    """``head`` and the nouns listed after it, as parsed: conjuncts and appositions ("the president, prime minister
    and foreign minister of ...": the "of" hangs on the last)."""
    nouns, seen = [head], 0
    while seen < len(nouns) and len(nouns) < 8:
        nouns += [c for c in nouns[seen].children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN")]
        seen += 1
    return nouns
