"""Title-case headlines, read by the parser in sentence case.

A headline set in title case ("Rebels Seize Key Town In Eastern Congo") is parsed as a string of names: the
tagger reads every capitalised word as a proper noun, so the verb is lost ("Seize Key Town" became the target of
nothing) or a whole clause becomes an actor ("OSCE Envoy Condemns Dvani Attack"). When the body's first sentence is
such a headline, the parser reads instead a copy of the body in which its capitalised common words are in lower
case. The copy has the body's length and every character but those letters, so every offset holds, and every text
dragoman stores is still the source's.

A capitalised word is common when the story itself writes it in lower case more often than capitalised inside a
sentence ("attack", "envoy"; not "Park", a name the story capitalises), or, for words the story does not use
elsewhere, when it is a function word or a word of the event and actor lexicons, in any of its regular inflections
("Kills", "Accuses", "Diplomats"). A name keeps its capital: "Dvani", "Congo", "British".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Final

# A sentence this share of whose longer words are capitalised is a headline (``extract.events.story`` asks too).
HEADLINE_CAPITALS: Final = 0.6
# Longer than this, a line is prose that happens to name many names, not a headline.
MAX_HEADLINE_WORDS: Final = 30

_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+\b")
_LONGER_WORD = re.compile(r"[A-Za-z]{4,}")
# A capitalised word inside a sentence: after a word, a comma or a hyphen, not after a sentence end.
_NAME_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")
# Two capitalised words in a row, overlapping pairs included ("Islamic State Group": both pairs).
_TITLE_PAIR = re.compile(r"(?=\b([A-Z][a-z]+ [A-Z][a-z]+)\b)")
# Up to a stop followed by a space (not "$1.5"; not after an initial: "U.S. Strikes"), a line break or the end.
_SENTENCE = re.compile(r"[^\n]+?(?:(?<!\b[A-Z])[.!?]+(?=\s|$)|(?=\n)|$)")
# Regular inflections, longest first: (ending, what replaces it).
_ENDINGS: Final = (("ies", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""))


# Words title case leaves in lower case however long they are (prepositions, conjunctions): any other longer word
# in lower case is a sentence's verb or noun.
_TITLE_CASE_LOWER: Final = frozenset(
    "with from into onto over than that this after amid among about above across against along around before behind "
    "below beneath beside between beyond despite down during except inside near off outside past since through "
    "toward towards under until upon unless while within without when where whose".split())


@lru_cache(maxsize=1024)  # a story's merging asks of the same sentences over and over
def is_headline(sentence: str) -> bool:
    """Most of the sentence's longer words are capitalised ("Iraqi Officials: Car Bomb Kills 20 in Baghdad"), and
    no two of its other longer words are verbs or nouns in lower case: a lead naming many people ("Armenian Prime
    Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met ... for talks hosted by ...") is prose."""
    words = _LONGER_WORD.findall(sentence)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < HEADLINE_CAPITALS * len(words):
        return False
    return sum(1 for w in words if w[0].islower() and w not in _TITLE_CASE_LOWER) < 2


def sentence_cased(body: str, *, known: Callable[[str], bool]) -> str:
    """``body`` with the capitalised common words of its title-case headline in lower case (same length).

    ``known``: whether a lower-case word is a common word when the story does not say (the lexicons' words).
    """
    span = _headline(body)
    if span is None:
        return body
    start, end = span
    rest = body[:start] + body[end:]
    lower = Counter(form for word in _LOWER_WORD.findall(rest) for form in _forms(word))
    named = Counter(form for word in _NAME_INSIDE.findall(rest) for form in _forms(word.lower()))
    names = {pair.lower() for pair in _TITLE_PAIR.findall(rest)}

    def common(word: str) -> bool:
        forms = _forms(word)
        said, capitalised = sum(lower[f] for f in forms), sum(named[f] for f in forms)
        if said or capitalised:
            return said > capitalised
        return any(known(form) for form in forms)

    out = list(body)
    words = list(_TITLE_WORD.finditer(body, start, end))
    for k, match in enumerate(words):
        word = match.group()
        # a word of a name the story writes with capitals ("Gaza Strip", "Security Council") keeps them
        pairs = {f"{before.group()} {word}" for before in words[k - 1:k] if before.end() + 1 == match.start()}
        pairs |= {f"{word} {after.group()}" for after in words[k + 1:k + 2] if match.end() + 1 == after.start()}
        if match.start() > start and common(word.lower()) and not {p.lower() for p in pairs} & names \
                and not _dated_month(body, match):
            out[match.start()] = body[match.start()].lower()
    return "".join(out)


_MONTHS: Final = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                            "October", "November", "December"})
_DAY_OR_YEAR_NEXT = re.compile(r" \d")


def _dated_month(body: str, word: re.Match[str]) -> bool:
    """A month's name before a day or a year ("in March 2015", "May 3"): a date, whatever "march" means elsewhere."""
    return word.group() in _MONTHS and _DAY_OR_YEAR_NEXT.match(body, word.end()) is not None


def _headline(body: str) -> tuple[int, int] | None:
    """The span of the body's first sentence when it is a title-case headline (the title the cleaner puts first).

    Only there: a title-case sentence further on is most often a list of names ("Montana Department of
    Corrections director Reginald Michael and Gov. Steve Bullock's budget director ... traveled to Nashville"),
    whose capitals are right."""
    match = _SENTENCE.search(body)
    if match is None:
        return None
    text = match.group()
    lead = len(text) - len(text.lstrip())
    if len(text.split()) <= MAX_HEADLINE_WORDS and is_headline(text):
        return match.start() + lead, match.end()
    return None


@lru_cache(maxsize=4096)
def _forms(word: str) -> tuple[str, ...]:
    """``word`` and the stems its regular inflections may come from ("kills" -> "kill")."""
    forms = [word]
    for ending, stem_end in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: -len(ending)] + stem_end)
    return tuple(forms)
