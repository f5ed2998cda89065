"""A batch with one poison input of each known kind beside good documents: every good one is stored.

The poison kinds are those that once stopped a whole corpus: a text on one line over spaCy's 1,000,000-character
limit (by 5 %: just over takes the same path as the 3 MB line once met, in a third of the time), a file name that
is not valid UTF-8, HTML nested far deeper than lxml's default limit, and a path that does not exist. Run through
the real CLI in a subprocess, twice: the rerun adds nothing. A JSONL record over the limit, the other kind once
met, is ``test_pipeline_long_documents.test_code_files_stores_documents_over_the_limit``'s.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from dragoman.clean import clean_article
from dragoman.ingest import article_from_text
from dragoman.nlp import get_nlp

pytestmark = pytest.mark.slow

GOOD_DOCUMENTS = 40
OVER_THE_LIMIT = 1_050_000  # characters: spaCy's max_length is 1,000,000
# Ten places and four days make forty distinct closing sentences: forty documents with their own content hash.
_PLACES = ("Goma", "Mogadishu", "Khartoum", "Nairobi", "Yangon", "Gaza City", "Addis Ababa", "Kinshasa",
           "Juba", "Mandalay")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")
_STORY = ("Police in {place} arrested 12 people on {day} after a march on the governor's office turned violent, "
          "a police spokesman said. The protesters demanded the release of detained opposition leaders.")


def _good_documents(folder: Path) -> list[Path]:
    """Forty documents: the demo's own stories and our variants of them, each with a new last paragraph."""
    sources = sorted(p for p in EXAMPLES_DIR.glob("*.txt"))
    written = []
    for n in range(GOOD_DOCUMENTS):
        base = sources[n % len(sources)].read_text(encoding="utf-8")
        extra = _STORY.format(place=_PLACES[n % len(_PLACES)], day=_DAYS[n // len(_PLACES)])
        path = folder / f"good_{n:02d}.txt"
        path.write_text(f"{base.rstrip()}\n\n{extra}\n", encoding="utf-8")
        written.append(path)
    return written


def _long_prose(chars: int) -> str:
    """Story prose of about ``chars`` characters on one line (whitespace-normalised, as archives deliver it)."""
    sentences = []
    size, n = 0, 0
    while size < chars:
        sentence = _STORY.format(place=_PLACES[n % len(_PLACES)], day=_DAYS[n % len(_DAYS)]).replace(
            "12 people", f"{n % 90 + 2} people")
        sentences.append(sentence)
        size += len(sentence) + 1
        n += 1
    return " ".join(sentences)


def _poison(folder: Path) -> dict[str, Path]:
    one_line = folder / "one_line.txt"
    one_line.write_text(_long_prose(OVER_THE_LIMIT), encoding="utf-8")
    bad_name = Path(os.fsdecode(bytes(folder) + b"/caf\xe9 \xff report.txt"))
    bad_name.write_text("Soldiers shelled the town of Sake on Monday, killing five civilians, officials said.\n",
                        encoding="utf-8")
    depth = 1200
    deep = folder / "deep.html"
    deep.write_text("<html><body>" + "<div>" * depth
                    + "<p>Rebels attacked an army post near Beni on Sunday, killing four soldiers, the army "
                      "said. The rebels withdrew into the forest after the attack, residents said.</p>"
                    + "</div>" * depth + "</body></html>", encoding="utf-8")
    return {"one_line": one_line, "bad_name": bad_name, "deep": deep}


def _code(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dragoman", "code", *args], capture_output=True, text=True,
                          timeout=1200, errors="replace")


def test_pipeline_poison_batch_keeps_every_good_document(tmp_path: Path) -> None:
    if sys.platform == "darwin":  # pragma: no cover - macOS refuses file names that are not UTF-8
        pytest.skip("this file system refuses file names that are not valid UTF-8")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = _good_documents(inputs)
    poison = _poison(inputs)
    missing = tmp_path / "nosuch"
    db = tmp_path / "poison.db"
    one_line = clean_article(article_from_text(poison["one_line"].read_text(encoding="utf-8")))
    assert len(one_line.body) > get_nlp().max_length  # parsed in pieces

    first = _code(str(inputs), str(missing), "--db", str(db), "--published", "2024-01-23")
    assert "Traceback" not in first.stderr + first.stdout
    # A missing input is the user's mistake: the rest is coded, and the exit says something was wrong.
    assert first.returncode != 0, first.stdout + first.stderr
    assert "nosuch" in first.stdout + first.stderr

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT source_id, status, error FROM documents").fetchall()
    by_source = {source: (status, error) for source, status, error in rows}
    for path in good:
        assert by_source.get(str(path), ("missing",))[0] == "ok", path
    # Each poison input is recorded, coded where it holds story text, else with its reason.
    assert by_source[str(poison["one_line"])][0] == "ok"
    assert by_source[str(poison["deep"])][0] == "ok", by_source[str(poison["deep"])]
    bad = [source for source in by_source if "report.txt" in source]
    assert len(bad) == 1 and by_source[bad[0]][0] == "ok", bad
    assert len(rows) == GOOD_DOCUMENTS + 3
    events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()

    second = _code(str(inputs), "--db", str(db), "--published", "2024-01-23")
    assert second.returncode == 0, second.stdout + second.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == GOOD_DOCUMENTS + 3
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events
    conn.close()
