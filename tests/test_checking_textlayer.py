"""check_draft reads through the text layer: Traditional Chinese, evasions, one reading of times."""

from __future__ import annotations

from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.factcheck.checking import check_draft
from crisiscomms.factcheck.quantities import find_mentions

ETA_21: dict[str, Any] = {**MINIMAL, "eta": "2026-03-29T21:00:00+08:00"}


def _mismatches(text: str, facts: dict[str, Any], lang: str = "auto") -> list[str]:
    return [f.excerpt for f in check_draft(text, facts, lang) if f.rule == "fact-mismatch"]


@pytest.mark.parametrize("lang", ["zh-Hant", "auto", "zh"])
def test_traditional_chinese_eta_that_disagrees_is_reported(lang: str) -> None:
    assert _mismatches("預計晚上十點恢復", ETA_21, lang) == ["晚上十點"]


def test_traditional_chinese_eta_that_agrees_is_quiet() -> None:
    assert _mismatches("預計晚上九點恢復服務。", ETA_21, "zh-Hant") == []
    assert _mismatches("預計北京時間21:00前恢復。", ETA_21) == []


def test_traditional_counts_and_amounts_read_like_simplified() -> None:
    (count,) = find_mentions("約八百萬用戶受影響")
    assert (count.kind, int(count.value), count.qualifier) == ("count", 8_000_000, "approx")
    (money,) = find_mentions("每位用戶補償10元")
    assert (money.kind, int(money.value)) == ("money", 10)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("预计２１：００前恢复", None),
        ("预计22:\u200b00前恢复", "22:\u200b00"),
        ("预计 晚 上 十 点 恢 复", "晚 上 十 点"),
        ("We expect recovery by 22:00 UТC+8", "22:00 UТC+8"),  # Cyrillic Т
    ],
)
def test_evasions_do_not_hide_a_wrong_time(text: str, excerpt: str | None) -> None:
    assert _mismatches(text, ETA_21) == ([excerpt] if excerpt else [])


def test_spans_point_into_the_text_as_given() -> None:
    text = "\ufeff约５００\u200b万用户受影响"
    (m,) = find_mentions(text)
    assert text[m.start : m.end] == "５００\u200b万"
    assert int(m.value) == 5_000_000


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("上午12点", {12}),  # 上午 runs up to noon
        ("凌晨12点", {0}),
        ("晚上12点", {0}),
        ("下午12点", {12}),
        ("12 a.m.", {0}),
        ("12 p.m.", {12}),
        ("中午1点", {13}),
        ("中午12点", {12}),
        ("中午11点", {11}),
        ("下午两三点", {14, 15}),  # an estimate, not 23:00
        ("10点前", {10, 22}),  # no part of the day: either
        ("晚上一点", {1}),  # the small hours, not 13:00
        ("夜里两点", {2}),
        ("晚上5点", {17}),
        ("晚上十一点", {23}),
    ],
)
def test_one_reading_of_the_hours_the_old_readers_disagreed_on(text: str, hours: set[int]) -> None:
    (m,) = [m for m in find_mentions(text) if m.kind == "clock"]
    assert m.hours == hours


@pytest.mark.parametrize(
    ("text", "eta", "wrong"),
    [
        ("预计今晚一点前恢复。", "2026-03-30T01:00:00+08:00", False),  # the night after the 29th
        ("预计今晚一点前恢复。", "2026-03-29T13:00:00+08:00", True),
        ("预计今晚一点前恢复。", "2026-03-31T01:00:00+08:00", True),  # a day later
        ("预计今晚12点前恢复。", "2026-03-30T00:00:00+08:00", False),
        ("预计今晚十点前恢复。", "2026-03-29T22:00:00+08:00", False),
    ],
)
def test_tonight_in_the_small_hours_is_the_next_day(text: str, eta: str, wrong: bool) -> None:
    facts = {**MINIMAL, "started_at": "2026-03-29T09:00:00+08:00", "eta": eta}
    facts["published_at"] = "2026-03-29T09:30:00+08:00"
    assert bool(_mismatches(text, facts, "zh")) is wrong


def test_ten_oclock_two_hours_later_is_a_duration_not_ten_past_two() -> None:
    kinds = [(m.kind, int(m.value)) for m in find_mentions("十点两个小时后恢复")]
    assert kinds == [("duration", 7200)]


def test_noon_alone_is_a_time_only_before_a_deadline_word() -> None:
    assert [m.hours for m in find_mentions("预计中午前恢复")] == [frozenset({12})]
    assert find_mentions("中午订单较多") == []


def test_many_numbers_are_checked_in_one_pass() -> None:
    text = "约500万用户受影响。" * 2000
    found = _mismatches(
        text, {**MINIMAL, "impact": {"scale": [{"count": 8000000, "precision": "estimate"}]}}
    )
    assert len(found) == 2000
    finding = check_draft(text, MINIMAL)[-1]
    assert finding.line == 1
