"""Compare the numbers two texts state: a zh/en pair must agree on every one.

The same facts, the same numbers and the same times in every language: a draft
pair that disagrees is a bug (DESIGN.md). Values compare as
:mod:`.mismatches` compares them with the facts, with
:func:`~crisiscomms.factcheck.mention.close` and :func:`~crisiscomms.factcheck.mention.same_point`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from ..findings import Finding
from ..hant.lookup import REGIONS, with_hant
from ..text import LineIndex
from .mention import Mention, close, same_point
from .quantities import find_mentions


class ParityReport(NamedTuple):
    """What one language states that the other does not: findings in each text."""

    zh: tuple[Finding, ...]
    en: tuple[Finding, ...]

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return the report as JSON-ready data."""
        return {"zh": [f.to_dict() for f in self.zh], "en": [f.to_dict() for f in self.en]}


def check_parity(zh_text: str, en_text: str, zh_lang: str = "zh") -> ParityReport:
    """Report the numbers, amounts, durations, times and dates that differ between languages.

    Each side's findings (rule ``parity-mismatch``, error) point into that side's
    text at a value the other text does not state. Times compare in the zone each
    text names (北京时间 22:00 = 22:00 UTC+8 = 14:00 UTC).

    Args:
        zh_text: the Chinese notice.
        en_text: the English notice of the same facts.
        zh_lang: the Chinese notice's language: ``zh``, or ``zh-Hant-HK`` / ``zh-Hant-TW``,
            whose findings then speak that region's Traditional Chinese.

    Returns:
        A :class:`ParityReport`; both tuples empty when the pair agrees.

    Examples:
        >>> report = check_parity("约800万用户受影响，北京时间22:00恢复。",
        ...                       "About 5 million users were affected; restored at 14:00 UTC.")
        >>> [f.excerpt for f in report.zh], [f.excerpt for f in report.en]
        (['800万'], ['5 million'])
        >>> report = check_parity("約800萬用戶受影響。", "About 5 million users.", "zh-Hant-TW")
        >>> report.zh[0].message
        '“800萬”在英文文本中沒有對應的數值。'
    """
    zh, en = find_mentions(zh_text), find_mentions(en_text)
    return ParityReport(
        zh=tuple(_unpaired(zh_text, zh, en, zh_lang, "英文", "English")),
        en=tuple(_unpaired(en_text, en, zh, "en", "中文", "Chinese")),
    )


def _unpaired(
    text: str, mine: list[Mention], theirs: list[Mention], lang: str, other_zh: str, other_en: str
) -> Iterator[Finding]:
    lines: LineIndex | None = None
    index = value_index(theirs)
    for m in mine:
        if stated_in(m, index):
            continue
        said, suggestions = _texts(lang in REGIONS)
        excerpt = text[m.start : m.end]  # quoted as written: the templates are converted, not it
        messages = {
            k: v.format(excerpt=excerpt, other=other_en if k == "en" else other_zh)
            for k, v in said.items()
        }
        lines = lines or LineIndex(text)
        yield Finding.at(
            text,
            m.start,
            m.end,
            rule="parity-mismatch",
            severity="error",
            messages=messages,
            lang=lang,
            suggestions=suggestions,
            lines=lines,
        )


_MESSAGE = {
    "zh": "“{excerpt}”在{other}文本中没有对应的数值。",
    "en": "“{excerpt}” has no matching value in the {other} text.",
}
_SUGGESTION = {
    "zh": "两种语言须写明相同的数字和时间。",
    "en": "State the same numbers and times in both languages.",
}


@cache
def _texts(traditional: bool) -> tuple[dict[str, str], dict[str, str]]:
    """The message template and suggestion, with each region's Traditional text if asked."""
    if traditional:
        return with_hant(_MESSAGE), with_hant(_SUGGESTION)
    return _MESSAGE, _SUGGESTION


def value_index(mentions: list[Mention]) -> dict[object, list[Mention]]:
    """Return ``mentions`` by what a counterpart must share with them (:func:`stated_in`)."""
    index: dict[object, list[Mention]] = {}
    for o in mentions:
        index.setdefault(_key(o), []).append(o)
    return index


def stated_in(m: Mention, index: dict[object, list[Mention]]) -> bool:
    """True when a mention of :func:`value_index` states the same value as ``m``
    (:func:`same_value` with each of them, but only those it can be true of)."""
    return any(_counterpart(m, o) for o in index.get(_key(m), ()))


def _key(m: Mention) -> object:
    # A counterpart is of the same kind (any number for a number; see _counterpart),
    # and a clock time's has the same minute: a text's values are compared with those
    # alone, not with every value of the other text.
    if m.kind == "clock":
        return ("clock", m.minute)
    return _GROUP.get(m.kind, m.kind)


def same_value(m: Mention, o: Mention) -> bool:
    """True when two mentions state the same number, amount, duration, time or date."""
    return _counterpart(m, o)


#: Kinds that compare with each other: counts, amounts and shares are all numbers.
_GROUP = {"count": "number", "money": "number", "percent": "number"}
_NUMERIC = frozenset(_GROUP)


def _counterpart(m: Mention, o: Mention) -> bool:
    numeric = _NUMERIC
    if m.kind != o.kind and not (m.kind in numeric and o.kind in numeric):
        return False
    if m.kind == "clock" and m.offset is not None and o.offset is not None:
        shift = (m.offset - o.offset) // 60
        hours = {(h - shift) % 24 for h in m.hours}
        return bool(hours & o.hours) and m.minute == o.minute
    if m.kind in ("clock", "date"):
        return same_point(m, o)
    return close(m, o.value) or close(o, m.value)
