"""A number a notice states, the hedge around it, and whether it agrees with a value.

:mod:`.quantities` finds mentions; :mod:`.mismatches` compares them with the
facts and :mod:`.parity` with the other language's text, both with
:func:`close` and :func:`same_point`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal, NamedTuple

MentionKind = Literal["count", "money", "duration", "clock", "date", "percent"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]


class Mention(NamedTuple):
    """One number stated in a text, with what it measures.

    Args:
        kind: ``count``, ``money``, ``duration`` (``value`` in seconds), ``clock``,
            ``date`` or ``percent``.
        start: code-point index where the mention starts.
        end: code-point index where it ends (exclusive).
        value: the number; for a duration, seconds; unused for clock and date.
        unit: the precision the text gives (half of it is rounding), same scale as ``value``.
        qualifier: ``approx`` (约, about), ``at_least`` (超过, more than),
            ``at_most`` (以内, within) or ``exact``.
        currency: ISO code of an amount; ``CNY|JPY`` when ``¥`` leaves it open.
        hour: a clock time's hour (0-23); ``minute`` its minute.
        other_hours: the other hours the text may mean: 22 for ``10点`` without
            上午/晚上, 3 for ``两三点``.
        offset: the stated zone as minutes east of UTC, or None for the facts' zone.
        zone_key: the IANA zone of a US zone named without its season (``4:12 PM ET``:
            ``America/New_York``), read at the date compared with; None otherwise.
        year, month, day: a date, or the date stated right before a clock time.
        day_shift: 今天/明天/昨天 stated with a clock time (0, 1, -1), else None.
        norm_start, norm_end: the span in the normalised text (:mod:`crisiscomms.text`).

    A named tuple: a long text holds tens of thousands, built several times faster
    than a frozen dataclass.
    """

    kind: MentionKind
    start: int
    end: int
    value: Decimal = Decimal(0)
    unit: Decimal = Decimal(0)
    qualifier: Qualifier = "exact"
    currency: str | None = None
    hour: int | None = None
    minute: int | None = None
    other_hours: tuple[int, ...] = ()
    offset: int | None = None
    zone_key: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_shift: int | None = None
    norm_start: int = 0
    norm_end: int = 0

    @property
    def hours(self) -> frozenset[int]:
        """The hours a clock time may mean: two when 上午/下午 is left open (``10点``)."""
        if self.hour is None:
            return frozenset()
        return frozenset({self.hour, *self.other_hours})


_APPROX_BEFORE = re.compile(
    r"(?:约|大约|大概|近|将近|接近|(?i:about|around|approximately|roughly|nearly|almost|some)\s*|~)\s*$"
)
_LEAST_BEFORE = re.compile(
    r"(?:超过|逾|至少|多达|(?i:more than|over|at least|upwards of|in excess of)\s*)\s*$"
)
_MOST_BEFORE = re.compile(
    r"(?:不到|不超过|少于|最多|(?i:within|up to|less than|under|no more than|at most)\s*)\s*$"
)
_APPROX_AFTER = re.compile(r"^\s*(?:左右|上下)")
_LEAST_AFTER = re.compile(r"^\s*(?:以上|多|-\s?plus\b|\+)")
_MOST_AFTER = re.compile(r"^\s*(?:以内|之内|内)")


def qualifier(text: str, start: int, end: int) -> Qualifier:
    """Return the hedge the words around ``text[start:end]`` put on a number.

    Examples:
        >>> qualifier("约800万用户", 1, 5), qualifier("2小时内", 0, 3), qualifier("over 30%", 5, 8)
        ('approx', 'at_most', 'at_least')
    """
    before, after = text[max(0, start - 20) : start], text[end : end + 8]
    if _APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after):
        return "approx"
    if _LEAST_BEFORE.search(before) or _LEAST_AFTER.match(after):
        return "at_least"
    if _MOST_BEFORE.search(before) or _MOST_AFTER.match(after):
        return "at_most"
    return "exact"


def iter_kind(mentions: list[Mention], kind: MentionKind) -> Iterator[Mention]:
    """Yield the mentions of one kind."""
    return (m for m in mentions if m.kind == kind)


def close(m: Mention, fact: Decimal) -> bool:
    """Return True when a stated value agrees with a fact, given its rounding and hedges.

    ``800万`` is exact to 10,000; ``约800万`` allows 10%; ``超过800万`` any more;
    ``2小时内`` any less (but not under a third).

    Examples:
        >>> m = Mention("count", 0, 4, Decimal(8_000_000), Decimal(10_000), "approx")
        >>> close(m, Decimal(8_350_000)), close(m, Decimal(9_000_000))
        (True, False)
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
    """Return True unless both currencies are known and differ.

    Either may leave the currency open among several: ``¥`` is CNY or JPY, a bare
    ``$`` any dollar. Two open ones fit when they share a currency.

    Examples:
        >>> currency_fits("HKD|USD", "HKD"), currency_fits("HKD|USD", "TWD|USD")
        (True, True)
        >>> currency_fits("HKD|USD", "KRW"), currency_fits("CNY|JPY", "HKD|USD")
        (False, False)
    """
    if not stated or not fact:
        return True
    if "|" not in stated and "|" not in fact:
        return stated == fact
    return not set(stated.split("|")).isdisjoint(fact.split("|"))
