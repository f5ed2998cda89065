"""How one event code becomes another: what a governing verb governs, what undoing an act amounts to, and the
final choice of an event's code from its modality.

``find_events`` (triggers.py) refines a trigger's code by its sentence (``refine_governing``: "threatened to expel"
is THREATEN/expel; ``undo_code``: "lifted the curfew" is CONCEDE 0813). ``choose_code`` then decides the event's
code once, from that code and the modality evidence (``modality.ModalityReading``), before the Event is built:
an announced conflictual act is a threat, a promised cooperative one an agreement, a refused one a rejection.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from ...codes import (
    AGREE_CAMEO,
    APPEAL_CAMEO,
    ASK_MODE,
    CAMEO_ACCUSE_OF_AGGRESSION,
    CAMEO_DE_ESCALATE,
    CAMEO_DEFY_NORMS,
    CAMEO_DEMAND_ROOT,
    CAMEO_EASE_ADMINISTRATIVE_SANCTIONS,
    CAMEO_EASE_BLOCKADE,
    CAMEO_EASE_CURFEW,
    CAMEO_EASE_ECONOMIC_SANCTIONS,
    CAMEO_EASE_MARTIAL_LAW,
    CAMEO_EASE_POLITICAL_DISSENT,
    CAMEO_EXPEL,
    CAMEO_HALT_MEDIATION,
    CAMEO_HALT_NEGOTIATIONS,
    CAMEO_OCCUPY_TERRITORY,
    CAMEO_REJECT,
    CAMEO_REJECT_AGREEMENT,
    CAMEO_SANCTIONS_ROOT,
    CAMEO_STOP_AID,
    CAMEO_THREATEN,
    CAMEO_THREATEN_ADMINISTRATIVE_SANCTIONS,
    CAMEO_THREATEN_EXPULSION,
    CAMEO_THREATEN_OCCUPATION,
    CAMEO_VIOLATE_CEASEFIRE,
    COERCE_THREAT,
    DEMAND_CAMEO,
    PLOVER_QUAD,
    REJECT_CAMEO,
    THREAT_MODE,
)
from ...model import Modality
from .modality import ModalityReading
from .types import Code
from .words import event_words

__all__ = ["GOVERNING", "choose_code", "future_intent", "negated_intent", "refine_governing", "threat_intent",
           "undo_code"]

# Types whose complement is content (what is threatened, agreed, asked, refused, alleged), not an event.
GOVERNING: Final = frozenset({"THREATEN", "AGREE", "REQUEST", "REJECT", "ACCUSE"})
COOPERATION_QUADS: Final = ("verbal_cooperation", "material_cooperation")
# Interactions that are mutual when the sides are named together ("X and Y met", "X and Y agreed").
RECIPROCAL_TYPES: Final = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def refine_governing(code: Code, content: Code) -> Code:
    """The code of a governing event given what it governs ("threatened to expel" -> THREATEN/expel)."""
    if code.type == "THREATEN":
        return _threat_of(code, content)
    if code.type == "AGREE":
        if content.type in GOVERNING - {"AGREE"} or content.type in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION"):
            return code  # "vowed to attack" is handled by the caller as a threat
        return Code("AGREE", AGREE_CAMEO.get(content.type, code.cameo), None)
    if code.type == "REQUEST":
        table = DEMAND_CAMEO if code.cameo.startswith(CAMEO_DEMAND_ROOT) else APPEAL_CAMEO
        return Code("REQUEST", table.get(content.type, code.cameo), ASK_MODE.get(content.type))
    if code.type == "REJECT":
        return Code("REJECT", REJECT_CAMEO.get(content.type, code.cameo), ASK_MODE.get(content.type))
    if code.type == "ACCUSE" and code.mode == "disapprove" and content.type in ("ASSAULT", "COERCE"):
        return code
    if code.type == "ACCUSE" and content.type == "ASSAULT":
        return Code("ACCUSE", CAMEO_ACCUSE_OF_AGGRESSION, "allege")
    return code


def _threat_of(code: Code, content: Code) -> Code:
    """A THREATEN code by what is threatened: its mode and CAMEO 13x."""
    if content.type == "COERCE":
        default = ("territory", CAMEO_THREATEN_OCCUPATION) if content.cameo == CAMEO_OCCUPY_TERRITORY \
            else ("restrict", CAMEO_THREATEN_ADMINISTRATIVE_SANCTIONS)
        mode, cameo = COERCE_THREAT.get(content.mode, default)
        return Code("THREATEN", cameo, mode)
    if content.type == "SANCTION" and content.mode == "expel":
        return Code("THREATEN", CAMEO_THREATEN_EXPULSION, "expel")
    mode_cameo = THREAT_MODE.get(content.type)
    return Code("THREATEN", mode_cameo[1], mode_cameo[0]) if mode_cameo else code


# ---------------------------------------------------------------- undoing an event a noun names

# Undo verbs that stop an act rather than lift a measure ("halted the sanctions" is no easing).
_STOPPING: Final = frozenset({"halt", "stop", "suspend", "call", "break"})
# Undo verbs that end a protest by the protesters' own choice (not "broke up", "lifted", "eased" it).
_NOT_CONCEDING: Final = frozenset({"break", "lift", "ease", "remove", "lower"})
_ENDING_VIOLENCE: Final = frozenset({"end", "halt", "stop", "suspend", "call", "cease"})
_ENDING_TALKS: Final = frozenset({"end", "halt", "suspend", "stop", "terminate", "break", "call", "abandon", "quit"})
# Undo verbs that break a visit off before its end, not those that tell it ended.
_BREAKING_OFF: Final = frozenset({"halt", "suspend", "break", "abandon"})
_ENDING_AGREEMENT: Final = frozenset({"scrap", "abandon", "quit", "cancel", "end", "terminate", "suspend", "revoke"})
_ENDING_AID: Final = frozenset({"end", "halt", "suspend", "stop", "cancel", "terminate", "cut", "drop"})


def undo_code(verb_lemma: str, noun_lemma: str, code: Code, *, particle: str = "") -> Code | None:
    """What "lifting", "ending" or "violating" the event named by a noun amounts to, or None when unchanged."""
    words = event_words()
    # "broke the agreement", "broke the truce" are violations; "broke the siege" ends it
    if verb_lemma in words.violate_verbs and verb_lemma != "break" or (
            verb_lemma == "break" and (code.type == "AGREE" or code.mode == "ceasefire")):
        return _violation(code)
    if verb_lemma not in words.undo_verbs or (verb_lemma == "call" and particle != "off"):
        return None
    if code.type in ("COERCE", "SANCTION") and verb_lemma not in _STOPPING:
        return _eased_measure(noun_lemma, code)
    if code.type == "PROTEST" and verb_lemma not in _NOT_CONCEDING:
        if noun_lemma == "boycott":
            return Code("RETREAT", CAMEO_EASE_ECONOMIC_SANCTIONS, "ease")
        return Code("CONCEDE", CAMEO_EASE_POLITICAL_DISSENT, None)
    return _ended_act(verb_lemma, noun_lemma, code)


def _violation(code: Code) -> Code | None:
    """Violating a ceasefire is an assault; defying a ban, a law or an agreement a rejection."""
    if code.type == "RETREAT" and code.mode == "ceasefire":
        return Code("ASSAULT", CAMEO_VIOLATE_CEASEFIRE, None)
    if code.type in ("COERCE", "AGREE", "SANCTION"):
        return Code("REJECT", CAMEO_DEFY_NORMS, "yield")
    return None


def _eased_measure(noun_lemma: str, code: Code) -> Code:
    """Lifting a restriction or a sanction: easing sanctions, a blockade, a curfew, martial law, or any other."""
    if code.cameo.startswith(CAMEO_SANCTIONS_ROOT) or noun_lemma in ("sanction", "embargo", "tariff"):
        return Code("RETREAT", CAMEO_EASE_ECONOMIC_SANCTIONS, "ease")
    if noun_lemma in ("blockade", "siege"):
        return Code("RETREAT", CAMEO_EASE_BLOCKADE, "withdraw")
    # PLOVER's manual: "removing curfews" and easing restrictions are CONCEDE (the CAMEO2PLOVER table says RETREAT)
    if code.mode == "curfew":
        return Code("CONCEDE", CAMEO_EASE_CURFEW, None)
    if code.mode == "martial-law":
        return Code("CONCEDE", CAMEO_EASE_MARTIAL_LAW, None)
    return Code("CONCEDE", CAMEO_EASE_ADMINISTRATIVE_SANCTIONS, None)


def _ended_act(verb_lemma: str, noun_lemma: str, code: Code) -> Code | None:
    """Ending fighting, talks, an agreement or aid."""
    if code.type == "ASSAULT" and verb_lemma in _ENDING_VIOLENCE:
        return Code("RETREAT", CAMEO_DE_ESCALATE, "disarm")
    if code.mode == "visit" and verb_lemma not in _BREAKING_OFF:
        return None  # "ending a three-week US tour", "ended his visit to China": the visit made, nothing halted
    if code.type == "CONSULT" and verb_lemma in _ENDING_TALKS:
        return Code("SANCTION", CAMEO_HALT_MEDIATION if noun_lemma == "mediation" else CAMEO_HALT_NEGOTIATIONS,
                    "withdraw")
    if code.type == "AGREE" and verb_lemma in _ENDING_AGREEMENT:
        return Code("REJECT", CAMEO_REJECT_AGREEMENT, "meet")
    if code.type in ("AID", "COOPERATE") and verb_lemma in _ENDING_AID:
        return Code("SANCTION", CAMEO_STOP_AID, "discontinue")
    return None


# ---------------------------------------------------------------- intent: modality informs the code


def future_intent(code: Code) -> Code:
    """A cooperative act reported as future is a promise: PLOVER codes it AGREE ("will sign" -> AGREE)."""
    if code.type in ("SUPPORT", "COOPERATE", "AID", "RETREAT"):
        return replace(code, type="AGREE", cameo=AGREE_CAMEO[code.type], mode=None)
    return code


def threat_intent(code: Code) -> Code | None:
    """An announced or conditional conflictual act is a THREATEN event (PLOVER: a threat, not the act)."""
    if code.type in ("ASSAULT", "COERCE", "SANCTION", "PROTEST") or (
            code.type == "RETREAT" and code.mode == "withdraw"):
        content = Code("SANCTION", CAMEO_EXPEL, "expel") if code.type == "RETREAT" else code
        return refine_governing(Code("THREATEN", CAMEO_THREATEN), content)
    return None


def negated_intent(code: Code) -> Code | None:
    """Cooperation that will not or did not happen by the actor's choice is a REJECT event."""
    if PLOVER_QUAD.get(code.type) in COOPERATION_QUADS:
        return refine_governing(Code("REJECT", CAMEO_REJECT), code)
    return None


def choose_code(code: Code, reading: ModalityReading) -> tuple[Code, Modality]:
    """The event's code and modality, decided once from the trigger's ``code`` and the modality evidence.

    * future: announced conflict ("said they would boycott") is a threat, announced cooperation a promise;
    * hypothetical consequence of a condition ("will withdraw its force unless ..."): a conditional threat,
      asserted;
    * negated by the actor's own choice ("will not release", "failed to reach agreement"), not by a denial:
      a refusal, asserted.
    """
    modality = reading.modality
    if modality == "future":
        # an announced pull-out is a plan to yield ("France will withdraw its troops, Macron said"); only one
        # hung on a condition threatens ("... unless the rebels disarm", below)
        threat = threat_intent(code) if reading.announced and code.type != "RETREAT" else None
        return threat or future_intent(code), modality
    if modality == "hypothetical" and reading.conditional_consequence:
        threat = threat_intent(code)
        if threat is not None:
            return threat, "asserted"
    elif modality == "negated" and not reading.denied:
        refusal = negated_intent(code)
        if refusal is not None:
            return refusal, "asserted"
    return code, modality
