"""Processes the journal tests start: writers publishing at once, a writer killed mid-way."""

from __future__ import annotations

import os
import signal
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from journal_support import facts

from crisiscomms.facts import parse_incident
from crisiscomms.journal import open_journal, prepare, schema
from crisiscomms.journal.store import _row


def publish_many(db: str, incident_id: str, count: int, start: Any) -> list[int]:
    """Publish ``count`` first statements, each in its own transaction; return their ids."""
    incident = parse_incident(facts(id=incident_id))
    record = prepare(incident, "first_statement", "weibo", "zh").publication
    ids = []
    with open_journal(db, create=True) as journal:
        start.wait()
        for i in range(count):
            at = record.published_at + timedelta(seconds=i)
            ids.append(journal.add(replace(record, published_at=at)))
    return ids


def die_while_writing(db: str) -> None:
    """Start writing a publication and be killed before the transaction commits."""
    incident = parse_incident(facts(id="killed-mid-write"))
    record = prepare(incident, "first_statement", "notice", "en").publication
    with open_journal(db, create=True) as journal, journal.writing() as conn:
        conn.execute(schema.publications.insert().values(**_row(record, datetime.now(UTC))))
        os.kill(os.getpid(), signal.SIGKILL)
