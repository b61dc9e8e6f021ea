"""Which steps of a plan are done, which are overdue, and which come next (pure data).

:func:`track` takes a plan's steps and the notices published (from the incident
journal, or any list of them) and says, at ``now``, where each step stands:

- ``done``: a notice of the step's kind went out on its channel to all its audiences
  (any language). Each notice finishes at most one step. A channel's first statement
  step is done by any first statement there. Steps of one kind and channel (the
  progress updates, the compensation notice and its "delivered" follow-up, the report
  and its prevention progress) take the notices in turn, in the order they are due;
  a progress update step only takes a notice published after the previous update was
  due (the first one: after its due time less the cadence), so an early burst of
  updates does not finish steps to come, and a late update still finishes the step
  it was late for.
- ``overdue``: not done, and its deadline is before ``now``.
- ``pending``: not done, deadline ahead (or waiting for resolution).

``next`` marks the pending steps due soonest (all channels with that deadline; when
none has a deadline, the waiting steps due soonest after resolution).

Notices published after ``now`` are not seen, as in ``journal status``. Nothing here
reads a database: the caller brings the notices.

Examples:
    >>> from datetime import datetime
    >>> from types import SimpleNamespace as Notice
    >>> from crisiscomms.facts import parse_incident
    >>> from crisiscomms.plan import plan
    >>> p = plan(parse_incident({
    ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
    ...     "service": {"zh": "示例App", "en": "the Example app"},
    ...     "severity": "P0", "timezone": "Asia/Shanghai", "audiences": ["users"],
    ...     "started_at": "2026-11-28T15:40:00+08:00",
    ...     "published_at": "2026-11-28T16:00:00+08:00",
    ...     "next_update_at": "2026-11-28T16:30:00+08:00"}))
    >>> first = Notice(kind="first_statement", channel="weibo", audiences=("users",),
    ...                published_at=datetime.fromisoformat("2026-11-28T16:00:00+08:00"), id=1)
    >>> got = track(p.steps, [first], datetime.fromisoformat("2026-11-28T16:31:00+08:00"))
    >>> got["first-statement.weibo"].state, got["progress-update.20261128T0830Z.weibo"].state
    ('done', 'overdue')
    >>> [i for i, s in got.items() if s.next][:1]
    ['progress-update.20261128T0900Z.statuspage']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol

from .plan import Step

State = Literal["done", "overdue", "pending"]


class Published(Protocol):
    """What a step needs to know of a published notice (a journal ``Publication`` has it)."""

    @property
    def kind(self) -> str: ...

    @property
    def channel(self) -> str: ...

    @property
    def audiences(self) -> tuple[str, ...]: ...

    @property
    def published_at(self) -> datetime: ...

    @property
    def id(self) -> int | None: ...


@dataclass(frozen=True)
class StepProgress:
    """Where one step stands at ``now``."""

    state: State
    done_at: datetime | None = None
    done_by: int | None = None
    """The journal id of the notice that finished it."""
    next: bool = False
    overdue_by: timedelta | None = None

    def to_dict(self, zone: Any = None) -> dict[str, Any]:
        """Return the step's progress as JSON-ready data (``done_at`` in ``zone``)."""
        done_at = self.done_at
        if done_at is not None and zone is not None:
            done_at = done_at.astimezone(zone)
        return {
            "state": self.state,
            "done_at": done_at.isoformat() if done_at else None,
            "done_by": self.done_by,
            "next": self.next,
            "overdue_minutes": None
            if self.overdue_by is None
            else int(self.overdue_by.total_seconds() // 60),
        }


@dataclass(frozen=True)
class Tracking:
    """A plan's steps judged at ``now`` against the notices of one journal."""

    now: datetime
    journal: str | None
    """Where the notices came from (the journal's URL, password hidden); None: no journal."""
    steps: Mapping[str, StepProgress]

    def counts(self) -> dict[str, int]:
        """How many steps are done, overdue and pending."""
        out = {"done": 0, "overdue": 0, "pending": 0}
        for progress in self.steps.values():
            out[progress.state] += 1
        return out


def track(
    steps: Sequence[Step], published: Iterable[Published], now: datetime
) -> dict[str, StepProgress]:
    """Return each step's progress at ``now``, by step id, in the steps' order."""
    seen = sorted(
        (p for p in published if p.published_at <= now),
        key=lambda p: (p.published_at.astimezone(UTC), p.id or 0),
    )
    done: dict[str, Published] = {}
    groups: dict[tuple[str, str], list[Step]] = {}
    for step in steps:
        groups.setdefault((step.kind, step.channel), []).append(step)
    for (kind, channel), group in groups.items():
        notices = [p for p in seen if p.kind == kind and p.channel == channel]
        done.update(_allocate(group, notices))
    out: dict[str, StepProgress] = {}
    for step in steps:
        notice = done.get(step.id)
        if notice is not None:
            out[step.id] = StepProgress("done", notice.published_at, notice.id)
        elif step.due is not None and step.due < now:
            out[step.id] = StepProgress("overdue", overdue_by=now - step.due)
        else:
            out[step.id] = StepProgress("pending")
    for step_id in _next(steps, out):
        out[step_id] = StepProgress("pending", next=True)
    return out


def _allocate(group: list[Step], notices: list[Published]) -> Mapping[str, Published]:
    """Give each step of one kind and channel the first unused notice that can finish it."""
    never = datetime.max.replace(tzinfo=UTC)
    order = sorted(
        group, key=lambda s: (s.due is None, s.due.astimezone(UTC) if s.due else never, s.minutes)
    )
    used: set[int] = set()
    out: dict[str, Published] = {}
    after: datetime | None = None
    for step in order:
        if step.kind == "progress_update" and step.due is not None:
            after = after if after is not None else step.due - timedelta(minutes=step.minutes)
        for i, notice in enumerate(notices):
            if i in used or not _reaches(notice, step):
                continue
            if (
                step.kind == "progress_update"
                and after is not None
                and notice.published_at <= after
            ):
                continue  # published before the previous update was due: not this one's
            used.add(i)
            out[step.id] = notice
            break
        if step.kind == "progress_update" and step.due is not None:
            after = step.due
    return out


def _reaches(notice: Published, step: Step) -> bool:
    """All the step's audiences read the notice (a notice that records none reaches all)."""
    return not notice.audiences or set(step.audiences) <= set(notice.audiences)


def _next(steps: Sequence[Step], progress: Mapping[str, StepProgress]) -> list[str]:
    pending = [s for s in steps if progress[s.id].state == "pending"]
    dated = [s for s in pending if s.due is not None]
    if dated:
        soonest = min(s.due.astimezone(UTC) for s in dated if s.due is not None)
        return [s.id for s in dated if s.due is not None and s.due.astimezone(UTC) == soonest]
    if pending:
        soonest_minutes = min(s.minutes for s in pending)
        return [s.id for s in pending if s.minutes == soonest_minutes]
    return []
