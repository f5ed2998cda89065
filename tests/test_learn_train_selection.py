"""Model selection in ``dragoman.learn.train``: of the C values whose cross-validated score is within the margin
of the best, the most regularised is chosen."""

from __future__ import annotations

from dragoman.learn.train import C_MARGIN, parsimonious


def test_a_smaller_c_within_the_margin_of_the_best_is_chosen() -> None:
    assert parsimonious({0.1: 0.7658, 0.3: 0.7685, 1.0: 0.7716}) == 0.3  # 0.1 is 0.0058 below: outside


def test_the_best_c_is_chosen_when_the_others_are_clearly_worse() -> None:
    assert parsimonious({0.1: 0.70, 0.3: 0.72, 1.0: 0.76}) == 1.0


def test_ties_go_to_the_smallest_c() -> None:
    assert parsimonious({0.1: 0.7716, 0.3: 0.7716, 1.0: 0.7716}) == 0.1
    assert parsimonious({0.1: 0.5, 1.0: 0.5 + C_MARGIN}) == 0.1
