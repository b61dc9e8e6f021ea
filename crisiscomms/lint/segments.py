"""Sentence and paragraph boundaries, computed once and looked up by position."""

from __future__ import annotations

import re
from bisect import bisect_right

from .rules import Scope

# Normalised text: full-width ！？；： are already ASCII here.
_CLAUSE_END = re.compile(r"[。！？!?;,，、:\n]|\.(?=\s|$)")
_SENTENCE_END = re.compile(r"[。！？!?;\n]|\.(?=\s|$)")
# A line break ends a paragraph after a blank line or after a finished sentence;
# otherwise it is a soft wrap inside a paragraph (wrapped English, say).
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|(?<=[。！？!?.;:…])[ \t]{0,8}\n")


_PATTERNS = {"clause": _CLAUSE_END, "sentence": _SENTENCE_END, "paragraph": _PARAGRAPH_END}


class Segments:
    """Answer "which sentence / paragraph holds this position?" in O(log n).

    Examples:
        >>> s = Segments("一。二！\\n\\n三")
        >>> s.bounds(2, "sentence"), s.bounds(0, "paragraph"), s.bounds(6, "paragraph")
        ((2, 4), (0, 6), (6, 7))
    """

    def __init__(self, folded: str) -> None:
        """Prepare to segment ``folded``; the boundaries are computed on first use."""
        self._text = folded
        self._ends: dict[str, list[int]] = {}

    def _boundaries(self, scope: Scope) -> list[int]:
        if scope not in self._ends:
            pattern = _PATTERNS[scope]
            self._ends[scope] = [m.end() for m in pattern.finditer(self._text)]
        return self._ends[scope]

    def bounds(self, position: int, scope: Scope) -> tuple[int, int]:
        """Return ``(start, end)`` of the ``scope`` segment holding ``position``."""
        if scope == "text":
            return 0, len(self._text)
        ends = self._boundaries(scope)
        i = bisect_right(ends, position)
        start = ends[i - 1] if i else 0
        end = ends[i] if i < len(ends) else len(self._text)
        return start, end
