"""Bad input becomes a Rejected with a specific reason; the batch goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dragoman.ingest import iter_inputs
from dragoman.model import Article, Rejected

GOOD = "KABUL, March 3 (AFP) - Police arrested five men in Kabul on Sunday, officials said.\n"


def _read(tmp_path: Path, name: str, data: bytes, **kwargs: object) -> list[Article | Rejected]:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_inputs([tmp_path], **kwargs))  # type: ignore[arg-type]
    assert isinstance(items[-1], Article) and items[-1].original == GOOD, "the good document must survive"
    return items[:-1]


def _rejected(items: list[Article | Rejected]) -> Rejected:
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    return items[0]


def test_empty_and_whitespace_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b"  \n\t \r\n")
    items = _read(tmp_path, "empty.txt", b"")
    assert len(items) == 2
    for item in items:
        assert isinstance(item, Rejected) and item.status == "skipped"
        assert "empty or whitespace" in item.error
    assert items[0].doc_id != items[1].doc_id  # two empty files are two documents


def test_binary_file_with_text_extension_fails(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    item = _rejected(_read(tmp_path, "photo.txt", png))
    assert item.status == "failed" and "binary" in item.error and "photo.txt" in item.error


def test_latin1_and_cp1252_bytes_are_decoded(tmp_path: Path) -> None:
    text = "Le président a rencontré le ministre à Genève — «accord» signé.\nThe café owner’s shop was hit."
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    items = _read(tmp_path, "latin1.txt", "Troops entered Bogotá and Medellín, the mayor said. Señor Núñez.".encode(
        "latin-1"))
    assert all(isinstance(i, Article) for i in items)
    by_name = {Path(i.source_id).name: i for i in items}
    assert by_name["cp1252.txt"].original == text
    assert "Bogotá and Medellín" in by_name["latin1.txt"].original


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    items = _read(tmp_path, "bom.txt", b"\xef\xbb\xbf" + GOOD.replace("five", "six").encode())
    assert isinstance(items[0], Article) and items[0].original.startswith("KABUL")


def test_broken_html_still_yields_text_or_a_reason(tmp_path: Path) -> None:
    broken = b"<html><body><div><p>Militants attacked a checkpoint near Mosul on Friday, killing three policemen, " \
             b"an Iraqi army officer said.<p>Police arrested two suspects<div><table><tr><td>unclosed"
    items = _read(tmp_path, "broken.html", broken)
    assert len(items) == 1
    item = items[0]
    if isinstance(item, Article):
        assert "Militants attacked a checkpoint near Mosul" in item.original
    else:
        assert item.error and "broken.html" in item.error


def test_page_without_article_body_is_skipped(tmp_path: Path) -> None:
    page = b"<html><head><title>Home</title><script>var x=1;</script></head><body><nav><a href='/'>Home</a></nav>" \
           b"<div></div></body></html>"
    item = _rejected(_read(tmp_path, "empty-page.html", page))
    assert item.status == "skipped" and "no article body" in item.error and "empty-page.html" in item.error


def test_file_over_max_bytes_is_skipped(tmp_path: Path) -> None:
    item = _rejected(_read(tmp_path, "big.txt", b"word " * 400, max_bytes=1000))
    assert item.status == "skipped" and "over the limit of 1000" in item.error and "--max-bytes" in item.error


def test_gzip_bomb_is_stopped_at_max_bytes(tmp_path: Path) -> None:
    bomb = gzip.compress(b"<html><body><p>" + b"a" * 200_000 + b"</p></body></html>")
    item = _rejected(_read(tmp_path, "bomb.html.gz", bomb, max_bytes=50_000))
    assert item.status == "skipped" and "decompressed size" in item.error


def test_unsupported_extension_is_skipped(tmp_path: Path) -> None:
    item = _rejected(_read(tmp_path, "report.pdf", b"%PDF-1.4 binary"))
    assert item.status == "skipped" and "unsupported file type '.pdf'" in item.error


def test_bad_jsonl_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    lines = [
        '{"id": "ok1", "text": "Soldiers withdrew from the border town on Monday."}',
        "{not json",
        "[1, 2, 3]",
        '{"id": "notext", "title": "No body"}',
        '{"id": "blanktext", "text": "   "}',
        '{"id": "baddate", "text": "Talks began in Doha.", "published": "last Tuesday"}',
        '"just a string"',
        '{"id": "ok2", "text": "Police fired tear gas at protesters in Dakar."}',
    ]
    items = _read(tmp_path, "feed.jsonl", ("\n".join(lines) + "\n").encode())
    kinds = [(type(i).__name__, i.source_id) for i in items]
    assert len(items) == 8, kinds
    assert isinstance(items[0], Article) and isinstance(items[-1], Article)
    bad = items[1:-1]
    assert all(isinstance(i, Rejected) and i.status == "failed" for i in bad)
    assert "feed.jsonl:2" in bad[0].error and "not valid JSON" in bad[0].error
    assert "not an object" in bad[1].error and "feed.jsonl:3" in bad[1].error
    assert "no 'text' or 'html'" in bad[2].error and bad[2].source_id == "notext"
    assert "no 'text' or 'html'" in bad[3].error
    assert "not an ISO date" in bad[4].error
    assert "not an object" in bad[5].error
    assert len({i.doc_id for i in items}) == len(items)


def test_jsonl_record_over_max_bytes_is_skipped(tmp_path: Path) -> None:
    big = json.dumps({"id": "huge", "text": "x " * 2000})
    items = _read(tmp_path, "feed.jsonl", (big + "\n").encode(), max_bytes=1000)
    item = _rejected(items)
    assert item.status == "skipped" and "feed.jsonl:1" in item.error


def test_hostile_html_page_leaves_no_script_or_handler(tmp_path: Path) -> None:
    page = """<html><head><script>alert('head')</script></head><body onload="steal()">
<article><h1 onclick="x()">Clashes in Tripoli</h1>
<p onmouseover="evil()">Armed groups clashed in the Libyan capital Tripoli on Sunday, killing four people, the
health ministry said.<script>document.cookie</script></p>
<p>Witnesses said &lt;script&gt;alert(1)&lt;/script&gt; fighters used heavy weapons near the port on Monday.</p>
<p><a href="javascript:alert(2)" onclick="bad()">The UN mission called for calm and urged talks.</a></p>
<img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe>
</article></body></html>"""
    item = _read(tmp_path, "hostile.html", page.encode())[0]
    assert isinstance(item, Article)
    text = item.original + (item.title or "")
    assert "Armed groups clashed in the Libyan capital Tripoli" in text
    for bad in ("<script", "alert(", "onclick", "onmouseover", "onerror", "onload", "javascript:", "document.cookie"):
        assert bad not in text.lower(), bad


def test_hostile_jsonl_html_record_leaves_no_script_or_handler(tmp_path: Path) -> None:
    html = ('<html><body><script>alert("x")</script><div onclick="evil()"><p onmouseover="x()">Gunmen attacked a '
            'village in Zamfara state on Tuesday, killing 20 people, police said.</p><p>The governor said troops '
            'were sent to the area &lt;img src=x onerror=alert(1)&gt; on Wednesday.</p></div></body></html>')
    record = json.dumps({"id": "hostile", "html": html, "published": "2024-05-05"})
    item = _read(tmp_path, "feed.jsonl", (record + "\n").encode())[0]
    assert isinstance(item, Article) and "Gunmen attacked a village in Zamfara" in item.original
    for bad in ("<script", "alert(", "onclick", "onmouseover", "onerror", "<img"):
        assert bad not in item.original.lower(), bad
