"""Numbers that look like times or durations and are not: emergency numbers, the ordinal "a second".

Found in real incidents (Optus 2023-11: 无法拨打000时; 语雀 2023-10: "in a second region"),
where the zh/en parity check reported a time or a duration one language has and the
other does not.
"""

from __future__ import annotations

import pytest

from crisiscomms.factcheck.checking import check_parity
from crisiscomms.factcheck.quantities import find_mentions
from crisiscomms.text.times import find_times


@pytest.mark.parametrize(
    "text",
    ["手机无法接通紧急电话000时，借用其他电话拨打。", "拨打110时请说明地址。", "拨打 119 时"],
)
def test_an_emergency_number_before_shi_is_not_an_hour(text: str) -> None:
    assert find_times(text, "zh") == []


@pytest.mark.parametrize("text", ["资金会晚一点到账。", "包裹可能会晚一点到。", "请早一点到场。"])
def test_a_little_before_dao_is_not_one_oclock(text: str) -> None:
    # 一点 is "a little" here: only a range (一点到三点) makes it a time without a part of day.
    assert find_times(text, "zh") == []
    assert find_mentions(text) == []


@pytest.mark.parametrize("text", ["一点到三点维护", "一点至下午三点", "一点到 3:00"])
def test_one_oclock_as_the_start_of_a_range_is_still_a_time(text: str) -> None:
    assert [m.hour for m in find_mentions(text) if m.kind == "clock"][:1] == [1]


@pytest.mark.parametrize(
    ("text", "hour"), [("晚上8时", 20), ("23时", 23), ("08时", 8), ("0时", 0), ("晚上十点", 22)]
)
def test_hours_before_shi_are_still_hours(text: str, hour: int) -> None:
    (found,) = find_times(text, "zh")
    assert found.hour == hour


@pytest.mark.parametrize(
    "text",
    [
        "Add disaster recovery in a second region for our storage.",
        "We will install a second power feed by 15 April.",
        "The card was charged a second time.",
    ],
)
def test_a_second_before_a_noun_is_the_ordinal(text: str) -> None:
    assert [m for m in find_mentions(text) if m.kind == "duration"] == []


@pytest.mark.parametrize("text", ["Pages reloaded a second later.", "It came back in a second."])
def test_a_second_of_time_is_still_a_duration(text: str) -> None:
    assert [m.kind for m in find_mentions(text)] == ["duration"]


def test_parity_does_not_read_an_emergency_number_or_an_ordinal() -> None:
    zh = "请您在手机无法接通紧急电话000时，借用其他网络的电话拨打。我们将在第二个地域建设容灾。"
    en = (
        "When your phone cannot reach 000, use a phone on another network."
        " We will add a second region."
    )
    report = check_parity(zh, en)
    assert list(report.zh) == [] and list(report.en) == []


@pytest.mark.parametrize(
    "text",
    [
        "客服热线（24小时）",
        "请拨打24小时客服热线",
        "24小時熱線",
        "call our 24-hour hotline",
        "24 hour support",
    ],
)
def test_twenty_four_hours_as_opening_hours_is_no_duration(text: str) -> None:
    # Trial E: a hotline's （24小时） read as a duration in Chinese, its "24 hours a day" as
    # none in English, and every notice carrying the contact drew a parity-mismatch error.
    assert find_times(text) == []


def test_a_hotline_open_24_hours_is_the_same_fact_in_both_languages() -> None:
    report = check_parity("客服热线（24小时）", "Hotline (24 hours a day)", "zh")
    assert not report.zh and not report.en
    assert [t.text for t in find_times("预计24小时内恢复")] == ["24小时内"]
