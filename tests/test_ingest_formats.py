"""Each input format read from real files: text, HTML (plain and gzipped), JSONL, folders."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dragoman.ingest import DEFAULT_MAX_BYTES, article_from_text, iter_inputs
from dragoman.model import Article, Rejected, content_hash

PAGE = """<!DOCTYPE html><html><head><title>Rebels shell Goma airport | Lake Post</title>
<meta property="og:site_name" content="Lake Post"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-01-22T08:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Rebels shell Goma airport</h1>
<p>GOMA (Reuters) - Rebels shelled the airport in Goma on Monday, killing two soldiers, the army said.</p>
<p>The government in Kinshasa accused Rwanda of supporting the attack and recalled its ambassador from Kigali.</p>
<p>Aid agencies suspended flights into the city until further notice, a United Nations spokesman said.</p>
</article><footer>Contact us</footer></body></html>"""


def _only(items: list[Article | Rejected]) -> Article:
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, Article), getattr(item, "error", item)
    return item


def test_text_file_is_read_as_is(tmp_path: Path) -> None:
    text = "Army shells rebels\n\nGOMA (Reuters) - Troops shelled rebel positions on Monday.\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = _only(list(iter_inputs([path], published="2024-01-23")))
    assert article.format == "text"
    assert article.original == text
    assert article.doc_id == content_hash(text)
    assert article.source_id == str(path)
    assert article.published == "2024-01-23"


def test_html_page_goes_through_trafilatura_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _only(list(iter_inputs([path], published="1999-01-01")))
    assert article.format == "html"
    assert "Rebels shelled the airport in Goma on Monday" in article.original
    assert "Home" not in article.original.split("\n")
    assert "\n\nThe government in Kinshasa" in article.original  # paragraphs kept as blank lines
    assert article.title == "Rebels shell Goma airport"
    assert article.published == "2024-01-22"  # the page's own date wins over the default
    assert article.author == "Jane Doe"
    assert article.site_name == "Lake Post"
    assert article.raw_html == PAGE
    assert article.doc_id == content_hash(PAGE)


def test_gzipped_html_and_htm(tmp_path: Path) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (tmp_path / "b.htm").write_text(PAGE, encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    assert [Path(i.source_id).name for i in items] == ["a.html.gz", "b.htm"]
    assert all(isinstance(i, Article) and i.format == "html" for i in items)
    assert items[0].original == items[1].original


def test_txt_that_is_really_html_is_detected_by_content(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = _only(list(iter_inputs([path])))
    assert article.format == "html"
    assert "<p>" not in article.original


def test_jsonl_records_text_and_html(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "text": "Police arrested 12 protesters in Nairobi on Tuesday.", "title": "Arrests",
         "url": "https://example.org/r1", "published": "2024-06-25T10:00:00Z"},
        {"id": "r2", "html": PAGE},
        {"text": "Troops withdrew from the town on Friday, residents said."},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    items = list(iter_inputs([path], published="2024-01-01"))
    assert len(items) == 3
    first, second, third = items
    assert isinstance(first, Article) and first.format == "jsonl"
    assert first.source_id == "r1" and first.doc_id == content_hash(records[0]["text"])
    assert first.published == "2024-06-25" and first.url == "https://example.org/r1" and first.title == "Arrests"
    assert isinstance(second, Article) and second.source_id == "r2"
    assert second.doc_id == content_hash(PAGE) and "Rebels shelled the airport" in second.original
    assert second.raw_html == PAGE
    assert isinstance(third, Article) and third.source_id == f"{path}:3" and third.published == "2024-01-01"


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "one.txt").write_text("Second story about talks in Cairo.", encoding="utf-8")
    (tmp_path / "a" / "deep" / "two.txt").write_text("First story about shelling.", encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("editor swap file", encoding="utf-8")
    names = [Path(i.source_id).name for i in iter_inputs([tmp_path])]
    assert names == ["two.txt", "one.txt"]


def test_missing_path_is_a_failed_rejection(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    items = list(iter_inputs([missing, tmp_path / "also-missing"]))
    assert [type(i) for i in items] == [Rejected, Rejected]
    assert items[0].status == "failed" and "no such file" in items[0].error and str(missing) in items[0].error


def test_article_from_text_and_default_limit() -> None:
    article = article_from_text("Troops withdrew.", source_id="cli", published="2024-02-02")
    assert (article.original, article.source_id, article.published, article.format) == (
        "Troops withdrew.", "cli", "2024-02-02", "text")
    assert 1_000_000 <= DEFAULT_MAX_BYTES <= 20_000_000


def test_bundled_examples_are_all_read(examples_dir: Path) -> None:
    items = list(iter_inputs([examples_dir]))
    assert all(isinstance(i, Article) for i in items)
    formats = {i.format for i in items}
    assert formats == {"text", "html", "jsonl"}
    assert len(items) >= 8


def test_ingest_count_inputs_matches_what_is_read(tmp_path: Path) -> None:
    from dragoman.ingest import count_inputs, iter_inputs

    (tmp_path / "a.txt").write_text("Rebels attacked the town of Sake on Monday.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "1", "text": "Police arrested ten people."}\n\n{"id": "2", "text": "Troops withdrew."}\nnot json\n',
        encoding="utf-8")
    assert count_inputs([tmp_path]) == len(list(iter_inputs([tmp_path]))) == 4
