"""Find time expressions in Chinese and English text: clock times, dates, zones, durations.

One reader for the linter and the fact checker. The linter asks whether a time
commits the writer (an ETA, a bounded duration, the next update: ``concrete``);
the fact checker asks which hour, which day, how long. :func:`find_times`
answers both: each :class:`TimeExpr` is one expression as a reader sees it
(``北京时间3月29日 22:30前`` is one), with its direction, and keeps its
``parts`` (the date, the clock time, the zone) with their own spans.

How the readings the two old readers disagreed on are settled:

- ``十点两个小时后`` is a duration of two hours from now. Minutes never start
  with 两 (a count word: 两个, 两小时), and a written-out hour with no part of
  the day, no minutes and nothing after it such as 前/后/起 is not a clock time
  (``以下三点``, ``快一点``), so 十点 here is not read at all.
- ``上午12点`` is noon (上午 runs up to noon); ``凌晨12点``, ``晚上12点`` and
  ``12 a.m.`` are midnight; ``下午12点`` and ``12 p.m.`` are noon.
- ``晚上``, ``今晚`` and the other evening words with 1 to 4 o'clock are the small
  hours: ``晚上一点`` is 01:00, and ``今晚一点`` 01:00 the next day; with 5 to 11
  o'clock they are the evening (``晚上8点`` 20:00).
- ``两三点`` (two adjacent numerals) is an estimate, "two or three o'clock":
  hour 2 with 3 as another reading, never 23:00 or 3:00.
- ``中午`` with an hour: ``中午12点`` 12:00, ``中午1点`` 13:00, ``中午11点`` 11:00;
  alone it is 12:00 only before 前/之前/以前/左右 (``中午前恢复``), elsewhere a
  part of the day. English ``noon`` is always 12:00.
- An hour written with 点 and no part of the day (``10点``) may be 10:00 or
  22:00: ``other_hours`` holds the second reading; ``22:00`` and ``10 pm`` have none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, NamedTuple

from .literals import Gated, Search, fold_for_gates
from .normalize import Normalized, normalize
from .numerals import CN_NUMERAL_CHARS, EN_NUMBERS, parse_number, zh_range

TimeKind = Literal["clock", "date", "datetime", "duration", "relative_day", "zone"]
PartKind = Literal["clock", "date", "duration", "relative_day", "zone"]


class TimeExpr(NamedTuple):
    """One time expression: where it is, what it says, and which way it points.

    ``start``/``end``/``text`` are in the original text; ``norm_start``/``norm_end``
    in the normalised one. ``hour``/``minute`` are on a 24-hour clock and
    ``other_hours`` the other hours the text may mean (``10点``: 22). ``seconds``
    is a duration's length and ``precision`` the seconds of its last digit
    (``1.5 hours``: 360). ``day_offset`` counts days from the day of writing
    (明天 = 1). ``is_future``/``is_past`` come from the words around (预计, 将于,
    by; 已于, since, 起); ``bounded`` marks a deadline (前, 内, by, within);
    ``next_update`` the time of a promised next update. ``parts`` are the
    single parts merged into this expression (itself when it has one).
    ``zone_key`` is the IANA zone of a US zone named without its season (``ET``,
    ``Pacific``, ``美东时间``: ``America/New_York``...), whose offset depends on the
    date: ``utc_offset_minutes`` holds it only when the text gives the full date
    (``Apr 16, 2025, 4:12 PM ET``); otherwise whoever knows the date asks the zone.

    A named tuple rather than a dataclass: a long text holds hundreds of
    thousands of them, and a tuple is built several times faster.
    """

    start: int
    end: int
    text: str
    kind: TimeKind
    norm_start: int = 0
    norm_end: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    other_hours: tuple[int, ...] = ()
    day_offset: int | None = None
    seconds: int | None = None
    precision: int = 0
    zone: str | None = None
    utc_offset_minutes: int | None = None
    is_future: bool = False
    is_past: bool = False
    bounded: bool = False
    next_update: bool = False
    parts: tuple[TimeExpr, ...] = ()
    zone_key: str | None = None

    @property
    def concrete(self) -> bool:
        """Return True when the time commits the writer: future or bounded, never past."""
        if (
            self.kind == "zone"
            or self.is_past
            or (self.kind == "duration" and self.seconds is None)
        ):
            return False  # "in the next few days" has a direction but no length.
        return self.is_future or self.bounded

    @property
    def hours(self) -> frozenset[int]:
        """Every hour the text may mean (two for ``10点``), empty for no clock time."""
        if self.hour is None:
            return frozenset()
        return frozenset({self.hour % 24, *self.other_hours})


Lang = Literal["zh", "zh-Hant", "en", "auto", "mixed"]
_CLAUSE_END = re.compile(r"[。!?;,、\n]")
_SENTENCE_END = re.compile(r"[。!?;\n]")
_BEFORE_CUES = re.compile(
    r"(?P<bounded>最晚|最迟|不晚于|每|\b(?:by|before|until|till|within|no later than|every)\b)"
    r"|(?P<past>已于|已在|已经|自|从|截至|截止|昨|\b(?:since|from|began|begun|started"
    r"|was|were|had|ago|earlier|as of|between|occurred|happened|resolved|fixed|recovered"
    r"|restored)\b)"
    r"|(?P<future>预计|预期|将|计划|争取|力争|有望|下一次|下次|届时"
    r"|\b(?:expect(?:ed|s)?|estimated?|eta|will|next|plan(?:ned)?|target(?:ing)?|aim(?:ing)?"
    r"|should|anticipated?)\b)"
)
_FUTURE_VERB = re.compile(r"\b(?:expect(?:ed|s)?|estimated?|will|should|anticipated?)\b")
_DURATION_LEAD = re.compile(r"\b(?:in|in the next|in about|in around|approximately|about)\s?$")
_AFTER_ZH = re.compile(
    r"\s?(?:(?P<bounded>以前|之前|前|以内|之内|内)|(?P<future>以后|之后|后)"
    r"|(?P<past>起|开始|以来|至今))"
)
_NEXT_UPDATE = re.compile(r"更新|进展|通报|公告|说明|\b(?:update[sd]?|post|report)\b")
_MERGE_GAP = re.compile(r"\s{0,2}(?:,\s?|的|at\s|on\s|\([^()\n]{1,8}\)\s?)?\s{0,2}")
_MERGEABLE = {"zone", "date", "relative_day", "clock"}
# 至/到 make 一点 a time only as the start of a range (一点到三点); 晚一点到账 is "a little later".
_CLOCK_CONTEXT = re.compile(
    r"\s?(?:钟|前|后|以|之|左|整|起|,|-|~|[至到](?=\s?(?:\d|[零〇一二两三四五六七八九十]|上午|下午|中午|晚上|凌晨|傍晚)))"
)
_BOUNDED_SUFFIX = ("以内", "之内", "内")
_FUTURE_SUFFIX = ("以后", "之后", "后", "from now", "later")
_PAST_SUFFIX = ("以前", "之前", "前", "ago", "earlier")


@dataclass(slots=True)
class _Part:
    start: int
    end: int
    kind: PartKind
    values: dict[str, int | str | None]


def find_times(text: str | Normalized, lang: Lang | str = "auto") -> list[TimeExpr]:
    """Return the time expressions in ``text``, sorted by position.

    Args:
        text: any text, or one already normalised (:func:`~crisiscomms.text.normalize`).
        lang: ``zh``, ``zh-Hant``, ``en``, or ``auto``/``mixed`` (both families of patterns).

    Returns:
        One :class:`TimeExpr` per expression; adjacent parts such as
        ``北京时间3月29日 22:30前`` are one expression, their ``parts`` kept.

    Examples:
        >>> [(t.kind, t.hour, t.minute, t.bounded) for t in find_times("预计今晚22:00前恢复")]
        [('datetime', 22, 0, True)]
        >>> t, = find_times("預計晚上十點恢復")
        >>> (t.text, t.hour, t.is_future)
        ('晚上十點', 22, True)
        >>> t, = find_times("我们将于半小时后发布下一次进展")
        >>> (t.kind, t.seconds, t.is_future, t.next_update)
        ('duration', 1800, True, True)
        >>> find_times("7×24小时客服热线 400-123-4567，v2.3.1，99.9%")
        []
        >>> t, = find_times("Next update by Mar 29, 22:30 UTC+8.")
        >>> (t.month, t.day, t.hour, t.zone, t.utc_offset_minutes, t.next_update)
        (3, 29, 22, 'UTC+8', 480, True)
    """
    n = text if isinstance(text, Normalized) else normalize(text)
    s = n.text
    parts = _join_durations(_resolve_overlaps(_find_parts(s, lang)), s)
    exprs: list[TimeExpr] = []
    for group in _merge(parts, s):
        expr = _build(group, n)
        if expr is not None:
            exprs.append(_classify(expr, n))
    return exprs


def _find_parts(s: str, lang: str) -> list[_Part]:
    from . import timepatterns as P  # compiled on first use: most texts hold no time

    want_zh, want_en = lang != "en", lang not in ("zh", "zh-Hant")
    parts: list[_Part] = []
    folded = fold_for_gates(s)  # a pattern none of whose words is in s is not run
    g = _gated()
    for m in g.colon_clock.finditer(s, folded):
        parts.append(_clock_part(m, _period_before(s, m.start()), m.group("ampm")))
    for m in g.zone.finditer(s, folded):
        parts.append(_zone_part(m))
    for m in g.us_zone_names.finditer(s, folded):
        if P.NOT_US_BEFORE.search(s, max(0, m.start("en") - 12), m.start("en")):
            continue  # Australian Eastern Standard Time, Asia Pacific: no US zone
        parts.append(_zone_part(m))
    for m in g.en_date.finditer(s, folded):
        if m.group("iy") or want_en:
            parts.append(_en_date_part(m))
    if want_zh:
        for m in g.zh_clock.finditer(s, folded):
            part = _zh_clock_part(m, s)
            if part is not None:
                parts.append(part)
        for m in g.zh_noon.finditer(s, folded):
            hour = 0 if m.group("word") == "午夜" else 12
            parts.append(_Part(m.start(), m.end(), "clock", {"hour": hour, "minute": 0}))
        for m in g.zh_date.finditer(s, folded):
            year = P.lead_in(P.YEAR_BEFORE, s, m.start())
            start, y = (year.start(), year.group("y")) if year else (m.start(), None)
            parts.append(_date_part(start, m.end(), y, m.group("mo"), m.group("d")))
        for m in g.zh_duration.finditer(s, folded):
            duration = _duration_part(m, s)
            if duration is not None:
                parts.append(duration)
    if want_en:
        for m in g.en_clock.finditer(s, folded):
            if m.group("word"):
                hour = 12 if m.group("word") == "noon" else 0
                parts.append(_Part(m.start(), m.end(), "clock", {"hour": hour, "minute": 0}))
            else:
                parts.append(_clock_part(m, None, m.group("ampm")))
        for m in g.en_duration.finditer(s, folded):
            duration = _duration_part(m, s)
            if duration is not None:
                parts.append(duration)
    for m in g.relative_day.finditer(s, folded):
        rel = m.group("rel") or " ".join(m.group("rel_en").split())
        if (rel.isascii() and want_en) or (not rel.isascii() and want_zh):
            offset, period = P.RELATIVE_DAYS[rel]
            if m.group("period"):
                period = P.PERIODS[m.group("period")]
            values: dict[str, int | str | None] = {"day_offset": offset, "period": period}
            parts.append(_Part(m.start(), m.end(), "relative_day", values))
    if "ct" in folded or "mt" in folded:
        parts += _us_zones_after_clocks(s, parts)
    return [p for p in parts if _valid(p)]


def _us_zones_after_clocks(s: str, parts: list[_Part]) -> list[_Part]:
    """The CT or MT right after each clock time (4:12 PM CT): looked for at each clock's end
    rather than in the whole text, where "ct" is in every other English word."""
    from . import timepatterns as P

    found = []
    for part in parts:
        if part.kind == "clock":
            m = P.US_ZONE_AFTER_CLOCK.match(s, part.end)
            if m is not None:
                found.append(_zone_part(m, m.start("open") if m.group("open") else m.start("en")))
    return found


class _Gates(NamedTuple):
    """Each pattern _find_parts runs, with the words it cannot match without (see
    ..literals): a Chinese text skips the English patterns and an English one the Chinese.
    Held by name: a compiled pattern hashes its whole program at each dict lookup (several
    microseconds for the longest), so _find_parts never looks one up."""

    colon_clock: Gated
    zone: Gated
    us_zone_names: Gated
    en_date: Gated
    zh_clock: Gated
    zh_noon: Gated
    zh_date: Gated
    zh_duration: Gated
    en_clock: Gated
    en_duration: Gated
    relative_day: Gated


@cache
def _gated() -> _Gates:
    """Return the gates, built (and the patterns compiled) on first use: a draft whose
    wording holds no vague time never reads one."""
    from . import timepatterns as P

    # What every match of a pattern led by a look-behind or a class that is everywhere in
    # text must contain, searched first (see ..literals.Search): an English time "10 pm"
    # or "noon"; a relative day; a month's name or an ISO date; a numeral before 点/时.
    also = {
        P.EN_CLOCK: Search(r"[\dnm](?:(?<=\d)\s?[ap]\.?m|(?<=n)oon|(?<=m)idnight)"),
        P.RELATIVE_DAY: Search(
            "|".join(sorted(P.RELATIVE_DAYS, key=len, reverse=True)).replace(" ", r"\s")
        ),
        P.EN_DATE: Search(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|20\d\d[\-/]"),
        P.ZH_CLOCK: Search(rf"[\d{CN_NUMERAL_CHARS}]\s?[点时]"),
    }
    patterns = (P.COLON_CLOCK, P.ZONE, P.US_ZONE_NAMES, P.EN_DATE,
                P.ZH_CLOCK, P.ZH_NOON, P.ZH_DATE, P.ZH_DURATION, P.EN_CLOCK, P.EN_DURATION,
                P.RELATIVE_DAY)  # fmt: skip
    return _Gates(*(Gated(p, also.get(p)) for p in patterns))


def _period_before(s: str, start: int) -> tuple[int, str] | None:
    """Return where a part of the day written right before ``start`` begins, and the word."""
    from . import timepatterns as P

    found = P.lead_in(P.PERIOD_BEFORE, s, start)
    return (found.start(), found.group().strip()) if found else None


def _clock_part(m: re.Match[str], period: tuple[int, str] | None, ampm: str | None) -> _Part:
    hour, minute = int(m.group("h")), int(_group(m, "m") or 0)
    values: dict[str, int | str | None] = {"hour": hour, "minute": minute}
    _add_period(values, period[1] if period else None)
    if ampm:
        values["period"] = "a.m." if ampm.startswith("a") else "p.m."
    return _Part(period[0] if period else m.start(), m.end(), "clock", values)


def _group(m: re.Match[str], name: str) -> str | None:
    """Return a named group of ``m``, None when the pattern has no such group or it is unmatched.

    (``m.groupdict().get(name)`` says the same, building a dict of every group each time.)
    """
    return m.group(name) if name in m.re.groupindex else None


def _add_period(values: dict[str, int | str | None], period: str | None) -> None:
    from . import timepatterns as P

    if period:
        values["period"] = P.PERIODS[period]
        if period in P.RELATIVE_DAYS:  # 今晚, 明早: a day as well as a part of it
            values["day_offset"] = P.RELATIVE_DAYS[period][0]


def _zh_clock_part(m: re.Match[str], s: str) -> _Part | None:
    written = m.group("h")
    hour = parse_number(written)
    other: int | None = None
    if hour is None:
        estimate = zh_range(written)
        if estimate is None:
            return None
        hour, other = estimate
    minute: int | None = 0
    if m.group("m"):
        minute = parse_number(m.group("m"))
    elif m.group("half"):
        minute = 30
    elif m.group("q1") or m.group("q3"):
        minute = 15 if m.group("q1") else 45
    if minute is None:
        return None
    spelled = not written.isdigit()
    bare = m.end() == m.end("h") + 1 or s[m.end() - 1] == "点"
    period = _period_before(s, m.start())
    if spelled and not period and bare and not _CLOCK_CONTEXT.match(s, m.end()):
        # 一点 / 两点 / 以下三点 without a part of day or minutes: "a little", "points".
        return None
    values: dict[str, int | str | None] = {"hour": hour, "minute": minute}
    _add_period(values, period[1] if period else None)
    if not period:
        values["ambiguous"] = 1
    if other is not None:
        values["other_hour"] = other
    return _Part(period[0] if period else m.start(), m.end(), "clock", values)


def _zone_part(m: re.Match[str], start: int | None = None) -> _Part:
    """A zone part from a match of ZONE, US_ZONE_NAMES or US_ZONE_AFTER_CLOCK (from ``start``)."""
    from . import timepatterns as P

    zh, signed = _group(m, "zh"), _group(m, "offset")
    name = zh or m.group("en")
    offset = P.zone_offset(name, signed)
    key = None if signed else P.zone_key(name)
    name_start = m.start("zh") if zh else m.start("en")
    name_end = m.end("offset") if signed else (m.end("zh") if zh else m.end("en"))
    values: dict[str, int | str | None] = {
        "utc_offset_minutes": offset,
        "zone_start": name_start,
        "zone_end": name_end,
        "zone_key": key,
    }
    return _Part(m.start() if start is None else start, m.end(), "zone", values)


def _date_part(start: int, end: int, y: str | None, mo: str, d: str) -> _Part:
    year = int(y) if y else None
    return _Part(start, end, "date", {"year": year, "month": parse_number(mo), "day": _day(d)})


def _day(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return parse_number(text)


def _en_date_part(m: re.Match[str]) -> _Part:
    from . import timepatterns as P

    if m.group("iy"):
        return _date_part(m.start(), m.end(), m.group("iy"), m.group("imo"), m.group("id"))
    mon = m.group("mon") or m.group("mon2")
    day = m.group("d") or m.group("d2")
    month = str(P.MONTHS[mon[:3]])
    return _date_part(m.start(), m.end(), m.group("y") or m.group("y2"), month, day)


def _duration_part(m: re.Match[str], s: str) -> _Part | None:
    from . import timepatterns as P

    raw, unit = " ".join(m.group("n").split()), " ".join(m.group("unit").split())
    before, after = s[max(0, m.start() - 12) : m.start()], s[m.end() : m.end() + 10]
    if P.ROUND_THE_CLOCK_AFTER.match(after) or P.ROUND_THE_CLOCK_BEFORE.search(before):
        return None  # 24 hours a day, 全天24小时: availability, not a duration
    if raw == "24" and unit in ("小时", "hour", "hours") and P.ALL_DAY_AFTER.match(after):
        return None  # 热线（24小时）, 24小时客服: opening hours, as "24 hours a day" is
    if raw in ("a", "an") and not (
        m.group("suffix") or P.A_SPAN_AFTER.match(after) or P.A_SPAN_BEFORE.search(before)
    ):
        return None  # twice a day, once a month
    if raw in ("a", "one") and unit == "second" and P.ORDINAL_SECOND_AFTER.match(after):
        return None  # a second region, one second power feed: the ordinal, not a second of time
    unit_seconds = P.UNITS.get(unit, P.UNITS.get(unit.rstrip("s"), 0))
    amount: float | None
    digits = 1.0
    if raw in ("半", "half a", "half an"):
        amount = 0.5
        digits = 0.5
    elif raw in ("a few", "few", "several", "a couple of"):
        amount = None
    elif raw in EN_NUMBERS:
        amount = EN_NUMBERS[raw]
    elif raw.replace(".", "", 1).isdigit():
        amount = float(raw)
        if "." in raw:
            digits = 10.0 ** -len(raw.partition(".")[2])
    else:
        amount = parse_number(raw)
        if amount is None:
            estimate = zh_range(raw)
            amount = None if estimate is None else estimate[0]
        if amount is None:
            return None
    if amount is not None and (_group(m, "half") or _group(m, "half1")):
        amount += 0.5
        digits = 0.5
    if amount is not None and _group(m, "ahalf"):
        amount += 0.5
        digits = 0.5
    seconds = None if amount is None else round(amount * unit_seconds)
    precision = round(digits * unit_seconds)
    extra = m.group("n2")
    if extra and seconds is not None:
        minutes = parse_number(extra)
        if minutes is None:
            return None
        seconds, precision = seconds + minutes * 60, 60
    suffix = (m.group("suffix") or "").strip()
    values: dict[str, int | str | None] = {
        "seconds": seconds,
        "precision": precision,
        "suffix": " ".join(suffix.split()),
    }
    return _Part(m.start(), m.end(), "duration", values)


def _valid(part: _Part) -> bool:
    v = part.values
    if part.kind == "clock":
        hour, minute = v.get("hour"), v.get("minute")
        return isinstance(hour, int) and 0 <= hour <= 24 and isinstance(minute, int) and minute < 60
    if part.kind == "date":
        month, day = v.get("month"), v.get("day")
        return (
            isinstance(month, int) and 1 <= month <= 12 and isinstance(day, int) and 1 <= day <= 31
        )
    return True


def _resolve_overlaps(parts: list[_Part]) -> list[_Part]:
    # Longest first at each start; a part inside an earlier, longer one is dropped.
    parts.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[_Part] = []
    for part in parts:
        if kept and part.start < kept[-1].end:
            continue
        kept.append(part)
    return kept


_DURATION_JOIN = re.compile(r"\s?(?:零|又|,\s?|and\s|,\sand\s)?\s?")


def _join_durations(parts: list[_Part], s: str) -> list[_Part]:
    """Join a duration written in several units (12天16小时22分钟, 3 days 1 hour) into one.

    Joined only when the units get smaller and the first part has no 前/后/ago of its own.
    """
    joined: list[_Part] = []
    for part in parts:
        last = joined[-1] if joined else None
        if last is not None and part.kind == "duration" and last.kind == "duration":
            first_s, then_s = _int(last.values.get("seconds")), _int(part.values.get("seconds"))
            first_p = _int(last.values.get("precision")) or 0
            then_p = _int(part.values.get("precision")) or 0
            if (
                first_s is not None
                and then_s is not None
                and not last.values.get("suffix")
                and first_p > then_p
                and then_s < first_p
                and _DURATION_JOIN.fullmatch(s, last.end, part.start)
            ):
                values = dict(part.values)
                values["seconds"] = first_s + then_s
                joined[-1] = _Part(last.start, part.end, "duration", values)
                continue
        joined.append(part)
    return joined


def _merge(parts: list[_Part], s: str) -> list[list[_Part]]:
    groups: list[list[_Part]] = []
    for part in parts:
        if groups:
            last = groups[-1][-1]
            kinds = {p.kind for p in groups[-1]}
            if (
                part.kind in _MERGEABLE
                and last.kind in _MERGEABLE
                and part.kind not in kinds
                and not (part.kind == "relative_day" and "date" in kinds)
                and _MERGE_GAP.fullmatch(s, last.end, part.start)
            ):
                groups[-1].append(part)
                continue
        groups.append([part])
    return groups


def _hour(values: dict[str, int | str | None]) -> tuple[int | None, tuple[int, ...]]:
    """Return the hour on a 24-hour clock and the other hours the text may mean."""
    hour = values.get("hour")
    if not isinstance(hour, int):
        return None, ()
    period = values.get("period") or ""
    other = values.get("other_hour")
    ambiguous = values.get("ambiguous") and not period
    if not ambiguous and not isinstance(other, int):
        return _apply_period(hour, str(period)), ()  # the commonest case: one reading
    readings = [hour] if not isinstance(other, int) else [hour, other]
    read = [_apply_period(h, str(period)) for h in readings]
    if ambiguous:
        read += [(h + 12) % 24 for h in read if 1 <= h <= 12]
    first = read[0]
    return first, tuple(sorted({h % 24 for h in read[1:]} - {first % 24}))


def _apply_period(hour: int, period: str) -> int:
    """Read an hour after a part of the day; see the module docstring for 12 and 中午."""
    if period == "a.m.":
        return 0 if hour == 12 else hour
    if period == "p.m.":
        return hour + 12 if hour < 12 else hour
    if period == "pm":
        return hour + 12 if hour < 12 else (0 if hour == 12 else hour)
    if period == "evening":  # 晚上12点 is midnight, 晚上一点 01:00: the small hours of the night
        return 0 if hour == 12 else (hour + 12 if 5 <= hour < 12 else hour)
    if period == "night":
        return 0 if hour == 12 else hour
    if period == "late":  # 深夜: 11点 is 23:00, 1点 is 01:00
        return 0 if hour == 12 else (hour + 12 if 6 <= hour < 12 else hour)
    if period == "noon":
        return hour + 12 if hour <= 5 else hour
    return hour


_AFTERNOON = {"下午", "傍晚"}
#: The fields after ``utc_offset_minutes`` of a part: not classified, no parts of its own.
_PART_TAIL = [False, False, False, False, ()]
_PART_TAIL_NO_ZONE = [*_PART_TAIL, None]  # and no zone_key
# Index of each field in a TimeExpr, for the field lists built below.
_IS_FUTURE, _IS_PAST, _BOUNDED, _IS_NEXT_UPDATE = 17, 18, 19, 20
_new_expr = tuple.__new__


def _build(group: list[_Part], n: Normalized) -> list[Any] | None:
    """Return the fields of a group's :class:`TimeExpr`, in field order, before classifying.

    A list in field order rather than keyword arguments: a long text builds
    hundreds of thousands of expressions, and this is the busiest code of the reader.
    """
    s = n.text
    if len(group) == 1:
        values = dict(group[0].values)
        if "period" in values and not values["period"]:
            del values["period"]  # a clock's own missing period keeps the relative day's
    else:
        values = {}
        for part in group:
            for key, value in part.values.items():
                if key == "period" and not value:
                    continue  # a clock's own missing period keeps the relative day's
                values[key] = value
        for part in group:  # the clock's own part of the day wins
            if part.kind == "clock" and part.values.get("period"):
                values["period"] = part.values["period"]
    clock: _Part | None = None
    zone_part: _Part | None = None
    kinds: set[str] = set()
    for part in group:
        kinds.add(part.kind)
        if clock is None and part.kind == "clock":
            clock = part
        elif zone_part is None and part.kind == "zone":
            zone_part = part
    if clock is not None and clock.values.get("period") == "pm":
        period_word = s[clock.start : clock.start + 2]
        if period_word in _AFTERNOON:
            values["period"] = "p.m."  # 下午12点 is noon; 晚上12点 midnight
    kind: TimeKind
    if "duration" in kinds:
        kind = "duration"
    elif "clock" in kinds:
        dated = kinds & {"date", "relative_day"} or values.get("day_offset") is not None
        kind = "datetime" if dated else "clock"
    elif "date" in kinds:
        kind = "date"
    elif "relative_day" in kinds:
        kind = "relative_day"
    else:
        kind = "zone"
        from .timepatterns import WORD_ZONES

        if s[group[0].start : group[0].end].strip("() ") in WORD_ZONES:
            return None  # Alone, these letters are more often words than zones.
    if clock is not None and values.get("period") and "ambiguous" in values:
        del values["ambiguous"]
    hour, other_hours = _hour(values)
    zone = None
    if zone_part is not None:
        z_start, z_end = _int(zone_part.values["zone_start"]), _int(zone_part.values["zone_end"])
        if z_start is not None and z_end is not None:
            zone = n.original.__getitem__(slice(*n.span(z_start, z_end)))
    suffix = values.get("suffix")
    fields = _fields(n, group[0].start, group[-1].end, kind, values, hour, other_hours, zone)
    fields += (
        suffix in _FUTURE_SUFFIX,
        suffix in _PAST_SUFFIX,
        suffix in _BOUNDED_SUFFIX,
        False,
        tuple([_part_expr(p, n, values) for p in group]),
        zkey if isinstance(zkey := values.get("zone_key"), str) else None,
    )
    return fields


def _fields(
    n: Normalized,
    start: int,
    end: int,
    kind: TimeKind,
    values: dict[str, int | str | None],
    hour: int | None,
    other_hours: tuple[int, ...],
    zone: str | None,
) -> list[Any]:
    """Return the first 17 fields of a :class:`TimeExpr` (up to ``utc_offset_minutes``)."""
    o_start, o_end = n.span(start, end)
    get = values.get
    year, month, day, minute = get("year"), get("month"), get("day"), get("minute")
    day_offset, seconds, precision = get("day_offset"), get("seconds"), get("precision")
    if isinstance(day_offset, int) and get("period") == "evening" and hour is not None and hour < 5:
        day_offset += 1  # 今晚一点, 今晚12点: the small hours after tonight, the next day
    offset = get("utc_offset_minutes")
    if offset is None and isinstance(year, int) and hour is not None and "zone_key" in values:
        key = get("zone_key")
        if isinstance(key, str):
            offset = _seasonal_offset(key, year, month, day, hour, minute)
    return [
        o_start,
        o_end,
        n.original[o_start:o_end],
        kind,
        start,
        end,
        year if isinstance(year, int) else None,
        month if isinstance(month, int) else None,
        day if isinstance(day, int) else None,
        hour,
        minute if isinstance(minute, int) else None,
        other_hours,
        day_offset if isinstance(day_offset, int) else None,
        seconds if isinstance(seconds, int) else None,
        (precision or 0) if isinstance(precision, int) else 0,
        zone,
        offset if isinstance(offset, int) else None,
    ]


def _part_expr(part: _Part, n: Normalized, merged: dict[str, int | str | None]) -> TimeExpr:
    """One part of a merged expression; a clock time keeps the day's and zone's values."""
    values = part.values
    if part.kind == "clock":
        values = dict(values)
        values["period"] = merged.get("period")
        if "ambiguous" not in merged:
            values.pop("ambiguous", None)
        for key in ("year", "month", "day", "day_offset", "utc_offset_minutes"):
            values.setdefault(key, merged.get(key))
        if "zone_key" in merged:
            values["zone_key"] = merged["zone_key"]
    hour, other = _hour(values)
    fields = _fields(n, part.start, part.end, part.kind, values, hour, other, None)
    zone_key = values.get("zone_key") if "zone_key" in values else None
    if isinstance(zone_key, str):
        return _new_expr(TimeExpr, fields + _PART_TAIL + [zone_key])
    return _new_expr(TimeExpr, fields + _PART_TAIL_NO_ZONE)


def _seasonal_offset(
    key: str, year: int, month: object, day: object, hour: int, minute: object
) -> int | None:
    """Return the offset a US zone (``America/New_York``) has at a date and time it names.

    Examples:
        >>> _seasonal_offset("America/New_York", 2025, 4, 16, 16, 12)
        -240
        >>> _seasonal_offset("America/New_York", 2025, 12, 1, 9, 0)
        -300
    """
    if not (isinstance(month, int) and isinstance(day, int)):
        return None
    from datetime import datetime
    from zoneinfo import ZoneInfo

    try:
        local = datetime(year, month, day, hour % 24, minute if isinstance(minute, int) else 0)
    except ValueError:  # Feb 30: no such day
        return None
    offset = local.replace(tzinfo=ZoneInfo(key)).utcoffset()
    return None if offset is None else int(offset.total_seconds()) // 60


def _int(value: int | str | None) -> int | None:
    return value if isinstance(value, int) else None


#: The last clause or sentence end before a position (searched up to it as ``endpos``).
_LAST_CLAUSE_END = re.compile(r"[。!?;,、\n](?=[^。!?;,、\n]*\Z)")
_LAST_SENTENCE_END = re.compile(r"[。!?;\n](?=[^。!?;\n]*\Z)")


def _classify(expr: list[Any], n: Normalized) -> TimeExpr:
    s = n.text
    start, end = expr[4], expr[5]
    lo = start - 24 if start > 24 else 0
    found = _LAST_CLAUSE_END.search(s, lo, start)
    before = s[found.end() if found else lo : start]
    cue = None
    for m in _BEFORE_CUES.finditer(before):
        cue = m.lastgroup
    if cue == "past" and before.rstrip().endswith("between"):
        # "between 11:30 and 14:30" is past in "users could not order between…", but an
        # estimate in "we expect service back between…": the sentence's verb decides.
        s_start = _sentence_start(s, start)
        if _FUTURE_VERB.search(s, s_start, start):
            cue = "future"
    future, past, bounded = expr[_IS_FUTURE], expr[_IS_PAST], expr[_BOUNDED]
    after = None
    if expr[3] == "duration":
        if _DURATION_LEAD.search(before):
            future = True
    else:
        m_after = _AFTER_ZH.match(s, end)
        after = m_after.lastgroup if m_after else None
        if m_after and after in ("bounded", "future"):
            end = m_after.end()
            o_start, o_end = n.span(start, end)
            expr[1], expr[5], expr[2] = o_end, end, n.original[o_start:o_end]
    if cue == "past":
        future, bounded, past = False, False, True
    elif not past:
        future = future or bounded or cue in ("future", "bounded") or after in ("future", "bounded")
        bounded = bounded or cue == "bounded" or after == "bounded"
        past = after == "past" and not future
    next_update = False
    if future or bounded:
        s_start = _sentence_start(s, start)
        s_end_match = _SENTENCE_END.search(s, end, end + 80)
        s_end = s_end_match.start() if s_end_match else min(len(s), end + 80)
        next_update = bool(_NEXT_UPDATE.search(s, s_start, s_end))
    expr[_IS_FUTURE] = future and not past
    expr[_IS_PAST] = past
    expr[_BOUNDED] = bounded
    expr[_IS_NEXT_UPDATE] = next_update
    return _new_expr(TimeExpr, expr)


def _sentence_start(s: str, start: int) -> int:
    """Return where the sentence holding ``start`` begins, looking back at most 80 characters."""
    lo = start - 80 if start > 80 else 0
    found = _LAST_SENTENCE_END.search(s, lo, start)
    return found.end() if found else lo
