"""Hostile files and folders: links, pipes, damaged gzip, binary formats behind text names, giant records.

Each becomes a Rejected that names the path, what is wrong and the fix; good documents beside them survive.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import threading
from pathlib import Path

import pytest

from dragoman.ingest import input_files, iter_inputs
from dragoman.model import Article, Rejected

GOOD = "KABUL, March 3 (AFP) - Police arrested five men in Kabul on Sunday, officials said.\n"


def _by_source(items: list[Article | Rejected]) -> dict[str, Article | Rejected]:
    return {Path(i.source_id).name if "/" in i.source_id else i.source_id: i for i in items}


def _records(n: int, seed: int = 7) -> list[dict[str, str]]:
    # Distinct texts, so that half of the compressed stream holds several whole records.
    rng = random.Random(seed)
    words = "police army rebels talks village aid market city minister protest court border".split()
    return [{"id": f"r{i}", "text": " ".join(rng.choice(words) for _ in range(120)) + "."} for i in range(n)]


def test_broken_link_and_link_loop_are_reported_not_passed_over(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    items = _by_source(list(iter_inputs([tmp_path])))
    assert isinstance(items["good.txt"], Article)
    dangling, loop = items["dangling.txt"], items["loop.txt"]
    assert isinstance(dangling, Rejected) and dangling.status == "failed"
    assert "broken symbolic link" in dangling.error and "nowhere.txt" in dangling.error
    assert isinstance(loop, Rejected) and "symbolic link loop" in loop.error


def test_linked_folders_are_followed_once(tmp_path: Path) -> None:
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (news / "sub" / "up").symlink_to(news, target_is_directory=True)  # a loop back to the top
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(GOOD.replace("five", "six"), encoding="utf-8")
    (news / "linked").symlink_to(elsewhere, target_is_directory=True)
    files = [p.name for p in input_files([news])]
    assert sorted(files) == ["a.txt", "b.txt"]


def test_pipe_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result: list[Article | Rejected] = []
    reader = threading.Thread(target=lambda: result.extend(iter_inputs([tmp_path])), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert not reader.is_alive(), "reading a named pipe must not block the batch"
    items = _by_source(result)
    pipe = items["pipe.txt"]
    assert isinstance(pipe, Rejected) and pipe.status == "skipped" and "not a regular file" in pipe.error
    assert isinstance(items["good.txt"], Article)


def test_unreadable_folder_is_reported(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every folder: permissions cannot be tested as root")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        items = list(iter_inputs([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert len(items) == 1 and isinstance(items[0], Rejected) and "cannot be listed" in items[0].error


def test_truncated_html_gz_fails_instead_of_passing_as_a_short_page(tmp_path: Path) -> None:
    page = "<html><body><article>" + "<p>Police arrested five men in Kabul on Sunday, officials said.</p>" * 200
    data = gzip.compress((page + "</article></body></html>").encode())
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "zero.html.gz").write_bytes(b"")
    items = _by_source(list(iter_inputs([tmp_path])))
    cut = items["cut.html.gz"]
    assert isinstance(cut, Rejected) and cut.status == "failed" and "truncated" in cut.error
    assert isinstance(items["zero.html.gz"], Rejected) and items["zero.html.gz"].status == "skipped"


def test_truncated_jsonl_gz_keeps_its_complete_records(tmp_path: Path) -> None:
    records = _records(40)
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(iter_inputs([tmp_path / "cut.jsonl.gz"]))
    articles = [i for i in items if isinstance(i, Article)]
    assert 5 <= len(articles) < 40
    assert [a.source_id for a in articles] == [f"r{i}" for i in range(len(articles))]
    assert [a.original for a in articles] == [r["text"] for r in records[: len(articles)]]
    assert isinstance(items[-1], Rejected) and "truncated" in items[-1].error
    assert f"after {len(articles)} records" in items[-1].error


def test_concatenated_gzip_members_are_one_export(tmp_path: Path) -> None:
    first, second = _records(3, seed=1), _records(3, seed=2)
    for r in second:
        r["id"] = "b" + r["id"]
    data = b"".join(gzip.compress("".join(json.dumps(r) + "\n" for r in part).encode()) for part in (first, second))
    (tmp_path / "both.jsonl.gz").write_bytes(data)
    items = list(iter_inputs([tmp_path / "both.jsonl.gz"]))
    assert [i.source_id for i in items] == ["r0", "r1", "r2", "br0", "br1", "br2"]
    assert all(isinstance(i, Article) for i in items)


def test_empty_jsonl_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"\n  \n")
    items = list(iter_inputs([tmp_path / "empty.jsonl"]))
    assert len(items) == 1 and isinstance(items[0], Rejected)
    assert items[0].status == "skipped" and "no records" in items[0].error


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", "PDF"),
        ("plain.txt", b"%PDF-1.7\nBT /F1 12 Tf (Police arrested five men) Tj ET\n", "PDF"),
        ("story.txt", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    ],
)
def test_known_binary_formats_are_named(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    (tmp_path / name).write_bytes(data)
    (item,) = iter_inputs([tmp_path / name])
    assert isinstance(item, Rejected) and item.status == "failed"
    assert kind in item.error and name in item.error and "binary" in item.error


def test_jsonl_field_values_are_checked_with_line_and_value(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": GOOD, "published": "yesterday"},
        {"id": "b", "text": GOOD + " b", "published": 20240101},
        {"id": "c", "text": GOOD + " c", "published": "2024-13-45"},
        {"id": "d", "text": GOOD + " d", "published": "2024-06-25T10:00:00Z"},
        {"id": "e", "text": GOOD + " e", "published": None},
        {"id": True, "text": GOOD + " f"},
        {"id": 42, "text": GOOD + " g"},
        {"id": "h", "text": 12345},
        {"id": "dup", "text": GOOD + " i"},
        {"id": "dup", "text": GOOD + " j"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([path], published="2024-01-01"))
    assert len(items) == len(lines)
    bad = {i.source_id: i.error for i in items if isinstance(i, Rejected)}
    good = {i.source_id: i for i in items if isinstance(i, Article)}
    assert "export.jsonl:1" in bad["a"] and "'yesterday'" in bad["a"] and "YYYY-MM-DD" in bad["a"]
    assert "a number 20240101" in bad["b"]
    assert "export.jsonl:3" in bad["c"] and "no calendar date" in bad["c"]
    assert f"{path}:6" in bad and "a boolean true" in bad[f"{path}:6"]
    assert "'text' is a number 12345" in bad["h"]
    assert good["d"].published == "2024-06-25" and good["e"].published == "2024-01-01"
    assert good["42"].original.endswith(" g")
    assert [i.original[-1] for i in items if i.source_id == "dup"] == ["i", "j"]  # both kept, in order


def test_jsonl_with_bom_and_crlf_lines(tmp_path: Path) -> None:
    body = "\r\n".join(json.dumps({"id": f"x{i}", "text": GOOD + str(i)}) for i in range(3)) + "\r\n"
    (tmp_path / "win.jsonl").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    items = list(iter_inputs([tmp_path / "win.jsonl"]))
    assert [i.source_id for i in items] == ["x0", "x1", "x2"]
    assert all(isinstance(i, Article) and i.original == GOOD + str(n) for n, i in enumerate(items))


def test_giant_jsonl_line_is_skipped_and_the_next_records_survive(tmp_path: Path) -> None:
    giant = json.dumps({"id": "giant", "text": "word " * 50_000})
    small = json.dumps({"id": "small", "text": GOOD})
    path = tmp_path / "mixed.jsonl"
    path.write_text(f"{giant}\n{small}\n{giant}", encoding="utf-8")
    items = list(iter_inputs([path], max_bytes=10_000))
    assert [type(i).__name__ for i in items] == ["Rejected", "Article", "Rejected"]
    assert items[0].status == "skipped" and "over the limit of 10000" in items[0].error  # type: ignore[union-attr]
    assert "mixed.jsonl:1" in items[0].error and "mixed.jsonl:3" in items[2].error  # type: ignore[union-attr]
    assert items[1].source_id == "small"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_or_without_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "win.txt").write_bytes(GOOD.encode(encoding))
    (item,) = iter_inputs([tmp_path / "win.txt"])
    assert isinstance(item, Article) and item.original.strip() == GOOD.strip()
