"""The annotated news sentences as detector training units: sha256-checked against the gold text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dragoman.extract.events.classifier import in_heldout
from dragoman.learn.data import load_news_units

TEXT = "Police arrested two men on Monday. The weather was fine."


def _gold(root: Path, doc_id: str = "7") -> Path:
    folder = root / "geo" / "GeoWebNews"
    folder.mkdir(parents=True)
    (folder / "GWN.xml").write_text(
        f'<?xml version="1.0" ?>\n<articles><article file="{doc_id}"><title>t</title><text>{TEXT}</text>'
        "<toponyms></toponyms></article></articles>\n", encoding="utf-8")
    return root


def _record(start: int, end: int, types: list[str], *, doc_id: str = "7", digest: str | None = None) -> str:
    sha = digest or hashlib.sha256(TEXT[start:end].encode("utf-8")).hexdigest()
    return json.dumps({"set": "GeoWebNews", "doc_id": doc_id, "start": start, "end": end, "sha256": sha,
                       "types": types, "asserted": types})


def test_news_units_carry_types_or_none_and_skip_changed_or_absent_texts(tmp_path: Path) -> None:
    gold = _gold(tmp_path / "gold")
    notes = tmp_path / "notes"
    notes.mkdir()
    lines = [_record(0, 34, ["COERCE"]), _record(35, 56, []),
             _record(0, 34, ["COERCE"], digest="0" * 64),  # the text differs from the annotated one
             _record(0, 34, ["COERCE"], doc_id="99"),  # no such article
             _record(0, 34, ["ARREST"]),  # not a PLOVER type
             "{not json"]
    (notes / "news_sentences_x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (notes / "other.jsonl").write_text(_record(0, 34, ["ASSAULT"]) + "\n", encoding="utf-8")  # not read

    units, skipped = load_news_units(gold, notes)

    assert [(u.source, u.text, u.allowed, u.gold) for u in units] == [
        ("news", "Police arrested two men on Monday.", frozenset({"COERCE"}), frozenset({"COERCE"})),
        ("news", "The weather was fine.", frozenset({"NONE"}), frozenset()),
    ]
    assert [u.heldout for u in units] == [False, False]
    assert dict(skipped) == {"text differs": 1, "text absent": 1, "bad record": 2}


def test_news_units_absent_gold_file_skips_every_sentence(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "news_sentences_x.jsonl").write_text(_record(0, 34, ["COERCE"]) + "\n", encoding="utf-8")
    units, skipped = load_news_units(tmp_path / "no_gold", notes)
    assert units == [] and dict(skipped) == {"text absent": 1}


def test_news_units_are_split_by_article_as_the_event_check_splits_its_rows(tmp_path: Path) -> None:
    # article 5 is held out while neither of its sentences would be by its own text: the split is the article's
    assert in_heldout("GeoWebNews:5") and not any(in_heldout(t) for t in TEXT.replace(". ", ".|").split("|"))
    gold = _gold(tmp_path / "gold", doc_id="5")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "news_sentences_x.jsonl").write_text(
        _record(0, 34, ["COERCE"], doc_id="5") + "\n" + _record(35, 56, [], doc_id="5") + "\n", encoding="utf-8")
    units, _skipped = load_news_units(gold, notes)
    assert [u.heldout for u in units] == [True, True]
