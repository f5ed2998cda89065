"""Prints, per story of the story gold (``eval/stories/stories.jsonl``), each asserted event that finds no fact,
with its sentence: the spurious events to classify (issue 12). Dev split by default; tune on dev only.

    .venv/bin/python bench/story_spurious.py [--split dev|heldout] [--gold FILE] [--texts DIR] [--all]

``--all`` prints every event of the story (any modality), marking the matched ones, not only the spurious.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dragoman.evaluate.stories import (
    _match,
    code_stories,
    default_texts_root,
    finds,
    load_texts,
    read_stories,
)
from dragoman.model import Event

ROOT = Path(__file__).resolve().parent.parent


def _who(actor: object) -> str:
    if actor is None:
        return "-"
    return f"{getattr(actor, 'text', '')!r}:{getattr(actor, 'country', None)}"


def _line(event: Event, mark: str) -> str:
    place = event.location.name if event.location is not None else "-"
    return (f"  {mark} {event.type:<10} {event.modality:<9} trig={event.evidence.trigger!r} "
            f"actor={_who(event.actor)} recip={_who(event.recipient)} place={place} date={event.when.date} "
            f"dead={event.counts.dead}\n"
            f"      @{event.evidence.start}: {event.evidence.sentence[:300]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "stories" / "stories.jsonl")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--texts", type=Path, default=None)
    parser.add_argument("--all", action="store_true", help="print every event, not only the spurious")
    args = parser.parse_args()
    stories = [s for s in read_stories(args.gold) if s.split == args.split]
    texts = load_texts(stories, args.texts or default_texts_root(args.gold))
    total = 0
    for story, events in zip(stories, code_stories(stories, texts)):
        asserted = [e for e in events if e.modality == "asserted"]
        matching = _match(len(story.facts),
                          lambda i, story=story, asserted=asserted: (
                              j for j, e in enumerate(asserted) if finds(story.facts[i], e)))
        used = {asserted[j].event_id for j in matching.values()}
        spurious = [e for e in asserted if e.event_id not in used]
        total += len(spurious)
        print(f"== {story.story_id}: {len(story.facts)} facts, {len(matching)} found, "
              f"{len(spurious)} spurious of {len(asserted)} asserted; background {list(story.background)}")
        for fact in story.facts:
            print(f"  F {fact.type:<10} {fact.actor}->{fact.recipient} "
                  f"place={fact.place.name if fact.place else None} date={fact.date} dead={fact.dead} span={fact.span}")
        for event in events if args.all else spurious:
            mark = "S" if event in spurious else ("+" if event.event_id in used else ".")
            print(_line(event, mark))
    print(f"spurious: {total} in {len(stories)} stories ({total / max(1, len(stories)):.2f} per story)")


if __name__ == "__main__":
    main()
