"""Code the 24 audit stories with the current dragoman and write their events (eval/audit/coded.jsonl).

Run from the checkout: .venv/bin/python eval/audit/code_audit.py [--texts ../shared/gold]
The texts are read as `dragoman evaluate stories` reads them (sha256-checked for the stories.jsonl ones);
each story is coded with `dragoman.code_text(text, source_id=story_id, published=...)` (published from the
gold where it gives one, else none).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NEW = ["GeoWebNews:268", "GeoWebNews:267", "LGL:44085722", "LGL:43228131", "GeoWebNews:241", "LGL:38991174"]
FILES = {"GeoWebNews": "geo/GeoWebNews/GWN.xml", "LGL": "geo/LGL/lgl.xml"}


def stories(texts_root: Path) -> list[dict]:
    from dragoman.evaluate.stories import load_texts, read_stories

    gold = ROOT / "eval" / "stories" / "stories.jsonl"
    held = [s for s in read_stories(gold) if s.split == "heldout"]
    out = [{"story_id": s.story_id, "origin": "heldout", "published": s.published, "text": t,
            "sha256": s.sha256} for s, t in zip(held, load_texts(held, texts_root))]
    from dragoman.evaluate.geo import read_gold

    cache: dict[str, dict[str, str]] = {}
    for sid in NEW:
        name, doc = sid.split(":")
        if name not in cache:
            cache[name] = {a.doc_id: a.text for a in read_gold(texts_root / FILES[name])}
        text = cache[name][doc]
        out.append({"story_id": sid, "origin": "new", "published": None, "text": text,
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--out", type=Path, default=HERE / "coded.jsonl")
    parser.add_argument("--no-check", action="store_true",
                        help="code with the learned event check off (to see what the check drops)")
    args = parser.parse_args()
    from contextlib import nullcontext

    import dragoman

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    if args.no_check:
        from dragoman.extract.events.verifier import checking

        mode = checking(False)
    else:
        mode = nullcontext()
    with mode, args.out.open("w", encoding="utf-8") as fh:
        for story in stories(args.texts):
            events = dragoman.code_text(story["text"], source_id=story["story_id"], published=story["published"])
            for event in events:
                record = event.to_record()
                record["evidence"].pop("sentence", None)  # offsets only: the text stays in the data set
                fh.write(json.dumps({"story_id": story["story_id"], "origin": story["origin"],
                                     "sha256": story["sha256"], "commit": commit, **record}) + "\n")
            print(story["story_id"], len(events), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
