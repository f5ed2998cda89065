"""Language identification with py3langid (its model ships inside the package).

Long texts are left to the classifier. Short ones (a headline, a single sentence for
``code_text``) are mostly names, and the classifier's vote spreads over dozens of small
languages; there the function words decide between the major news languages, and plain
ASCII text with none of them is taken as English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_LETTERS = 12  # fewer letters than this: too little text to tell
CONFIDENT = 0.5  # classifier probability above which its answer stands

# Function words written for this purpose; only words frequent in one language and rare in the others.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to with from by for was were has have had will would said says that this "
                    "after against between during near their they which who on at its his he she monday tuesday "
                    "wednesday thursday friday saturday sunday".split()),
    "de": frozenset("der die das und nicht mit von dem den des ist sind wurde wurden hat haben nach gegen "
                    "sich auf bei".split()),
    "fr": frozenset("le la les et des du une est sont avec pour dans sur par selon contre qui été après".split()),
    "es": frozenset("el los las y del una es son con por para según contra fue fueron tras".split()),
    "it": frozenset("il lo gli e della delle dei una è sono con per secondo contro ha hanno dopo".split()),
    "pt": frozenset("o os as e do da dos das uma é são com para segundo contra foi foram após".split()),
    "nl": frozenset("de het en van een is zijn werd werden heeft hebben met voor tegen na bij".split()),
}
# Languages news comes in; an unsure vote for a small language falls back to the likeliest of these.
_MAJOR = frozenset("en fr de es it pt nl ru uk ar fa tr zh ja ko pl sv da no fi id ms sw hi ur bn he el ro hu cs "
                   "sr hr bg th vi am so ha".split())
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _function_word_hits(text: str) -> tuple[int, dict[str, int]]:
    words = [w.lower() for w in _WORD_RE.findall(text)]
    return len(words), {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}


def _plainly_english(text: str) -> bool:
    """Long text dense with English function words and few of any other: no need to load the classifier.

    Loading py3langid's model costs about a second, most of `dragoman code` on one article.
    """
    n_words, hits = _function_word_hits(text)
    english = hits.pop("en")
    return n_words >= 40 and english >= 0.12 * n_words and english >= 4 * max(hits.values())


# English inflections that the other function-word languages rarely end a word with ("arrested", "fighting").
_ENGLISH_INFLECTION = re.compile(r"[a-z]{3,}(?:ed|ing)$")
SHORT_WORDS = 40  # below this many words the classifier's confident answer can still be wrong


# Irregular past forms news is told in. Said of a name just before ("Merkel met Macron in Paris") such a word counts
# for English and for no other language: "met" is also Dutch for "with" ("sprak met Macron").
_ENGLISH_PAST = frozenset("met said told held took gave made sent fought led left struck shot hit won lost fled began "
                          "broke brought caught sought spoke stood threw withdrew drove rose ran beat bought".split())


def _name_particles(words: list[str]) -> set[int]:
    """"von der" in "Ursula von der Leyen", "van" in "Luc van Brande": one or two short lowercase words between
    two capitalised ones."""
    capital = [w[:1].isupper() for w in words]
    particles: set[int] = set()
    for i in range(1, len(words) - 1):
        for run in (1, 2):
            inside = range(i, i + run)
            if (i + run < len(words) and capital[i - 1] and capital[i + run]
                    and all(not capital[j] and len(words[j]) <= 3 for j in inside)):
                particles.update(inside)
    return particles


def _english_evidence(text: str) -> tuple[int, int]:
    """English function words, inflections and irregular pasts, against the best other language's function words."""
    words = _WORD_RE.findall(text)
    pasts = {i for i in range(1, len(words)) if words[i] in _ENGLISH_PAST and words[i - 1][:1].isupper()}
    skipped = pasts | _name_particles(words)
    rest = " ".join(w for i, w in enumerate(words) if i not in skipped)
    _n, hits = _function_word_hits(rest)
    english = hits.pop("en") + len(pasts) + sum(1 for w in _WORD_RE.findall(rest.lower())
                                                 if _ENGLISH_INFLECTION.match(w))
    return english, max(hits.values())


def _function_word_vote(text: str) -> str | None:
    _n_words, hits = _function_word_hits(text)
    best = max(hits, key=lambda lang: hits[lang])
    if hits[best] == 0 or sum(1 for n in hits.values() if n == hits[best]) > 1:
        return None
    return best


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    if _plainly_english(sample):
        return "en"
    ranked = _identifier().rank(sample)
    code, probability = ranked[0]
    if code != "en" and sample.isascii() and len(_WORD_RE.findall(sample)) < SHORT_WORDS:
        # One short English sentence is often called Portuguese or Italian with confidence ("Police arrested 30
        # protesters in Lagos as gunmen killed five villagers"): its inflections outvote the other's function words.
        english, other = _english_evidence(sample)
        if (english >= 2 and english > other) or (english >= 1 and other == 0):
            return "en"
    confident = float(probability) >= CONFIDENT
    if confident and code in _MAJOR:
        return str(code)
    # A small language (Nigerian Pidgin for short English news, say) yields to a clear function-word vote.
    voted = _function_word_vote(sample)
    if voted:
        return voted
    if confident:
        return str(code)
    if sample.isascii():
        # Short, plain-ASCII text of names and verbs with no function word of any language:
        # an English headline or sentence is by far the likeliest reading for a news coder.
        return "en"
    return next((str(lang) for lang, _p in ranked if lang in _MAJOR), str(code))
