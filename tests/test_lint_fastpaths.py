"""The linter's faster forms answer exactly as the plain forms they replace.

The satisfier patterns are written for ``re``'s skip to candidates (every branch led
by one literal); has_match answers two-role patterns without recursion; the scanner
sorts and groups hits in C and makes a role's lists when first asked for them. Each is
checked here against its plain form.
"""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.lint import grammar, satisfiers
from crisiscomms.lint import scanner as scanner_module
from crisiscomms.lint.catalog import ruleset
from crisiscomms.lint.grammar import (
    Breaks,
    Hits,
    Match,
    Pattern,
    find_matches,
    has_match,
    parse_pattern,
)
from crisiscomms.lint.scanner import Scanner

_CLOCK = r"(?:[01]?\d|2[0-4]):[0-5]\d"
_SPAN_ZH = r"\d{1,3}\s?(?:个)?\s?(?:小时|分钟|钟头|天|个工作日|工作日)"
# The plain forms, as satisfiers.py wrote them before.
_PLAIN = {
    "_SURELY_AHEAD": re.compile(
        rf"(?:预计|将于|将在|争取|最晚|最迟|不晚于)[^。!?;\n已起]{{0,12}}?"
        rf"(?:{_CLOCK}|{_SPAN_ZH}|\d{{1,2}}\s?点)"
        rf"|{_SPAN_ZH}\s?(?:内|以内|之内|后|之后|以后)|{_CLOCK}\s?(?:前|之前|以前)"
        rf"|(?:下一次|下次)(?:更新|进展|通报)\s?:?\s?(?:时间\s?:?\s?)?(?:{_CLOCK}|\d{{1,2}}\s?点)"
        rf"|\bnext update\s?:\s?{_CLOCK}"
        rf"|\b(?:by|before|until|within|next update (?:at|by|in))\s(?:about\s)?"
        rf"(?:{_CLOCK}|\d{{1,3}}\s(?:hours?|minutes?|mins?|days?|business days?)\b)"
    ),
    "_CADENCE": re.compile(
        r"每(?:隔)?\s?(?:\d{1,3}|[一二两三四五六十半]{1,3})?\s?(?:个)?\s?(?:小时|分钟|钟头|天|日)"
        r"|\bevery\s(?:\d{1,3}\s|few\s|two\s|three\s|thirty\s|fifteen\s|ten\s)?"
        r"(?:minutes?|hours?|mins?|hrs?|day)\b"
        r"|\bhourly\b|\bhalf-hourly\b"
        r"|(?:本周|本月|今天|今日|今晚|本周末|月底|年底|周[一二三四五六日]|星期[一二三四五六日天])"
        r"\s?(?:内|前|之前|以内)"
        r"|明天|明日|后天|下周|下个月|\btomorrow\b|\blater today\b"
        r"|\b(?:by|before|until|later|end\sof)\s(?:tonight|this\sweek)\b"
        r"|(?:\bwill|'ll|\bshould|\bexpect(?:s|ed)?|\bplan(?:s|ned)?\sto|\baim(?:s|ing)?\sto"
        r"|\bgoing\sto)\b[^.!?;\n]{0,48}?\b(?:tonight|this\sweek)\b"
        r"|\bwithin\s(?:the\s(?:next\s|coming\s)?)?hour\b"
        r"|\bby\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|end of (?:day|the day|week))\b"
    ),
    "_MAY_HOLD_TIME": re.compile(
        r"\d|[一二两三四五六七八九十半][个]?(?:点|小时|分钟|钟头|天|日|周|月|个)|明|后天|下周|下个|今"
        r"|本周|本月|月底|年底|周[一二三四五六日]|星期|每|[万亿千百]|noon|midnight|tomorrow|tonight"
        r"|today|week|hour|minute|every|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|end of"
    ),
    "_SPELLED_SPAN": re.compile(r"\b(?:days?|months?)\b"),
}
_WORD_LIST = (
    "预计 将于 将在 争取 最晚 不晚于 下一次 下次 更新 进展 时间 点 个 小时 分钟 天 工作日 内 后 "
    "之后 前 以前 next update by before until within about hours minutes days business day at in "
    "hour month 每 隔 一 两 三 半 七 日 every few two thirty hrs hourly half-hourly 本周 今晚 "
    "月底 周 星期 明天 后天 下周 下个月 tomorrow tonight later today this week friday end of "
    "the coming noon will 'll should expect plan to going we 万 千 已 起 。 ; \n . 0 1 2 9 12 24 "
    "25 19 03 ٣ 59 60 x a _ :"
)
_WORDS = _WORD_LIST.split(" ")
_TOKENS = st.lists(st.sampled_from([*_WORDS, " ", " ", "", ":", "2", "1"]), max_size=12).map(
    "".join
)


@settings(max_examples=600, deadline=None)
@given(_TOKENS)
def test_satisfier_patterns_match_the_plain_forms(text: str) -> None:
    ahead = any(satisfiers._compiled(p).search(text) for p in satisfiers._SURELY_AHEAD)
    assert ahead == bool(_PLAIN["_SURELY_AHEAD"].search(text))
    for name in ("_CADENCE", "_SPELLED_SPAN"):
        pattern = satisfiers._compiled(getattr(satisfiers, name))
        assert bool(pattern.search(text)) == bool(_PLAIN[name].search(text))
    assert satisfiers._may_hold_time(text) == bool(_PLAIN["_MAY_HOLD_TIME"].search(text))


_ROLES = {"a", "b"}


@st.composite
def _hits(draw: st.DrawFn) -> tuple[str, dict[str, tuple[list[int], list[int]]]]:
    text = draw(st.text(alphabet=st.sampled_from("xy，。!\n"), min_size=1, max_size=30))
    hits: dict[str, tuple[list[int], list[int]]] = {}
    for role in sorted(_ROLES):
        spans = sorted(
            draw(st.sets(st.tuples(st.integers(0, len(text)), st.integers(0, 3)), max_size=8))
        )
        hits[role] = ([s for s, _ in spans], [min(len(text), s + n) for s, n in spans])
    return text, hits


@settings(max_examples=400, deadline=None)
@given(
    _hits(),
    st.sampled_from(["@a <3 @b", "@a <<5 @b", "^@a <2 ?@b", "?@a <4 ^@b", "@a @b"]),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_two_role_patterns(
    case: tuple[str, dict[str, tuple[list[int], list[int]]]], source: str, lo: int, hi: int
) -> None:
    text, hits = case
    pattern = parse_pattern(source, _ROLES, "test")
    breaks = Breaks(text)
    found = find_matches(pattern, text, hits, lo, hi, breaks)
    assert has_match(pattern, text, hits, lo, hi, breaks) == bool(found)
    # Every chaining of a hit of @a starting in [lo, hi) and a hit of @b after it.
    limit, commas = pattern.gaps[0]
    stops = "。!\n" if commas else "，。!\n"
    plain = []
    for s0, e0 in zip(*hits["a"], strict=True):
        for s1, e1 in zip(*hits["b"], strict=True):
            if lo <= s0 < hi and e0 <= s1 <= e0 + limit and not set(text[e0:s1]) & set(stops):
                first, last = pattern.span
                key = (s0, e0) if pattern.key == 0 else (s1, e1)
                plain.append((s0 if first == 0 else s1, e1 if last == 1 else e0, *key))
    assert found == plain


def _plain_scan(scanner: Scanner, text: str) -> dict[str, dict[str, tuple[list[int], list[int]]]]:
    # The scan as a loop over every hit: words with a letter or digit at an edge only at
    # word edges, every role's hits sorted by start, then end.
    word = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {lang: {} for lang in scanner.langs}
    for index, start, end in scanner.raw(text):
        found = scanner.words[index]
        if found[0] in word and start and text[start - 1] in word:
            continue
        if found[-1] in word and end < len(text) and text[end] in word:
            continue
        for lang, role in scanner._entries[index]:
            spans[lang].setdefault(role, []).append((start, end))
    return {
        lang: {
            role: ([s for s, _ in sorted(x)], [e for _, e in sorted(x)]) for role, x in by.items()
        }
        for lang, by in spans.items()
    }


@cache
def _both() -> Scanner:
    return Scanner([ruleset("zh"), ruleset("en")])


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from([3, 7, 1 << 17]))
def test_scan_matches_the_plain_loop(data: st.DataObject, chunk: int) -> None:
    scanner = _both()
    pieces = st.one_of(
        st.sampled_from(scanner.words), st.sampled_from(["，", "。", " ", "\n", "a", "1", "X"])
    )
    text = "".join(data.draw(st.lists(pieces, max_size=30)))
    kept, scanner_module._CHUNK = scanner_module._CHUNK, chunk  # read in chunks this long
    try:
        found = scanner.scan(text)
    finally:
        scanner_module._CHUNK = kept
    assert {lang: found[lang].resolved() for lang in found} == _plain_scan(scanner, text)
    # A role looked up gives the lists resolved() gives; a role without hits, empty lists.
    for roles in found.values():
        assert roles["no such role"] == roles.get("no such role") == ([], [])
        for role in roles.present:
            assert roles[role] == roles.get(role) and roles[role][0]


def _walked(pattern: Pattern, text: str, hits: Hits, lo: int, hi: int) -> list[Match]:
    # find_matches' general form: every hit of the first role walked element by element.
    out: list[Match] = []
    starts, ends = hits[pattern.elements[0].role or ""]
    first, last = pattern.span
    for s0, e0 in zip(starts, ends, strict=True):
        if lo <= s0 < hi:
            a, b = (s0 if first == 0 else -1), (e0 if last == 0 else -1)
            key = (s0, e0) if pattern.key == 0 else (-1, -1)
            grammar._walk(pattern, text, Breaks(text), hits, 1, e0, a, b, *key, out)
    return out


@settings(max_examples=400, deadline=None)
@given(
    _hits(),
    st.sampled_from(["@a <3 x", "@a <1 xy", "@a <2 ^x", "@a <<5 y", "?@a <4 ^x", "@a x"]),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_role_then_literal_patterns(
    case: tuple[str, dict[str, tuple[list[int], list[int]]]], source: str, lo: int, hi: int
) -> None:
    text, hits = case
    text = text.replace("y", "x", len(text) // 2)
    pattern = parse_pattern(source, _ROLES, "test")
    assert find_matches(pattern, text, hits, lo, hi, Breaks(text)) == _walked(
        pattern, text, hits, lo, hi
    )
