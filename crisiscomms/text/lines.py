"""Lines and columns of a text, whichever line endings it uses.

A line ends at LF, CRLF (one ending), a lone CR (old Mac files, some chatbot
output), U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR or U+0085 NEXT LINE.
Columns count code points, from 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")
#: Any line break but LF: a text without one has its lines counted by ``str.count``.
_NOT_LF = re.compile(r"[\r\u2028\u2029\x85]")


class LineIndex:
    """Answer "which line and column is this index on?" in O(log n) after one O(n) pass.

    Examples:
        >>> lines = LineIndex("一\\r二\\r\\n三\\u2028四")
        >>> [lines.line_col(i) for i in (0, 2, 5, 7)]
        [(1, 1), (2, 1), (3, 1), (4, 1)]
    """

    __slots__ = ("_at", "_line", "_start", "_starts", "_text")

    def __init__(self, text: str) -> None:
        """Prepare to answer for ``text``.

        A text whose lines all end in LF (most) is read lazily: each answer counts the
        line feeds from the last answer's index, in C. Any other ending makes one list
        of every line's start.
        """
        self._text = text
        self._line = 1  # the line of the last answer: findings come mostly in text order
        self._at = self._start = 0  # the last answer's index, and where its line starts
        self._starts: list[int] | None = None
        if _NOT_LF.search(text) is not None:
            self._starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def line_col(self, index: int) -> tuple[int, int]:
        """Return the 1-based line and column of code-point ``index``."""
        if self._starts is not None:
            return self._from_starts(self._starts, index)
        text, at = self._text, self._at
        if index >= at:
            feeds = text.count("\n", at, index)
            if feeds:
                self._line += feeds
                self._start = text.rfind("\n", at, index) + 1
        else:
            feeds = text.count("\n", index, at)
            if feeds:
                self._line -= feeds
                self._start = text.rfind("\n", 0, index) + 1
        self._at = index
        return self._line, index - self._start + 1

    def _from_starts(self, starts: list[int], index: int) -> tuple[int, int]:
        line = self._line
        # The last answer's line or the next one holds most indices asked in text order;
        # only a jump searches the whole list (a search of a long text's list misses caches).
        if starts[line - 1] <= index and (line == len(starts) or index < starts[line]):
            return line, index - starts[line - 1] + 1
        if line < len(starts) and starts[line] <= index:
            after = line + 1
            if after == len(starts) or index < starts[after]:
                self._line = after
                return after, index - starts[line] + 1
            line = bisect_right(starts, index, after)
        else:
            line = bisect_right(starts, index)
        self._line = line
        return line, index - starts[line - 1] + 1

    @property
    def count(self) -> int:
        """The number of lines (a text ending in a line break ends with an empty line)."""
        if self._starts is None:
            return self._text.count("\n") + 1
        return len(self._starts)


def line_col(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based line and column of ``text[index]``; use :class:`LineIndex` for many.

    Examples:
        >>> line_col("ab\\rcd", 3), line_col("ab\\r\\ncd", 4), line_col("ab\\ncd", 3)
        ((2, 1), (2, 1), (2, 1))
    """
    if index <= 0:
        return 1, 1
    line_start = 0
    line = 1
    for m in _BREAK.finditer(text, 0, min(index + 1, len(text))):
        if m.end() > index:
            break  # index is on the break itself (the LF of a CRLF): still this line
        line, line_start = line + 1, m.end()
    return line, index - line_start + 1
