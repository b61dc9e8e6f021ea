"""Find the numbers a notice states, in Chinese or English, as comparable values.

A reader of a notice checks its counts (800万用户 / 8 million users), amounts
(10元, CNY 10, ¥10), durations (两小时 / 2 hours / 半小时), clock times
(晚上十点, 22:00 UTC+8), dates (3月29日 / Mar 29) and shares (30%). This module
turns each of them into a :class:`Mention` with a value that can be compared
with the facts or with the other language's text, whatever the wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Literal

MentionKind = Literal["count", "money", "duration", "clock", "date", "percent"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]


@dataclass(frozen=True, slots=True)
class Mention:
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
        ambiguous: the hour may also be 12 hours later (``10点`` without 上午/晚上).
        offset: the stated zone as minutes east of UTC, or None for the facts' zone.
        year, month, day: a date, or the date stated right before a clock time.
        day_shift: 今天/明天/昨天 stated with a clock time (0, 1, -1), else None.
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
    ambiguous: bool = False
    offset: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_shift: int | None = None

    @property
    def hours(self) -> frozenset[int]:
        """The hours a clock time may mean: two when 上午/下午 is left open (``10点``)."""
        if self.hour is None:
            return frozenset()
        return frozenset({self.hour, (self.hour + 12) % 24} if self.ambiguous else {self.hour})


# Full-width digits, colon and percent sign read as ASCII; the full-width comma stays punctuation.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９：％", "0123456789:%")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4}
_ZH_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_EN_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "sixty": 60, "ninety": 90,
}  # fmt: skip
_MAGNITUDES = {
    "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "百万": 10**6, "千万": 10**7,
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9,
}  # fmt: skip
_SECONDS = {
    "秒": 1, "秒钟": 1, "分钟": 60, "小时": 3600, "钟头": 3600, "天": 86400, "周": 604800,
    "星期": 604800, "月": 2592000,
    "second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "h": 3600,
    "day": 86400, "week": 604800, "month": 2592000,
}  # fmt: skip
_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY",
    "¥": "CNY|JPY", "￥": "CNY|JPY", "$": "USD", "us$": "USD", "usd": "USD", "美元": "USD",
    "dollars": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR", "欧元": "EUR", "euros": "EUR",
    "hk$": "HKD", "hkd": "HKD", "港元": "HKD", "港币": "HKD", "jpy": "JPY", "日元": "JPY",
    "£": "GBP", "gbp": "GBP", "英镑": "GBP", "sgd": "SGD", "s$": "SGD",
}  # fmt: skip
_MONTHS = {
    m[:3].lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
_ZONES = {
    "北京时间": 480,
    "utc": 0,
    "gmt": 0,
    "bjt": 480,
    "cst": None,
    "hkt": 480,
    "sgt": 480,
    "jst": 540,
    "kst": 540,
    "pst": -480,
    "pdt": -420,
    "est": -300,
    "edt": -240,
    "cet": 60,
    "cest": 120,
    "bst": 60,
}
_LATER_HALF = ("下午", "晚上", "傍晚", "今晚", "明晚", "昨晚", "夜间", "夜里", "晚间", "pm", "p.m.")
_EARLIER_HALF = ("上午", "凌晨", "早上", "早晨", "清晨", "今早", "明早", "am", "a.m.")

_N = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ZN = r"[零〇一二两兩三四五六七八九十百千万萬亿億]+"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WORD = r"|".join(sorted(_EN_WORDS, key=len, reverse=True))
_NUMBER = rf"(?:{_N}|{_ZN}|(?i:\b(?:{_WORD})\b))"
_CUR_BEFORE = r"(?i:us\$|hk\$|s\$|rmb|cny|usd|eur|hkd|jpy|gbp|sgd|[¥￥$€£]|人民币)"
_CUR_AFTER = (
    r"(?i:元|人民币|美元|欧元|港元|港币|日元|英镑"
    r"|rmb|cny|usd|eur|hkd|jpy|gbp|sgd|yuan\b|dollars?\b|euros\b)"
)
_MAG = r"(?:百万|千万|[万萬亿億]|\s?(?i:thousand|million|billion|mn|bn)\b|(?i:[km])\b)"
_PERIOD = (
    r"(?:下午|晚上|傍晚|今晚|明晚|昨晚|夜间|夜里|晚间|上午|凌晨|早上|早晨|清晨|今早|明早|中午)"
)
_ZONE = (
    r"(?:北京时间|(?i:(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?"
    r"|UTC|GMT|BJT|HKT|SGT|JST|KST|PST|PDT|EST|EDT|CET|CEST|BST)\b)"
)
_PEOPLE = (
    r"(?:[余多]?(?:名|位|个|户|家)?(?:用户|人|客户|商家|商户|骑手|司机|会员|乘客|账号|账户|玩家|卖家|门店)"
    r"|\s(?i:users?|customers?|people|persons|merchants?|riders?|drivers?|accounts?|members?"
    r"|sellers?|partners?|players?|shops?|stores?|restaurants?|subscribers?)\b)"
)

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
_LEAST_AFTER = re.compile(r"^\s*(?:以上|多)")
_MOST_AFTER = re.compile(r"^\s*(?:以内|之内|内)")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "date",
        re.compile(
            rf"(?:(?P<y>\d{{4}})年)?(?P<m>\d{{1,2}}|{_ZN})月(?P<d>\d{{1,2}}|{_ZN})[日号]"
            r"|(?<!\d)(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})(?!\d)"
            rf"|(?i:\b(?P<em>{_MONTH})\.?\s+"
            r"(?P<ed>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<ey>\d{4})\b)?)"
            rf"|(?i:\b(?P<ed2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<em2>{_MONTH})\b\.?"
            r"(?:,?\s+(?P<ey2>\d{4})\b)?)"
        ),
    ),
    (
        "clock",
        re.compile(
            rf"(?P<p>{_PERIOD})?\s*(?:(?<![\d:.,+\-−])(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
            r"(?:\s*(?P<ap>(?i:am|pm|a\.m\.|p\.m\.)))?"
            rf"|(?<![\d.])(?P<zh>\d{{1,2}}|[零〇一二两三四五六七八九十]{{1,3}})[点時时]钟?"
            rf"(?P<zm>半|一刻|三刻|(?:\d{{1,2}}|[零〇一二三四五六七八九十]{{1,3}})分?)?"
            r"|(?<![\d.:])(?P<eh>\d{1,2})(?::(?P<em_>[0-5]\d))?\s*(?P<eap>(?i:am|pm|a\.m\.|p\.m\.))"
            r"|(?P<noon>(?i:\bnoon\b|\bmidnight\b)))"
        ),
    ),
    (
        "money",
        re.compile(
            rf"(?P<cb>{_CUR_BEFORE})\s?(?P<n1>{_N})(?P<g1>{_MAG})?"
            rf"|(?<![\d.,])(?P<n2>{_N}|{_ZN})(?P<g2>{_MAG})?\s?(?P<ca>{_CUR_AFTER})"
        ),
    ),
    ("percent", re.compile(rf"(?P<n>{_N})\s?(?:%|(?i:\s?percent\b))|百分之(?P<z>{_ZN}|{_N})")),
    (
        "duration",
        re.compile(
            rf"(?<![×xX*/\d.])(?P<a>{_NUMBER})(?P<half1>个半)?\s?(?:个)?(?P<u>小时|钟头|分钟|秒钟?|天|周|星期|个月)"
            rf"(?:(?P<b>{_N}|{_ZN})分钟?)?"
            r"|(?P<half>半(?:个)?(?:小时|钟头|天)|(?i:half\s+an?\s+(?:hour|day)))"
            rf"|(?<![×xX*/\d.])(?P<ea>{_NUMBER})(?:\s?-\s?|\s)(?P<eu>(?i:hours?|hrs?|h|minutes?|mins?|"
            r"seconds?|secs?|days?|weeks?|months?))\b"
            r"(?:(?:,|\s+and)?\s+(?P<eb>\d+)\s?(?i:minutes?|mins?)\b)?(?P<ahalf>(?i:\s+and\s+a\s+half))?"
        ),
    ),
    (
        "count",
        re.compile(
            rf"(?<![\d.\-])(?P<n>{_N}|{_ZN}|(?i:\b(?:{_WORD})\b))(?P<g>{_MAG})?(?P<ppl>{_PEOPLE})?(?![\d\-])"
        ),
    ),
]


def find_mentions(text: str) -> list[Mention]:
    """Return every count, amount, duration, clock time, date and share stated in ``text``.

    Mentions do not overlap; earlier kinds in the list above win (``3月29日`` is a
    date, not a count; ``10元`` an amount). Phone numbers, versions, ``7×24小时``
    and bare small numbers are not mentions.

    Args:
        text: any notice text, Chinese, English or both.

    Returns:
        The mentions in text order.

    Examples:
        >>> [(m.kind, str(m.value)) for m in find_mentions("约800万用户受影响，补偿10元。")]
        [('count', '8000000'), ('money', '10')]
        >>> m = find_mentions("预计晚上十点半（北京时间）恢复")[0]
        >>> (m.kind, m.hour, m.minute, m.offset)
        ('clock', 22, 30, 480)
        >>> [int(m.value) for m in find_mentions("about two hours, then half an hour")]
        [7200, 1800]
    """
    plain = text.translate(_FULL_WIDTH)
    taken = [False] * len(plain)
    found: list[Mention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(plain):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            mention = _READERS[kind](plain, match)
            if mention is None:
                continue
            found.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = True
    found.sort(key=lambda m: m.start)
    found = [_with_date(plain, m, found) if m.kind == "clock" else m for m in found]
    return _share_zones(plain, found)


def parse_zh_number(text: str) -> Decimal | None:
    """Return the value of a Chinese numeral such as 八百万, 一亿两千万 or 十二, or None.

    Examples:
        >>> parse_zh_number("一亿两千万"), parse_zh_number("十二"), parse_zh_number("千万")
        (Decimal('120000000'), Decimal('12'), None)
    """
    if not any(ch in _ZH_DIGITS or ch == "十" for ch in text):
        return None  # 千万 / 万分 are idioms, not numbers
    total = section = number = 0
    for ch in text:
        if ch in _ZH_DIGITS:
            number = number * 10 + _ZH_DIGITS[ch] if number and ch in "零〇" else _ZH_DIGITS[ch]
        elif ch in _ZH_SMALL:
            section += (number or 1) * _ZH_SMALL[ch]
            number = 0
        elif ch in _ZH_BIG:
            section += number
            total = (
                (total + section) * _ZH_BIG[ch]
                if _ZH_BIG[ch] > 10**4
                else total + section * _ZH_BIG[ch]
            )
            section = number = 0
        else:
            return None
    return Decimal(total + section + number)


def _number(text: str) -> tuple[Decimal, Decimal] | None:
    """Return (value, unit of the last digit given) of one numeral, or None."""
    word = _EN_WORDS.get(text.lower())
    if word is not None:
        return Decimal(word), Decimal(1)
    if text[0].isdigit():
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
        return value, Decimal(1).scaleb(int(value.as_tuple().exponent))
    zh = parse_zh_number(text)
    return None if zh is None else (zh, Decimal(1))


def _magnitude(raw: str | None) -> int:
    return 1 if not raw else _MAGNITUDES.get(raw.strip().lower(), 1)


def _qualifier(text: str, start: int, end: int) -> Qualifier:
    before, after = text[max(0, start - 20) : start], text[end : end + 4]
    if _APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after):
        return "approx"
    if _LEAST_BEFORE.search(before) or _LEAST_AFTER.match(after):
        return "at_least"
    if _MOST_BEFORE.search(before) or _MOST_AFTER.match(after):
        return "at_most"
    return "exact"


def _read_count(text: str, match: re.Match[str]) -> Mention | None:
    parsed = _number(match["n"])
    if parsed is None:
        return None
    if match["n"].lower() in ("a", "an") or (
        not match["n"].isascii() and not match["g"] and not re.search("[万萬亿億]", match["n"])
    ):
        return None  # "a user", 每一位用户: not a figure anyone would check
    grouped = "," in match["n"]
    if not (match["g"] or match["ppl"] or grouped):
        return None  # a bare number says nothing we can check
    if match["n"].lower() in _EN_WORDS and not match["ppl"] and not match["g"]:
        return None
    mult = _magnitude(match["g"])
    start, end = match.start(), match.start("ppl") if match["ppl"] else match.end()
    return Mention(
        "count", start, end, parsed[0] * mult, parsed[1] * mult, _qualifier(text, start, end)
    )


def _read_money(text: str, match: re.Match[str]) -> Mention | None:
    raw, mag = (match["n1"], match["g1"]) if match["n1"] else (match["n2"], match["g2"])
    parsed = _number(raw)
    if parsed is None:
        return None
    cur = (match["cb"] or match["ca"]).lower()
    mult = _magnitude(mag)
    return Mention(
        "money",
        match.start(),
        match.end(),
        parsed[0] * mult,
        parsed[1] * mult,
        _qualifier(text, *match.span()),
        currency=_CURRENCIES.get(cur, cur.upper()),
    )


def _read_percent(text: str, match: re.Match[str]) -> Mention | None:
    parsed = _number(match["n"] or match["z"])
    if parsed is None:
        return None
    return Mention(
        "percent", match.start(), match.end(), parsed[0], parsed[1], _qualifier(text, *match.span())
    )


def _read_duration(text: str, match: re.Match[str]) -> Mention | None:
    if match["half"]:
        unit = 86400 if match["half"].endswith(("天", "day")) else 3600
        return Mention(
            "duration",
            match.start(),
            match.end(),
            Decimal(unit) / 2,
            Decimal(60),
            _qualifier(text, *match.span()),
        )
    raw = match["a"] or match["ea"]
    after, before = (
        text[match.end() : match.end() + 10],
        text[max(0, match.start() - 12) : match.start()],
    )
    if re.match(r"(?i)\s*(?:a|per|/)\s*(?:day|week)\b|\s*/\s*7", after) or re.search(
        r"(?:全天|每天|每日|全年|7×|7x)\s*$", before
    ):
        return None  # "24 hours a day", 全天24小时, "7 days a week": availability, not a duration
    if (
        raw.lower() in ("a", "an")
        and not re.match(r"(?i)\s+(?:earlier|later|ago|before|after)\b", after)
        and not re.search(
            r"(?i)\b(?:within|in|for|about|around|over|after|than|nearly|almost|just)\s+$", before
        )
    ):
        return None  # "twice a day", "once a month"
    unit_word = (match["u"] or match["eu"]).lower().removesuffix("s").removeprefix("个")
    parsed = _number(raw)
    if parsed is None:
        return None
    seconds = Decimal(_SECONDS[unit_word])
    value, precision = parsed[0] * seconds, parsed[1] * seconds
    extra = match["b"] or match["eb"]
    if extra:
        minutes = _number(extra)
        if minutes is None:
            return None
        value, precision = value + minutes[0] * 60, Decimal(60)
    if match["half1"] or match["ahalf"]:
        value, precision = value + seconds / 2, min(precision, seconds / 2)
    return Mention(
        "duration", match.start(), match.end(), value, precision, _qualifier(text, *match.span())
    )


def _read_clock(text: str, match: re.Match[str]) -> Mention | None:
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
        number = _number(match["zh"])
        if number is None:
            return None
        hour = int(number[0])
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
            parsed = _number(tail.removesuffix("分"))
            minute = -1 if parsed is None else int(parsed[0])
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
    signed = re.search(r"([+\-−])\s?(\d{1,2})(?::?(\d{2}))?", zone)
    if signed:
        minutes = int(signed[2]) * 60 + int(signed[3] or 0)
        return -minutes if signed[1] in "-−" else minutes
    return _ZONES.get(zone.lower())


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


def _read_date(text: str, match: re.Match[str]) -> Mention | None:
    groups = (("y", "m", "d"), ("iy", "im", "id"), ("ey", "em", "ed"), ("ey2", "em2", "ed2"))
    for y, m, d in groups:
        if match[m] is None:
            continue
        month = _MONTHS.get(match[m][:3].lower()) or _int(match[m])
        day = _int(match[d])
        year = int(match[y]) if match[y] else None
        if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return Mention("date", match.start(), match.end(), year=year, month=month, day=day)
    return None


def _int(raw: str) -> int | None:
    parsed = _number(raw)
    return None if parsed is None else int(parsed[0])


def _with_date(text: str, clock: Mention, mentions: list[Mention]) -> Mention:
    """Attach a date stated right before a clock time (3月29日 22:00, Mar 29, 22:00)."""
    for other in mentions:
        if other.kind != "date" or other.end > clock.start:
            continue
        gap = text[other.end : clock.start]
        if re.fullmatch(rf"\s*(?:,|at|\(?{_ZONE}\)?|{_PERIOD}|（[^）]*）)?\s*", gap, re.IGNORECASE):
            return replace(clock, year=other.year, month=other.month, day=other.day)
    return clock


def _share_zones(text: str, mentions: list[Mention]) -> list[Mention]:
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
            and not re.search(
                r"[。；;！？!?\n]|\.(?=\s|$)",
                text[min(o.end, m.end) : max(o.start, m.start)],
            )
        ]
        if zoned:
            nearest = min(zoned, key=lambda o: min(abs(o.start - m.end), abs(m.start - o.end)))
            out[i] = replace(m, offset=nearest.offset)
    return out


def iter_kind(mentions: list[Mention], kind: MentionKind) -> Iterator[Mention]:
    """Yield the mentions of one kind."""
    return (m for m in mentions if m.kind == kind)


_READERS = {
    "count": _read_count,
    "money": _read_money,
    "percent": _read_percent,
    "duration": _read_duration,
    "clock": _read_clock,
    "date": _read_date,
}
