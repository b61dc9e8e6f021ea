"""Normalising for matching: evasions fold to the plain phrase, and spans map back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.lint import lint
from crisiscomms.text import LineIndex, line_col, normalize
from crisiscomms.text.tables import t2s

ZWSP, ZWJ, ZWNJ, WJ, SHY, BOM = "\u200b", "\u200d", "\u200c", "\u2060", "\u00ad", "\ufeff"

# (original text, the plain phrase, the phrase's span in the original text as written)
EVASIONS: list[tuple[str, str, str]] = [
    (f"目前正在紧急修{ZWSP}复中。", "正在紧急修复中", f"正在紧急修{ZWSP}复中"),
    (f"我们保证此类事件不再{ZWSP}发生。", "此类事件不再发生", f"此类事件不再{ZWSP}发生"),
    (f"正在{ZWJ}紧急{ZWNJ}修复中", "正在紧急修复中", f"正在{ZWJ}紧急{ZWNJ}修复中"),
    (f"正{WJ}在{WJ}抢{WJ}修", "正在抢修", f"正{WJ}在{WJ}抢{WJ}修"),
    (f"尽{SHY}快恢复", "尽快恢复", f"尽{SHY}快恢复"),
    (f"{BOM}正在紧急修复中", "正在紧急修复中", "正在紧急修复中"),
    ("正 在 紧 急 修 复 中", "正在紧急修复中", "正 在 紧 急 修 复 中"),
    (
        "正\u3000在\u3000紧\u3000急\u3000修\u3000复\u3000中",
        "正在紧急修复中",
        "正\u3000在\u3000紧\u3000急\u3000修\u3000复\u3000中",
    ),
    ("系统 正在  紧急 修复 中，请稍候", "正在紧急修复中", "正在  紧急 修复 中"),
    (f"尽 {ZWSP}快 恢复", "尽快恢复", f"尽 {ZWSP}快 恢复"),
    ("預計晚上十點恢復", "预计晚上十点恢复", "預計晚上十點恢復"),
    ("我們正在緊急修復中", "正在紧急修复中", "正在緊急修復中"),
    ("我們保證此類事件不會再發生", "此类事件不会再发生", "此類事件不會再發生"),
    ("We are wоrking on a fix", "working on a fix", "wоrking on a fix"),  # Cyrillic о
    ("We will fix this аs soon аs possible.", "as soon as possible", "аs soon аs possible"),
    ("This will nеvеr happen again", "never happen again", "nеvеr happen again"),
    ("Service will be restored ЅООN", "soon", "ЅООN"),  # Cyrillic capitals
    ("We are investigating thе issuе", "the issue", "thе issuе"),
    ("Restored shοrtly", "shortly", "shοrtly"),  # Greek omicron
    ("ΑSAP, we promise", "asap", "ΑSAP"),  # Greek capital alpha
    ("ＡＳＡＰ", "asap", "ＡＳＡＰ"),
    ("预计２２：００前恢复", "22:00", "２２：００"),
    (
        "Ｗｅ ａｒｅ ｗｏｒｋｉｎｇ ｏｎ ｉｔ",
        "we are working on it",
        "Ｗｅ ａｒｅ ｗｏｒｋｉｎｇ ｏｎ ｉｔ",
    ),
    ("𝐀𝐒𝐀𝐏", "asap", "𝐀𝐒𝐀𝐏"),  # mathematical bold
    ("we will ﬁx it soon", "fix it soon", "ﬁx it soon"),
    (f"as soon{ZWSP} as possible", "as soon as possible", f"as soon{ZWSP} as possible"),
    (f"po{SHY}ssible", "possible", f"po{SHY}ssible"),
    ("We’re working on it", "we're working on it", "We’re working on it"),
    ("a s a p", "asap", "a s a p"),
    (
        "w e  a r e  w o r k i n g  o n  i t",
        "we are working on it",
        "w e  a r e  w o r k i n g  o n  i t",
    ),
    ("第一行\r正在紧急修复中\r", "正在紧急修复中", "正在紧急修复中"),
    ("第一行\r\n正在紧急\u2060修复中\r\n", "正在紧急修复中", "正在紧急\u2060修复中"),
    ("正在⼀级响应", "正在一级响应", "正在⼀级响应"),  # Kangxi radical one
    ("系統\u200b正在搶修", "正在抢修", "正在搶修"),
    ("Ｗe aｒe wо\u200brking", "we are working", "Ｗe aｒe wо\u200brking"),
]


@pytest.mark.parametrize(("text", "phrase", "written"), EVASIONS)
def test_an_evasion_folds_to_the_plain_phrase_and_maps_back(
    text: str, phrase: str, written: str
) -> None:
    n = normalize(text)
    assert phrase in n.text, n.text
    start = n.text.index(phrase)
    orig_start, orig_end = n.span(start, start + len(phrase))
    expected = text.index(written)
    assert (orig_start, orig_end) == (expected, expected + len(written))
    assert text[orig_start:orig_end] == written


def test_there_are_at_least_thirty_evasion_forms() -> None:
    assert len(EVASIONS) >= 30


@pytest.mark.parametrize(
    "text",
    [
        "10² users",  # a superscript is not a digit
        "½ hour",  # nor a fraction
        "①",  # nor a circled digit
        "Мир",  # a Russian word keeps its letters
        "сервер",
        "Ω",
        "…",
    ],
)
def test_what_changes_meaning_is_left_alone(text: str) -> None:
    assert normalize(text).text == text.lower()


def test_a_real_cyrillic_word_keeps_its_letters_next_to_a_mixed_one() -> None:
    assert normalize("Мир and wоrk").text == "мир and work"


def test_spaces_between_cjk_and_latin_stay() -> None:
    assert normalize("预计 22:00 恢复，App 正常").text == "预计 22:00 恢复,app 正常"


def test_two_letters_or_three_are_not_spelled_out() -> None:
    assert normalize("I a m ok").text == "i a m ok"


def test_line_breaks_become_newlines() -> None:
    assert normalize("a\r\nb\rc\u2028d\u2029e").text == "a\nb\nc\nd\n\ne"


def test_norm_index_inverts_span() -> None:
    text = f"正 在{ZWSP}紧急ﬁ修复"
    n = normalize(text)
    for i in range(len(n.text)):
        assert n.norm_index(n.orig_index(i)) <= i
    assert n.norm_index(0) == 0
    assert n.norm_index(len(text)) == len(n.text)


@settings(deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("正在修复 　\u200b\u00adaоΑｂﬁ\r\n\u2029預點s ")), max_size=40
    )
)
def test_every_span_maps_into_the_original_in_order(text: str) -> None:
    n = normalize(text)
    previous = 0
    for i in range(len(n.text)):
        start, end = n.span(i, i + 1)
        assert previous <= start < end <= len(text)
        previous = start
    for i in range(len(n.text) + 1):
        for j in range(i, len(n.text) + 1):
            start, end = n.span(i, j)
            assert 0 <= start <= end <= len(text)


@settings(deadline=None)
@given(st.text(max_size=60))
def test_any_text_normalises_and_maps_back(text: str) -> None:
    n = normalize(text)
    start, end = n.span(0, len(n.text))
    assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("a\nb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),
        ("a\r\nb", 2, (1, 3)),  # the LF of a CRLF is still on the first line
        ("a\rb\rc", 4, (3, 1)),
        ("a\u2028b", 2, (2, 1)),
        ("a\u2029b", 2, (2, 1)),
        ("一二三", 2, (1, 3)),
        ("", 0, (1, 1)),
    ],
)
def test_line_and_column_for_every_line_ending(
    text: str, index: int, expected: tuple[int, int]
) -> None:
    assert line_col(text, index) == expected
    assert LineIndex(text).line_col(index) == expected


def test_cr_only_text_counts_its_lines() -> None:
    text = "第一行\r第二行\r正在紧急修复中"
    assert LineIndex(text).line_col(text.index("正在")) == (3, 1)


# Characters the Traditional fold reads, and what they fold to: a Simplified character
# (么) is also a key of the data (么 → 幺), which made 什么 and 什麼 two words.
_FOLDED = sorted({c for pair in t2s().items() for c in pair if c <= "\uffff"})


def test_folding_twice_changes_nothing() -> None:
    # Every character alone (a few distinct characters fold one by one) and all at once
    # (many fold by one table): both ways end where a second fold has nothing to do.
    for text in (*_FOLDED, "".join(_FOLDED)):
        once = normalize(text).text
        assert normalize(once).text == once, text


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [("这不是什么大问题。", "這不是什麼大問題。"), ("没什么大影响。", "沒什麼大影響。")],
)
def test_a_simplified_phrase_and_its_traditional_form_lint_alike(
    simplified: str, traditional: str
) -> None:
    found = [f.rule for f in lint(simplified, lang="zh")]
    assert found == ["minimizing"]
    assert [f.rule for f in lint(traditional, lang="zh-Hant")] == found
    assert normalize(simplified).text == normalize(traditional).text
