"""Page furniture out of scraped text dumps; every story paragraph, quote and sub-heading kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.clean import clean_article, clean_text
from dragoman.ingest import iter_inputs
from dragoman.model import Article

STORY = [
    "Congolese troops shelled rebel positions near Sake on Monday, killing 12 fighters, an army spokesman said.",
    "The rebels hit back with mortar fire that killed five soldiers, according to the UN.",
    '"We will not negotiate while the enemy occupies our villages," the spokesman said.',
    "Police in Goma arrested 23 protesters on Tuesday, a police official said.",
]


def _dump(*middle: str, head: str = "World News\nArmy shells rebel positions near Sake\n\n") -> str:
    lead = "GOMA (Reuters) - " + STORY[0]
    return head + "\n\n".join([lead, STORY[1], *middle, STORY[2], STORY[3]]) + "\n"


def _assert_story_kept(body: str) -> None:
    for paragraph in STORY:
        assert paragraph in body, paragraph
    assert body.startswith(STORY[0])


def test_section_headline_and_dateline_are_separated() -> None:
    doc = clean_text(_dump())
    _assert_story_kept(doc.body)
    assert doc.section == "World News"
    assert doc.title == "Army shells rebel positions near Sake"
    assert doc.dateline == "GOMA (Reuters)" and doc.agency == "Reuters" and doc.dateline_places == ("Goma",)
    assert "World News" not in doc.body and "Army shells" not in doc.body and "(Reuters)" not in doc.body
    assert {"section", "headline", "dateline"} <= set(doc.removed)


@pytest.mark.parametrize(
    ("furniture", "kind"),
    [
        ("Rwanda denies backing M23 as UN experts report troops inside Congo", "related"),
        ("Related Articles\nRebels seize mining town in North Kivu\nUN peacekeepers begin withdrawal", "related"),
        ("Read more: Rebels seize mining town in North Kivu", "related"),
        ("Image: Displaced families walk along the road to Goma. REUTERS/Staff", "caption"),
        ("FILE PHOTO: A soldier stands guard in Goma, Congo, May 2023. REUTERS/Staff/File Photo", "caption"),
        ("(Photo: Staff)", "caption"),
        ("Reporting by Staff in Goma; Editing by Desk Editor", "credit"),
        ("(Reporting by Staff in Kinshasa; Writing by Staff; Editing by Desk)", "credit"),
        ("Share this article", "share"),
        ("Share on Facebook  Share on X  Copy link", "share"),
        ("Subscribe to our daily briefing", "subscribe"),
        ("Sign up for our Africa newsletter", "subscribe"),
        ("We use cookies to improve your experience. Accept all cookies", "cookie"),
        ("Back to top", "navigation"),
        ("Cookie settings | Privacy | Terms", "cookie"),
        ("Advertisement", "advertisement"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "copyright"),
        ("By Jane Staff and John Writer", "byline"),
    ],
)
def test_each_furniture_kind_is_removed(furniture: str, kind: str) -> None:
    doc = clean_text(_dump(furniture))
    _assert_story_kept(doc.body)
    for line in furniture.splitlines():
        assert line not in doc.body
    assert kind in doc.removed


def test_trailing_furniture_block_is_removed() -> None:
    tail = ("\n\nReporting by Staff; Editing by Desk\n\nOur Standards: The Thomson Reuters Trust Principles.\n"
            "Most Read\nRebels seize mining town\nUN mission winds down in South Kivu\nBack to top\n")
    doc = clean_text(_dump() + tail)
    _assert_story_kept(doc.body)
    assert doc.body.endswith(STORY[3])


def test_short_sub_heading_and_quotes_are_kept() -> None:
    doc = clean_text(_dump("Humanitarian access", '"Our children are starving," said a mother in the camp.'))
    _assert_story_kept(doc.body)
    assert "\n\nHumanitarian access\n\n" in doc.body
    assert '"Our children are starving," said a mother in the camp.' in doc.body


def test_inline_photo_credit_is_cut_from_a_paragraph() -> None:
    doc = clean_text(_dump("Aid trucks reached the camp on Sunday (Photo: Staff/Agency) after a week of delays."))
    assert "Aid trucks reached the camp on Sunday after a week of delays." in doc.body
    assert "caption" in doc.removed


def test_paragraph_breaks_are_one_blank_line() -> None:
    text = "GOMA (Reuters) - One.\n\n\n\nTwo  \t words.\nThree\u00a0here.\r\n\r\nFour."
    doc = clean_text(text)
    assert doc.body == "One.\n\nTwo words.\n\nThree here.\n\nFour."


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    lines = [
        "Congolese troops shelled rebel positions near the town of Sake on Monday",
        "morning and killed at least twelve fighters, an army spokesman told a news",
        "conference in the provincial capital Goma later in the day after the attack",
        "Five soldiers were killed and fourteen civilians were wounded in the fighting",
        "around the camps for displaced people west of the city, the United Nations",
        "humanitarian office said in a statement released in Geneva on Tuesday night.",
    ]
    doc = clean_text("\n".join(lines))
    assert "\n" not in doc.body
    assert "Monday morning and killed" in doc.body


def test_a_single_line_without_full_stop_is_not_emptied() -> None:
    assert clean_text("Rebels attacked Goma").body == "Rebels attacked Goma"
    assert clean_text("Troops shelled Sake on Monday.").body == "Troops shelled Sake on Monday."


def test_markup_in_a_text_dump_does_not_survive() -> None:
    doc = clean_text(_dump('Police said <script>alert("x")</script> the march was <b onclick="x()">banned</b>.'))
    assert "<script" not in doc.body and "alert" not in doc.body and "onclick" not in doc.body
    assert "Police said the march was banned." in doc.body
    assert "markup" in doc.removed


def test_html_article_keeps_trafilatura_paragraphs(tmp_path: Path, examples_dir: Path) -> None:
    article = next(a for a in iter_inputs([examples_dir / "somalia_shabaab_raid.html"]) if isinstance(a, Article))
    doc = clean_article(article)
    assert doc.title == "Somali forces retake town from al-Shabaab after overnight raid"
    assert doc.section == "Africa" and doc.agency == "Reuters" and doc.dateline_places == ("Mogadishu",)
    assert doc.body.startswith("Somali government forces backed by clan militias recaptured the town of Mahas")
    assert doc.body.count("\n\n") == 6
    assert "Related stories" not in doc.body and "Share on" not in doc.body


@pytest.mark.parametrize("name", ["congo_sake_shelling.txt", "sudan_darfur_airstrike.txt",
                                  "ethiopia_tigray_talks.txt", "gaza_aid_ceasefire.txt",
                                  "myanmar_protest_sanctions.txt"])
def test_bundled_text_dumps_are_cleaned(examples_dir: Path, name: str) -> None:
    article = next(iter(iter_inputs([examples_dir / name])))
    assert isinstance(article, Article)
    doc = clean_article(article)
    assert doc.title and doc.section and doc.dateline and doc.agency
    for marker in ("Reporting by", "REUTERS/", "Share", "cookies", "Subscribe", "Editing by", "Back to top"):
        assert marker not in doc.body, marker
    paragraphs = doc.body.split("\n\n")
    assert len(paragraphs) >= 7
    assert all(p.strip() == p and p for p in paragraphs)


@pytest.mark.parametrize(
    ("furniture", "kind"),
    [
        ("Image caption, Displaced families outside Goma", "caption"),
        ("Image source, Getty Images", "caption"),
        ("Click to share on X (Opens in new window)", "navigation"),
        ("Tags: Congo, M23, Goma", "navigation"),
        ("Last modified on Tue 23 Jan 2024 10.00 GMT", "timestamp"),
        ("Updated 3 hours ago", "timestamp"),
    ],
)
def test_more_site_furniture(furniture: str, kind: str) -> None:
    doc = clean_text(_dump(furniture))
    _assert_story_kept(doc.body)
    assert furniture not in doc.body and kind in doc.removed


def test_long_unpunctuated_line_inside_the_story_is_kept() -> None:
    broken = ("Witnesses said the convoy was stopped at a checkpoint outside the town and the drivers were held "
              "for several hours before being released without their cargo")
    doc = clean_text(_dump(broken))
    assert broken in doc.body


def test_clean_keeps_a_lone_unpunctuated_story_line() -> None:
    # A truncated wire sentence with no full stop is the whole story, not a pasted related headline.
    text = ("Amnesty International has accused the Nigerian military of killing hundreds of men, women and "
            "children in Zaria and of attempting to cover up the killings in")
    assert clean_text(text).body == text
