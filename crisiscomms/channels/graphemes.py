"""Grapheme clusters: what a reader sees as one character.

The library never shortens a notice: over a limit is a finding, and the fix is a shorter
template. These helpers exist for a caller who must shorten anyway (a preview, a UI
counter): they never cut inside a cluster -- an emoji with a skin tone, a ZWJ family, a
flag, a letter with a combining mark, or CR LF. Segmentation is UAX #29 as implemented by
the maintained ``wcwidth`` package.

Examples:
    >>> graphemes("家👨‍👩‍👧🇭🇰")
    ['家', '👨\\u200d👩\\u200d👧', '🇭🇰']
    >>> safe_cut("ok👍🏽", 3)   # index 3 is between 👍 and its skin tone: step back
    2
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from wcwidth import iter_graphemes


def graphemes(text: str) -> list[str]:
    """Return ``text`` split into extended grapheme clusters."""
    return list(iter_graphemes(text))


def boundaries(text: str) -> list[int]:
    """Return every code-point index where a cluster starts, plus ``len(text)``.

    Examples:
        >>> boundaries("a\\r\\nb")
        [0, 1, 3, 4]
    """
    marks = [0]
    for cluster in iter_graphemes(text):
        marks.append(marks[-1] + len(cluster))
    return marks


def safe_cut(text: str, index: int) -> int:
    """Return the largest cluster boundary at or before code-point ``index``."""
    if index <= 0:
        return 0
    if index >= len(text):
        return len(text)
    marks = boundaries(text)
    return marks[bisect_right(marks, index) - 1]


def safe_prefix(text: str, limit: int, measure: Callable[[str], int] = len) -> str:
    """Return the longest prefix of whole clusters whose ``measure`` is at most ``limit``.

    ``measure`` must not decrease as a prefix grows (true of every counter in this package);
    the search is binary over cluster boundaries. The library itself never calls this.

    Examples:
        >>> safe_prefix("服务已恢复👨‍👩‍👧", 6)   # the family is 5 code points: all or nothing
        '服务已恢复'
        >>> safe_prefix("服务已恢复👨‍👩‍👧", 10)
        '服务已恢复👨\\u200d👩\\u200d👧'
    """
    marks = boundaries(text)
    low, high = 0, len(marks) - 1  # marks[low] always fits (the empty prefix may not: see below)
    if measure(text[: marks[high]]) <= limit:
        return text
    if measure("") > limit:
        return ""
    while high - low > 1:
        mid = (low + high) // 2
        if measure(text[: marks[mid]]) <= limit:
            low = mid
        else:
            high = mid
    return text[: marks[low]]
