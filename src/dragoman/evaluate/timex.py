"""Score the temporal expression finder on TimeML ``.tml`` files as TempEval-3 does.

Each file's ``<DCT>`` gives the document creation time; the ``<TEXT>`` element with its tags stripped
is the raw text (entities decoded, offsets counted in the stripped text), and its ``TIMEX3`` tags are
the gold. Scores (TempEval-3, task A):

- strict: a system span equals a gold span; relaxed: the spans overlap (each matched at most once);
- value / type: attribute F1 over relaxed matches — precision = matches with the right attribute /
  system expressions, recall = the same / gold expressions.

Files with the same ``DOCID`` are scored once (TBAQ-cleaned ships one TimeBank file twice).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..extract.timex import Timex, find_timexes

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


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
            gold.append(Timex(start=start, end=length, text=text, type=attrs.get("type", "DATE"),  # type: ignore[arg-type]
                              value=attrs.get("value", "")))
            open_timex = None
    tail = html.unescape(content[cursor:])
    pieces.append(tail)
    return GoldDoc(doc_id=doc_id, dct=_dct(xml, path), text="".join(pieces), timexes=tuple(gold))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


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
    if not gold.exists():
        raise EvaluationError(f"gold folder {gold} does not exist; pass --gold with a folder of TimeML .tml files",
                              stage="evaluate")
    files = [gold] if gold.is_file() else sorted(gold.rglob("*.tml"))
    if not files:
        raise EvaluationError(f"no .tml files under {gold}; pass a TimeML folder such as TBAQ-cleaned",
                              stage="evaluate")
    return files


def score_timex(gold: Path, *, limit: int | None = None) -> dict[str, Any]:
    """TempEval-3 scores of ``find_timexes`` on the TimeML files under ``gold`` (the first ``limit`` docs)."""
    seen: set[str] = set()
    n_docs = n_gold = n_system = n_strict = n_relaxed = n_value = n_type = 0
    for path in tml_files(Path(gold)):
        doc = read_tml(path)
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
        p = correct / n_system if n_system else 0.0
        r = correct / n_gold if n_gold else 0.0
        scores[f"{name}_precision"] = round(p, 4)
        scores[f"{name}_recall"] = round(r, 4)
        scores[f"{name}_f1"] = round(_f1(p, r), 4)
    return scores
