"""The types the events modules share: what a trigger means (``Code``), the event lexicon's lookup tables
(``Lexicon``), one trigger found in a sentence before its arguments become actors (``Found``) and what a casualty
figure counts (``Category``).

They live here, below every other module of the package, so that triggers, arguments, modality and the
detector import them without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CATEGORIES", "Category", "Code", "Found", "Lexicon"]


@dataclass(frozen=True, slots=True)
class Code:
    """What a trigger means: PLOVER type, CAMEO code and PLOVER mode."""

    type: str
    cameo: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The event lexicon (``lexicon/events.yaml``) as dicts keyed by lemma."""

    verbs: dict[str, Code]
    phrasal: dict[tuple[str, str], Code]
    phrasal_heads: frozenset[str]
    object_verbs: dict[str, dict[str, Code]]
    object_nouns: dict[str, str]  # a noun read as the object verb it names ("sale": sell)
    object_classes: dict[str, tuple[str, ...]]  # a word's classes, in the lexicon's order ("missile": military, arms)
    containers: frozenset[str]
    nouns: dict[str, Code]
    compound_nouns: dict[tuple[str, str], Code]
    compound_heads: frozenset[str]
    instruments: dict[str, Code]
    light_verbs: frozenset[str]
    not_with_object: dict[str, frozenset[str]]
    intransitive: dict[str, Code]
    not_with_modifier: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Found:
    """One event found in a sentence, before its arguments are resolved into actors."""

    trigger: Token
    code: Code
    actors: tuple[Token, ...]  # candidate heads, best first
    recipients: tuple[Token, ...]
    anchor: Token  # the verb that carries tense, negation and modals
    nominal: bool
    trigger_end: int  # body offset just past the trigger (particle included)


# What a casualty figure counts (``Counts`` fields).
Category = Literal["dead", "injured", "arrested", "displaced"]
CATEGORIES: Final[tuple[Category, ...]] = ("dead", "injured", "arrested", "displaced")
