"""Precompiled rules: generated from the TOML, trusted only while the TOML is unchanged."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from crisiscomms.errors import ConfigError
from crisiscomms.lint import catalog, compile_rules, compiled
from crisiscomms.lint.catalog import ruleset
from crisiscomms.lint.compiled import compiled_path, load_compiled, source_text
from crisiscomms.lint.rules import RULE_LANGS, parse_rules, read_rule_file
from crisiscomms.lint.scanner import Entry, Scanner
from crisiscomms.lint.textfold import fold

VAGUE_TIME_FAILS = (
    'should_fail = ["我们将尽快恢复服务。", "具体恢复时间另行通知。", "稍后会公布处理结果。"]'
)


def _with_broken_vague_time(text: str) -> str:
    """Return zh.toml text whose vague-time rule claims to fire on a clean sentence."""
    assert text.count(VAGUE_TIME_FAILS) == 1, "update this test to the current zh.toml"
    return text.replace(VAGUE_TIME_FAILS, 'should_fail = ["服务运行正常。"]')


@pytest.mark.parametrize("lang", RULE_LANGS)
def test_compiled_rules_are_up_to_date(lang: str) -> None:
    current = compiled_path(lang).read_text(encoding="utf-8")
    assert current == compile_rules.compile_lang(lang), (
        "run: python -m crisiscomms.lint.compile_rules"
    )


@pytest.mark.parametrize("lang", RULE_LANGS)
def test_compiled_rules_equal_the_parsed_toml(lang: str) -> None:
    compiled = load_compiled(lang)
    assert compiled is not None
    assert compiled == parse_rules(read_rule_file(lang), f"rules/{lang}.toml")
    assert ruleset(lang) == compiled


def test_an_edited_toml_is_not_served_from_stale_compiled_data() -> None:
    edited = source_text("zh").replace("尽快", "尽早", 1)
    assert edited != source_text("zh")
    assert load_compiled("zh", edited) is None


def test_an_edited_toml_whose_example_misbehaves_is_a_load_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edited = _with_broken_vague_time(source_text("zh"))
    monkeypatch.setattr(catalog, "source_text", lambda lang: edited)
    monkeypatch.setattr(catalog, "read_rule_file", lambda lang: tomllib.loads(edited))
    with pytest.raises(ConfigError, match=r"vague-time.*should_fail"):
        ruleset.__wrapped__("zh")


def test_the_generator_refuses_rules_whose_example_misbehaves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edited = _with_broken_vague_time(source_text("zh"))
    monkeypatch.setattr(compile_rules, "source_text", lambda lang: edited)
    with pytest.raises(ConfigError, match=r"vague-time.*should_fail"):
        compile_rules.compile_lang("zh")


@pytest.mark.parametrize("content", ["", "{", '{"format": 1}', "[]", '{"format": 999}'])
def test_unusable_compiled_data_falls_back_to_the_toml(
    content: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "zh.json"
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(compiled, "compiled_path", lambda lang: bad)
    assert load_compiled("zh") is None
    monkeypatch.setattr(catalog, "load_compiled", lambda lang, text: None)
    assert ruleset.__wrapped__("zh") == parse_rules(read_rule_file("zh"), "zh.toml")


def test_compiled_data_of_another_rule_file_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "compiled_path", lambda lang: compiled_path("zh-Hant"))
    assert load_compiled("zh") is None


SAMPLES = [
    "【公告】\n目前正在紧急修复中，给您带来的不便深表歉意。部分用户无法登录。",
    "正在緊急修復中，對此深表歉意，預計今晚22:00前恢復。",
    "We are investigating. We apologize for any inconvenience. Some users [TO FILL: count].",
    "技术团队正在排查，we're working on a fix ASAP，不可抗力，XX用户，尽快尽快。\n\n稍后更新",
    "Engineers are investigating the issue and will post an update shortly; this will never "
    "happen again.",
]


def _reference_hits(langs: tuple[str, ...], folded: str) -> list[tuple[int, int, Entry]]:
    # Brute force: every occurrence of every phrase, in rule-set, rule and role order.
    from crisiscomms.lint.scanner import _at_word_edges

    found = []
    for lang in langs:
        for rule in ruleset(lang).rules:
            roles = (("trigger", rule.phrases), ("exception", rule.exceptions))
            roles += (("satisfier", rule.satisfier_phrases),)
            for role, phrases in roles:
                for phrase in phrases:
                    at = folded.find(phrase)
                    while at >= 0:
                        end = at + len(phrase)
                        if not rule.word_boundaries or _at_word_edges(folded, at, end):
                            found.append((at, end, Entry(rule, role)))  # type: ignore[arg-type]
                        at = folded.find(phrase, at + 1)
    return found


@pytest.mark.parametrize("text", SAMPLES)
def test_split_automata_find_every_overlapping_phrase(text: str) -> None:
    langs = ("zh", "zh-Hant", "en")
    folded = fold(text)
    hits = [(h.start, h.end, h.entry) for h in Scanner([ruleset(lg) for lg in langs]).scan(folded)]
    reference = _reference_hits(langs, folded)
    key = lambda h: (h[0], h[1], h[2].rule.lang, h[2].rule.id, h[2].role)  # noqa: E731
    assert sorted(hits, key=key) == sorted(reference, key=key)
    # Ties keep rule-set order: the engine prefers a language by it.
    assert [(s, -e) for s, e, _ in hits] == sorted((s, -e) for s, e, _ in hits)


def test_ascii_text_needs_no_chinese_automaton() -> None:
    scanner = Scanner([ruleset("zh"), ruleset("en")])
    assert len(scanner._parts("we are working on it")) == 1
    assert len(scanner._parts("正在修复")) == 2
