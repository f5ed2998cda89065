"""HTML article extraction scored the way article-extraction-benchmark scores it.

For each page the gold ``articleBody`` and our text are cut into word tokens (``\\w+``) and
4-token shingles; shingle counts give true positives, false positives and false negatives,
normalised per document so long pages do not weigh more. Precision and recall are averaged
over documents and F1 is taken from the two averages. Our text is what the pipeline codes:
the page read by our HTML ingest path and cleaned by ``dragoman.clean``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..clean import clean_article
from ..errors import EvaluationError
from ..ingest import DEFAULT_MAX_BYTES, iter_inputs
from ..model import Article
from .metrics import f1

BENCHMARK = Path("extraction") / "article-extraction-benchmark"
SHINGLE = 4
_TOKEN_RE = re.compile(r"\w+")


def find_benchmark(gold_dir: Path) -> Path:
    """The benchmark folder: ``gold_dir`` itself or ``gold_dir/extraction/article-extraction-benchmark``."""
    for candidate in (gold_dir, gold_dir / BENCHMARK, gold_dir / "article-extraction-benchmark"):
        if (candidate / "ground-truth.json").is_file() and (candidate / "html").is_dir():
            return candidate
    raise EvaluationError(
        f"{gold_dir}: no ground-truth.json with an html/ folder beside it; pass the article-extraction-benchmark "
        "folder (or the gold folder that contains extraction/article-extraction-benchmark)"
    )


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Counts of the n-token shingles of ``text`` (a shorter text is one shingle of all its tokens)."""
    tokens = _TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def tp_fp_fn(gold: str, predicted: str) -> tuple[float, float, float]:
    """Shingle overlap of one document, normalised to sum to 1."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over documents, F1 of the two means."""
    rows = list(counts)
    precisions = [_precision(*row) for row in rows if row[0] + row[1] > 0]
    recalls = [_recall(*row) for row in rows if row[0] + row[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def extract_page(path: Path, *, clean: bool = True) -> str:
    """Our text for one page: ingest (trafilatura) and, by default, our cleaner; "" when nothing was found."""
    items = list(iter_inputs([path], max_bytes=DEFAULT_MAX_BYTES))
    article = items[0] if items else None
    if not isinstance(article, Article):
        return ""
    return clean_article(article).body if clean else article.original


def score_extraction(gold_dir: Path, *, limit: int | None = None, clean: bool = True) -> dict[str, Any]:
    """Precision, recall, F1 and n over the benchmark pages (the first ``limit`` ids when given)."""
    folder = find_benchmark(Path(gold_dir))
    try:
        truth: dict[str, dict[str, Any]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{folder / 'ground-truth.json'}: cannot be read as JSON ({exc})") from exc
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    counts = []
    for item_id in ids:
        page = folder / "html" / f"{item_id}.html.gz"
        if not page.is_file():
            raise EvaluationError(f"{page}: page listed in ground-truth.json is missing; restore the benchmark files")
        counts.append(tp_fp_fn(truth[item_id].get("articleBody", ""), extract_page(page, clean=clean)))
    return {**aggregate(counts), "n": len(counts)}
