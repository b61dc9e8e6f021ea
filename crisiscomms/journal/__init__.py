"""The incident journal: every notice published, every time it promised, what is overdue.

``crisiscomms journal publish`` records a notice (incident, kind, channel, language,
time, the text's SHA-256) and each commitment its text states: the next update, the
ETA, data and funds check results, compensation delivery and claim deadlines.
``journal status`` says which promises are kept, pending or overdue at a moment.

Storage is SQLite in ``crisiscomms-journal.sqlite3`` in the working directory by
default, or PostgreSQL through SQLAlchemy Core and psycopg 3
(``postgresql+psycopg://...``, with ``--db`` or ``CRISISCOMMS_DB``). SQLAlchemy is
imported only when a journal is opened, never when the command line starts.

Examples:
    >>> from crisiscomms.facts import parse_incident
    >>> from datetime import datetime
    >>> incident = parse_incident({
    ...     "id": "2026-11-28-login",
    ...     "organization": {"zh": "示例科技", "en": "Example Tech"},
    ...     "service": {"zh": "示例App", "en": "the Example app"},
    ...     "timezone": "Asia/Shanghai",
    ...     "started_at": "2026-11-28T15:40:00+08:00",
    ...     "published_at": "2026-11-28T16:00:00+08:00",
    ...     "impact": {"symptoms": {"zh": "无法登录", "en": "logins failing"}},
    ...     "next_update_at": "2026-11-28T16:30:00+08:00"})
    >>> record = prepare(incident, "first-statement", "weibo", "zh")
    >>> [(c.type, c.evidence) for c in record.publication.commitments]
    [('next_update', '北京时间11月28日16:30前')]
    >>> late = status_report("2026-11-28-login", [replace(record.publication, id=1)],
    ...                      datetime.fromisoformat("2026-11-28T16:31:00+08:00"))
    >>> [(s.commitment.type, s.readers) for s in late.overdue]
    [('next_update', ('weibo', 'users', 'zh'))]
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..facts import Incident
from .model import Commitment, IncidentSummary, Publication, commitment_types, label
from .overdue import Standing, standings
from .publish import Prepared, channel_names, normalize_channel, prepare
from .report import StatusReport, status_report

if TYPE_CHECKING:
    from .store import Journal

__all__ = [
    "Commitment",
    "IncidentSummary",
    "Prepared",
    "Publication",
    "Standing",
    "StatusReport",
    "channel_names",
    "commitment_types",
    "incidents",
    "label",
    "normalize_channel",
    "open_journal",
    "prepare",
    "publish",
    "standings",
    "status",
    "status_report",
]


def open_journal(db: str | None = None, *, create: bool = False) -> Journal:
    """Open the journal (see :func:`crisiscomms.journal.store.open_journal`)."""
    from .store import open_journal as _open

    return _open(db, create=create)


def publish(
    incident: Incident,
    kind: str,
    channel: str = "notice",
    lang: str = "zh",
    *,
    at: datetime | None = None,
    text: str | None = None,
    db: str | None = None,
) -> Prepared:
    """Record one published notice; return it (with its id) and the times its text lacks."""
    prepared = prepare(incident, kind, channel, lang, at=at, text=text)
    with open_journal(db, create=True) as journal:
        pid = journal.add(prepared.publication)
    return replace(prepared, publication=replace(prepared.publication, id=pid))


def status(incident_id: str, *, now: datetime | None = None, db: str | None = None) -> StatusReport:
    """Where the incident's promises stand at ``now`` (default: the current time).

    Raises:
        JournalError: no journal there, or no publication of that incident in it.
    """
    from .store import JournalError

    with open_journal(db) as journal:
        found = journal.publications(incident_id)
        where = journal.shown
    if not found:
        raise JournalError(f"no publication of incident {incident_id!r} in journal {where}")
    return status_report(incident_id, found, now or datetime.now(UTC))


def incidents(
    *, open_only: bool = False, now: datetime | None = None, db: str | None = None
) -> list[IncidentSummary]:
    """Every incident in the journal, most recently published first.

    An incident is open while its latest notice does not say it is resolved, or while
    a promise made to its readers is still pending or overdue.
    """
    when = now or datetime.now(UTC)
    with open_journal(db) as journal:
        everything = journal.publications()
    grouped: dict[str, list[Publication]] = {}
    for p in everything:
        grouped.setdefault(p.incident_id, []).append(p)
    out = []
    for incident_id, pubs in grouped.items():
        report = status_report(incident_id, pubs, when)
        seen = report.publications or tuple(pubs[:1])
        latest = seen[-1]
        waiting = any(s.state in ("pending", "overdue") for s in report.standings)
        out.append(
            IncidentSummary(
                id=incident_id,
                publications=len(seen),
                first_published_at=seen[0].published_at,
                last_published_at=latest.published_at,
                status=latest.incident_status,
                timezone=latest.timezone,
                overdue=len(report.overdue),
                open=latest.incident_status != "resolved" or waiting,
            )
        )
    out.sort(key=lambda s: (s.last_published_at, s.id), reverse=True)
    return [s for s in out if s.open] if open_only else out
