"""The word lists of the event rules, read once from ``lexicon/event_words.yaml``.

Open word classes (the nouns, verbs and adjectives a rule tests a token against: opinion nouns, undo verbs,
natural causes of death, reporting verbs, what a figure counts ...) are data a user extending the coder edits, so
they live in that file; ``event_words()`` reads it when first asked for. Closed grammatical classes (dependency
labels, prepositions, modals, pronouns, negation words) stay in the modules as named constants.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml

from ...errors import LexiconError
from ...resources import LEXICON_DIR, load_yaml, read_lexicon
from .types import CATEGORIES, Category

# Read by event_words when first asked for, so a test or a user may point it at another file first.
WORDS_PATH: Path = LEXICON_DIR / "event_words.yaml"

__all__ = ["WORDS_PATH", "EventWords", "event_words", "words_from_yaml"]


@dataclass(frozen=True, slots=True)
class EventWords:
    """One field per list of ``lexicon/event_words.yaml`` (its comments say what each list is for)."""

    # triggers
    opinion_nouns: frozenset[str]
    opinion_adjectives: frozenset[str]
    prospect_nouns: frozenset[str]
    cancel_verbs: frozenset[str]
    speech_complements: frozenset[str]
    deny_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    non_agents: frozenset[str]
    suffered_happenings: frozenset[str]
    crash_verbs: frozenset[str]
    legal_instruments: frozenset[str]
    accident_adverbs: frozenset[str]
    security_doers: frozenset[str]
    burning_things: frozenset[str]
    appeal_verbs: frozenset[str]
    anyone_words: frozenset[str]
    recording_media: frozenset[str]
    vehicles: frozenset[str]
    striking_workers: frozenset[str]
    labor_strike_words: frozenset[str]
    military_strike_words: frozenset[str]
    protesting_crowds: frozenset[str]
    gathering_verbs: frozenset[str]
    rally_aims: frozenset[str]
    rally_acts: frozenset[str]
    contesting_verbs: frozenset[str]
    crowd_words: frozenset[str]
    destination_verbs: frozenset[str]
    sequence_verbs: frozenset[str]
    publishing_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    clash_verbs: frozenset[str]
    trading_verbs: frozenset[str]
    operation_nouns: frozenset[str]
    message_nouns: frozenset[str]
    habit_adjectives: frozenset[str]
    standing_verbs: frozenset[str]
    standing_nouns: frozenset[str]
    trend_nouns: frozenset[str]
    promise_verbs: frozenset[str]
    particle_senses: dict[str, tuple[str, ...]]
    alleged_wrongs: frozenset[str]
    clause_appeals: frozenset[str]
    clause_accusations: frozenset[str]
    equipment_heads: frozenset[str]
    custody_verbs: frozenset[str]
    custody_places: frozenset[str]
    sentencing_verbs: frozenset[str]
    offences: frozenset[str]
    arresting_agents: frozenset[str]
    held_people: frozenset[str]
    knowing_verbs: frozenset[str]
    kind_heads: frozenset[str]
    reprisal_nouns: frozenset[str]
    ramming_verbs: frozenset[str]
    undo_verbs: frozenset[str]
    violate_verbs: frozenset[str]
    exercise_nouns: frozenset[str]
    ready_adjectives: frozenset[str]
    permit_verbs: frozenset[str]
    theme_nouns: frozenset[str]
    # arguments
    of_agent_nouns: frozenset[str]
    suffered_nouns: frozenset[str]
    process_nouns: frozenset[str]
    peace_words: frozenset[str]
    responsibility_verbs: frozenset[str]
    resort_verbs: frozenset[str]
    firing_words: frozenset[str]
    sticks: frozenset[str]
    death_verbs: frozenset[str]
    death_nouns: frozenset[str]
    violent_causes: frozenset[str]
    help_verbs: frozenset[str]
    taking_verbs: frozenset[str]
    describing_participles: frozenset[str]
    # modality
    future_governors: frozenset[str]
    journey_verbs: frozenset[str]
    journey_nouns: frozenset[str]
    touring_parties: frozenset[str]
    bargain_nouns: frozenset[str]
    causing_verbs: frozenset[str]
    ordering_verbs: frozenset[str]
    leaving_verbs: frozenset[str]
    using_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    intent_of_nouns: frozenset[str]
    preparation_nouns: frozenset[str]
    holding_nouns: frozenset[str]
    sports_words: frozenset[str]
    request_nouns: frozenset[str]
    hypothetical_governors: frozenset[str]
    occurrence_verbs: frozenset[str]
    implicative_when_past: frozenset[str]
    non_factive_adjectives: frozenset[str]
    task_nouns: frozenset[str]
    condition_nouns: frozenset[str]
    negating_governors: frozenset[str]
    negating_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    threat_objects: frozenset[str]
    task_gerunds: frozenset[str]
    charging_words: frozenset[str]
    announcing_verbs: frozenset[str]
    # attribution
    reporting_always: frozenset[str]
    reporting_with_clause: frozenset[str]
    # counts
    counted_objects: dict[str, Category]
    needs_particle: dict[str, tuple[str, ...]]
    counted_subjects: dict[str, Category]
    counted_nouns: dict[str, Category]
    counted_of_nouns: dict[str, Category]
    counted_predicates: dict[str, Category]
    new_incident_words: frozenset[str]
    # the story read together (story.py)
    history_periods: frozenset[str]
    habitual_adverbs: frozenset[str]
    kin_nouns: frozenset[str]
    private_persons: frozenset[str]
    harm_verbs: frozenset[str]


def _bad(key: str, problem: str) -> LexiconError:
    return LexiconError(f"event word list {key!r} in {WORDS_PATH} {problem}: fix that entry")


def _words(key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise _bad(key, "is not a list of words")
    return [w.lower() for w in value]


def _categories(key: str, value: Any) -> dict[str, Category]:
    if not isinstance(value, dict):
        raise _bad(key, "is not a mapping of word: category")
    out: dict[str, Category] = {}
    for word, category in value.items():
        if category not in CATEGORIES:
            raise _bad(key, f"maps {word!r} to {category!r}, not one of {', '.join(CATEGORIES)}")
        out[str(word).lower()] = cast(Category, category)
    return out


def _parse(key: str, kind: str, value: Any) -> Any:
    if kind == "frozenset[str]":
        return frozenset(_words(key, value))
    if kind == "dict[str, Category]":
        return _categories(key, value)
    if not isinstance(value, dict):
        raise _bad(key, "is not a mapping of word: [words]")
    return {str(word).lower(): tuple(_words(f"{key}.{word}", needed or [])) for word, needed in value.items()}


def words_from_yaml(text: str) -> EventWords:
    """The word lists from the YAML text of ``event_words.yaml``; LexiconError naming the list when one is bad."""
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"event word lists {WORDS_PATH} are not valid YAML ({exc}): fix the line it names") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"event word lists {WORDS_PATH} are not a mapping of list names: reinstall dragoman")
    missing = [f.name for f in fields(EventWords) if f.name not in data]
    if missing:
        raise LexiconError(f"event word lists {WORDS_PATH} lack {', '.join(missing)}: add them or reinstall dragoman")
    return EventWords(**{f.name: _parse(f.name, str(f.type), data[f.name]) for f in fields(EventWords)})


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The packaged word lists (``WORDS_PATH``), read once per process."""
    return words_from_yaml(read_lexicon(WORDS_PATH.name, folder=WORDS_PATH.parent))
