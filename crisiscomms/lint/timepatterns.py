"""The regular expressions that find the parts of a time expression, and their tables.

Each pattern runs over folded text (see :mod:`crisiscomms.lint.textfold`):
lower case, ASCII digits and colons. Every quantifier is bounded so that no
input, however long or repetitive, makes a pattern backtrack beyond a few
characters per position. The fact checker (:mod:`crisiscomms.factcheck.clocktimes`)
reads zones and month names with the same tables, so the two agree on what
UTC+8 or Sept means.
"""

from __future__ import annotations

import re

from .numerals import CN_NUMERAL_CHARS

_CN = f"[{CN_NUMERAL_CHARS}]{{1,3}}"
_NUM = rf"(?:\d{{1,2}}|{_CN})"

#: Parts of the day; the value says how to read an hour written after it.
PERIODS: dict[str, str] = {
    "凌晨": "night",
    "半夜": "night",
    "清晨": "am",
    "早上": "am",
    "早晨": "am",
    "上午": "am",
    "中午": "noon",
    "午间": "noon",
    "下午": "pm",
    "傍晚": "pm",
    "晚上": "pm",
    "晚间": "pm",
    "晚間": "pm",
    "夜间": "pm",
    "夜間": "pm",
    "夜里": "pm",
    "夜裡": "pm",
    "深夜": "pm",
}
_PERIOD = "|".join(sorted(PERIODS, key=len, reverse=True))

#: Relative days: (day offset, part of day or "").
RELATIVE_DAYS: dict[str, tuple[int, str]] = {
    "今天": (0, ""),
    "今日": (0, ""),
    "当天": (0, ""),
    "當天": (0, ""),
    "今早": (0, "am"),
    "今晚": (0, "pm"),
    "今夜": (0, "pm"),
    "明天": (1, ""),
    "明日": (1, ""),
    "次日": (1, ""),
    "明早": (1, "am"),
    "明晚": (1, "pm"),
    "后天": (2, ""),
    "後天": (2, ""),
    "昨天": (-1, ""),
    "昨日": (-1, ""),
    "昨晚": (-1, "pm"),
    "today": (0, ""),
    "tonight": (0, "pm"),
    "later today": (0, ""),
    "end of day": (0, ""),
    "end of the day": (0, ""),
    "this morning": (0, "am"),
    "this afternoon": (0, "pm"),
    "this evening": (0, "pm"),
    "tomorrow": (1, ""),
    "tomorrow morning": (1, "am"),
    "tomorrow afternoon": (1, "pm"),
    "tomorrow evening": (1, "pm"),
    "yesterday": (-1, ""),
}
_REL_ZH = "|".join(sorted((k for k in RELATIVE_DAYS if not k.isascii()), key=len, reverse=True))
_REL_EN = "|".join(
    sorted((k for k in RELATIVE_DAYS if k.isascii()), key=len, reverse=True)
).replace(" ", r"\s")

#: UTC offsets in minutes; None where the offset depends on daylight saving.
ZONES: dict[str, int | None] = {
    "北京时间": 480,
    "北京時間": 480,
    "东八区": 480,
    "東八區": 480,
    "utc": 0,
    "gmt": 0,
    "cst": None,
    "pt": None,
    "et": None,
    "pst": -480,
    "pdt": -420,
    "est": -300,
    "edt": -240,
    "cet": 60,
    "cest": 120,
    "bst": 60,
    "jst": 540,
    "sgt": 480,
    "hkt": 480,
    # Not matched by ZONE below (the linter only needs to know a zone is there);
    # the fact checker's own zone pattern reads them.
    "bjt": 480,
    "kst": 540,
}
_OFFSET = r"(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)"


def zone_offset(name: str, signed: str | None = None) -> int | None:
    """Return a stated zone's offset from UTC in minutes east, or None when it is not fixed.

    Args:
        name: the zone as written: 北京时间, UTC, PST, in any case.
        signed: an offset written after it: ``+8``, ``- 05:30``, ``+0800``, or
            with a minus sign (U+2212) as typeset text has it.

    Returns:
        Minutes east of UTC; None for an unknown zone or one that changes with
        daylight saving (CST is China, US Central or Cuba) and has no offset.

    Examples:
        >>> zone_offset("北京時間"), zone_offset("UTC", "+8"), zone_offset("gmt", "−0530")
        (480, 480, -330)
        >>> zone_offset("CST") is None
        True
    """
    key = name.lower()
    base = ZONES.get(key.replace("時", "时"), ZONES.get(key))
    if not signed:
        return base
    hours, _, minutes = signed.strip(" +-−").replace(" ", "").partition(":")
    if len(hours) > 2:  # +0800: hours and minutes run together
        hours, minutes = hours[:-2], hours[-2:]
    sign = -1 if signed.strip()[0] in "-−" else 1
    return (base or 0) + sign * (int(hours) * 60 + int(minutes or 0))


MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: English month names and abbreviations (lower case), for building patterns.
MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip
_EN_NUM = "|".join(sorted(EN_NUMBERS, key=len, reverse=True))

#: Seconds per duration unit, zh and en.
UNITS: dict[str, int] = {
    "小时": 3600, "小時": 3600, "钟头": 3600, "鐘頭": 3600, "分钟": 60, "分鐘": 60,
    "秒钟": 1, "秒鐘": 1, "秒": 1, "天": 86400, "日": 86400, "周": 604800, "週": 604800,
    "星期": 604800, "工作日": 86400,
    "hour": 3600, "hr": 3600, "minute": 60, "min": 60, "second": 1, "sec": 1,
    "day": 86400, "business day": 86400, "week": 604800,
}  # fmt: skip
_UNIT_ZH = "|".join(sorted((k for k in UNITS if not k.isascii()), key=len, reverse=True))

ZH_CLOCK = re.compile(
    rf"(?:(?P<period>{_PERIOD})\s?)?(?<![\d第几幾])(?P<h>{_NUM})\s?(?:[点點]|[时時](?!间|間))"
    rf"(?:[钟鐘])?(?:(?P<half>半)|(?P<q1>一刻)|(?P<q3>三刻)|整"
    rf"|\s?(?P<m>\d{{1,2}}|[{CN_NUMERAL_CHARS}]{{1,3}})\s?分?(?![钟鐘]))?"
)
COLON_CLOCK = re.compile(
    rf"(?:(?P<period>{_PERIOD})\s?)?(?<![\d:.])(?P<h>[01]?\d|2[0-4])\s?:\s?(?P<m>[0-5]\d)"
    r"(?::[0-5]\d)?(?![\d:])(?:\s?(?P<ampm>a\.?m\b\.?|p\.?m\b\.?))?"
)
EN_CLOCK = re.compile(
    r"(?<![\d:.\w])(?P<h>1[0-2]|0?[1-9])\s?(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)"
    r"|(?<![a-z])(?P<word>noon|midnight)(?![a-z])"
)
ZH_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})\s?年\s?)?(?P<mo>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?[日号號](?!\d)"
)
EN_DATE = re.compile(
    rf"(?<![a-z])(?P<mon>{MONTH_NAMES})\.?\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s(?P<y>\d{{4}}))?"
    rf"|(?<![\d\w])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<mon2>{MONTH_NAMES})(?![a-z])(?:,?\s(?P<y2>\d{{4}}))?"
    r"|(?<![\d-])(?P<iy>20\d\d)-(?P<imo>\d{1,2})-(?P<id>\d{1,2})(?![\d-])"
)
RELATIVE_DAY = re.compile(
    # A part of day followed by an hour belongs to the clock (明天|上午10点), not the day.
    rf"(?P<rel>{_REL_ZH})(?:(?P<period>{_PERIOD})(?!\s?[\d{CN_NUMERAL_CHARS}]))?"
    rf"|(?<![a-z])(?P<rel_en>{_REL_EN})(?![a-z])"
)
ZONE = re.compile(
    r"(?P<zh>北京[时時]间|北京時間|[东東]八[区區])"
    rf"|(?<![a-z])(?P<en>utc|gmt|cst|pst|pdt|pt|est|edt|et|cet|cest|bst|jst|sgt|hkt)"
    rf"(?P<offset>{_OFFSET})?(?![a-z\d])"
)
ZH_DURATION = re.compile(
    rf"(?<![\d.×x*/])(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?|{_CN}|半)\s?(?:[个個])?\s?(?P<half>半)?\s?"
    rf"(?P<unit>{_UNIT_ZH})(?P<suffix>\s?(?:以内|之内|以內|之內|内|內|以后|之后|以後|之後|后|後"
    r"|以前|之前|前))?"
)
EN_DURATION = re.compile(
    rf"(?<![\w.×*/])(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?|half\san?|{_EN_NUM}|a\sfew|few|several"
    r"|a\scouple\sof)\s?-?(?P<unit>hours?|hrs?|minutes?|mins?|seconds?|secs?|business\sdays?"
    r"|days?|weeks?)(?![a-z])(?P<suffix>\s(?:ago|earlier|from\snow|later))?"
)
