"""Any file name works: names that are not UTF-8 are stored as escaped text, shown, and found again on a rerun.

Before, such a name reached SQLite as a string with lone surrogates ("surrogates not allowed"): the batch stopped
with nothing stored, and every rerun stopped the same way. The files are real, with raw byte names.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman import store
from dragoman.ingest import display_path, iter_inputs
from dragoman.model import Rejected
from factories import coded_doc, text_article

STORY = "Soldiers shelled the town of Sake on Monday, killing five civilians, officials said.\n"

if sys.platform == "darwin":  # pragma: no cover - its file systems refuse names that are not UTF-8
    pytest.skip("this file system refuses file names that are not valid UTF-8", allow_module_level=True)


def _named(folder: Path, raw: bytes) -> Path:
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))


def test_display_path_is_storable_and_gives_the_bytes_back(tmp_path: Path) -> None:
    for raw in (b"caf\xe9 \xff report.txt", b"back\\slash \xfe.txt", b"\xc3\x28 half a character.txt"):
        path = _named(tmp_path, raw)
        shown = display_path(path)
        shown.encode("utf-8")  # no lone surrogates: SQLite and any terminal take it
        assert "\\x" in shown
        assert codecs.escape_decode(shown.encode("utf-8"))[0] == os.fsencode(path)  # lossless
    assert display_path(tmp_path / "café – ok.txt") == str(tmp_path / "café – ok.txt")  # UTF-8 names unchanged


def test_reader_source_ids_for_names_that_are_not_utf8(tmp_path: Path) -> None:
    _named(tmp_path, b"caf\xe9 story.txt").write_text(STORY, encoding="utf-8")
    _named(tmp_path, b"empty \xff.txt").write_text("", encoding="utf-8")
    _named(tmp_path, b"export \xfe.jsonl").write_text(
        json.dumps({"text": STORY}) + "\n" + "not json\n", encoding="utf-8")
    os.symlink(os.fsencode(tmp_path) + b"/gone \xfd.txt", os.fsencode(tmp_path) + b"/link \xfc.txt")
    items = list(iter_inputs([tmp_path]))
    by_source = {item.source_id: item for item in items}
    assert set(by_source) == {
        f"{tmp_path}/caf\\xe9 story.txt", f"{tmp_path}/empty \\xff.txt", f"{tmp_path}/export \\xfe.jsonl:1",
        f"{tmp_path}/export \\xfe.jsonl:2", f"{tmp_path}/link \\xfc.txt",
    }
    for item in items:
        item.source_id.encode("utf-8")
        if isinstance(item, Rejected):
            item.error.encode("utf-8")  # reasons name the file the same way
    link = by_source[f"{tmp_path}/link \\xfc.txt"]
    assert isinstance(link, Rejected) and "gone \\xfd.txt" in link.error


def test_store_takes_strings_with_lone_surrogates(tmp_path: Path) -> None:
    """The writer's own guard: a library caller's raw name or JSON's lone "\\udc80" never stops the batch."""
    article = text_article(STORY)
    article = type(article)(doc_id=article.doc_id, source_id="caf\udce9.txt", format="text",
                            original=STORY.replace("five", "f\ud800ve"), published=None)
    conn = store.connect(tmp_path / "x.db")
    try:
        assert store.write_coded(conn, coded_doc(article, []))
        source, original = conn.execute("SELECT source_id, original FROM documents").fetchone()
    finally:
        conn.close()
    assert source == "caf\ufffd.txt" and len(original) == len(article.original) and "f\ufffdve" in original


def _dragoman(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dragoman", *args], capture_output=True, text=True, timeout=600,
                          cwd=cwd)


def test_code_and_rerun_with_names_that_are_not_utf8(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    story = _named(inputs, b"caf\xe9 \xff re\\port.txt")
    story.write_text(STORY, encoding="utf-8")
    _named(inputs, b"empty \xfe.txt").write_text("", encoding="utf-8")
    # JSON spelling lone surrogates in its id and text: no store can hold them as they are.
    _named(inputs, b"feed \xfd.jsonl").write_text(
        '{"id": "x\\udc80", "text": "Police arrested 12 protesters in Goma on Monday \\ud800, officials said."}\n',
        encoding="utf-8")
    # Relative paths, as a user types them: the source ids are short enough for the table to show whole.
    first = _dragoman(tmp_path, "code", "in", "--db", "x.db", "--published", "2024-01-23")
    assert first.returncode == 0, first.stderr
    assert "coded 2, skipped 1, failed 0, already stored 0" in first.stdout
    rerun = _dragoman(tmp_path, "code", "in", "--db", "x.db", "--published", "2024-01-23")
    assert rerun.returncode == 0 and "coded 0, skipped 0, failed 0, already stored 3" in rerun.stdout, rerun
    docs = _dragoman(tmp_path, "docs", "--db", "x.db", "--format", "jsonl")
    sources = {json.loads(line)["source_id"] for line in docs.stdout.splitlines()}
    assert sources == {"in/caf\\xe9 \\xff re\\\\port.txt", "in/empty \\xfe.txt", "x\ufffd"}
    assert display_path(story).endswith("in/caf\\xe9 \\xff re\\\\port.txt")
    table = _dragoman(tmp_path, "docs", "--db", "x.db")
    assert table.returncode == 0 and "in/caf\\xe9 \\xff re\\\\port.txt" in table.stdout  # shown escaped
