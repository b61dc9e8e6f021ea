"""What makes a vague-looking phrase acceptable: a concrete time, a number, a fact."""

from __future__ import annotations

import re
from functools import cache

from ..text.times import TimeExpr, find_times


# The patterns below are kept as their source and compiled when first used: compiled at
# import they were ~5 ms of the command line's start, and a draft often needs none or
# only a few of them (a text with a digit is acknowledged without reading further).
@cache
def _compiled(source: str) -> re.Pattern[str]:
    """Return ``source`` compiled, once per process."""
    return re.compile(source)


# A count with a unit a reader can picture: 800万, 12%, 3个城市, 2,000 users.
_QUANTITY = (
    r"\d[\d,.]{0,12}\s?(?:万|萬|亿|億|千|百|%|名|位|家|笔|筆|单|單|人|户|戶|座|个(?!小时|小時|工作日|月)"
    r"|個(?!小時|工作日|月)|million|thousand|billion|percent|k\b|users?\b|customers?\b"
    r"|merchants?\b|accounts?\b|orders?\b|regions?\b|cities\b|stores?\b)"
    r"|[一二两兩三四五六七八九十百千]{1,4}(?:万|萬|亿|億)"
)


def has_quantity(text: str) -> bool:
    """Return True when ``text`` states a count or share, such as 约800万 or 12% of users.

    Examples:
        >>> has_quantity("约800万用户无法下单"), has_quantity("3月29日部分用户")
        (True, False)
    """
    return _compiled(_QUANTITY).search(text) is not None


# Python's ``re`` skips ahead to candidates in C only when every top-level branch of a
# pattern starts with one literal character (or the pattern with one class); otherwise
# it tries every branch at every position. The patterns below are written so: a leading
# ``(?:a|b)X`` is spelled out as ``aX|bX`` (:func:`_each`), and a leading ``\b`` moves
# behind the first letter as a look-behind (``e(?<!\we)very`` is ``\bevery``).


def _each(leads: str, rest: str) -> str:
    """Return ``(?:lead1|lead2...)rest`` as branches that each start with a literal.

    Examples:
        >>> _each("预计 将于", "X")
        '预计X|将于X'
    """
    return "|".join(lead + rest for lead in leads.split())


def _word(word: str) -> str:
    r"""Return ``\bword`` for a word that starts with a letter, led by that letter.

    Examples:
        >>> _word("every")
        'e(?<!\\we)very'
    """
    return f"{word[0]}(?<!\\w{word[0]}){word[1:]}"


# A cadence of updates is a forward-looking time: 每小时更新, every 30 minutes, hourly.
_CADENCE = (
    r"每(?:隔)?\s?(?:\d{1,3}|[一二两三四五六十半]{1,3})?\s?(?:个)?\s?(?:小时|分钟|钟头|天|日)|"
    + _word("every")
    + r"\s(?:\d{1,3}\s|few\s|two\s|three\s|thirty\s|fifteen\s|ten\s)?"
    r"(?:minutes?|hours?|mins?|hrs?|day)\b|"
    + _word("hourly")
    + r"\b|"
    + _word("half-hourly")
    + r"\b|"
    # Words that only point ahead, or a period with a deadline: 本周内, 明天, by Friday, tonight.
    + _each(
        "本周 本月 今天 今日 今晚 本周末 月底 年底 周[一二三四五六日] 星期[一二三四五六日天]",
        r"\s?(?:内|前|之前|以内)",
    )
    + "|明天|明日|后天|下周|下个月|"
    + "|".join(_word(w) + r"\b" for w in ("tomorrow", "later today"))
    + "|"
    # Tonight and this week also name when the trouble is (being a pain tonight, went down
    # this week): ahead only after by, before, until, later or end of, or with a will, an
    # expect or a plan before them in the sentence (we'll have it fixed tonight).
    + r"\b(?:by|before|until|later|end\sof)\s(?:tonight|this\sweek)\b|"
    + r"(?:\bwill|'ll|\bshould|\bexpect(?:s|ed)?|\bplan(?:s|ned)?\sto|\baim(?:s|ing)?\sto"
    + r"|\bgoing\sto)\b[^.!?;\n]{0,48}?\b(?:tonight|this\sweek)\b|"
    # Within the hour, within the next hour: a deadline an hour away at most.
    + _word("within")
    + r"\s(?:the\s(?:next\s|coming\s)?)?hour\b|"
    + _word("by")
    + r"\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|end of (?:day|the day|week))\b"
)
# A time the writer says something will happen at: 今天晚上10点会发, 14:00 will.
_WILL_BEFORE = r"\b(?:will|'ll|expect|expects|expected|plan to|planned)\b|将|会|预计|计划"
_SENTENCE_BREAK = r"[。!?;\n]|\.\s"
# A time that says which things are meant (…后发起的转账, …前下单的用户), not when one will be done.
_QUALIFIER = r"[^。!?;,\n的]{1,6}的(?!话)"
_WILL_AFTER = r"\s?(?:会|将|就会|能|可以|左右会|\bwill\b)"


# Without one of these, a text holds no time at all: no need to read it for times.
# (Besides a digit, searched on its own: see _may_hold_time.)
_MAY_HOLD_TIME = (
    _each("一 二 两 三 四 五 六 七 八 九 十 半", r"[个]?(?:点|小时|分钟|钟头|天|日|周|月|个)")
    + "|明|后天|下周|下个|今|本周|本月|月底|年底|周[一二三四五六日]|星期|每|万|亿|千|百"
    r"|noon|midnight|tomorrow|tonight|today|week|hour|minute"
    r"|every|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of"
)


# The commonest forward-looking times, decided without reading every time in the text:
# 预计…22:00 / 30分钟后 / 2小时内 / 22:00前 / by 15:30 / within 2 hours / next update at 15:30.
_CLOCK = r"(?:[01]?\d|2[0-4]):[0-5]\d"
_SPAN_ZH = r"\d{1,3}\s?(?:个)?\s?(?:小时|分钟|钟头|天|个工作日|工作日)"
_IN_EN = rf"\s(?:about\s)?(?:{_CLOCK}|\d{{1,3}}\s(?:hours?|minutes?|mins?|days?|business days?)\b)"
# Two searches: the branches led by a word, then those led by a digit, with the clock
# and the span led by their first digit (``\d(?:(?<=[01])\d|(?<=2)[0-4])?`` is the
# clock's ``[01]?\d|2[0-4]``, ``\d\d{0,2}`` the span's ``\d{1,3}``).
_SURELY_AHEAD = (
    (
        _each(
            "预计 将于 将在 争取 最晚 最迟 不晚于",
            rf"[^。!?;\n已起]{{0,12}}?(?:{_CLOCK}|{_SPAN_ZH}|\d{{1,2}}\s?点)",
        )
        + "|"
        + _each(
            "下一次 下次",
            rf"(?:更新|进展|通报)\s?:?\s?(?:时间\s?:?\s?)?(?:{_CLOCK}|\d{{1,2}}\s?点)",
        )
        + "|"
        + _word("next update")
        + rf"\s?:\s?{_CLOCK}|"
        + "|".join(_word(w) + _IN_EN for w in ("by", "before", "until", "within"))
        + "|"
        + _word("next update")
        + rf" (?:at|by|in){_IN_EN}"
    ),
    (
        r"\d\d{0,2}\s?(?:个)?\s?(?:小时|分钟|钟头|天|个工作日|工作日)\s?(?:内|以内|之内|后|之后|以后)"
        r"|\d(?:(?<=[01])\d|(?<=2)[0-4])?:[0-5]\d\s?(?:前|之前|以前)"
    ),
)


# A time a plan had before it was given up (原定今日14:00结束的维护需要延长, was originally due
# back at 14:00) says when something will no longer happen: the words just before the time.
_SUPERSEDED = (
    r"(?:原定|原计划|原先|原本|原预计|本应|本来|\boriginally|\b(?:was|were|had been)\s"
    r"(?:due|scheduled|planned|expected|meant|supposed))[^。!?;\n.]{0,16}$|原$"
)


def _superseded(text: str, start: int) -> bool:
    """Return True when the time at ``start`` is an earlier plan's (原定, originally due)."""
    return _compiled(_SUPERSEDED).search(text[max(0, start - 24) : start]) is not None


# A past verb, then no future word, before "by 14:30" in its sentence: a deadline met.
_PAST_BY = r"\b(?:was|were|had|got|came|went)\b(?![^.!?;\n]*(?:\b(?:will|should|expect\w*)\b|'ll))"


def _met_before(text: str, start: int) -> bool:
    """Return True when the deadline at ``start`` was met in the past (was back by 14:30)."""
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(". "), *(before.rfind(c) for c in "!?;\n"))
    return _compiled(_PAST_BY).search(before, cut + 1) is not None


# Service expected back, gradually, from a clock time on: "expect it to come back from 7pm".
# Read from the time backwards: a text's "from 7pm" is rare, its "will" is not, and a search
# led by "will" ran to the end of every sentence of a long window for each.
_FROM_TIME = (
    r"\bfrom\s(?:about\s|around\s)?"
    r"(?:\d{1,2}(?::[0-5]\d)?\s?(?:am|pm)\b|(?:[01]?\d|2[0-4]):[0-5]\d)"
)
_AHEAD_BEFORE = (
    r"(?:\bwill|'ll|\bexpect(?:s|ed)?)\b[^.!?;\n]{0,60}?\b(?:back|return|returning|resume|resuming"
    r"|restored|recover|recovering|reopen|reopening|online|available)\b[^.!?;\n]{0,24}?$"
)


def _from_ahead(text: str) -> bool:
    """Return True when service is expected back from a clock time on (back from 7pm)."""
    if "from" not in text:
        return False
    return any(
        _compiled(_AHEAD_BEFORE).search(text, max(0, m.start() - 100), m.start()) is not None
        for m in _compiled(_FROM_TIME).finditer(text)
    )


# A length that is what is given, not when: 7天黑胶VIP, 30天会员, 7 days of Premium (trial G: a
# compensation notice's "我们将为用户提供7天黑胶VIP" was read as a claim deadline).
_TIER_ZH = r"(?:免费|额外|超级|豪华|高级|黄金|白金|钻石|黑胶|绿钻|年度|月度)?"
_GRANTED = (
    rf"\s?(?:的)?\s?[a-z0-9 .+]{{0,24}}?{_TIER_ZH}"
    r"(?:会员|特权|权益|体验卡|试用|畅听|畅玩|包月|月卡|周卡|游戏时间|通行证)"
    rf"|(?:的)?{_TIER_ZH}s?vip"
    r"|'?\s(?:(?:of|free|extra|complimentary|bonus)\s(?:[a-z]+\s){0,3}?)?"
    r"(?:premium|vip|membership|subscription|game\spass|nitro|game\stime|playtime)\b"
    r"|'?\s(?:of|free|extra|complimentary|bonus)\s(?:[a-z]+\s){0,3}?plus\b"
)


_SPAN_LEAD = r"\b(?:within|in|after|for|over)\s$"


def _granted(text: str, start: int, end: int) -> bool:
    """Return True when the length at ``text[start:end]`` is a thing given (7天黑胶VIP).

    Not a span led by within or in (within 7 days of Premium launching).
    """
    if _compiled(_GRANTED).match(text, end) is None:
        return False
    return _compiled(_SPAN_LEAD).search(text, max(0, start - 8), start) is None


# A span with a spelled-out count: within two working days, in three days.
_SPELLED_SPAN = _word("day") + r"s?\b|" + _word("month") + r"s?\b"


def has_concrete_time(text: str) -> bool:
    """Return True when ``text`` commits to a time: an ETA, a deadline or a next update.

    Examples:
        >>> has_concrete_time("正在修复，预计下午三点前恢复")
        True
        >>> has_concrete_time("正在修复，请耐心等待")
        False
    """
    if not _may_hold_time(text) and _compiled(_SPELLED_SPAN).search(text) is None:
        return False
    # The cheap tests first: a time that surely points ahead settles most texts, and the
    # cadence pattern (a long alternation with no literal to skip to) is then never run.
    for source in _SURELY_AHEAD:
        found = _compiled(source).finditer(text)
        if any(
            not _superseded(text, m.start())
            and not _met_before(text, m.start())
            and not _granted(text, m.start(), m.end())
            for m in found
        ):
            return True
    if _compiled(_CADENCE).search(text) is not None or _from_ahead(text):
        return True
    for t in find_times(text):
        if _compiled(_QUALIFIER).match(text, t.end):
            continue  # which ones, not when: 今日15:00后发起的转账, 22:00前下单的用户
        if t.kind == "duration" and _granted(text, t.start, t.end):
            continue  # a length given, not a time: 7天黑胶VIP, 7 days of Premium
        if _superseded(text, t.start):
            continue  # a plan given up: 原定今晚18:00开服, originally due back at 14:00
        if t.bounded and not t.day_offset and _met_before(text, t.start):
            continue  # a deadline met: traffic was flowing again by 14:30
        if t.concrete or (t.day_offset is not None and t.day_offset > 0 and not t.is_past):
            return True
        if t.kind != "duration" and not t.is_past and _compiled(_WILL_AFTER).match(text, t.end):
            return True
        if t.kind != "zone" and t.kind != "duration" and not t.is_past:
            before = text[max(0, t.start - 60) : t.start]
            cue = _compiled(_WILL_BEFORE).search(before)
            if cue and not _compiled(_SENTENCE_BREAK).search(before, cue.end()):
                return True
    return False


def has_acknowledgment(text: str) -> bool:
    """Return True when ``text`` names something concrete: a time, a date or a count."""
    if _compiled(_DIGIT).search(text) is not None:
        return True  # a time, a date or a count: all are written with digits here
    if not _may_hold_time(text):
        return False
    return has_quantity(text) or any(_dated(t) for t in find_times(text))


def _dated(t: TimeExpr) -> bool:
    # A day named only relative to today, or a part of it (today, 今天, this afternoon,
    # yesterday), dates nothing for a reader who comes later: only a clock time, a date or
    # a length acknowledges when.
    return t.kind != "zone" and not (t.kind == "relative_day" and t.hour is None)


_DIGIT = r"\d"


def _may_hold_time(text: str) -> bool:
    if _compiled(_DIGIT).search(text) is not None:
        return True
    return _compiled(_MAY_HOLD_TIME).search(text) is not None


SATISFIER_FUNCTIONS = {
    "concrete-time": has_concrete_time,
    "quantity": has_quantity,
    "acknowledgment": has_acknowledgment,
}
