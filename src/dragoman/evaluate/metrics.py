"""Precision, recall and F1 shared by every scorer in ``dragoman.evaluate``."""

from __future__ import annotations


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall, F1 rounded to 4 places (0.0 where undefined), n = gold positives, and the counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1(precision, recall), 4),
            "n": tp + fn, "tp": tp, "fp": fp, "fn": fn}
