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

The argument helpers (subjects, objects, noun arguments, causes) live in ``arguments.py``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Final

import yaml

from ...codes import PLOVER_QUAD
from ...errors import LexiconError
from ...resources import LEXICON_DIR, read_lexicon
from ..actors.resolver import is_actor_like
from .arguments import (
    DEATH_NOUNS,
    DEATH_VERBS,
    addressees,
    beneficiaries,
    cause_actor,
    fell_to_fire,
    firer,
    firing_owner,
    hyphen_prefix,
    instrument,
    joint,
    lemma_of,
    means_actor,
    noun_arguments,
    object_class,
    peace_mission,
    pobjs,
    purpose_owner,
    recipients_of_verb,
    repression_means,
    subject_of,
    unique,
    violent_cause,
    with_fallbacks,
)
from .attribution import is_reporting_verb
from .types import Code, Found, Lexicon

# Read by load_lexicon when first asked for, so a test or a user may point it at another file first.
LEXICON_PATH: Path = LEXICON_DIR / "events.yaml"

# Types whose complement is content (what is threatened, agreed, asked, refused, alleged), not an event.
GOVERNING: Final = frozenset({"THREATEN", "AGREE", "REQUEST", "REJECT", "ACCUSE"})
# "after the attack": a back-reference to an event coded where it was reported.
BACKREF_PREPS: Final = frozenset({"after", "before", "since", "following", "despite", "amid", "ahead"})
# "concern about a deal", "optimism over talks": the event is a topic of an opinion, not reported as done.
TOPIC_PREPS: Final = frozenset({"about", "regarding", "concerning", "over", "on"})
OPINION_NOUNS: Final = frozenset({"concern", "optimism", "pessimism", "hope", "doubt", "fear", "worry", "skepticism",
                                  "scepticism", "question", "debate", "opinion", "view", "report", "statement",
                                  "comment", "remark", "speculation", "news", "rumour", "rumor", "confidence"})
OPINION_ADJECTIVES: Final = frozenset({"pessimistic", "optimistic", "skeptical", "sceptical", "concerned", "worried",
                                       "hopeful", "doubtful", "confident", "upbeat", "wary", "anxious", "positive"})
# "the possibility of a deal", "the prospect of talks": an event considered, not reported
PROSPECT_NOUNS: Final = frozenset({"possibility", "prospect", "likelihood", "chance", "odds", "idea", "hope"})
# Links through which a noun phrase hangs from a word inside the same phrase (no clause boundary).
_PHRASE_DEPS: Final = frozenset({"pobj", "prep", "compound", "conj", "amod", "nmod", "appos"})
# "cancelled a planned visit", "postponed the talks": PLOVER codes cancelled meetings as REJECT.
CANCEL_VERBS: Final = frozenset({"cancel", "postpone", "scrap", "delay", "shelve", "abandon", "boycott", "snub",
                                 "skip", "suspend"})
# "declined to comment": refusing to speak is not a rejection of anything.
SPEECH_COMPLEMENTS: Final = frozenset({"comment", "elaborate", "say", "discuss", "confirm", "respond", "speculate",
                                       "disclose", "identify", "name", "answer", "reveal", "specify", "detail",
                                       "give", "provide", "speak", "talk", "address"})
# "rejected accusations that ...", "denied charges by X that ...": a denial is a statement, and what is denied
# is not asserted.
DENY_VERBS: Final = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "rubbish", "contest", "dispute"})
CLAIM_NOUNS: Final = frozenset({"accusation", "allegation", "charge", "claim", "report", "suggestion", "assertion",
                                "notion", "rumour", "rumor", "criticism", "speculation", "insinuation"})
# Natural and accidental causes: "a fire killed 40 people" is no political event.
NON_AGENTS: Final = frozenset({"fire", "blaze", "flood", "flooding", "earthquake", "quake", "storm", "crash",
                               "accident", "disease", "virus", "cyclone", "landslide", "mudslide", "avalanche",
                               "heat", "heatwave", "lightning", "collapse", "outbreak", "tsunami", "hurricane",
                               "typhoon", "epidemic", "pandemic", "covid-19", "coronavirus", "illness", "cancer",
                               "drought", "famine", "stampede", "tornado", "rain", "snow", "wave", "cholera",
                               "malaria", "ebola", "infection", "overdose", "disaster"})
# Verbs that undo what their object noun names: "lifted the curfew", "ended the strike", "halted talks".
UNDO_VERBS: Final = frozenset({"lift", "remove", "repeal", "ease", "relax", "rescind", "revoke", "scrap", "end",
                               "drop", "shorten", "loosen", "reverse", "overturn", "abolish", "cancel", "halt",
                               "suspend", "stop", "terminate", "call", "break", "abandon", "quit", "lower"})
VIOLATE_VERBS: Final = frozenset({"violate", "breach", "flout", "defy", "break", "ignore", "contravene"})
# Purpose verbs that name the beneficiary of aid: "sent food to help Haiti".
EXERCISE_NOUNS: Final = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre", "wargame"})


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
        data = yaml.safe_load(text) or {}
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
    class_of: dict[str, str] = {}
    for cls, words in (data.get("object_classes") or {}).items():
        for word in words:
            class_of.setdefault(word.lower(), cls)
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
        object_class=class_of,
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


def _match_verb(tok, lex: Lexicon) -> tuple[Code, int] | None:  # type: ignore[no-untyped-def]
    lemma = lemma_of(tok)
    end = tok.idx + len(tok.text)
    if tok.dep_ == "amod":  # "the internationally recognized government": a property, not an act
        return None
    classes = lex.object_verbs.get(lemma)
    if classes:
        themes = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        for prep in tok.children:  # "provided Ukraine with weapons"
            if prep.dep_ == "prep" and prep.lower_ == "with":
                themes.extend(p for p in prep.children if p.dep_ == "pobj")
        themes.extend(c for t in list(themes) for c in t.conjuncts)  # "a team of experts, equipment and drugs"
        for theme in themes:
            cls = object_class(theme, lex)
            if cls in classes:
                return classes[cls], end
    if lemma in PERMIT_VERBS and _permits_actor(tok):
        return PERMIT, end  # "allowed the opposition leader to hold a rally": yielding (CAMEO 08)
    excluded = lex.not_with_object.get(lemma)
    if excluded and any(c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in excluded for c in tok.children):
        return None
    if lemma == "agree" and _opinion_agree(tok):
        return None
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and lemma_of(c) in SPEECH_COMPLEMENTS
                                              for c in tok.children):
        return None
    if lemma in DENY_VERBS and _denied_claim(tok) is not None:
        return None
    if lemma in lex.phrasal_heads:
        for child in tok.children:
            if child.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in pobjs(child)):
                continue  # "called Lavrov on Wednesday": a date, not "call on X"
            if child.dep_ == "prep" and child.i < tok.i:
                continue  # "On Nov. 2, X called Y": a fronted adjunct, not "call on"
            if child.dep_ in ("prt", "prep", "dobj", "advmod", "oprd", "acomp"):  # "shot dead": oprd
                code = lex.phrasal.get((lemma, lemma_of(child)))
                if code is not None:
                    particle_end = child.idx + len(child.text)
                    return code, particle_end if child.i == tok.i + 1 else end
    if lemma in lex.intransitive and not any(c.dep_ in NO_OBJECT_DEPS for c in tok.children):
        return lex.intransitive[lemma], end  # "police fired in the air", "had to resort to firing"
    if is_reporting_verb(tok):
        return None
    if fell_to_fire(tok) is not None:  # "fell to police bullets": killed by them
        return KILLED, end
    if lemma in DEATH_VERBS:  # "died in police firing": a killing whose doer is named in its cause
        return (KILLED, end) if violent_cause(tok, lex) is not None else None
    if lemma == "call" and _phone_call(tok):
        return PHONE_CALL, end
    code = lex.verbs.get(lemma)
    if code is not None and code.mode == "arrest" and _not_seizing_people(tok, lex):
        return None
    return (code, end) if code is not None else None


def _not_seizing_people(verb, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """An arrest verb whose objects are all event nouns ("apprehends reprisal killings": fears them), or with a
    clause and no object ("apprehended that riots may break out"); abstract objects are in not_with_object."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return any(c.dep_ == "ccomp" for c in verb.children)
    return all(lemma_of(o) in lex.nouns or lemma_of(o) in lex.compound_heads or lemma_of(o) in DEATH_NOUNS
               for o in objects)


# Children that make a verb transitive (or phrasal): "fired the coach", "was fired", "fired up".
NO_OBJECT_DEPS: Final = frozenset({"dobj", "nsubjpass", "dative", "prt", "oprd", "ccomp", "attr"})
PHONE_CALL: Final = Code("CONSULT", "041", "phone")
PERMIT: Final = Code("CONCEDE", "080", None)
PERMIT_VERBS: Final = frozenset({"allow", "permit"})
KILLED: Final = Code("ASSAULT", "18", None)


def _permits_actor(verb) -> bool:  # type: ignore[no-untyped-def]
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


def _phone_call(verb) -> bool:  # type: ignore[no-untyped-def]
    """'called Lavrov', 'called the Turkish president to discuss ...': a phone call, not an appeal.

    Not "called X a liar" (a predicate follows) nor "called X's plan ..." (the object is no actor).
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if any(c.dep_ in ("ccomp", "prt") for c in verb.children) or (objects and predicates):
        return False
    # the parser reads a lone named object as a predicate ("called [Lavrov]oprd"): with no dobj it is the callee
    obj = (objects or predicates or [None])[0]
    return obj is not None and obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not any(
        c.dep_ == "oprd" for c in obj.children)


def _denied_claim(verb):  # type: ignore[no-untyped-def]
    """The claim noun a denial verb takes as object ("rejected accusations that ..."), or None."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and lemma_of(child) in CLAIM_NOUNS:
            return child
    return None


def _opinion_agree(verb) -> bool:  # type: ignore[no-untyped-def]
    """'agree with X that ...' / 'agree that ...' states an opinion; 'agree to/on ...' is an undertaking."""
    deps = {(c.dep_, c.lower_) for c in verb.children}
    if any(d == "xcomp" for d, _w in deps) or ("prep", "to") in deps or ("prep", "on") in deps:
        return False
    return ("prep", "with") in deps or any(d == "ccomp" for d, _w in deps)


def _match_noun(tok, lex: Lexicon) -> Code | None:  # type: ignore[no-untyped-def]
    lemma = lemma_of(tok)
    if lemma in lex.compound_heads:
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
                code = lex.compound_nouns.get((lemma_of(child), lemma))
                if code is not None:
                    return code
    # "state of emergency"
    if lemma == "state":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    code = lex.compound_nouns.get(("state", lemma_of(pobj)))
                    if code is not None:
                        return code
    if lemma in DEATH_NOUNS and violent_cause(tok, lex) is not None:  # "deaths in police firing"
        return KILLED
    if lemma in THEME_NOUNS and not _weapon_theme(tok, lex):
        return None
    excluded = lex.not_with_modifier.get(lemma)
    if excluded and any(c.dep_ in ("amod", "compound", "nmod") and lemma_of(c) in excluded for c in tok.children):
        return None  # "cardiac arrest": another sense of the word
    code = lex.nouns.get(lemma)
    if code is not None and code.mode == "arrest" and tok.dep_ == "compound" and not _event_head(tok.head, lex):
        return None  # "an arrest warrant", "the detention law": a document or rule about arrests, not one made
    return code


def _event_head(noun, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    lemma = lemma_of(noun)
    return lemma in lex.nouns or lemma in lex.compound_heads or lemma in lex.instruments


# Nouns that are shooting only when what they act on is a weapon: "the firing of rockets", not "the firing of
# the director" (a dismissal), "the firing squad" or "the firing range".
THEME_NOUNS: Final = frozenset({"firing"})


def _weapon_theme(noun, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    if noun.dep_ == "compound":
        return False
    themes = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
    return all(object_class(t, lex) in ("weapons", "heavy", "gas") for t in themes)


def match_trigger(tok, lex: Lexicon) -> tuple[Code, bool, int] | None:  # type: ignore[no-untyped-def]
    """(code, is_nominal, end offset) when ``tok`` is an event trigger."""
    pos = tok.pos_
    if pos in ("VERB", "NOUN", "PROPN"):
        prefix = hyphen_prefix(tok)  # "lathi-charged", split by the tokenizer into "lathi - charged"
        code = lex.compound_nouns.get((prefix.lower_, lemma_of(tok))) if prefix is not None else None
        if code is not None:
            return code, pos != "VERB", tok.idx + len(tok.text)
    if pos == "VERB":
        hit = _match_verb(tok, lex)
        return (hit[0], False, hit[1]) if hit else None
    if pos in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
        code = _match_noun(tok, lex)
        if code is not None:
            return code, True, tok.idx + len(tok.text)
    return None


# ---------------------------------------------------------------- complements of governing verbs

THREAT_MODE: Final[dict[str, tuple[str, str]]] = {
    "ASSAULT": ("violence", "138"),
    "MOBILIZE": ("violence", "138"),
    "SANCTION": ("relations", "131"),
    "PROTEST": ("relations", "133"),
}
COERCE_THREAT: Final[dict[str | None, tuple[str, str]]] = {
    "arrest": ("arrest", "137"),
    "ban": ("ban", "1322"),
    "curfew": ("restrict", "1323"),
    "martial-law": ("restrict", "1324"),
    "restrict": ("restrict", "1312"),
    "deport": ("expel", "136"),
}
AGREE_CAMEO: Final = {"COOPERATE": "031", "SUPPORT": "032", "AID": "033", "CONCEDE": "035", "RETREAT": "035",
                      "CONSULT": "036", "AGREE": "030"}
# DEMAND/REQUEST and REJECT modes (shared in PLOVER): what is asked for or refused
ASK_MODE: Final = {"COOPERATE": "assist", "AID": "assist", "SUPPORT": "assist", "AGREE": "meet",
                   "CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet", "COERCE": "change",
                   "SANCTION": "change"}
APPEAL_CAMEO: Final = {"COOPERATE": "021", "AID": "023", "SUPPORT": "022", "CONCEDE": "025", "RETREAT": "025",
                       "CONSULT": "026", "AGREE": "026"}
DEMAND_CAMEO: Final = {"COOPERATE": "101", "AID": "103", "SUPPORT": "102", "CONCEDE": "105", "RETREAT": "105",
                       "CONSULT": "106", "AGREE": "106"}
REJECT_CAMEO: Final = {"COOPERATE": "121", "AID": "122", "SUPPORT": "121", "CONCEDE": "124", "RETREAT": "124",
                       "CONSULT": "125", "AGREE": "127"}


def refine_governing(code: Code, content: Code) -> Code:
    """The code of a governing event given what it governs ("threatened to expel" -> THREATEN/expel)."""
    if code.type == "THREATEN":
        if content.type == "COERCE":
            mode, cameo = COERCE_THREAT.get(content.mode, ("territory", "1382") if content.cameo == "192"
                                            else ("restrict", "132"))
            return Code("THREATEN", cameo, mode)
        if content.type == "SANCTION" and content.mode == "expel":
            return Code("THREATEN", "136", "expel")
        mode_cameo = THREAT_MODE.get(content.type)
        return Code("THREATEN", mode_cameo[1], mode_cameo[0]) if mode_cameo else code
    if code.type == "AGREE":
        if content.type in GOVERNING - {"AGREE"} or content.type in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION"):
            return code  # "vowed to attack" is handled by the caller as a threat
        return Code("AGREE", AGREE_CAMEO.get(content.type, code.cameo), None)
    if code.type == "REQUEST":
        table = DEMAND_CAMEO if code.cameo.startswith("10") else APPEAL_CAMEO
        return Code("REQUEST", table.get(content.type, code.cameo), ASK_MODE.get(content.type))
    if code.type == "REJECT":
        return Code("REJECT", REJECT_CAMEO.get(content.type, code.cameo), ASK_MODE.get(content.type))
    if code.type == "ACCUSE" and code.mode == "disapprove" and content.type in ("ASSAULT", "COERCE"):
        return code
    if code.type == "ACCUSE" and content.type == "ASSAULT":
        return Code("ACCUSE", "1123", "allege")
    return code


def undo_code(verb_lemma: str, noun_lemma: str, code: Code, *, particle: str = "") -> Code | None:
    """What "lifting", "ending" or "violating" the event named by a noun amounts to, or None when unchanged."""
    if verb_lemma in VIOLATE_VERBS and verb_lemma != "break" or (verb_lemma == "break" and code.type == "AGREE"):
        if code.type == "RETREAT" and code.mode == "ceasefire":
            return Code("ASSAULT", "196", None)  # CAMEO 196: violate ceasefire
        if code.type in ("COERCE", "AGREE", "SANCTION"):
            return Code("REJECT", "128", "yield")  # defy norms, law
        return None
    if verb_lemma not in UNDO_VERBS or (verb_lemma == "call" and particle != "off"):
        return None
    if code.type in ("COERCE", "SANCTION") and verb_lemma not in ("halt", "stop", "suspend", "call", "break"):
        if code.cameo.startswith("163") or noun_lemma in ("sanction", "embargo", "tariff"):
            return Code("RETREAT", "085", "ease")
        if noun_lemma in ("blockade", "siege"):
            return Code("RETREAT", "0872", "withdraw")
        if code.mode == "curfew":
            return Code("RETREAT", "0813", None)
        if code.mode == "martial-law":
            return Code("RETREAT", "0814", None)
        return Code("CONCEDE", "081", None)
    if code.type == "PROTEST" and verb_lemma not in ("break", "lift", "ease", "remove", "lower"):
        if noun_lemma == "boycott":
            return Code("RETREAT", "085", "ease")
        return Code("CONCEDE", "082", None)
    if code.type == "ASSAULT" and verb_lemma in ("end", "halt", "stop", "suspend", "call", "cease"):
        return Code("RETREAT", "087", "disarm")
    if code.type == "CONSULT" and verb_lemma in ("end", "halt", "suspend", "stop", "terminate", "break", "call",
                                                 "abandon", "quit"):
        return Code("SANCTION", "165" if noun_lemma == "mediation" else "164", "withdraw")
    if code.type == "AGREE" and verb_lemma in ("scrap", "abandon", "quit", "cancel", "end", "terminate",
                                               "suspend", "revoke"):
        return Code("REJECT", "127", "meet")
    if code.type in ("AID", "COOPERATE") and verb_lemma in ("end", "halt", "suspend", "stop", "cancel",
                                                            "terminate", "cut", "drop"):
        return Code("SANCTION", "162", "discontinue")
    return None


def _protest_demand(verb, codes: dict[int, Code]) -> bool:  # type: ignore[no-untyped-def]
    """'demonstrated ... calling for independence', 'staged a strike to demand ...': the demand is the protest's.

    PLOVER codes the protest (its demand is part of it), so the demand is not a second event.
    """
    if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
        return False
    head = verb.head
    owners = [head] + [c for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    return any(o.i in codes and codes[o.i].type == "PROTEST" for o in owners)


def _topic_of_opinion(noun) -> bool:  # type: ignore[no-untyped-def]
    """True when an event noun is only the topic of an opinion or a prospect in its own noun phrase.

    "expressed concern about the escalation of hostilities", "pessimistic about the possibility of a deal",
    "optimism at the prospect of a trade resolution": the phrase is walked upwards to the clause's verb.
    """
    tok = noun
    for _ in range(8):  # noun phrases nest shallowly; bounded for safety
        if tok.dep_ not in _PHRASE_DEPS or tok.head is tok:
            return False
        tok = tok.head
        word = lemma_of(tok)
        if tok.pos_ == "ADP" and word in ("about", "regarding", "concerning"):
            return True
        if tok.pos_ == "NOUN" and (word in OPINION_NOUNS or word in PROSPECT_NOUNS):
            return tok.dep_ != "pobj" or lemma_of(tok.head) != "despite"
        if tok.pos_ == "ADJ" and word in OPINION_ADJECTIVES:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _complements(verb, *, nominal_ok: bool) -> list:  # type: ignore[no-untyped-def,type-arg]
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


def find_events(sent, lex: Lexicon) -> list[Found]:  # type: ignore[no-untyped-def]
    """Every event triggered in sentence ``sent`` (a spaCy Span), in text order."""
    matches: dict[int, tuple[Code, bool, int]] = {}
    for tok in sent:
        hit = match_trigger(tok, lex)
        if hit is not None:
            matches[tok.i] = hit
    if not matches:
        return []
    for tok in sent:  # what a denial rejects is not asserted: "rejected accusations that it had detained ..."
        if tok.pos_ == "VERB" and lemma_of(tok) in DENY_VERBS:
            claim = _denied_claim(tok)
            if claim is not None:
                for sub in claim.subtree:
                    matches.pop(sub.i, None)
    if not matches:
        return []
    nominal_codes = {i: m[0] for i, m in matches.items() if m[1]}
    codes = {i: m[0] for i, m in matches.items()}
    consumed: set[int] = set()
    recipients_from: dict[int, list] = {}  # type: ignore[type-arg]
    doc = sent.doc

    for i in sorted(matches):
        code, nominal, _end = matches[i]
        tok = doc[i]
        if nominal:
            continue
        if code.type in GOVERNING:
            for comp in _complements(tok, nominal_ok=code.type != "ACCUSE"):
                target = comp
                if comp.i not in codes:  # "threatened to launch an offensive": one light verb deeper
                    deeper = [c for c in comp.children if c.dep_ in ("dobj", "xcomp") and c.i in codes]
                    if not deeper:
                        continue
                    target = deeper[0]
                content = codes[target.i]
                consumed.add(target.i)
                new = refine_governing(codes[i], content)
                if code.type == "AGREE" and codes[i] == new and content.type in ("ASSAULT", "COERCE", "MOBILIZE"):
                    new = refine_governing(Code("THREATEN", "130"), content)  # "vowed to crush the rebels"
                codes[i] = new
                if not matches[target.i][1]:
                    recipients_from[i] = recipients_of_verb(target, theme_object=False)
                else:
                    noun_actors, noun_recipients, _anchor = noun_arguments(target, lex)
                    # "rejected calls by X", "accepted X's offer": the answer goes to whoever made the proposal
                    answer = code.type in ("REJECT", "AGREE") and content.type in GOVERNING | {"CONSULT", "AID",
                                                                                            "COOPERATE", "SUPPORT"}
                    recipients_from[i] = noun_actors + noun_recipients if answer else noun_recipients
                break
        else:
            for child in tok.children:  # "signed an agreement", "imposed" excluded: nouns with a light verb stay
                if child.dep_ in ("dobj", "nsubjpass") and child.i in nominal_codes:
                    consumed.add(child.i)
                # "called Lavrov to discuss Syria", "attacked the town to crush the rebels": the purpose clause
                # of the same kind restates the act
                elif child.dep_ == "advcl" and child.i in codes and codes[child.i].type == code.type and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
                    consumed.add(child.i)
        if code.type == "REQUEST" and _protest_demand(tok, codes):
            consumed.add(i)
        if code == KILLED:  # "died in police firing": the firing is how they were killed, not a second event
            cause = violent_cause(tok, lex) if lemma_of(tok) in DEATH_VERBS else fell_to_fire(tok)
            if cause is not None and cause.i in codes:
                consumed.add(cause.i)
        if code.type == "COERCE" and code.cameo == "170":  # "dispersed the mob with tear gas": force, not words
            forced = repression_means(tok, lex)
            if forced is not None:
                codes[i] = forced
        if codes[i].type == "ASSAULT":
            inst = instrument(tok, lex, nominal_codes)
            if inst is not None:
                inst_tok, inst_code = inst
                if inst_tok.i in nominal_codes:
                    consumed.add(inst_tok.i)
                if (codes[i].mode is None and codes[i].cameo != "175") or codes[i].cameo in ("18", "190"):
                    codes[i] = Code("ASSAULT", inst_code.cameo, inst_code.mode)

    found: list[Found] = []
    for i in sorted(matches):
        if i in consumed:
            continue
        code, nominal, end = matches[i]
        code = codes[i]
        tok = doc[i]
        if nominal:
            if tok.dep_ == "pobj" and tok.head.lower_ in BACKREF_PREPS:
                continue
            if _topic_of_opinion(tok):
                continue
            if lemma_of(tok) in CLAIM_NOUNS and tok.head.pos_ == "VERB" and lemma_of(tok.head) in DENY_VERBS:
                continue
            actors, recipients, anchor = noun_arguments(tok, lex)
            if code == KILLED and lemma_of(tok) in DEATH_NOUNS:
                actors = cause_actor(violent_cause(tok, lex))
            undone = None
            if anchor is not tok and tok.dep_ in ("dobj", "nsubjpass", "compound"):
                prt = next((c.lower_ for c in anchor.children if c.dep_ == "prt"), "")
                undone = undo_code(lemma_of(anchor), lemma_of(tok), code, particle=prt)
            if undone is not None:
                code = undone
                actors = actors or subject_of(anchor)
            elif code.type in ("CONSULT", "AGREE") and anchor is not tok and lemma_of(anchor) in CANCEL_VERBS:
                code = Code("REJECT", "125", "meet")
                actors = subject_of(anchor)
            if code.type == "MOBILIZE" and lemma_of(tok) in EXERCISE_NOUNS and joint(tok, actors):
                code = Code("COOPERATE", "062", None)  # exercises of two armies together
        else:
            anchor = tok
            actors = subject_of(tok)
            owner = purpose_owner(tok)
            if not actors and owner is not None and owner.i not in matches:
                # "received the envoy to discuss ties": who acts for the purpose; not when the main verb is an
                # event of its own ("mobilized groups to help"), whose purpose is part of it
                actors = subject_of(owner)
            if not actors and code.type == "ASSAULT" and tok.tag_ == "VBG":
                actors = firing_owner(tok)  # "victims of police firing", the gerund parsed as a verb
            theme = lemma_of(tok) in lex.object_verbs and code != lex.verbs.get(lemma_of(tok))
            recipients = recipients_from.get(i) or recipients_of_verb(tok, theme_object=theme)
            if code == KILLED and lemma_of(tok) in DEATH_VERBS:  # the one who died is the victim, not the doer
                recipients, actors = actors, cause_actor(violent_cause(tok, lex))
            elif code == KILLED and (shots := fell_to_fire(tok)) is not None:
                recipients, actors = actors, cause_actor(shots)
            if code.type == "AID":  # "donated ventilators to assist Ethiopia": who is helped, after named receivers
                recipients = list(recipients) + beneficiaries(tok)
            if code == PHONE_CALL:  # the callee, parsed as a predicate when named alone
                recipients = [c for c in tok.children if c.dep_ in ("dobj", "oprd")] + recipients
            if code.type in ("RETREAT", "MOBILIZE"):  # "withdrew its troops from Chad": its own, not a recipient
                recipients = [r for r in recipients if not (r.dep_ == "dobj" and r.head.i == tok.i and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in r.children))]
            inst = instrument(tok, lex, nominal_codes) if code.type == "ASSAULT" else None
            if inst is not None and actors and actors[0].i == inst[0].i and not firer(inst[0]):
                # "Their artillery fire hit ...": the resolver falls back on the weapon's possessor or owner
                # ("air force jet"); measured: replacing the weapon by its modifiers loses sectors ("warplanes").
                pass
            elif inst is not None and actors and actors[0].i == inst[0].i:
                actors = firer(inst[0])  # "the missiles fired by the Israeli military struck ..."
            elif code.type == "ASSAULT" and actors and lemma_of(actors[0]) in NON_AGENTS:
                continue
            if code.type == "ASSAULT" and not actors:
                actors = means_actor(tok, lex, {**nominal_codes, **{k: c for k, c in codes.items()
                                                                     if doc[k].dep_ == "advcl"}})
            if code.type in GOVERNING:  # "accused Russia of ...", "urged Kenya to ...": the one addressed first
                recipients = addressees(tok, code, consumed) + recipients
        if code.type == "MOBILIZE" and peace_mission(tok):
            code = Code("AID", "074", None)  # "deployed 300 troops to the UN peacekeeping mission"
        found.append(Found(tok, code, tuple(unique(with_fallbacks(actors))), tuple(unique(with_fallbacks(recipients))),
                           anchor, nominal, end))
    return _with_demands(sent, [_readiness(f) for f in found], codes)


# "is willing to withdraw", "prepared to lift the ban": an offer (AGREE 03x) or, for conflict, a threat.
READY_ADJECTIVES: Final = frozenset({"willing", "prepared", "ready", "eager"})


def _readiness(item: Found) -> Found:
    anchor = item.anchor
    if anchor.dep_ != "xcomp" or anchor.head is anchor or anchor.head.lower_ not in READY_ADJECTIVES:
        return item
    code = item.code
    if code.type in GOVERNING:
        return item
    if not item.actors and anchor.head.dep_ == "acomp":  # "Syria is willing to ...": the subject of "is"
        item = replace(item, actors=tuple(unique(subject_of(anchor.head.head))))
    if PLOVER_QUAD.get(code.type) in ("verbal_cooperation", "material_cooperation"):
        return replace(item, code=Code("AGREE", AGREE_CAMEO.get(code.type, "030"), None))
    threat = threat_intent(code)
    return replace(item, code=threat) if threat is not None else item


# "X said Y must/should ...": a demand by X on Y (CAMEO 10x), whatever Y is to do.
DEMAND_MODALS: Final = frozenset({"must", "should"})


def _with_demands(sent, found: list[Found], codes: dict[int, Code]) -> list[Found]:  # type: ignore[no-untyped-def]
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
        code = refine_governing(Code("REQUEST", "100"), content) if content is not None else Code("REQUEST", "100")
        out = [f for f in out if f.trigger.i not in inner and f.anchor.i not in inner]
        out.append(Found(rep, code, tuple(unique(speakers)), tuple(unique(addressed)), rep, False,
                         rep.idx + len(rep.text)))
    return sorted(out, key=lambda f: f.trigger.i) if len(out) != len(found) or out != found else found


def future_intent(code: Code) -> Code:
    """A cooperative act reported as future is a promise: PLOVER codes it AGREE ("will sign" -> AGREE)."""
    if code.type in ("SUPPORT", "COOPERATE", "AID", "RETREAT"):
        return replace(code, type="AGREE", cameo=AGREE_CAMEO[code.type], mode=None)
    return code


def threat_intent(code: Code) -> Code | None:
    """An announced or conditional conflictual act is a THREATEN event (PLOVER: a threat, not the act)."""
    if code.type in ("ASSAULT", "COERCE", "SANCTION", "PROTEST") or (
            code.type == "RETREAT" and code.mode == "withdraw"):
        content = Code("SANCTION", "166", "expel") if code.type == "RETREAT" else code
        return refine_governing(Code("THREATEN", "130"), content)
    return None


def negated_intent(code: Code) -> Code | None:
    """Cooperation that will not or did not happen by the actor's choice is a REJECT event."""
    if PLOVER_QUAD.get(code.type) in ("verbal_cooperation", "material_cooperation") and code.type != "REQUEST":
        return refine_governing(Code("REJECT", "120"), code)
    return None
