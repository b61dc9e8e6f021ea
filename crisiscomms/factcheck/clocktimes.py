"""Read clock times and dates with their zone: 晚上十点半（北京时间）, 22:00 UTC+8, Mar 29.

Zones and month names are read with the linter's tables and
:func:`~crisiscomms.lint.timepatterns.zone_offset`, so the fact checker and the
linter agree on what UTC+8 or Sept means. The patterns stay apart from the
linter's: a mention's span takes in a zone in brackets (the excerpt a reader
is shown), a date stays a mention of its own beside the time it dates, and a
part of the day such as 今晚 counts as one here while the linter reads it as a
relative day. Hours and minutes in Chinese are read as counts are
(:func:`~crisiscomms.factcheck.amounts.read_number`), not with the linter's
:func:`~crisiscomms.lint.numerals.parse_number`, which reads 两三点 ("two or
three o'clock") digit by digit as 23:00.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lint.timepatterns import MONTH_NAMES, MONTHS, zone_offset
from .amounts import CHINESE, read_number
from .mention import Mention
from .textspans import SENTENCE_END

_LATER_HALF = ("下午", "晚上", "傍晚", "今晚", "明晚", "昨晚", "夜间", "夜里", "晚间", "pm", "p.m.")
_EARLIER_HALF = ("上午", "凌晨", "早上", "早晨", "清晨", "今早", "明早", "am", "a.m.")
_PERIOD = (
    r"(?:下午|晚上|傍晚|今晚|明晚|昨晚|夜间|夜里|晚间|上午|凌晨|早上|早晨|清晨|今早|明早|中午)"
)
_ZONE = (
    r"(?:北京时间|(?i:(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?"
    r"|UTC|GMT|BJT|HKT|SGT|JST|KST|PST|PDT|EST|EDT|CET|CEST|BST)\b)"
)
_SIGNED_ZONE = re.compile(r"(\D+?)\s?([+\-−].*)?")
_HOUR = "[零〇一二两三四五六七八九十]{1,3}"
# Minutes leave out 两: 十点两个小时后 is ten o'clock and two hours, not 10:02.
_MINUTE = "[零〇一二三四五六七八九十]{1,3}"

DATE = re.compile(
    rf"(?:(?P<y>\d{{4}})年)?(?P<m>\d{{1,2}}|{CHINESE})月(?P<d>\d{{1,2}}|{CHINESE})[日号]"
    r"|(?<!\d)(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})(?!\d)"
    rf"|(?i:\b(?P<em>{MONTH_NAMES})\.?\s+"
    r"(?P<ed>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<ey>\d{4})\b)?)"
    rf"|(?i:\b(?P<ed2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<em2>{MONTH_NAMES})\b\.?"
    r"(?:,?\s+(?P<ey2>\d{4})\b)?)"
)
CLOCK = re.compile(
    rf"(?P<p>{_PERIOD})?\s*(?:(?<![\d:.,+\-−])(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    r"(?:\s*(?P<ap>(?i:am|pm|a\.m\.|p\.m\.)))?"
    rf"|(?<![\d.])(?P<zh>\d{{1,2}}|{_HOUR})[点時时]钟?"
    rf"(?P<zm>半|一刻|三刻|(?:\d{{1,2}}|{_MINUTE})分?)?"
    r"|(?<![\d.:])(?P<eh>\d{1,2})(?::(?P<em_>[0-5]\d))?\s*(?P<eap>(?i:am|pm|a\.m\.|p\.m\.))"
    r"|(?P<noon>(?i:\bnoon\b|\bmidnight\b)))"
)


def read_clock(text: str, match: re.Match[str]) -> Mention | None:
    """Read a :data:`CLOCK` match with the part of day, zone and day (明天) around it.

    Examples:
        >>> m = read_clock("明天晚上十点半（北京时间）", CLOCK.search("明天晚上十点半（北京时间）"))
        >>> (m.hour, m.minute, m.offset, m.day_shift, m.ambiguous)
        (22, 30, 480, 1, False)
        >>> read_clock("快一点", CLOCK.search("快一点")) is None
        True
    """
    period = (match["p"] or "").lower()
    ambiguous = False
    if match["noon"]:
        hour, minute = (12, 0) if match["noon"].lower() == "noon" else (0, 0)
    elif match["h"] is not None:
        hour, minute = int(match["h"]), int(match["mi"])
        period = (match["ap"] or period).lower()
    elif match["eh"] is not None:
        hour, minute = int(match["eh"]), int(match["em_"] or 0)
        period = match["eap"].lower()
    else:
        spoken = _int(match["zh"])
        if spoken is None:
            return None
        hour = spoken
        tail = match["zm"] or ""
        if (
            not period
            and not match["zh"].isdigit()
            and not tail
            and not _clock_context(text, match)
        ):
            return None  # 快一点 / 多两点 are not clock times
        minute = {"半": 30, "一刻": 15, "三刻": 45, "": 0}.get(tail, -1)
        if minute < 0:
            spoken_minute = _int(tail.removesuffix("分"))
            minute = -1 if spoken_minute is None else spoken_minute
        ambiguous = not period and 1 <= hour <= 12
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    hour = _apply_period(hour, period)
    start = (
        match.start("p") if match["p"] else match.start() + len(match[0]) - len(match[0].lstrip())
    )
    offset, end = _zone_after(text, match.end())
    if offset is None:
        offset = _zone_before(text, start)
    return Mention(
        "clock",
        start,
        end,
        hour=hour % 24,
        minute=minute,
        ambiguous=ambiguous,
        offset=offset,
        day_shift=_day_shift(text, start, period),
    )


def _clock_context(text: str, match: re.Match[str]) -> bool:
    return bool(re.match(r"[前后左起至到整钟,，]|之前|以前", text[match.end() : match.end() + 2]))


def _apply_period(hour: int, period: str) -> int:
    if period in _LATER_HALF and hour < 12:
        return hour + 12
    if period in _EARLIER_HALF and hour == 12:
        return 0
    if period == "中午" and hour < 6:
        return hour + 12
    return hour


def _zone_after(text: str, end: int) -> tuple[int | None, int]:
    found = re.match(rf"\s*[（(]?\s*({_ZONE})\s*[）)]?", text[end : end + 24])
    if not found:
        return None, end
    return _zone_offset(found[1]), end + found.end()


def _zone_before(text: str, start: int) -> int | None:
    """Read a zone written ahead of a date and time (北京时间3月29日22:00)."""
    window = text[max(0, start - 24) : start]
    found = list(re.finditer(_ZONE, window))
    if not found or re.search(r"[，；;。!?！？\n]|\d[:点时]", window[found[-1].end() :]):
        return None
    return _zone_offset(found[-1][0])


def _zone_offset(zone: str) -> int | None:
    parts = _SIGNED_ZONE.fullmatch(zone)
    return zone_offset(parts[1], parts[2]) if parts else zone_offset(zone)


def _day_shift(text: str, start: int, period: str) -> int | None:
    near = text[max(0, start - 8) : start] + period
    for words, shift in (
        ("明天|明日|明晚|明早|tomorrow", 1),
        ("今天|今日|今晚|今早|today|tonight", 0),
        ("昨天|昨日|昨晚|yesterday", -1),
    ):
        if re.search(words, near, re.IGNORECASE):
            return shift
    return None


def read_date(text: str, match: re.Match[str]) -> Mention | None:
    """Read a :data:`DATE` match: 3月29日, 三月二十九日, 2026-03-29, Mar 29, 29 March 2026."""
    groups = (("y", "m", "d"), ("iy", "im", "id"), ("ey", "em", "ed"), ("ey2", "em2", "ed2"))
    for y, m, d in groups:
        if match[m] is None:
            continue
        month = MONTHS.get(match[m][:3].lower()) or _int(match[m])
        day = _int(match[d])
        year = int(match[y]) if match[y] else None
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return Mention("date", match.start(), match.end(), year=year, month=month, day=day)
    return None


def _int(raw: str) -> int | None:
    parsed = read_number(raw)
    return None if parsed is None else int(parsed[0])


def attach_dates(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give each clock time the date stated right before it (3月29日 22:00, Mar 29, 22:00)."""
    return [_with_date(text, m, mentions) if m.kind == "clock" else m for m in mentions]


def _with_date(text: str, clock: Mention, mentions: list[Mention]) -> Mention:
    for other in mentions:
        if other.kind != "date" or other.end > clock.start:
            continue
        gap = text[other.end : clock.start]
        if re.fullmatch(rf"\s*(?:,|at|\(?{_ZONE}\)?|{_PERIOD}|（[^）]*）)?\s*", gap, re.IGNORECASE):
            return replace(clock, year=other.year, month=other.month, day=other.day)
    return clock


def share_zones(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give a clock time without a zone the zone of the nearest one in its sentence.

    北京时间…上午10点起…预计下午1点恢复 and "from 08:00 to 20:00 UTC+8" state the
    zone once for every time of the sentence.
    """
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.kind != "clock" or m.offset is not None:
            continue
        zoned = [
            o
            for o in mentions
            if o.kind == "clock"
            and o.offset is not None
            and not SENTENCE_END.search(text[min(o.end, m.end) : max(o.start, m.start)])
        ]
        if zoned:
            nearest = min(zoned, key=lambda o: min(abs(o.start - m.end), abs(m.start - o.end)))
            out[i] = replace(m, offset=nearest.offset)
    return out
