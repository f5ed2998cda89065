"""The extraction scorer (benchmark's shingle P/R/F1) and the floor on the gold pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dragoman.errors import EvaluationError
from dragoman.evaluate.extraction import aggregate, score_extraction, tp_fp_fn
from factories import assert_not_below

# Measured on all 181 pages (trafilatura alone: F1 0.959); floors: these less SHARE_TOLERANCE (factories.py).
MEASURED = {"precision": 0.9503, "recall": 0.9755, "f1": 0.9627}


def test_identical_text_scores_one_and_disjoint_zero() -> None:
    text = "Rebels shelled the airport in Goma on Monday, killing two soldiers."
    assert tp_fp_fn(text, text) == (1.0, 0.0, 0.0)
    assert tp_fp_fn(text, "Completely different words appear in this other sentence here.")[0] == 0.0
    assert aggregate([tp_fp_fn(text, text)]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_extra_text_costs_precision_not_recall() -> None:
    gold = "one two three four five six seven eight"
    tp, fp, fn = tp_fp_fn(gold, gold + " nine ten eleven twelve")
    scores = aggregate([(tp, fp, fn)])
    assert scores["recall"] == 1.0 and scores["precision"] < 1.0


def test_scores_a_benchmark_shaped_folder(tmp_path: Path) -> None:
    body = ("Rebels shelled the airport in Goma on Monday, killing two soldiers, the army said. The government "
            "in Kinshasa accused Rwanda of backing the attack.")
    page = f"<html><body><nav>Home World</nav><article><p>{body}</p></article></body></html>"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "abc.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"abc": {"articleBody": body}}))
    scores = score_extraction(tmp_path)
    assert scores["n"] == 1 and scores["f1"] == pytest.approx(1.0)


def test_wrong_folder_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="ground-truth.json"):
        score_extraction(tmp_path)


@pytest.mark.slow
def test_extraction_f1_floor_on_gold(gold_dir: Path) -> None:
    folder = gold_dir / "extraction" / "article-extraction-benchmark"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    scores = score_extraction(gold_dir)  # all 181 pages: ~10 s
    assert scores["n"] == 181
    assert_not_below(MEASURED, scores)
