"""Check any notice text against the facts, and a zh/en pair against each other.

A chatbot rewrites a draft fluently and gets a number wrong; a PR person types
22:00 where the facts say 21:00. :func:`check_draft` reads every count, amount,
duration, clock time, date and share the text states (:mod:`.quantities`) and
reports ``fact-mismatch`` (error) where one disagrees with the facts;
``unsupported-claim`` (warning) where the text asserts what the facts do not hold
(a cause while the cause is unknown, safe data while it is being checked,
compensation the facts do not list; phrases in ``claims.toml``); plus everything
:func:`crisiscomms.lint.lint` finds. :func:`check_parity` compares the numbers
and times of a Chinese and an English text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from .facts import Incident, Text, parse_incident
from .findings import Finding
from .parity import ParityReport, check_parity, close, currency_fits, same_point
from .quantities import Mention, find_mentions

__all__ = [
    "FactValues",
    "ParityReport",
    "check_draft",
    "check_parity",
    "claim_families",
    "fact_values",
    "placeholder_paths",
    "unsupported_claims",
]

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
_SENTENCE_END = re.compile(r"[。；;！？!?\n]|\.(?=\s|$)")
_PLACEHOLDER = re.compile(r"【待补充[：:]\s*([^】]*)】|\[TO FILL:\s*([^\]]*)\]")
_CLAUSE_END = re.compile(r"[。；;！？!?\n，]|\.(?=\s|$)")


class FactTime(NamedTuple):
    """A time the facts hold, with the role it plays (``eta``, ``started_at``…)."""

    at: datetime
    role: str


@dataclass(frozen=True)
class FactValues:
    """Everything numeric the facts hold, ready to compare with a text's mentions."""

    incident: Incident
    counts: tuple[Decimal, ...]
    money: tuple[tuple[Decimal, str], ...]
    durations: tuple[Decimal, ...]
    relative: tuple[tuple[Decimal, str], ...]
    times: tuple[FactTime, ...]
    percents: tuple[Decimal, ...]
    free: tuple[Mention, ...]
    free_text: str


def fact_values(incident: Incident) -> FactValues:
    """Collect the counts, amounts, durations, times and shares the facts hold.

    Free-text facts count too: a number the engineer wrote into ``workaround``
    or ``contacts[].hours`` is a number the notice may repeat.
    """
    texts = [t for text in _free_texts(incident) for t in (text.zh, text.en) if isinstance(t, str)]
    texts += [c.value for c in incident.contacts if c.value is not None]
    free = tuple(m for t in texts for m in find_mentions(t))
    times = tuple(_fact_times(incident))
    by_role = {role: [t.at for t in times if t.role == role] for role in {t.role for t in times}}
    relative = [
        (Decimal((at - incident.published_at).total_seconds()), role)
        for role in ("eta", "next_update", "claim_deadline", "valid_until", "delivered_by")
        for at in by_role.get(role, [])
    ]
    pairs = [
        ("started", "resolved"),
        ("detected", "resolved"),
        ("started", "detected"),
        ("started", "published"),
        ("detected", "published"),
        ("eta", "eta"),
        ("started", "timeline"),
        ("started", "component"),
        ("resolved", "delivered_by"),
        ("delivered_by", "valid_until"),
        ("resolved", "valid_until"),
    ]
    spans = [
        Decimal(abs((b - a).total_seconds()))
        for first, second in pairs
        for a in by_role.get(first, [])
        for b in by_role.get(second, [])
        if a != b
    ]
    days = [
        (Decimal(i.days * 86400), "membership")
        for plan in incident.compensation
        for i in plan.items
        if i.days
    ]
    money = [
        (i.amount * k, i.currency or "")
        for plan in incident.compensation
        for i in plan.items
        if i.amount is not None
        for k in {1, i.quantity}
    ]
    counts = [Decimal(incident.impact.affected.count)] if incident.impact.affected.count else []
    counts += [Decimal(i.quantity) for plan in incident.compensation for i in plan.items]
    share = incident.impact.affected.share_percent
    return FactValues(
        incident=incident,
        counts=tuple(counts),
        money=tuple(money),
        durations=tuple(spans + [seconds for seconds, _ in relative + days]),
        relative=tuple(relative + days),
        times=times,
        percents=(Decimal(str(share)),) if share is not None else (),
        free=free,
        free_text="\n".join(texts).lower(),
    )


def check_draft(
    text: str,
    facts: Incident | Mapping[str, Any],
    lang: str = "auto",
    kind: str | None = None,
) -> list[Finding]:
    """Report what in ``text`` disagrees with the facts or goes beyond them, plus lint findings.

    Args:
        text: any notice text: our own draft, a person's rewrite, a chatbot's output.
        facts: an :class:`~crisiscomms.facts.Incident` or facts as a mapping (validated).
        lang: ``zh``, ``zh-Hant``, ``en`` or ``auto``; picks the message language and lint rules.
        kind: a notice kind, to add the linter's completeness checks.

    Returns:
        Findings in text order: ``fact-mismatch`` (error), ``unsupported-claim``
        (warning) and the linter's own.

    Raises:
        FactsError: the facts are invalid.

    Examples:
        >>> facts = {"organization": {"zh": "示例科技"}, "service": {"zh": "示例App"},
        ...          "timezone": "Asia/Shanghai", "started_at": "2026-03-29T20:00:00+08:00",
        ...          "published_at": "2026-03-29T20:30:00+08:00",
        ...          "eta": "2026-03-29T22:00:00+08:00",
        ...          "impact": {"affected": {"count": 8000000, "precision": "estimate"}}}
        >>> found = check_draft("约500万用户无法登录，预计北京时间22:00前恢复。", facts, "zh")
        >>> [(f.rule, f.excerpt) for f in found if f.rule == "fact-mismatch"]
        [('fact-mismatch', '500万')]
    """
    incident = facts if isinstance(facts, Incident) else parse_incident(facts)
    shown = _message_lang(text, lang)
    found = list(_mismatches(text, fact_values(incident), shown))
    found += unsupported_claims(text, incident, shown)
    found += _lint(text, lang, kind)
    return sorted(found, key=lambda f: (f.start, f.end, f.rule))


def unsupported_claims(text: str, incident: Incident, lang: str = "auto") -> list[Finding]:
    """Return an ``unsupported-claim`` warning for each assertion the facts do not hold.

    Examples:
        >>> incident = parse_incident({"organization": {"en": "Ex"}, "service": {"en": "Ex"},
        ...     "timezone": "UTC", "started_at": "2026-03-29T01:00:00Z",
        ...     "published_at": "2026-03-29T01:20:00Z"})
        >>> [f.excerpt for f in unsupported_claims("No user data was lost.", incident)]
        ['No user data was lost']
    """
    lang = _message_lang(text, lang)
    free = fact_values(incident).free_text
    asked = placeholder_paths(text)
    found: list[Finding] = []
    for family in claim_families():
        if not _applies(family["when"], incident):
            continue
        if any(path.startswith(family["placeholder"]) for path in asked):
            continue  # the text shows a placeholder for this fact: it asks, it does not claim
        grounds = _grounds(incident, family.get("grounded_by", []))
        for start, end in family_matches(family, text):
            if text[start:end].strip().lower() in free:
                continue
            sentence = text[_sentence_start(text, start) : _sentence_end(text, end)]
            if any(ground in sentence for ground in grounds):
                continue
            found.append(
                Finding.at(
                    text,
                    start,
                    end,
                    rule="unsupported-claim",
                    severity="warning",
                    messages=family["message"],
                    lang=lang,
                    suggestions=family["suggestion"],
                )
            )
    return found


@cache
def claim_families() -> tuple[dict[str, Any], ...]:
    """Load the unsupported-claim families from ``claims.toml``, patterns compiled."""
    raw = tomllib.loads(Path(__file__).with_name("claims.toml").read_text(encoding="utf-8"))
    return tuple(
        {
            **body,
            "name": name,
            "patterns": [re.compile(p) for p in body["patterns"]],
            "unless": [re.compile(p) for p in body["unless"]],
        }
        for name, body in raw.items()
    )


def placeholder_paths(text: str) -> set[str]:
    """Return the fact paths whose placeholders (【待补充：…】 / [TO FILL: …]) ``text`` shows.

    Examples:
        >>> sorted(placeholder_paths("补偿内容：【待补充：补偿内容与金额】。"))
        ['compensation']
    """
    labels = {m[1] or m[2] for m in _PLACEHOLDER.finditer(text)}
    if not labels:
        return set()
    from .completeness import elements

    return {
        spec["path"]
        for spec in elements().values()
        if labels & {spec["label"].get("zh"), spec["label"].get("en")}
    }


def family_matches(family: Mapping[str, Any], text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans where one claim family asserts something, negated sentences skipped."""
    for pattern in family["patterns"]:
        for match in pattern.finditer(text):
            sentence = text[_sentence_start(text, match.start()) : _sentence_end(text, match.end())]
            if any(u.search(sentence) for u in family["unless"]):
                continue
            yield match.span()


def _grounds(incident: Incident, paths: list[str]) -> list[str]:
    """Return the zh and en texts of the facts at ``paths`` (dotted, lists flattened)."""
    found: list[str] = []
    for path in paths:
        values: list[Any] = [incident]
        for name in path.split("."):
            values = [getattr(v, name) for v in values if v is not None]
            values = [
                x for v in values for x in (v if isinstance(v, list) else [v]) if x is not None
            ]
        found += [t for text in values for t in (text.zh, text.en) if isinstance(t, str)]
    return found


def _applies(condition: str, incident: Incident) -> bool:
    data = incident.data
    return {
        "cause_unknown": incident.cause.status == "unknown",
        "no_rumours": not incident.cause.not_caused_by,
        "data_unconfirmed": data is None or data.status != "none_confirmed",
        "no_compensation": not incident.compensation,
    }[condition]


def _mismatches(text: str, values: FactValues, lang: str) -> Iterator[Finding]:
    for mention in find_mentions(text):
        if _supported(text, mention, values):
            continue
        facts = _fact_labels(mention, values, text)
        excerpt = text[mention.start : mention.end]
        if facts:
            messages = {k: v.format(excerpt=excerpt, facts=facts) for k, v in _MISMATCH.items()}
        else:
            what_zh, what_en = _WHAT[mention.kind]
            messages = {
                k: v.format(excerpt=excerpt, what_zh=what_zh, what_en=what_en)
                for k, v in _NOT_IN_FACTS.items()
            }
        yield Finding.at(
            text,
            mention.start,
            mention.end,
            rule="fact-mismatch",
            severity="error",
            messages=messages,
            lang=lang,
            suggestions=_FIX,
        )


def _supported(text: str, m: Mention, values: FactValues) -> bool:
    if any(same_point(m, free) for free in values.free if free.kind == m.kind):
        return True
    if m.kind == "count":
        return any(close(m, v) for v in values.counts)
    if m.kind == "percent":
        return any(close(m, v) for v in values.percents)
    if m.kind == "money":
        return any(close(m, v) and currency_fits(m.currency, c) for v, c in values.money)
    if m.kind == "duration":
        return any(close(m, v) for v in _duration_pool(text, m, values))
    if m.kind == "date":
        return any(_same_date(m, t.at, values.incident) for t in values.times)
    return any(_same_clock(m, t.at, values) for t in _clock_candidates(text, m, values))


def _clause_roles(text: str, m: Mention) -> set[str]:
    clause = text[_clause_start(text, m.start) : _clause_end(text, m.end)]
    return {role for role, cue in _ROLE_CUES.items() if cue.search(clause)}


def _duration_pool(text: str, m: Mention, values: FactValues) -> list[Decimal]:
    """Compare 预计2小时内恢复 with the ETA, 30分钟后更新 with the next update."""
    roles = _clause_roles(text, m)
    chosen = [seconds for seconds, role in values.relative if role in roles]
    if chosen:
        return chosen
    if m.qualifier == "at_most":
        return [seconds for seconds, _ in values.relative]
    return list(values.durations)


def _clock_candidates(text: str, m: Mention, values: FactValues) -> list[FactTime]:
    """Keep only the ETA or next-update times when the clause says which one it is."""
    roles = _clause_roles(text, m)
    chosen = [t for t in values.times if t.role in roles]
    return chosen if chosen else list(values.times)


def _same_clock(m: Mention, at: datetime, values: FactValues) -> bool:
    zone = values.incident.zone if m.offset is None else timezone(timedelta(minutes=m.offset))
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


def _same_date(m: Mention, at: datetime, incident: Incident) -> bool:
    for zone in (incident.zone, UTC):
        local = at.astimezone(zone)
        if (local.month, local.day) == (m.month, m.day) and m.year in (None, local.year):
            return True
    return False


def _fact_labels(m: Mention, values: FactValues, text: str) -> str:
    zone = values.incident.zone
    if m.kind == "count":
        return ", ".join(f"{int(v):,}" for v in values.counts)
    if m.kind == "percent":
        return ", ".join(f"{v}%" for v in values.percents)
    if m.kind == "money":
        return ", ".join(f"{v.normalize():f} {c}" for v, c in values.money)
    if m.kind == "duration":
        relative = values.relative
        return (
            ", ".join(sorted({f"{role} {_hours(v)}" for v, role in relative})) if relative else ""
        )
    if m.kind == "date":
        return ", ".join(sorted({t.at.astimezone(zone).strftime("%Y-%m-%d") for t in values.times}))
    chosen = _clock_candidates(text, m, values)
    return ", ".join(f"{t.role} {t.at.astimezone(zone):%m-%d %H:%M}" for t in chosen) + (
        f" ({values.incident.timezone})"
    )


def _hours(seconds: Decimal) -> str:
    minutes = int(seconds) // 60
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}min"


def _fact_times(incident: Incident) -> Iterator[FactTime]:
    for role in ("started", "detected", "resolved", "published"):
        at = getattr(incident, f"{role}_at")
        if at is not None:
            yield FactTime(at, role)
    if incident.eta is not None:
        yield FactTime(incident.eta.latest, "eta")
        if incident.eta.earliest is not None:
            yield FactTime(incident.eta.earliest, "eta")
    if incident.next_update_at is not None:
        yield FactTime(incident.next_update_at, "next_update")
    yield from (FactTime(entry.at, "timeline") for entry in incident.timeline)
    yield from (FactTime(c.since, "component") for c in incident.components if c.since)
    for plan in incident.compensation:
        for role in ("delivered_by", "claim_deadline", "valid_until"):
            at = getattr(plan, role)
            if at is not None:
                yield FactTime(at, role)


def _free_texts(value: Any) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _free_texts(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _free_texts(item)


def _clause_start(text: str, index: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, index)]
    return ends[-1] if ends else 0


def _clause_end(text: str, index: int) -> int:
    found = _CLAUSE_END.search(text, index)
    return found.start() if found else len(text)


def _sentence_start(text: str, index: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, index)]
    return ends[-1] if ends else 0


def _sentence_end(text: str, index: int) -> int:
    found = _SENTENCE_END.search(text, index)
    return found.start() if found else len(text)


def _message_lang(text: str, lang: str) -> str:
    if lang in ("zh", "zh-Hant", "en"):
        return lang
    return "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"


def _lint(text: str, lang: str, kind: str | None) -> list[Finding]:
    try:
        from .lint import lint
    except ImportError:  # the linter ships with the core; tolerate a partial checkout
        return []
    return list(lint(text, lang=lang, kind=kind))
