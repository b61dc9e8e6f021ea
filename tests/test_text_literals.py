"""The quick test before a slow search never hides a match (crisiscomms.text.literals)."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.factcheck.claims import claim_families
from crisiscomms.text import normalize, quantities, times
from crisiscomms.text.literals import Gated, fold_for_gates, required_strings

#: Every gated pattern the library runs: claims, times, quantities.
PATTERNS = [g.pattern for f in claim_families() for g in f["gated"]]
PATTERNS += [g.pattern for g in times._gated()] + list(quantities._GATED)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


# Pieces texts are made of: the words the gates look for, the characters around them,
# letters that case-insensitive matching treats as ASCII (İ ı ſ K), and notice words.
_PIECES = sorted(
    {w for p in PATTERNS for w in (required_strings(p) or ((), False))[0]}
    | {"İ", "ı", "ſ", "K", "Ω", "ẞ", "CAUSED BY", "Was", "DATA", "11:30", "3月29日", "  "}
    | set("0123456789.,:;%$¥()[]-/ \n。，：；（）数据资金用户约万元点时分月日号")
    | {"caused by", "related to", "due to", "no data", "refund", "12 pm", "2 hours", "半小时"}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.data())
def test_a_gated_pattern_finds_exactly_what_the_pattern_finds(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    pattern = data.draw(st.sampled_from(PATTERNS))
    for s in (text, normalize(text).text):
        assert _spans(Gated(pattern).finditer(s)) == _spans(pattern.finditer(s))
        assert _spans(Gated(pattern).finditer(s, fold_for_gates(s))) == _spans(pattern.finditer(s))


def test_every_pattern_of_claims_and_times_has_its_gate() -> None:
    # Patterns the library runs on every draft: one that loses its gate is read in full
    # at every position of every text (a parser change in Python would do it silently).
    ungated = [p.pattern for p in PATTERNS if required_strings(p) is None]
    assert len(ungated) <= 2, ungated


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"[^。;,\n]{2,24}?所致", ("所致",)),
        (r"(?:由于|因为)(?!(?:本次|此次)?故障)", ("因为", "由于")),
        (r"(?i)\b(?:was|were)\s+(?:caused|triggered)\s+by\b", ("caused", "triggered")),
        (r"abc(?:de)?", ("abc",)),
        (r"(?:xy|yz)+q", ("xy", "yz")),  # the longer words win over the one letter
        (r"(?P<n>\d+)\s?(?:小时|分钟)(?:内|后)?", ("分钟", "小时")),
    ],
)
def test_the_words_a_pattern_needs(pattern: str, needs: tuple[str, ...]) -> None:
    found = required_strings(re.compile(pattern))
    assert found is not None and found[0] == needs


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+(?:%|percent)?",  # all optional but the digits
        r"(?:abc|\d)x",  # one way through needs no word
        r"(?=caused)\w+",  # a lookahead is not consumed: not counted
        r"a*b?",
        r"(?i:Caused) by",  # a case change inside: only " by" is sure, which is kept
    ],
)
def test_no_word_is_claimed_that_a_match_can_do_without(pattern: str) -> None:
    compiled = re.compile(pattern)
    found = required_strings(compiled)
    if found is not None:
        # Whatever is claimed really stands in every match of these samples.
        for sample in ("12", "12percent", "7x", "abcx", "caused", "b", "CAUSED by", "Caused by"):
            for m in compiled.finditer(sample):
                assert any(w in m.group() for w in found[0]), (pattern, sample, found)


def test_case_insensitive_gates_see_every_letter_python_matches_case_insensitively() -> None:
    # Every character that (?i) matches to an ASCII letter must fold to that letter, or
    # a gate would skip a text the pattern matches (İ, ı, ſ, the Kelvin sign K).
    others = (chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    alphabet = "".join(others)
    for letter in string.ascii_lowercase:
        for m in re.finditer(f"(?i){letter}", alphabet):
            assert letter in fold_for_gates(m.group()), (letter, hex(ord(m.group())))


def test_a_text_without_the_words_is_not_searched() -> None:
    class Counting:
        searched = 0

        def finditer(self, text: str, *span: int) -> list[re.Match[str]]:
            Counting.searched += 1
            return []

    gated = Gated(re.compile(r"[^。]{2,24}?所致"))
    assert gated.needs == ("所致",)  # worked out from the real pattern, then spied on
    gated.pattern = Counting()  # type: ignore[assignment]
    assert list(gated.finditer("系统升级导致服务中断。")) == []
    assert Counting.searched == 0
    list(gated.finditer("系统升级所致。"))
    assert Counting.searched == 1


# Pieces of what the library's own further tests (``also``) look for: English times,
# month names and ISO dates, relative days, numerals before 点/时, amounts with a currency.
_ALSO_PIECES = sorted(
    set("0123456789.,:;%$¥()-/ \n。，约万元点时分月日号İıſK")
    | {"10", "12", "0", "am", "a.m.", "pm", "p.m", "noon", "midnight", "mar", "march", "Jun"}
    | {"2026-", "2026/", "29th", "今天", "今晚", "明天上午", "today", "later today"}
    | {"end of the day"}
    | {"十", "两", "三", "半", "点", "时", "时间", "usd", "USD", "cny", "hk$", "¥", "元", "美元"}
    | {"a", "x", "1,000", "tomorrow morning", "\t"}
)


def _library_gates() -> list[Gated]:
    quantities._money_patterns()  # the amounts' gates join on first use
    return list(times._gated()) + list(quantities._GATED.values())


@pytest.mark.parametrize("gate", _library_gates(), ids=lambda g: g.pattern.pattern[:24])
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALSO_PIECES), max_size=12))
def test_the_library_gates_with_their_further_tests_hide_no_match(
    gate: Gated, pieces: list[str]
) -> None:
    text = "".join(pieces)
    for s in (text, normalize(text).text):
        assert _spans(gate.finditer(s, fold_for_gates(s))) == _spans(gate.pattern.finditer(s))


def test_the_further_tests_rule_out_texts_the_strings_let_through() -> None:
    gates = {g.pattern: g for g in _library_gates()}
    assert not times._gated().en_clock.could_match("the app is back")  # a and p, no time
    assert times._gated().en_clock.could_match("back by 10 pm")
    amount_before = quantities._money_patterns()[0]
    assert not gates[amount_before].could_match("about 800 users in march")
    assert gates[amount_before].could_match("a cny 10 voucher")


# Long texts where the strings a pattern needs are few: searched in windows around them.
_FILLER = st.text(alphabet=st.sampled_from([*"的服务已恢复数据 abcxyz", ",", "。"]), max_size=300)


@pytest.mark.parametrize(
    ("pattern", "text", "spans"),
    [
        # The longest match ends its window's width past the string's start: a \b there
        # reads the character after it, as in the whole text.
        (r"ab\b", "x" * 200 + "abc" + "y" * 200, []),
        (r"ab\b", "x" * 200 + " ab " + "y" * 200, [(201, 203)]),
        (r"ab(?![c])", "x" * 200 + "abc" + "y" * 200, []),
        # A match may start its whole width before the string it needs.
        (r"[^。]{2,24}?所致", "。" * 200 + "甲" * 30 + "所致" + "。" * 200, [(206, 232)]),
        (r"(?<![a-z])usd\s?\d", "x" * 200 + " usd 5 xusd 5" + "y" * 200, [(201, 206)]),
        (r"^所致", "。" * 200 + "\n所致" + "。" * 200, []),
    ],
)
def test_a_pattern_searched_in_windows_reads_what_the_whole_text_shows(
    pattern: str, text: str, spans: list[tuple[int, int]]
) -> None:
    gate = Gated(re.compile(pattern))
    assert gate.needs  # worked out: the windows are known
    assert gate._reach is not None
    assert _spans(gate.finditer(text)) == _spans(gate.pattern.finditer(text)) == spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_FILLER, st.sampled_from(_ALSO_PIECES + _PIECES)), max_size=6), st.data())
def test_a_pattern_searched_in_windows_finds_what_it_finds_in_the_whole_text(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    gate = data.draw(st.sampled_from(_library_gates() + [Gated(p) for p in PATTERNS]))
    text = "".join(filler + piece for filler, piece in parts)
    for s in (text, normalize(text).text):
        assert _spans(gate.finditer(s, fold_for_gates(s))) == _spans(gate.pattern.finditer(s))
