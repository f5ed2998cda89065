"""Casualty and other counts (dead, injured, arrested, displaced) attached to one event.

Two layers:

* ``parse_number(text)`` — pure string parsing, no model: digits ("240,000", "1.2 million"),
  words ("twelve", "twenty-five thousand", "a quarter of a million", "half a million"),
  qualifiers that make the figure a bound, and vague plurals.
* ``counts_for(sentence, trigger)`` — finds the number phrases of a parsed sentence, decides
  what each one counts from the dependency parse, and keeps those that belong to the clause
  of ``trigger``.

Bounds (``Counts.bounds`` holds ``(field, bound)`` pairs):

* ``at_least``: "at least", "more than", "over", "upwards of", "in excess of", "no fewer than".
* ``at_most``: "nearly", "almost", "up to", "as many as", "fewer than", "less than", "under",
  "close to" — "nearly 2 million" is below two million, so it is an upper bound.
* ``approx``: "about", "around", "some", "roughly", "approximately", "an estimated".
* Vague plurals are lower bounds at their smallest sensible reading: "dozens" -> 24,
  "scores" -> 40, "hundreds" -> 200, "thousands" -> 2000, "tens of thousands" -> 20000,
  "hundreds of thousands" -> 200000, "millions" -> 2000000, "several" -> 3 (all ``at_least``).
  "a dozen" is exactly 12. "many"/"a few" are not counts.

Attachment: a figure can count for an event when the word that says what it counts (the verb
"killed", the noun "deaths", "refugees", the predicate "dead") lies in the trigger's clause.
Clauses are finite predicates with their own subject; participles ("..., killing 12") belong
to the clause above them. An *outcome clause* — a casualty verb with no agent ("five people
were killed", "12 died", "240,000 have fled") — belongs to the event it is coordinated with or
explains ("rebels attacked the base and five soldiers were killed", "five were killed when
rebels attacked"); so does a relative clause whose subject is a thing ("mortar fire that killed
five": the weapon of the attack). A clause with its own agent ("while police arrested 30
protesters") is a separate event and keeps its own counts.

Each figure is counted once (``assign_figures``): among the events of its sentence whose clause
it can count for, it goes to the event its word is the trigger of ("killing 19" -> the killing),
else to the nearest trigger in the dependency tree whose type can cause that kind of figure
(``CAUSES``: deaths and injuries come from an ASSAULT, arrests from a COERCE ...), never to the
protest the police fired on. A figure no such event can own is attached to none. An event split
per conjoined actor keeps the figure on its first copy only. A story that states a figure again
later ("Fourteen people were killed in the attack, an official confirmed") reports the same
figure, not a new one (``counted_once``): the later event keeps no figure of that kind unless
something tells the incidents apart. Summing a field over a document's events therefore sums
figures, not copies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final, Literal

from ...model import Counts, Event
from ..time.words import CARDINALS  # the one table of number words
from .types import CATEGORIES, Category
from .words import event_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["CATEGORIES", "CAUSES", "Category", "Figure", "assign_figures", "clause_head", "counted_once", "counts_for",
           "parse_number", "sentence_figures"]

Bound = Literal["at_least", "at_most", "approx"]
# Event types that can cause a figure of each kind, best first: people are killed and wounded by an
# ASSAULT (or a violent COERCE: a crackdown), arrested by a COERCE, displaced by fighting, evictions and
# expulsions. A PROTEST, a talk or an aid delivery causes none of them.
CAUSES: Final[dict[Category, tuple[str, ...]]] = {
    "dead": ("ASSAULT", "COERCE"),
    "injured": ("ASSAULT", "COERCE"),
    "arrested": ("COERCE",),
    "displaced": ("ASSAULT", "COERCE", "SANCTION"),
}

# ---------------------------------------------------------------- number words (pure parsing)

_SCALES: Final[dict[str, int]] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}
_FRACTIONS: Final[dict[str, float]] = {
    "half": 0.5, "quarter": 0.25, "third": 1 / 3, "quarters": 0.25, "thirds": 1 / 3,
}
# Vague plurals: the smallest sensible reading, always a lower bound (see module docstring).
_VAGUE: Final[dict[str, int]] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "several": 3,
    "several hundred": 300, "several thousand": 3_000, "several dozen": 36, "tens": 20,
}
_QUALIFIERS: Final[tuple[tuple[str, Bound], ...]] = tuple(
    sorted(
        [
            ("at least", "at_least"), ("more than", "at_least"), ("over", "at_least"),
            ("upwards of", "at_least"), ("in excess of", "at_least"), ("no fewer than", "at_least"),
            ("no less than", "at_least"), ("not less than", "at_least"), ("a minimum of", "at_least"),
            ("well over", "at_least"), ("at least some", "at_least"),
            ("nearly", "at_most"), ("almost", "at_most"), ("up to", "at_most"), ("as many as", "at_most"),
            ("fewer than", "at_most"), ("less than", "at_most"), ("under", "at_most"),
            ("close to", "at_most"), ("no more than", "at_most"), ("not more than", "at_most"),
            ("just under", "at_most"), ("a maximum of", "at_most"),
            ("about", "approx"), ("around", "approx"), ("some", "approx"), ("roughly", "approx"),
            ("approximately", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
            ("approx.", "approx"), ("approx", "approx"), ("some estimated", "approx"),
        ],
        key=lambda pair: -len(pair[0]),
    )
)
_QUALIFIER_PHRASES: Final[frozenset[str]] = frozenset(phrase for phrase, _b in _QUALIFIERS)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _strip_qualifier(text: str) -> tuple[str, Bound | None]:
    for phrase, bound in _QUALIFIERS:
        if text == phrase:
            return "", bound
        if text.startswith(phrase + " "):
            return text[len(phrase) + 1 :].strip(), bound
    return text, None


def _words_value(words: list[str]) -> float | None:
    """Value of a sequence like ["1.2", "million"], ["twenty", "five", "thousand"], ["a", "quarter", "of", "a",
    "million"]; None when a word is not part of a number."""
    total = 0.0
    current: float | None = None
    fraction: float | None = None
    for word in words:
        if word in ("and", "of"):
            continue
        if word in ("a", "an"):
            if current is None and fraction is None:
                current = 1.0
            continue
        if _DIGITS.match(word):
            current = (current or 0.0) + float(word.replace(",", ""))
        elif word in CARDINALS:
            current = (current or 0.0) + CARDINALS[word]
        elif word in _FRACTIONS:
            # "a quarter of a million", "half a million", "three quarters of a million"
            multiple = current if current not in (None, 0.0) else 1.0
            fraction = multiple * _FRACTIONS[word]
            current = None
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in _SCALES:
            base = fraction if fraction is not None else (current if current is not None else 1.0)
            total += base * _SCALES[word]
            current, fraction = None, None
        else:
            return None
    if fraction is not None:  # "half" with no scale after it is not a count
        return None
    return total + (current or 0.0)


def parse_number(text: str) -> tuple[int, Bound | None] | None:
    """``(value, bound)`` for a number phrase, or None when ``text`` is not one.

    >>> parse_number("more than a quarter of a million")
    (250000, 'at_least')
    """
    norm = " ".join(text.lower().replace("\u2013", "-").replace("-", " ").split())
    norm = norm.removesuffix(" or so").removesuffix(" of")
    if not norm:
        return None
    rest, bound = _strip_qualifier(norm)
    if not rest:
        return None
    if rest in _VAGUE:
        # A qualifier on a vague plural ("nearly dozens") keeps the plural's own lower bound.
        return _VAGUE[rest], "at_least"
    words = rest.split()
    if words[0] in ("a", "an") and len(words) == 2 and words[1] in ("few", "handful", "number"):
        return None
    value = _words_value(words)
    if value is None or (len(words) == 1 and words[0] in ("a", "an")):
        return None
    return int(round(value)), bound


# ---------------------------------------------------------------- what is counted

# The verbs, nouns and predicates that say what a figure counts are word lists in lexicon/event_words.yaml
# (counted_objects, counted_subjects, counted_nouns, counted_predicates, needs_particle).
_SUBJECTS: Final[frozenset[str]] = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_NUM_DEPS: Final[frozenset[str]] = frozenset({"nummod", "quantmod", "compound", "amod", "advmod", "npadvmod"})
_SKIP_ENTS: Final[frozenset[str]] = frozenset({"MONEY", "PERCENT", "ORDINAL", "TIME"})
_CONNECTORS: Final[frozenset[str]] = frozenset({"-", "of", "a", "an"})


def _is_number_word(token: Token) -> bool:
    low = token.lower_
    return bool(
        _DIGITS.match(low) or low in CARDINALS or low in _SCALES or low in _FRACTIONS
        or low in ("dozen", "dozens", "scores", "hundreds", "thousands", "millions", "tens", "several")
        or (token.like_num and not low.isalpha() and any(c.isdigit() for c in low))
    )


def _number_phrases(sentence: Span) -> list[tuple[list[Token], int, Bound | None]]:
    """``(tokens, value, bound)`` for every number phrase in the sentence, left to right."""
    tokens = list(sentence)
    found = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        start_a = tok.lower_ in ("a", "an") and i + 1 < len(tokens) and _is_number_word(tokens[i + 1])
        if not (_is_number_word(tok) or start_a) or tok.ent_type_ in _SKIP_ENTS:
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j]
            if _is_number_word(nxt):
                j += 1
            elif nxt.lower_ in _CONNECTORS and j + 1 < len(tokens) and (
                _is_number_word(tokens[j + 1])
                or (tokens[j + 1].lower_ in ("a", "an") and j + 2 < len(tokens) and _is_number_word(tokens[j + 2]))
            ):
                j += 1
            elif nxt.lower_ == "and" and tokens[j - 1].lower_ in ("hundred", "thousand") and j + 1 < len(tokens) \
                    and tokens[j + 1].lower_ in CARDINALS:
                j += 1
            else:
                break
        span = tokens[i:j]
        # Extend left over a qualifier ("more than", "at least", "an estimated").
        best_start = i
        for k in range(max(0, i - 4), i):
            words = " ".join(t.lower_ for t in tokens[k:i])
            if words in _QUALIFIER_PHRASES:
                best_start = k
                break
        text = " ".join(t.text for t in tokens[best_start:j])
        parsed = parse_number(text)
        if parsed is not None:
            found.append((span, parsed[0], parsed[1]))
        i = j
    return found


def _phrase_head(span: list[Token]) -> Token:
    ids = {t.i for t in span}
    outside = [t for t in span if t.head.i not in ids or t.head.i == t.i]
    return outside[-1] if outside else span[-1]


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in token.children)


def _is_clause(token: Token) -> bool:
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if _has_subject(token) or token.dep_ in ("ccomp", "relcl", "parataxis"):
        return True
    if token.dep_ == "conj":
        # A second predicate of the same subject is its own event ("arrested 30 and killed five"),
        # except violence outcomes of a violent act ("attacked the village and killed 12", "killed 25 and
        # displaced 4,000": the same clashes drove them out).
        own = _verb_category(token)
        parent = _verb_category(token.head)
        if own == "displaced":
            return parent not in ("dead", "injured", None)
        return not (own in ("dead", "injured") and parent not in ("arrested", "displaced"))
    return False


def _verb_category(token: Token) -> Category | None:
    words = event_words()
    return words.counted_objects.get(token.lemma_) or words.counted_subjects.get(token.lemma_)


def clause_head(token: Token) -> Token:
    """The finite predicate (own subject, or the root) whose clause ``token`` is in."""
    cur = token
    for _ in range(64):  # parse trees are shallow; the bound only guards against a cycle
        if _is_clause(cur):
            return cur
        cur = cur.head
    return cur


def _is_outcome(verb: Token) -> bool:
    """A casualty predicate with no agent: "were killed", "died", "have fled", "40 injured"; or a toll's
    ("and the number injured topped 2,200", "the death toll rose to 40")."""
    if any(c.dep_ in ("nsubj", "dobj") and c.lemma_ in _TOLL_NOUNS and _toll_kind(c) for c in verb.children):
        return True
    words = event_words()
    if verb.lemma_ not in words.counted_objects and verb.lemma_ not in words.counted_subjects:
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if any(c.dep_ == "nsubjpass" for c in subjects):
        return True
    if not subjects:
        # a bare participle ("12 people killed") or passive; a subjectless active conjunct shares an agent
        return any(c.dep_ == "auxpass" for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ != "conj")
    if verb.lemma_ in words.counted_subjects:
        return True
    # "and 40 injured": a number as the subject of a bare participle is a reduced passive.
    return all(_is_number_word(s) for s in subjects) and not any(c.dep_ == "dobj" for c in verb.children)


def _is_means_clause(verb: Token) -> bool:
    """ "mortar fire that killed five", "an airstrike which wounded 12": a relative clause whose subject is a
    thing tells what the weapon or attack of the clause above did; "men who killed five" have their own agent."""
    return (verb.dep_ == "relcl" and _verb_category(verb) in ("dead", "injured", "displaced")
            and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children))


def _clause_chain(token: Token) -> list[Token]:
    """The clause of ``token`` and the clauses it folds into (outcome clauses join their event)."""
    chain = [clause_head(token)]
    for _ in range(16):
        cur = chain[-1]
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            break
        parent = clause_head(cur.head)
        if _is_means_clause(cur):
            chain.append(parent)
            continue
        if cur.dep_ in ("conj", "advcl", "parataxis", "xcomp") and (_is_outcome(cur) or
                                                                     (cur.dep_ == "advcl" and _is_outcome(parent))):
            # arrests are their own events: they never fold into violence and back
            if ("arrested" in (_verb_category(cur), _verb_category(parent))
                    and _verb_category(cur) != _verb_category(parent) and _verb_category(parent) is not None
                    and _verb_category(cur) is not None):
                break
            chain.append(parent)
        else:
            break
    return chain


Role = tuple[Category, "Token"]  # what a figure counts, and the word that says so (it decides the clause)


def _role_category(number_head: Token, span: list[Token], sent_end: int) -> Role | None:
    """``(category, anchor)`` for a number phrase, or None; the anchor decides the clause.

    ``sent_end``: the index just past the sentence's last token (cheaper than comparing ``Token.sent``).
    """
    head = number_head
    counted, top = _counted(head, span)
    # 1. the counted noun says it: "12 deaths", "240,000 refugees", "12 dead"
    if counted.i != head.i:
        found = _by_counted_noun(counted)
        if found is not None:
            return found
    # 2. a modifier on the counted noun: "12 people killed", "12 injured people", "people who died"
    found = _by_modifier(counted, head)
    if found is not None:
        return found
    # a predicate after the last of several counted nouns is said of all: "five officers and a dozen militants
    # left dead"
    for later in (c for c in counted.conjuncts if c.i > counted.i):
        found = _by_modifier(later, head)
        if found is not None:
            return found
    # 3. its role in the clause: "killed five soldiers", "five people were killed", "240,000 have fled"
    role = top if top.i != head.i else (head if counted.dep_ == "pobj" and counted.head.head.i == head.i
                                        else counted)
    while role.dep_ == "conj" and role.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        role = role.head
    found = _by_clause_role(role)
    if found is not None:
        return found
    # "the death toll rose to 40", "a toll of 40"
    toll = _toll_category(role)
    if toll is not None:
        return toll
    # 4. a predicate right after the phrase: "5 killed, 12 injured" in a headline-like list
    return _by_next_word(number_head, sent_end)


def _counted(head: Token, span: list[Token]) -> tuple[Token, Token]:
    """The noun a number phrase counts, and the phrase's top word (which carries its role in the clause)."""
    counted = head.head if head.dep_ in _NUM_DEPS and head.head.i != head.i else head
    ids = {t.i for t in span}
    top = head
    if counted.dep_ == "pobj" and counted.head.i in ids:
        # "a quarter of a million people": the phrase's top word carries the role in the clause
        top = next((t for t in span if t.head.i not in ids and t.head.i != counted.i), head)
    elif counted.i == head.i:
        # "hundreds of refugees", "dozens of people": the noun after "of" says what is counted
        of_objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
        if of_objects:
            counted = of_objects[0]
    return counted, top


def _by_counted_noun(counted: Token) -> Role | None:
    nouns = event_words().counted_nouns
    for word in (counted.lower_, counted.lemma_.lower()):
        if word in nouns:
            return nouns[word], counted
    # "taken 40 soldiers prisoner": the parse counts the prisoners; taking them is the capture
    if counted.lemma_ in ("prisoner", "captive") and counted.dep_ in ("dobj", "oprd") \
            and counted.head.lemma_ in ("take", "capture"):
        return "arrested", counted.head
    return None


def _by_modifier(counted: Token, head: Token) -> Role | None:
    words = event_words()
    for child in counted.children:
        if child.i == head.i:
            continue
        low = child.lower_
        if child.dep_ in ("amod", "acl") and low in words.counted_predicates:
            return words.counted_predicates[low], child
        if child.dep_ in ("acl", "relcl") and child.lemma_ in words.counted_subjects:
            return words.counted_subjects[child.lemma_], child
        if child.dep_ == "acl" and (left := _left_as(child)) is not None:  # "about a dozen militants left dead"
            return left, child
        if child.dep_ in ("acl", "relcl") and child.lemma_ in words.counted_objects and (
            child.tag_ == "VBN" or any(c.dep_ == "nsubjpass" for c in child.children)
        ):
            return words.counted_objects[child.lemma_], child
    return None


def _by_clause_role(role: Token) -> Role | None:
    """What the verb the counted noun is an argument of says: "killed five soldiers", "240,000 have fled"."""
    words = event_words()
    verb = role.head
    objects, subjects = words.counted_objects, words.counted_subjects
    fatally = any(c.dep_ == "advmod" and c.lower_ == "fatally" for c in verb.children)
    if role.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in objects and _particle_ok(verb) and not fatally:
        return objects[verb.lemma_], verb
    if role.dep_ in ("dobj", "nsubjpass") and _kills_by_result(verb):
        return "dead", verb
    if role.dep_ == "nsubj" and verb.lemma_ in subjects:
        return subjects[verb.lemma_], verb
    if role.dep_ in ("nsubj", "nsubjpass") and (left := _left_as(verb)) is not None:  # "12 militants were left dead"
        return left, verb
    if role.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in words.counted_of_nouns:
        return words.counted_of_nouns[verb.head.lemma_.lower()], verb.head  # "the killing of five villagers"
    if role.dep_ == "nsubj" and verb.lemma_ in objects and verb.tag_ == "VBN" \
            and not any(c.dep_ == "dobj" for c in verb.children):
        return objects[verb.lemma_], verb
    if role.dep_ == "dobj":
        # "left 12 dead", "made 5,000 homeless", "forced 240,000 people to flee"
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "amod", "advcl") and child.i > role.i:
                if child.lower_ in words.counted_predicates:
                    return words.counted_predicates[child.lower_], verb
                if child.lemma_ in subjects:
                    return subjects[child.lemma_], verb
    return None


def _left_as(verb: Token) -> Category | None:
    """What "left" says its people were left as ("left dead", "left wounded"), or None for another verb."""
    if verb.lemma_ != "leave":
        return None
    predicates = event_words().counted_predicates
    return next((predicates[s.lower_] for s in verb.children
                 if s.dep_ in ("oprd", "acomp", "xcomp") and s.lower_ in predicates), None)


def _by_next_word(number_head: Token, sent_end: int) -> Role | None:
    """ "5 killed, 12 injured", "5 people dead": a predicate right after the phrase."""
    predicates = event_words().counted_predicates
    doc = number_head.doc
    nxt = doc[number_head.i + 1] if number_head.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("people", "persons", "others", "civilians"):
        nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in predicates and nxt.i < sent_end:
        return predicates[nxt.lower_], nxt
    return None


def dead_misparsed(verb: Token) -> Token | None:
    """"dead" right after the verb, parsed as an adjective of the next noun ("were shot dead outside parliament":
    "dead" on "parliament"): the verb's result all the same."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return nxt if nxt is not None and nxt.lower_ == "dead" and nxt.dep_ == "amod" and nxt.head.i > nxt.i else None


def _kills_by_result(verb: Token) -> bool:
    """ "shot dead", "shot three men dead", "beaten to death", "stabbed to death", "fatally shot": any verb whose
    result is death (a court that "sentenced five to death" killed no one)."""
    if verb.lemma_ in ("sentence", "condemn"):
        return False
    if dead_misparsed(verb) is not None:
        return True
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "fatally":
            return True
        if child.lower_ == "dead" and child.dep_ in ("oprd", "acomp", "advcl", "xcomp", "advmod", "ccomp"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ == "death" for g in child.children):
            return True
    return False


def _particle_ok(verb: Token) -> bool:
    needed = event_words().needs_particle.get(verb.lemma_)
    if needed is None:
        return True
    # the verb's own phrase, not a conjoined predicate's ("captured two bases and taken 40 soldiers prisoner")
    own = [t for c in verb.children if c.dep_ not in ("conj", "cc") for t in c.subtree]
    words = {t.lower_ for t in own} | {t.lemma_ for t in own}
    if verb.lemma_ == "book":
        return False
    if verb.lemma_ == "capture":
        return any(w in words for w in ("alive", "prisoner", "prisoners"))
    return any(w in words for w in needed)


# Nouns a figure is the value of: "the death toll rose to 40", "the number injured topped 2,200".
_TOLL_NOUNS: Final[frozenset[str]] = frozenset({"toll", "number", "tally", "count"})


def _toll_category(role: Token) -> Role | None:
    """A figure given as the value of a toll: "the death toll rose to 40", "a toll of 40", "officials put the death
    toll at 35", "the number injured topped 2,200", "the number of wounded reached 300" -> (category, anchor)."""
    if role.dep_ == "pobj":
        holder = role.head.head
    elif role.dep_ in ("dobj", "attr"):
        holder = role.head
    else:
        return None
    candidates = [holder] + [c for c in holder.children if c.dep_ in _SUBJECTS or c.dep_ == "dobj"]
    for cand in candidates:
        if cand.lemma_ in _TOLL_NOUNS and cand.i != role.i:
            kind = _toll_kind(cand)
            if kind is not None:
                return kind, holder
    return None


def _toll_kind(noun: Token) -> Category | None:
    """What a toll counts: its modifier ("death toll", "number injured", "number of wounded"); a bare "toll" is of
    the dead, as news uses it; a casualty toll (dead and injured together) and a bare "number" say nothing."""
    words = event_words()
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "acl", "nmod")]
    modifiers += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    for modifier in modifiers:
        low, lemma = modifier.lower_, modifier.lemma_.lower()
        if lemma in ("casualty", "casualties"):
            return None
        if lemma in ("death", "fatality"):
            return "dead"
        if lemma == "injury":
            return "injured"
        if low in words.counted_predicates:
            return words.counted_predicates[low]
        if low in words.counted_nouns or lemma in words.counted_nouns:
            return words.counted_nouns.get(low) or words.counted_nouns[lemma]
    return "dead" if noun.lemma_ == "toll" else None


@dataclass(frozen=True, slots=True)
class Figure:
    """One counted figure of a sentence: what it counts, the word that says so and that word's clauses."""

    category: Category
    anchor: int  # token index of the word that says what is counted
    clauses: frozenset[int]  # token indices of the anchor's clause chain
    value: int
    bound: Bound | None
    group: int  # shared by conjoined figures of one verb


def sentence_figures(sentence: Span) -> tuple[Figure, ...]:
    """Every counted figure of ``sentence`` (a Span), left to right; the same for all events of the sentence."""
    out = []
    for span, value, bound in _number_phrases(sentence):
        head = _phrase_head(span)
        role = _role_category(head, span, sentence.end)
        if role is None:
            continue
        category, anchor = role
        out.append(Figure(category, anchor.i, frozenset(t.i for t in _clause_chain(anchor)), value, bound,
                          _conj_group(head)))
    return tuple(out)


def counts_for(sentence: Span, trigger: Token, *,
               figures: Sequence[Figure] | None = None) -> Counts:
    """dead/injured/arrested/displaced stated in ``sentence`` (a Span) that belong to ``trigger`` (a Token),
    read as the only event of its sentence (any type may own any figure of its clause).

    ``figures``: ``sentence_figures(sentence)`` when the caller codes several events of one sentence; to
    count each figure once over several events, use ``assign_figures``.
    """
    if figures is None:
        figures = sentence_figures(sentence)
    return assign_figures(figures, [(trigger, None)])[0]


def assign_figures(figures: Sequence[Figure], events: Sequence[tuple[Token, str | None]]) -> list[Counts]:
    """The counts of each of a sentence's ``events`` (``(trigger Token, PLOVER type)`` pairs, in the order the
    events are stored), each figure given to one event only.

    A figure goes to the event whose trigger is its own word ("killing 19", "arrested 30"); else to the
    event of a type that can cause it (``CAUSES``; a type of None accepts any figure) whose clause it can
    count for, the nearest in the dependency tree, then by ``CAUSES`` order, then the first in the text.
    A figure no event can own counts for none.

    An event split into one event per conjoined actor ("Kenya and Uganda shelled ...") repeats its trigger
    and type: the figures stay on the first of the copies, the others get none, since the figure is the
    happening's, not each actor's share of it, and a sum over events must count it once.
    """
    first: dict[tuple[int, str | None], int] = {}
    for index, (trigger, kind) in enumerate(events):
        first.setdefault((trigger.i, kind), index)
    owners = sorted(first.values())
    chains = {index: {t.i for t in _clause_chain(events[index][0])} for index in owners}
    owned: dict[int, list[Figure]] = {index: [] for index in owners}
    for figure in figures:
        best: tuple[int, int, int] | None = None
        owner = None
        for index in owners:
            trigger, kind = events[index]
            if trigger.i == figure.anchor:
                owner = index  # the word that says what is counted is this event's trigger
                break
            causes = CAUSES[figure.category]
            if (kind is not None and kind not in causes) or not figure.clauses & chains[index]:
                continue
            key = (_tree_distance(trigger.doc[figure.anchor], trigger),
                   causes.index(kind) if kind is not None else 0, trigger.i)
            if best is None or key < best:
                best, owner = key, index
        if owner is not None:
            owned[owner].append(figure)
    return [_merged(owned.get(index, ())) for index in range(len(events))]


def _merged(figures: Sequence[Figure]) -> Counts:
    """One event's counts from the figures it owns, in text order: conjoined figures of one verb add up
    ("five soldiers and three civilians"); of other figures of a kind, the first is kept ("killed 12,
    including three children")."""
    found: dict[str, list[Figure]] = {}
    for figure in figures:
        found.setdefault(figure.category, []).append(figure)
    fields: dict[str, int] = {}
    bounds: list[tuple[str, str]] = []
    for category in CATEGORIES:
        items = found.get(category)
        if not items:
            continue
        same = [item for item in items if item.group == items[0].group]
        fields[category] = sum(item.value for item in same)
        item_bounds = [item.bound for item in same if item.bound is not None]
        if item_bounds:
            bounds.append((category, item_bounds[0]))
    return Counts(dead=fields.get("dead"), injured=fields.get("injured"), arrested=fields.get("arrested"),
                  displaced=fields.get("displaced"), bounds=tuple(bounds))


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one parse tree (through their lowest common ancestor)."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return len(up) + len(list(b.ancestors)) + 1  # different trees: farther than any path


def _conj_group(number_head: Token) -> int:
    """An id shared by figures in one coordination ("five soldiers and three civilians")."""
    counted = number_head.head if number_head.dep_ in _NUM_DEPS else number_head
    while counted.dep_ == "conj" and counted.head.pos_ in ("NOUN", "PROPN", "NUM"):
        counted = counted.head
    if counted.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "24 civilians, 24 Kurdish fighters and 25 militiamen have been killed", parsed as two subjects of one verb
        return min(c.i for c in counted.head.children if c.dep_ == counted.dep_)
    return counted.i


# Armed sectors: soldiers killed and civilians killed are different incidents, whatever the figures.
_ARMED: Final[frozenset[str]] = frozenset({"MIL", "COP", "REB", "SPY", "UAF", "CRM"})


def counted_once(events: Sequence[Event]) -> list[Event]:
    """A document's events in text order, without the figures that restate one an earlier event stated.

    A later figure restates an earlier one when it has the same kind and value (bounds aside: "at least
    40 killed", then "the 40 killed"), comes from another sentence, and nothing tells the two events apart
    (``_same_happening``). The first statement keeps the figure; the restatement keeps its other figures.
    """
    stated: list[tuple[Event, str, int]] = []
    out = []
    for event in events:
        dropped = []
        for field in CATEGORIES:
            value = getattr(event.counts, field)
            if value is None:
                continue
            if any(kind == field and figure == value and earlier.evidence.start != event.evidence.start
                   and _same_happening(earlier, event) for earlier, kind, figure in stated):
                dropped.append(field)
            else:
                stated.append((event, field, value))
        if dropped:
            bounds = tuple(b for b in event.counts.bounds if b[0] not in dropped)
            kept = {f: None if f in dropped else getattr(event.counts, f) for f in CATEGORIES}
            event = replace(event, counts=replace(event.counts, bounds=bounds, dead=kept["dead"],
                                                  injured=kept["injured"], arrested=kept["arrested"],
                                                  displaced=kept["displaced"]))
        out.append(event)
    return out


def _same_happening(first: Event, later: Event) -> bool:
    """Nothing tells ``later`` from ``first``: same type and modality, no other stated day, place, actor or
    kind of victim, and no word of the later sentence opening another incident."""
    if first.type != later.type or first.modality != later.modality:
        return False
    # a date the text states (not the publication date an event without one takes)
    if first.when.text and later.when.text and first.when.date != later.when.date:
        return False
    if (first.location and later.location and first.location.geonameid and later.location.geonameid
            and first.location.geonameid != later.location.geonameid):
        return False
    if first.actor and later.actor and (_differ(first.actor.country, later.actor.country)
                                        or _differ(first.actor.sector, later.actor.sector)):
        return False
    if first.recipient and later.recipient and (
            _differ(first.recipient.country, later.recipient.country)
            or (first.recipient.sector and later.recipient.sector
                and (first.recipient.sector in _ARMED) != (later.recipient.sector in _ARMED))):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", later.evidence.sentence)}
    return not words & event_words().new_incident_words


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b
