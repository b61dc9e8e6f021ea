"""Rules are data: every rule's own examples hold, and the data files agree with the contract."""

from __future__ import annotations

import importlib.util
import tomllib

import pytest

from crisiscomms.errors import ConfigError
from crisiscomms.lint import RULE_IDS, lint
from crisiscomms.lint.catalog import check_examples, ruleset
from crisiscomms.lint.phrases import expand
from crisiscomms.lint.rules import RULE_LANGS, parse_rules, read_rule_file

CASES = [
    (lang, rule.id, example, expect)
    for lang in RULE_LANGS
    for rule in ruleset(lang).rules
    for expect, examples in ((True, rule.should_fail), (False, rule.should_pass))
    for example in examples
]


@pytest.mark.parametrize(("lang", "rule_id", "example", "fires"), CASES)
def test_every_rule_example_behaves(lang: str, rule_id: str, example: str, fires: bool) -> None:
    rule = ruleset(lang).get(rule_id)
    assert rule is not None
    kind = rule.kinds[0] if rule.kinds else None
    found = {f.rule for f in lint(example, lang=lang, kind=kind)}
    assert (rule_id in found) is fires


@pytest.mark.parametrize("lang", RULE_LANGS)
def test_each_language_defines_every_rule_id_with_bilingual_messages(lang: str) -> None:
    rules = ruleset(lang)
    assert sorted(r.id for r in rules.rules) == sorted(RULE_IDS)
    for rule in rules.rules:
        assert rule.messages["zh"] and rule.messages["en"]
        assert rule.suggestions["zh"] and rule.suggestions["en"]


def test_contract_severities() -> None:
    errors = {r.id for r in ruleset("zh").rules if r.severity == "error"}
    assert errors == {
        "vague-fix-no-timeline", "over-promise", "unfilled-placeholder", "missing-next-update",
        "missing-claim-method", "missing-claim-deadline", "missing-eligibility",
        "missing-data-statement",
    }  # fmt: skip


def test_a_rule_whose_example_does_not_fire_is_a_load_error() -> None:
    data = read_rule_file("zh")
    broken = next(r for r in data["rule"] if r["id"] == "vague-time")
    broken["should_fail"] = ["服务运行正常。"]
    with pytest.raises(ConfigError, match=r"vague-time.*should_fail"):
        check_examples(parse_rules(data, "zh.toml"), "zh.toml")


def test_a_rule_whose_pass_example_fires_is_a_load_error() -> None:
    data = read_rule_file("en")
    broken = next(r for r in data["rule"] if r["id"] == "vague-time")
    broken["should_pass"] = ["We will be back soon."]
    with pytest.raises(ConfigError, match="should_pass"):
        check_examples(parse_rules(data, "en.toml"), "en.toml")


def test_unknown_keys_and_ids_are_rejected() -> None:
    data = read_rule_file("en")
    data["rule"][0]["phrase"] = ["typo"]
    with pytest.raises(ConfigError, match="unknown key"):
        parse_rules(data, "en.toml")
    data = read_rule_file("en")
    data["rule"][0]["id"] = "made-up"
    with pytest.raises(ConfigError, match="made-up"):
        parse_rules(data, "en.toml")


def test_phrase_notation() -> None:
    assert expand("{正在|}{修复|抢修}中") == ["正在修复中", "正在抢修中", "修复中", "抢修中"]
    assert expand("{We are|We're} {currently |}investigating") == [
        "we are currently investigating", "we are investigating",
        "we're currently investigating", "we're investigating",
    ]  # fmt: skip
    with pytest.raises(ConfigError):
        expand("{a|b")


def test_traditional_rules_catch_traditional_text() -> None:
    assert [f.rule for f in lint("正在緊急修復中", lang="zh-Hant")] == ["vague-fix-no-timeline"]
    assert [f.rule for f in lint("正在緊急修復中")] == ["vague-fix-no-timeline"]
    assert lint("正在緊急修復，預計今晚22:00前恢復。") == []


@pytest.mark.skipif(importlib.util.find_spec("opencc") is None, reason="opencc not installed")
def test_generated_traditional_rules_are_up_to_date() -> None:
    from crisiscomms.lint.derive_hant import derive, rules_dir

    expected = derive((rules_dir() / "zh.toml").read_text(encoding="utf-8"))
    current = (rules_dir() / "zh-Hant.toml").read_text(encoding="utf-8")
    assert current == expected, "run: python -m crisiscomms.lint.derive_hant"
    tomllib.loads(current)
