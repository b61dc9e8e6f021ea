"""Find the sentence or clause around a span of a notice, the language to report in, and
build findings with line and column in O(log n).

The boundaries of a text are found once and looked up by bisection, so a text
with many claims or numbers costs linear time, not a rescan per span.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..kinds import HANT_LANGS
from ..text.language import detect_language

#: Where a sentence ends: Chinese or English end punctuation, a line break.
SENTENCE_END = re.compile(r"[。；;！？!?\n\r\u2028\u2029]|\.(?=\s|$)")
#: Where a clause ends: a sentence end or a comma.
CLAUSE_END = re.compile(r"[。；;！？!?\n\r\u2028\u2029，]|\.(?=\s|$)")

# The boundaries of the last few texts seen, per pattern: callers ask about many
# spans of one text in a row (every claim of a draft), and claims alternate between
# a text and its normalised form, so one entry would be recomputed every call.
# Starts and ends are kept as two flat lists of ints: a 10 MB text has hundreds of
# thousands of boundaries, and a tuple for each would triple their memory.
_last: dict[str, list[tuple[str, tuple[list[int], list[int]]]]] = {}
_KEEP = 4


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence of ``text`` that holds ``text[start:end]``.

    Examples:
        >>> sentence_around("已恢复。预计22:00前发布，请留意。", 6, 11)
        '预计22:00前发布，请留意'
    """
    return _around(SENTENCE_END, text, start, end)


def clause_around(text: str, start: int, end: int) -> str:
    """Return the clause (up to a comma) of ``text`` that holds ``text[start:end]``.

    Examples:
        >>> clause_around("已恢复。预计22:00前发布，请留意。", 6, 11)
        '预计22:00前发布'
    """
    return _around(CLAUSE_END, text, start, end)


def _boundaries(boundary: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    """Return the starts and the ends of every boundary in ``text``; found once per text."""
    cached = _last.setdefault(boundary.pattern, [])
    for seen, marks in cached:
        if seen is text:
            return marks
    starts: list[int] = []
    ends: list[int] = []
    for m in boundary.finditer(text):
        start, end = m.span()
        starts.append(start)
        ends.append(end)
    cached.insert(0, (text, (starts, ends)))
    del cached[_KEEP:]
    return starts, ends


def _around(boundary: re.Pattern[str], text: str, start: int, end: int) -> str:
    starts, ends = _boundaries(boundary, text)
    i = bisect_left(starts, start)  # boundaries before the span
    first = ends[i - 1] if i else 0
    j = i
    while j < len(starts) and starts[j] < end:
        j += 1
    last = starts[j] if j < len(starts) else len(text)
    return text[first:last]


def message_lang(text: str, lang: str) -> str:
    """Return the language to write findings in: the one asked for, else the text's own.

    A text mixing both languages gets Chinese messages; Traditional Chinese
    gets ``zh-Hant`` (whose messages fall back to ``zh``), or the region asked for
    (``zh-Hant-HK``: 用戶 and 數據 in Hong Kong, 使用者 and 資料 in Taiwan).

    Examples:
        >>> message_lang("预计22:00恢复", "auto"), message_lang("Back by 22:00", "auto")
        ('zh', 'en')
        >>> message_lang("預計晚上十點恢復", "auto"), message_lang("預計晚上十點恢復", "zh-Hant-HK")
        ('zh-Hant', 'zh-Hant-HK')
    """
    if lang in ("zh", "zh-Hant", "en", *HANT_LANGS):
        return lang
    detected = detect_language(text)
    return "zh" if detected == "mixed" else detected


#: Where the words a cause names end: a clause's end, an ASCII comma too.
_NAMED_END = re.compile(r"[，,。；;！!？?\n]|\.(?=\s|$)")


def clause_from(text: str, start: int) -> str:
    """The text from ``start`` to the end of its clause: what cause words there name.

    A clause ends at a comma too, unless the cause words have not been passed yet
    ("由于X，" names X before the comma; "The root cause, we found, was X" is rare).

    Examples:
        >>> clause_from("The cause was X, not Y.", 4)
        'cause was X'
    """
    stop = _NAMED_END.search(text, start + 1)
    return text[start : stop.start() if stop else len(text)]
