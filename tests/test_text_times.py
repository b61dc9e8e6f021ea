"""The time detector: what counts as a time, its values, and which way it points."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.text.numerals import parse_number
from crisiscomms.text.times import find_times


def test_between_is_an_estimate_after_expect_and_past_otherwise() -> None:
    ahead = find_times("We expect service to be back between Mar 29, 08:05 and 08:10 UTC+8.", "en")
    behind = find_times("Users could not order between 11:30 and 14:30.", "en")
    assert ahead[0].is_future
    assert not behind[0].is_future


def one(text: str):  # type: ignore[no-untyped-def]
    found = find_times(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("22:00", 22, 0),
        ("22点", 22, 0),
        ("晚上十点", 22, 0),
        ("下午三点半", 15, 30),
        ("２２：００", 22, 0),
        ("10:30 PM", 22, 30),
        ("3pm", 15, 0),
        ("十点一刻", 10, 15),
        ("凌晨12点", 0, 0),
        ("中午12点", 12, 0),
        ("10点30分", 10, 30),
    ],
)
def test_clock_values(text: str, hour: int, minute: int) -> None:
    t = one(text)
    assert (t.kind, t.hour, t.minute) == ("clock", hour, minute)
    assert t.text == text


@pytest.mark.parametrize(
    ("text", "year", "month", "day"),
    [("3月29日", None, 3, 29), ("2026年3月29日", 2026, 3, 29), ("Mar 29, 2026", 2026, 3, 29),
     ("29 March", None, 3, 29), ("2026-03-29", 2026, 3, 29)],
)  # fmt: skip
def test_date_values(text: str, year: int | None, month: int, day: int) -> None:
    t = one(text)
    assert (t.kind, t.year, t.month, t.day) == ("date", year, month, day)


@pytest.mark.parametrize(
    ("text", "seconds", "bounded", "future", "past"),
    [
        ("2小时内", 7200, True, True, False),
        ("半小时后", 1800, False, True, False),
        ("30分钟后", 1800, False, True, False),
        ("一个半小时后", 5400, False, True, False),
        ("两小时", 7200, False, False, False),
        ("within 2 hours", 7200, True, True, False),
        ("in 30 minutes", 1800, False, True, False),
        ("half an hour from now", 1800, False, True, False),
        ("30分钟前已恢复", 1800, False, False, True),
        ("2 hours ago", 7200, False, False, True),
    ],
)
def test_durations(text: str, seconds: int, bounded: bool, future: bool, past: bool) -> None:
    t = one(text)
    assert t.kind == "duration"
    assert (t.seconds, t.bounded, t.is_future, t.is_past) == (seconds, bounded, future, past)


@pytest.mark.parametrize(
    ("text", "zone", "offset"),
    [("北京时间", "北京时间", 480), ("UTC", "UTC", 0), ("UTC+8", "UTC+8", 480),
     ("14:00 PT", "PT", None), ("UTC-05:30", "UTC-05:30", -330)],
)  # fmt: skip
def test_zones(text: str, zone: str, offset: int | None) -> None:
    t = one(text)
    assert (t.zone, t.utc_offset_minutes) == (zone, offset)


def test_relative_days_carry_offset_and_part_of_day() -> None:
    tonight = one("今晚")
    assert (tonight.kind, tonight.day_offset) == ("relative_day", 0)
    t = one("明天上午10点")
    assert (t.kind, t.day_offset, t.hour) == ("datetime", 1, 10)
    t = one("tomorrow morning")
    assert (t.kind, t.day_offset) == ("relative_day", 1)


def test_zone_date_and_clock_merge_into_one_expression() -> None:
    t = one("预计北京时间3月29日 23:00前恢复")
    assert (t.text, t.kind, t.month, t.day, t.hour, t.zone) == (
        "北京时间3月29日 23:00前", "datetime", 3, 29, 23, "北京时间")  # fmt: skip
    assert t.bounded and t.is_future and t.concrete


@pytest.mark.parametrize(
    "text",
    ["7×24小时客服", "客服热线 400-123-4567", "已升级到 v2.3.1", "可用性 99.9%", "3个工作人员",
     "有一点问题", "以下两点原因", "第3点"],
)  # fmt: skip
def test_things_that_are_not_times(text: str) -> None:
    assert find_times(text) == []


@pytest.mark.parametrize(
    ("text", "concrete"),
    [
        ("已于22:40修复", False),
        ("Service was restored at 14:05 UTC", False),
        ("3月29日 14:05起，部分用户无法登录", False),
        ("预计今晚22:00前恢复", True),
        ("expected by 14:00 UTC", True),
        ("我们将于30分钟后发布下一次进展", True),
        ("next update at 15:30 UTC", True),
        ("持续了12个小时", False),
    ],
)
def test_direction_decides_whether_a_time_commits(text: str, concrete: bool) -> None:
    assert any(t.concrete for t in find_times(text)) is concrete


def test_next_update_is_marked() -> None:
    assert one("我们将于22:30前发布下一次进展。").next_update
    assert not one("预计22:30前恢复。").next_update


def test_language_restricts_pattern_families() -> None:
    assert find_times("by 3pm", "zh") == []
    assert find_times("下午三点", "en") == []
    assert len(find_times("下午三点 or 3pm", "auto")) == 2


def test_chinese_numerals() -> None:
    assert [parse_number(x) for x in ("十", "十五", "二十三", "两", "九十九")] == [
        10,
        15,
        23,
        2,
        99,
    ]
    assert parse_number("一百") is None
    assert parse_number("十十") is None


@settings(deadline=None)
@given(
    st.text(alphabet="0123456789:：点點时小半月日号年内后前 .,，北京UTCampm十二三两", max_size=60)
)
def test_spans_index_the_text_and_values_are_sane(text: str) -> None:
    for t in find_times(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.hour is None or 0 <= t.hour <= 24
        assert t.minute is None or 0 <= t.minute < 60
        assert not (t.is_future and t.is_past)
