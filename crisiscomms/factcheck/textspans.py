"""Find the sentence or clause around a span of a notice, and the language it is written in."""

from __future__ import annotations

import re

#: Where a sentence ends: Chinese or English end punctuation, a line break.
SENTENCE_END = re.compile(r"[。；;！？!?\n]|\.(?=\s|$)")
#: Where a clause ends: a sentence end or a comma.
CLAUSE_END = re.compile(r"[。；;！？!?\n，]|\.(?=\s|$)")


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


def _around(boundary: re.Pattern[str], text: str, start: int, end: int) -> str:
    ends = [m.end() for m in boundary.finditer(text, 0, start)]
    after = boundary.search(text, end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]


def message_lang(text: str, lang: str) -> str:
    """Return the language to write findings in: the one asked for, else zh for Chinese text.

    Examples:
        >>> message_lang("预计22:00恢复", "auto"), message_lang("Back by 22:00", "auto")
        ('zh', 'en')
    """
    if lang in ("zh", "zh-Hant", "en"):
        return lang
    return "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
