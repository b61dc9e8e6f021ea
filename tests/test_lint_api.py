"""lint(): what a person publishing a notice gets back, in zh, zh-Hant, en and mixed text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.errors import ConfigError, InputError
from crisiscomms.lint import LintConfig, lint


def rules(text: str, **kw: object) -> list[str]:
    return [f.rule for f in lint(text, **kw)]  # type: ignore[arg-type]


# Sentences the drafting layer renders: they must stay clean.
DRAFT_SENTENCES = [
    "我们将于北京时间3月29日 22:30前发布下一次进展。",
    "预计北京时间3月29日 23:00前恢复（预计时间，可能调整）。",
    "Next update by Mar 29, 22:30 UTC+8.",
    "We expect service to be back by Mar 29, 23:00 UTC+8 (an estimate).",
    "技术团队正在排查原因，我们将于北京时间3月29日 22:30前发布下一次进展。",
    "约800万用户受到影响。",
    "About 8 million users were affected.",
    "用户资金与账户数据安全，未受影响。",
    "Your funds and account data are safe and were not affected.",
    "对此我们深表歉意。因本次故障，3月29日有约800万用户无法下单，用户资金与账户数据安全，未受影响。",
]


@pytest.mark.parametrize("sentence", DRAFT_SENTENCES)
def test_well_formed_draft_sentences_pass(sentence: str) -> None:
    assert lint(sentence) == []


def test_the_textbook_vague_notice_is_an_error_with_exact_span() -> None:
    text = "【公告】\n目前正在紧急修复中，给您带来的不便深表歉意。"
    found = lint(text)
    assert [f.rule for f in found] == ["vague-fix-no-timeline", "empty-apology"]
    fix = found[0]
    assert fix.severity == "error"
    assert (fix.line, fix.column) == (2, 1)
    assert text[fix.start : fix.end] == fix.excerpt == "目前正在紧急修复"
    assert fix.message.startswith("只说正在或将要处理")
    assert fix.messages["en"].startswith("Says work")


def test_a_time_elsewhere_in_the_paragraph_satisfies_but_not_another_paragraph() -> None:
    assert rules("正在紧急修复。预计今晚22:00前恢复。") == []
    assert rules("正在紧急修复。\n\n预计今晚22:00前恢复。") == ["vague-fix-no-timeline"]


def test_vague_words_are_not_times() -> None:
    assert rules("正在修复，将尽快恢复。") == ["vague-fix-no-timeline", "vague-time"]
    assert "vague-fix-no-timeline" in rules("正在修复，暂时无法给出具体时间。")
    assert rules("We are working on a fix and will update you as soon as possible.") == [
        "vague-fix-no-timeline",
        "vague-time",
    ]


def test_a_finished_fix_with_a_past_time_is_not_vague() -> None:
    assert rules("服务已于22:40修复。") == []
    assert "vague-fix-no-timeline" in rules("3月29日 14:05起故障，正在排查。")


def test_mixed_text_gets_both_rule_sets_with_messages_in_each_language() -> None:
    found = lint("部分用户无法访问。We are investigating the issue.")
    assert [(f.rule, f.message[:2]) for f in found] == [
        ("vague-scope", "影响"),
        ("vague-fix-no-timeline", "Sa"),
    ]


def test_english_phrases_need_word_boundaries() -> None:
    assert rules("The soonest slot is 14:00 UTC.") == []
    assert rules("We will be back soon.") == ["vague-time"]


def test_full_width_digits_and_traditional_script() -> None:
    assert lint("正在緊急修復，預計２２：００前恢復。") == []
    found = lint("正在緊急修復中")
    assert found[0].message.startswith("只說")


def test_placeholders_are_errors_with_the_whole_placeholder_as_span() -> None:
    found = lint("我们将于【待补充：下次更新时间】发布下一次进展。")
    assert [(f.rule, f.excerpt) for f in found] == [
        ("unfilled-placeholder", "【待补充：下次更新时间】")
    ]
    found = lint("Next update by [TO FILL: next update time].")
    assert [(f.rule, f.excerpt) for f in found] == [
        ("unfilled-placeholder", "[TO FILL: next update time]")
    ]


def test_kind_adds_completeness_checks() -> None:
    text = "目前部分地区约12%的用户无法下单，用户资金安全。"
    assert rules(text) == []
    assert rules(text, kind="first-statement") == ["missing-next-update"]
    assert rules(text + "我们将于30分钟后发布下一次进展。", kind="first_statement") == []
    comp = "因3月29日故障，我们将向用户发放10元优惠券。"
    assert set(rules(comp, kind="compensation-notice")) == {
        "missing-claim-method",
        "missing-claim-deadline",
        "missing-eligibility",
    }


def test_apology_about_payments_needs_a_data_statement_once() -> None:
    text = "3月29日约2小时内约5万用户支付失败，对此我们深表歉意。"
    assert rules(text) == ["no-data-safety-statement"]
    assert rules(text, kind="apology") == ["missing-data-statement"]


def test_config_disables_overrides_and_adds_phrases() -> None:
    text = "下礼拜公布结果。部分用户无法登录，资金安全。"
    assert rules(text) == ["vague-scope"]  # 下礼拜 is not in the shipped list
    config = LintConfig(
        disable=frozenset({"vague-scope"}),
        severity={"vague-time": "error"},
        extra_phrases={"zh": {"vague-time": ("下礼拜",)}},
    )
    found = lint(text + "下礼拜恢复。", config=config)
    assert [(f.rule, f.severity) for f in found] == [
        ("vague-time", "error"),
        ("vague-time", "error"),
    ]
    with pytest.raises(ConfigError, match="no-such-rule"):
        LintConfig(disable=frozenset({"no-such-rule"}))
    hant = LintConfig(extra_phrases={"zh-Hant": {"vague-time": ("下禮拜",)}})
    assert [f.rule for f in lint("下禮拜恢復。", config=hant)] == ["vague-time"]


def test_suppression_comments() -> None:
    text = (
        "<!-- crisiscomms: disable=vague-time -->尽快。\n"
        "<!-- crisiscomms: enable=vague-time -->\n稍后"
    )
    assert [f.excerpt for f in lint(text)] == ["稍后"]
    text = "<!-- crisiscomms: disable-next-line -->\n尽快恢复。\n稍后公布。"
    assert [f.excerpt for f in lint(text) if f.rule == "vague-time"] == ["稍后"]
    assert lint("<!-- crisiscomms: disable=all -->\n正在修复，尽快恢复。") == []
    with pytest.raises(ConfigError, match=r"line 1.*bogus"):
        lint("<!-- crisiscomms: disable=bogus -->")


def test_bad_arguments_are_input_errors() -> None:
    with pytest.raises(InputError):
        lint("x", lang="fr")
    with pytest.raises(InputError):
        lint("x", kind="press-release")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["auto", "zh", "zh-Hant", "en"]))
def test_lint_never_crashes_and_spans_index_the_text(text: str, lang: str) -> None:
    found = lint(text, lang=lang, kind="apology")
    assert found == sorted(found, key=lambda f: f.start)
    for f in found:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.excerpt == text[f.start : f.end]
        lines = text[: f.start].replace("\r\n", "\n").replace("\r", "\n")
        lines = lines.replace("\x85", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
        assert f.line == lines.count("\n") + 1


PIECES = ["正在紧急修复中", "预计", "22:00前", "尽快", "部分用户", "。", "，", "\n",
          "We are investigating", " by 14:00 UTC", "ＸＸ", "深表歉意", "账户", "İ", "\u3000",
          "２２：００", "soon", "."]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_spans_hold_on_notice_like_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for f in lint(text):
        assert f.excerpt == text[f.start : f.end]
        assert f.excerpt or f.start == f.end == 0


def test_adversarial_megabyte_finishes_within_a_guard_timeout() -> None:
    import time

    texts = ["正在修复" * 250_000, "尽快" * 500_000, "。" * 1_000_000, "1点" * 500_000,
             "a " * 500_000, "2小时" * 200_000 + "x"]  # fmt: skip
    for text in texts:
        began = time.perf_counter()
        lint(text)
        assert time.perf_counter() - began < 60, text[:10]  # guard only, not a benchmark
