"""The geo scorer: metric arithmetic on small cases, and quality floors on samples of LGL and GeoWebNews."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import EvaluationError
from dragoman.evaluate.geo import auc_of, read_gold, score_geo
from factories import assert_not_below

SAMPLE = 40  # articles per gold set in the test run; the CLI scores the full sets


def test_auc_is_zero_for_perfect_and_one_for_antipodal() -> None:
    assert auc_of([0.0, 0.0, 0.0]) == 0.0
    assert auc_of([20039.0, 20039.0]) == pytest.approx(1.0)
    assert 0.0 < auc_of([0.0, 100.0, 5000.0]) < 1.0


def test_unreadable_gold_raises_evaluation_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvaluationError, match="bad.xml"):
        read_gold(bad)


def test_small_lgl_layout_file_is_scored(tmp_path: Path) -> None:
    text = "Fire crews in Alexandria, La., fought the blaze near the Red River."
    start = text.index("Alexandria")
    gold = tmp_path / "mini.xml"
    gold.write_text(
        "<articles><article docid='1'><text><![CDATA[" + text + "]]></text><toponyms><toponym>"
        f"<start>{start}</start><end>{start + 10}</end><phrase>Alexandria</phrase>"
        "<gaztag geonameid='4314550'><name>Alexandria</name><lat>31.3113</lat><lon>-92.4451</lon></gaztag>"
        "</toponym></toponyms></article></articles>", encoding="utf-8")
    scores = score_geo(gold)
    assert scores["toponyms"] == 1 and scores["detected"] == 1
    assert scores["acc_161km"] == 1.0 and scores["median_km"] < 20


# Measured on the first 40 articles of each set (oracle spans: precision and recall are 1 by construction), and on
# the whole GeoWebNews set (200 articles, ~15 s; the target was 0.94 within 161 km). Floors: these less
# SHARE_TOLERANCE (factories.py).
MEASURED = {
    ("geo/LGL/lgl.xml", True): {"acc_161km": 0.8854, "precision": 1.0, "recall": 1.0},
    ("geo/LGL/lgl.xml", False): {"acc_161km": 0.905, "precision": 0.8116, "recall": 0.7896},
    ("geo/GeoWebNews/GWN.xml", True): {"acc_161km": 0.8289, "precision": 1.0, "recall": 1.0},
    ("geo/GeoWebNews/GWN.xml", False): {"acc_161km": 0.9295, "precision": 0.9061, "recall": 0.7309},
}
MEASURED_GWN_FULL = {"acc_161km": 0.9478, "precision": 0.9316, "recall": 0.7734}


@pytest.mark.slow
@pytest.mark.parametrize(("relpath", "oracle"), list(MEASURED), ids=lambda v: str(v))
def test_gold_sample_floors(gold_dir: Path, relpath: str, oracle: bool) -> None:
    scores = score_geo(gold_dir / relpath, oracle_spans=oracle, limit=SAMPLE)
    assert_not_below(MEASURED[relpath, oracle], scores)


@pytest.mark.slow
def test_geowebnews_full_set_meets_the_target(gold_dir: Path) -> None:
    scores = score_geo(gold_dir / "geo/GeoWebNews/GWN.xml")
    assert scores["acc_161km"] >= 0.94, scores  # the target
    assert_not_below(MEASURED_GWN_FULL, scores)
