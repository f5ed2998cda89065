"""PLOVER's auxiliary modes for one event: asserted, future, hypothetical, negated, historical.

Read from the dependency parse around the event's anchor (the trigger verb, or the verb that governs an
event noun) and from the event's date against the publication date. Precedence, strongest first:
a condition ("if the rebels do not disarm") > negation > modal/question hypothetical > future > historical.
Obligations and tasks are hypothetical too ("has to arrest", "need to", "a duty to detain", "difficult to
arrest"; past "had to fire" stays asserted), as are "in case ..." and inverted conditions ("had he been
detained"). An event noun no verb governs takes the modality of its clause's verb ("arrest can be considered").

The word lists (future and hypothetical governors, non-factive adjectives, task nouns, negating governors,
reporting and announcing verbs) are in ``lexicon/event_words.yaml``; modals, condition marks and negation words,
closed classes, are here. ``read_modality`` gives the modality with the evidence ``coding.choose_code`` weighs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from ...model import Modality
from .arguments import caused_clause, is_infinitive
from .words import event_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CONDITION_MARKS: Final = frozenset({"if", "unless", "whether", "lest"})
HYPOTHETICAL_AUX: Final = frozenset({"could", "may", "might", "should", "would", "can", "must", "ought"})
FUTURE_AUX: Final = frozenset({"will", "shall", "'ll", "wo"})
NEGATING_WORDS: Final = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "none", "nothing"})
# Clause links we follow upwards from the anchor when looking for the governing predicate.
_UP_DEPS: Final = frozenset({"xcomp", "acomp", "conj", "pcomp"})
HISTORICAL_DAYS: Final = 365


def _period_end(value: str) -> date | None:
    """Last day of an ISO date / month / year ("2022" -> 2022-12-31), or None when unreadable."""
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def is_historical(event_date: str | None, published: str | None) -> bool:
    """True when the whole period of ``event_date`` ends more than a year before ``published``."""
    if not event_date or not published:
        return False
    end, pub = _period_end(event_date), _period_end(published)
    if end is None or pub is None:
        return False
    return (pub - end).days > HISTORICAL_DAYS


def _chain(anchor: Token) -> list[Token]:
    """The anchor and the predicates it is a complement of (xcomp/conj chains), nearest first."""
    out = [anchor]
    tok = anchor
    for _ in range(6):  # bounded: parses are shallow, and cycles are impossible but cheap to guard
        # what a causing verb made happen is as real as the causing ("is meant to push Israel to open the border")
        if (tok.dep_ not in _UP_DEPS and not caused_clause(tok)) or tok.head is tok:
            break
        tok = tok.head
        if tok.dep_ == "prep":  # "accused of attacking": pcomp -> prep -> verb
            tok = tok.head
        out.append(tok)
    return out


# Links inside a noun phrase, climbed from an event noun no verb governs directly to its clause's verb.
_NP_DEPS: Final = frozenset({"pobj", "prep", "conj", "appos", "compound", "nmod"})


def _clause_verb(noun: Token) -> Token:
    """The verb of the clause an event noun sits in ("actions, including arrest, can be considered"), else the noun.

    The noun phrase is climbed (bounded) up to its head noun's verb; a noun heading no clause stays its own anchor.
    """
    tok = noun
    for _ in range(6):
        if tok.head is tok or tok.dep_ not in _NP_DEPS | {"nsubj", "nsubjpass", "dobj", "attr"}:
            return noun
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":  # "including", "following": prepositions
            return tok
    return noun


def harm_it_did(cause: Token) -> Token | None:
    """The harm verb an act noun is told as the cause of ("injured in the firing", "killed in the attack"), or
    None."""
    prep = cause.head
    if cause.dep_ != "pobj" or prep.lower_ not in ("in", "during") or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in event_words().harm_verbs else None


def denied_here(tok: Token) -> bool:
    """A negation on ``tok`` itself: "not", "never", a negated subject or object ("no one was hurt"), or the negated
    noun of its participle (a headline's "No one injured in home invasion")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and (tok.head.lower_ in ("nobody", "none") or any(
            g.dep_ == "det" and g.lower_ == "no" for g in tok.head.children)):
        return True
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in NEGATING_WORDS):
            return True
        # "No arrests were made", "no one was detained": a negated subject or object
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in child.children
        ):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("nobody", "none", "nothing"):
            return True
        # "not a single activist was arrested", "not one person was detained": the subject is negated
        if child.dep_ in ("nsubj", "nsubjpass") and any(
                g.dep_ == "neg" or (g.dep_ in ("nummod", "amod") and any(n.dep_ == "neg" for n in g.children))
                for g in child.children):
            return True
    return False


def _unrealized_infinitive(tok: Token) -> bool:
    """An infinitive that names a task or its means, not a deed: "a duty to apprehend", "difficult to arrest",
    "could not build a case to arrest anyone", "no money to help pay".

    The clause hangs from a task noun (acl) or is the complement of a non-factive adjective; intention adjectives
    ("ready to sign") are left to the future rules.
    """
    if not is_infinitive(tok) or tok.head is tok:
        return False
    head = tok.head
    if tok.dep_ in ("acl", "relcl") and (head.lemma_ in event_words().task_nouns
                                         or head.lemma_ in event_words().request_nouns):
        return True
    if tok.dep_ == "advcl" and head.pos_ == "NOUN" and head.lemma_ in event_words().request_nouns:
        return True  # "renewed calls for Israel to accept ...", the infinitive parsed as the noun's clause
    return tok.dep_ in ("advcl", "xcomp", "ccomp") and head.lower_ in event_words().non_factive_adjectives


def _done_in_past(governor: Token) -> bool:
    """"were able to arrest", "have been able to arrest": in the past, with no modal, what was possible was done."""
    if governor.lemma_ not in event_words().implicative_when_past or governor.dep_ != "acomp":
        return False
    be = governor.head
    auxiliaries = [c for c in be.children if c.dep_ == "aux"]
    if any(a.tag_ == "MD" for a in auxiliaries):
        return False  # "would have been able to", "will be able to"
    return be.tag_ == "VBD" or (be.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries))


def _obligation(tok: Token, complement: Token) -> bool:
    """'have/has to arrest': an obligation; past "had to fire" reports what was done and stays asserted."""
    return (tok.lemma_ == "have" and complement.dep_ == "xcomp" and is_infinitive(complement)
            and tok.tag_ != "VBD" and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in tok.children))


def _inverted_condition(tok: Token) -> bool:
    """A subordinate clause opened by its auxiliary: "had Singhal been detained", "were the police to act"."""
    if tok.dep_ == "ROOT":
        return False
    subjects = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
    for aux in tok.children:
        if aux.dep_ in ("aux", "auxpass") and aux.lower_ in ("had", "were", "should") and subjects \
                and aux.i < min(subjects):
            # only a complementizer may precede: "(believe) that had he been detained ..."
            return all(t.lower_ == "that" or t.dep_ in ("mark", "punct") for t in tok.doc[tok.left_edge.i:aux.i])
    return False


def _is_condition(tok: Token) -> bool:
    """True when ``tok`` heads a condition clause ("if the rebels do not disarm", "in case they arrest him")."""
    if tok.dep_ in ("acl", "relcl") and tok.head.lemma_ in event_words().condition_nouns and tok.head.dep_ == "pobj" \
            and tok.head.head.lower_ == "in":
        return True
    return (tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children)) \
        or _inverted_condition(tok)


def _has_condition(tok: Token) -> bool:
    """True when ``tok`` is the consequence of an "if"/"unless" clause ("would attack if ...")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in tok.children)


def _awaited(tok: Token) -> bool:
    """An "until" or "before" clause of an act still to come or refused ("vowed to stay in the square until the
    troops were withdrawn", "will not talk until the army withdraws", "must agree to reforms before they
    demobilize"): what it waits for has not happened. Of a past act ("fought until the troops withdrew") it has."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("until", "till", "before")
                                      for c in tok.children):
        return False
    head = tok.head
    return is_infinitive(head) or any(c.dep_ == "neg" for c in head.children) or _unrealized(_chain(head)) is not None


def _in_condition(chain: list[Token]) -> bool:
    return any(_is_condition(tok) or _has_condition(tok) for tok in chain)


def _governed_by(tok: Token, verbs: frozenset[str]) -> bool:
    """True when ``tok`` sits (at most four clauses down) in a complement of one of ``verbs``."""
    for _ in range(4):
        if tok.dep_ in ("ccomp", "xcomp", "conj") and tok.head is not tok:
            tok = tok.head
            if tok.lemma_ in verbs:
                return True
        else:
            return False
    return False


def _under_reporting(tok: Token) -> bool:
    """True when ``tok`` is (in) the content clause of a speech verb: backshifted "would" means future."""
    return _governed_by(tok, event_words().reporting_verbs)


@dataclass(frozen=True, slots=True)
class ModalityReading:
    """An event's modality and the evidence that may turn its code into an intent (``coding.choose_code``)."""

    modality: Modality
    announced: bool  # under a speech act of announcement ("said they would boycott")
    conditional_consequence: bool  # the consequence of an if/unless clause ("will withdraw unless ...")
    denied: bool  # negated by a denial ("denied attacking") or an absence ("no order"), not the actor's refusal


def read_modality(anchor: Token, *, nominal: Token | None = None, sentence: Span | None = None,
                  event_date: str | None = None, published: str | None = None) -> ModalityReading:
    """The modality of the event anchored at ``anchor`` (see ``modality_for``) and the evidence about its intent."""
    return ModalityReading(
        modality=modality_for(anchor, nominal=nominal, sentence=sentence, event_date=event_date, published=published),
        announced=under_announcement(anchor),
        conditional_consequence=conditional_consequence(anchor),
        denied=denied(anchor),
    )


def modality_for(anchor: Token, *, nominal: Token | None = None, sentence: Span | None = None,
                 event_date: str | None = None, published: str | None = None) -> Modality:
    """The modality of the event anchored at verb ``anchor`` (``nominal``: the event noun, if any)."""
    proposed: Modality | None = None
    if nominal is not None and _presupposed(nominal):
        return "historical" if is_historical(event_date, published) else "asserted"
    if nominal is not None:
        if anchor.i == nominal.i:
            anchor = _clause_verb(nominal)
        proposed = _proposed(anchor, nominal)
        anchor = _occurrence(anchor, nominal)
    chain = _chain(anchor)
    if _in_condition(chain) or _awaited(anchor):
        return "hypothetical"
    # "no one was hurt in the blast": the harm is denied, not the blast
    harm_denied_only = nominal is not None and (harm := harm_it_did(nominal)) is not None and harm.i == anchor.i
    if _negated(anchor, chain[1:] if harm_denied_only else chain, nominal):
        return "negated"
    sent = sentence if sentence is not None else anchor.sent  # Token.sent rescans the doc: pass it when known
    if sent.text.rstrip().endswith("?"):
        return "hypothetical"
    unreal = _unrealized(chain)
    if unreal is not None:
        return unreal
    if proposed is not None:
        return proposed
    if nominal is not None and (foreseen := _foreseen(nominal)) is not None:
        return foreseen
    if is_historical(event_date, published):
        return "historical"
    return "asserted"


# Verbs of reacting to a happening: the one their object names took place, whatever modal the reaction has ("would
# respond to the seizure of a tanker", "will investigate the attack").
_REACTING: Final = frozenset({"respond", "react", "retaliate", "condemn", "denounce", "deplore", "investigate",
                              "probe", "mourn", "avenge", "protest"})


def _presupposed(noun: Token) -> bool:
    """A definite event noun that a verb of reacting takes ("respond to the seizure", "condemned the attack"): a
    happening the reaction presupposes, not one the reaction's modal holds."""
    if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no", "any", "some") for c in noun.children):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return verb is not None and verb.lemma_ in _REACTING


# Modifiers of an event noun that say it has not happened: "future talks", "the upcoming summit" (future); "a
# possible strike", "potential sanctions" (hypothetical).
_FORESEEING: Final[dict[str, Modality]] = {
    "future": "future", "upcoming": "future", "forthcoming": "future", "planned": "future", "prospective": "future",
    "imminent": "future", "possible": "hypothetical", "potential": "hypothetical", "eventual": "hypothetical"}


# Verbs whose doer makes the event noun they take happen: its modifier then tells what was foreseen before.
_MAKING_HAPPEN: Final = frozenset({"join", "attend", "hold", "stage", "launch", "begin", "start", "resume", "open"})


def _foreseen(noun: Token) -> Modality | None:
    """What an event noun's own modifier says of it: "concerning future talks with Syria", "committed to a possible
    strike against Iraq". Not when its verb calls it off ("cancelled a planned visit" is done: a rejection) or makes
    it happen ("joined the planned sit-in")."""
    if noun.dep_ in ("dobj", "nsubjpass") and (noun.head.lemma_ in event_words().cancel_verbs
                                               or noun.head.lemma_ in _MAKING_HAPPEN):
        return None  # "joined the planned sit-in", "launched the planned offensive": it is happening
    return next((_FORESEEING[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in _FORESEEING), None)


def _proposed(verb: Token, noun: Token) -> Modality | None:
    """An event noun that is what its clause's verb proposes, plans or considers ("a bill proposing sanctions",
    "plans an offensive", "weighing sanctions"): not done; None when the verb is no such governor."""
    if verb.i == noun.i or noun.dep_ not in ("dobj", "pobj", "nsubjpass") or noun.head.i != verb.i and not (
            noun.dep_ == "pobj" and noun.head.head.i == verb.i):
        return None
    words = event_words()
    if verb.lemma_ in words.hypothetical_governors:
        return "hypothetical"
    return "future" if verb.lemma_ in words.future_governors else None


# Light verbs of occurrence and the word each needs: "take place", "go ahead"; "be held" is passive.
_LIGHT_OCCURRENCE: Final = {"take": "place", "go": "ahead"}


def _occurrence(verb: Token, noun: Token) -> Token:
    """For an event noun that is the subject of ``verb``, the verb that says it happens, when a governor stands
    between them ("the summit is unlikely to take place", "talks are expected to resume": the governor then tells
    the noun's modality); else ``verb``."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i != verb.i:
        return verb
    tok = verb
    for _ in range(3):  # "is unlikely to take place": be -acomp-> unlikely -xcomp-> take
        below = next((c for c in tok.children if c.dep_ in ("xcomp", "acomp")), None)
        if below is None:
            return verb
        tok = below
        if tok.dep_ == "xcomp" and _occurs(tok):
            return tok
    return verb


def _occurs(verb: Token) -> bool:
    if verb.lemma_ not in event_words().occurrence_verbs:
        return False
    needed = _LIGHT_OCCURRENCE.get(verb.lemma_)
    if needed is not None:
        return any(c.lower_ == needed for c in verb.children)
    return verb.lemma_ != "hold" or any(c.dep_ == "auxpass" for c in verb.children)


def _without(trigger: Token) -> bool:
    """The event is what did not happen: "the talks ended without a deal", "released without charge", "took the
    town without firing a shot" (the trigger, or the first of its conjuncts, is the object of "without")."""
    while trigger.dep_ == "conj" and trigger.head is not trigger:
        trigger = trigger.head
    return trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ == "without"


def _negated(anchor: Token, chain: list[Token], nominal: Token | None) -> bool:
    """A negation on the event noun ("no arrests"), on a predicate of the chain, or a negating governor."""
    if nominal is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in nominal.children):
        return True
    if _without(nominal if nominal is not None else anchor):
        return True
    negating = event_words().negating_governors
    for i, tok in enumerate(chain):
        if denied_here(tok):
            return True
        # "denied X and accused Y": a conjoined verb is a sibling of the denial, not its complement
        if i > 0 and tok.lemma_ in negating and chain[i - 1].dep_ != "conj" and not _denies_its_own_object(
                tok, chain[i - 1]):
            return True
    if anchor.dep_ == "acl" and anchor.head.lemma_ in event_words().negating_nouns:
        return True  # "the refusal of the U.S. to recognize the vote", "their failure to stop the attack"
    if _content_of_no(anchor):
        return True
    # "denied attacking": the trigger is a complement of the negating verb through prep/pcomp too
    head = anchor.head
    return anchor.dep_ in ("pcomp", "xcomp", "ccomp") and head.lemma_ in negating and head is not anchor \
        and not _denies_its_own_object(head, anchor)


def _denies_its_own_object(denial: Token, clause: Token) -> bool:
    """"X accuse Pakistan of arming the rebels, a charge Islamabad denies": the clause before the denial is told as
    said, and the denial is of its own object ("a charge"), not of the clause the parser hung on it."""
    return clause.i < denial.i and any(c.dep_ == "dobj" and c.i < denial.i for c in denial.children)


def _content_of_no(anchor: Token) -> bool:
    """The act is what a noun denied by "no" is about: "gave no order to pull out the troops", "has no plans to
    expel the ambassador", "no intention of attacking"."""
    return _noun_denied_by_no(anchor) is not None


def _noun_denied_by_no(anchor: Token) -> Token | None:
    noun = anchor.head
    if anchor.dep_ == "pcomp" and noun.dep_ == "prep":
        noun = noun.head
    elif anchor.dep_ != "acl" or not is_infinitive(anchor):
        return None
    return noun if noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) else None


def _absence(anchor: Token) -> bool:
    """What a "no" noun other than the actor's will is about did not happen, and nobody refused it: "has given no
    order to pull out the troops" (not "has no intention of talking to Hamas": a refusal)."""
    noun = _noun_denied_by_no(anchor)
    return noun is not None and noun.lemma_ not in event_words().plan_nouns


def _unrealized(chain: list[Token]) -> Modality | None:
    """"hypothetical" (a modal, a considering or obliging governor, a task), else "future" (a future auxiliary or
    an intending governor) anywhere up the chain, else None."""
    words = event_words()
    future = False
    for i, tok in enumerate(chain):
        auxiliary = _auxiliary_modality(tok)
        if auxiliary == "hypothetical":
            return auxiliary
        future = future or auxiliary == "future"
        if i > 0 and tok.lemma_ in words.hypothetical_governors and not _done_in_past(tok):
            return "hypothetical"
        if _unrealized_infinitive(tok) or _subjunctive(tok) or (i > 0 and _obligation(tok, chain[i - 1])):
            return "hypothetical"
        if i > 0 and _intends(tok, chain[i - 1]):
            future = True
        if _wanted_of_another(tok):
            future = True
        if tok.dep_ in ("acl", "relcl") and is_infinitive(tok) and tok.head.lemma_ in words.plan_nouns:
            future = True  # "a plan to send troops", "their offer to mediate", "a campaign to invade": intended
        if _purpose(tok) or _content_of_plan_object(tok) or _intended_result(tok):
            future = True
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and (
                (tok.head.lower_ == "of" and tok.head.head.lemma_ in words.intent_of_nouns)
                or (tok.head.lower_ == "for" and tok.head.head.lemma_ in words.preparation_nouns)):
            future = True  # "the idea of holding talks", "arrangements for detaining volunteers": intended
    return "future" if future else None


def _content_of_plan_object(tok: Token) -> bool:
    """An infinitive parsed as the verb's complement where the verb's object is a plan ("announced plans Friday to
    shut down 1,100 dealerships"): what is planned."""
    return tok.dep_ == "xcomp" and is_infinitive(tok) and tok.head is not tok and any(
        c.dep_ == "dobj" and c.lemma_ in event_words().plan_nouns for c in tok.head.children)


def _subjunctive(tok: Token) -> bool:
    """A that-clause whose verb is the bare form with a subject of its own and no auxiliary: what someone demands or
    insists on ("insisted that the government release the detainees", "its demand that Israel ease restrictions"),
    not a deed ("had the officer pull him out", "saw the sheriff hand out grants": no "that", deeds). In the
    passive the bare form is the auxiliary's: "suggested that those guilty be booked", "insisted that the workers be
    released"."""
    children = list(tok.children)
    if tok.dep_ not in ("ccomp", "acl") or not any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
        return False
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBN":  # the passive: only the bare "be", no modal or tense before it
        return [(a.dep_, a.tag_) for a in auxiliaries] == [("auxpass", "VB")] and any(
            c.dep_ == "nsubjpass" for c in children)
    return tok.tag_ == "VB" and not auxiliaries and any(c.dep_ == "nsubj" for c in children)


def _purpose(tok: Token) -> bool:
    """An infinitive telling what another act was for is intended, not told as done: "sent troops to crush the
    revolt", "granted the police 20 days to arrest him", "issued orders to detain anyone marching"; after a journey it
    is what the journey was for and did ("flew to Kabul to meet the president"), after a deal what was dealt
    ("approved a deal to sell Germany four drones"), and after a causing verb what was caused ("prompting the police
    to open fire", parsed so)."""
    if tok.dep_ != "advcl" or not is_infinitive(tok) or tok.head is tok or caused_clause(tok):
        return False
    words = event_words()
    return tok.head.lemma_ not in words.journey_verbs and not any(
        c.dep_ == "dobj" and c.lemma_ in words.bargain_nouns for c in tok.head.children)


def _intended_result(tok: Token) -> bool:
    """A "so that" clause in the present tells what an act is meant to bring about ("amend the constitution so that
    same-sex marriages are banned"); in the past it may tell what came of it ("moved in so that the rebels were
    crushed"), and a modal in it says so itself."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "so" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "that"
        for c in tok.children) and (tok.tag_ in ("VBP", "VBZ") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in tok.children))


def _auxiliary_modality(tok: Token) -> Modality | None:
    """What the auxiliaries of ``tok`` say: a modal makes it hypothetical, "will" (or a reported "would") future."""
    future = False
    perfect = _counterfactual(tok)
    for child in tok.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        word = child.lower_
        if word in FUTURE_AUX:
            future = True
        elif word in ("would", "'d") and _under_reporting(tok) and not perfect:
            future = True
        elif word in HYPOTHETICAL_AUX:
            return "hypothetical"
    return "future" if future else None


def _counterfactual(tok: Token) -> bool:
    """"would have arrested him", "could have been killed": a past that did not happen, reported or not (no
    backshifted future), and no threat when a condition is attached ("would have arrested them if they had
    stayed")."""
    auxiliaries = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lemma_ == "have" for a in auxiliaries) and any(
        a.tag_ == "MD" and a.lower_ not in FUTURE_AUX for a in auxiliaries)


def _intends(tok: Token, complement: Token) -> bool:
    """``tok`` governs ``complement`` as an intended event: "plans to visit", "is to visit", "going to", "looked
    forward to visiting"."""
    return (tok.lemma_ in event_words().future_governors
            or (tok.lemma_ == "be" and complement.dep_ == "xcomp")  # "is to visit": be + infinitival xcomp
            or tok.lower_ == "going"
            or (tok.lemma_ == "look" and any(c.dep_ == "advmod" and c.lower_ == "forward" for c in tok.children)))


def _wanted_of_another(tok: Token) -> bool:
    """What someone wants, expects or hopes another to do ("wants Cuban diplomats to meet with his son", parsed as
    the infinitive's own clause): intended, not done."""
    return tok.dep_ == "ccomp" and is_infinitive(tok) and tok.head is not tok \
        and tok.head.lemma_ in event_words().future_governors


def conditional_consequence(anchor: Token) -> bool:
    """True when the event is the consequence of an "if"/"unless" condition ("will withdraw unless ...")."""
    for tok in _chain(anchor):
        if _is_condition(tok) or _counterfactual(tok):
            return False  # the condition itself, or what would have come of it
        if _has_condition(tok):
            return True
    return False


def denied(anchor: Token) -> bool:
    """True when the negation comes from a denial ("denied attacking") or tells an absence ("has given no order to
    pull out the troops": none was given), not from the actor's own refusal."""
    head = anchor.head
    chain = _chain(anchor)
    return any(t.lemma_ == "deny" for t in chain) or (head is not anchor and head.lemma_ == "deny") \
        or _absence(anchor) or _not_done_before(chain)


def _not_done_before(chain: list[Token]) -> bool:
    """The act is told as not done in the past ("has not offered a timetable", "did not attend the talks"): it did
    not happen, and the text does not say anyone refused it. A refusal tells what will not be done ("will not
    release", "is not going to negotiate") or is said by a verb of refusing. ``chain``: the anchor's (``_chain``)."""
    negated = next((t for t in chain if denied_here(t)), None)
    if negated is None or negated.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [c for c in negated.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX or a.lower_ == "would" for a in auxiliaries):
        return False
    return negated.tag_ == "VBD" or any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxiliaries)


def under_announcement(anchor: Token) -> bool:
    """True when the event is announced by a speech act of its own actor or a spokesman ("said they would ...")."""
    return _governed_by(anchor, event_words().announcing_verbs)
