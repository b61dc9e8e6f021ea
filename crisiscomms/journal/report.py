"""An incident's journal at a moment, as data and as text for a person or a pager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .model import IncidentSummary, Publication, label
from .overdue import Standing, standings

STATUS_SCHEMA = "crisiscomms.journal-status/v1"
LIST_SCHEMA = "crisiscomms.journal-list/v1"


@dataclass(frozen=True)
class StatusReport:
    """Publications up to ``now`` and where every promise they made stands."""

    incident_id: str
    now: datetime
    timezone: str
    publications: tuple[Publication, ...]
    standings: tuple[Standing, ...]

    @property
    def overdue(self) -> list[Standing]:
        """The promises broken by ``now``, most overdue first."""
        late = [s for s in self.standings if s.state == "overdue"]
        return sorted(late, key=lambda s: s.deadline)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        zone = ZoneInfo(self.timezone)
        return {
            "schema": STATUS_SCHEMA,
            "incident": self.incident_id,
            "now": self.now.astimezone(zone).isoformat(),
            "timezone": self.timezone,
            "publications": [p.to_dict() for p in self.publications],
            "commitments": [s.to_dict() for s in self.standings],
            "overdue": [s.to_dict() for s in self.overdue],
        }


def status_report(incident_id: str, publications: list[Publication], now: datetime) -> StatusReport:
    """Build the report of one incident at ``now`` (publications after ``now`` not seen)."""
    zone = publications[-1].timezone if publications else "UTC"
    seen = tuple(p for p in publications if p.published_at <= now)
    return StatusReport(incident_id, now, zone, seen, tuple(standings(seen, now)))


def _clock(at: datetime, zone: ZoneInfo, now: datetime) -> str:
    local = at.astimezone(zone)
    if local.date() == now.astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _minutes(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def format_status(report: StatusReport) -> str:
    """The report as text: overdue first, then the timeline of notices and promises."""
    zone = ZoneInfo(report.timezone)
    now = report.now
    out = [
        f"incident {report.incident_id} at {now.astimezone(zone).strftime('%Y-%m-%d %H:%M')} "
        f"({report.timezone}): {len(report.publications)} publication(s), "
        f"{len(report.overdue)} overdue"
    ]
    for s in report.overdue:
        channel, audience, lang = s.readers
        late = _minutes(s.overdue_by.total_seconds()) if s.overdue_by else ""
        c = s.commitment
        what = label(c.type)
        if c.type in ("compensation_delivery", "claim_deadline"):
            what += f" {_clock(c.due_at, zone, now)}: no compensation notice yet"
        else:
            what += f" due {_clock(c.due_at, zone, now)}"
        p = s.publication
        out.append(
            f"OVERDUE {late}: {what} on {channel} to {audience} ({lang}), promised in "
            f"{p.kind} #{p.id} at {_clock(p.published_at, zone, now)}"
        )
    out.append("")
    out.append("timeline:")
    by_pub: dict[int, list[Standing]] = {}
    for s in report.standings:
        by_pub.setdefault(id(s.publication), []).append(s)
    for p in report.publications:
        out.append(
            f"  {_clock(p.published_at, zone, now)}  #{p.id} {p.kind} on {p.channel} ({p.lang}) "
            f"to {', '.join(p.audiences)}, status {p.incident_status}, "
            f"sha256 {p.text_sha256[:12]}"
        )
        for s in by_pub.get(id(p), []):
            c = s.commitment
            state = s.state
            if s.kept_by is not None:
                state += f" by #{s.kept_by.id} at {_clock(s.kept_by.published_at, zone, now)}"
            out.append(
                f"      promised {label(c.type)} {_clock(c.due_at, zone, now)} "
                f"to {c.audience}: {state}"
            )
        for c in p.commitments:
            if not c.confirmed:
                out.append(
                    f"      not stated in the text: {label(c.type)} "
                    f"{_clock(c.due_at, zone, now)} ({c.field})"
                )
    return "\n".join(out) + "\n"


def format_list(summaries: list[IncidentSummary]) -> str:
    """``journal list`` as text: one incident a line."""
    if not summaries:
        return "no incidents in the journal\n"
    lines = []
    for s in summaries:
        zone = ZoneInfo(s.timezone)
        last = s.last_published_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        state = "open" if s.open else "closed"
        lines.append(
            f"{s.id}  {state:6}  {s.status:13}  {s.publications:5} publication(s), "
            f"last {last} ({s.timezone}), {s.overdue} overdue"
        )
    return "\n".join(lines) + "\n"


def format_publication(p: Publication, missing: list[Any], db: str) -> str:
    """What ``journal publish`` says on standard error after recording."""
    zone = ZoneInfo(p.timezone)
    out = [
        f"recorded #{p.id}: {p.kind} on {p.channel} ({p.lang}) for {p.incident_id} at "
        f"{p.published_at.astimezone(zone).strftime('%Y-%m-%d %H:%M')} in {db}"
    ]
    for c in p.commitments:
        if c.confirmed:
            due = c.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            out.append(f"  promised {label(c.type)} {due} to {c.audience}: {c.evidence!r}")
    for c in missing:
        due = c.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        out.append(
            f"  not in the text: {label(c.type)} {due} ({c.field}) for {c.audience}: "
            "the readers were not told; it is not tracked"
        )
    return "\n".join(out) + "\n"
