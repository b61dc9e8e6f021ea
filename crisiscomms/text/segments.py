"""Sentence, clause and paragraph boundaries, computed once and looked up in O(log n).

Boundaries are found in normalised text (:mod:`.normalize`): full-width ``！？；，``
are ASCII there and every line break is ``\\n``. A comma between digits
(``8,000,000``) is no clause boundary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

Scope = Literal["clause", "sentence", "paragraph", "text"]

_ENDS: dict[str, re.Pattern[str]] = {
    # Read: one of 。!?;\n, or a full stop before a space or the end (a decimal point is
    # none), or for a clause a comma not before a digit. Written to start with one
    # character class: ``re`` skips to the next candidate in C only for such a pattern.
    "sentence": re.compile(r"[。!?;\n.](?:(?<!\.)|(?=\s|$))"),
    "clause": re.compile(r"[。!?;\n.,](?:(?<![.,])|(?<=\.)(?=\s|$)|(?<=,)(?!\d))"),
    # A line break ends a paragraph after a blank line or after a finished sentence;
    # otherwise it is a soft wrap inside a paragraph (wrapped English, say). Read:
    # ``\n[ \t]*\n|(?<=[。!?.;:…])[ \t]{0,8}\n``, each branch led by the character it
    # starts with (the look-behind moved after it), for ``re``'s skip to candidates.
    "paragraph": re.compile(
        r"\n[ \t]*\n|\n(?<=[。!?.;:…]\n)"
        r"| (?<=[。!?.;:…] )[ \t]{0,7}\n|\t(?<=[。!?.;:…]\t)[ \t]{0,7}\n"
    ),
}


class Segments:
    """Answer "which clause / sentence / paragraph holds this position?" in O(log n).

    Examples:
        >>> s = Segments("一。二!\\n\\n三")
        >>> s.bounds(2, "sentence"), s.bounds(0, "paragraph"), s.bounds(6, "paragraph")
        ((2, 4), (0, 6), (6, 7))
        >>> t = Segments("已恢复。预计22:00前发布,请留意。")
        >>> t.text_of(6, 11, "clause"), t.text_of(6, 11, "sentence")
        ('预计22:00前发布', '预计22:00前发布,请留意')
    """

    def __init__(self, text: str) -> None:
        """Prepare to segment ``text``; each scope's boundaries are found on first use."""
        self.text = text
        self._ends: dict[str, list[int]] = {}

    def _boundaries(self, scope: str) -> list[int]:
        if scope not in self._ends:
            self._ends[scope] = [m.end() for m in _ENDS[scope].finditer(self.text)]
        return self._ends[scope]

    def ends(self, scope: Scope) -> list[int]:
        """Return where each ``scope`` segment ends, in order (shared: do not change it).

        ``bounds(p, scope)`` is the segment from the last end at or before ``p`` (or 0)
        to the first end after it (or the end of the text): a caller asking about many
        positions may bisect this list itself.
        """
        return self._boundaries(scope)

    def bounds(self, position: int, scope: Scope) -> tuple[int, int]:
        """Return ``(start, end)`` of the ``scope`` segment holding ``position``.

        The end includes the segment's closing punctuation.
        """
        if scope == "text":
            return 0, len(self.text)
        ends = self._boundaries(scope)
        i = bisect_right(ends, position)
        start = ends[i - 1] if i else 0
        end = ends[i] if i < len(ends) else len(self.text)
        return start, end

    def around(self, start: int, end: int, scope: Scope) -> tuple[int, int]:
        """Return the span of the segment(s) holding ``text[start:end]``, without the closing mark.

        A span that crosses a boundary gets every segment it touches.
        """
        first, _ = self.bounds(start, scope)
        _, last = self.bounds(max(start, end - 1), scope)
        if scope != "text" and last > first:
            closing = _ENDS[scope].match(self.text, last - 1)
            if closing is not None and closing.end() == last and last - 1 >= end:
                last -= 1
        return first, last

    def text_of(self, start: int, end: int, scope: Scope) -> str:
        """Return the text of the segment(s) holding ``text[start:end]``, without its end mark."""
        first, last = self.around(start, end, scope)
        return self.text[first:last]


def paragraph_end(text: str, position: int) -> int | None:
    """Return the end of the first paragraph break at or after ``position``, or None.

    Examples:
        >>> paragraph_end("一。\\n二\\n\\n三", 0), paragraph_end("一\\n二", 0)
        (3, None)
    """
    found = _ENDS["paragraph"].search(text, position)
    return None if found is None else found.end()
