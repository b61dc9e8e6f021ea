"""The labelled corpus: well-formed, big and varied enough, and split by id for good."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent / "lint_corpus"


def _splitter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_split", HERE / "split.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SPLIT = _splitter()


def _rows(split: str) -> list[dict[str, object]]:
    lines = (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _is_supplement(statement_id: str) -> bool:
    """Tell a dev supplement (``zh-r001``, ``en-r042``) from a sampled statement (``zh-0001``)."""
    return statement_id.split("-")[-1].startswith("r")


def test_dev_supplements_stay_in_dev() -> None:
    assert all(not _is_supplement(str(r["id"])) for r in _rows("test"))


def test_every_statement_is_well_formed_and_in_the_split_its_id_gives() -> None:
    seen: set[object] = set()
    for split in ("dev", "test"):
        for number, row in enumerate(_rows(split), 1):
            SPLIT.check(row, f"{split}.jsonl:{number}")
            assert SPLIT.split_of(row["id"]) == split, row["id"]
            assert row["id"] not in seen
            seen.add(row["id"])


def test_corpus_is_big_varied_and_mostly_chinese() -> None:
    dev, test = _rows("dev"), _rows("test")
    rows = dev + test
    assert len(rows) >= 1000
    assert len(test) / len(rows) >= 0.30
    chinese = sum(1 for r in rows if str(r["lang"]).startswith("zh"))
    assert chinese / len(rows) >= 0.55
    registers = Counter(str(r["register"]) for r in rows)
    assert len(registers) >= 8 and min(registers.values()) >= 30
    labels = Counter(label for r in rows for label in r["labels"])  # type: ignore[attr-defined]
    assert min(labels[rule] for rule in SPLIT.LABELS - {"unfilled-placeholder"}) >= 40
    clean = sum(1 for r in rows if not r["labels"])
    assert 0.2 <= clean / len(rows) <= 0.5
