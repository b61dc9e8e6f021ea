"""Read durations in seconds: 两小时, 一个半小时, 12小时5分钟, half an hour, 8 hours, 10 minutes."""

from __future__ import annotations

import re
from decimal import Decimal

from ..lint.timepatterns import UNITS
from .amounts import ARABIC, CHINESE, NUMBER, read_number
from .mention import Mention, qualifier

# The linter's units, plus months (a 3-month membership) and "h", which it leaves out.
_SECONDS = UNITS | {"月": 2592000, "month": 2592000, "h": 3600}

DURATION = re.compile(
    rf"(?<![×xX*/\d.])(?P<a>{NUMBER})(?P<half1>个半)?\s?(?:个)?(?P<u>小时|钟头|分钟|秒钟?|天|周|星期|个月)"
    rf"(?:(?P<b>{ARABIC}|{CHINESE})分钟?)?"
    r"|(?P<half>半(?:个)?(?:小时|钟头|天)|(?i:half\s+an?\s+(?:hour|day)))"
    rf"|(?<![×xX*/\d.])(?P<ea>{NUMBER})(?:\s?-\s?|\s)(?P<eu>(?i:hours?|hrs?|h|minutes?|mins?|"
    r"seconds?|secs?|days?|weeks?|months?))\b"
    r"(?:(?:,|\s+and)?\s+(?P<eb>\d+)\s?(?i:minutes?|mins?)\b)?(?P<ahalf>(?i:\s+and\s+a\s+half))?"
)
_ROUND_THE_CLOCK_AFTER = re.compile(r"(?i)\s*(?:a|per|/)\s*(?:day|week)\b|\s*/\s*7")
_ROUND_THE_CLOCK_BEFORE = re.compile(r"(?:全天|每天|每日|全年|7×|7x)\s*$")
_SPAN_AFTER = re.compile(r"(?i)\s+(?:earlier|later|ago|before|after)\b")
_SPAN_BEFORE = re.compile(
    r"(?i)\b(?:within|in|for|about|around|over|after|than|nearly|almost|just)\s+$"
)


def read_duration(text: str, match: re.Match[str]) -> Mention | None:
    """Read a :data:`DURATION` match; availability (24 hours a day) and rates are none.

    Examples:
        >>> m = DURATION.search("一个半小时")
        >>> int(read_duration("一个半小时", m).value)
        5400
        >>> read_duration("twice a day", DURATION.search("twice a day")) is None
        True
    """
    if match["half"]:
        unit = 86400 if match["half"].endswith(("天", "day")) else 3600
        return Mention(
            "duration",
            match.start(),
            match.end(),
            Decimal(unit) / 2,
            Decimal(60),
            qualifier(text, *match.span()),
        )
    raw = match["a"] or match["ea"]
    after, before = (
        text[match.end() : match.end() + 10],
        text[max(0, match.start() - 12) : match.start()],
    )
    if _ROUND_THE_CLOCK_AFTER.match(after) or _ROUND_THE_CLOCK_BEFORE.search(before):
        return None  # "24 hours a day", 全天24小时, "7 days a week": availability, not a duration
    if (
        raw.lower() in ("a", "an")
        and not _SPAN_AFTER.match(after)
        and not _SPAN_BEFORE.search(before)
    ):
        return None  # "twice a day", "once a month"
    unit_word = (match["u"] or match["eu"]).lower().removesuffix("s").removeprefix("个")
    parsed = read_number(raw)
    if parsed is None:
        return None
    seconds = Decimal(_SECONDS[unit_word])
    value, precision = parsed[0] * seconds, parsed[1] * seconds
    extra = match["b"] or match["eb"]
    if extra:
        minutes = read_number(extra)
        if minutes is None:
            return None
        value, precision = value + minutes[0] * 60, Decimal(60)
    if match["half1"] or match["ahalf"]:
        value, precision = value + seconds / 2, min(precision, seconds / 2)
    return Mention(
        "duration", match.start(), match.end(), value, precision, qualifier(text, *match.span())
    )
