"""Score story grouping (``stories.py``) against hand-made groups with B-cubed precision, recall and F1.

The gold (``eval/story_groups/groups.jsonl``) lists every document of the evaluated set once, as a reference
(``set``: ``TBAQ-cleaned/AQUAINT``, ``TBAQ-cleaned/TimeBank``, ``LGL`` or ``GeoWebNews``; ``id``: the file stem
or article id), grouped into stories, each story in the ``dev`` or ``heldout`` split. The texts are read from
the shared gold folder (never copied into the repository): TimeML text with its DCT as published date; LGL
and GeoWebNews articles with title, url and (LGL) download date.

B-cubed (Bagga and Baldwin 1998): for each document, precision is the share of its predicted story that is in
its gold story, recall the share of its gold story that is in its predicted story; both averaged over the
documents of a split, stories cut to that split. Two references with the very same text are one stored
document (content-hash id): they get the same predicted story.
"""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..model import content_hash
from .timex import read_tml


@dataclass(frozen=True, slots=True)
class GoldGroup:
    story: str
    split: str
    refs: tuple[str, ...]  # "set/id"


@dataclass(frozen=True, slots=True)
class BCubed:
    documents: int
    stories: int
    multi_document_stories: int
    precision: float
    recall: float
    f1: float


def read_groups(path: Path) -> list[GoldGroup]:
    if not path.is_file():
        raise EvaluationError(f"story groups file {path} does not exist; pass --gold eval/story_groups/groups.jsonl",
                              stage="evaluate")
    groups = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            refs = tuple(f"{d['set']}/{d['id']}" for d in item["docs"])
            groups.append(GoldGroup(str(item["story"]), str(item.get("split", "dev")), refs))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a story group ({exc}); each line needs story, split and "
                                  "docs [{set, id}]", stage="evaluate") from exc
    return groups


def _tbaq(root: Path, subset: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted((root / "time" / "TBAQ-cleaned" / subset).glob("*.tml")):
        gold = read_tml(path)
        yield f"TBAQ-cleaned/{subset}/{path.stem}", {
            "text": gold.text.strip(), "published": gold.dct.isoformat() if gold.dct else None}


def _geo(root: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for article in ET.parse(root / "geo" / "LGL" / "lgl.xml").getroot().iter("article"):
        yield f"LGL/{article.get('docid')}", {
            "title": article.findtext("title"), "text": article.findtext("text") or "", "url": article.findtext("url"),
            "published": (article.findtext("dltime") or "")[:10] or None}
    for article in ET.parse(root / "geo" / "GeoWebNews" / "GWN.xml").getroot().iter("article"):
        yield f"GeoWebNews/{article.get('file')}", {
            "title": article.findtext("title"), "text": article.findtext("text") or "",
            "url": article.findtext("link")}


def gold_records(root: Path, refs: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The JSONL record (id, title, text, url, published) of each reference, read from the shared gold folder."""
    if not (root / "time" / "TBAQ-cleaned").is_dir():
        raise EvaluationError(f"no TBAQ-cleaned under {root}; pass --texts with the shared gold folder "
                              "(the one holding time/ and geo/)", stage="evaluate")
    wanted = set(refs)
    found: dict[str, dict[str, Any]] = {}
    for ref, record in [*_tbaq(root, "AQUAINT"), *_tbaq(root, "TimeBank"), *_geo(root)]:
        if ref in wanted and ref not in found:
            found[ref] = {"id": ref, **{k: v for k, v in record.items() if v}}
    missing = sorted(wanted - set(found))
    if missing:
        raise EvaluationError(f"{len(missing)} gold documents not found under {root}, e.g. {missing[0]!r}",
                              stage="evaluate")
    return found


def write_jsonl(records: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for ref in sorted(records):
            out.write(json.dumps(records[ref], ensure_ascii=False) + "\n")


def predicted(conn: sqlite3.Connection, records: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """The stored story of each reference (through its document's content hash)."""
    story_of = dict(conn.execute("SELECT doc_id, story_id FROM story_documents").fetchall())
    out = {}
    for ref, record in records.items():
        doc_id = content_hash(str(record["text"]))
        out[ref] = story_of.get(doc_id, f"unlinked:{ref}")
    return out


def b_cubed(gold: Mapping[str, str], system: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``system`` (ref -> cluster) against ``gold`` over gold's refs."""
    refs = list(gold)
    by_gold: dict[str, set[str]] = {}
    by_system: dict[str, set[str]] = {}
    for ref in refs:
        by_gold.setdefault(gold[ref], set()).add(ref)
        by_system.setdefault(system[ref], set()).add(ref)
    precision = recall = 0.0
    for ref in refs:
        mine, truth = by_system[system[ref]], by_gold[gold[ref]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    p, r = precision / len(refs), recall / len(refs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(groups: Sequence[GoldGroup], system: Mapping[str, str], split: str | None = None, *,
          multi_only: bool = False) -> BCubed:
    """B-cubed over a split; ``multi_only``: over the documents of the multi-document gold stories only (the
    singletons, most of the set, make the all-document figure easy; a false merge with one shows there)."""
    chosen = [g for g in groups if (split is None or g.split == split) and (not multi_only or len(g.refs) > 1)]
    gold = {ref: g.story for g in chosen for ref in g.refs}
    p, r, f = b_cubed(gold, system)
    return BCubed(len(gold), len(chosen), sum(len(g.refs) > 1 for g in chosen), round(p, 4), round(r, 4), round(f, 4))


@dataclass(frozen=True, slots=True)
class GoldDispute:
    dispute: str
    story: str
    figure: str
    split: str
    claims: tuple[tuple[str, int], ...]  # (ref, value)


def read_disputes(path: Path) -> list[GoldDispute]:
    """``disputes.jsonl``: a figure given differently by two claimants, each claim a document reference and value."""
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            claims = tuple((f"{c['set']}/{c['id']}", int(c["value"])) for c in item["claims"])
            out.append(GoldDispute(str(item["dispute"]), str(item["story"]), str(item["figure"]),
                                   str(item.get("split", "dev")), claims))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvaluationError(f"{path}:{number}: not a dispute ({exc}); each line needs dispute, story, figure "
                                  "and claims [{set, id, value}]", stage="evaluate") from exc
    return out


def dispute_found(conn: sqlite3.Connection, dispute: GoldDispute, records: Mapping[str, Mapping[str, Any]]) -> bool:
    """True when one happening of the system's story holds the figure as disputed with every gold claim in it: the
    same value from the same document (its claimant, attribution or outlet, shown beside it)."""
    from ..stories import story, story_of_document

    wanted = {(content_hash(str(records[ref]["text"])), value) for ref, value in dispute.claims}
    story_ids = {story_of_document(conn, doc_id) for doc_id, _value in wanted}
    for story_id in story_ids - {None}:
        found = story(conn, str(story_id))
        for happening in found.happenings if found else ():
            for figure in happening.figures:
                have = {(c.doc_id, c.value) for c in figure.claims if c.claimant}
                if figure.figure == dispute.figure and figure.disputed and wanted <= have:
                    return True
    return False
