"""Who says so: the source a reported event is attributed to.

An event is attributed to the speaker of the reporting predicate that governs its clause,
looked for in this order:

1. a reporting verb above the trigger in the parse: "X said (that) Y attacked Z",
   "state media reported that troops shelled ...", "X told reporters Y ...";
2. a parenthetical reporting verb hanging off the trigger's clause: "Y attacked Z, X said.",
   '"We will attack the city," the commander told reporters.' (spaCy parses these either way);
3. "according to X" anywhere in the sentence;
4. a quotation that runs over several sentences: the speaker named right after the closing
   quote mark ('"... . We attacked the base," he said.') or right before the opening one
   ('The commander said: "... We attacked the base."').

Reporting verbs: say, tell, report, add, state, note, explain, claim, announce, confirm, ... Some
of them also name events ("announced sanctions", "claimed responsibility", "told them to
leave", "added 5,000 troops"): those count as reporting only when they carry a clause
(a ``ccomp``: "announced that ...") or stand as a parenthetical, and never with a direct object
(or, for "tell", an order in an ``xcomp``). The speaker (subject, or the ``by`` agent of a
passive) is resolved with the document's actor resolver; when that gives nothing the speaker's
own words become the actor, with offsets into the parsed text (``token.idx``). The two lists of reporting
verbs are ``reporting_always`` and ``reporting_with_clause`` in ``lexicon/event_words.yaml``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Final

from spacy.attrs import LOWER

from ...model import Actor
from .words import event_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..actors.resolver import ActorResolver

_SUBJECTS: Final[frozenset[str]] = frozenset({"nsubj", "nsubjpass"})
# Edges from a reporting verb down to its speaker or addressee: an event there is not what is reported.
_NOT_REPORTED: Final[frozenset[str]] = frozenset({"nsubj", "nsubjpass", "agent", "dative", "dobj", "npadvmod"})
_QUOTES_OPEN: Final[frozenset[str]] = frozenset({"\u201c", "``"})
_QUOTES_CLOSE: Final[frozenset[str]] = frozenset({"\u201d", "''"})
_QUOTES_BOTH: Final[frozenset[str]] = frozenset({'"'})
_PRONOUNS: Final[frozenset[str]] = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_NAME_DROP: Final[frozenset[str]] = frozenset({"det", "appos", "relcl", "acl", "punct", "prep", "cc", "conj", "poss"})


def is_reporting_verb(token: Token) -> bool:
    """True for speech/reporting predicates ("said", "told", "reported") that are not events themselves."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    words = event_words()
    if lemma not in words.reporting_always and lemma not in words.reporting_with_clause:
        return False
    deps = {c.dep_ for c in token.children}
    if lemma == "tell":
        return "xcomp" not in deps  # "told them to leave" is an order (REQUEST), not a report
    if lemma in words.reporting_always:
        return True
    if "dobj" in deps:
        return False  # "announced sanctions", "claimed responsibility"
    return bool(deps & {"ccomp", "parataxis"}) or token.dep_ == "parataxis" or (
        token.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in token.children)
    )


def _speaker_head(verb: Token) -> Token | None:
    """The subject (or passive agent) of a reporting verb, following conjunctions ("said and added")."""
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in _SUBJECTS and not (child.dep_ == "nsubjpass" and child.lower_ == "it"):
                return child
        for child in cur.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if cur.dep_ in ("conj", "advcl", "xcomp", "acl") and cur.head.i != cur.i:
            cur = cur.head  # "he said, adding that ...", "issued a statement saying ..."
            continue
        break
    return None


def _governing_verb(trigger: Token) -> Token | None:
    """A reporting verb above the trigger, or hanging off the trigger's clauses as a parenthetical."""
    child = trigger
    cur = trigger
    for _ in range(32):
        if cur is not trigger and is_reporting_verb(cur) and child.dep_ not in _NOT_REPORTED:
            return cur
        for side in cur.children:
            if side is child or side is trigger:
                continue
            if side.dep_ in ("parataxis", "ccomp", "advcl") and is_reporting_verb(side) and side.i > cur.i \
                    and not any(c.dep_ == "ccomp" for c in side.children) and _speaker_head(side) is not None:
                return side
        if cur.head.i == cur.i:
            return None
        child, cur = cur, cur.head
    return None


# Per-document indexes kept in ``Doc.user_data`` (as ``nlp.sent_of``'s), built on the first trigger that reads them.
_MARKS: Final = "dragoman_quote_marks"
_ACCORDING: Final = "dragoman_according"
# Kinds of ``_quote_marks``: a paragraph break, a closing, an opening and a straight quote mark.
_PARAGRAPH, _CLOSE, _OPEN, _BOTH = range(4)


def _quote_marks(doc: Doc) -> tuple[list[int], list[int]]:
    """The tokens the quotation walks stop at, in text order: their indices and kinds (``_PARAGRAPH`` ... ``_BOTH``).

    Reading each word's text once per document is much cheaper than once per trigger (a walk reads up to 250)."""
    marks = doc.user_data.get(_MARKS)
    if marks is None:
        indices: list[int] = []
        kinds: list[int] = []
        for i, text in enumerate([tok.text for tok in doc]):
            # a token's trailing whitespace is one space at most: "\n\n" in text_with_ws is "\n\n" in its text
            kind = (_PARAGRAPH if "\n\n" in text else _CLOSE if text in _QUOTES_CLOSE else _OPEN
                    if text in _QUOTES_OPEN else _BOTH if text in _QUOTES_BOTH else None)
            if kind is not None:
                indices.append(i)
                kinds.append(kind)
        marks = doc.user_data[_MARKS] = (indices, kinds)
    return marks


def _according_to(sentence: Span) -> Token | None:
    doc = sentence.doc
    at = doc.user_data.get(_ACCORDING)
    if at is None:  # where "according" is, from the lower-case forms as one array (no Token per word)
        word = doc.vocab.strings.add("according")  # its hash (the string is in any English vocabulary)
        at = doc.user_data[_ACCORDING] = [i for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower == word]
    for i in at[bisect_left(at, sentence.start):bisect_left(at, sentence.end)]:
        for to in doc[i].children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _quote_speaker(trigger: Token) -> Token | None:
    """Speaker of a quotation running over several sentences that contains ``trigger``."""
    doc = trigger.doc
    opening = _quote_opening(doc, trigger)
    if opening is None:
        return None
    # Before the opening mark: 'The commander said: "..."'
    for i in range(opening - 1, max(-1, opening - 4), -1):
        tok = doc[i]
        if is_reporting_verb(tok):
            return _speaker_head(tok)
    return _speaker_after_quote(doc, trigger)


def _quote_opening(doc: Doc, trigger: Token) -> int | None:
    """Where the quotation holding ``trigger`` opens (a bounded walk back in its paragraph), or None."""
    opening = None
    opening_kind = None
    straight = 0
    start_limit = max(0, trigger.i - 250)
    indices, kinds = _quote_marks(doc)
    # the marks from trigger.i - 1 back to start_limit (the words between them stop nothing)
    for m in range(bisect_left(indices, trigger.i) - 1, -1, -1):
        i, kind = indices[m], kinds[m]
        if i < start_limit or kind in (_PARAGRAPH, _CLOSE):
            break
        if kind == _OPEN:
            opening, opening_kind = i, kind
            break
        straight += 1  # _BOTH
        if opening is None:
            opening, opening_kind = i, kind
    if opening is None or (opening_kind == _BOTH and straight % 2 == 0):
        return None  # an even number of straight quotes before the trigger: they closed
    return opening


def _speaker_after_quote(doc: Doc, trigger: Token) -> Token | None:
    """The speaker named right after the mark closing the quotation: '... ," he said.'"""
    end_limit = min(len(doc), trigger.i + 250)
    indices, kinds = _quote_marks(doc)
    for m in range(bisect_left(indices, trigger.i + 1), len(indices)):
        i, kind = indices[m], kinds[m]
        if i >= end_limit or kind == _PARAGRAPH:
            return None
        if kind in (_CLOSE, _BOTH):
            for j in range(i + 1, min(len(doc), i + 8)):
                if is_reporting_verb(doc[j]):
                    return _speaker_head(doc[j])
                if doc[j].text in (".", "!", "?") or doc[j].text in _QUOTES_OPEN:
                    break
            return None
    return None


def _speaker_actor(head: Token, resolver: ActorResolver | None) -> Actor:
    resolved = resolver.actor_for(head) if resolver is not None else None
    if resolved is not None:
        return resolved
    doc = head.doc
    first, last = head.left_edge.i, head.right_edge.i
    while first < head.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > head.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    span_tokens = list(doc[first : last + 1])
    text = doc[first : last + 1].text
    dropped = {t.i for c in head.children if c.dep_ in _NAME_DROP for t in c.subtree}
    name_tokens = [t for t in span_tokens if t.i not in dropped and not t.is_punct]
    name = " ".join(t.text for t in name_tokens) if name_tokens else None
    if head.lower_ in _PRONOUNS and len(span_tokens) == 1:
        name = None  # an unresolved pronoun names nobody
    return Actor(
        text=text,
        name=name,
        start=span_tokens[0].idx,
        end=span_tokens[-1].idx + len(span_tokens[-1].text),
    )


def attribution_for(trigger: Token, resolver: ActorResolver | None, *, sentence: Span | None = None) -> Actor | None:
    """The speaker a report of ``trigger`` (a Token) is attributed to, resolved with ``resolver``.

    ``sentence``: the trigger's sentence (a Span) when the caller has it; ``Token.sent`` rescans the doc.
    """
    verb = _governing_verb(trigger)
    head = _speaker_head(verb) if verb is not None else None
    if head is None:
        head = _according_to(sentence if sentence is not None else trigger.sent)
    if head is None:
        head = _quote_speaker(trigger)
    if head is None or head.i == trigger.i:
        return None
    return _speaker_actor(head, resolver)
