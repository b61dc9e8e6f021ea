"""The commitments a notice makes: taken from its facts, confirmed by reading its text.

The facts say which times the notice was drafted to promise; the text layer's time
reader (:func:`crisiscomms.text.times.find_times`) says which of them the published
text actually states. A time in the facts that the text does not state is not a
promise its readers heard: it is reported, and kept only as unconfirmed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from ..facts import Incident
from ..text.times import TimeExpr, find_times
from .model import Commitment, rules


def fact_commitments(incident: Incident) -> Iterator[tuple[str, str, datetime, tuple[str, ...]]]:
    """Yield (type, fact path, due time, audiences) for every promised time in the facts.

    The next update is ``next_update_at`` or, without it, ``published_at`` plus
    ``update_every_minutes``; compensation times belong to their plan's audience,
    every other time to every audience of the incident.
    """
    everyone = tuple(a.id for a in incident.audiences)
    if incident.next_update_at is not None:
        yield "next_update", "next_update_at", incident.next_update_at, everyone
    elif incident.update_every_minutes is not None:
        due = incident.published_at + timedelta(minutes=incident.update_every_minutes)
        yield "next_update", "update_every_minutes", due, everyone
    if incident.eta is not None and incident.eta != "unknown":
        yield "eta", "eta.latest", incident.eta.latest, everyone
    if incident.data is not None and incident.data.result_by is not None:
        yield "data_result", "data.result_by", incident.data.result_by, everyone
    if incident.funds is not None and incident.funds.result_by is not None:
        yield "funds_result", "funds.result_by", incident.funds.result_by, everyone
    for i, plan in enumerate(incident.compensation):
        if plan.delivered_by is not None:
            path = f"compensation[{i}].delivered_by"
            yield "compensation_delivery", path, plan.delivered_by, (plan.audience.id,)
        if plan.claim_deadline is not None:
            path = f"compensation[{i}].claim_deadline"
            yield "claim_deadline", path, plan.claim_deadline, (plan.audience.id,)


def read_commitments(
    incident: Incident, kind: str, text: str, lang: str
) -> tuple[list[Commitment], list[Commitment]]:
    """Return (commitments, missing): each fact time, confirmed or not by ``text``.

    ``missing`` holds the unconfirmed commitments the kind is expected to state
    (``rules.toml`` ``[expected]``): the ones to report to the person publishing.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({
        ...     "organization": {"zh": "示例", "en": "Ex"}, "service": {"zh": "示例", "en": "Ex"},
        ...     "timezone": "Asia/Shanghai", "started_at": "2026-11-28T15:40:00+08:00",
        ...     "published_at": "2026-11-28T16:00:00+08:00",
        ...     "next_update_at": "2026-11-28T16:30:00+08:00"})
        >>> found, missing = read_commitments(incident, "first_statement",
        ...                                   "我们将于北京时间16:30前发布下一次进展。", "zh")
        >>> [(c.type, c.confirmed, c.evidence) for c in found], missing
        ([('next_update', True, '北京时间16:30前')], [])
    """
    exprs = find_times(text, lang)
    zone = ZoneInfo(incident.timezone)
    expected = rules()["expected"].get(kind)
    found: list[Commitment] = []
    missing: list[Commitment] = []
    for type_, path, due, audiences in fact_commitments(incident):
        if path == "update_every_minutes":
            evidence = _duration_evidence(exprs, (due - incident.published_at).total_seconds())
        else:
            evidence = _time_evidence(exprs, due, zone, incident.published_at)
        for audience in audiences:
            commitment = Commitment(
                type_, due, audience, path, evidence is not None, evidence or ""
            )
            found.append(commitment)
            if evidence is None and (expected is None or type_ in expected):
                missing.append(commitment)
    return found, missing


def _time_evidence(
    exprs: list[TimeExpr], due: datetime, zone: ZoneInfo, published: datetime
) -> str | None:
    """The words of the first time expression that names ``due``, if any."""
    for expr in exprs:
        if expr.hour is None or expr.kind == "duration":
            continue
        if expr.utc_offset_minutes is not None:
            local = due.astimezone(timezone(timedelta(minutes=expr.utc_offset_minutes)))
        elif expr.zone_key is not None:  # ET with no date: the US zone in force at due
            local = due.astimezone(ZoneInfo(expr.zone_key))
        else:
            local = due.astimezone(zone)
        if (expr.minute or 0) != local.minute or local.hour not in expr.hours:
            continue
        if expr.month is not None and expr.day is not None:
            if (expr.month, expr.day) != (local.month, local.day):
                continue
            if expr.year is not None and expr.year != local.year:
                continue
        elif expr.day_offset is not None:
            day = published.astimezone(local.tzinfo).date() + timedelta(days=expr.day_offset)
            if day != local.date():
                continue
        return expr.text
    return None


def _duration_evidence(exprs: list[TimeExpr], seconds: float) -> str | None:
    """The words of the first duration of ``seconds`` (a cadence: every 60 minutes)."""
    for expr in exprs:
        if expr.kind == "duration" and expr.seconds is not None and expr.seconds == seconds:
            return expr.text
    return None
