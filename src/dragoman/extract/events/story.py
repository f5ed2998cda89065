"""One story's events read together: background is not news, a generic statement is no happening, and one
happening is coded once.

Sentence by sentence the rules code every mention of an event; an analyst reading the whole story codes each
happening once, and not the history the story recalls. ``story_events`` runs over a document's events after
they are coded (``dragoman.extract.extract_events``), in three steps:

1. **Background and plans** (``as_background``, ``as_planned``): an asserted event the text dates more than a year
   before the story's reference date becomes ``historical`` (PLOVER's mode for it; historical events are kept, but
   claim no current happening). The reference date is the publication date, else the latest date the story itself
   states in a past clause: a story that says "in March 2017" is at least that recent, so "the 2012 suit" is
   background even when the story states no date of its own. An act the text places in an earlier year and no
   finer ("last year", "in 2017" in a story of 2018, "two years ago") is background too: news tells its own
   happenings by the day. A clause told over years ("has plagued the region for years", "has long accused") or as a
   habit ("police routinely arrest protesters") is background too: a pattern, not a current happening (kept as
   historical, so a count of what police do still sees it). An asserted event the text dates after the publication
   date ("the planned April 9 rally") has not happened yet: it becomes ``future``.
2. **Generic statements** (``generic_mention``): a bare plural event noun (no determiner, number or possessor,
   no actor or recipient) in a present-tense clause ("Clashes are frequent in the region", "tolls are common in
   the aftermath of bombings") names a kind of happening, not one: it is dropped.
3. **One happening once** (``one_happening_once``): a later mention of a happening already coded (same type and
   modality; no actor or recipient country the first does not have; a compatible place and stated date; no word opening
   another incident: "another", "a separate") is dropped: "A car bomb killed 20 in Baghdad ... the blast ... the attack"
   is one ASSAULT, and so is "shelled El Fasher, killing 14 civilians" (an act on a town and its toll on the town's
   people: ``_town_and_its_people``). The first mention keeps the record, unless it names no party, when the first later
   mention that tells more (countries, parties, a stated date, a figure) takes its place (keeping the first one's means:
   "shelled"), or it is a headline's (title-case words, a poor parse: "Car Bomb Kills" as the actor), when the first
   body mention with the same countries does. A figure only a dropped mention states is added to the kept one (never
   summed: ``counts.counted_once`` then runs as before); one it gives otherwise is kept beside the kept one's, with its
   sentence and claimant (``Counts.also_stated``): sources that disagree are shown, not merged away.

Between steps 2 and 3, **a verbal or cooperative act with no party** (``partyless``) is dropped: "a deal", "the
talks", "criticism", "the demand" with neither an actor nor a recipient read anywhere in the story tell no one's
act; CAMEO and ACLED code no event without its first actor. Violence, protest, repression and deployments are
kept without parties: "a car bomb exploded in the market" is news with an unknown perpetrator (ACLED's
"unidentified armed group").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from ... import lexicon as lx
from ...casing import is_headline as headline
from ...model import Actor, Counts, Event, Place, StatedFigure
from ..actors.resolver import names_its_state
from .arguments import clause_verb, lemma_of, subject_of
from .attribution import is_reporting_verb
from .counts import parse_number
from .modality import is_historical
from .words import event_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["as_background", "as_planned", "family_contact", "generic_mention", "held_now", "match_play",
           "match_report", "one_happening_once", "partyless", "private_crime", "same_happening", "story_events",
           "tolls_folded"]

# Words that name a party already named (a mention with them names no one new).
_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "them", "him", "her", "his", "its", "their", "we", "us",
                              "our", "i", "you", "this", "that", "these", "those"})
_DETERMINERS: Final = frozenset({"det", "poss", "nummod", "predet"})
_COUNT_FIELDS: Final = ("dead", "injured", "arrested", "displaced")
# Types whose event is news even when no party is read: something happened to someone somewhere.
CODED_WITHOUT_PARTIES: Final = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})
_YEAR: Final = re.compile(r"\b(1[89]|20)\d\d\b")


def story_events(events: Sequence[Event], *, triggers: Mapping[str, Token], reference: str | None,
                 published: str | None = None) -> list[Event]:
    """The document's events (text order) with background marked historical, plans future, generic mentions
    dropped and each happening coded once. ``triggers``: event id -> trigger token (events without one are kept
    as they are); ``reference``: the story's reference date (publication date, else the latest date it states);
    ``published``: the publication date alone (only it says what has not happened yet)."""
    read = [as_planned(as_background(e, reference=reference, trigger=triggers.get(e.event_id),
                                     undated=published is None), reference=published)
            for e in events]
    kept = [e for e in read if not (e.event_id in triggers and (generic_mention(e, triggers[e.event_id])
                                                                 or held_now(e, triggers[e.event_id])))]
    kept = tolls_folded(kept, triggers=triggers)
    referring = frozenset(e.event_id for e in kept if e.event_id in triggers and refers_back(triggers[e.event_id]))
    in_match = bool(triggers) and match_report(next(iter(triggers.values())).doc)
    return one_happening_once([e for e in kept if not (e.event_id in triggers and (
        partyless(e, triggers[e.event_id]) or private_crime(e, triggers[e.event_id]) or family_contact(e)
        or (in_match and match_play(e))))],
        referring=referring)


def refers_back(trigger: Token) -> bool:
    """An event noun with a definite article ("to make the arrests", "the attack"), a participle describing a
    noun ("the arrested men", "a list of arrested persons") or a past perfect someone says ("said it had targeted"):
    a happening already told, when the story told one of its kind before."""
    if trigger.dep_ == "amod" and trigger.tag_ == "VBN":
        return True
    if _recounted(trigger) or _harmed_in_the_act(trigger):
        return True
    return trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                          for c in trigger.children)


def _harmed_in_the_act(trigger: Token) -> bool:
    """"At least 17 civilians were killed in the shelling": a toll of an act the story told ("the shelling"), no
    happening of its own."""
    return trigger.pos_ == "VERB" and any(
        prep.dep_ == "prep" and prep.lower_ in ("in", "during") and any(
            p.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in p.children)
            and lemma_of(p) in _ACT_NOUNS for p in prep.children if p.dep_ == "pobj")
        for prep in trigger.children)


# Nouns of a violent act a toll may be told "in": "killed in the shelling", "wounded in the attack".
_ACT_NOUNS: Final = frozenset({"attack", "shelling", "strike", "airstrike", "bombing", "blast", "explosion", "raid",
                               "assault", "fighting", "clash", "clashes", "shooting", "firing", "offensive",
                               "bombardment", "ambush"})


def _recounted(trigger: Token) -> bool:
    """A past perfect someone says ("The Israeli military said it had targeted a Hamas commander"): an account of
    what was done before the saying, the story's own happening told again, unless a word opens another incident
    ("had killed five others in a separate attack")."""
    return trigger.tag_ == "VBN" and trigger.dep_ == "ccomp" and is_reporting_verb(trigger.head) and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children) and not any(
        t.lower_ in event_words().new_incident_words for t in trigger.sent)


def tolls_folded(events: Sequence[Event], *, triggers: Mapping[str, Token]) -> list[Event]:
    """An attack and its toll told in one sentence are one happening: "attacked a church, killing 24 worshippers",
    "a bomb exploded near a convoy, killing three soldiers". The toll (an ASSAULT whose trigger is a participle
    clause of another ASSAULT's trigger, by the same doer or none named) is folded into the attack, which keeps its
    word, means and target and gains the toll's figures (and its victims, when it named no target)."""
    at_trigger: dict[int, list[int]] = {}  # trigger token -> its events (one per party of a split trigger)
    for index, event in enumerate(events):
        trigger = triggers.get(event.event_id)
        if trigger is not None and event.type == "ASSAULT":
            at_trigger.setdefault(trigger.i, []).append(index)
    out: list[Event | None] = list(events)
    for index, event in enumerate(events):
        trigger = triggers.get(event.event_id)
        if trigger is None or event.type != "ASSAULT" or not _toll_clause(trigger, event):
            continue
        # the attack by the same doer ("Kenya and Uganda shelled ..., killing 20": each doer's own attack)
        for at in at_trigger.get(trigger.head.i, ()):
            attack = out[at]
            if attack is not None and attack.modality == event.modality and (
                    attack.actor is None or _same_party(attack.actor, event.actor)):
                recipient = attack.recipient if attack.recipient is not None else event.recipient
                out[at] = replace(attack, counts=_filled_counts(attack.counts, event.counts), recipient=recipient)
                out[index] = None
                break
    return [e for e in out if e is not None]


# What a toll clause does to people: "killing 24", "wounding five", "injuring dozens".
_TOLL_VERBS: Final = frozenset({"kill", "wound", "injure", "maim", "leave"})


def _toll_clause(trigger: Token, event: Event) -> bool:
    """A participle clause telling an act's toll: "..., killing 24 worshippers" (not "while battling ISIS")."""
    return trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.lemma_ in _TOLL_VERBS \
        and not any(c.dep_ == "mark" for c in trigger.children) and event.recipient is not None


def partyless(event: Event, trigger: Token) -> bool:
    """A verbal or cooperative act with neither actor nor recipient: named by a noun whose clause names no doer either
    ("Settlement talks began", "a deal that..."), or by a verb whose subject names no party ("analysts blame the
    losses on fears of a recession"): nobody's act. A noun's clause with a subject ("the GNA announced a ceasefire")
    names the doer the argument rules missed: kept."""
    if event.actor is not None or event.recipient is not None or event.type in CODED_WITHOUT_PARTIES:
        return False
    if trigger.pos_ == "VERB":  # a common noun naming no one ("analysts", "shopkeepers"); a name may be a party
        return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not any(t.ent_type_ for t in c.subtree)
                   for c in trigger.children)
    if trigger.pos_ != "NOUN":
        return False
    verb = clause_verb(trigger)
    return verb.i == trigger.i or not any(
        c.dep_ in ("nsubj", "agent") and c.i != trigger.i and trigger not in c.subtree for c in verb.children)


# Sectors of a private person or of none read: an act between such is a crime, not political event data.
_PRIVATE_SECTORS: Final = frozenset({None, "CVL"})
_SEVERAL: Final = 3


def private_crime(event: Event, trigger: Token) -> bool:
    """An assault or threat done by one private person named by a word that says no more ("a man stabbed his
    neighbour", "the suspect threw a can at the driver") to a private person or thing: a crime between private
    people, which political event data does not code (docs/codebook.md, section 1). Bombs, acts on the state's
    people, doers named by their nation or faith ("an Israeli man") and acts that kill or wound several ("a man
    rammed a car into a crowd, killing 12": a motive is for the analyst to read) stay."""
    if event.type not in ("ASSAULT", "THREATEN") or event.mode in ("explosives", "suicide-attack") \
            or trigger.pos_ != "VERB" or (event.counts.dead or 0) + (event.counts.injured or 0) >= _SEVERAL:
        return False
    if any(side is not None and side.sector not in _PRIVATE_SECTORS for side in (event.actor, event.recipient)):
        return False
    doers = subject_of(clause_verb(trigger))
    private = event_words().private_persons
    return bool(doers) and all(
        d.tag_ == "NN" and lemma_of(d) in private and not any(
            m.ent_type_ in ("NORP", "ORG", "GPE") for c in d.children if c.i < d.i for m in c.subtree)
        for d in doers)


# A match's score: "beat Chelsea 2-1", "a 3-0 win" (not a date's or a range's digits: at most two on each side).
_SCORE: Final = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
# Sectors a team never has: an act by or on one of these is no play.
_PLAYING_SECTORS: Final = frozenset({None, "CVL", "BUS", "EDU"})
_MATCH_WORDS: Final = 2


def match_play(event: Event) -> bool:
    """A contest told in a match report ("Liverpool beat Chelsea 2-1", "Chelsea attacked relentlessly", "after
    clashing with a Liverpool defender"; ``match_report``): an assault, threat or coercion between sides no state,
    armed or political sector names is sport, not violence."""
    return event.type in ("ASSAULT", "THREATEN", "COERCE") and all(
        side is None or side.sector in _PLAYING_SECTORS for side in (event.actor, event.recipient))


def match_report(doc: Doc) -> bool:
    """A story with a score ("2-1") and the words of a match ("league", "scored")."""
    if not _SCORE.search(doc.text):
        return False
    words = event_words().sports_words
    return len({t.lower_ for t in doc if t.lower_ in words}) >= _MATCH_WORDS


# The possessives that make kin the doer's own ("her cousin", "his wife").
_OWN: Final = frozenset({"his", "her", "their", "my", "our"})


def family_contact(event: Event) -> bool:
    """A private person's call or meeting with their own kin ("Yulia had phoned her cousin Viktoria in Russia"): a
    family's contact, which political event data does not code. An official's stays (their sector is named), and
    so does a call on someone else's family ("met the father of the slain man": a condolence)."""
    if event.type != "CONSULT" or event.recipient is None or not event.recipient.text:
        return False
    if any(side is not None and side.sector not in _PRIVATE_SECTORS for side in (event.actor, event.recipient)):
        return False
    words = re.findall(r"[a-z]+", event.recipient.text.lower())
    return len(words) >= 2 and words[0] in _OWN and words[1] in event_words().kin_nouns



# --- background -------------------------------------------------------------------------------------------

def _stated_period(event: Event) -> str | None:
    """The period the text states for the event, at its precision ("2014-01-01" of year precision -> "2014")."""
    when = event.when
    if not when.text or not when.date:
        return None
    if when.precision == "year":
        return when.date[:4]
    if when.precision == "month":
        return when.date[:7]
    return when.date


def as_planned(event: Event, *, reference: str | None) -> Event:
    """An asserted event the text dates after the publication date (``reference``) has not happened yet ("the
    planned April 9 rally" in a story of March 20): ``future``. Not against a date the story states: "On March
    21, 2018 ... On March 22" tells two past days."""
    period = _stated_period(event)
    if event.modality != "asserted" or reference is None or period is None:
        return event
    return replace(event, modality="future") if period > reference[:len(period)] else event


def _told_over_years(trigger: Token) -> bool:
    """The event's clause is told over years: "for years", "for decades", "has long ..."."""
    periods = event_words().history_periods
    verb = clause_verb(trigger)
    for tok in (verb, trigger) if verb.i != trigger.i else (trigger,):
        for child in tok.children:
            # "for years", not a measured span ("suspended it for four years")
            if child.dep_ == "prep" and child.lower_ == "for" and any(
                    p.dep_ == "pobj" and p.lower_ in periods and not any(n.dep_ == "nummod" for n in p.children)
                    for p in child.children):
                return True
            if child.dep_ == "advmod" and child.lower_ == "long" and child.i < tok.i and tok.tag_ == "VBN" and any(
                    a.dep_ == "aux" and a.lemma_ == "have" for a in tok.children):
                return True
    return False


def as_background(event: Event, *, reference: str | None, trigger: Token | None = None,
                  undated: bool = False) -> Event:
    """``event`` marked ``historical`` when it is asserted and the text dates it more than a year before
    ``reference``, or tells it over years (needs the ``trigger``), or, in a text with no publication date
    (``undated``), dates it by a year alone; else unchanged."""
    period = _stated_period(event)
    if event.modality == "historical" and period is not None and reference is not None \
            and not is_historical(period, reference) and not _in_an_earlier_year(event, period, reference) \
            and not (trigger is not None and (_told_over_years(trigger) or _habitual(trigger))):
        # the sentence reading took "in 2017" for its first day; the whole year is what the text dates
        return replace(event, modality="asserted")
    if event.modality != "asserted":
        return event
    if (period is not None and is_historical(period, reference)) or _in_an_earlier_year(event, period, reference):
        return replace(event, modality="historical")
    if undated and period is not None and len(period) == 4 and _YEAR.search(event.when.text or ""):
        # no publication date to measure against: news tells its own happenings by the day ("on Monday"), and a
        # past act it dates by the year alone ("In 2009, the charges were dropped", "the 1991 agreement") is
        # background
        return replace(event, modality="historical")
    if trigger is not None and (_told_over_years(trigger) or _habitual(trigger) or _in_past_decade(trigger, reference)
                                or _cumulative(trigger)):
        return replace(event, modality="historical")
    return event


# The whole of a date's words that place it in an earlier year and no finer ("September last year" is a month).
_YEARS_BACK: Final = re.compile(
    r"(?:in )?(?:(?:last|the previous) year|(?:\w+ )?years? ago|a year (?:earlier|before)|the year before)",
    re.IGNORECASE)
_YEAR_UP_TO_NOW: Final = re.compile(r"(?:(?:in|over|during) )?the (?:past|last) year", re.IGNORECASE)


def _in_an_earlier_year(event: Event, period: str | None, reference: str | None) -> bool:
    """The text dates the event by an earlier year alone ("visited Riyadh last year", "in 2017" in a story of 2018,
    "two years ago"): news tells its own happenings by the day, and what it places only in a past year is
    background, even when less than a year may have passed."""
    said = (event.when.text or "").strip()
    if _YEARS_BACK.fullmatch(said):
        return True
    if _YEAR_UP_TO_NOW.fullmatch(said):
        return False  # "over the past year": the twelve months up to the story, read as the calendar year before
    return period is not None and len(period) == 4 and reference is not None and period < reference[:4]


# Numbers only a running tally is told in: "thousands of people have been killed" (not "dozens", said of a day).
_VAGUE_MULTITUDES: Final = frozenset({"thousands", "millions"})


def _cumulative(trigger: Token) -> bool:
    """A toll or tally kept since something began, in the present perfect ("Israel's offensive has since killed more
    than 40,000 Palestinians", "have been arrested since the protests began"): the sum of a long campaign, not a
    happening of the story's day. A date after "since" is left to the date reader ("have killed 30 since
    Monday" is the story's own happening)."""
    verb = clause_verb(trigger)
    if not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
               for c in verb.children):
        return False
    counted = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for t in c.subtree]
    if any(t.lower_ in _VAGUE_MULTITUDES for t in counted) and not any(t.ent_type_ in ("DATE", "TIME")
                                                                      for t in verb.subtree):
        return True  # "thousands of people have been killed": a war's running toll, no day of its own
    if not any(t.ent_type_ == "CARDINAL" for t in verb.subtree):
        return False  # "Wang has since been charged": one happening since, no tally
    return any((c.dep_ == "advmod" and c.lower_ == "since") or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in c.children)) for c in verb.children)


_DECADE = re.compile(r"^(?:(1[0-9]|20)(\d)0|'?(\d)0)s$")


def _in_past_decade(trigger: Token, reference: str | None) -> bool:
    """The event's clause is dated by a decade over before the reference year: "sent troops in the 1970s", "since the
    '90s" (the date reader resolves no decade to a date)."""
    if reference is None:
        return False
    verb = clause_verb(trigger)
    for tok in (verb, trigger) if verb.i != trigger.i else (trigger,):
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "since", "by"):
                continue
            for year in prep.children:
                found = _DECADE.match(year.text)
                if year.dep_ != "pobj" or found is None:
                    continue
                century, decade, short = found.groups()
                start = int(century) * 100 + int(decade) * 10 if century else 1900 + int(short) * 10
                if start + 10 < int(reference[:4]):
                    return True
    return False


# --- generic statements -----------------------------------------------------------------------------------

def _habitual(trigger: Token) -> bool:
    """A clause told as a habit: in the present with a habit's adverb or a rate of time ("lawmakers traditionally
    don't meet on Fridays", "one person a year is killed"), in any tense with an adverb of how often ("police often
    arrested protesters")."""
    verb = clause_verb(trigger)
    if any(c.dep_ == "advmod" and c.lower_ in _HABIT_ANY_TENSE for tok in (verb, trigger) for c in tok.children):
        return True  # "the regulator was sometimes criticised", "police often arrested protesters"
    if verb.tag_ not in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                                   for c in verb.children):
        return False
    habitual = event_words().habitual_adverbs
    return any((c.dep_ == "advmod" and c.lower_ in habitual) or _per_period(c)
               for tok in (verb, trigger) for c in tok.children)


# Adverbs of a habit in any tense; not "constantly", "repeatedly" or "regularly", which in the past tell a series
# of happenings ("Russian forces constantly shelled Kharkiv last week").
_HABIT_ANY_TENSE: Final = frozenset({"sometimes", "often", "occasionally", "usually", "typically", "normally",
                                     "generally", "rarely", "seldom", "traditionally", "customarily", "habitually",
                                     "ordinarily", "commonly"})


_PERIODS: Final = frozenset({"day", "week", "month", "year", "decade", "night", "weekend", "summer", "winter"})


def _per_period(word: Token) -> bool:
    """A rate of time: "one person a year is killed", "are arrested every week", "each summer"."""
    return word.dep_ in ("npadvmod", "advmod", "nmod") and word.lemma_.lower() in _PERIODS and any(
        d.dep_ == "det" and d.lower_ in ("a", "an", "every", "each", "per") for d in word.children)


# Modifiers that make an event noun a custom, not one happening ("frequent visits"; not "repeated attacks" or
# "sporadic clashes", told of one stretch of time).
_CUSTOMARY: Final = frozenset({"frequent", "regular", "routine", "usual", "periodic", "customary", "habitual"})


def generic_mention(event: Event, trigger: Token) -> bool:
    """A bare plural event noun in a present-tense clause: a kind of happening, not one ("Clashes are frequent",
    "common in the aftermath of bombings"); or an event noun told as a custom ("making frequent visits to the
    region", "regular meetings of the council"), whoever holds it."""
    if trigger.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in _CUSTOMARY for c in trigger.children):
        return True  # "the council's regular meeting on April 6" is one
    if _a_trend(trigger):
        return True
    if event.actor is not None or event.recipient is not None or event.counts != Counts():
        return False
    if trigger.tag_ != "NNS" or any(c.dep_ in _DETERMINERS for c in trigger.children):
        return False
    verb = clause_verb(trigger)
    if verb.i == trigger.i or verb.tag_ not in ("VBZ", "VBP"):
        return False
    # "have been killed", "will continue": an auxiliary tells a time, the clause reports something
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# Verbs that tell how a kind of happening goes over time: "violence has surged since the coups".
_TREND_VERBS: Final = frozenset({"surge", "rise", "increase", "grow", "escalate", "worsen", "spike", "soar", "decline",
                                 "fall", "drop", "decrease", "spread", "persist", "subside", "ease", "abate"})


def _a_trend(trigger: Token) -> bool:
    """An event noun with no article as the subject of a verb of trend in the present or present perfect, no day
    told ("Jihadist violence has surged since the coups", "attacks are rising"): how a kind of happening goes,
    not a happening. "Fighting escalated in Khartoum on Sunday" is one."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or verb.lemma_ not in _TREND_VERBS or any(c.dep_ == "det" for c in trigger.children):
        return False
    present = verb.tag_ in ("VBZ", "VBP", "VBG") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")
                                                        for c in verb.children)
    return present and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


# Verbs whose present passive tells who is in custody, not who was taken into it ("ten journalists are imprisoned").
_CUSTODY_STATES: Final = frozenset({"imprison", "jail", "detain", "incarcerate", "intern", "hold"})


def held_now(event: Event, trigger: Token) -> bool:
    """A present passive of custody with no date ("at least ten journalists are imprisoned in Azerbaijan"): a
    state of things, as "X is serving a sentence" is; a headline's present ("Six Are Detained in Baku") reports."""
    if trigger.lemma_ not in _CUSTODY_STATES or trigger.tag_ != "VBN" or any(
            t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree):
        return False
    auxiliaries = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries) \
        and len(auxiliaries) == 1 and not headline(event.evidence.sentence)


# --- one happening once -----------------------------------------------------------------------------------

def _country(actor: object) -> str | None:
    return getattr(actor, "country", None)


def _parties(event: Event) -> tuple[str | None, str | None]:
    return _country(event.actor), _country(event.recipient)


def _within(parties: tuple[str | None, str | None], of: tuple[str | None, str | None]) -> bool:
    """Every country ``parties`` names is the one ``of`` names in the same role."""
    return all(mine is None or mine == theirs for mine, theirs in zip(parties, of))


def _pronoun(actor: Actor | None) -> bool:
    return actor is not None and actor.text.lower() in _PRONOUNS


# Words two mentions of different people share: numbers and quantities ("four men", "four gunmen").
_COMMON_WORDS: Final = frozenset({"three", "four", "five", "seven", "eight", "nine", "eleven", "twelve", "twenty",
                                  "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
                                  "dozen", "dozens", "scores", "several", "many", "some", "other", "others", "more",
                                  "people", "persons", "those", "these", "their", "with", "from", "least", "about"})


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())} - _COMMON_WORDS


# A person named again by a role with "the" and at most two describing words ("the victim", "the unemployed
# man"): no one new, as a pronoun. Not "the other man", "the second victim".
_REFERRING_ROLE: Final = re.compile(
    r"the (?!(?:other|second|third|fourth|another|new|latest|first)\b)(?:[\w-]+ ){0,2}"
    r"(?:victims?|man|men|woman|women|boy|girl|teenager|suspects?|attackers?|assailants?|gunm[ae]n|driver|couple)",
    re.IGNORECASE)


def _same_party(kept: Actor | None, other: Actor | None) -> bool:
    """``other`` names no one ``kept`` does not: absent, a pronoun or a role with "the" alone ("the victim"), the
    same name, an implied side of the same country, the same country's state or government, or a mention of the
    same country sharing a word ("Avoyelles task force", "Task Force officers")."""
    if other is None or _pronoun(other):
        return True
    if kept is not None and any(_REFERRING_ROLE.fullmatch(side.text) for side in (kept, other)) and (
            None in (kept.country, other.country) or kept.country == other.country):
        return True  # either way: the mention that tells more may be the one with the role
    if kept is None:
        return False
    if (other.name is not None and other.name == kept.name) or other.text.lower() == kept.text.lower():
        return True
    if other.country is None or other.country != kept.country:
        return False
    if _victim_count(kept) and _victim_count(other):
        return True  # "20 people" killed, then "35 people" wounded, "14": one attack's toll told in parts
    if (_victim_count(kept) and _uncounted_civilians(other)) or (_victim_count(other) and _uncounted_civilians(kept)):
        return True  # "killed at least 20 civilians" ... "shot residents": the same people, named again
    if other.start is None:  # an implied side ("police (USA, implied)") is inferred, not named: no one new
        return True
    # "U.S." and "the United States", "Ukraine" and "the Ukrainian government": the state and its government
    if (names_its_state(kept) or names_its_state(other)) and {kept.sector, other.sector} <= {None, "GOV"}:
        return True
    return bool(_words(other.text) & _words(kept.text))


# Words for people a count may name ("35 people", "at least 20 civilians"); the count itself is parse_number's.
_PEOPLE_WORDS: Final = frozenset({"people", "persons", "civilians", "others", "residents", "passengers", "villagers",
                                  "worshippers", "bystanders", "person", "civilian", "resident", "villager",
                                  "inhabitants", "locals"})


def _named_by(side: Actor | None, of: Actor | None) -> bool:
    """``side`` is absent, a pronoun, implied (no words of the text: "(LBN, implied)"), or the very mention ``of`` is
    (the same words)."""
    return side is None or _pronoun(side) or side.start is None or (
        of is not None and side.text.lower() == of.text.lower())


def _town_and_its_people(kept: Event, other: Event) -> bool:
    """One mention tells the act done to a town ("shelled El Fasher": the town its recipient, or none but the town
    its place) and the other its toll on the town's people ("killing 14 civilians", of the town's country): one
    happening told twice."""
    return (_done_to_its_place(kept) and _people_there(other, kept)) or \
        (_done_to_its_place(other) and _people_there(kept, other))


def _toll_where_it_was_done(kept: Event, other: Event) -> bool:
    """The later mention is a toll with no doer, of people counted ("24 Kurdish fighters have been killed in the
    clashes in Afrin"), stated at the place the attack was done and of the attacked side's country, not the
    attacker's (a clash within one people may be another happening of the story): its toll."""
    if kept.type != "ASSAULT" or other.actor is not None or other.recipient is None or kept.location is None:
        return False
    words = other.recipient.text.split()
    counted = any(parse_number(" ".join(words[:n])) is not None for n in (1, 2, 3) if len(words) >= n)
    here = other.location  # named in the toll's own sentence ("killed in the attacks on Kharkiv")
    victims = other.recipient.country
    return counted and here is not None and here.name == kept.location.name \
        and here.name in other.evidence.sentence and victims is not None \
        and victims == (_country(kept.recipient) or kept.location.country) and victims != _country(kept.actor)


def _visit_and_its_hosts(kept: Event, other: Event) -> bool:
    """One mention is a visit to a place ("made an official visit to Prague") and the other a meeting with people of
    that place's country ("met with the president ... of the Czech Republic"): one visit told twice."""
    return any(visit.mode == "visit" and _done_to_its_place(visit) and meeting.recipient is not None
               and meeting.recipient.country == visit.location.country
               for visit, meeting in ((kept, other), (other, kept)) if visit.location is not None)


def _done_to_its_place(event: Event) -> bool:
    side, place = event.recipient, event.location
    return place is not None and place.country is not None and (
        side is None or place.name in (side.name, side.text) or _a_settlement(side))


def _a_settlement(side: Actor) -> bool:
    """A side that is a place people live in, no party of its own ("the village of Kishishe", "a nearby town"): a
    settlement word of ``place_words.yaml`` in its text."""
    nouns = lx.place_words().settlement_nouns
    return side.sector is None and any(w in nouns or w.rstrip("s") in nouns for w in side.text.lower().split())


def _people_there(event: Event, act: Event) -> bool:
    side, place = event.recipient, act.location
    return side is not None and side.sector == "CVL" and place is not None and side.country == place.country \
        and event.location == place and place.name not in (side.name, side.text)


def _uncounted_civilians(actor: Actor) -> bool:
    """Civilians named with no count and no name of their own ("residents", "villagers", "the civilians")."""
    words = actor.text.lower().split()
    return actor.sector == "CVL" and bool(words) and words[-1] in _PEOPLE_WORDS and not any(
        parse_number(word) is not None for word in words)


def _victim_count(actor: Actor) -> bool:
    """A side named only by a count of people ("35 people", "14", "at least 20 civilians"): a toll, not a party."""
    if actor.sector not in (None, "CVL"):
        return False
    words = actor.text.split()
    if words and words[-1].lower() in _PEOPLE_WORDS:
        words = words[:-1]
    return bool(words) and parse_number(" ".join(words)) is not None


def _stated_place(event: Event) -> Place | None:
    """The event's place when its own sentence names it; a place taken from the rest of the story (its main place,
    the dateline) is the coder's guess, which no other mention's stated place contradicts."""
    place = event.location
    if place is None or place.start is None or place.end is None:
        return place  # no offsets to tell where it was read: taken as stated
    return place if event.evidence.start <= place.start and place.end <= event.evidence.end else None


def _places_agree(first: Place | None, later: Place | None) -> bool:
    """The same place, or a country and a place in it (another town is another happening)."""
    if first is None or later is None or first.geonameid == later.geonameid:
        return True
    return any(wide.precision == "country" and wide.country is not None and wide.country == narrow.country
               for wide, narrow in ((first, later), (later, first)))


def _dates_agree(first: Event, later: Event) -> bool:
    """No two stated dates that differ (a month and a day in it agree). "Since December" dates when a state of
    things began, not the happening: it agrees with any date."""
    if any((e.when.text or "").lower().startswith("since") for e in (first, later)):
        return True
    a, b = _stated_period(first), _stated_period(later)
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def same_happening(kept: Event, other: Event, *, parties_by_country: bool = False) -> bool:
    """``other`` may be another mention of ``kept`` (and be dropped): same type and modality, no party ``kept``
    lacks, places and stated dates that agree, in the same sentence only when bare, and no word of the later
    sentence opening another incident ("another", "separate"). Copies of one trigger split per conjoined party
    are one happening only when they name the same countries (of different countries they are CAMEO's dyads)."""
    if kept.type != other.type or kept.modality != other.modality:
        return False
    if kept.evidence.trigger_start == other.evidence.trigger_start:
        # copies of one trigger split per conjoined party ("lawyers and activists were arrested") are one
        # happening when they name the same countries; of different countries they are CAMEO's dyads
        return _parties(kept) == _parties(other) and _parties(kept) != (None, None)
    town = (_town_and_its_people(kept, other) or _visit_and_its_hosts(kept, other)
            or _toll_where_it_was_done(kept, other)) \
        and _same_party(kept.actor, other.actor) and kept.actor is not None
    # a pronoun's country is its antecedent's, already named: it adds no party
    if not town and not _within((None if _pronoun(other.actor) else _country(other.actor),
                                 None if _pronoun(other.recipient) else _country(other.recipient)), _parties(kept)):
        return False
    if not (town or parties_by_country or (_same_party(kept.actor, other.actor)
                                           and _same_party(kept.recipient, other.recipient))):
        return False
    if not (_places_agree(_stated_place(kept), _stated_place(other)) and _dates_agree(kept, other)):
        return False
    if kept.evidence.start == other.evidence.start:
        # within a sentence the coder already keeps one event per dyad: only a mention naming no one the other
        # does not ("launched a lawsuit against the police, alleging ..."), or the toll of the act on a town
        # ("shelled El Fasher, killing 14 civilians")
        return town or all(_named_by(side, of) for side, of in ((other.actor, kept.actor),
                                                               (other.recipient, kept.recipient)))
    later = max(kept, other, key=lambda e: e.evidence.start)
    # a word of the mention's own date opens nothing ("launched a lawsuit earlier this year", told twice)
    opening = (_sentence_words(later.evidence.sentence) - _sentence_words(later.when.text or "")) \
        & event_words().new_incident_words
    if _toll_only(later):
        opening -= _MORE_OF_THE_SAME  # "35 people also were wounded": more of the same toll
    return not opening


def _referred(kept: Sequence[Event], event: Event) -> int | None:
    """The index of the latest kept happening a referring mention agrees with: same type and modality, the same
    means unless the mention names none ("a suicide bombing" ... "the attack"), no country it does not name in the
    same role but a doer the happening had none for ("Islamic State claimed responsibility for the attack"), places
    and stated dates that agree. Only when none agrees so, a happening that named no one it was done to takes the
    mention's ("Rebels attacked the village ... 30 people were killed in the attack")."""
    for open_recipient in (False, True):
        for index in range(len(kept) - 1, -1, -1):
            held = kept[index]
            actor, recipient = _parties(event)
            if open_recipient and held.recipient is not None:
                continue
            if held.type == event.type and held.modality == event.modality and event.mode in (held.mode, None) \
                    and _within((None if held.actor is None else actor, None if open_recipient else recipient),
                                _parties(held)) \
                    and _places_agree(_stated_place(held), _stated_place(event)) and _dates_agree(held, event):
                return index
    return None


# Words that open another incident, except after a toll: "35 people also were wounded" adds to the same attack's.
_MORE_OF_THE_SAME: Final = frozenset({"also", "additional", "further"})


def _toll_only(event: Event) -> bool:
    """A mention with no doer whose only side is a count of people: a toll ("14 were wounded")."""
    return event.actor is None and event.recipient is not None and _victim_count(event.recipient)


@lru_cache(maxsize=1024)
def _sentence_words(sentence: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", sentence))


def _told(event: Event) -> tuple[int, int, bool, bool]:
    """How much a mention tells: the countries of its parties, then its parties, a stated date, a figure."""
    return (sum(c is not None for c in _parties(event)),
            (event.actor is not None) + (event.recipient is not None), _stated_period(event) is not None,
            not event.counts.is_empty())


def _merged_counts(kept: Event, other: Event) -> Counts:
    """``kept``'s figures, with a figure only ``other`` states added (never summed: one happening's toll), and each
    figure ``other`` states that ``kept`` did not state so kept with its sentence and claimant (``StatedFigure``):
    two mentions' tolls that differ are two claims ("82 killed, officials said" ... "75 killed there, the Red Cross
    said"), and an added figure keeps who gave it."""
    mine, theirs = kept.counts, other.counts
    differing = tuple(
        StatedFigure(f, value, other.attribution.text if other.attribution else None, other.evidence.sentence,
                     other.evidence.start, other.evidence.end)
        for f in _COUNT_FIELDS
        if (value := getattr(theirs, f)) is not None and getattr(mine, f) != value)
    return _filled_counts(mine, theirs, differing=differing)


def _filled_counts(mine: Counts, theirs: Counts, *, differing: tuple[StatedFigure, ...] = ()) -> Counts:
    """``mine`` with the figures only ``theirs`` states ("killing 24" told by another word of one sentence), and
    ``differing`` kept beside its own."""
    added = {f: value for f in _COUNT_FIELDS if getattr(mine, f) is None and (value := getattr(theirs, f)) is not None}
    also = tuple(dict.fromkeys(mine.also_stated + differing + theirs.also_stated))
    if not added and also == mine.also_stated:
        return mine
    bounds = mine.bounds + tuple(b for b in theirs.bounds if b[0] in added)
    return replace(mine, bounds=bounds, also_stated=also, **added)


def _named(mine: Actor | None, theirs: Actor | None) -> Actor | None:
    """A side the record only implied named by another mention of the happening, of the same country ("was
    detained on Monday": police implied ... "police officers arrested him")."""
    if mine is not None and mine.start is None and theirs is not None and theirs.start is not None \
            and not _pronoun(theirs) and mine.country == theirs.country:
        return theirs
    return mine


def _taking_over(later: Event, earlier: Event) -> Event:
    """``later`` in place of ``earlier``, one happening's mentions: its parties, with the figures, a finer place and
    a stated date only ``earlier`` gives kept ("arrested 14 in Cottonport on Monday" ... "Task Force officers
    arrested 14")."""
    place, when = later.location, later.when
    if earlier.location is not None and (place is None or (
            place.precision == "country" and earlier.location.precision != "country"
            and earlier.location.country == place.country)):
        place = earlier.location
    if not when.text and earlier.when.text:
        when = earlier.when
    # the means only the act's own word tells ("shelled": heavy weapons) stays when its toll takes over ("killing")
    mode, cameo = (earlier.mode, earlier.cameo) if later.mode is None and earlier.mode is not None else (
        later.mode, later.cameo)
    return replace(later, counts=_merged_counts(later, earlier), location=place, when=when, mode=mode, cameo=cameo,
                   actor=_described(later.actor, earlier.actor), recipient=_described(later.recipient,
                                                                                      earlier.recipient))


def _described(mine: Actor | None, theirs: Actor | None) -> Actor | None:
    """A side named only by a role with "the" ("the victim") described by the other mention ("a young woman"), or
    only by "the" and the word the other mention ends in ("the rebels" of "Rwanda-backed M23 rebels")."""
    if mine is None or theirs is None or theirs.start is None or _pronoun(theirs):
        return mine
    if _REFERRING_ROLE.fullmatch(mine.text) and not _REFERRING_ROLE.fullmatch(theirs.text):
        return theirs
    words = mine.text.lower().split()
    if len(words) == 2 and words[0] == "the" and theirs.text.lower().endswith(f" {words[1]}") \
            and theirs.country == mine.country:
        return theirs
    return mine


def _filled_from(held: Event, later: Event) -> Event:
    """``held`` with what only a later mention of it tells: its figures, its sides where ``held`` names none, a
    stated date and a finer place ("Police shooting ruled justified" ... "the fatal police shooting of Bell on
    Jan. 23")."""
    filled = _taking_over(held, later)  # held's own parties and word, the later mention's date and place if finer
    return replace(filled, actor=_named(held.actor, later.actor) if held.actor is not None else later.actor,
                   recipient=_named(held.recipient, later.recipient))


def _body_after_headline(event: Event, held: Event) -> bool:
    return headline(held.evidence.sentence) and not headline(event.evidence.sentence)


def one_happening_once(events: Sequence[Event], *, referring: Collection[str] = ()) -> list[Event]:
    """Each happening once, in text order: the first mention keeps the record and a later one of the same
    happening is dropped (a figure only it states carried over); a first mention that names no party gives way
    to a later one that tells more (``_told``: countries, parties, a date, a figure). ``referring``: ids of
    mentions that refer back ("the arrests"): the latest earlier happening of their kind they agree with is theirs,
    whoever it names as doer.
    """
    kept: list[Event] = []
    for event in events:
        if event.event_id in referring and (index := _referred(kept, event)) is not None:
            kept[index] = _filled_from(kept[index], event)
            continue
        for index, held in enumerate(kept):
            if held.type != event.type or held.modality != event.modality:
                continue  # cheap test first: a long story has hundreds of events
            told, held_told = _told(event), _told(held)
            # as telling as a headline's mention, the body's takes over (its date and place are the story's own)
            if (told < held_told or told == held_told and not _body_after_headline(event, held)) \
                    and same_happening(held, event):
                kept[index] = replace(held, counts=_merged_counts(held, event), actor=_named(held.actor, event.actor),
                                      recipient=_named(held.recipient, event.recipient))
                break
            # a first mention gives way to a later one of the same happening that tells more (parties, their
            # countries: "task force arrests 14" ... "Task Force officers arrested 14 in Cottonport"), a headline's
            # to the first in the body that names its countries (a headline's parse is poor: "Car Bomb Kills")
            # (a later mention as telling as the first that names a side the first left unnamed takes over too)
            if (told >= held_told and same_happening(event, held)) or (
                    _body_after_headline(event, held) and same_happening(event, held, parties_by_country=True)):
                kept[index] = _taking_over(event, held)
                break
        else:
            kept.append(event)
    return kept
