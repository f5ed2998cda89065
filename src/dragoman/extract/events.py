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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import yaml

from ..errors import DragomanError
from ..plover import PLOVER_QUAD
from .actors import country_of
from .attribution import is_reporting_verb

LEXICON_PATH: Final = Path(__file__).resolve().parents[1] / "lexicon" / "events.yaml"

# Types whose complement is content (what is threatened, agreed, asked, refused, alleged), not an event.
GOVERNING: Final = frozenset({"THREATEN", "AGREE", "REQUEST", "REJECT", "ACCUSE"})
RECIPIENT_PREPS: Final = frozenset({"to", "with", "against", "on", "upon", "at", "toward", "towards", "into"})
NOUN_RECIPIENT_PREPS: Final = frozenset({"on", "against", "with", "to", "at", "upon", "targeting", "toward",
                                         "towards", "for"})
# "the arrest of X": X is the patient; "the withdrawal of troops": X is the agent.
OF_AGENT_NOUNS: Final = frozenset({"withdrawal", "deployment", "retreat", "pullout", "surrender", "buildup",
                                   "build-up", "reinforcement", "mobilization", "mobilisation", "visit", "protest",
                                   "demonstration", "resignation", "offensive", "apology", "support", "threat"})
ACTOR_ENTS: Final = frozenset({"NORP", "GPE", "ORG", "PERSON"})
# "after the attack": a back-reference to an event coded where it was reported.
BACKREF_PREPS: Final = frozenset({"after", "before", "since", "following", "despite", "amid", "ahead"})
# "concern about a deal", "optimism over talks": the event is a topic of an opinion, not reported as done.
TOPIC_PREPS: Final = frozenset({"about", "regarding", "concerning", "over", "on"})
OPINION_NOUNS: Final = frozenset({"concern", "optimism", "pessimism", "hope", "doubt", "fear", "worry", "skepticism",
                                  "scepticism", "question", "debate", "opinion", "view", "report", "statement",
                                  "comment", "remark", "speculation", "news", "rumour", "rumor", "confidence"})
# "cancelled a planned visit", "postponed the talks": PLOVER codes cancelled meetings as REJECT.
CANCEL_VERBS: Final = frozenset({"cancel", "postpone", "scrap", "delay", "shelve", "abandon", "boycott", "snub",
                                 "skip", "suspend"})
PEACE_WORDS: Final = frozenset({"peacekeeping", "peacekeeper", "peacekeep", "humanitarian", "rescue", "relief",
                                "observer", "monitor", "evacuation"})
RELATIVE: Final = frozenset({"who", "which", "that", "whom"})
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
# Heads that only frame the event noun compounded with them ("mediation efforts", "aid deliveries").
PROCESS_NOUNS: Final = frozenset({"effort", "process", "delivery", "shipment", "program", "programme", "operation",
                                  "mission", "campaign", "round", "session", "flight", "convoy", "package",
                                  "initiative", "plan", "activity", "action"})
EXERCISE_NOUNS: Final = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre", "wargame"})


@dataclass(frozen=True, slots=True)
class Code:
    """What a trigger means: PLOVER type, CAMEO code and PLOVER mode."""

    type: str
    cameo: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Code]
    phrasal: dict[tuple[str, str], Code]
    phrasal_heads: frozenset[str]
    object_verbs: dict[str, dict[str, Code]]
    object_class: dict[str, str]
    containers: frozenset[str]
    nouns: dict[str, Code]
    compound_nouns: dict[tuple[str, str], Code]
    compound_heads: frozenset[str]
    instruments: dict[str, Code]
    light_verbs: frozenset[str]
    not_with_object: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Found:
    """One event found in a sentence, before its arguments are resolved into actors."""

    trigger: Any  # spaCy Token
    code: Code
    actors: tuple[Any, ...]  # candidate heads, best first
    recipients: tuple[Any, ...]
    anchor: Any  # the verb that carries tense, negation and modals
    nominal: bool
    trigger_end: int  # body offset just past the trigger (particle included)


def _parse_code(value: object, *, where: str) -> Code:
    parts = str(value).split()
    if len(parts) not in (2, 3) or parts[0] not in PLOVER_QUAD:
        raise DragomanError(
            f"bad event lexicon entry {where}: {value!r}; write 'PLOVER_TYPE CAMEO [mode]' "
            f"with a type among {', '.join(PLOVER_QUAD)} in {LEXICON_PATH}",
            stage="extract",
        )
    return Code(parts[0], parts[1], parts[2] if len(parts) == 3 else None)


def lexicon_from_yaml(text: str) -> Lexicon:
    """Build the lookup tables (dicts keyed by lemma) from the YAML lexicon text."""
    data = yaml.safe_load(text) or {}
    verbs = {k.lower(): _parse_code(v, where=f"verbs.{k}") for k, v in (data.get("verbs") or {}).items()}
    phrasal: dict[tuple[str, str], Code] = {}
    for key, value in (data.get("phrasal") or {}).items():
        verb, _, particle = key.lower().partition(" ")
        phrasal[(verb, particle)] = _parse_code(value, where=f"phrasal.{key}")
    object_verbs = {
        verb.lower(): {cls: _parse_code(v, where=f"object_verbs.{verb}.{cls}") for cls, v in classes.items()}
        for verb, classes in (data.get("object_verbs") or {}).items()
    }
    object_class: dict[str, str] = {}
    for cls, words in (data.get("object_classes") or {}).items():
        for word in words:
            object_class.setdefault(word.lower(), cls)
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
        object_class=object_class,
        containers=frozenset(w.lower() for w in data.get("container_nouns") or ()),
        nouns=nouns,
        compound_nouns=compound_nouns,
        compound_heads=frozenset(h for _m, h in compound_nouns),
        instruments=instruments,
        light_verbs=frozenset(w.lower() for w in data.get("light_verbs") or ()),
        not_with_object={k.lower(): frozenset(w.lower() for w in v or ())
                         for k, v in (data.get("not_with_object") or {}).items()},
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged event lexicon, read once per process."""
    try:
        text = LEXICON_PATH.read_text(encoding="utf-8")
    except OSError as exc:
        raise DragomanError(f"event lexicon {LEXICON_PATH} cannot be read ({exc}): reinstall dragoman",
                            stage="extract") from exc
    return lexicon_from_yaml(text)


# ---------------------------------------------------------------- trigger matching


def _lemma(tok) -> str:  # type: ignore[no-untyped-def]
    return tok.lemma_.lower()


def _object_class(noun, lex: Lexicon) -> str | None:  # type: ignore[no-untyped-def]
    if noun.ent_type_ == "MONEY":  # "gave $2 million to ..."
        return "aid"
    cls = lex.object_class.get(_lemma(noun))
    if cls is None and _lemma(noun) in lex.containers:
        for child in noun.children:  # "a column of 40 armoured vehicles"
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return lex.object_class.get(_lemma(pobj))
    return cls


def _match_verb(tok, lex: Lexicon) -> tuple[Code, int] | None:  # type: ignore[no-untyped-def]
    lemma = _lemma(tok)
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
            cls = _object_class(theme, lex)
            if cls in classes:
                return classes[cls], end
    excluded = lex.not_with_object.get(lemma)
    if excluded and any(c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in excluded for c in tok.children):
        return None
    if lemma == "agree" and _opinion_agree(tok):
        return None
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and _lemma(c) in SPEECH_COMPLEMENTS
                                              for c in tok.children):
        return None
    if lemma in DENY_VERBS and _denied_claim(tok) is not None:
        return None
    if lemma in lex.phrasal_heads:
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "dobj", "advmod"):
                code = lex.phrasal.get((lemma, _lemma(child)))
                if code is not None:
                    particle_end = child.idx + len(child.text)
                    return code, particle_end if child.i == tok.i + 1 else end
    if is_reporting_verb(tok):
        return None
    code = lex.verbs.get(lemma)
    return (code, end) if code is not None else None


def _denied_claim(verb):  # type: ignore[no-untyped-def]
    """The claim noun a denial verb takes as object ("rejected accusations that ..."), or None."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and _lemma(child) in CLAIM_NOUNS:
            return child
    return None


def _opinion_agree(verb) -> bool:  # type: ignore[no-untyped-def]
    """'agree with X that ...' / 'agree that ...' states an opinion; 'agree to/on ...' is an undertaking."""
    deps = {(c.dep_, c.lower_) for c in verb.children}
    if any(d == "xcomp" for d, _w in deps) or ("prep", "to") in deps or ("prep", "on") in deps:
        return False
    return ("prep", "with") in deps or any(d == "ccomp" for d, _w in deps)


def _match_noun(tok, lex: Lexicon) -> Code | None:  # type: ignore[no-untyped-def]
    lemma = _lemma(tok)
    if lemma in lex.compound_heads:
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
                code = lex.compound_nouns.get((_lemma(child), lemma))
                if code is not None:
                    return code
    # "state of emergency"
    if lemma == "state":
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    code = lex.compound_nouns.get(("state", _lemma(pobj)))
                    if code is not None:
                        return code
    return lex.nouns.get(lemma)


def match_trigger(tok, lex: Lexicon) -> tuple[Code, bool, int] | None:  # type: ignore[no-untyped-def]
    """(code, is_nominal, end offset) when ``tok`` is an event trigger."""
    pos = tok.pos_
    if pos == "VERB":
        hit = _match_verb(tok, lex)
        return (hit[0], False, hit[1]) if hit else None
    if pos in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
        code = _match_noun(tok, lex)
        if code is not None:
            return code, True, tok.idx + len(tok.text)
    return None


# ---------------------------------------------------------------- arguments


def _pobjs(prep) -> list:  # type: ignore[type-arg]
    return [c for c in prep.children if c.dep_ == "pobj"]


def _antecedent(tok):  # type: ignore[no-untyped-def]
    """The noun a relative pronoun stands for ("rebels who attacked")."""
    if tok.lower_ in RELATIVE and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _is_passive(verb) -> bool:  # type: ignore[no-untyped-def]
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(verb, depth: int = 0) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The performer(s) of ``verb``: subject, passive agent, or inherited from a governing clause."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return [_antecedent(child)]
        if child.dep_ == "agent":
            return _pobjs(child)
    if depth >= 4 or verb.head is verb:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in ("dobj",)]
        return objects or subject_of(head, depth + 1)
    if verb.dep_ == "conj":
        return subject_of(head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return subject_of(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return [head]
    return []


def _recipients_of_verb(verb, *, theme_object: bool) -> list:  # type: ignore[no-untyped-def,type-arg]
    out: list = []  # type: ignore[type-arg]
    passive = _is_passive(verb)
    for child in verb.children:
        dep = child.dep_
        if dep == "nsubjpass" and not theme_object:
            out.append(_antecedent(child))
        elif dep == "dobj" and not passive and not theme_object:
            out.append(child)
        elif dep == "dative":  # "gave X food", or "gave food to X" parsed with "to" as the dative
            out.extend(_pobjs(child) if child.pos_ == "ADP" else [child])
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            out.extend(p for p in _pobjs(child) if p.ent_type_ not in ("DATE", "TIME"))
    if theme_object:  # "provided Ukraine with weapons": the dobj is the receiver when the theme is in "with"
        with_themes = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        if with_themes:
            out = [c for c in verb.children if c.dep_ == "dobj"] + out
    if not out and verb.dep_ == "acl" and verb.tag_ == "VBN":  # "protesters arrested by police"
        out.append(verb.head)
    if not out and verb.dep_ == "conj":  # "shelled and bombed the town" shares the object
        head = verb.head
        out.extend(c for c in head.children if c.dep_ == "dobj")
    return out


def _modifier_actor(noun) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Possessor, by-agent, demonym or organisation modifier, or "between X and Y" of an event noun."""
    out: list = []  # type: ignore[type-arg]
    for child in noun.children:
        dep = child.dep_
        if dep == "poss":
            out.append(child)
        elif dep == "prep" and child.lower_ in ("by", "from"):
            out.extend(_pobjs(child))
        elif dep == "prep" and child.lower_ == "of" and _lemma(noun) in OF_AGENT_NOUNS:
            out.extend(_pobjs(child))
        elif dep in ("amod", "compound") and child.i < noun.i and (
                child.ent_type_ in ACTOR_ENTS or country_of(child.text) is not None):
            out.append(child)
    return out


def _between(noun) -> tuple[list, list]:  # type: ignore[type-arg]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            pobjs = _pobjs(child)
            if pobjs:
                first = pobjs[0]
                return [first], list(first.conjuncts)
    return [], []


def _governing_verb(noun):  # type: ignore[no-untyped-def]
    """The verb whose argument ``noun`` is (through one preposition at most), or None."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if noun.dep_ == "conj":
        return _governing_verb(head)
    if noun.dep_ == "compound" and _lemma(head) in PROCESS_NOUNS:  # "ended mediation efforts"
        return _governing_verb(head)
    return None


def _noun_arguments(noun, lex: Lexicon) -> tuple[list, list, Any]:  # type: ignore[type-arg]
    actors, recipients = _between(noun)
    actors = actors or _modifier_actor(noun)
    for child in noun.children:
        if child.dep_ == "prep":
            word = child.lower_
            if word in NOUN_RECIPIENT_PREPS or (word == "of" and _lemma(noun) not in OF_AGENT_NOUNS):
                recipients.extend(p for p in _pobjs(child) if p.ent_type_ not in ("DATE", "TIME"))
    verb = _governing_verb(noun)
    anchor = verb if verb is not None else noun
    if verb is not None and _lemma(verb) in lex.light_verbs:
        if not actors and noun.dep_ in ("dobj", "pobj", "attr"):
            actors = subject_of(verb)
        elif not actors and noun.dep_ == "nsubjpass":
            actors = [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]
        if not recipients:
            recipients = _recipients_of_verb(verb, theme_object=True)
    return actors, recipients, anchor


def _instrument(verb, lex: Lexicon, nominal_codes: dict[int, Code]):  # type: ignore[no-untyped-def]
    """(token, code) of a weapon or event noun that is the subject / "with" object of an ASSAULT verb."""
    for child in verb.children:
        candidates = []
        if child.dep_ in ("nsubj", "agent"):
            candidates = [child] if child.dep_ == "nsubj" else _pobjs(child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "in"):
            candidates = _pobjs(child)
        for cand in candidates:
            code = nominal_codes.get(cand.i)
            if code is not None and code.type == "ASSAULT":
                return cand, code
            inst = lex.instruments.get(_lemma(cand))
            if inst is not None:
                return cand, inst
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
        if tok.pos_ == "VERB" and _lemma(tok) in DENY_VERBS:
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
                    recipients_from[i] = _recipients_of_verb(target, theme_object=False)
                else:
                    noun_actors, noun_recipients, _anchor = _noun_arguments(target, lex)
                    # "rejected calls by X", "accepted X's offer": the answer goes to whoever made the proposal
                    answer = code.type in ("REJECT", "AGREE") and content.type in GOVERNING | {"CONSULT", "AID",
                                                                                            "COOPERATE", "SUPPORT"}
                    recipients_from[i] = noun_actors + noun_recipients if answer else noun_recipients
                break
        else:
            for child in tok.children:  # "signed an agreement", "imposed" excluded: nouns with a light verb stay
                if child.dep_ in ("dobj", "nsubjpass") and child.i in nominal_codes:
                    consumed.add(child.i)
        if codes[i].type == "ASSAULT":
            inst = _instrument(tok, lex, nominal_codes)
            if inst is not None:
                inst_tok, inst_code = inst
                if inst_tok.i in nominal_codes:
                    consumed.add(inst_tok.i)
                if codes[i].mode is None or codes[i].cameo in ("18", "190"):
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
            if tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS and (
                    tok.head.head.pos_ in ("NOUN", "ADJ") and _lemma(tok.head.head) in OPINION_NOUNS
                    or tok.head.lower_ in ("about", "regarding", "concerning")):
                continue
            if _lemma(tok) in CLAIM_NOUNS and tok.head.pos_ == "VERB" and _lemma(tok.head) in DENY_VERBS:
                continue
            actors, recipients, anchor = _noun_arguments(tok, lex)
            undone = None
            if anchor is not tok and tok.dep_ in ("dobj", "nsubjpass", "compound"):
                prt = next((c.lower_ for c in anchor.children if c.dep_ == "prt"), "")
                undone = undo_code(_lemma(anchor), _lemma(tok), code, particle=prt)
            if undone is not None:
                code = undone
                actors = actors or subject_of(anchor)
            elif code.type in ("CONSULT", "AGREE") and anchor is not tok and _lemma(anchor) in CANCEL_VERBS:
                code = Code("REJECT", "125", "meet")
                actors = subject_of(anchor)
            if code.type == "MOBILIZE" and _lemma(tok) in EXERCISE_NOUNS and _joint(tok, actors):
                code = Code("COOPERATE", "062", None)  # exercises of two armies together
        else:
            anchor = tok
            actors = subject_of(tok)
            theme = tok.lemma_.lower() in lex.object_verbs and code != lex.verbs.get(_lemma(tok))
            recipients = recipients_from.get(i) or _recipients_of_verb(tok, theme_object=theme)
            if code.type in ("RETREAT", "MOBILIZE"):  # "withdrew its troops from Chad": its own, not a recipient
                recipients = [r for r in recipients if not (r.dep_ == "dobj" and r.head.i == tok.i and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in r.children))]
            inst = _instrument(tok, lex, nominal_codes) if code.type == "ASSAULT" else None
            if inst is not None and actors and actors[0].i == inst[0].i and not _firer(inst[0]):
                # "Their artillery fire hit ...": the resolver falls back on the weapon's possessor or owner
                # ("air force jet"); measured: replacing the weapon by its modifiers loses sectors ("warplanes").
                pass
            elif inst is not None and actors and actors[0].i == inst[0].i:
                actors = _firer(inst[0])  # "the missiles fired by the Israeli military struck ..."
            elif code.type == "ASSAULT" and actors and _lemma(actors[0]) in NON_AGENTS:
                continue
            if code.type == "ASSAULT" and not actors:
                actors = _means_actor(tok, lex, {**nominal_codes, **{k: c for k, c in codes.items()
                                                                     if doc[k].dep_ == "advcl"}})
            if code.type in GOVERNING:  # "accused Russia of ...", "urged Kenya to ...": the one addressed first
                recipients = _addressees(tok, code, consumed) + [r for r in recipients]
        if code.type == "MOBILIZE" and _peace_mission(tok):
            code = Code("AID", "074", None)  # "deployed 300 troops to the UN peacekeeping mission"
        found.append(Found(tok, code, tuple(_unique(actors)), tuple(_unique(recipients)), anchor, nominal, end))
    return found


def _addressees(verb, code: Code, consumed: set[int]) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Whom a governing verb is addressed to: "urged X to", "called on X to", "demanded that X ...".

    Returned before the recipients of the governed content, so the addressee wins when it names an actor.
    """
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i not in consumed]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon", "to") and code.type == "REQUEST":
            out.extend(_pobjs(child))
    if code.type in ("REQUEST", "THREATEN"):  # "demanded that the US cancel ...": the subject of the demand
        for child in verb.children:
            if child.dep_ == "ccomp":
                out.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


# Where an act is done: with no recipient named, the place stands for those it was done to.
PLACE_PREPS: Final = frozenset({"in", "from", "into", "inside", "at", "across", "throughout", "out"})


def place_heads(item: Found) -> list:  # type: ignore[type-arg]
    """Objects of place prepositions on the trigger, its anchor or its object ("evacuate settlements in Gaza")."""
    owners = [item.trigger]
    if item.anchor.i != item.trigger.i:
        owners.append(item.anchor)
    owners += [c for o in list(owners) for c in o.children if c.dep_ in ("dobj", "nsubjpass")]
    out = []
    for owner in owners:
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                out.extend(p for p in _pobjs(prep) if p.ent_type_ in ("GPE", "LOC"))
    return out


# Nouns of shooting that carry their shooter as a modifier ("police firing").
FIRING_WORDS: Final = frozenset({"fire", "firing", "shooting", "gunfire", "crossfire", "action", "lathicharge"})


def _means_actor(verb, lex: Lexicon, nominal_codes: dict[int, Code]) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Who wielded the means of a harm whose doer is not its subject: "two were killed in police firing"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "with", "during"):
            continue
        for means in _pobjs(prep):
            code = nominal_codes.get(means.i)
            if _lemma(means) in FIRING_WORDS or _lemma(means) in lex.instruments or (
                    code is not None and code.type == "ASSAULT"):
                owners = [c for c in means.children if c.dep_ in ("compound", "poss", "amod", "nmod")
                          and c.i < means.i]
                owners += [p for c in means.children if c.dep_ == "prep" and c.lower_ == "by" for p in _pobjs(c)]
                if owners:
                    return owners
            if any(c.dep_ == "acl" and _lemma(c) in ("fire", "shoot") for c in means.children):
                return [means]  # "killed in police firing" parsed as "in [police [firing]]"
    for clause in verb.children:  # "one was killed when police opened fire": the doer of the harm's clause
        code = nominal_codes.get(clause.i)
        if clause.dep_ == "advcl" and code is not None and code.type == "ASSAULT":
            return subject_of(clause)
    return []


def _peace_mission(tok) -> bool:  # type: ignore[no-untyped-def]
    """True when a deployment is for peacekeeping, rescue or relief (its objects, purpose and modifiers say so)."""
    todo = [c for c in tok.children if c.dep_ in ("dobj", "prep", "nsubjpass", "advcl", "xcomp", "acl", "compound",
                                                   "amod")]
    seen = 0
    while todo and seen < 40:  # bounded walk down the deployment's own phrase
        node = todo.pop()
        seen += 1
        if _lemma(node) in PEACE_WORDS:
            return True
        if node.dep_ not in ("relcl", "ccomp", "conj"):
            todo.extend(node.children)
    return False


def _firer(weapon) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The agent of a participle on a weapon: "the missiles fired by the Israeli military"."""
    for child in weapon.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            return [p for c in child.children if c.dep_ == "agent" for p in _pobjs(c)]
    return []


def _joint(noun, actors: list) -> bool:  # type: ignore[type-arg]
    """An exercise held by two or more armies ("French and Egyptian warships", "drills with Japan")."""
    if any(a.conjuncts or any(m.dep_ == "amod" and m.conjuncts for m in a.children) for a in actors):
        return True  # "Kenya and Uganda", "French and Egyptian warships"
    return any(c.dep_ == "prep" and c.lower_ in ("with", "between", "alongside") for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in ("with", "alongside") for c in noun.head.children if noun.head is not noun)


def _unique(tokens: Iterable) -> list:  # type: ignore[type-arg]
    seen: set[int] = set()
    out = []
    for tok in tokens:
        if tok.i not in seen:
            seen.add(tok.i)
            out.append(tok)
    return out


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
