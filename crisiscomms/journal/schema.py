"""The journal's tables and the migrations that build them, version by version.

Why not Alembic: the journal is three tables with a straight history, shipped
inside a library whose command line must start fast. Alembic would add a
dependency (and Mako), a script folder and an ``env.py`` to the wheel, for what is
here a list of functions. Each migration is SQLAlchemy Core DDL run in its own
transaction (both SQLite and PostgreSQL roll DDL back), under a lock (PostgreSQL:
an advisory lock; SQLite: ``BEGIN IMMEDIATE``), and the version it reaches is
written in the same transaction: a journal is always at exactly one version.
``crisiscomms journal upgrade`` runs the ones a journal lacks.

The tables below are the current shape, used by queries; each migration defines
the tables it creates itself, so a later change never rewrites an earlier step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.types import TypeEngine

SCHEMA_TABLE = "crisiscomms_journal_schema"


#: How SQLite holds a time: UTC, fixed width, so text order is time order.
SQLITE_TIME = "%Y-%m-%dT%H:%M:%S.%f+00:00"


class UtcTime(TypeDecorator[datetime]):
    """An aware time, stored in UTC: ``timestamptz`` on PostgreSQL, fixed-width text on SQLite.

    SQLite's text is ISO 8601 (``2026-11-28T08:30:00.000000+00:00``), which
    :func:`as_time` reads back at C speed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(32))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the journal stores aware times only")
        value = value.astimezone(UTC)
        return value.strftime(SQLITE_TIME) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_time(value)


def as_time(value: Any) -> datetime:
    """A stored time (SQLite text, or a PostgreSQL ``timestamptz``) as an aware UTC time."""
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is UTC:  # as SQLite holds it: nothing to convert
            return parsed
        value = parsed
    if not isinstance(value, datetime):
        raise ValueError(f"not a time: {value!r}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _schema_table(metadata: MetaData) -> Table:
    return Table(SCHEMA_TABLE, metadata, Column("version", Integer, nullable=False))


def _publications(metadata: MetaData) -> Table:
    return Table(
        "journal_publications",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("incident_id", String(128), nullable=False),
        Column("kind", String(40), nullable=False),
        Column("channel", String(20), nullable=False),
        Column("lang", String(16), nullable=False),
        Column("published_at", UtcTime, nullable=False),
        Column("recorded_at", UtcTime, nullable=False),
        Column("text_sha256", String(64), nullable=False),
        Column("text_source", String(8), nullable=False),
        Column("timezone", String(64), nullable=False),
        Column("incident_status", String(20), nullable=False),
        Column("severity", String(4), nullable=False),
        Column("audiences", Text, nullable=False),
        Column("data_status", String(24)),
        Column("funds_status", String(24)),
    )


def _commitments(metadata: MetaData) -> Table:
    return Table(
        "journal_commitments",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "publication_id",
            Integer,
            ForeignKey("journal_publications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("incident_id", String(128), nullable=False),
        Column("type", String(32), nullable=False),
        Column("due_at", UtcTime, nullable=False),
        Column("audience", String(64), nullable=False),
        Column("field", String(64), nullable=False),
        Column("confirmed", Boolean, nullable=False),
        Column("evidence", Text, nullable=False),
    )


metadata = MetaData()
schema_version = _schema_table(metadata)
publications = _publications(metadata)
commitments = _commitments(metadata)


def _v1(conn: Connection) -> None:
    """The schema version table, publications and their commitments."""
    frozen = MetaData()
    for table in (_schema_table(frozen), _publications(frozen), _commitments(frozen)):
        table.create(conn)


def _v2(conn: Connection) -> None:
    """Indexes for reading one incident: its publications in time order, its commitments."""
    frozen = MetaData()
    pubs, comms = _publications(frozen), _commitments(frozen)
    Index("ix_journal_publications_incident", pubs.c.incident_id, pubs.c.published_at).create(conn)
    Index("ix_journal_commitments_incident", comms.c.incident_id).create(conn)


#: Migration n takes a journal from version n - 1 to n.
MIGRATIONS: tuple[Callable[[Connection], Any], ...] = (_v1, _v2)
LATEST = len(MIGRATIONS)
