"""A long text is matched window by window: the findings are those of the whole text.

The engine cuts a long text after paragraph breaks and matches each window's
hits alone (see ``crisiscomms.lint.engine._View``). These tests shrink the
window to a few dozen characters, so that short texts are cut everywhere they
can be, and compare every finding with one unwindowed run.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

import crisiscomms.lint.engine  # noqa: F401  (the module, for its window size)
from crisiscomms.lint import lint

engine = sys.modules["crisiscomms.lint.engine"]
DEV = Path(__file__).parent / "lint_corpus" / "dev.jsonl"


def _statements() -> list[str]:
    return [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]


def _texts() -> list[str]:
    statements = _statements()
    pick = random.Random(11)
    texts = []
    for separator in ("\n\n", "\n", "", " ", "。\n\n", "\r\n\r\n", ".\n"):
        for _ in range(6):
            texts.append(separator.join(pick.sample(statements, 25)))
    texts.append("正在修复中，尽快恢复。部分用户受影响。We are investigating, ASAP.\n\n" * 40)
    return texts


def _shape(text: str, kind: str | None) -> list[tuple[object, ...]]:
    return [
        (f.rule, f.start, f.end, f.line, f.column, f.excerpt, f.message)
        for f in lint(text, kind=kind)
    ]


def _assert_same_findings(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, small: int, kind: str | None
) -> None:
    """Lint every text with ``module.name`` huge, then ``small``: the findings must not differ."""
    texts = _texts()
    monkeypatch.setattr(module, name, 10**9)
    whole = [_shape(text, kind) for text in texts]
    monkeypatch.setattr(module, name, small)
    cut = [_shape(text, kind) for text in texts]
    assert sum(map(len, whole)) > 100
    for text, expected, got in zip(texts, whole, cut, strict=True):
        assert got == expected, text[:200]


@pytest.mark.parametrize("kind", [None, "first-statement"])
def test_windowed_findings_are_the_whole_texts(
    monkeypatch: pytest.MonkeyPatch, kind: str | None
) -> None:
    _assert_same_findings(monkeypatch, engine, "_WINDOW", 40, kind)


def test_small_windows_do_cut_the_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    from crisiscomms.lint.catalog import plan_for

    monkeypatch.setattr(engine, "_WINDOW", 40)
    text = "".join(f"第{i}段：系统故障，正在修复中。\n\n" for i in range(30))
    cuts = engine._windows(text, plan_for(("zh",)))
    assert cuts[0] == 0 and cuts[-1] == len(text) and len(cuts) > 3
    assert all(text[cut - 2 : cut] == "\n\n" for cut in cuts[1:-1])


def test_the_automaton_read_in_chunks_finds_what_it_finds_in_one_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Chunks of 5 characters cut every word of more than one character somewhere in these
    # texts; a word that starts in one chunk and ends in the next must still be found once.
    from crisiscomms.lint import scanner

    _assert_same_findings(monkeypatch, scanner, "_CHUNK", 5, None)


def test_a_phrase_found_many_times_keeps_one_copy_of_its_excerpt() -> None:
    # A 10 MB text dense with findings makes a million of them: a copy of the excerpt
    # each was a fifth of their memory, and the heap's growth made each finding cost
    # more the longer the text (issue 8 §6).
    findings = lint("正在修复中，尽快恢复。We are investigating, ASAP.\n\n" * 50)
    by_excerpt: dict[str, set[int]] = {}
    for finding in findings:
        by_excerpt.setdefault(finding.excerpt, set()).add(id(finding.excerpt))
    assert len(findings) >= 150 and len(by_excerpt) >= 3
    assert all(len(copies) == 1 for copies in by_excerpt.values()), by_excerpt
