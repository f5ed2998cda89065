"""The pipeline decides the reference date once, before the parse; the event dates and the stored document use it."""

from __future__ import annotations

from dragoman.model import Article, content_hash
from dragoman.pipeline import code_articles

BODY = "Police arrested 30 protesters in Nairobi on Monday, a police spokesman said."


def _article(text: str, published: str | None) -> Article:
    return Article(doc_id=content_hash(text), source_id="story.txt", format="text", original=text,
                   published=published)


def test_a_full_date_stated_in_the_text_dates_the_events_when_none_is_given() -> None:
    from_text, = code_articles([_article(f"NAIROBI, March 6, 2024 (AFP) - {BODY}", None)])
    given, = code_articles([_article(BODY, "2024-03-06")])
    assert from_text.status == given.status == "ok"
    assert from_text.article is not None and from_text.article.published == "2024-03-06"
    dates = [e.when.date for e in from_text.events]
    assert dates and dates == [e.when.date for e in given.events] == ["2024-03-04"]


def test_the_stated_date_wins_over_one_in_the_text() -> None:
    coded, = code_articles([_article(f"NAIROBI, March 6, 2024 (AFP) - {BODY}", "2024-06-12")])
    assert coded.article is not None and coded.article.published == "2024-06-12"
    assert [e.when.date for e in coded.events] == ["2024-06-10"]


def test_a_stated_value_that_is_no_date_fails_the_document_with_the_fix() -> None:
    coded, = code_articles([_article(BODY, "yesterday")])
    assert coded.status == "failed" and coded.error is not None and "--published YYYY-MM-DD" in coded.error
    assert coded.events == ()
