"""One registry of every rule id the library emits; rules/explain print it; configs accept it."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

from crisiscomms.cli import main
from crisiscomms.lint import LintConfig, lint
from crisiscomms.lint.registry import registry

ROOT = Path(__file__).resolve().parent.parent


def _emitted_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "crisiscomms").rglob("*.py"):
        # rule="id", or rule="id" if ... else "other-id": every id literal of the line.
        for line in re.findall(r"\brule=(.*)", path.read_text("utf-8")):
            ids |= set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"', line))
    elements = tomllib.loads((ROOT / "templates" / "elements.toml").read_text("utf-8"))
    ids |= {spec["rule"] for spec in elements.values()}
    from crisiscomms.channels.report import RULE_IDS as CHANNEL_IDS

    ids |= set(CHANNEL_IDS)
    for lang in ("zh", "en"):
        data = tomllib.loads((ROOT / "crisiscomms/lint/rules" / f"{lang}.toml").read_text("utf-8"))
        ids |= {rule["id"] for rule in data["rule"]}
    return ids


def test_every_id_the_code_can_emit_is_registered() -> None:
    emitted = _emitted_ids()
    assert {"fact-mismatch", "unsupported-claim", "parity-mismatch", "missing-impact"} <= emitted
    assert emitted - set(registry()) == set()


def test_every_entry_has_severity_description_and_examples() -> None:
    for doc in registry().values():
        assert doc.severity in ("info", "warning", "error")
        assert doc.description and doc.bad and doc.good and doc.summary["en"]


def test_config_and_comments_accept_every_id_and_all() -> None:
    for rule_id in registry():
        LintConfig(disable=frozenset({rule_id}))
        lint(f"<!-- crisiscomms: disable={rule_id} -->正在修复")
    assert lint("正在修复中。尽快。", config=LintConfig(disable=frozenset({"all"}))) == []


def test_rules_and_explain_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(rule_id in out for rule_id in registry())
    assert main(["explain", "vague-fix-no-timeline"]) == 0
    out = capsys.readouterr().out
    assert "正在紧急修复" in out and "✓" in out and "✗" in out
    assert main(["explain", "fact-mismatch"]) == 0
    assert main(["explain", "no-such-rule"]) == 2


@pytest.mark.skipif(importlib.util.find_spec("opencc") is None, reason="opencc not installed")
def test_generated_traditional_messages_are_up_to_date() -> None:
    from crisiscomms.lint.hant_messages import data_dir, derive

    expected = derive((data_dir() / "registry.toml").read_text(encoding="utf-8"))
    current = (data_dir() / "registry.zh-Hant.toml").read_text(encoding="utf-8")
    assert current == expected, "run: python -m crisiscomms.lint.hant_messages"


def test_traditional_messages_use_the_words_of_a_taiwan_reader() -> None:
    # Trial E: the zh-Hant messages said 登錄, 個人信息 and 數據, mainland words.
    from crisiscomms.lint import lint

    [finding] = [
        f for f in lint("部分用戶無法登入帳戶。", lang="zh-Hant") if f.rule.startswith("no-")
    ]
    assert "登入" in finding.message and "資料" in finding.message, finding.message
    assert "登錄" not in finding.message and "數據" not in finding.message
