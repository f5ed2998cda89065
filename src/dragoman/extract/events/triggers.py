"""Event triggers and their arguments, read from the dependency parse of one sentence.

A trigger is a verb (with its particle or object where the lexicon asks for one) or an event noun from
``lexicon/events.yaml``. Arguments are token heads: the caller resolves them into actors. Rules, in short:

* verbs: actor = nsubj, or the "by" agent of a passive; recipient = dobj / dative / nsubjpass, or the object
  of to/with/against/on/at. Missing subjects are inherited through xcomp (object control: "urged X to"),
  conj, participial advcl and relative clauses.
* governing verbs (threaten, agree, call for, refuse, accuse ...) absorb their complement: "threatened to
  expel the troops" is one THREATEN event whose mode comes from "expel" and whose recipient is "troops".
* nouns: actor = possessor, "by" object, a demonym/organisation modifier ("Israeli airstrikes"), "between X
  and Y", or the subject of a light verb ("launched an offensive"); recipient = object of on/against/with/to.
* an event noun or weapon that is the subject of an event verb ("Their artillery fire hit Goma") gives the
  verb its mode and, through its possessor, its actor.
* reporting verbs (say, tell ...) are never triggers: their content clause is coded instead.
* a death verb or noun is a killing only with a violent cause in its phrase ("died in police firing"); a
  hyphenated compound split by the tokenizer is looked up whole ("lathi-charged"); "called Lavrov" is a phone
  call (CONSULT), "called on X" an appeal; "fired" with no object is shooting ("fired in the air"), the noun
  "firing" too unless it dismisses someone ("the firing of the director"); "resorted to firing" is done by who
  resorted; "dispersed the mob with tear gas/lathis" is force (CAMEO 175), "tear-gas shells" are not artillery;
  "fell to police bullets" is a killing; a demand made by a protest is part of the protest; an event noun
  that is only the topic of an opinion ("concern about the escalation") is no event; arrest words take people
  ("apprehended trouble", "cardiac arrest", "an arrest warrant" are no arrests).

The argument helpers (subjects, objects, noun arguments, causes) live in ``arguments.py``, the code refinements
(what a governing verb governs, undoing an event) in ``coding.py``, the word lists the rules test (opinion nouns,
denial verbs, natural causes ...) in ``lexicon/event_words.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

import yaml

from ... import lexicon as lx
from ...casing import HEADLINE_CAPITALS
from ...codes import (
    AGREE_CAMEO,
    CAMEO_ACCUSE,
    CAMEO_ARREST,
    CAMEO_ASSAULT,
    CAMEO_COERCE,
    CAMEO_DEFY_NORMS,
    CAMEO_DEMAND,
    CAMEO_DEMONSTRATE,
    CAMEO_DEMONSTRATE_MILITARY_POWER,
    CAMEO_DISCUSS_BY_TELEPHONE,
    CAMEO_INTENT_TO_COOPERATE,
    CAMEO_MILITARY_ALERT,
    CAMEO_MILITARY_COOPERATION,
    CAMEO_MILITARY_FORCE,
    CAMEO_MOBILIZE_ARMED_FORCES,
    CAMEO_PEACEKEEPING,
    CAMEO_POLICE_ALERT,
    CAMEO_REJECT_MEETING,
    CAMEO_STRIKE,
    CAMEO_THREATEN,
    CAMEO_VIOLENT_REPRESSION,
    CAMEO_YIELD,
    PLOVER_QUAD,
)
from ...errors import LexiconError
from ...resources import LEXICON_DIR, load_yaml, read_lexicon
from ..actors.phrases import country_entry, phrase_start
from ..actors.resolver import country_of, is_actor_like
from .arguments import (
    THEME_RECIPIENT_PREPS,
    addressees,
    agents,
    antecedent,
    beneficiaries,
    between,
    cause_actor,
    claimant,
    clause_verb,
    describes_its_noun,
    fell_to_fire,
    firer,
    firing_owner,
    governing_verb,
    hyphen_prefix,
    instrument,
    is_infinitive,
    is_time,
    joint,
    lemma_of,
    means_actor,
    noun_arguments,
    object_classes,
    peace_mission,
    pobjs,
    purpose_owner,
    recipients_of_verb,
    reported_speaker,
    reporting_tail,
    repression_means,
    subject_of,
    unique,
    violent_cause,
    with_fallbacks,
)
from .attribution import is_reporting_verb
from .coding import COOPERATION_QUADS, GOVERNING, RECIPROCAL_TYPES, refine_governing, threat_intent, undo_code
from .counts import dead_misparsed
from .modality import denied_here
from .types import Code, Found, Lexicon
from .words import event_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Read by load_lexicon when first asked for, so a test or a user may point it at another file first.
LEXICON_PATH: Path = LEXICON_DIR / "events.yaml"

# "after the attack": a back-reference to an event coded where it was reported.
BACKREF_PREPS: Final = frozenset({"after", "before", "since", "following", "despite", "amid", "ahead"})
# Words that date a happening to a day of the story's week: "since the army attacked on Monday" is news.
_DAY_WORDS: Final = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                               "yesterday", "today", "tonight", "overnight"})
# Of those, the ones whose object is never a person or a time an event is placed by ("before the judge").
PASSING_PREPS: Final = frozenset({"after", "following", "despite", "amid"})
# Links through which a noun phrase hangs from a word inside the same phrase (no clause boundary).
_PHRASE_DEPS: Final = frozenset({"pobj", "prep", "compound", "conj", "amod", "nmod", "appos"})
# Children that make a verb transitive (or phrasal): "fired the coach", "was fired", "fired up".
NO_OBJECT_DEPS: Final = frozenset({"dobj", "nsubjpass", "dative", "prt", "oprd", "ccomp", "attr"})
# "X said Y must/should ...": a demand by X on Y (CAMEO 10x), whatever Y is to do.
DEMAND_MODALS: Final = frozenset({"must", "should"})
# Where a deployment goes: "ordered troops to the border", "into the city", "toward the front".
DESTINATION_PREPS: Final = frozenset({"to", "into", "toward", "towards"})

PHONE_CALL: Final = Code("CONSULT", CAMEO_DISCUSS_BY_TELEPHONE, "phone")
PERMIT: Final = Code("CONCEDE", CAMEO_YIELD, None)
KILLED: Final = Code("ASSAULT", CAMEO_ASSAULT, None)
ALLEGED: Final = Code("ACCUSE", CAMEO_ACCUSE, "allege")

# (code, is_nominal, end offset) of a trigger token.
Match = tuple[Code, bool, int]


def _parse_code(value: object, *, where: str) -> Code:
    parts = str(value).split()
    if len(parts) not in (2, 3) or parts[0] not in PLOVER_QUAD:
        raise LexiconError(
            f"bad event lexicon entry {where}: {value!r}; write 'PLOVER_TYPE CAMEO [mode]' "
            f"with a type among {', '.join(PLOVER_QUAD)} in {LEXICON_PATH}",
        )
    return Code(parts[0], parts[1], parts[2] if len(parts) == 3 else None)


def lexicon_from_yaml(text: str) -> Lexicon:
    """Build the lookup tables (dicts keyed by lemma) from the YAML lexicon text."""
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"event lexicon {LEXICON_PATH} is not valid YAML ({exc}): fix the line it names") from exc
    verbs = {k.lower(): _parse_code(v, where=f"verbs.{k}") for k, v in (data.get("verbs") or {}).items()}
    phrasal: dict[tuple[str, str], Code] = {}
    for key, value in (data.get("phrasal") or {}).items():
        verb, _, particle = key.lower().partition(" ")
        phrasal[(verb, particle)] = _parse_code(value, where=f"phrasal.{key}")
    object_verbs = {
        verb.lower(): {cls: _parse_code(v, where=f"object_verbs.{verb}.{cls}") for cls, v in classes.items()}
        for verb, classes in (data.get("object_verbs") or {}).items()
    }
    class_of: dict[str, tuple[str, ...]] = {}
    for cls, words in (data.get("object_classes") or {}).items():
        for word in words:
            if cls not in class_of.get(word.lower(), ()):
                class_of[word.lower()] = (*class_of.get(word.lower(), ()), cls)
    nouns: dict[str, Code] = {}
    compound_nouns: dict[tuple[str, str], Code] = {}
    for key, value in (data.get("nouns") or {}).items():
        code = _parse_code(value, where=f"nouns.{key}")
        words = key.lower().split()
        if len(words) == 2:
            compound_nouns[(words[0], words[1])] = code
        else:
            nouns[key.lower()] = code
    instruments = {k.lower(): _parse_code(v, where=f"instruments.{k}")
                   for k, v in (data.get("instruments") or {}).items()}
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        phrasal_heads=frozenset(v for v, _p in phrasal),
        object_verbs=object_verbs,
        object_nouns={k.lower(): str(v).lower() for k, v in (data.get("object_nouns") or {}).items()},
        object_classes=class_of,
        containers=frozenset(w.lower() for w in data.get("container_nouns") or ()),
        nouns=nouns,
        compound_nouns=compound_nouns,
        compound_heads=frozenset(h for _m, h in compound_nouns),
        instruments=instruments,
        light_verbs=frozenset(w.lower() for w in data.get("light_verbs") or ()),
        not_with_object={k.lower(): frozenset(w.lower() for w in v or ())
                         for k, v in (data.get("not_with_object") or {}).items()},
        intransitive={k.lower(): _parse_code(v, where=f"intransitive.{k}")
                      for k, v in (data.get("intransitive") or {}).items()},
        not_with_modifier={k.lower(): frozenset(w.lower() for w in v or ())
                           for k, v in (data.get("not_with_modifier") or {}).items()},
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged event lexicon (``LEXICON_PATH``, read when first asked for), read once per process."""
    return lexicon_from_yaml(read_lexicon(LEXICON_PATH.name, folder=LEXICON_PATH.parent))


# ---------------------------------------------------------------- trigger matching


def _a_property(tok: Token) -> bool:
    """A participle describing a noun: "the internationally recognized government", "dangerous, threatening
    parolees", "the campaign by Turkey and allied Syrian forces" ("allied" parsed as a verb with no subject)."""
    if tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.dep_ == "amod"):
        return not _fresh_arrest(tok)
    return tok.lower_ == "allied" and tok.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


# "the arrested men were produced in court": a recent arrest told by its participle (as "the men arrested on
# Monday"). Not "detained" or "jailed", which name a standing state ("the jailed opposition leader").
_ARRESTING_PARTICIPLES: Final = frozenset({"arrest", "apprehend", "nab"})


def _fresh_arrest(tok: Token) -> bool:
    return tok.tag_ == "VBN" and tok.dep_ == "amod" and lemma_of(tok) in _ARRESTING_PARTICIPLES


def _match_verb(tok: Token, lex: Lexicon) -> tuple[Code, int] | None:
    if _a_property(tok):
        return None
    if lemma_of(tok) in ("beat", "strike") and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return None  # "beat out Kusner for the seat", "strikes out in marathon": won against him, failed
    if _imperative(tok):  # "Call 815-748-2060 for tickets", "Meet the candidates": the page tells its reader
        return None
    lemma = lemma_of(tok)
    end = tok.idx + len(tok.text)
    code = _object_code(tok, lemma, lex)
    if code is not None:
        return (WEAPONS_TEST if code.type == "ASSAULT" and _weapons_test(tok) else code), end
    phrased = _phrased_code(tok, lemma)
    if phrased is not None:
        return phrased, end
    gathering = lemma in event_words().gathering_verbs and _protesters_gather(tok)
    if gathering or (lemma == "take" and _to_the_streets(tok)) or _rally(tok, lemma):
        particle = next((c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1), None)
        return PROTEST_GATHERING, (particle.idx + len(particle.text) if particle is not None else end)  # "turned out"
    if _rally_aim(tok):
        return None  # "turned out to support Zuma": the rally's aim, told by the rally
    if lemma == "commit" and _alleged_wrong(tok):
        return ALLEGATION, end
    if lemma in event_words().permit_verbs and _permits_actor(tok):
        return PERMIT, end  # "allowed the opposition leader to hold a rally": yielding (CAMEO 08)
    if _another_sense(tok, lemma, lex):
        return None
    found = _phrasal_code(tok, lemma, lex) or _plain_verb_code(tok, lemma, lex, end)
    if found is not None and found[0].mode == "visit" and _forces_move(tok, lex):
        return DEPLOYMENT, found[1]
    if found is not None and found[0].mode == "visit" and _protesters_gather(tok):
        return None  # "protesters were travelling to Islamabad to join the protest": the protest is the event
    return found


def _phrased_code(tok: Token, lemma: str) -> Code | None:
    """A code told by how the verb is phrased: kept from doing ("blocked lawyers from visiting him"), a labour
    strike, an arrest without an arrest verb ("taken into custody"), a state entered ("put on alert")."""
    if lemma == "block" and _kept_from_doing(tok):
        return KEPT_FROM
    if lemma == "strike" and _labor_strike(tok):
        return LABOR_STRIKE
    if _arrest_phrase(tok, lemma):
        return ARREST
    if _ordered_out(tok, lemma):
        return EXPULSION
    return _state_entered(tok, lemma)


# "ordered UN peacekeepers to leave the country", "the ambassador was told to leave": an expulsion (CAMEO 166).
EXPULSION: Final = Code("SANCTION", "166", "expel")


def _ordered_out(verb: Token, lemma: str) -> bool:
    """An order to someone named to leave a state ("ordered UN peacekeepers to leave the country", "was told to quit
    Niger"); not a square or a classroom."""
    words = event_words()
    if lemma not in words.ordering_verbs or not any(c.dep_ in ("dobj", "nsubjpass") and is_actor_like(c)
                                                    for c in verb.children):
        return False
    left = [o for c in verb.children if c.dep_ == "xcomp" and lemma_of(c) in words.leaving_verbs
            for o in c.children if o.dep_ == "dobj"]
    return any(o.lower_ in lx.actor_words().state_anaphors or country_of(o.text) is not None for o in left)


# Forces that arrive or travel somewhere are deployed there, not on a visit ("British troops arrived in Mali");
# ``_found`` makes a deployment for peacekeeping or relief AID.
DEPLOYMENT: Final = Code("MOBILIZE", CAMEO_MOBILIZE_ARMED_FORCES, "troops")


def _forces_move(verb: Token, lex: Lexicon) -> bool:
    """Every subject of ``verb`` is a military or police force, or a machine of one ("two warships sailed to")."""
    subjects = subject_of(verb)
    return bool(subjects) and all({"military", "police"} & set(object_classes(s, lex)) for s in subjects)


def _imperative(verb: Token) -> bool:
    """A sentence that opens with a bare verb and names no subject: an instruction, not a report."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux")
                                                      for c in verb.children):
        return False
    return all(t.is_punct or t.lower_ == "please" for t in verb.doc[verb.sent.start:verb.i])


# Workers striking: "teachers are striking for higher pay" is a strike (PLOVER PROTEST), not an assault.
LABOR_STRIKE: Final = Code("PROTEST", CAMEO_STRIKE, "strike")
# Someone blocked from doing something ("authorities have blocked lawyers from visiting him", "was blocked from
# entering the camp"): a restriction imposed on them (PLOVER COERCE restrict, CAMEO 172), not a blockade protest.
KEPT_FROM: Final = Code("COERCE", "172", "restrict")


def _kept_from_doing(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) and any(
        p.dep_ == "prep" and p.lower_ == "from" and any(o.tag_ == "VBG" for o in p.children if o.dep_ in (
            "pcomp", "pobj")) for p in verb.children)


# A missile or rocket test: "test-fired a ballistic missile", "launched two missiles into the sea" (PLOVER MOBILIZE
# weapons: readiness shown, no one attacked).
WEAPONS_TEST: Final = Code("MOBILIZE", CAMEO_DEMONSTRATE_MILITARY_POWER, "weapons")
_OPEN_WATER: Final = frozenset({"sea", "ocean", "water", "waters"})
_AIMING_PREPS: Final = frozenset({"at", "on", "upon", "against", "toward", "towards"})


def _weapons_test(verb: Token) -> bool:
    """Weapons fired as a test ("test-fired") or into open water, and at no one ("fired rockets at Israel")."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if any(p.lower_ in _AIMING_PREPS and any(not is_time(o) for o in pobjs(p)) for p in preps):
        return False  # aimed at someone or somewhere ("on Thursday" aims at no one)
    prefix = hyphen_prefix(verb)
    return (prefix is not None and prefix.lower_ == "test") or any(
        lemma_of(o) in _OPEN_WATER for p in preps for o in pobjs(p))



# Arrests told without an arrest verb (PLOVER COERCE 'arrest', CAMEO 173): "taken into custody", "sent to jail",
# "put behind bars", "booked for murder", "caught by the police", "50 persons were held".
ARREST: Final = Code("COERCE", CAMEO_ARREST, "arrest")
_CUSTODY_PREPS: Final = frozenset({"into", "to", "in"})


def _arrest_phrase(verb: Token, lemma: str) -> bool:
    """``verb`` takes people into custody in one of the phrasings of ``ARREST``."""
    words = event_words()
    if lemma in words.custody_verbs and _into_custody(verb):
        return True
    if lemma in words.sentencing_verbs:
        return _to_prison(verb)
    if lemma == "book":
        return _booked(verb)
    if lemma == "catch":
        return any(lemma_of(agent) in words.arresting_agents for agent in _doers(verb))
    return lemma == "hold" and _people_held(verb)


def _into_custody(verb: Token) -> bool:
    """"taken into custody", "remanded to police custody", "sent to jail", "put behind bars", "placed under house
    arrest"."""
    places = event_words().custody_places
    if any(o.dep_ == "dobj" and lemma_of(o) in event_words().message_nouns for o in verb.children):
        return False  # "sent a circular to 22 jails": a message goes there, no one is held
    # "remanded the three accused to police custody": "accused" as a noun is parsed as a participle taking the prep
    accused = [a for o in verb.children if o.dep_ == "dobj" for a in o.children
               if a.dep_ == "acl" and a.lower_ == "accused" and a.i == o.i + 1]
    # "remanded the two suspects in police custody", "send ten men, most of them ..., to pretrial custody": the
    # custody phrase is parsed on the people held (not on an event: "held a meeting in the prison")
    nouns = load_lexicon().nouns
    held = [o for o in verb.children if o.dep_ == "dobj" and lemma_of(o) not in nouns]
    return any(prep.dep_ == "prep" and any(
        (prep.lower_ in _CUSTODY_PREPS and (lemma_of(o) in places or _police_station(o)))
        or (prep.lower_ == "behind" and lemma_of(o) == "bar")
        or (prep.lower_ == "under" and lemma_of(o) == "arrest")  # "placed the president under house arrest"
        for o in pobjs(prep)) for prep in (*verb.children, *(c for a in accused for c in a.children),
                                           *(c for o in held for c in o.children)))


def _police_station(place: Token) -> bool:
    """"sent to nearby police stations", "taken to the police station": where the police hold people."""
    return lemma_of(place) == "station" and any(c.dep_ == "compound" and lemma_of(c) == "police"
                                                for c in place.children)


def _to_prison(verb: Token) -> bool:
    """"sentenced to four years in prison", "jailed for life", "sentenced to life imprisonment": a term of prison."""
    places = event_words().custody_places
    return any(prep.dep_ == "prep" and prep.lower_ in ("to", "for") and any(
        lemma_of(t) in places or lemma_of(t) in ("life", "year", "month") for t in prep.subtree)
        for prep in verb.children)


def _booked(verb: Token) -> bool:
    """"booked for murder", "booked under the anti-terror law": someone charged (not a ticket or a room booked)."""
    if not any(c.dep_ in ("nsubjpass", "dobj") for c in verb.children):
        return False
    offences = event_words().offences
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and any(lemma_of(o) in offences for o in pobjs(prep)):
            return True
        if prep.dep_ == "prep" and prep.lower_ == "under" and any(lemma_of(o) not in ("name", "alias")
                                                                   for o in pobjs(prep)):
            return True
    return False


def _picked_up_by_no_police(verb: Token) -> bool:
    """"Picked up" by someone named who arrests no one ("my boys pick me up every day", "was picked up by his
    mother"); by the police, by a pronoun or by no one named it stays an arrest ("was picked up from his home")."""
    words = event_words()
    named = [antecedent(d) for d in _doers(verb)]
    # "the boys insist that they come and pick me up": the reported pronoun is the speaker
    named = [(reported_speaker(d.head, d) or d) if d.pos_ == "PRON" else d for d in named]
    doers = [d for d in named if d.pos_ != "PRON"]
    police = words.arresting_agents | words.security_doers
    # the doer or a word of its name ("police sources")
    return bool(doers) and not any(lemma_of(t) in police for d in doers
                                   for t in (d, *(c for c in d.children if c.dep_ in ("compound", "amod"))))


def _doers(verb: Token) -> list[Token]:
    """Who does ``verb``: its active subject or its passive agent ("caught by the police")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "the police arrived and caught five men"
    return agents(verb) + subjects


def _people_held(verb: Token) -> bool:
    """"50 persons were held", "held by the police": "held" of people, with nothing that gives it another sense ("held
    hostage", "held responsible", "held up", "held at gunpoint")."""
    if any(c.dep_ in ("prt", "acomp", "oprd", "xcomp", "dobj", "ccomp") for c in verb.children):
        return False
    if any(lemma_of(o) in ("gunpoint", "ransom", "captive", "hostage") for p in verb.children if p.dep_ == "prep"
           for o in pobjs(p)):
        return False
    words = event_words()
    held = [antecedent(s) for s in verb.children if s.dep_ == "nsubjpass"]
    if any(lemma_of(s) in words.held_people or s.ent_type_ == "PERSON" or s.pos_ == "NUM" for s in held):
        return True
    # "he is held by the police", "Ansari is held by the Gujarat police" (not "a meeting was held by the police")
    return any(s.pos_ in ("PRON", "PROPN") for s in held) and any(lemma_of(a) in words.arresting_agents
                                                                   for a in _doers(verb))


# A state entered, named by "on" and a noun: "workers went on strike", "put its forces on high alert".
_STRIKING_VERBS: Final = frozenset({"go", "remain", "stay", "come"})
MILITARY_ALERT: Final = Code("MOBILIZE", CAMEO_MILITARY_ALERT, "troops")
POLICE_ALERT: Final = Code("MOBILIZE", CAMEO_POLICE_ALERT, "police")
_ALERTING_VERBS: Final = frozenset({"put", "place", "keep"})


def _state_entered(verb: Token, lemma: str) -> Code | None:
    """The code of the state ``verb`` puts someone in through "on" + a state noun, if it names one."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "on":
            continue
        # "on high alert", "on the highest state of alert"
        for noun in [n for o in pobjs(prep) for n in (o, *(p for c in o.children if c.dep_ == "prep"
                                                           and c.lower_ == "of" for p in pobjs(c)))]:
            state = lemma_of(noun)
            if state == "strike" and lemma in _STRIKING_VERBS:
                return LABOR_STRIKE
            if state == "alert" and lemma in _ALERTING_VERBS:
                alerted = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
                return POLICE_ALERT if any(lemma_of(c) in ("police", "policeman") for c in alerted) \
                    else MILITARY_ALERT
    return None


# Wrongs a speaker says someone committed: "Amnesty said soldiers had committed war crimes" is Amnesty's
# accusation of the soldiers (the speaker is the actor, the doer of the wrong the recipient).
ALLEGATION: Final = Code("ACCUSE", CAMEO_ACCUSE, "allege")
# "China protested to Japan over the visit": a protest lodged with a party is CAMEO's official complaint (114),
# not a demonstration
OFFICIAL_COMPLAINT: Final = Code("ACCUSE", "114", "allege")


def _alleged_wrong(verb: Token) -> bool:
    """"Committed" a wrong, in what someone said."""
    words = event_words()
    return (verb.dep_ == "ccomp" and lemma_of(verb.head) in words.reporting_verbs
            and any(c.dep_ == "dobj" and lemma_of(c) in words.alleged_wrongs for c in verb.children))


# Protesters gathering: "demonstrators massed outside parliament" is a demonstration.
PROTEST_GATHERING: Final = Code("PROTEST", CAMEO_DEMONSTRATE, "demo")


def _to_the_streets(verb: Token) -> bool:
    """"Took to the streets": a crowd went out to protest."""
    return any(prep.dep_ == "prep" and prep.lower_ == "to" and any(lemma_of(p) == "street" for p in pobjs(prep))
               for prep in verb.children)


def _rally(verb: Token, lemma: str) -> bool:
    """A crowd of people gathers or turns out to back or oppose someone ("thousands of people turned out to
    support Zuma", "hundreds gathered to denounce the law"): a demonstration, whoever the crowd is."""
    words = event_words()
    if not (lemma in words.gathering_verbs or (lemma == "turn" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))):
        return False
    return bool(_rally_purposes(verb)) and any(_crowd(s) for s in subject_of(verb))


def _rally_purposes(verb: Token) -> list[Token]:
    """The infinitives of a gathering's purpose that make it a rally ("to support", "to protest"), or the participles
    of what the crowd did there ("gathered outside the court, calling for his release")."""
    words = event_words()
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    infinitives = [c for c in clauses if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    # what they did there may hang on the purpose ("gathered to watch the verdict, waving flags")
    participles = [c for clause in (verb, *infinitives) for c in clause.children if c.dep_ == "advcl"
                   and c.tag_ == "VBG" and not any(a.dep_ == "mark" for a in c.children)]
    return [c for c in infinitives if lemma_of(c) in words.rally_aims] + \
        [c for c in participles if lemma_of(c) in words.rally_acts]


def _rally_aim(verb: Token) -> bool:
    """The verb is the aim of a rally ("to support Zuma" after "thousands turned out"), told by the rally."""
    return verb.dep_ in ("xcomp", "advcl") and lemma_of(verb) in event_words().rally_aims \
        and verb.head.i != verb.i and verb in _rally_purposes(verb.head) and _rally(verb.head, lemma_of(verb.head))


def _crowd(subject: Token) -> bool:
    """People in number: "thousands (of people)", "hundreds of residents", "crowds", "supporters"."""
    return any(lemma_of(w) in event_words().crowd_words or w.like_num for w in _with_counted(subject))


def _protesters_gather(verb: Token) -> bool:
    """The subject of a gathering or travelling verb is a crowd of protesters ("thousands of demonstrators
    gathered")."""
    crowds = event_words().protesting_crowds
    return any(lemma_of(word) in crowds for subject in subject_of(verb) for word in _with_counted(subject))


def _with_counted(subject: Token) -> list[Token]:
    """A subject and what it counts ("thousands of demonstrators": both words)."""
    return [subject, *(p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for p in pobjs(prep))]


def _labor_strike(verb: Token) -> bool:
    """"Strike" done by workers ("teachers striking", "nurses struck over pay") and striking no one."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    subjects = subject_of(verb)
    if not subjects and verb.dep_ == "acl":  # "teachers striking in West Virginia"
        subjects = [verb.head]
    return any(lemma_of(s) in event_words().striking_workers for s in subjects)


# "A strike on the base", "military strikes": an attack named by the noun alone (the compounds "air strike",
# "drone strike" are the lexicon's).
STRIKE_ATTACK: Final = Code("ASSAULT", CAMEO_MILITARY_FORCE, None)


def _strike_noun(noun: Token) -> Code | None:
    """"A four-day strike", "the teachers' strike", "a strike by nurses", "staged/called off a strike": a walkout;
    "a strike on the base", "a military strike": an attack; "the strike" alone: neither said. "Went on strike" is
    the verb's; "are on strike", "workers on strike since Monday" (bare "on strike" where no such verb codes it)
    is a walkout."""
    words = event_words()
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":
        bare = not any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children)
        return LABOR_STRIKE if bare and lemma_of(noun.head.head) not in _STRIKING_VERBS else None
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")]
    modifiers += [g for c in modifiers for g in c.children if c.dep_ == "compound" or g.dep_ == "compound"]
    if any(c.lower_ in words.military_strike_words or lemma_of(c) in words.military_strike_words
           for c in modifiers) or any(c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                                          p.ent_type_ not in ("DATE", "TIME") for p in pobjs(c))
                                      for c in noun.children):  # "a strike on the base", not "on Monday"
        return STRIKE_ATTACK
    by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c)]
    if any(lemma_of(m) in words.striking_workers or lemma_of(m) in words.labor_strike_words
           for m in modifiers + by):
        return LABOR_STRIKE
    if noun.dep_ in ("dobj", "nsubjpass") and lemma_of(noun.head) in words.labor_strike_words:
        return LABOR_STRIKE
    verb = clause_verb(noun)
    doers = {lemma_of(s) for s in subject_of(verb)} if verb.i != noun.i else set()
    if doers & words.striking_workers:
        return LABOR_STRIKE  # "dockworkers began a strike", "employees stopped work in a strike"
    if doers & (words.security_doers | words.military_strike_words):
        return STRIKE_ATTACK  # "drones carried out a strike", "the army launched a strike"
    return None


def _object_code(tok: Token, lemma: str, lex: Lexicon) -> Code | None:
    """The code an object verb takes from the class of its theme ("send troops" MOBILIZE, "send aid" AID)."""
    classes = lex.object_verbs.get(lemma)
    if not classes or any(c.lower_ == "together" for c in tok.children):
        return None  # "brought together a coalition of ... police officers": a gathering, not a deployment
    if lemma in event_words().destination_verbs and not any(
            c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS and pobjs(c) for c in tok.children):
        return None  # "ordered troops to withdraw": an order of something else, not a move
    themes = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.tag_ == "VBN" and tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children) \
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        # "the capital has been barricaded and scores of police brought in": the passive's auxiliary left out
        themes += [c for c in tok.children if c.dep_ == "nsubj"]
    for prep in tok.children:  # "provided Ukraine with weapons"
        if prep.dep_ == "prep" and prep.lower_ == "with":
            themes.extend(p for p in prep.children if p.dep_ == "pobj")
    themes.extend(c for t in list(themes) for c in t.conjuncts)  # "a team of experts, equipment and drugs"
    return _class_code(themes, classes, lex)


def _class_code(themes: list[Token], classes: dict[str, Code], lex: Lexicon) -> Code | None:
    """The code of the first theme's first class the verb's table has ("fired missiles": a weapon here, troops'
    gear elsewhere)."""
    for theme in themes:
        for cls in object_classes(theme, lex):
            if cls in classes:
                return classes[cls]
    return None


def _object_noun_code(noun: Token, verb: str, lex: Lexicon) -> Code | None:
    """The code a noun of an object verb takes from the class of what it moves ("the sale of 40 fighter jets to
    Poland", "arms sales": COOPERATE as "sold"; "deliveries of food aid": AID); none for other things."""
    classes = lex.object_verbs.get(verb, {})
    themes = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
    themes += [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    themes.extend(c for t in list(themes) for c in t.conjuncts)
    return _class_code(themes, classes, lex)


def _charged_a_price_or_task(verb: Token) -> bool:
    """"Charge" in the sense of a price ("charged about $46 million against earnings", "users are charged $5 for
    the heat") or of a task ("has charged the inspectors with verifying that ..."): no accusation."""
    if any(t.ent_type_ == "MONEY" or t.text == "$" for c in verb.children if c.dep_ in ("dobj", "npadvmod")
           for t in c.subtree):
        return True
    return any(p.dep_ == "prep" and p.lower_ == "with" and any(
        _task_gerund(o) for o in p.children if o.dep_ in ("pcomp", "pobj")) for p in verb.children)


# What a text or a plan "calls for" it stipulates ("the House legislation calls for a 90 percent tax", "the project
# called for 40 generators"): a bill's or plan's content, no one's request.
_STIPULATING: Final = frozenset({"project", "plan", "proposal", "budget", "contract", "scheme", "program",
                                 "programme", "design", "formula", "blueprint", "recipe", "rule", "rules"})


def _stipulated(verb: Token) -> bool:
    texts = event_words().legal_instruments
    return any(p.dep_ == "prep" and p.lower_ == "for" for p in verb.children) and any(
        c.dep_ == "nsubj" and (lemma_of(c) in _STIPULATING or lemma_of(c) in texts) for c in verb.children)


# A plea in court ("pleaded guilty", "pleaded innocent to charges", "pleaded no contest"): no appeal to anyone.
_PLEAS: Final = frozenset({"guilty", "innocent", "contest", "nolo"})


def _court_plea(verb: Token) -> bool:
    return any(t.lower_ in _PLEAS and t.i > verb.i for c in verb.children if c.dep_ != "prep" for t in c.subtree)


# "rallied from an early ten-point deficit": a comeback; "to rally Arab public opinion": support gathered.
_BEHIND: Final = frozenset({"deficit", "behind", "loss", "losses", "margin", "defeat", "setback", "low"})


def _comeback_or_drive(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children) or any(
        p.dep_ == "prep" and p.lower_ == "from" and any(lemma_of(o) in _BEHIND for o in pobjs(p))
        for p in verb.children)


# "complained of neck and back injuries": symptoms told, no grievance against anyone.
_SYMPTOMS: Final = frozenset({"pain", "injury", "ache", "headache", "dizziness", "nausea", "symptom", "fever",
                              "breathlessness", "soreness", "discomfort", "fatigue", "illness", "stomachache",
                              "backache", "chest"})


def _of_symptoms(verb: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        lemma_of(t) in _SYMPTOMS for o in pobjs(p) for t in (o, *o.conjuncts)) for p in verb.children)


def _task_gerund(word: Token) -> bool:
    """A duty's gerund ("verifying", "overseeing"), whether the tagger read it as a verb or a noun."""
    text = word.lower_
    if not text.endswith("ing"):
        return False
    stem = text[:-3]
    return bool({lemma_of(word), stem, stem + "e"} & event_words().task_gerunds)


# Who fights with arms: "rebels are fighting to seize the town" is combat, "relatives are fighting to keep the boy"
# a struggle.
_ARMED_CLASSES: Final = frozenset({"military", "police", "armed"})


def _striving(verb: Token, lex: Lexicon) -> bool:
    """"Fight" as a struggle for something, not combat: in the courts ("fighting in the courts to keep the boy"), or
    to achieve something with no one fought and no armed side fighting ("relatives are fighting to keep the boy in
    the United States")."""
    if any(p.dep_ == "prep" and p.lower_ in ("in", "through") and any(lemma_of(o) == "court" for o in pobjs(p))
           for p in verb.children):
        return True
    if any(c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("against", "with"))
           for c in verb.children):
        return False
    aim = any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
              for c in verb.children)
    return aim and not any(_ARMED_CLASSES & set(object_classes(s, lex)) for s in subject_of(verb))


# Modals of what someone will do: "warned that it would retaliate" (not "could", "may": a forecast).
_RESOLVE_MODALS: Final = frozenset({"will", "would", "shall", "wo", "'ll"})


def _foreboding(verb: Token, lex: Lexicon) -> bool:
    """A warning that only foretells ("warned that the economy could shrink", "warned of a looming famine",
    "weather officials warned that a storm could drop rain"): a pessimistic comment (CAMEO 012), no threat. A
    warning is a threat when it is given to someone ("warned Ukraine that ...", "warned the US against"), tells
    what will be done ("would no longer fold its arms") or on what condition ("if the US follows through"), or
    names a harm ("warned of retaliation")."""
    if any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in verb.children):
        return False  # given to someone ("the US was warned")
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in verb.subtree):
        return False
    content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
    if any(a.dep_ in ("aux", "auxpass") and a.lower_ in _RESOLVE_MODALS for c in content for a in c.children):
        return False
    warned_of = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "against") for o in pobjs(p)]
    if any(lemma_of(o) in event_words().threat_objects or (
            (code := lex.nouns.get(lemma_of(o))) is not None and PLOVER_QUAD.get(code.type) not in COOPERATION_QUADS)
           for o in warned_of):
        return False
    return bool(content or warned_of)


def _naming(verb: Token) -> bool:
    """"Called" as naming: "a militant group called Boko Haram", "an explosive called Semtex", "the party is called
    Unity" (the participle on its noun, or a name as its complement), no phone call."""
    if verb.tag_ == "VBN" and verb.dep_ == "acl":
        return True
    deps = {c.dep_ for c in verb.children}
    # a name as complement of a passive ("is called Unity") or beside an object ("called the attack an outrage"); a
    # lone complement of an active "called" is the parser's reading of the one called ("called President Ruto")
    return bool(deps & {"oprd", "attr"}) and bool(deps & {"auxpass", "nsubjpass", "dobj"})


def _the_accused(verb: Token, _lex: Lexicon) -> bool:
    """"the accused, named as ...": the defendant, no accusation."""
    return any(c.dep_ == "det" for c in verb.children)


def _captured_on_record(verb: Token, _lex: Lexicon) -> bool:
    """"captured on video by a bystander"."""
    media = event_words().recording_media
    return any(p.dep_ == "prep" and p.lower_ in ("on", "in") and any(lemma_of(o) in media for o in p.children)
               for p in verb.children)


# Senses of one verb that are no event, each told by its own test (the lemma's other uses stay events):
# "agreed that ...", "agreed to sell three candy businesses to Nestle"; "asked why ..."; "warned that the economy
# could shrink"; "fighting to keep the boy in Miami"; "charged $46 million against earnings"; "they come and pick
# me up every day"; "a group called Boko Haram"; "three bedrooms occupy the top floor".
_OTHER_SENSES: Final[dict[str, Callable[[Token, Lexicon], bool]]] = {
    "agree": lambda verb, lex: _opinion_agree(verb) or _business_deal(verb, lex),
    "accuse": _the_accused,
    "ask": lambda verb, _lex: _question(verb),
    "warn": lambda verb, lex: _foreboding(verb, lex),
    "fight": lambda verb, lex: _striving(verb, lex),
    "charge": lambda verb, _lex: _charged_a_price_or_task(verb),
    "pick": lambda verb, _lex: _picked_up_by_no_police(verb),
    "capture": _captured_on_record,
    "call": lambda verb, _lex: _naming(verb) or _stipulated(verb),
    "plead": lambda verb, _lex: _court_plea(verb),
    "rally": lambda verb, _lex: _comeback_or_drive(verb),
    "complain": lambda verb, _lex: _of_symptoms(verb),
    "occupy": lambda verb, _lex: bool(subject_of(verb)) and not any(is_actor_like(s) for s in subject_of(verb)),
}


def _another_sense(tok: Token, lemma: str, lex: Lexicon) -> bool:
    """The verb is used in a sense that is no event: "meet the deadline", "agree that ...", "declined to
    comment", "denied accusations that ..."."""
    words = event_words()
    sense = _OTHER_SENSES.get(lemma)
    if sense is not None and sense(tok, lex):
        return True
    excluded = lex.not_with_object.get(lemma)
    # "stocks hit a five year low": the adjective read as the verb's complement
    if excluded and any(c.dep_ in ("dobj", "nsubjpass", "acomp") and any(lemma_of(w) in excluded for w in _counted(c))
                        for c in tok.children):
        return True
    if excluded and tok.dep_ == "relcl" and lemma_of(tok.head) in excluded and not any(
            c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in tok.children):
        return True  # "a deal that he struck with Musharraf": the relative clause's object is the noun it hangs on
    if excluded and tok.dep_ == "acl" and tok.tag_ == "VBN" and lemma_of(tok.head) in excluded:
        return True  # "methane gas burned at drilling sites": the participle's noun is its object
    if lemma in ("hit", "strike") and any(c.dep_ == "advmod" and c.lower_ in ("hard", "hardest") for c in tok.children):
        return True  # "have been hard hit by the downturn", "hit hardest by the drought": suffered, no blow
    if lemma in ("hit", "strike") and any(lemma_of(o) in words.suffered_happenings for c in tok.children
                                          if c.dep_ == "agent" for o in pobjs(c)):
        return True  # "India has been hit by several protests": suffered, no blow
    particles = words.particle_senses.get(lemma)
    if particles and any(c.dep_ in ("prt", "prep") and c.lower_ in particles for c in tok.children) and not any(
            c.dep_ == "dobj" for c in tok.children):
        return True  # "prices shot up", "was sworn in as president", "swore at the officer"
    if lemma in words.appeal_verbs and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in words.anyone_words
                                           for c in tok.children):
        return True  # "anyone with information is asked to call": a standing notice, no appeal to a party
    if lemma in words.knowing_verbs and any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "you appreciate that the episode is disorientating": knowing, not praising
    if lemma in words.describing_participles and tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
            c.dep_ == "agent" for c in tok.children):
        return True  # "lynched a man accused of theft": who he is said to be, not an accusation made here
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and lemma_of(c) in words.speech_complements
                                              for c in tok.children):
        return True
    if any(p.dep_ == "prep" and p.lower_ in ("with", "without") and any(lemma_of(o) == "pay" for o in pobjs(p))
           for p in tok.children):
        return True  # "an inspector was suspended with pay": an employer's discipline, no sanction
    return lemma in words.deny_verbs and _denied_claim(tok) is not None


def _counted(noun: Token) -> list[Token]:
    """A noun, and what it counts when it is a number ("52 of the 71 missiles": the missiles too)."""
    return _with_counted(noun) if noun.like_num else [noun]


def _question(verb: Token) -> bool:
    """"Asked" of a question ("he asked.", "asked why ...", "asked X what ...", "when asked about ..."), not of a
    request: no one asked to do something ("asked them to leave"), nothing asked for ("asked for calm", "asked the
    court for bail")."""
    if any(c.dep_ == "ccomp" and any(w.tag_ in ("WP", "WRB", "WDT") or w.lower_ in ("if", "whether")
                                     for w in c.children) for c in verb.children):
        return True  # "asked Flood what he found most interesting", "asked him whether ..."
    return not any(c.dep_ in ("xcomp", "dobj", "dative", "oprd") or (c.dep_ == "prep" and c.lower_ == "for")
                   for c in verb.children)


# Nouns of a stretch of time the tagger does not mark as a date: "over a period of months", "over time".
_TIME_NOUNS: Final = frozenset({"period", "time", "course", "span", "spell", "stretch", "weekend", "night"})


def _phrasal_code(tok: Token, lemma: str, lex: Lexicon) -> tuple[Code, int] | None:
    """A "verb particle" entry ("call for", "pull out", "shot dead") and where the trigger ends."""
    if lemma not in lex.phrasal_heads:
        return None
    end = tok.idx + len(tok.text)
    for child in tok.children:
        if child.dep_ == "prep" and any(is_time(p) or lemma_of(p) in _TIME_NOUNS
                                        for p in pobjs(child)):
            continue  # "called Lavrov on Wednesday", "took to the streets over a period": a time, not "call on X"
        if child.dep_ == "prep" and child.i < tok.i:
            continue  # "On Nov. 2, X called Y": a fronted adjunct, not "call on"
        if child.dep_ in ("prt", "prep", "dobj", "advmod", "oprd", "acomp"):  # "shot dead": oprd
            if any(c.dep_ == "neg" for c in child.children):
                continue  # "found not guilty": the phrase denied
            if child.lower_ in ("up", "down") and any(c.dep_ == "prep" and c.lower_ == "from" for c in child.children):
                continue  # "its share rose to 17%, up from 14%": a comparison, not "rose up"
            code = lex.phrasal.get((lemma, lemma_of(child)))
            if code is not None:
                particle_end = child.idx + len(child.text)
                return code, particle_end if child.i == tok.i + 1 else end
    dead = dead_misparsed(tok)  # "were shot dead outside parliament": "dead" hung on "parliament"
    code = lex.phrasal.get((lemma, "dead")) if dead is not None else None
    if code is None or dead is None:
        return None
    return code, dead.idx + len(dead.text)


def _plain_verb_code(tok: Token, lemma: str, lex: Lexicon, end: int) -> tuple[Code, int] | None:
    """An intransitive use, a killing, a phone call, or the verb's own lexicon entry."""
    if lemma in lex.intransitive and not any(c.dep_ in NO_OBJECT_DEPS for c in tok.children):
        return lex.intransitive[lemma], end  # "police fired in the air", "had to resort to firing"
    if is_reporting_verb(tok):
        return None
    if fell_to_fire(tok) is not None:  # "fell to police bullets": killed by them
        return KILLED, end
    if lemma in event_words().death_verbs:  # "died in police firing": a killing whose doer is named in its cause
        return (KILLED, end) if violent_cause(tok, lex) is not None else None
    if lemma == "call" and _phone_call(tok):
        return PHONE_CALL, end
    code = lex.verbs.get(lemma)
    if tok.dep_ == "pobj" and tok.tag_ in ("VBZ", "VBP", "VBD") and lemma not in lex.nouns:
        # a finite verb is no preposition's object: a noun misread ("languish in Azerbaijani jails"); an event noun
        # misread so ("after gunmen attack on New Year Day") is still its event
        return None
    if code is not None and code.mode == "arrest" and lemma in event_words().clause_accusations \
            and reporting_tail(tok):
        return None  # "soldiers abused detainees, a rights group charged on Saturday": who says it, no court
    if code is not None and code.mode == "arrest" and _not_seizing_people(tok, lex):
        # "charged that Iran had armed the rebels": an accusation, not a court's charge
        return (ALLEGED, end) if lemma in event_words().clause_accusations and _alleges(tok) else None
    if lemma in event_words().clause_appeals and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None  # "encouraged X to repeal" is an appeal; "encourages investment", "were encouraged by" are not
    return (code, end) if code is not None else None


def _alleges(verb: Token) -> bool:
    """An active verb with no object and a clause after it that names who did what: "charged (that) Iran had armed
    the rebels" (not "is charged in robbery", "they charge differently")."""
    children = list(verb.children)
    return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children) and any(
        c.dep_ == "ccomp" and c.i > verb.i and any(s.dep_ == "nsubj" for s in c.children) for c in children)


def _not_seizing_people(verb: Token, lex: Lexicon) -> bool:
    """An arrest verb whose objects are all event nouns ("apprehends reprisal killings": fears them), or with a
    clause and no object ("apprehended that riots may break out"); abstract objects are in not_with_object."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return any(c.dep_ == "ccomp" for c in verb.children)
    if any(o.tag_ == "VBG" for o in objects) and not any(o.pos_ in ("NOUN", "PROPN", "PRON") for o in objects):
        return True  # "apprehended cross-voting": an act feared, a gerund
    return all(lemma_of(o) in lex.nouns or lemma_of(o) in lex.compound_heads
               or lemma_of(o) in event_words().death_nouns
               for o in objects)


def _permits_actor(verb: Token) -> bool:
    """'allowed <actor> to <act>': someone is let do something; not a purpose ("resigned to allow elections")."""
    if verb.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    for comp in verb.children:
        if comp.dep_ not in ("xcomp", "ccomp"):
            continue
        agents = [c for c in verb.children if c.dep_ == "dobj"] + [c for c in comp.children if c.dep_ == "nsubj"]
        if any(is_actor_like(a) for a in agents):
            return True
    return False


def _phone_call(verb: Token) -> bool:
    """'called Lavrov', 'called the Turkish president to discuss ...': a phone call, not an appeal.

    Not "called X a liar" (a predicate follows) nor "called X's plan ..." (the object is no actor).
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if any(c.dep_ in ("ccomp", "prt") for c in verb.children) or (objects and predicates):
        return False
    # the parser reads a lone named object as a predicate ("called [Lavrov]oprd"): with no dobj it is the callee
    obj = next(iter(objects or predicates), None)
    return obj is not None and obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not any(
        c.dep_ == "oprd" for c in obj.children)


def _denied_claim(verb: Token) -> Token | None:
    """The claim noun a denial verb takes as object ("rejected accusations that ..."), or None."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and lemma_of(child) in event_words().claim_nouns:
            return child
    return None


# What one party of a purchase, a sale or a merger does: a business deal, unless what changes hands is arms, forces
# or aid ("agreed to sell S-400 missiles to Turkey").
_DEAL_VERBS: Final = frozenset({"sell", "buy", "acquire", "purchase", "merge", "take"})
_STATE_GOODS: Final = frozenset({"military", "arms", "aid", "weapons", "heavy"})
_STATE_BUYERS: Final = frozenset({"government", "state", "ministry", "administration", "country"})


def _business_deal(verb: Token, lex: Lexicon) -> bool:
    """"agreed to sell three candy businesses to Nestle", "agreed to acquire the consulting businesses", "agreed to
    be acquired by investors": a company's deal, no political agreement. A state's purchase ("Turkey agreed to
    buy wheat from Ukraine") is economic cooperation."""
    if any(s.ent_type_ in ("GPE", "NORP") or lemma_of(s) in _STATE_BUYERS for s in subject_of(verb)):
        return False
    for content in (c for c in verb.children if c.dep_ == "xcomp"):
        if lemma_of(content) not in _DEAL_VERBS:
            continue
        goods = [o for o in content.children if o.dep_ in ("dobj", "nsubjpass")]
        if lemma_of(content) == "take" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in content.children):
            continue  # "take over" a firm; any other "take" is not a deal
        return not any(_STATE_GOODS & set(object_classes(o, lex)) for o in goods)
    return False


def _opinion_agree(verb: Token) -> bool:
    """'agree with X that ...' / 'agree that ...' states an opinion; 'agree to/on ...' is an undertaking."""
    deps = {(c.dep_, c.lower_) for c in verb.children}
    if any(d == "xcomp" for d, _w in deps) or ("prep", "to") in deps or ("prep", "on") in deps:
        return False
    return ("prep", "with") in deps or any(d == "ccomp" for d, _w in deps)


def _compound_code(tok: Token, lemma: str, lex: Lexicon) -> Code | None:
    """The code of a noun filed with its modifier ("air strike", "hunger strike"; "state of emergency")."""
    if lemma in lex.compound_heads:
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
                code = lex.compound_nouns.get((lemma_of(child), lemma))
                if code is not None:
                    return code
    if lemma == "state":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    code = lex.compound_nouns.get(("state", lemma_of(pobj)))
                    if code is not None:
                        return code
    return None


def _match_noun(tok: Token, lex: Lexicon) -> Code | None:
    lemma = lemma_of(tok)
    compound = _compound_code(tok, lemma, lex)
    if compound is not None:
        return compound
    words = event_words()
    if lemma == "strike":  # a walkout, an attack ("a strike on the base"), or neither said ("the strike")
        return _strike_noun(tok)
    if lemma in words.death_nouns and violent_cause(tok, lex) is not None:  # "deaths in police firing"
        return KILLED
    if lemma in words.theme_nouns and not _weapon_theme(tok, lex):
        return None
    excluded = lex.not_with_modifier.get(lemma)
    if excluded and any(c.dep_ in ("amod", "compound", "nmod", "poss") and (c.lower_ in excluded or lemma_of(c)
                                                                           in excluded) for c in tok.children):
        return None  # "cardiac arrest", "her seizures": another sense of the word
    if excluded and any(c.dep_ in ("acl", "relcl") and lemma_of(c) in event_words().publishing_verbs
                        for c in tok.children):
        return None  # "a release issued by the House": a document
    if lemma in lex.object_nouns:
        return _object_noun_code(tok, lex.object_nouns[lemma], lex)
    if lemma in words.journey_nouns and not _journey_to_a_place(tok):
        return None  # "a tour of duty", "the team's tour of India"
    code = lex.nouns.get(lemma)
    if code is not None and code.mode == "arrest" and tok.dep_ == "compound" and not _event_head(tok.head, lex):
        return None  # "an arrest warrant", "the detention law": a document or rule about arrests, not one made
    if code is not None and tok.dep_ == "compound" and lemma_of(tok.head) in event_words().kind_heads:
        return None  # "a talk show", "a support vehicle": a kind of thing named after an act, no event
    return code


_PLACE_ENTITIES: Final = frozenset({"GPE", "LOC"})


def _journey_to_a_place(noun: Token) -> bool:
    """A tour that goes to a named state or place ("a three-week US tour", "a tour of Japan") and is not made by a
    team, a band or a cast."""
    words = event_words()
    if any(c.dep_ == "poss" and lemma_of(c) in words.touring_parties for c in noun.children):
        return False
    places = [c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in _PLACE_ENTITIES]
    places += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
               for p in pobjs(c) if p.ent_type_ in _PLACE_ENTITIES]
    return bool(places)


def _event_head(noun: Token, lex: Lexicon) -> bool:
    lemma = lemma_of(noun)
    return lemma in lex.nouns or lemma in lex.compound_heads or lemma in lex.instruments


# Nouns that are shooting only when what they act on is a weapon ("theme_nouns" in event_words.yaml): "the
# firing of rockets", not "the firing of the director" (a dismissal), "the firing squad" or "the firing range".
def _weapon_theme(noun: Token, lex: Lexicon) -> bool:
    if noun.dep_ == "compound":
        return False
    themes = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
    return all({"weapons", "heavy", "gas"} & set(object_classes(t, lex)) for t in themes)


# Entities whose names hold event words that report nothing: "National Unity Accord Party", "Flood Relief Fund",
# "North American Free Trade Agreement", "the Six-Day War".
NAME_ENTITIES: Final = frozenset({"ORG", "LAW", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"})
def _headline(sent: Span) -> bool:
    """A headline (``casing.HEADLINE_CAPITALS`` of its longer words outside names capitalised): its capitals mark no
    name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3 and not t.ent_type_]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= HEADLINE_CAPITALS * len(words)


def in_name(tok: Token) -> bool:
    """A capitalised word inside a name of several words (an organisation, law, place or named event), not at
    the start of its sentence nor in a headline: part of the name, not an event ("the Flood Relief Fund")."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return False
    if tok.ent_type_ not in NAME_ENTITIES:
        return False
    # inside the entity, or its first word with more to come ("Accord Party"); a lone "Attack" is no name
    named = tok.ent_iob_ == "I" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I")
    return named and not _headline(tok.sent)


def match_trigger(tok: Token, lex: Lexicon) -> Match | None:
    """(code, is_nominal, end offset) when ``tok`` is an event trigger."""
    pos = tok.pos_
    nominal = pos in ("NOUN", "PROPN")
    if pos == "VERB" or nominal:
        prefix = hyphen_prefix(tok)  # "lathi-charged", split by the tokenizer into "lathi - charged"
        code = lex.compound_nouns.get((prefix.lower_, lemma_of(tok))) if prefix is not None else None
        if code is not None:
            # a trigger word inside a name ("National Unity Accord Party") is none; asked only of a match (costly)
            return None if nominal and in_name(tok) else (code, nominal, tok.idx + len(tok.text))
    if pos == "VERB":
        hit = _match_verb(tok, lex)
        return (hit[0], False, hit[1]) if hit else None
    if nominal and tok.ent_type_ not in ("DATE", "TIME"):
        code = _match_noun(tok, lex)
        if code is not None and not in_name(tok):
            return code, True, tok.idx + len(tok.text)
    return None


def _protest_demand(verb: Token, codes: dict[int, Code]) -> bool:
    """'demonstrated ... calling for independence', 'staged a strike to demand ...': the demand is the protest's.

    PLOVER codes the protest (its demand is part of it), so the demand is not a second event.
    """
    if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
        return False
    head = verb.head
    owners = [head] + [c for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    return any(o.i in codes and codes[o.i].type == "PROTEST" for o in owners)


def _speculation(noun: Token) -> bool:
    """"Talk of sanctions": singular "talk" with an "of" complement is speculation, not talks held."""
    return lemma_of(noun) == "talk" and noun.tag_ == "NN" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _topic_of_opinion(noun: Token) -> bool:
    """True when an event noun is only the topic of an opinion or a prospect in its own noun phrase.

    "expressed concern about the escalation of hostilities", "pessimistic about the possibility of a deal",
    "optimism at the prospect of a trade resolution": the phrase is walked upwards to the clause's verb.
    """
    words = event_words()
    tok = noun
    for _ in range(8):  # noun phrases nest shallowly; bounded for safety
        if tok.dep_ not in _PHRASE_DEPS or tok.head is tok:
            return False
        tok = tok.head
        word = lemma_of(tok)
        if tok.pos_ == "ADP" and word in ("about", "regarding", "concerning"):
            return True
        if tok.pos_ == "NOUN" and (word in words.opinion_nouns or word in words.prospect_nouns):
            return tok.dep_ != "pobj" or lemma_of(tok.head) != "despite"
        if _speculation(tok):  # "talk of sanctions against Moscow"
            return True
        if tok.pos_ == "ADJ" and word in words.opinion_adjectives:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _complements(verb: Token, *, nominal_ok: bool) -> list[Token]:
    """Tokens that may carry the content of a governing verb, nearest first."""
    out = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("xcomp", "ccomp"):
            out.append(child)
        elif dep == "prep" and child.lower_ in ("of", "for", "to", "with", "against", "over"):
            for grand in child.children:
                if grand.dep_ == "pcomp" or (nominal_ok and grand.dep_ == "pobj"):
                    out.append(grand)
        elif dep in ("dobj", "nsubjpass") and nominal_ok:
            out.append(child)
    return out


# ---------------------------------------------------------------- per sentence


@dataclass(slots=True)
class _Sentence:
    """The triggers of one sentence while ``find_events`` relates them (working state of one call)."""

    doc: Doc
    matches: dict[int, Match]
    codes: dict[int, Code]  # each trigger's code, refined by what it governs or is done with
    nominal_codes: dict[int, Code]  # the event nouns' codes
    consumed: set[int] = field(default_factory=set)  # triggers that are part of another trigger's event
    recipients_from: dict[int, list[Token]] = field(default_factory=dict)  # a governing verb's, from its content


def find_events(sent: Span, lex: Lexicon) -> list[Found]:
    """Every event triggered in sentence ``sent`` (a spaCy Span), in text order.

    Three passes: match every token against the lexicon; relate each verb trigger to the triggers it governs or
    restates (they are consumed, its code refined); then read the arguments of every trigger left.
    """
    matches = _matches(sent, lex)
    if not matches:
        return []
    state = _Sentence(sent.doc, matches, codes={i: m[0] for i, m in matches.items()},
                      nominal_codes={i: m[0] for i, m in matches.items() if m[1]})
    for i in sorted(matches):
        if not matches[i][1]:
            _relate_verb(state.doc[i], state, lex)
    found: list[Found] = []
    for i in sorted(matches):
        if i in state.consumed:
            continue
        item = _noun_event(state.doc[i], state, lex) if matches[i][1] else _verb_event(state.doc[i], state, lex)
        if item is not None:
            found.append(item)
    return _with_demands(sent, [_readiness(f) for f in found], state.codes)


def sentence_triggers(sent: Span, lex: Lexicon) -> dict[int, Match]:
    """``match_trigger`` of every token of the sentence that is a trigger, by token index; read once per sentence
    and lexicon (the rules and the detector's features both ask), kept with the Doc. Do not change the result."""
    cache: dict[int, dict[int, Match]] = sent.doc.user_data.setdefault(f"dragoman.triggers.{id(lex)}", {})
    if sent.start not in cache:
        cache[sent.start] = {tok.i: hit for tok in sent if (hit := match_trigger(tok, lex)) is not None}
    return cache[sent.start]


def _matches(sent: Span, lex: Lexicon) -> dict[int, Match]:
    """The trigger tokens of the sentence; what a denial rejects is not asserted ("rejected accusations that it
    had detained ...")."""
    matches = dict(sentence_triggers(sent, lex))
    if not matches:
        return matches
    deny_verbs = event_words().deny_verbs
    for tok in sent:
        if tok.pos_ == "VERB" and lemma_of(tok) in deny_verbs:
            claim = _denied_claim(tok)
            if claim is not None:
                for sub in claim.subtree:
                    matches.pop(sub.i, None)
    return matches


def _relate_verb(tok: Token, state: _Sentence, lex: Lexicon) -> None:
    """A verb trigger absorbs what it governs, restates or is done with; its code is refined by them."""
    i = tok.i
    code = state.matches[i][0]
    if code.type in GOVERNING and _coded_by_object(tok, code, lex):
        # the verb's code came from its object ("lodged a protest with China"): the object is the same act
        state.consumed.update(c.i for c in tok.children if c.dep_ == "dobj" and c.i in state.nominal_codes)
    if code.type in GOVERNING:
        _absorb_content(tok, code, state, lex)
    else:
        _absorb_restatements(tok, code, state)
    if code.type == "REQUEST" and _protest_demand(tok, state.codes):
        state.consumed.add(i)
    if code == KILLED and not denied_here(tok):
        # "died in police firing": the firing is how they were killed, not a second event; "no one was killed in
        # the attack" denies the deaths, and the attack is its own event
        cause = violent_cause(tok, lex) if lemma_of(tok) in event_words().death_verbs else fell_to_fire(tok)
        if cause is not None and cause.i in state.codes:
            state.consumed.add(cause.i)
    if code.type == "COERCE" and code.cameo == CAMEO_COERCE:  # "dispersed the mob with tear gas": force, not words
        forced = repression_means(tok, lex)
        if forced is not None:
            state.codes[i] = forced
    if state.codes[i].type == "ASSAULT" and not denied_here(tok):
        _absorb_instrument(tok, state, lex)
        _absorb_attack_clause(tok, state)
    if (deal := _deal_told_by(tok, state)) is not None:
        state.consumed.add(deal.i)  # "approved a deal to sell Germany drones": the deal is the sale


def _deal_told_by(tok: Token, state: _Sentence) -> Token | None:
    """The agreement noun a sale or supply infinitive tells ("a deal to sell Germany drones", also parsed as the
    purpose of the verb that made the deal), or None."""
    if state.codes[tok.i].type not in ("COOPERATE", "AID") or tok.head is tok or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if tok.dep_ in ("acl", "relcl"):
        nouns = [tok.head]
    elif tok.dep_ == "advcl":
        nouns = [c for c in tok.head.children if c.dep_ == "dobj"]
    else:
        return None
    return next((n for n in nouns if n.i in state.nominal_codes and state.nominal_codes[n.i].type == "AGREE"), None)


def _absorb_content(tok: Token, code: Code, state: _Sentence, lex: Lexicon) -> None:
    """A governing verb takes the first complement that is a trigger as its content ("threatened to expel")."""
    codes, i = state.codes, tok.i
    for comp in _complements(tok, nominal_ok=code.type != "ACCUSE"):
        target = comp
        if comp.i not in codes:  # "threatened to launch an offensive": one light verb deeper
            deeper = [c for c in comp.children if c.dep_ in ("dobj", "xcomp") and c.i in codes]
            # an amount or a batch of the content: "appealed for $2 billion in humanitarian aid"
            deeper += [p for c in comp.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                       for p in c.children if p.dep_ == "pobj" and p.i in codes]
            if code.type in ("REJECT", "REQUEST") and lemma_of(comp) in event_words().process_nouns:
                # "blocked the EU's aid package", "asked for an aid package" (not "undertook a mediation mission")
                deeper += [c for c in comp.children if c.dep_ == "compound" and c.i in codes]
            if not deeper:
                continue
            target = deeper[0]
        content = codes[target.i]
        state.consumed.add(target.i)
        new = refine_governing(codes[i], content)
        if code.type == "AGREE" and codes[i] == new and content.type in ("ASSAULT", "COERCE", "MOBILIZE"):
            new = refine_governing(Code("THREATEN", CAMEO_THREATEN), content)  # "vowed to crush the rebels"
        codes[i] = new
        state.recipients_from[i] = _content_recipients(target, code, content, state, lex)
        return


def _content_recipients(target: Token, code: Code, content: Code, state: _Sentence, lex: Lexicon) -> list[Token]:
    """The recipients a governing verb takes from its content trigger."""
    if not state.matches[target.i][1]:
        return recipients_of_verb(target, theme_object=False)
    noun_actors, noun_recipients, _anchor = noun_arguments(target, lex)
    # "rejected calls by X", "accepted X's offer": the answer goes to whoever made the proposal
    answer = code.type in ("REJECT", "AGREE") and content.type in GOVERNING | {"CONSULT", "AID", "COOPERATE",
                                                                               "SUPPORT"}
    return noun_actors + noun_recipients if answer else noun_recipients


def _absorb_restatements(tok: Token, code: Code, state: _Sentence) -> None:
    """Event nouns a verb does ("signed an agreement"; nouns with a light verb stay) and a purpose clause of the
    same kind ("called Lavrov to discuss Syria", "attacked the town to crush the rebels") restate its act."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.i in state.nominal_codes:
            state.consumed.add(child.i)
        elif child.dep_ == "advcl" and child.i in state.codes and state.codes[child.i].type == code.type and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            state.consumed.add(child.i)
        elif code.type == "COERCE" and child.dep_ == "prep" and child.lower_ in ("in", "during"):
            # "arrested 15 Palestinians in overnight raids": the raid is how they were arrested, one happening
            state.consumed.update(p.i for p in pobjs(child) if p.i in state.nominal_codes
                                  and lemma_of(p) in event_words().operation_nouns)
        elif code.type == "PROTEST" and child.dep_ in ("advcl", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            # the protest's aim, not acts of their own: "rallied in Dhaka to condemn the killing", "blocked roads to
            # press their demands", "began a hunger strike to protest against the decision to send them back"
            state.consumed.update(t.i for t in child.subtree if t.i in state.codes)


def _absorb_attack_clause(tok: Token, state: _Sentence) -> None:
    """A harm suffered "when" or "as" an attack was made is that attack's toll: "18 people were killed when gunmen
    attacked a church" is one assault (its doer the clause's subject, ``means_actor``; its means the clause's)."""
    if lemma_of(tok) not in event_words().harm_verbs or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return
    for clause in tok.children:
        code = state.codes.get(clause.i)
        # "when" is parsed as the clause's advmod, "as" as its mark
        if clause.dep_ == "advcl" and code is not None and code.type == "ASSAULT" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as") for m in clause.children):
            state.consumed.add(clause.i)
            if state.codes[tok.i].mode is None:
                state.codes[tok.i] = code


def _absorb_instrument(tok: Token, state: _Sentence, lex: Lexicon) -> None:
    """The weapon or attack noun an assault is done with gives it its mode ("shelled with artillery")."""
    inst = instrument(tok, lex, state.nominal_codes)
    if inst is None:
        return
    inst_tok, inst_code = inst
    if inst_tok.i in state.nominal_codes:
        state.consumed.add(inst_tok.i)
    code = state.codes[tok.i]
    if (code.mode is None and code.cameo != CAMEO_VIOLENT_REPRESSION) or code.cameo in (CAMEO_ASSAULT,
                                                                                       CAMEO_MILITARY_FORCE):
        state.codes[tok.i] = Code("ASSAULT", inst_code.cameo, inst_code.mode)


def _noun_event(tok: Token, state: _Sentence, lex: Lexicon) -> Found | None:
    """The event an event noun reports, or None when it is only mentioned."""
    if _only_mentioned(tok):
        return None
    code = state.codes[tok.i]
    blamed = _held_responsible(tok)
    if blamed is not None:  # "said Russia was responsible for the attack": the speaker's accusation of Russia
        clause, speaker = blamed  # told by "responsible for the attack", the words of the accusation
        return _found(tok.head.head, ALLEGATION, subject_of(speaker), subject_of(clause), clause, nominal=False,
                      end=state.matches[tok.i][2])
    broken = _said_broken(tok, code)
    if broken is not None:  # "says the ship breached a UN ban": the speaker accuses the ship
        clause, speaker = broken
        return _found(clause, ALLEGATION, subject_of(speaker), subject_of(clause), clause, nominal=False,
                      end=state.matches[tok.i][2])
    actors, recipients, anchor = noun_arguments(tok, lex)
    if code.type == "CONSULT":
        actors, recipients = _teller_and_told(tok, actors, recipients)
    if code == KILLED and lemma_of(tok) in event_words().death_nouns:
        actors = cause_actor(violent_cause(tok, lex))
    done, actors = _done_to_noun(tok, anchor, code, actors)
    if done != code and not recipients and anchor is not tok:
        # "halted arms deliveries to Saudi Arabia": whom the undone act was aimed at, parsed on the verb
        recipients = [p for c in anchor.children if c.dep_ == "prep" and c.lower_ in THEME_RECIPIENT_PREPS
                      for p in pobjs(c) if not is_time(p)]
    code = done
    if code.type == "CONSULT" and not actors and recipients:
        actors = _talker(tok) or (_visitor(tok, lex) if code.mode == "visit" else [])
    if code.type == "PROTEST" and not actors:
        actors = _in_the_state(tok)
    if code.type == "MOBILIZE" and lemma_of(tok) in event_words().exercise_nouns and joint(tok, actors):
        code = Code("COOPERATE", CAMEO_MILITARY_COOPERATION, None)  # exercises of two armies together
    return _found(tok, code, actors, recipients, anchor, nominal=True, end=state.matches[tok.i][2])


def _held_responsible(noun: Token) -> tuple[Token, Token] | None:
    """A wrong told before that a speaker says someone is responsible for ("Cerar said Russia is most likely
    responsible for the attack"): the clause saying so and the speaker's verb; the act is what the speaker accuses
    its subject of, not an act the text tells again. A wrong told with its own details ("responsible for the
    killing of five villagers") stays that act, by the doer the speaker names."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lower_ != "responsible" \
            or prep.head.dep_ != "acomp" or any(c.dep_ in ("prep", "nummod", "amod", "compound", "acl", "relcl")
                                                for c in noun.children):
        return None
    clause = prep.head.head
    if clause.lemma_ != "be" or not subject_of(clause) or clause.dep_ != "ccomp":
        return None
    speaker = clause.head
    for _ in range(2):  # "the analysis shows that ..., Cerar said": the speaker above what is shown
        if lemma_of(speaker) in event_words().reporting_verbs and subject_of(speaker):
            return clause, speaker
        if speaker.dep_ != "ccomp":
            return None
        speaker = speaker.head
    return None


def _said_broken(noun: Token, code: Code) -> tuple[Token, Token] | None:
    """A rule a speaker says someone broke ("the Cypriot government says the ship breached a UN ban"): the clause
    saying so and the speaker's verb. The speaker accuses the breaker; the ban was imposed before and is only named.
    A ceasefire broken stays an attack (CAMEO 196), whoever tells it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.dep_ != "ccomp" or lemma_of(verb) not in event_words().violate_verbs \
            or not subject_of(verb):
        return None
    broken = undo_code(lemma_of(verb), lemma_of(noun), code)
    if broken is None or broken.type != "REJECT":
        return None
    speaker = verb.head
    if lemma_of(speaker) in event_words().reporting_verbs and subject_of(speaker):
        return verb, speaker
    return None


def _teller_and_told(noun: Token, actors: list[Token], recipients: list[Token]) -> tuple[list[Token], list[Token]]:
    """A call or talk a speech verb was told in: "Peres told Mubarak in a phone call" has the teller and the one
    told as its sides, where the noun names none."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") else None
    if verb is not None and verb.dep_ in ("ccomp", "xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # a fronted "In a phone call to mark ..., X told Y" hung on the infinitive
    if verb is None or verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) not in event_words().reporting_verbs:
        return actors, recipients
    return actors or subject_of(verb), recipients or [c for c in verb.children if c.dep_ in ("dobj", "dative")]


_STATE_VERBS: Final = frozenset({"be", "remain", "stay"})


def _in_the_state(noun: Token) -> list[Token]:
    """Who is in the protest a noun names, told by "be" and "on" or "in": "workers are on strike", "teachers are in
    the fourth day of a walkout", "students remain in their third week of protests" (the verb's subject)."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the fourth day of a walkout"
    if prep.lower_ not in ("on", "in") or prep.dep_ != "prep" or lemma_of(prep.head) not in _STATE_VERBS:
        return []
    return subject_of(prep.head)


def _talker(noun: Token) -> list[Token]:
    """Who held talks "with" someone the clause around them tells: "X told reporters after two days of talks with
    Y", "X returned from a meeting with Y" (the subject of the nearest verb above the noun)."""
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return []
    verb = clause_verb(noun)
    return subject_of(verb) if verb is not noun else []


def _visitor(noun: Token, lex: Lexicon) -> list[Token]:
    """Who makes a visit the clause around it tells, by a verb that is no act of its own: "the crown prince is
    coming to the end of a three-week US tour", "the minister is on a visit to Japan" (not "China condemned the
    visit to Taiwan": the subject of an act on the visit did not make it)."""
    verb = clause_verb(noun)
    if verb is noun or lemma_of(verb) in lex.verbs or lemma_of(verb) in lex.object_verbs or is_reporting_verb(verb):
        return []
    return subject_of(verb)


def _reprisal_reference(noun: Token) -> bool:
    """"In retaliation for the attack": the reprisal is the clause's own event and the attack an earlier one;
    neither noun reports a new event."""
    reprisals = event_words().reprisal_nouns
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if lemma_of(noun) in reprisals and prep.lower_ in ("in", "as"):
        return True  # "in retaliation", "as a reprisal"
    if prep.lower_ not in ("for", "to", "against"):
        return False
    if prep.head.dep_ == "pobj" and lemma_of(prep.head) in reprisals:
        return True
    # "attacked the town in revenge for the killing": the parser hangs "for" on the verb, next to "in revenge"
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return before.dep_ == "pobj" and lemma_of(before) in reprisals and before.head.head.i == prep.head.i


# What a reward or an appeal seeks, leading to an act not yet done: "information leading to the arrest".
_SOUGHT_LEADS: Final = frozenset({"information", "tip", "evidence", "detail", "lead"})


def _only_mentioned(noun: Token) -> bool:
    """A back-reference ("after the attack", "in retaliation for the attack"), the topic of an opinion, talk of
    something ("talk of sanctions"), or a denied claim: no event reported."""
    if noun.dep_ == "pobj" and noun.head.lower_ in BACKREF_PREPS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "over" and noun.head.head.i != noun.head.i:
        return True  # "sanctions over its support for the war", "a row over the arrest": the cause, named in passing
    if noun.dep_ == "dobj" and lemma_of(noun.head) in event_words().citing_verbs:
        return True  # "closed its airspace, citing the threat of intervention": a reason given
    if _antecedent_clause(clause_verb(noun)):
        return True  # "the shooting comes after the killing of a man sparked two weeks of protests"
    if noun.dep_ == "nsubj" and lemma_of(noun.head) == "be" and any(
            c.dep_ == "acomp" and c.lower_ in event_words().habit_adjectives for c in noun.head.children):
        return True  # "clashes are frequent in Dagestan": a habit of the place
    if _support_as_standing(noun):
        return True  # "teachers risk losing public support": a standing they have, no one's act
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and lemma_of(noun.head.head) in event_words().trend_nouns:
        return True  # "a drop in violence": a trend
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and lemma_of(noun.head.head) == "warrant":
        return True  # "a warrant for the arrest of the minister": an arrest ordered, not made
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and lemma_of(noun.head.head) == "lead" \
            and noun.head.head.dep_ in ("acl", "relcl") and lemma_of(noun.head.head.head) in _SOUGHT_LEADS:
        return True  # "a reward for information leading to the arrest of the bombers": an arrest hoped for
    if noun.dep_ == "pobj" and noun.head.lower_ == "into" and (noun.head.head.pos_ == "NOUN" or any(
            c.dep_ == "dobj" for c in noun.head.head.children)):
        # "an inquiry into the bombing", "opened a hearing into the killing" (the parser hangs "into" on the verb):
        # what is looked into; "entered into an agreement" makes one
        return True
    if _said_of_something(noun) or _speculation(noun) or _reprisal_reference(noun) or _topic_of_opinion(noun):
        return True
    words = event_words()
    if lemma_of(noun) == "demonstration" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return True  # "a demonstration of military power", "the clearest demonstration of the fact": a showing
    if _modifier_only(noun) or _fighting_a_hazard(noun) or _charged_with(noun):
        return True
    return lemma_of(noun) in words.claim_nouns and noun.head.pos_ == "VERB" and lemma_of(noun.head) in words.deny_verbs


def _support_as_standing(noun: Token) -> bool:
    """Support one has, gains or loses, with no one named as giving it ("risk losing public support", "the plan
    enjoys broad support"; not "lost the support of the army", which tells the army's turn)."""
    words = event_words()
    return (lemma_of(noun) in words.standing_nouns and noun.dep_ == "dobj"
            and lemma_of(noun.head) in words.standing_verbs
            and not any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in noun.children)
            and not any(c.dep_ == "poss" for c in noun.children))


def _told_of_a_mention(verb: Token, state: _Sentence) -> bool:
    """The verb tells more of something only named in passing: an event noun ("complained over two air raids last
    Friday in which 20 people were killed"), a thing said to be something ("she was the only person injured in
    the collisions"), a thing after which or amid which something else came ("after Modi's move to ban notes").
    Not a person or a time an event is placed before or since ("produced before the magistrate, who remanded
    them", "since Friday evening, when the police had to fire")."""
    node = verb
    while node.dep_ in ("ccomp", "conj", "xcomp") and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("relcl", "acl") or node.head.pos_ != "NOUN":
        return False
    noun = node.head
    if noun.i in state.matches:
        return _only_mentioned(noun)
    return _said_of_something(noun) or (noun.dep_ == "pobj" and noun.head.lower_ in PASSING_PREPS)


def _describes_a_thing(verb: Token) -> bool:
    """A present participle on a thing that is no actor and says nothing ("a school sheltering displaced families",
    "facilities supporting the army"): what the thing is, not an act of cooperation."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ == "NOUN" and not is_actor_like(head) and \
        lemma_of(head) not in event_words().message_nouns


# Object verbs whose object is the one the act is done to, not what it uses: "dissolved the party", "hanged two men".
_DONE_TO_OBJECT_MODES: Final = frozenset({"ban", "execute"})


def _wanted(verb: Token, code: Code) -> list[Token]:
    """Whom a warrant issued names: "issued an arrest warrant for the president", "a warrant for the arrest of the
    minister"."""
    if code.type != "ACCUSE" or lemma_of(verb) != "issue":  # "issue" codes a charge only with a warrant as object
        return []
    for warrant in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (c for c in warrant.children if c.dep_ == "prep" and c.lower_ in ("for", "against")):
            for named in pobjs(prep):
                held = [p for c in named.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
                return held if lemma_of(named) == "arrest" and held else [named]
    return []


def _what_someone_is_said_to(verb: Token) -> bool:
    """What a person or body described by an accusation is said to have done: "two firms accused of supplying
    drones", "a man suspected of killing a guard" (who they are said to be, not a happening told here). A toll it
    counts is a fact told: "a gunman accused of killing eight people"."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.dep_ == "acl" \
        and lemma_of(prep.head) in event_words().describing_participles and not any(
            t.like_num and t.ent_type_ == "CARDINAL" for t in verb.subtree)  # "accused of killing eight": a toll


def _charged_with(word: Token) -> bool:
    """The wrong someone is charged with, tried for or suspected of ("charged with the murder of a Japanese man",
    "charged in the abduction and death of a woman", "on a charge of assault for allegedly attacking him"): what the
    charge says, not a happening the text reports; the charge is the event. Unless the charged are soldiers or police:
    violence by the state's own is reported by its charge ("a soldier was charged with the rape of a teenager")."""
    prep = word.head
    if word.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.lower_ not in ("with", "in", "of", "for"):
        return False
    words = event_words()
    held = prep.head
    if held.dep_ == "prep" and held.lower_ == "for":  # "on a charge of assault for allegedly attacking him"
        held = held.head
    charged = [c for c in held.children if c.dep_ in ("nsubjpass", "dobj")]
    if any(lemma_of(c) in words.security_doers for c in charged):
        return False  # "a soldier was charged with the rape of a teenager": violence by the state's own is news
    return lemma_of(held) in words.charging_words or (
        word.tag_ == "VBG" and any(c.dep_ == "advmod" and c.lower_ == "allegedly" for c in word.children))


def _said_of_anyone(verb: Token) -> bool:
    """A present-tense relative clause that defines a kind of people ("punish those who abuse them", "anyone who
    attacks"): a class, not a happening ("those who attacked the convoy were arrested" tells one)."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBP", "VBZ") and (
        verb.head.lower_ == "those" or verb.head.lower_ in event_words().anyone_words)


def _antecedent_clause(verb: Token) -> bool:
    """The clause is what another event "came after" or "follows" ("the police action came after officials
    complained"), or what a lasting state has held "since" ("the town has been calm since rebels signed a truce"):
    an earlier happening named in passing to place this one, not reported in its own right."""
    # the clause itself or one it hangs in ("came after millions took to the streets ... to demand his ouster"); one
    # that says where it happened reports it in its own right ("came two days after RSF fighters shelled the city
    # of El Fasher, killing eight people"): a fact of its own, as the codebook has it
    return any(node.dep_ == "advcl" and (_state_since(node) or lemma_of(node.head) in event_words().sequence_verbs and (
        any(c.dep_ == "mark" and c.lower_ in BACKREF_PREPS for c in node.children)
        or any(c.dep_ == "prep" and c.lower_ in BACKREF_PREPS for c in node.head.children))
        and not _told_in_full(node)) for node in (verb, *verb.ancestors))


def _state_since(clause: Token) -> bool:
    """A "since" clause on a perfect or present main clause marks where a state began ("has seen a drop in violence
    since the cleric declared a ceasefire"); after a simple past it gives a reason ("since the army fired, people
    fled") and is left alone, as is one that dates its happening ("has raged since the army attacked on Monday").
    Where it happened does not make it news: the state since is what the sentence tells."""
    head = clause.head
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children) and (
        head.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in head.children)
    ) and not any(t.ent_type_ == "DATE" and (t.lower_ in _DAY_WORDS or t.like_num and t.text.isdigit()
                                             and 1 <= int(t.text) <= 31) for t in clause.subtree)


def _told_in_full(clause: Token) -> bool:
    """The clause says where it happened or how many it struck ("shelled the city of El Fasher, killing eight
    people"; the tagger may take El Fasher for an organisation)."""
    settlements = lx.place_words().settlement_nouns
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or (t.like_num and t.ent_type_ == "CARDINAL")
               or (t.lower_ in settlements and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children))
               for t in clause.subtree)


def _said_of_something(noun: Token) -> bool:
    """The noun says what something is ("it was the third attack this month", "Afghanistan was his third
    deployment", "the number one threat ... and the greater threat"), not that a happening occurred; "there was
    heavy fighting" does report one."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "attr" and lemma_of(noun.head) == "be" and not any(
        c.dep_ == "expl" for c in noun.head.children)


def _fighting_a_hazard(noun: Token) -> bool:
    """"flood fighting", "crime-fighting", "fire fighting": a fight against something no side is (the lexicon's
    objects that make "fight" mean something else)."""
    if lemma_of(noun) not in ("fight", "fighting") or noun.i == 0:
        return False
    before = noun.doc[noun.i - 1]
    if before.text == "-" and noun.i > 1:
        before = noun.doc[noun.i - 2]
    return lemma_of(before) in load_lexicon().not_with_object.get("fight", frozenset()) | event_words().non_agents


def _modifier_only(noun: Token) -> bool:
    """An event word naming a kind of thing, not an act: "a sanctions bill", "the support vehicle", "an arrest
    warrant", "ceasefire talks" (the talks are the event). Not before a process noun ("a mediation effort",
    "an aid convoy": the process is the act)."""
    return (noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN")
            and lemma_of(noun.head) not in event_words().process_nouns)


def _done_to_noun(tok: Token, anchor: Token, code: Code, actors: list[Token]) -> tuple[Code, list[Token]]:
    """What the verb governing an event noun does to it: undoes it ("lifted the curfew") or cancels a meeting."""
    undone = None
    if anchor is not tok and tok.dep_ in ("dobj", "nsubjpass", "compound"):
        prt = next((c.lower_ for c in anchor.children if c.dep_ == "prt"), "")
        undone = undo_code(lemma_of(anchor), lemma_of(tok), code, particle=prt)
    if undone is not None and undone.cameo == CAMEO_DEFY_NORMS:
        return undone, subject_of(anchor) or actors  # "the ship breached a UN ban": the ship defied it, not the UN
    if undone is not None:
        return undone, actors or subject_of(anchor)
    if code.type in ("CONSULT", "AGREE") and anchor is not tok and lemma_of(anchor) in event_words().cancel_verbs:
        return Code("REJECT", CAMEO_REJECT_MEETING, "meet"), subject_of(anchor)
    return code, actors


def _other_side_named_with(verb: Token, code: Code, actors: list[Token]) -> list[Token]:
    """The second nationality of one subject that names both sides of a clash, a meeting or an exchange: "Indian
    and Chinese troops clashed" (Indian troops against the Chinese), "Israeli and Palestinian negotiators met",
    "Armenian and Azerbaijani troops exchanged fire"."""
    words = event_words()
    lemma = lemma_of(verb)
    if (lemma not in words.clash_verbs and lemma not in words.trading_verbs and code.type not in RECIPROCAL_TYPES) \
            or len(actors) != 1:
        return []
    countries = lx.countries()
    return [other for mod in actors[0].children if mod.dep_ in ("amod", "nmod", "compound")
            and lx.norm(mod.text) in countries for other in mod.conjuncts if lx.norm(other.text) in countries][:1]


def _mediated(verb: Token) -> list[Token]:
    """The sides of what a go-between brings about: "Egypt and Qatar are mediating talks between Israel and
    Hamas"."""
    if lemma_of(verb) not in lx.actor_words().mediating_verbs:
        return []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        first, rest = between(obj)
        if first:
            return first + rest
    return []


def _coded_by_object(tok: Token, code: Code, lex: Lexicon) -> bool:
    """The verb's code came from the class of its object ("sent troops", "lodged a protest"), not its own entry."""
    return lemma_of(tok) in lex.object_verbs and code != lex.verbs.get(lemma_of(tok))


def _verb_event(tok: Token, state: _Sentence, lex: Lexicon) -> Found | None:
    """The event a verb trigger reports, or None when its doer is a natural cause ("a fire killed 40") or it is
    the antecedent another event is said to follow ("the police action came after officials complained")."""
    if (_antecedent_clause(tok) or _said_of_anyone(tok) or _told_of_a_mention(tok, state)
            or _what_someone_is_said_to(tok) or _charged_with(tok)):
        return None
    code = state.codes[tok.i]
    if PLOVER_QUAD.get(code.type) in COOPERATION_QUADS and _describes_a_thing(tok):
        return None
    if code.type == "PROTEST" and lemma_of(tok) == "protest" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(is_actor_like(p) for p in pobjs(c)) for c in tok.children):
        code = OFFICIAL_COMPLAINT
    if code == ALLEGATION and lemma_of(tok) == "commit":  # the speaker accuses the doer ("accuse": other roles)
        return _found(tok, code, subject_of(tok.head), subject_of(tok), tok, nominal=False,
                      end=state.matches[tok.i][2])
    code, actors = _verb_roles(tok, code, state)
    if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not actors:
        sides = between(tok)  # "Fighting between Sudan's army and the RSF raged": a gerund named as a noun
        if sides[0]:
            return _found(tok, code, sides[0], sides[1], tok, nominal=False, end=state.matches[tok.i][2])
    if code.type == "COERCE" and _done_by_nature(tok, actors):
        return None  # "an accident shut down the fast lane", "Hurricane Betsy destroyed the church"
    # an object verb's object is its theme ('sent troops'), unless the verb took people into custody ('sent X to jail'),
    # banned or executed them ('dissolved the opposition party', 'hanged two men') or kept them from doing something
    theme = _coded_by_object(tok, code, lex) and code not in (ARREST, KEPT_FROM) \
        and code.mode not in _DONE_TO_OBJECT_MODES
    recipients = state.recipients_from.get(tok.i) or _mediated(tok) or _other_side_named_with(tok, code, actors) \
        or _wanted(tok, code) or recipients_of_verb(tok, theme_object=theme)
    if code in (MILITARY_ALERT, POLICE_ALERT):  # "put its army on the highest state of alert": the army alerted
        recipients = [r for r in recipients if r.dep_ in ("dobj", "nsubjpass")]
    if code == EXPULSION and lemma_of(tok) in event_words().ordering_verbs:  # "ordered UN peacekeepers to leave"
        recipients = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    actors, recipients = _killing_roles(tok, code, actors, recipients, lex)
    if code.type == "ASSAULT" and _set_off_a_device(tok, actors, lex):
        if tok.dep_ == "advcl" and getattr(state.codes.get(tok.head.i), "type", None) == "ASSAULT":
            return None  # "were killed when their vehicle hit a bomb": how they were killed
        actors, recipients = [], actors  # "their vehicle hit a landmine": the vehicle was attacked
    recipients = _typed_recipients(tok, code, recipients)
    doers = _assault_doers(tok, code, actors, state, lex)
    if doers is None:
        return None
    if code.type in GOVERNING:  # "accused Russia of ...", "urged Kenya to ...": the one addressed first
        recipients = addressees(tok, code, state.consumed) + recipients
    return _found(tok, code, doers, recipients, tok, nominal=False, end=state.matches[tok.i][2])


def _verb_roles(verb: Token, code: Code, state: _Sentence) -> tuple[Code, list[Token]]:
    """The verb's code and doers as its clause reads them: a state's protest is a complaint ("Manila summoned
    China's ambassador to protest the incident"), a harm an accusation tells is the accused's ("accused China's
    coast guard of ramming a boat, injuring several sailors")."""
    actors = _verb_subjects(verb, code, state)
    if code.type == "PROTEST" and lemma_of(verb) == "protest" and _protest_of_state(verb, actors):
        code = OFFICIAL_COMPLAINT
    accused = _accused_of_the_harm(verb, state) if code.type == "ASSAULT" else []
    return code, accused or actors


def _protest_of_state(verb: Token, doers: list[Token]) -> bool:
    """A protest made by a state, as the purpose of its act ("Manila summoned China's ambassador to protest the
    incident"): a diplomatic complaint, not a demonstration."""
    if not is_infinitive(verb):
        return False
    doers = doers or (subject_of(verb.head) if verb.dep_ == "advcl" and verb.head is not verb else [])
    # a state named as itself or by its capital ("Manila"), not its people ("Kenyans gathered to protest")
    return any((entry := country_entry(d.doc[phrase_start(d):d.i + 1].text)) is not None
               and entry.kind in ("name", "alias", "capital") for d in doers)


def _accused_of_the_harm(verb: Token, state: _Sentence) -> list[Token]:
    """A harm told as a participle after an accusation ("accused China's coast guard of ramming a boat, injuring
    several sailors"): what the accused is said to have caused, done by the accused."""
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "of ramming a boat, injuring several sailors": the harm joined to what is alleged
    if first.tag_ != "VBG" or first.dep_ not in ("advcl", "pcomp"):
        return []
    accusing = first.head.head if first.dep_ == "pcomp" and first.head.lower_ == "of" else first.head
    code = state.codes.get(accusing.i)
    if accusing is verb or code is None or code.type != "ACCUSE":
        return []
    return [c for c in accusing.children if c.dep_ == "dobj"]


def _set_off_a_device(tok: Token, actors: list[Token], lex: Lexicon) -> bool:
    """A vehicle as the doer that hit, or exploded on, a mine or a bomb ("the patrol's vehicle hit a landmine",
    "a police pickup exploded on a mine"): the vehicle is the one attacked, by someone unnamed."""
    if not actors or not _traffic(actors[0]):
        return False
    met = [c for c in tok.children if c.dep_ == "dobj"]
    met += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "into") for p in pobjs(c)]
    return any(getattr(lex.instruments.get(lemma_of(m)), "mode", None) == "explosives" for m in met)


def _traffic(doer: Token) -> bool:
    """A vehicle as the doer, and no verb of its sentence saying it was driven at someone ("rammed", "plowed")."""
    words = event_words()
    # "drove a truck into the crowd" is ramming; "an SUV driven by a neighbour" only says who was at the wheel
    return lemma_of(doer) in words.vehicles and not any(
        lemma_of(t) in words.ramming_verbs and not (t.dep_ == "acl" and t.head.i == doer.i) for t in doer.sent)


def _done_by_nature(verb: Token, actors: list[Token]) -> bool:
    """A closure, a seizure or a destruction done by a natural or accidental cause, as subject or agent ("an earlier
    accident shut down the fast lane", "Hurricane Betsy destroyed the church", "was destroyed by fire"): no one's
    coercion."""
    causes = event_words().non_agents
    # a named storm by its kind ("Hurricane Betsy"); not a people named by what they deal with ("fire inspectors")
    return any(lemma_of(t) in causes for d in [*actors, *agents(verb)]
               for t in (d, *(c for c in d.children if c.dep_ == "compound" and d.pos_ == "PROPN")))


def _toll_of_a_crash(tok: Token) -> bool:
    """A harm told as what a crash, a capsizing or a derailment did ("crashed into the sea, killing all 228 people on
    board", "the ferry capsized, drowning 40"): an accident, whoever's vehicle it was. Someone who crashed something
    into a place did it on purpose ("a suicide bomber crashed a car into a checkpoint, killing five soldiers")."""
    crash = tok.head
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and lemma_of(crash) in event_words().crash_verbs \
        and not any(c.dep_ == "dobj" for c in crash.children)


def _by_accident(tok: Token, actors: list[Token]) -> bool:
    """The harm, or the clause telling how it came about, is said to be accidental ("accidentally", "inadvertently"),
    and no armed force or police did it: an accident, not an assault (a police shooting stays one)."""
    words = event_words()
    clauses = [tok, *(c for c in tok.children if c.dep_ == "advcl")]
    accidental = any(m.dep_ == "advmod" and m.lower_ in words.accident_adverbs for c in clauses for m in c.children)
    doers = [*actors, *(d for c in clauses[1:] for d in subject_of(c))]
    return accidental and not any(lemma_of(d) in words.security_doers for d in doers)


def _accidental_cause(tok: Token, lex: Lexicon) -> bool:
    """An agentless harm whose adverbial clause or "after" or "in" phrase names a vehicle or a natural cause as its
    doer, and no weapon: "killed when a truck struck him", "died after a fire swept through the market", "was killed
    in a traffic accident" (not "when their vehicle hit a roadside bomb")."""
    causes = [doer for clause in tok.children if clause.dep_ == "advcl" for doer in subject_of(clause)]
    causes += [cause for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("after", "in")
               for cause in prep.children if cause.dep_ == "pobj"]
    return any((lemma_of(cause) in event_words().non_agents or _traffic(cause))
               and not any(lemma_of(t) in lex.instruments for t in cause.head.subtree) for cause in causes)


def _verb_subjects(tok: Token, code: Code, state: _Sentence) -> list[Token]:
    actors = subject_of(tok)
    owner = purpose_owner(tok)
    if not actors and owner is not None and owner.i not in state.matches:
        # "received the envoy to discuss ties": who acts for the purpose; not when the main verb is an
        # event of its own ("mobilized groups to help"), whose purpose is part of it
        actors = subject_of(owner)
    if not actors and code.type == "ASSAULT" and tok.tag_ == "VBG":
        actors = firing_owner(tok)  # "victims of police firing", the gerund parsed as a verb
    if not actors and (deal := _deal_told_by(tok, state)) is not None and (verb := governing_verb(deal)) is not None:
        actors = subject_of(verb)  # "the US approved a deal to sell ...": who made the deal sells
    return actors


def _killing_roles(tok: Token, code: Code, actors: list[Token], recipients: list[Token],
                   lex: Lexicon) -> tuple[list[Token], list[Token]]:
    """(actors, recipients) of a killing: the one who died is the victim; the doer is named in the cause."""
    if code == KILLED and lemma_of(tok) in event_words().death_verbs:
        return cause_actor(violent_cause(tok, lex)), actors
    if code == KILLED and (shots := fell_to_fire(tok)) is not None:
        return cause_actor(shots), actors
    if lemma_of(tok) in _HARMING_VERBS and _reduced_passive(tok):
        return [], actors  # "4 policemen and 4 civilians also killed": those named were killed
    return actors, recipients


# Verbs of harm or custody whose bare subject, with no object and no auxiliary, is who suffered it in a headline's
# reduced passive ("4 policemen also killed", "Two soldiers wounded in blast", "DeKalb man arrested in robbery").
_HARMING_VERBS: Final = frozenset({"kill", "wound", "injure", "hurt", "shoot", "stab", "arrest", "detain", "charge",
                                   "jail", "convict", "sentence", "kidnap", "abduct", "accuse"})


# Of those, the verbs that have no intransitive use: with no object they are passive whatever their tag
# ("Opposition leader detained in Harare", tagged as a past tense). Not "shot" ("police shot at ..."), "charged"
# ("troops charged into the crowd") or "killed".
_ONLY_TRANSITIVE: Final = frozenset({"arrest", "detain", "jail", "convict", "kidnap", "abduct", "wound", "injure",
                                     "accuse"})


def _reduced_passive(verb: Token) -> bool:
    """No object, no auxiliary, a noun subject, and the participle's tag ("man arrested in robbery": a past tense
    would be "VBD"), a verb with no intransitive use or a counted subject ("4 policemen also killed")."""
    children = list(verb.children)
    return verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in children) \
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "dative") for c in children) and (
            verb.tag_ == "VBN" or lemma_of(verb) in _ONLY_TRANSITIVE
            or any(c.dep_ == "nsubj" and any(n.dep_ == "nummod" for n in c.subtree) for c in children))


def _typed_recipients(tok: Token, code: Code, recipients: list[Token]) -> list[Token]:
    """Recipients as the event's type reads them: whom aid helps, the callee, not one's own troops."""
    if code.type == "AID":  # "donated ventilators to assist Ethiopia": who is helped, after named receivers
        recipients = list(recipients) + beneficiaries(tok)
    if code.type == "CONCEDE":  # "reduced his sentence", "commuted the sentence of the activist": whose it was
        recipients = list(recipients) + _penalised(tok)
    if code.type == "PROTEST":  # "turned out to support Zuma", "rallied to condemn the law": whom it is aimed at
        recipients = list(recipients) + [o for aim in _rally_purposes(tok) if aim.tag_ != "VBG" for o in aim.children
                                         if o.dep_ in ("dobj", "dative")]  # not "waving flags"
    if code.type == "ASSAULT" and any(c.dep_ == "dobj" for c in tok.children):
        # "struck an oil depot with drones", "attacked police with stones": with what, the object is whom
        recipients = [r for r in recipients if not (r.dep_ == "pobj" and r.head.lower_ == "with"
                                                    and r.head.head.i == tok.i)]
    if code.cameo == CAMEO_ARREST:
        recipients = _not_the_offence(tok, recipients)
    if code == PHONE_CALL:  # the callee, parsed as a predicate when named alone
        recipients = [c for c in tok.children if c.dep_ in ("dobj", "oprd")] + recipients
    if code.type in ("RETREAT", "MOBILIZE"):  # "withdrew its troops from Chad": its own, not a recipient
        recipients = [r for r in recipients if not (r.dep_ == "dobj" and r.head.i == tok.i and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in r.children))]
    if code.type == "MOBILIZE" and tok.dep_ == "xcomp":  # "ordered troops to be deployed": the forces moved
        recipients = [r for r in recipients if not (r.dep_ == "dobj" and r.head.i == tok.head.i)]
    if code.type == "MOBILIZE":  # "deployed the army": the forces moved, not whom they are moved against
        forces = [r for r in recipients if r.dep_ == "dobj" and r.head.i == tok.i and {
            "military", "police"} & set(object_classes(r, load_lexicon()))]
        # whom they are sent against is named on them: "deployed troops against Ukraine"
        aimed = [p for f in forces for prep in f.children if prep.dep_ == "prep" and prep.lower_ in _AIMING_PREPS
                 for p in pobjs(prep) if is_actor_like(p)]
        recipients = [r for r in recipients if r not in forces] + aimed
    if code.type == "ACCUSE":  # "filed a case against Israel at the ICJ": whom it is against, not where it is heard
        recipients = sorted(recipients, key=lambda r: not (r.dep_ == "pobj" and r.head.lower_ == "against"))
    if code == WEAPONS_TEST:  # "test-fired a missile into the Sea of Japan": where it fell is no one's
        recipients = [r for r in recipients if lemma_of(r) not in _OPEN_WATER]
    return recipients


def _not_the_offence(verb: Token, recipients: list[Token]) -> list[Token]:
    """Whom an arrest or a charge is done to, not the offence its "with" names ("charged him with resisting
    authorities", "a youth charged with the murder of a man"); "caught up with Bakari", with no one else named,
    is Bakari caught."""
    participle = describes_its_noun(verb)
    if not participle and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return recipients
    kept = [r for r in recipients if not (r.dep_ == "pobj" and r.head.lower_ == "with" and r.head.head.i == verb.i)]
    return [verb.head] if participle and not kept else kept


def _penalised(verb: Token) -> list[Token]:
    """Whose sentence, conviction or fine the verb eases: the penalty's possessor or its "of" object."""
    lex = load_lexicon()
    penalties = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass") and "penalties" in object_classes(t, lex)]
    return [o for t in penalties for o in t.children if o.dep_ == "poss"] + [
        p for t in penalties for prep in t.children if prep.dep_ == "prep" and prep.lower_ in ("of", "against")
        for p in pobjs(prep)]


def _assault_doers(tok: Token, code: Code, actors: list[Token], state: _Sentence,
                   lex: Lexicon) -> list[Token] | None:
    """Who did an assault when its subject is the weapon or the means; None for a natural cause."""
    inst = instrument(tok, lex, state.nominal_codes) if code.type == "ASSAULT" else None
    if inst is not None and actors and actors[0].i == inst[0].i:
        # "the missiles fired by the Israeli military struck ...": the firer; with none ("Their artillery fire hit
        # ..."), the resolver falls back on the weapon's possessor or owner ("air force jet"); measured: replacing
        # the weapon by its modifiers loses sectors ("warplanes").
        # ... or who claims the attack ("claimed responsibility for the bombing, which killed 12")
        fired_by = firer(inst[0]) or claimant(inst[0])
        if fired_by:
            actors = fired_by
    elif code.type == "ASSAULT" and actors and (lemma_of(actors[0]) in event_words().legal_instruments or (
            lemma_of(actors[0]) in event_words().non_agents and not any(
                c.dep_ in ("amod", "compound", "poss", "nmod") and _names_a_doer(c) for c in actors[0].children))):
        return None  # "a fire killed 40", "this punitive law targets those individuals" (not "Armenian fire")
    elif code.type == "ASSAULT" and actors and _traffic(actors[0]):
        return None  # "a truck struck and killed a pedestrian": a road death, not an assault
    elif code.type == "ASSAULT" and not actors and _accidental_cause(tok, lex):
        return None  # "was killed when a truck struck him", "died after a fire broke out"
    elif code.type == "ASSAULT" and _toll_of_a_crash(tok):
        return None  # "the jetliner crashed into the Atlantic, killing all 228 people on board"
    elif code.type == "ASSAULT" and _by_accident(tok, actors):
        return None  # "a neighbor accidentally hit her while backing out", "accidentally shot his friend"
    if code.type == "ASSAULT" and not actors:
        clauses = {k: c for k, c in state.codes.items() if state.doc[k].dep_ == "advcl"}
        actors = [a for a in means_actor(tok, lex, {**state.nominal_codes, **clauses})
                  if not _traffic(a)]  # "killed when their vehicle hit a landmine": the vehicle was hit
    return actors


def _found(tok: Token, code: Code, actors: list[Token], recipients: list[Token], anchor: Token, *, nominal: bool,
           end: int) -> Found:
    if code.type == "MOBILIZE" and peace_mission(tok):
        code = Code("AID", CAMEO_PEACEKEEPING, None)  # "deployed 300 troops to the UN peacekeeping mission"
    if code.type == "ASSAULT":
        actors = [a for a in actors if not _an_attack(antecedent(a))]  # "the attack that killed": the attack
    return Found(tok, code, tuple(unique(with_fallbacks(actors))), tuple(unique(with_fallbacks(recipients))),
                 anchor, nominal, end)


def _an_attack(word: Token) -> bool:
    """An attack named as the doer of its own toll with no one in its name ("Dvani Attack that Killed One
    Policeman", "the blast killed 12"): the act, not who did it. "Israeli airstrikes killed five" names its doer."""
    code = load_lexicon().nouns.get(lemma_of(word))
    if code is None or code.type != "ASSAULT" or word.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ in ("amod", "compound", "poss", "nmod") and _names_a_doer(c) for c in word.children)


def _names_a_doer(modifier: Token) -> bool:
    """A modifier of an attack word that names who attacked ("Israeli airstrikes", "a Hamas attack", "US strikes",
    "police firing"), not where ("the Dvani attack", "a Kabul bombing")."""
    if modifier.ent_type_ in ("NORP", "ORG"):
        return True  # not a person: a headline's capitals make a place one ("Dvani Attack that Killed ...")
    state = lx.countries().get(lx.norm(modifier.text))
    if state is not None:
        return state.kind != "capital"  # "US strikes", "Israeli airstrikes" (tagged or not); not "a Kabul bombing"
    return modifier.ent_type_ not in ("GPE", "LOC", "FAC", "PERSON") and is_actor_like(modifier)


def _readiness(item: Found) -> Found:
    """"is willing to withdraw", "prepared to lift the ban": an offer (AGREE 03x) or, for conflict, a threat."""
    anchor = item.anchor
    if anchor.dep_ != "xcomp" or anchor.head is anchor or anchor.head.lower_ not in event_words().ready_adjectives:
        return item
    code = item.code
    if code.type in GOVERNING:
        return item
    if not item.actors and anchor.head.dep_ == "acomp":  # "Syria is willing to ...": the subject of "is"
        item = replace(item, actors=tuple(unique(subject_of(anchor.head.head))))
    if PLOVER_QUAD.get(code.type) in COOPERATION_QUADS:
        return replace(item, code=Code("AGREE", AGREE_CAMEO.get(code.type, CAMEO_INTENT_TO_COOPERATE), None))
    threat = threat_intent(code)
    return replace(item, code=threat) if threat is not None else item


def _with_demands(sent: Span, found: list[Found], codes: dict[int, Code]) -> list[Found]:
    """Recode "said that Sudan must return the helicopter" as REQUEST from the speaker to Sudan.

    The content's own trigger (the verb, or the event noun it governs) becomes the demand's content; a content
    with no trigger ("must ensure security") is still a demand, coded at the reporting verb.
    """
    out = list(found)
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.head is tok or not is_reporting_verb(tok.head):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in tok.children):
            continue
        rep = tok.head
        speakers, addressed = subject_of(rep), subject_of(tok)
        if not speakers or not addressed:
            continue
        inner = {tok.i} | {c.i for c in tok.children if c.dep_ in ("dobj", "xcomp")}
        content = next((codes[i] for i in sorted(inner) if i in codes), None)
        demand = Code("REQUEST", CAMEO_DEMAND)
        code = refine_governing(demand, content) if content is not None else demand
        out = [f for f in out if f.trigger.i not in inner and f.anchor.i not in inner]
        out.append(Found(rep, code, tuple(unique(speakers)), tuple(unique(addressed)), rep, False,
                         rep.idx + len(rep.text)))
    return sorted(out, key=lambda f: f.trigger.i) if len(out) != len(found) or out != found else found
