"""Snapshot every output the coder decides, to prove a refactor changed none of them.

    python bench/snapshot_outputs.py --out /tmp/before            # events, places and dates, every set
    python bench/snapshot_outputs.py --out /tmp/after --quick     # every 7th item of each set (a few minutes)
    python bench/snapshot_outputs.py --compare /tmp/before /tmp/after

One JSONL file per set: events of ``examples/`` coded into a real store (as ``make demo`` codes them), the
events of every gold event set (cameo-class, cameo-ner, plover-gsr, IndiaPoliceEvents sentences and
documents), the toponyms of LGL and GeoWebNews with their resolved places, and the time expressions of
TBAQ and MEANTIME. ``--compare`` prints the first differing line of each set that differs and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
QUICK_STRIDE = 7


def _examples(_stride: int) -> Iterator[Any]:
    import sqlite3

    from dragoman.pipeline import code_files

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "snap.db"
        code_files([ROOT / "examples"], db=db, published="2024-01-23")
        conn = sqlite3.connect(db)
        order = "doc_id, sentence_start, trigger_start, event_id"
        for (record,) in conn.execute(f"SELECT record FROM events ORDER BY {order}"):
            yield json.loads(record)
        for row in conn.execute("SELECT doc_id, status, error FROM documents ORDER BY doc_id"):
            yield list(row)
        conn.close()


def _event_texts(name: str) -> list[str]:
    from dragoman.evaluate import events as ev

    root = GOLD / "events"
    if name == "cameo-class":
        return [text for text, _label in ev.read_cameo_class(root / "cameo-class" / "train.tsv")]
    if name == "cameo-ner":
        return [" ".join(w for w, _t in s) for s in ev.read_cameo_ner(root / "cameo-ner" / "train.txt")]
    if name == "plover-gsr":
        records = json.loads((root / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
        units = [r for r in records if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]
        return [str(r["text"]) for r in units]
    if name == "ipe-sents":
        return [text for text, _labels in ev.read_ipe(root / "india-police-events" / "sents-train.tsv")]
    return [text for text, _labels in ev.read_ipe(root / "india-police-events" / "docs-train.tsv")]


def _events(name: str) -> Callable[[int], Iterator[Any]]:
    def run(stride: int) -> Iterator[Any]:
        from dragoman.evaluate.events import code_texts

        texts = _event_texts(name)[::stride]
        coded, status = code_texts(texts)
        yield dict(sorted(status.items()))
        for k, events in enumerate(coded):
            yield [k, [e.to_record() for e in events]]

    return run


def _places(name: str) -> Callable[[int], Iterator[Any]]:
    def run(stride: int) -> Iterator[Any]:
        from dragoman.evaluate.geo import geocode_articles, read_gold

        path = GOLD / "geo" / ("LGL/lgl.xml" if name == "lgl" else "GeoWebNews/GWN.xml")
        articles = read_gold(path)[::stride]
        for article, toponyms in zip(articles, geocode_articles([a.text for a in articles])):
            yield [article.doc_id, [_plain(t) for t in toponyms]]

    return run


def _dates(name: str) -> Callable[[int], Iterator[Any]]:
    def run(stride: int) -> Iterator[Any]:
        from dragoman.evaluate.timex import read_gold, tml_files
        from dragoman.extract.time.timex import find_timexes

        folder = GOLD / "time" / ("TBAQ-cleaned" if name == "tbaq" else "MEANTIME")
        for path in tml_files(folder)[::stride]:
            doc = read_gold(path)
            yield [str(path.relative_to(folder)), [_plain(t) for t in find_timexes(doc.text, dct=doc.dct)]]

    return run


def _plain(value: Any) -> Any:
    """A dataclass as JSON-ready data, whatever its nesting (dates and enums as strings)."""
    return json.loads(json.dumps(asdict(value), default=str, sort_keys=True))


SETS: dict[str, Callable[[int], Iterator[Any]]] = {
    "examples": _examples,
    **{name: _events(name) for name in ("cameo-class", "cameo-ner", "plover-gsr", "ipe-sents", "ipe-docs")},
    "lgl": _places("lgl"),
    "geowebnews": _places("geowebnews"),
    "tbaq": _dates("tbaq"),
    "meantime": _dates("meantime"),
}


def write(out: Path, *, names: list[str], stride: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name != "examples" and not GOLD.is_dir():
            print(f"{name}: skipped, no gold data at {GOLD}")
            continue
        lines = 0
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for item in SETS[name](stride):
                fh.write(json.dumps(item, ensure_ascii=False, sort_keys=True, default=str) + "\n")
                lines += 1
        print(f"{name}: {lines} lines", flush=True)


def compare(before: Path, after: Path) -> int:
    differing = 0
    for old in sorted(before.glob("*.jsonl")):
        new = after / old.name
        if not new.exists():
            print(f"{old.stem}: missing from {after}")
            differing += 1
            continue
        a, b = old.read_text("utf-8").splitlines(), new.read_text("utf-8").splitlines()
        if a == b:
            print(f"{old.stem}: identical ({len(a)} lines)")
            continue
        differing += 1
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        changed = sum(1 for x, y in zip(a, b) if x != y) + abs(len(a) - len(b))
        print(f"{old.stem}: {changed} of {len(a)} lines differ; first at line {first + 1}")
        print("  before:", a[first][:600] if first < len(a) else "<none>")
        print("  after: ", b[first][:600] if first < len(b) else "<none>")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, of: " + ", ".join(SETS))
    parser.add_argument("--quick", action="store_true", help=f"every {QUICK_STRIDE}th item of each set")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.out:
        parser.error("pass --out DIR or --compare BEFORE AFTER")
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {unknown}; choose from {list(SETS)}")
    write(args.out, names=names, stride=QUICK_STRIDE if args.quick else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
