"""Find the numbers a text states that disagree with the facts: ``fact-mismatch`` errors.

A count, amount, share, duration, date or clock time in the text agrees when
it matches a value of the facts within its rounding and hedges (约, within,
more than); times compare in the zone the text names, else in the facts' zone.
A duration or time in a clause that says what it is (预计 / expected: the ETA;
下一次 / next update) is compared with that fact only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from ..bulk import paused_collection
from ..facts import Incident
from ..findings import Finding, FrozenMessages, frozen_messages
from ..hant.lookup import with_hant
from ..text import LineIndex, Normalized, normalize
from ..text.segments import Segments
from .factvalues import FactTime, FactValues
from .mention import Mention, close, currency_fits, same_point
from .quantities import find_mentions

_MISMATCH = {
    "zh": "“{excerpt}”与事实不符（事实：{facts}）。",
    "en": "“{excerpt}” does not match the facts (facts: {facts}).",
}
_NOT_IN_FACTS = {
    "zh": "“{excerpt}”在事实中没有依据：事实未给出这样的{what_zh}。",
    "en": "“{excerpt}” is not in the facts: they give no such {what_en}.",
}
_FIX = {
    "zh": "改用事实中的数值；若事实有变，先更新事实再起草。",
    "en": "Use the value in the facts; if the facts changed, update them first.",
}
_WHAT = {
    "count": ("人数或数量", "count"),
    "money": ("金额", "amount"),
    "duration": ("时长", "duration"),
    "clock": ("时间", "time"),
    "date": ("日期", "date"),
    "percent": ("比例", "share"),
}
_ROLE_CUES = {
    "eta": re.compile(r"预计|预期|有望|估计|(?i:\bexpect|\bestimat|\bETA\b|\banticipat)"),
    "next_update": re.compile(
        r"下一次|下次|再次(?:发布|更新|通报)|(?i:\bnext update|\bfurther update|\banother update)"
    ),
}


def mismatches(text: str | Normalized, values: FactValues, lang: str) -> Iterator[Finding]:
    """Yield a ``fact-mismatch`` error for each number in ``text`` the facts do not support.

    Args:
        text: the notice text (or one already normalised).
        values: the facts' values, from :func:`~crisiscomms.factcheck.factvalues.fact_values`.
        lang: the language of the messages (``zh``, ``zh-Hant`` or ``en``), and of the
            text where it decides a currency (a bare 元 in ``zh-Hant-TW`` may be NT$).

    One pass over the mentions in text order. A long text repeats its clauses'
    cues and its numbers (every 22:00 of a notice is compared with the same
    facts), so a clause's roles are read once per clause and a verdict, with
    its message, once per distinct value and roles: the work per mention stays
    constant however long the text. The findings are built in one go with the
    cycle collector paused (as :func:`~crisiscomms.factcheck.checking.check_draft`
    does), then yielded.
    """
    with paused_collection():  # a long text makes many acyclic objects: see ..bulk
        found = _mismatches(text if isinstance(text, Normalized) else normalize(text), values, lang)
    yield from found


def _mismatches(n: Normalized, values: FactValues, lang: str) -> list[Finding]:
    found: list[Finding] = []
    original = n.original
    clauses = Segments(n.text)
    lines: LineIndex | None = None
    clause_span: tuple[int, int] = (-1, -1)
    roles: frozenset[str] = frozenset()
    verdicts: dict[tuple[object, ...], Labels | None] = {}  # value, roles -> labels, or None
    shared: dict[tuple[str, Labels, str], FrozenMessages] = {}  # excerpt, labels, kind -> messages
    for mention in find_mentions(n, lang):  # a Taiwanese text's bare 元 is NT$
        span = clauses.around(mention.norm_start, mention.norm_end, "clause")
        if span != clause_span:
            clause_span = span
            roles = _roles(n.text[span[0] : span[1]])
        key = (*mention[_VALUE_FIELDS:_VALUE_END], mention.kind, roles)
        if key in verdicts:
            facts = verdicts[key]
        else:
            supported = _supported(roles, mention, values)
            facts = None if supported else _fact_labels(mention, values, roles)
            verdicts[key] = facts
        if facts is None:
            continue
        excerpt = original[mention.start : mention.end]
        messages = shared.get((excerpt, facts, mention.kind))
        if messages is None:
            messages = frozen_messages(_messages(mention, excerpt, facts))
            shared[excerpt, facts, mention.kind] = messages
        lines = lines or LineIndex(original)
        found.append(
            Finding.at(
                original,
                mention.start,
                mention.end,
                rule="fact-mismatch",
                severity="error",
                messages=messages,
                lang=lang,
                suggestions=_templates()[2],
                lines=lines,
            )
        )
    return found


#: The fields of a Mention that say what it states (value to day_shift), not where.
_VALUE_FIELDS, _VALUE_END = 3, 16


#: What the facts say, as a message gives it: (Simplified Chinese, English).
Labels = tuple[str, str]


def _messages(mention: Mention, excerpt: str, facts: Labels) -> dict[str, str]:
    # The templates are put in Traditional before the excerpt goes in: the text's own
    # words are quoted as written; the facts' labels are put in each language's words.
    if facts[1]:
        return {
            k: v.format(excerpt=excerpt, facts=facts[1] if k == "en" else _in(facts[0], k))
            for k, v in _templates()[0].items()
        }
    what_zh, what_en = _WHAT[mention.kind]
    return {
        k: v.format(excerpt=excerpt, what_zh=_in(what_zh, k), what_en=what_en)
        for k, v in _templates()[1].items()
    }


@cache
def _templates() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The mismatch, not-in-facts and fix texts, with their Traditional forms."""
    return with_hant(_MISMATCH), with_hant(_NOT_IN_FACTS), with_hant(_FIX)


def _in(zh: str, lang: str) -> str:
    """Return a Simplified word of a message in ``lang``'s Chinese (as written in zh or en)."""
    return with_hant({"zh": zh}).get(lang, zh)


def from_structured_facts(m: Mention, values: FactValues) -> bool:
    """True when ``m`` states a value of the facts' structured fields (a count, an amount, a
    time), not only one written in their free text: a draft renders such a value from the
    same fact in every language."""
    return _supported(frozenset(), m, replace(values, free=()))


def _supported(roles: frozenset[str], m: Mention, values: FactValues) -> bool:
    if any(same_point(m, free) for free in values.free if free.kind == m.kind):
        return True
    if m.kind == "count":
        return any(close(m, v) for v in values.counts)
    if m.kind == "percent":
        return any(close(m, v) for v in values.percents)
    if m.kind == "money":
        return any(close(m, v) and currency_fits(m.currency, c) for v, c in values.money)
    if m.kind == "duration":
        return any(close(m, v) for v in _duration_pool(roles, m, values))
    if m.kind == "date":
        return any(_same_date(m, t.at, values.incident) for t in values.times)
    return any(_same_clock(m, t.at, values) for t in _clock_candidates(roles, values))


def _roles(clause: str) -> frozenset[str]:
    return frozenset(role for role, cue in _ROLE_CUES.items() if cue.search(clause))


def _duration_pool(roles: frozenset[str], m: Mention, values: FactValues) -> list[Decimal]:
    """Compare 预计2小时内恢复 with the ETA, 30分钟后更新 with the next update."""
    chosen = [seconds for seconds, role in values.relative if role in roles]
    if chosen:
        return chosen
    if m.qualifier == "at_most":
        return [seconds for seconds, _ in values.relative]
    return list(values.durations)


def _clock_candidates(roles: frozenset[str], values: FactValues) -> list[FactTime]:
    """Keep only the ETA or next-update times when the clause says which one it is."""
    chosen = [t for t in values.times if t.role in roles]
    return chosen if chosen else list(values.times)


def _same_clock(m: Mention, at: datetime, values: FactValues) -> bool:
    zone = _mention_zone(m) or values.incident.zone
    local = at.astimezone(zone)
    if local.hour not in m.hours or local.minute != m.minute:
        return False
    if m.month is not None and (local.month, local.day) != (m.month, m.day):
        return False
    if m.year is not None and local.year != m.year:
        return False
    if m.day_shift is not None:
        published = values.incident.published_at.astimezone(zone).date()
        return local.date() == published + timedelta(days=m.day_shift)
    return True


def _mention_zone(m: Mention) -> tzinfo | None:
    """The zone a clock time names: its fixed offset, or a US zone named without its season
    (ET), whose offset is the one it has at the fact's moment (trial G: 4:12 PM ET is
    13:12 PDT on Apr 16, 2025); None for the facts' zone."""
    if m.offset is not None:
        return timezone(timedelta(minutes=m.offset))
    return None if m.zone_key is None else _iana(m.zone_key)


@cache
def _iana(key: str) -> ZoneInfo:
    return ZoneInfo(key)


def _same_date(m: Mention, at: datetime, incident: Incident) -> bool:
    for zone in (incident.zone, UTC):
        local = at.astimezone(zone)
        if (local.month, local.day) == (m.month, m.day) and m.year in (None, local.year):
            return True
    return False


def _fact_labels(m: Mention, values: FactValues, roles: frozenset[str]) -> Labels:
    """What the facts hold of the mention's kind, in words a reader of each language knows
    (trial F: "事实：outage 21h30m, delivered_by 148h59m" and the same entry twice)."""
    zone = values.incident.zone
    if m.kind == "count":
        return _both(f"{int(v):,}" for v in values.counts)
    if m.kind == "percent":
        return _both(f"{v}%" for v in values.percents)
    if m.kind == "money":
        # Amounts only, each with its currency (30,000 KRW), never the counts.
        return _both(f"{_amount(v)} {c}".strip() for v, c in values.money)
    if m.kind == "duration":
        # The span the clause names (预计2小时内恢复: the ETA); else the outage's own length
        # first ("故障持续了10小时" is answered with it), then the spans from publication.
        named = [(v, role) for v, role in values.relative if role in roles]
        start, end = values.incident.started_at, values.incident.resolved_at
        spans = [] if named or end is None else [(Decimal((end - start).total_seconds()), "outage")]
        spans += sorted(set(named or values.relative), key=lambda pair: (pair[1], pair[0]))
        return (
            "，".join(dict.fromkeys(f"{_role(role)[0]}{_hours_zh(v)}" for v, role in spans)),
            ", ".join(dict.fromkeys(f"{_role(role)[1]} {_hours(v)}" for v, role in spans)),
        )
    if m.kind == "date":
        return _both(sorted({t.at.astimezone(zone).strftime("%Y-%m-%d") for t in values.times}))
    chosen = [(t.role, t.at.astimezone(zone)) for t in _clock_candidates(roles, values)]
    where = f"（{values.incident.timezone}）", f" ({values.incident.timezone})"
    return (
        "，".join(
            dict.fromkeys(f"{_role(r)[0]}{at.month}月{at.day}日{at:%H:%M}" for r, at in chosen)
        )
        + where[0],
        ", ".join(dict.fromkeys(f"{_role(r)[1]} {at:%b} {at.day}, {at:%H:%M}" for r, at in chosen))
        + where[1],
    )


def _both(labels: Iterable[str]) -> Labels:
    said = "、".join(dict.fromkeys(labels))
    return said, said.replace("、", ", ")


#: What each time or span of the facts is, in a message: (zh, en).
_ROLE: dict[str, tuple[str, str]] = {
    "started": ("开始", "started"), "detected": ("发现", "detected"),
    "resolved": ("恢复", "resolved"), "published": ("发布", "published"),
    "eta": ("预计恢复", "ETA"), "next_update": ("下次进展", "next update"),
    "result_by": ("核查结果", "check results"), "scale_final_by": ("公布最终人数", "final count"),
    "timeline": ("时间线", "timeline"), "component": ("分区或功能状态", "a part's state"),
    "delivered_by": ("发放截止", "delivered by"), "claim_deadline": ("领取截止", "claim by"),
    "valid_until": ("有效期至", "valid until"), "available_from": ("可用起", "usable from"),
    "outage": ("故障持续", "outage"), "membership": ("会员", "membership"),
}  # fmt: skip


def _role(role: str) -> tuple[str, str]:
    return _ROLE.get(role, (role, role))


def _hours_zh(seconds: Decimal) -> str:
    """A duration in Chinese for a message: 45分钟, 2小时20分钟, 7天.

    Examples:
        >>> _hours_zh(Decimal(2700)), _hours_zh(Decimal(8400)), _hours_zh(Decimal(604800))
        ('45分钟', '2小时20分钟', '7天')
    """
    minutes = int(seconds) // 60
    if minutes >= 24 * 60 and minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)}天"
    hours, rest = divmod(minutes, 60)
    return (f"{hours}小时" if hours else "") + (f"{rest}分钟" if rest or not hours else "")


def _amount(value: Decimal) -> str:
    """An amount as a message shows it: thousands separated, no trailing zeros.

    Examples:
        >>> _amount(Decimal(30000)), _amount(Decimal("9.90")), _amount(Decimal("0.5"))
        ('30,000', '9.9', '0.5')
    """
    return f"{value.normalize():,f}"


def _hours(seconds: Decimal) -> str:
    """A duration as the facts hold it, for a message: 45min, 2h20m, and whole days as days
    (a 7-day membership is 7d, not 168h00m).

    Examples:
        >>> _hours(Decimal(2700)), _hours(Decimal(8400)), _hours(Decimal(604800))
        ('45min', '2h20m', '7d')
    """
    minutes = int(seconds) // 60
    if minutes >= 24 * 60 and minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)}d"
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}min"
