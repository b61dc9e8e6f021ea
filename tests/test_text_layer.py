"""The text layer's readers: numerals, quantities, segments, language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.factcheck.quantities import find_mentions
from crisiscomms.text import normalize
from crisiscomms.text.language import detect_language
from crisiscomms.text.numerals import parse_number, parse_zh_number, read_number, zh_range
from crisiscomms.text.quantities import find_quantities
from crisiscomms.text.segments import Segments
from crisiscomms.text.times import find_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("预计今晚22:00前恢复，App可正常使用。", "zh"),
        ("我们正在紧急修复中，预计两小时内恢复。", "zh"),
        ("預計今晚十點前恢復服務，造成不便敬請見諒。", "zh-Hant"),
        ("We expect service back by 22:00 UTC+8.", "en"),
        ("", "en"),
        ("服务已恢复。Service has been restored for all affected users.", "mixed"),
    ],
)
def test_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_numerals() -> None:
    assert [parse_number(x) for x in ("十", "十五", "二十三", "两", "九十九", "〇八")] == [
        10, 15, 23, 2, 99, 8,
    ]  # fmt: skip
    assert parse_number("两三") is None and zh_range("两三") == (2, 3)
    assert parse_zh_number("一亿两千万") == 120_000_000
    assert read_number("nan") is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("800万用户", "count", 8_000_000),
        ("8,000,000", "count", 8_000_000),
        ("8 million users", "count", 8_000_000),
        ("1.2亿", "count", 120_000_000),
        ("10元", "money", 10),
        ("ＣＮＹ １０", "money", 10),
        ("￥10", "money", 10),
        ("30%", "percent", 30),
        ("百分之三十", "percent", 30),
    ],
)
def test_quantities(text: str, kind: str, value: int) -> None:
    (q,) = find_quantities(text)
    assert (q.kind, int(q.value)) == (kind, value)
    assert q.start == 0 and text[q.end :] in ("", "用户", " users")


def test_segments_do_not_split_numbers_at_thousands() -> None:
    s = Segments(normalize("约8,000,000用户受影响，预计22:00恢复。").text)
    assert s.text_of(1, 10, "clause") == "约8,000,000用户受影响"


ALPHABET = list(
    "0123456789:：点點时小半月日号年内后前 .,，北京UTCampm十二三两万亿元$%¥預計\u200b\r\n午中下上晚"
)


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=80))
def test_readers_never_crash_and_spans_index_the_text(text: str) -> None:
    for m in find_mentions(text):
        assert 0 <= m.start <= m.end <= len(text)
    for t in find_times(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.hour is None or 0 <= t.hour <= 24
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)


@settings(deadline=None)
@given(st.text(max_size=80))
def test_any_text_reads(text: str) -> None:
    find_mentions(text)
    detect_language(text)
