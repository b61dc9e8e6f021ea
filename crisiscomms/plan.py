"""The communication plan: what to publish, where and by when, for one incident.

From the severity, status and audiences in the facts, :func:`plan` lists each notice
to publish as a :class:`Step`: the first statement within minutes of detection,
progress updates at the severity's cadence while service is down, then the
resolution notice, the apology, the compensation notice and the follow-up stages
(0–24 h, 24–72 h, 1–2 weeks, 2–8 weeks). Each step names its kind, channel,
audiences and deadline, an absolute time in the facts' zone, and has a stable
``id`` the incident journal marks done when the notice is published.

The figures are data (``crisiscomms/plan.toml``); an organisation changes them in
``[plan]`` of ``.crisiscomms.toml`` (:mod:`crisiscomms.plan_config`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from .facts import Incident
from .kinds import KINDS, NoticeKind, kind_slug
from .plan_config import PlanConfig, known_channels, plan_data

if TYPE_CHECKING:
    from .plan_progress import StepProgress, Tracking

#: The version of :meth:`CommsPlan.to_dict`'s shape (``crisiscomms/schemas/plan-output.v1.json``).
PLAN_SCHEMA = "crisiscomms.plan/v1"

#: What a step's deadline is counted from.
Anchor = Literal["detection", "cadence", "commitment", "resolution", "delivery"]

_STAGE_ENDS = (("0-24h", 24), ("24-72h", 72), ("1-2w", 14 * 24))
_LAST_STAGE = "2-8w"
_PLANNED = "compensation"


@dataclass(frozen=True)
class Step:
    """One notice to publish: its kind, channel, audiences and deadline.

    ``due`` is ``None`` while the step waits for something the facts do not hold
    yet (``waits_for``: ``resolution``); then ``minutes`` after it is the deadline.
    """

    id: str
    stage: str
    kind: NoticeKind
    channel: str
    audiences: tuple[str, ...]
    due: datetime | None
    anchor: Anchor
    minutes: int
    purpose: dict[str, str] = field(compare=False)
    waits_for: str | None = None

    def to_dict(self, progress: StepProgress | None = None, zone: Any = None) -> dict[str, Any]:
        """Return the step as JSON-ready data (times as ISO 8601 with their offset).

        ``progress`` is where the step stands when the plan was judged (``null`` if not);
        its ``done_at`` is written in ``zone``.
        """
        return {
            "id": self.id,
            "stage": self.stage,
            "kind": self.kind,
            "channel": self.channel,
            "audiences": list(self.audiences),
            "due": self.due.isoformat() if self.due else None,
            "waits_for": self.waits_for,
            "anchor": self.anchor,
            "minutes": self.minutes,
            "purpose": dict(self.purpose),
            "progress": None if progress is None else progress.to_dict(zone),
        }


@dataclass(frozen=True)
class CommsPlan:
    """Every step of one incident's communication, in the order they are due."""

    incident: str | None
    severity: str
    status: str
    timezone: str
    published_at: datetime
    first_statement_minutes: int
    update_every_minutes: int
    steps: tuple[Step, ...]
    tracking: Tracking | None = None
    """Which steps are done, overdue and next (:mod:`crisiscomms.plan_progress`), when judged."""

    def to_dict(self) -> dict[str, Any]:
        """Return the plan as JSON-ready data (schema ``crisiscomms.plan/v1``)."""
        t = self.tracking
        tracked = None
        if t is not None:
            zone = self.published_at.tzinfo
            tracked = {
                "now": t.now.astimezone(zone).isoformat(),
                "journal": t.journal,
                **t.counts(),
            }
        return {
            "schema": PLAN_SCHEMA,
            "incident": self.incident,
            "severity": self.severity,
            "status": self.status,
            "timezone": self.timezone,
            "published_at": self.published_at.isoformat(),
            "first_statement_minutes": self.first_statement_minutes,
            "update_every_minutes": self.update_every_minutes,
            "tracked": tracked,
            "steps": [
                s.to_dict(t.steps.get(s.id) if t else None, self.published_at.tzinfo)
                for s in self.steps
            ],
        }

    def step(self, step_id: str) -> Step:
        """Return the step with ``step_id``; ``KeyError`` when there is none."""
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)


def plan(incident: Incident, config: PlanConfig | None = None) -> CommsPlan:
    """Plan what to publish, where and by when, for ``incident``.

    Args:
        incident: the validated facts.
        config: the organisation's figures (:func:`~crisiscomms.plan_config.load_plan_config`);
            the shipped defaults when ``None``.

    Returns:
        The plan; its steps sorted by deadline, those waiting for resolution last.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({
        ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
        ...     "service": {"zh": "示例App", "en": "the Example app"},
        ...     "severity": "P0", "timezone": "Asia/Shanghai",
        ...     "started_at": "2026-03-29T01:00:00+08:00",
        ...     "detected_at": "2026-03-29T01:05:00+08:00",
        ...     "published_at": "2026-03-29T01:20:00+08:00",
        ... })
        >>> steps = plan(incident).steps
        >>> steps[0].id, steps[0].due.isoformat()
        ('first-statement.statuspage', '2026-03-29T01:20:00+08:00')
        >>> sorted({s.due.strftime("%H:%M") for s in steps if s.kind == "progress_update"})
        ['01:50', '02:20', '02:50']
    """
    config = config or PlanConfig.defaults()
    detected = incident.detected_at or incident.started_at
    first = config.first_statement_minutes[incident.severity]
    every = config.update_every_minutes[incident.severity]
    if incident.update_every_minutes is not None:
        every = min(every, incident.update_every_minutes)  # readers were promised it
    first_due = detected + timedelta(minutes=first)
    steps = list(_first_statement(incident, config, first_due, first))
    if incident.status != "resolved":
        steps += _updates(incident, config, first_due, every)
    steps += _followups(incident, config)
    order = {k: i for i, k in enumerate(KINDS)}
    channels = {c: i for i, c in enumerate(known_channels())}
    never = datetime.max.replace(tzinfo=UTC)
    stages = {name: i for i, name in enumerate(plan_data()["stages"])}
    steps.sort(
        key=lambda s: (
            stages[s.stage],
            s.due is None,
            s.due.astimezone(UTC) if s.due else never,
            s.minutes if s.due is None else 0,
            order[s.kind],
            channels[s.channel],
        )
    )
    zone = incident.zone
    steps = [_in_zone(s, zone) for s in steps]
    return CommsPlan(
        incident=incident.id,
        severity=incident.severity,
        status=incident.status,
        timezone=incident.timezone,
        published_at=incident.published_at.astimezone(zone),
        first_statement_minutes=first,
        update_every_minutes=every,
        steps=tuple(steps),
    )


def _first_statement(
    incident: Incident, config: PlanConfig, due: datetime, minutes: int
) -> Iterator[Step]:
    audiences = _audiences(incident)
    for channel in config.kind_channels["first_statement"]:
        yield Step(
            id=f"first-statement.{channel}",
            stage=_stage(incident, due),
            kind="first_statement",
            channel=channel,
            audiences=audiences,
            due=due,
            anchor="detection",
            minutes=minutes,
            purpose=_purpose("first_statement"),
        )


def _updates(incident: Incident, config: PlanConfig, first_due: datetime, every: int) -> list[Step]:
    """The next progress updates: from the promised next update, else on the cadence's grid."""
    step = timedelta(minutes=every)
    published = incident.published_at
    if incident.next_update_at is not None:
        times = [(incident.next_update_at + k * step, "commitment" if k == 0 else "cadence")
                 for k in range(config.updates_ahead)]  # fmt: skip
    else:
        behind = (published - first_due) / step
        start = max(1, math.ceil(behind))
        times = [(first_due + n * step, "cadence")
                 for n in range(start, start + config.updates_ahead)]  # fmt: skip
    audiences = _audiences(incident)
    steps = []
    for due, anchor in times:
        stamp = due.astimezone(UTC).strftime("%Y%m%dT%H%MZ")
        for channel in config.kind_channels["progress_update"]:
            steps.append(
                Step(
                    id=f"progress-update.{stamp}.{channel}",
                    stage=_stage(incident, due),
                    kind="progress_update",
                    channel=channel,
                    audiences=audiences,
                    due=due,
                    anchor=anchor,  # type: ignore[arg-type]
                    minutes=every,
                    purpose=_purpose("progress_update"),
                )
            )
    return steps


def _followups(incident: Incident, config: PlanConfig) -> Iterator[Step]:
    for entry in plan_data()["followups"]:
        if entry.get("needs") == _PLANNED and not incident.compensation:
            continue
        kind: NoticeKind = entry["kind"]
        minutes = int(entry["minutes"])
        due = _followup_due(incident, entry["anchor"], minutes)
        if due is not None and entry.get("before") == "delivery":
            # No later than the first compensation the facts promise, nor than claims open
            # (trial G: planned for Aug 22 when claims opened on Aug 20).
            opens = [p.available_from for p in incident.compensation if p.available_from]
            due = min([due, *_promised(incident), *opens], key=lambda t: t.astimezone(UTC))
        compensated = kind == "compensation_notice"
        audiences = _plan_audiences(incident) if compensated else _audiences(incident)
        for channel in config.kind_channels[kind]:
            yield Step(
                id=f"{entry['name']}.{channel}",
                stage=entry["stage"],
                kind=kind,
                channel=channel,
                audiences=audiences,
                due=due,
                anchor=entry["anchor"],
                minutes=minutes,
                purpose=dict(entry["purpose"]),
                waits_for=None if due is not None else "resolution",
            )


def _promised(incident: Incident) -> list[datetime]:
    """When the facts promise compensation arrives (automatic) or must be claimed by."""
    times = [p.delivered_by if p.automatic else p.claim_deadline for p in incident.compensation]
    return [t for t in times if t is not None]


def _followup_due(incident: Incident, anchor: str, minutes: int) -> datetime | None:
    """Resolution + minutes; for delivery, the latest promise if that is later still."""
    base = None
    if incident.resolved_at is not None:
        base = incident.resolved_at + timedelta(minutes=minutes)
    if anchor != "delivery":
        return base
    times = _promised(incident) + ([base] if base is not None else [])
    return max(times, key=lambda t: t.astimezone(UTC)) if times else None


def _stage(incident: Incident, due: datetime) -> str:
    """The stage a step of the first hours falls in, counted from detection."""
    since = due - (incident.detected_at or incident.started_at)
    for stage, hours in _STAGE_ENDS:
        if since < timedelta(hours=hours):
            return stage
    return _LAST_STAGE


def _audiences(incident: Incident) -> tuple[str, ...]:
    return tuple(a.id for a in incident.audiences)


def _plan_audiences(incident: Incident) -> tuple[str, ...]:
    ids = [p.audience.id for p in incident.compensation]
    return tuple(dict.fromkeys(ids)) or _audiences(incident)


def _purpose(kind: NoticeKind) -> dict[str, str]:
    return dict(plan_data()["purposes"][kind])


def _in_zone(step: Step, zone: Any) -> Step:
    if step.due is None:
        return step
    return Step(**{**step.__dict__, "due": step.due.astimezone(zone)})


def stage_label(stage: str, lang: str = "en") -> str:
    """Return how a stage is written: ``0–24 h`` / ``0–24小时``."""
    return str(plan_data()["stages"][stage]["label"][lang])


def format_plan(p: CommsPlan, lang: str = "en") -> str:
    """Return the plan as text for a person: one line per step, grouped by stage.

    Times are in the facts' zone, written in full (date, time and UTC offset).
    """
    zh = lang == "zh"
    head = (
        f"沟通计划：{p.incident or '（无编号）'}（{p.severity}，{p.status}），时间均为{p.timezone}"
        if zh
        else f"Communication plan: {p.incident or '(no id)'} ({p.severity}, {p.status}); "
        f"times in {p.timezone}"
    )
    rule = (
        f"检测到故障后{p.first_statement_minutes}分钟内发布首次声明；恢复前每{p.update_every_minutes}分钟发布一次进展。"
        if zh
        else f"First statement within {p.first_statement_minutes} minutes of detection; "
        f"progress updates every {p.update_every_minutes} minutes until resolved."
    )
    lines = [head, rule]
    if p.tracking is not None:
        lines += _tracking_lines(p, p.tracking, lang)
    stage = None
    width = max((len(kind_slug(s.kind)) for s in p.steps), default=0)
    cwidth = max((len(s.channel) for s in p.steps), default=0)
    iwidth = max((len(s.id) for s in p.steps), default=0) + 2 if p.tracking else 0
    for s in p.steps:
        group = stage_label(s.stage, lang)
        if group != stage:
            stage = group
            lines += ["", group]
        if s.due is not None:
            when = s.due.strftime("%Y-%m-%d %H:%M %z")
            when = when[:-2] + ":" + when[-2:]
        else:
            span = _span(s.minutes, lang)
            when = f"恢复后{span}内" if zh else f"resolved + {span}"
        line = (
            f"  {when:<22} {kind_slug(s.kind):<{width}}  {s.channel:<{cwidth}}  "
            f"{','.join(s.audiences)}  {f'[{s.id}]':<{iwidth}}"
        )
        mark = _progress_mark(s, p.tracking.steps[s.id], lang) if p.tracking else ""
        lines.append((line + mark).rstrip())
    return "\n".join(lines) + "\n"


def _when(t: datetime, zone: Any, full: bool = True) -> str:
    text = t.astimezone(zone).strftime("%Y-%m-%d %H:%M %z" if full else "%H:%M")
    return text[:-2] + ":" + text[-2:] if full else text


def _tracking_lines(p: CommsPlan, t: Tracking, lang: str) -> list[str]:
    """How many steps are done and overdue at ``now``, and the next step."""
    zh = lang == "zh"
    zone = p.published_at.tzinfo
    n = t.counts()
    where = t.journal or (
        "（无日志，视为均未发布）" if zh else "(none: nothing recorded as published)"
    )
    if zh:
        head = (
            f"截至{_when(t.now, zone)}，对照日志{where}：已完成{n['done']}项，"
            f"逾期{n['overdue']}项，待办{n['pending']}项。"
        )
    else:
        head = (
            f"At {_when(t.now, zone)}, against journal {where}: {n['done']} done, "
            f"{n['overdue']} overdue, {n['pending']} to come."
        )
    following = [s for s in p.steps if t.steps[s.id].next]
    if not following:
        return [head, "下一步：无。" if zh else "Next: nothing left in the plan."]
    first = following[0]
    sep = "、" if zh else ", "
    kinds = sep.join(dict.fromkeys(kind_slug(s.kind) for s in following))
    channels = sep.join(dict.fromkeys(s.channel for s in following))
    if first.due is not None:
        by = _when(first.due, zone)
        nxt = (
            f"下一步：{by}前在{channels}发布{kinds}。"
            if zh
            else f"Next: {kinds} on {channels} by {by}."
        )
    else:
        span = _span(first.minutes, lang)
        nxt = (
            f"下一步：恢复后{span}内在{channels}发布{kinds}。"
            if zh
            else f"Next: {kinds} on {channels} within {span} of resolution."
        )
    return [head, nxt]


def _progress_mark(step: Step, progress: StepProgress, lang: str) -> str:
    """What the line says of the step: done (and how late), OVERDUE, or next."""
    zh = lang == "zh"
    if progress.state == "done" and progress.done_at is not None:
        zone = step.due.tzinfo if step.due else progress.done_at.tzinfo
        same_day = step.due is not None and (
            progress.done_at.astimezone(zone).date() == step.due.date()
        )
        at = _when(progress.done_at, zone, full=not same_day)
        late = ""
        if step.due is not None and progress.done_at > step.due:
            minutes = int((progress.done_at - step.due).total_seconds() // 60)
            late = f"，迟{minutes}分钟" if zh else f", {minutes} min late"
        return f"  已完成（{at}{late}）" if zh else f"  done {at}{late}"
    if progress.state == "overdue" and progress.overdue_by is not None:
        minutes = int(progress.overdue_by.total_seconds() // 60)
        return f"  逾期{minutes}分钟" if zh else f"  OVERDUE {minutes} min"
    if progress.next:
        return "  下一步" if zh else "  next"
    return ""


def _span(minutes: int, lang: str) -> str:
    units = ("天", "小时", "分钟") if lang == "zh" else (" d", " h", " min")
    if minutes % 1440 == 0:
        return f"{minutes // 1440}{units[0]}"
    if minutes % 60 == 0:
        return f"{minutes // 60}{units[1]}"
    return f"{minutes}{units[2]}"
