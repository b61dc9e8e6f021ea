"""Evasion: invisible characters, look-alikes, spacing and line endings do not hide wording."""

from __future__ import annotations

import pytest

from crisiscomms.lint import lint

ZWSP, WJ, SHY, ZWJ, ZWNJ, BOM = "\u200b", "\u2060", "\u00ad", "\u200d", "\u200c", "\ufeff"

# (text, rule, the exact original excerpt, line)
CASES = [
    (f"目前正在紧急修{ZWSP}复中。", "vague-fix-no-timeline", f"目前正在紧急修{ZWSP}复", 1),
    (f"我们保证此类事件不再{ZWSP}发生。", "over-promise", f"保证此类事件不再{ZWSP}发生", 1),
    (f"正在紧{WJ}急修复中", "vague-fix-no-timeline", f"正在紧{WJ}急修复", 1),
    (f"正在紧急修{SHY}复中", "vague-fix-no-timeline", f"正在紧急修{SHY}复", 1),
    (f"正在{ZWJ}排查", "vague-fix-no-timeline", f"正在{ZWJ}排查", 1),
    (f"尽{ZWNJ}快恢复", "vague-time", f"尽{ZWNJ}快", 1),
    (f"{BOM}稍后公布", "vague-time", "稍后", 1),
    ("正 在 紧 急 修 复 中", "vague-fix-no-timeline", "正 在 紧 急 修 复", 1),
    ("尽 快 恢 复", "vague-time", "尽 快", 1),
    ("部 分 用 户 无法访问", "vague-scope", "部 分 用 户", 1),
    ("不 可 抗 力导致中断", "blame-shift", "不 可 抗 力导致", 1),
    ("We аre investigating.", "vague-fix-no-timeline", "аre investigating", 1),  # Cyrillic а
    ("We are invеstigating.", "vague-fix-no-timeline", "are invеstigating", 1),  # Cyrillic е
    ("We will fix it ΑSΑP.", "vague-time", "ΑSΑP", 1),  # Greek Α
    ("Sоme users cannot log in.", "vague-scope", "Sоme users", 1),  # Cyrillic о
    ("This will nеver happen again.", "over-promise", "This will nеver happen again", 1),
    ("We apolоgize for any inconvenience.", "empty-apology", "apolоgize", 1),
    ("a s a p", "vague-time", "a s a p", 1),
    ("We will fix it A S A P.", "vague-time", "A S A P", 1),
    ("系统故障。\r正在紧急修复中。", "vague-fix-no-timeline", "正在紧急修复", 2),
    ("一\r二\r三\r尽快恢复", "vague-time", "尽快", 4),
    ("一\r\n二\r\n尽快恢复", "vague-time", "尽快", 3),
    ("一\u2028二\u2028尽快恢复", "vague-time", "尽快", 3),
    ("一\n\r尽快恢复", "vague-time", "尽快", 3),
    ("正在緊急修復中", "vague-fix-no-timeline", "正在緊急修復", 1),
    ("我們將盡快恢復", "vague-time", "盡快", 1),
    ("部份用戶無法登入", "vague-scope", "部份用戶", 1),
    ("正在紧急修复中", "vague-fix-no-timeline", "正在紧急修复", 1),  # full-width
    (
        "ＷＥ ＡＲＥ ＩＮＶＥＳＴＩＧＡＴＩＮＧ",
        "vague-fix-no-timeline",
        "ＡＲＥ ＩＮＶＥＳＴＩＧＡＴＩＮＧ",
        1,
    ),
    (
        f"正在{ZWSP}紧{ZWSP}急{ZWSP}修{ZWSP}复",
        "vague-fix-no-timeline",
        f"正在{ZWSP}紧{ZWSP}急{ZWSP}修{ZWSP}复",
        1,
    ),
    ("WE APOLOGIZE FOR ANY INCONVENIENCE", "empty-apology", "APOLOGIZE", 1),
    ("给您带来的不\u00ad便深表歉意", "empty-apology", "带来的不\u00ad便", 1),
]


@pytest.mark.parametrize(("text", "rule", "excerpt", "line"), CASES)
def test_evasion_is_caught_with_the_original_span(
    text: str, rule: str, excerpt: str, line: int
) -> None:
    found = [f for f in lint(text) if f.rule == rule]
    assert found, text
    f = found[0]
    assert text[f.start : f.end] == f.excerpt
    assert f.excerpt == excerpt
    assert f.line == line
