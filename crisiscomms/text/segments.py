"""Sentence, clause and paragraph boundaries, computed once and looked up in O(log n).

Boundaries are found in normalised text (:mod:`.normalize`): full-width ``！？；，``
are ASCII there and every line break is ``\\n``. A comma between digits
(``8,000,000``) is no clause boundary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import chain
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
# The same ends as _ENDS["paragraph"] finds reading a whole text from its start, every
# branch led by the line break (the spaces before it moved into look-behinds, one per
# width, tried first as they start earlier): ``re`` skips to line breaks only, not to
# every space. Only for finditer from the start: a search or match from inside the
# spaces before a line break would see them through the look-behinds.
_PARAGRAPH_ENDS = re.compile(
    "\n(?:"
    + "".join(f"(?<=[。!?.;:…][ \t]{{{n}}}\n)|" for n in range(1, 9))
    + r"[ \t]*\n|(?<=[。!?.;:…]\n))"
)
# The characters that always end a sentence, and those that end a clause too; a full
# stop ends either only before a space or the end (8.5 is one number), and a comma
# ends a clause only when no digit (``\d``: str.isdecimal) follows it (8,000,000).
_SENTENCE_MARKS = "。!?;\n"


def char_positions(text: str, chars: str) -> list[int]:
    """Return the positions in ``text`` holding one of ``chars``, in order (read only).

    Each character's positions are found once per text: the segments and the
    linter's clause breaks of one text ask for the same characters (the last text's
    lists are kept, see :func:`_positions_of`).

    Examples:
        >>> char_positions("正在修复，尽快。ok, 好", "，。,")
        [4, 7, 10]
    """
    runs = [found for char in chars if (found := _positions_of(text, char))]
    if len(runs) == 1:
        return runs[0]
    merged = list(chain.from_iterable(runs))
    merged.sort()  # timsort merges the sorted runs
    return merged


#: The text whose character positions were found last, and those positions by character.
_last: tuple[str, dict[str, list[int]]] = ("", {})


def _positions_of(text: str, char: str) -> list[int]:
    """Return where ``char`` stands in ``text``.

    A pattern of one literal character is searched for in C as a plain string search:
    several times faster than a class of the same characters, which ``re`` checks
    character by character when it holds a CJK one.
    """
    global _last
    seen, table = _last
    if seen is not text:  # a new text (the same object is the same text: str is immutable)
        table = {}
        _last = (text, table)
    found = table.get(char)
    if found is None:
        found = table[char] = (
            [m.start() for m in _literal(char).finditer(text)] if char in text else []
        )
    return found


@cache
def _literal(char: str) -> re.Pattern[str]:
    return re.compile(re.escape(char))


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
        ends = self._ends.get(scope)
        if ends is None:
            if scope == "paragraph":
                ends = [m.end() for m in _PARAGRAPH_ENDS.finditer(self.text)]
            else:
                # What _ENDS[scope] finds, from the positions of its characters.
                text = self.text
                n = len(text)
                found = [_positions_of(text, char) for char in _SENTENCE_MARKS]
                # A full stop ends a sentence before a space (``\s``: str.isspace) or at
                # the end; ``text[p + 1 : p + 2]`` is empty at the end.
                found.append(
                    [
                        p
                        for p in _positions_of(text, ".")
                        if text[p + 1 : p + 2].isspace() or p + 1 == n
                    ]
                )
                if scope == "clause":
                    commas = _positions_of(text, ",")
                    found.append([p for p in commas if not text[p + 1 : p + 2].isdecimal()])
                merged = list(chain.from_iterable(found))
                merged.sort()
                ends = [p + 1 for p in merged]
            self._ends[scope] = ends
        return ends

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
