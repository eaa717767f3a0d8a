"""Tests of the cross-document measures: pairwise merge scores and the gold_multi set."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import GoldFormatError
from accord.evaluation_tracking import evaluate_multi, pairwise_prf

GOLD_MULTI = Path(__file__).parent / "data" / "gold_multi"


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([["a", "b", "c"]], {"a": 1, "b": 1, "c": 1}, (3, 0, 0)),
        ([["a", "b", "c"]], {"a": 1, "b": 1, "c": 2}, (1, 0, 2)),
        ([["a"], ["b"]], {"a": 1, "b": 1}, (0, 1, 0)),
        # A report extraction missed is left out of the merge score.
        ([["a", "b", "c"]], {"a": 1, "b": 1, "c": None}, (1, 0, 0)),
    ],
)
def test_evaluation_tracking_pairwise_prf(
    gold: list[list[str]], predicted: dict[str, int | None], expected: tuple[int, int, int]
) -> None:
    score = pairwise_prf(gold, predicted)
    assert (score.tp, score.fp, score.fn) == expected


def test_evaluation_tracking_needs_cases(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError):
        evaluate_multi(tmp_path)


@pytest.mark.model
def test_evaluation_tracking_gold_multi_meets_targets() -> None:
    report = evaluate_multi(GOLD_MULTI)
    assert report.merge.f1 >= 0.95, report.format_text()
    assert report.status_accuracy >= 0.9, report.format_text()
    assert report.check_accuracy >= 0.8, report.format_text()
