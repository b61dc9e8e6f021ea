"""Compare the numbers two texts state: a zh/en pair must agree on every one.

The same facts, the same numbers and the same times in every language: a draft
pair that disagrees is a bug (DESIGN.md). :func:`close` is also how
:mod:`.checking` compares a stated value with a fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from .findings import Finding
from .quantities import Mention, find_mentions


class ParityReport(NamedTuple):
    """What one language states that the other does not: findings in each text."""

    zh: tuple[Finding, ...]
    en: tuple[Finding, ...]

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return the report as JSON-ready data."""
        return {"zh": [f.to_dict() for f in self.zh], "en": [f.to_dict() for f in self.en]}


def check_parity(zh_text: str, en_text: str) -> ParityReport:
    """Report the numbers, amounts, durations, times and dates that differ between languages.

    Each side's findings (rule ``parity-mismatch``, error) point into that side's
    text at a value the other text does not state. Times compare in the zone each
    text names (北京时间 22:00 = 22:00 UTC+8 = 14:00 UTC).

    Args:
        zh_text: the Simplified Chinese notice.
        en_text: the English notice of the same facts.

    Returns:
        A :class:`ParityReport`; both tuples empty when the pair agrees.

    Examples:
        >>> report = check_parity("约800万用户受影响，北京时间22:00恢复。",
        ...                       "About 5 million users were affected; restored at 14:00 UTC.")
        >>> [f.excerpt for f in report.zh], [f.excerpt for f in report.en]
        (['800万'], ['5 million'])
    """
    zh, en = find_mentions(zh_text), find_mentions(en_text)
    return ParityReport(
        zh=tuple(_unpaired(zh_text, zh, en, "zh", "英文", "English")),
        en=tuple(_unpaired(en_text, en, zh, "en", "中文", "Chinese")),
    )


def _unpaired(
    text: str, mine: list[Mention], theirs: list[Mention], lang: str, other_zh: str, other_en: str
) -> Iterator[Finding]:
    for m in mine:
        if any(_counterpart(m, o) for o in theirs):
            continue
        excerpt = text[m.start : m.end]
        messages = {
            "zh": f"“{excerpt}”在{other_zh}文本中没有对应的数值。",
            "en": f"“{excerpt}” has no matching value in the {other_en} text.",
        }
        suggestions = {
            "zh": "两种语言须写明相同的数字和时间。",
            "en": "State the same numbers and times in both languages.",
        }
        yield Finding.at(
            text,
            m.start,
            m.end,
            rule="parity-mismatch",
            severity="error",
            messages=messages,
            lang=lang,
            suggestions=suggestions,
        )


def _counterpart(m: Mention, o: Mention) -> bool:
    numeric = {"count", "money", "percent"}
    if m.kind != o.kind and not (m.kind in numeric and o.kind in numeric):
        return False
    if m.kind == "clock" and m.offset is not None and o.offset is not None:
        shift = (m.offset - o.offset) // 60
        hours = {(h - shift) % 24 for h in m.hours}
        return bool(hours & o.hours) and m.minute == o.minute
    if m.kind in ("clock", "date"):
        return same_point(m, o)
    return close(m, o.value) or close(o, m.value)


def close(m: Mention, fact: Decimal) -> bool:
    """Return True when a stated value agrees with a fact, given its rounding and hedges.

    ``800万`` is exact to 10,000; ``约800万`` allows 10%; ``超过800万`` any more;
    ``2小时内`` any less (but not under half).
    """
    slack = m.unit / 2 + Decimal("0.001")
    if m.qualifier == "approx":
        return abs(m.value - fact) <= max(slack, abs(fact) / 10)
    if m.qualifier == "at_least":
        return fact >= m.value - slack
    if m.qualifier == "at_most":
        return m.value / 3 - slack <= fact <= m.value + slack
    return abs(m.value - fact) <= slack


def same_point(m: Mention, other: Mention) -> bool:
    """Return True when two mentions state the same value (clock times and dates by field)."""
    same_day = None in (m.month, other.month) or (m.month, m.day) == (other.month, other.day)
    same_year = None in (m.year, other.year) or m.year == other.year
    if m.kind == "date":
        return m.month is not None and same_day and same_year
    if m.kind == "clock":
        return bool(m.hours & other.hours) and m.minute == other.minute and same_day
    return close(m, other.value) and currency_fits(m.currency, other.currency or "")


def currency_fits(stated: str | None, fact: str) -> bool:
    """Return True unless both currencies are known and differ (``¥`` is CNY or JPY)."""
    return not stated or not fact or fact in stated.split("|") or stated in fact.split("|")
