"""Keep the linter's precision and recall on the dev split above floors (test is only reported)."""

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
DEV = ACCURACY.read_split("dev")
SCORES = ACCURACY.evaluate(DEV) if DEV else {}
# Floors a little under today's dev figures: a change that costs more fails here.
FLOORS = {
    "vague-fix-no-timeline": 0.95, "vague-time": 0.95, "empty-apology": 0.92,
    "vague-scope": 0.92, "over-promise": 0.95, "blame-shift": 0.85, "minimizing": 0.95,
    "no-data-safety-statement": 0.90, "unfilled-placeholder": 0.92,
}  # fmt: skip


@pytest.mark.skipif(not DEV, reason="no dev split yet")
def test_dev_split_is_big_and_mixed_enough() -> None:
    assert len(DEV) >= 500
    assert {row.lang for row in DEV} >= {"zh", "en"}


@pytest.mark.skipif(not DEV, reason="no dev split yet")
@pytest.mark.parametrize("rule", sorted(FLOORS))
def test_f1_floor_on_dev(rule: str) -> None:
    score = SCORES[rule]
    assert score.tp + score.fn >= 8, "too few labelled cases to mean anything"
    assert score.f1 >= FLOORS[rule], (score.precision, score.recall)
