"""Weibo's count: third-party behaviour (no official page), configurable.

The rule checked is the one long-standing client implementations use:
ceil((UTF-16 length + count of units above U+00FF) / 2), with links counted as a t.cn
short link (about 10).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.channels import check_length, count_weibo, load_limits


def test_full_width_counts_one_half_width_a_half_rounded_up() -> None:
    assert count_weibo("中").length == 1
    assert count_weibo("ab").length == 1
    assert count_weibo("a").length == 1
    assert count_weibo("abc").length == 2
    assert count_weibo("支付中断 ETA 22:00").length == 4 + 5  # 4 + 10 half-width / 2


def test_full_width_punctuation_counts_one_half_width_a_half() -> None:
    # Why people swap "：" for ":" to save half a character.
    assert count_weibo("进展：").length == 3
    assert count_weibo("进展:").length == 3  # 2 + ½, rounded up
    assert count_weibo("进展::").length == 3


def test_emoji_counts_two() -> None:
    assert count_weibo("🚨").length == 2


def test_latin1_counts_half_like_the_client_implementations() -> None:
    assert count_weibo("éé").length == 1


def test_link_counts_about_ten() -> None:
    c = count_weibo("详情 https://status.example.com/incidents/2026-11-28/payments-outage")
    assert (c.urls, c.length) == (1, 2 + 1 + 10)


def test_140_visible_then_a_warning_2000_then_an_error() -> None:
    assert not check_length("weibo", "恢" * 140).findings
    (visible,) = check_length("weibo", "恢" * 141).findings
    assert (visible.severity, visible.start) == ("warning", 140)
    assert "140" in visible.messages["zh"] and "折叠" in visible.messages["zh"]
    (total,) = check_length("weibo", "恢" * 2001).findings
    assert (total.severity, total.start) == ("error", 2000)


def test_figures_are_configurable() -> None:
    limits = load_limits({"weibo": {"url_length": 12, "half_width_max": 0x7F}})
    assert count_weibo("https://a.co", limits).length == 12
    assert count_weibo("éé", limits).length == 2


@given(st.text())
def test_never_raises_and_stays_between_half_and_all_utf16_units(text: str) -> None:
    c = count_weibo(text)
    if c.urls == 0:
        units = len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
        assert -(-units // 2) <= c.length <= units
