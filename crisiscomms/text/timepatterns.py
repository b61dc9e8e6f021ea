"""The regular expressions that find the parts of a time expression, and their tables.

Every pattern runs over normalised text (:mod:`.normalize`): lower case,
Simplified characters, ASCII digits, colons, brackets and commas. Every
quantifier is bounded so that no input, however long or repetitive, makes a
pattern backtrack beyond a few characters per position.

The busiest patterns start with a character class, so ``re`` skips to the next
digit or numeral in C instead of trying the whole pattern at every position
(several times faster); what may stand before that class (上午 before an hour,
2026年 before a month) is read by :func:`lead_in` afterwards.
"""

from __future__ import annotations

import re

from .numerals import CN_NUMERAL_CHARS, EN_NUMBERS

_CN = f"[{CN_NUMERAL_CHARS}]{{1,3}}"

#: Parts of the day; the value says how to read an hour written after it.
PERIODS: dict[str, str] = {
    "凌晨": "night", "半夜": "night", "午夜": "night",
    "清晨": "am", "早上": "am", "早晨": "am", "上午": "am", "今早": "am", "明早": "am",
    "中午": "noon", "午间": "noon", "正午": "noon",
    "下午": "pm", "傍晚": "pm",
    "晚上": "evening", "晚间": "evening", "夜间": "evening", "夜里": "evening",
    "深夜": "late", "今晚": "evening", "明晚": "evening", "昨晚": "evening",
}  # fmt: skip
_PERIOD = "|".join(sorted(PERIODS, key=len, reverse=True))

#: Relative days: (day offset, part of day or "").
RELATIVE_DAYS: dict[str, tuple[int, str]] = {
    "今天": (0, ""), "今日": (0, ""), "当天": (0, ""), "当日": (0, ""), "今早": (0, "am"),
    "今晚": (0, "evening"), "今夜": (0, "evening"), "明天": (1, ""), "明日": (1, ""),
    "次日": (1, ""), "明早": (1, "am"), "明晚": (1, "evening"), "后天": (2, ""), "昨天": (-1, ""),
    "昨日": (-1, ""), "昨晚": (-1, "evening"),
    "today": (0, ""), "tonight": (0, "evening"), "later today": (0, ""), "end of day": (0, ""),
    "end of the day": (0, ""), "this morning": (0, "am"), "this afternoon": (0, "pm"),
    "this evening": (0, "evening"), "tomorrow": (1, ""), "tomorrow morning": (1, "am"),
    "tomorrow afternoon": (1, "pm"), "tomorrow evening": (1, "evening"), "yesterday": (-1, ""),
}  # fmt: skip
_REL_ZH = "|".join(sorted((k for k in RELATIVE_DAYS if not k.isascii()), key=len, reverse=True))
_REL_EN = "|".join(
    sorted((k for k in RELATIVE_DAYS if k.isascii()), key=len, reverse=True)
).replace(" ", r"\s")

#: UTC offsets in minutes; None where the name leaves the zone open (CST: China or US Central).
ZONES: dict[str, int | None] = {
    "北京时间": 480, "东八区": 480, "香港时间": 480, "澳门时间": 480, "台北时间": 480,
    "台湾时间": 480, "新加坡时间": 480, "日本时间": 540, "东京时间": 540, "韩国时间": 540,
    "首尔时间": 540, "utc": 0, "gmt": 0, "cst": None,
    "pst": -480, "pdt": -420, "est": -300, "edt": -240, "cet": 60, "cest": 120, "bst": 60,
    "jst": 540, "kst": 540, "sgt": 480, "hkt": 480, "bjt": 480,
    # The names Chinese drafts give US and European zones (templates/zh/terms.toml).
    "美国太平洋标准时间": -480, "美国太平洋夏令时间": -420, "美国东部标准时间": -300,
    "美国东部夏令时间": -240, "欧洲中部标准时间": 60, "欧洲中部夏令时间": 120,
    "格林尼治标准时间": 0, "英国夏令时间": 60,
    # US zones named with their season: fixed offsets (MST stays out: Malaysia writes it too).
    "cdt": -300, "mdt": -360, "eastern standard time": -300, "eastern daylight time": -240,
    "central standard time": -360, "central daylight time": -300,
    "mountain standard time": -420, "mountain daylight time": -360,
    "pacific standard time": -480, "pacific daylight time": -420,
}  # fmt: skip
#: US zones named without their season (ET, Eastern, 美东时间): the offset is the one the
#: zone has on the date in question, so each name is read as an IANA zone. CST is not
#: here: it is China Standard Time as often as US Central, and stays the facts' zone.
SEASONAL_ZONES: dict[str, str] = {
    "et": "America/New_York", "eastern": "America/New_York",
    "eastern time": "America/New_York", "美国东部时间": "America/New_York",
    "美东时间": "America/New_York",
    "ct": "America/Chicago", "central": "America/Chicago", "central time": "America/Chicago",
    "美国中部时间": "America/Chicago",
    "mt": "America/Denver", "mountain": "America/Denver", "mountain time": "America/Denver",
    "美国山地时间": "America/Denver",
    "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles", "美国太平洋时间": "America/Los_Angeles",
    "美西时间": "America/Los_Angeles",
}  # fmt: skip
#: Zone names that alone (with no clock time or date beside them) are more often words.
WORD_ZONES = frozenset({"cst", "pt", "et", "ct", "mt", "eastern", "central", "mountain", "pacific"})
_OFFSET = r"(?:\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)"


def zone_offset(name: str, signed: str | None = None) -> int | None:
    """Return a stated zone's offset from UTC in minutes east, or None when it is not fixed.

    Args:
        name: the zone as written: 北京时间, UTC, PST, in any case.
        signed: an offset written after it: ``+8``, ``- 05:30``, ``+0800``, or
            with a minus sign (U+2212) as typeset text has it.

    Returns:
        Minutes east of UTC; None for an unknown zone, one that changes with
        daylight saving (ET: see :func:`zone_key`), or one the name leaves open (CST is
        China, US Central or Cuba).

    Examples:
        >>> zone_offset("北京时间"), zone_offset("UTC", "+8"), zone_offset("gmt", "−0530")
        (480, 480, -330)
        >>> zone_offset("CST") is None
        True
    """
    base = ZONES.get(" ".join(name.lower().replace("時間", "时间").split()))
    if not signed:
        return base
    hours, _, minutes = signed.strip(" +-−").replace(" ", "").partition(":")
    if len(hours) > 2:  # +0800: hours and minutes run together
        hours, minutes = hours[:-2], hours[-2:]
    sign = -1 if signed.strip()[0] in "-−" else 1
    return (base or 0) + sign * (int(hours) * 60 + int(minutes or 0))


def zone_key(name: str) -> str | None:
    """Return the IANA zone of a US zone name written without its season, else None.

    Examples:
        >>> zone_key("ET"), zone_key("Pacific Time"), zone_key("美东时间"), zone_key("EDT")
        ('America/New_York', 'America/Los_Angeles', 'America/New_York', None)
    """
    return SEASONAL_ZONES.get(" ".join(name.lower().replace("時間", "时间").split()))


MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
#: English month names and abbreviations (lower case), for building patterns.
MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_EN_NUM = "|".join(sorted(EN_NUMBERS, key=len, reverse=True))

#: Seconds per duration unit, zh and en (a month is 30 days: a 3-month membership).
UNITS: dict[str, int] = {
    "小时": 3600, "钟头": 3600, "分钟": 60, "秒钟": 1, "秒": 1, "天": 86400, "日": 86400,
    "周": 604800, "星期": 604800, "工作日": 86400, "个月": 2592000, "月": 2592000,
    "hour": 3600, "hr": 3600, "h": 3600, "minute": 60, "min": 60, "second": 1, "sec": 1,
    "day": 86400, "business day": 86400, "working day": 86400, "week": 604800, "month": 2592000,
}  # fmt: skip
_UNIT_ZH = "小时|钟头|分钟|秒钟|秒|天|周|星期|工作日|个月"

_LEAD = f"[\\d{CN_NUMERAL_CHARS}]"

#: A part of the day right before a clock time (上午, 今晚), read by :func:`lead_in`.
PERIOD_BEFORE = re.compile(rf"(?:{_PERIOD})\s?$")
#: A year right before a month (2026年3月29日), read by :func:`lead_in`.
YEAR_BEFORE = re.compile(r"(?<!\d)(?P<y>\d{4})\s?年\s?$")


def lead_in(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """Return the match of ``pattern`` (ending in ``$``) that ends right at ``start``.

    Examples:
        >>> lead_in(PERIOD_BEFORE, "预计晚上 十点", 5).group()
        '晚上 '
    """
    return pattern.search(text, max(0, start - 8), start)


ZH_CLOCK = re.compile(
    # An hour is never three Arabic digits: 拨打000时 is an emergency number, then "when".
    rf"(?P<h>(?!\d{{3}}){_LEAD}(?<![\d第几]{_LEAD}){_LEAD}{{0,2}})\s?(?:点|时(?!间|段|候|期))钟?"
    rf"(?:(?P<half>半)|(?P<q1>一刻)|(?P<q3>三刻)|整"
    # Minutes never start with 两: 十点两个小时后 is ten o'clock, then two hours.
    rf"|\s?(?P<m>\d{{1,2}}|[零〇一二三四五六七八九十][{CN_NUMERAL_CHARS}]{{0,2}})\s?分?(?!钟|\d))?"
)
#: 中午 / noon alone: a clock time only before 前, 之前, 以前 (中午前恢复).
ZH_NOON = re.compile(r"(?P<word>中午|正午|午夜)(?=\s?(?:前|之前|以前|左右))")
COLON_CLOCK = re.compile(
    # Not the minutes or seconds of a longer clock (12:13:05), nor part of a number (1.5,
    # +8), but after a label's colon it is a clock (时间：13:05, normalised to 时间:13:05).
    r"(?P<h>\d(?<![\d.,+\-−]\d)(?<!\d:\d)\d?)\s?:\s?(?P<m>[0-5]\d)"
    r"(?::[0-5]\d)?(?![\d:])(?:\s?(?P<ampm>a\.?m\b\.?|p\.?m\b\.?))?"
)
EN_CLOCK = re.compile(
    r"(?<![\d:.\w])(?P<h>1[0-2]|0?[1-9])\s?(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)"
    r"|(?<![a-z])(?P<word>noon|midnight)(?![a-z])"
)
ZH_DATE = re.compile(
    rf"(?P<mo>{_LEAD}(?<!\d{_LEAD}){_LEAD}{{0,2}})\s?月"
    rf"\s?(?P<d>\d{{1,2}}|[{CN_NUMERAL_CHARS}]{{1,3}})\s?[日号](?!\d(?!\d?\s?[:点时]))"
)
EN_DATE = re.compile(
    rf"(?<![a-z])(?P<mon>{MONTH_NAMES})\.?\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s(?P<y>\d{{4}}))?"
    rf"|(?<![\d\w])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<mon2>{MONTH_NAMES})(?![a-z])(?:,?\s(?P<y2>\d{{4}}))?"
    r"|(?<![\d\-/])(?P<iy>20\d\d)[\-/](?P<imo>\d{1,2})[\-/](?P<id>\d{1,2})(?![\d\-/])"
)
RELATIVE_DAY = re.compile(
    # A part of day followed by an hour belongs to the clock (明天|上午10点), not the day.
    rf"(?P<rel>{_REL_ZH})(?:(?P<period>{_PERIOD})(?!\s?[\d{CN_NUMERAL_CHARS}]))?"
    rf"|(?<![a-z])(?P<rel_en>{_REL_EN})(?![a-z])"
)
_ZONE_ZH = "|".join(
    sorted((k for k in (*ZONES, *SEASONAL_ZONES) if not k.isascii()), key=len, reverse=True)
)
#: The first characters of the Chinese names: a text without them skips the names at once.
_ZONE_ZH_FIRST = "".join(sorted({k[0] for k in (*ZONES, *SEASONAL_ZONES) if not k.isascii()}))
ZONE = re.compile(
    rf"(?P<open>\(\s?)?(?:(?P<zh>(?=[{_ZONE_ZH_FIRST}])(?:{_ZONE_ZH}))"
    r"|(?<![a-z])(?P<en>utc|gmt|cst|cdt|mdt|pst|pdt|pt|est|edt|et|cet|cest|bst|jst|kst|sgt"
    rf"|hkt|bjt)(?P<offset>{_OFFSET})?(?![a-z\d]))(?(open)\s?\))"
)
#: US zones spelt out: Eastern, Pacific Time, Central Standard Time. A pattern of their
#: own: their words are rare in a text, so it is mostly not run, and in ZONE their length
#: kept that pattern from its quick windows (..literals). Central European Time is no US
#: zone, nor are Australian Eastern Standard Time and Asia Pacific (NOT_US_BEFORE).
US_ZONE_NAMES = re.compile(
    r"(?P<open>\(\s?)?(?<![a-z])(?P<en>(?:eastern|central|mountain|pacific)"
    r"(?:\s(?:standard\s|daylight\s)?time)?)(?![a-z])"
    r"(?!\s(?:europe|africa|australia|asia|indonesia|brazil))(?(open)\s?\))"
)
#: A word before which Eastern, Central or Pacific is no US zone (see US_ZONE_NAMES).
NOT_US_BEFORE = re.compile(r"(?<![a-z])(?:australian|asia|middle|south|north)[\s\-]$")
#: CT and MT, read only right after a clock time (4:12 p.m. CT, 16:12 (MT)), where each
#: clock ends: "ct" is in every other English word (expect, affected, contact), and in
#: ZONE it kept that pattern from its quick windows (..literals).
US_ZONE_AFTER_CLOCK = re.compile(r"\s?(?P<open>\(\s?)?(?P<en>ct|mt)(?![a-z\d])(?(open)\s?\))")
ZH_DURATION = re.compile(
    rf"(?P<n>[\d{CN_NUMERAL_CHARS}半](?<![\d.×x*/][\d{CN_NUMERAL_CHARS}半])"
    rf"(?:(?<=\d)\d{{0,4}}(?:\.\d{{1,2}})?|(?<=[{CN_NUMERAL_CHARS}])[{CN_NUMERAL_CHARS}]{{0,2}}|))"
    r"\s?(?P<half1>个半)?\s?个?\s?(?P<half>半)?\s?"
    rf"(?P<unit>{_UNIT_ZH})(?:\s?(?P<n2>\d{{1,2}}|{_CN})\s?分钟?)?"
    r"(?P<suffix>\s?(?:以内|之内|内|以后|之后|后|以前|之前|前))?"
)
EN_DURATION = re.compile(
    rf"(?<![\w.×*/])(?P<n>\d{{1,5}}(?:\.\d{{1,2}})?|half\san?|{_EN_NUM}|a\sfew|few|several"
    r"|a\scouple\sof)(?:\s?-\s?|\s)?(?P<unit>hours?|hrs?|h|minutes?|mins?|seconds?|secs?"
    r"|business\sdays?|working\sdays?|days?|weeks?|months?)(?![a-z])"
    r"(?:(?:,|\sand)?\s(?P<n2>\d{1,2})\s?(?:minutes?|mins?)(?![a-z]))?"
    r"(?P<ahalf>\sand\sa\shalf)?"
    r"(?P<suffix>\s(?:ago|earlier|from\snow|later))?"
)
#: Availability, not a duration: 24 hours a day, 7 days a week, 全天24小时, 7×24.
ROUND_THE_CLOCK_AFTER = re.compile(r"\s?(?:a|per|/)\s?(?:day|week)\b|\s?/\s?7")
ROUND_THE_CLOCK_BEFORE = re.compile(r"(?:全天|每天|每日|全年|7\s?[×x*]\s?)\s?$")
#: 24 hours as opening hours: 客服热线（24小时）, 24小时客服, a 24-hour hotline.
ALL_DAY_AFTER = re.compile(
    r"\s?(?:\)|客服|热线|服务|在线|值守|人工|营业|开放|运营|不间断)"
    r"|\s(?:hotline|helpline|support|service|customer|phone|line|desk|help)\b"
)
#: "a day" is a duration only when it reads as one: in a day, a day later.
A_SPAN_AFTER = re.compile(r"\s(?:earlier|later|ago|before|after)\b")
A_SPAN_BEFORE = re.compile(r"\b(?:within|in|for|about|around|over|after|than|nearly|almost)\s$")
#: "a second" before a noun is the ordinal (a second region), not a second of time: a
#: duration is followed by punctuation, the end, or a word that continues it (a second later).
ORDINAL_SECOND_AFTER = re.compile(
    r"\s(?!(?:earlier|later|ago|before|after|or|and|to|of|for|or\s+so|at|in|on|delay|pause)\b)[a-z]",
    re.IGNORECASE,
)
