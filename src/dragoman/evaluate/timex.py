"""Score the temporal expression finder on TimeML ``.tml`` or MEANTIME CAT ``.xml`` files as TempEval-3 does.

TimeML: each file's ``<DCT>`` gives the document creation time; the ``<TEXT>`` element with its tags
stripped is the raw text (entities decoded, offsets counted in the stripped text), and its ``TIMEX3``
tags are the gold.

CAT (MEANTIME, NewsReader): the text comes as ``<token t_id sentence>`` elements; it is rebuilt with
one line per sentence and single spaces between tokens, except where English typesetting has none
("Motors 's" -> "Motors's", "10 , 2013" -> "10, 2013"; PTB quotes become '"'). ``<TIMEX3>`` markables
span their ``token_anchor`` tokens; those without anchors (implicit times) are not text and not gold.
MEANTIME annotates only the opening of each article (title, date line and the first sentences): the
scored text ends with the last sentence any markable (entity, event, value or time) reaches, so the
unannotated rest does not count as false positives.
The creation-time TIMEX3 is the Wikinews date line, which is in the text: it is gold like any other
and gives the DCT (a file without one takes the full date on its date line, the second sentence).

Scores (TempEval-3, task A):

- strict: a system span equals a gold span; relaxed: the spans overlap (each matched at most once);
- value / type: attribute F1 over relaxed matches — precision = matches with the right attribute /
  system expressions, recall = the same / gold expressions.

Files with the same ``DOCID`` / ``doc_id`` are scored once (TBAQ-cleaned ships one TimeBank file twice,
MEANTIME the same English articles in its intra-doc and cross-doc folders).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..extract.time.timex import Timex, TimexType, find_timexes
from .metrics import prf

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


_TIMEX_TYPES: dict[str, TimexType] = {"DATE": "DATE", "TIME": "TIME", "DURATION": "DURATION", "SET": "SET"}


def _timex_type(value: str, path: Path) -> TimexType:
    """A gold TIMEX3 type, checked: the finder's types are the four of TIMEX3."""
    kind = _TIMEX_TYPES.get(value)
    if kind is None:
        raise EvaluationError(f"{path}: TIMEX3 type {value!r} is not one of {', '.join(_TIMEX_TYPES)}",
                              stage="evaluate")
    return kind


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    dct: dt.date | None
    text: str
    timexes: tuple[Timex, ...]


def _dct(xml: str, path: Path) -> dt.date | None:
    block = re.search(r"<DCT>(.*?)</DCT>", xml, re.S)
    if block is None:
        return None
    value = re.search(r'value="(\d{4})-?(\d{2})-?(\d{2})', block.group(1))
    if value is None:
        raise EvaluationError(f"{path}: the DCT has no calendar value ({block.group(1)[:80]!r}); "
                              "fix the file or remove it from the gold folder", stage="evaluate")
    return dt.date(int(value.group(1)), int(value.group(2)), int(value.group(3)))


def read_tml(path: Path) -> GoldDoc:
    """Raw text and gold TIMEX3s of one TimeML file."""
    xml = path.read_text(encoding="utf-8", errors="replace")
    body = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element; expected a TimeML .tml file", stage="evaluate")
    doc_id_match = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", xml, re.S)
    doc_id = doc_id_match.group(1) if doc_id_match else path.stem
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[Timex] = []
    content = body.group(1)
    cursor = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[cursor: tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing and not tag.group(4):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            gold.append(Timex(start=start, end=length, text=text, type=_timex_type(attrs.get("type", "DATE"), path),
                              value=attrs.get("value", "")))
            open_timex = None
    tail = html.unescape(content[cursor:])
    pieces.append(tail)
    return GoldDoc(doc_id=doc_id, dct=_dct(xml, path), text="".join(pieces), timexes=tuple(gold))


def _match(system: list[Timex], gold: tuple[Timex, ...]) -> tuple[int, list[tuple[Timex, Timex]]]:
    """Strict matches and relaxed (overlap) pairs, each expression used once."""
    strict = len({(t.start, t.end) for t in system} & {(g.start, g.end) for g in gold})
    pairs: list[tuple[Timex, Timex]] = []
    used: set[int] = set()
    for s in system:
        best = None
        for i, g in enumerate(gold):
            if i in used or not (s.start < g.end and g.start < s.end):
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is not None:
            used.add(best[1])
            pairs.append((s, gold[best[1]]))
    return strict, pairs


def tml_files(gold: Path) -> list[Path]:
    """The gold files under ``gold``: TimeML ``.tml`` files, else CAT ``.xml`` files (MEANTIME)."""
    if not gold.exists():
        raise EvaluationError(f"gold folder {gold} does not exist; pass --gold with a folder of TimeML .tml files"
                              " or MEANTIME CAT .xml files", stage="evaluate")
    if gold.is_file():
        return [gold]
    files = sorted(gold.rglob("*.tml")) or sorted(p for p in gold.rglob("*.xml") if _is_cat(p))
    if not files:
        raise EvaluationError(f"no .tml files (nor CAT .xml files) under {gold}; pass a TimeML folder such as "
                              "TBAQ-cleaned or a MEANTIME folder", stage="evaluate")
    return files


def _is_cat(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return "<Document" in handle.read(400)


def read_gold(path: Path) -> GoldDoc:
    """One gold document, TimeML or CAT by its content."""
    return read_cat(path) if path.suffix.lower() == ".xml" and _is_cat(path) else read_tml(path)


# Tokens glued to the one before / after when the text is rebuilt from CAT tokens.
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'S|'|n't|'re|'ve|'ll|'d|'m|\.\.\.)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
_PTB_QUOTES = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


def read_cat(path: Path) -> GoldDoc:
    """Raw text and gold TIMEX3s of one CAT file (MEANTIME): tokens joined back, markables on token spans."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvaluationError(f"{path}: not well-formed XML ({exc}); expected a MEANTIME CAT file",
                              stage="evaluate") from exc
    spans: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, str] = {}
    pieces: list[str] = []
    length = 0
    previous_sentence: str | None = None
    previous_token = ""
    tokens = list(root.iter("token"))
    number = {t.get("t_id", ""): int(t.get("sentence") or 0) for t in tokens}
    last = max((number[a.get("t_id", "")] for a in root.iter("token_anchor") if a.get("t_id", "") in number),
               default=-1)
    for token in tokens:
        if int(token.get("sentence") or 0) > last:
            break
        word = _PTB_QUOTES.get(token.text or "", token.text or "")
        sentence = token.get("sentence", "")
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence:
            gap = "\n"
        elif _NO_SPACE_BEFORE.match(word) or previous_token in _NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        pieces.append(gap + word)
        length += len(gap)
        spans[token.get("t_id", "")] = (length, length + len(word))
        sentence_of[token.get("t_id", "")] = sentence
        length += len(word)
        previous_sentence, previous_token = sentence, word
    text = "".join(pieces)
    gold: list[Timex] = []
    dct: dt.date | None = None
    dateline: dt.date | None = None
    for markable in root.iter("TIMEX3"):
        anchors = [spans[a.get("t_id", "")] for a in markable.iter("token_anchor") if a.get("t_id", "") in spans]
        if not anchors:
            continue  # an implicit time (no text): not something a finder can find
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        value = markable.get("value", "")
        kind = _timex_type(markable.get("type", "DATE"), path)
        gold.append(Timex(start=start, end=end, text=text[start:end], type=kind, value=value))
        day = _calendar_day(value)
        if markable.get("functionInDocument") == "CREATION_TIME" and day:
            dct = day
        first = next(a.get("t_id", "") for a in markable.iter("token_anchor"))
        if day and dateline is None and sentence_of.get(first) == "1":
            dateline = day
    gold.sort(key=lambda t: t.start)
    return GoldDoc(doc_id=root.get("doc_id") or path.stem, dct=dct or dateline, text=text, timexes=tuple(gold))


def _calendar_day(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def score_timex(gold: Path, *, limit: int | None = None) -> dict[str, Any]:
    """TempEval-3 scores of ``find_timexes`` on the TimeML / CAT files under ``gold`` (the first ``limit`` docs)."""
    seen: set[str] = set()
    n_docs = n_gold = n_system = n_strict = n_relaxed = n_value = n_type = 0
    for path in tml_files(Path(gold)):
        doc = read_gold(path)
        if doc.doc_id in seen:
            continue
        seen.add(doc.doc_id)
        system = find_timexes(doc.text, dct=doc.dct)
        strict, pairs = _match(system, doc.timexes)
        n_docs += 1
        n_gold += len(doc.timexes)
        n_system += len(system)
        n_strict += strict
        n_relaxed += len(pairs)
        n_value += sum(1 for s, g in pairs if s.value == g.value)
        n_type += sum(1 for s, g in pairs if s.type == g.type)
        if limit is not None and n_docs >= limit:
            break
    scores: dict[str, Any] = {"documents": n_docs, "gold": n_gold, "system": n_system}
    for name, correct in (("strict", n_strict), ("relaxed", n_relaxed), ("value", n_value), ("type", n_type)):
        measure = prf(correct, n_system - correct, n_gold - correct)
        for key in ("precision", "recall", "f1"):
            scores[f"{name}_{key}"] = measure[key]
    return scores
