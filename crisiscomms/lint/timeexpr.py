"""Find time expressions in Chinese and English text, with their values.

The linter asks one question of a time: does it commit the writer to
something a reader can hold them to (an ETA, a bounded duration, the time of
the next update)? Fact checking asks another: which hour, which day, how
long? :func:`find_times` answers both with :class:`TimeExpr` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from . import timepatterns as P
from .numerals import parse_number
from .textfold import fold

TimeKind = Literal["clock", "date", "datetime", "duration", "relative_day", "zone"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression: where it is, what it says, and which way it points.

    ``hour``/``minute`` are on a 24-hour clock; ``seconds`` is a duration's
    length; ``day_offset`` counts days from today (明天 = 1). ``is_future`` and
    ``is_past`` come from the words around the time (预计, 将于, by; 已于,
    since, 起); ``bounded`` marks a deadline (前, 内, by, within, every);
    ``next_update`` marks the time of a promised next update.
    """

    start: int
    end: int
    text: str
    kind: TimeKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    day_offset: int | None = None
    seconds: int | None = None
    zone: str | None = None
    utc_offset_minutes: int | None = None
    is_future: bool = False
    is_past: bool = False
    bounded: bool = False
    next_update: bool = False

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


_Lang = Literal["zh", "zh-Hant", "en", "auto"]
_CLAUSE_END = re.compile(r"[。！？!?;；,，、\n]")
_SENTENCE_END = re.compile(r"[。！？!?;；\n]")
_BEFORE_CUES = re.compile(
    r"(?P<bounded>最晚|最迟|最遲|不晚于|不晚於|每|\b(?:by|before|until|till|within|no later than"
    r"|every)\b)"
    r"|(?P<past>已于|已於|已在|已经|已經|自|从|從|截至|截止|昨|\b(?:since|from|began|begun|started"
    r"|was|were|had|ago|earlier|as of|between|occurred|happened|resolved|fixed|recovered"
    r"|restored)\b)"
    r"|(?P<future>预计|預計|预期|預期|将|將|计划|計劃|争取|爭取|力争|力爭|有望|下一次|下次|届时|屆時"
    r"|\b(?:expect(?:ed|s)?|estimated?|eta|will|next|plan(?:ned)?|target(?:ing)?|aim(?:ing)?"
    r"|should|anticipated?)\b)"
)
_FUTURE_VERB = re.compile(r"\b(?:expect(?:ed|s)?|estimated?|will|should|anticipated?)\b")
_DURATION_LEAD = re.compile(r"\b(?:in|in the next|in about|in around|approximately|about)\s?$")
_AFTER_ZH = re.compile(
    r"\s?(?:(?P<bounded>以前|之前|前|以内|之内|以內|之內|内|內)|(?P<future>以后|之后|以後|之後|后|後)"
    r"|(?P<past>起|开始|開始|以来|以來|至今))"
)
_NEXT_UPDATE = re.compile(
    r"更新|进展|進展|通报|通報|公告|说明|說明|\b(?:update[sd]?|post|report)\b"
)
_MERGE_GAP = re.compile(r"\s{0,2}(?:,\s?|，|的|at\s|on\s)?\s{0,2}")
_MERGEABLE = {"zone", "date", "relative_day", "clock"}


@dataclass(slots=True)
class _Part:
    start: int
    end: int
    kind: TimeKind
    values: dict[str, int | str | None]


def find_times(text: str, lang: _Lang | str = "auto") -> list[TimeExpr]:
    """Return the time expressions in ``text``, sorted by position.

    Args:
        text: any text; full-width digits and colons are understood.
        lang: ``zh``, ``zh-Hant``, ``en`` or ``auto`` (both families of patterns).

    Returns:
        One :class:`TimeExpr` per expression; adjacent parts such as
        ``北京时间3月29日 22:30前`` are one expression.

    Examples:
        >>> [(t.kind, t.hour, t.minute, t.bounded) for t in find_times("预计今晚22:00前恢复")]
        [('datetime', 22, 0, True)]
        >>> t, = find_times("我们将于半小时后发布下一次进展")
        >>> (t.kind, t.seconds, t.is_future, t.next_update)
        ('duration', 1800, True, True)
        >>> find_times("7×24小时客服热线 400-123-4567，v2.3.1，99.9%")
        []
        >>> t, = find_times("Next update by Mar 29, 22:30 UTC+8.")
        >>> (t.month, t.day, t.hour, t.zone, t.utc_offset_minutes, t.next_update)
        (3, 29, 22, 'UTC+8', 480, True)
    """
    folded = fold(text)
    parts = _resolve_overlaps(_find_parts(folded, lang))
    exprs: list[TimeExpr] = []
    for group in _merge(parts, folded):
        expr = _build(group, text, folded)
        if expr is not None:
            exprs.append(_classify(expr, text, folded))
    return exprs


def _find_parts(folded: str, lang: str) -> list[_Part]:
    want_zh, want_en = lang != "en", lang not in ("zh", "zh-Hant")
    parts: list[_Part] = []
    for m in P.COLON_CLOCK.finditer(folded):
        parts.append(_clock_part(m, m.group("period"), m.group("ampm")))
    for m in P.ZONE.finditer(folded):
        parts.append(_zone_part(m))
    if want_zh:
        for m in P.ZH_CLOCK.finditer(folded):
            part = _zh_clock_part(m, folded)
            if part is not None:
                parts.append(part)
        for m in P.ZH_DATE.finditer(folded):
            parts.append(_date_part(m.start(), m.end(), m.group("y"), m.group("mo"), m.group("d")))
        for m in P.ZH_DURATION.finditer(folded):
            parts.append(_duration_part(m))
    if want_en:
        for m in P.EN_CLOCK.finditer(folded):
            if m.group("word"):
                hour = 12 if m.group("word") == "noon" else 0
                parts.append(_Part(m.start(), m.end(), "clock", {"hour": hour, "minute": 0}))
            else:
                parts.append(_clock_part(m, None, m.group("ampm")))
        for m in P.EN_DATE.finditer(folded):
            parts.append(_en_date_part(m))
        for m in P.EN_DURATION.finditer(folded):
            parts.append(_duration_part(m))
    for m in P.RELATIVE_DAY.finditer(folded):
        rel = m.group("rel") or " ".join(m.group("rel_en").split())
        if (rel.isascii() and want_en) or (not rel.isascii() and want_zh):
            offset, period = P.RELATIVE_DAYS[rel]
            if m.group("period"):
                period = P.PERIODS[m.group("period")]
            values: dict[str, int | str | None] = {"day_offset": offset, "period": period}
            parts.append(_Part(m.start(), m.end(), "relative_day", values))
    return [p for p in parts if _valid(p)]


def _clock_part(m: re.Match[str], period: str | None, ampm: str | None) -> _Part:
    hour, minute = int(m.group("h")), int(m.groupdict().get("m") or 0)
    named = P.PERIODS.get(period or "", "")
    if ampm:
        named = "am" if ampm.startswith("a") else "pm"
        hour = 0 if hour == 12 and named == "am" else hour
    return _Part(m.start(), m.end(), "clock", {"hour": hour, "minute": minute, "period": named})


def _zh_clock_part(m: re.Match[str], folded: str) -> _Part | None:
    hour = parse_number(m.group("h"))
    minute: int | None = 0
    if m.group("m"):
        minute = parse_number(m.group("m"))
    elif m.group("half"):
        minute = 30
    elif m.group("q1") or m.group("q3"):
        minute = 15 if m.group("q1") else 45
    if hour is None or minute is None:
        return None
    written_out = not m.group("h").isdigit()
    bare = m.end() == m.end("h") + 1 or folded[m.end() - 1] in "点點"
    if (
        written_out
        and not m.group("period")
        and bare
        and folded[m.end() : m.end() + 1] not in (tuple("钟鐘前后後以之左整"))
    ):
        # 一点 / 两点 without a part of day or minutes is "a little" / "two points".
        return None
    period = P.PERIODS.get(m.group("period") or "", "")
    return _Part(m.start(), m.end(), "clock", {"hour": hour, "minute": minute, "period": period})


def _zone_part(m: re.Match[str]) -> _Part:
    offset = P.zone_offset(m.group("zh") or m.group("en"), m.group("offset"))
    return _Part(m.start(), m.end(), "zone", {"utc_offset_minutes": offset})


def _date_part(start: int, end: int, y: str | None, mo: str, d: str) -> _Part:
    year = int(y) if y else None
    return _Part(start, end, "date", {"year": year, "month": int(mo), "day": int(d)})


def _en_date_part(m: re.Match[str]) -> _Part:
    if m.group("iy"):
        return _date_part(m.start(), m.end(), m.group("iy"), m.group("imo"), m.group("id"))
    mon = m.group("mon") or m.group("mon2")
    day = m.group("d") or m.group("d2")
    month = str(P.MONTHS[mon[:3]])
    return _date_part(m.start(), m.end(), m.group("y") or m.group("y2"), month, day)


def _duration_part(m: re.Match[str]) -> _Part:
    raw, unit = " ".join(m.group("n").split()), " ".join(m.group("unit").split())
    unit_seconds = P.UNITS.get(unit, P.UNITS.get(unit.rstrip("s"), 0))
    amount: float | None
    if raw in ("半", "half a", "half an"):
        amount = 0.5
    elif raw in ("a few", "few", "several", "a couple of"):
        amount = None
    elif raw in P.EN_NUMBERS:
        amount = P.EN_NUMBERS[raw]
    elif raw.replace(".", "", 1).isdigit():
        amount = float(raw)
    else:
        amount = parse_number(raw)
    if amount is not None and m.groupdict().get("half"):
        amount += 0.5
    seconds = None if amount is None else round(amount * unit_seconds)
    suffix = (m.group("suffix") or "").strip()
    return _Part(m.start(), m.end(), "duration", {"seconds": seconds, "suffix": suffix})


def _valid(part: _Part) -> bool:
    v = part.values
    hour, minute = v.get("hour"), v.get("minute")
    if isinstance(hour, int) and not (0 <= hour <= 24 and isinstance(minute, int) and minute < 60):
        return False
    month, day = v.get("month"), v.get("day")
    return not (
        isinstance(month, int)
        and not (1 <= month <= 12 and isinstance(day, int) and 1 <= day <= 31)
    )


def _resolve_overlaps(parts: list[_Part]) -> list[_Part]:
    # Longest first at each start; a part inside an earlier, longer one is dropped.
    parts.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[_Part] = []
    for part in parts:
        if kept and part.start < kept[-1].end:
            continue
        kept.append(part)
    return kept


def _merge(parts: list[_Part], folded: str) -> list[list[_Part]]:
    groups: list[list[_Part]] = []
    for part in parts:
        if groups:
            last = groups[-1][-1]
            gap = folded[last.end : part.start]
            kinds = {p.kind for p in groups[-1]}
            if (
                part.kind in _MERGEABLE
                and last.kind in _MERGEABLE
                and part.kind not in kinds
                and _MERGE_GAP.fullmatch(gap)
            ):
                groups[-1].append(part)
                continue
        groups.append([part])
    return groups


def _build(group: list[_Part], text: str, folded: str) -> TimeExpr | None:
    values: dict[str, int | str | None] = {}
    for part in group:
        values.update(part.values)
    kinds = {p.kind for p in group}
    kind: TimeKind
    if "duration" in kinds:
        kind = "duration"
    elif "clock" in kinds:
        kind = "datetime" if kinds & {"date", "relative_day"} else "clock"
    elif "date" in kinds:
        kind = "date"
    elif "relative_day" in kinds:
        kind = "relative_day"
    else:
        kind = "zone"
        if folded[group[0].start : group[0].end].strip() in ("cst", "pt", "et"):
            return None  # Alone, these letters are more often words than zones.
    hour = values.get("hour")
    if isinstance(hour, int):
        period = values.get("period")
        if (period == "pm" and hour < 12) or (period == "noon" and hour < 3):
            hour += 12
        elif period == "night" and hour == 12:
            hour = 0
    start, end = group[0].start, group[-1].end
    zone_part = next((p for p in group if p.kind == "zone"), None)
    offset = values.get("utc_offset_minutes")
    return TimeExpr(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        year=_int(values.get("year")),
        month=_int(values.get("month")),
        day=_int(values.get("day")),
        hour=_int(hour),
        minute=_int(values.get("minute")),
        day_offset=_int(values.get("day_offset")),
        seconds=_int(values.get("seconds")),
        zone=text[zone_part.start : zone_part.end] if zone_part else None,
        utc_offset_minutes=_int(offset),
        bounded=values.get("suffix") in ("以内", "之内", "以內", "之內", "内", "內"),
        is_future=values.get("suffix")
        in ("以后", "之后", "以後", "之後", "后", "後", "from now", "later"),
        is_past=values.get("suffix") in ("以前", "之前", "前", "ago", "earlier"),
    )


def _int(value: int | str | None) -> int | None:
    return value if isinstance(value, int) else None


def _classify(expr: TimeExpr, text: str, folded: str) -> TimeExpr:
    clause_start = _last_end(_CLAUSE_END, folded, max(0, expr.start - 24), expr.start)
    before = folded[clause_start : expr.start]
    cue = None
    for m in _BEFORE_CUES.finditer(before):
        cue = m.lastgroup
    if cue == "past" and before.rstrip().endswith("between"):
        # "between 11:30 and 14:30" is past in "users could not order between…", but an
        # estimate in "we expect service back between…": the sentence's verb decides.
        s_start = _last_end(_SENTENCE_END, folded, max(0, expr.start - 80), expr.start)
        if _FUTURE_VERB.search(folded, s_start, expr.start):
            cue = "future"
    future, past, bounded = expr.is_future, expr.is_past, expr.bounded
    if expr.kind == "duration":
        if _DURATION_LEAD.search(before):
            future = True
        after = None
    else:
        m_after = _AFTER_ZH.match(folded, expr.end)
        after = m_after.lastgroup if m_after else None
        if m_after and after in ("bounded", "future"):
            expr = replace(expr, end=m_after.end(), text=text[expr.start : m_after.end()])
    if cue == "past":
        future, bounded, past = False, False, True
    elif not past:
        future = future or bounded or cue in ("future", "bounded") or after in ("future", "bounded")
        bounded = bounded or cue == "bounded" or after == "bounded"
        past = after == "past" and not future
    next_update = False
    if future or bounded:
        s_start = _last_end(_SENTENCE_END, folded, max(0, expr.start - 80), expr.start)
        s_end_match = _SENTENCE_END.search(folded, expr.end, expr.end + 80)
        s_end = s_end_match.start() if s_end_match else min(len(folded), expr.end + 80)
        next_update = bool(_NEXT_UPDATE.search(folded, s_start, s_end))
    return replace(
        expr, is_future=future and not past, is_past=past, bounded=bounded, next_update=next_update
    )


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int:
    position = lo
    for m in pattern.finditer(text, lo, hi):
        position = m.end()
    return position
