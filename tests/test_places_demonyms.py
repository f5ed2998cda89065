"""Rules added for GeoWebNews-style news: nationality adjectives as toponyms, countries and blocs the tagger
calls organisations, places closing an office's name, split or bracketed capitals datelines, and gold spans
the gazetteer does not know (placed at the document's focus instead of nowhere)."""

from __future__ import annotations

from dragoman.extract.places.resolver import PlaceResolver
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp


def resolve(text: str, spans: list[tuple[int, int]] | None = None) -> PlaceResolver:
    doc = get_nlp()(text)
    return PlaceResolver(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text))), spans=spans)


def by_text(text: str) -> dict[str, object]:
    return {t.text: t for t in resolve(text).toponyms}


def test_korean_and_english_name_south_korea_and_england() -> None:
    found = by_text("The Korean carmaker hired an English coach for its team in Seoul.")
    assert found["Korean"].candidate.country == "KOR", found
    assert found["English"].candidate.fcode == "ADM1" and found["English"].candidate.name == "England", found


def test_a_demonym_never_resolves_to_a_town_of_that_name() -> None:
    found = by_text("Arab leaders met in Riyadh on Sunday to discuss the war in Yemen.")
    arab = found.get("Arab")
    assert arab is None or arab.candidate is None or arab.candidate.fclass != "P", arab


def test_country_tagged_as_organisation_is_a_toponym() -> None:
    found = by_text("The airline said EU airlines have kept their prices low while the UAE leads the region.")
    assert found["UAE"].candidate.country == "ARE", found


def test_country_closing_an_office_name_is_a_toponym() -> None:
    found = by_text("He met the General Secretary of the Communist Party of Vietnam in Hanoi on Monday.")
    assert "Vietnam" in found, found
    assert found["Vietnam"].candidate.fcode == "PCLI"


def test_bracketed_capitals_dateline_is_the_city() -> None:
    found = by_text("(NEW YORK) — Police officers responding to reports of a man with a gun shot him on Wednesday.")
    top = found["NEW YORK"]
    assert top.candidate.fclass == "P" and top.candidate.admin1 == "NY", top


def test_dateline_split_by_the_tokenizer_is_one_place() -> None:
    found = by_text("ST. LOUIS – Police announced that detectives arrested two men on Friday.")
    top = found.get("ST. LOUIS")
    assert top is not None and top.candidate.name == "St. Louis", found


def test_unknown_gold_span_is_placed_at_the_documents_focus() -> None:
    text = "Fire broke out at Makeen Market Complex in Peshawar. Peshawar police said the blaze spread fast."
    start = text.index("Makeen")
    spans = [(start, start + len("Makeen Market Complex")), (text.index("Peshawar"), text.index("Peshawar") + 8)]
    tops = resolve(text, spans).toponyms
    market = next(t for t in tops if t.start == start)
    assert market.fallback and market.candidate is not None and market.candidate.name == "Peshawar", market
