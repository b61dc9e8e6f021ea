"""Keep the linter's precision and recall on the labeled corpus above the agreed floors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "lint_accuracy.py"


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lint_accuracy", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


ACCURACY = _accuracy()
SCORES = ACCURACY.evaluate(ACCURACY.read_corpus())


def test_corpus_is_big_and_mixed_enough() -> None:
    rows = ACCURACY.read_corpus()
    assert len(rows) >= 200
    assert {lang for _e, lang, _t in rows} == {"zh", "zh-Hant", "en"}
    clean = sum(1 for expected, _l, _t in rows if not expected)
    assert 0.28 <= clean / len(rows) <= 0.45


@pytest.mark.parametrize("rule", sorted(SCORES))
def test_precision_and_recall_floor(rule: str) -> None:
    floor = 0.9 if rule == "vague-fix-no-timeline" else 0.85
    score = SCORES[rule]
    assert score.tp + score.fn >= 8, "too few labeled cases to mean anything"
    assert score.precision >= floor, score.misses
    assert score.recall >= floor, score.misses
