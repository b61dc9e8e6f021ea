"""Where the journal lives: SQLite by default, PostgreSQL for a team (SQLAlchemy Core).

:func:`open_journal` resolves the location (``--db``, else ``CRISISCOMMS_DB``, else
``crisiscomms-journal.sqlite3`` in the working directory), checks the schema
version, and returns a :class:`Journal`. Every problem a person can fix (a bad
URL, a server that does not answer, a journal of another version) is a
:class:`JournalError` with one line naming it; the password in a URL is never shown.

Writers never lose each other's work: each publication is one transaction (on
SQLite taken with ``BEGIN IMMEDIATE`` and a 30 s busy timeout, so two processes
queue instead of failing), and a writer that dies mid-way leaves the journal as
it was before its transaction.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from ..errors import InputError
from . import schema
from .model import Commitment, Publication, rules

ENV_VAR = "CRISISCOMMS_DB"
_LOCK_KEY = 0x6A6F75726E616C  # PostgreSQL advisory lock taken while the schema changes
_BUSY_SECONDS = 30
_SQLITE_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (and their extended forms)


class JournalError(InputError):
    """The journal cannot be opened or used as asked; the message is one line."""


def default_url() -> str:
    """The journal used when nothing is given: a SQLite file in the working directory."""
    return f"sqlite:///{rules()['default_file']}"


def resolve_url(db: str | None = None) -> URL:
    """Return the journal's URL from ``db``, else ``CRISISCOMMS_DB``, else the default.

    A plain path is a SQLite file; ``postgresql://`` and ``postgres://`` use psycopg 3.

    Examples:
        >>> resolve_url("team.sqlite3").render_as_string()
        'sqlite:///team.sqlite3'
        >>> resolve_url("postgresql://cc:secret@db.example/journal").render_as_string()
        'postgresql+psycopg://cc:***@db.example/journal'
    """
    value = (db if db is not None else os.environ.get(ENV_VAR, "")).strip() or default_url()
    if "://" not in value:
        value = f"sqlite:///{value}"
    for plain in ("postgresql://", "postgres://"):
        if value.startswith(plain):
            value = "postgresql+psycopg://" + value[len(plain) :]
    try:
        url = make_url(value)
    except (ArgumentError, ValueError) as error:
        raise JournalError(
            f"journal database URL {_shown(value)!r} is not valid: {error}"
        ) from None
    if url.drivername not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise JournalError(
            f"journal database {url.drivername!r} is not supported: use sqlite:///FILE "
            "or postgresql+psycopg://USER@HOST/DATABASE"
        )
    if url.drivername.startswith("sqlite") and url.database in (None, "", ":memory:"):
        raise JournalError("a SQLite journal needs a file: sqlite:///crisiscomms-journal.sqlite3")
    return url


def _shown(value: str) -> str:
    """A URL as it may be printed: any password replaced by ***."""
    head, sep, rest = value.partition("://")
    if not sep or "@" not in rest:
        return value
    credentials, _, host = rest.rpartition("@")
    user, colon, _ = credentials.partition(":")
    return f"{head}://{user}{':***' if colon else ''}@{host}"


def open_journal(db: str | None = None, *, create: bool = False) -> Journal:
    """Open the journal at ``db`` (see :func:`resolve_url`).

    Args:
        db: a URL or a SQLite file path; None for ``CRISISCOMMS_DB`` or the default file.
        create: make the journal if there is none (the first ``publish`` does).

    Raises:
        JournalError: bad URL, missing driver, unreachable server, no journal there
            (and ``create`` is False), or a schema version this program does not run on.
    """
    url = resolve_url(db)
    journal = Journal(url)
    try:
        journal.check_schema(create=create)
    except BaseException:
        journal.close()
        raise
    return journal


class Journal:
    """An open journal: add publications, read an incident's, list incidents."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.shown = url.render_as_string(hide_password=True)
        self.sqlite = url.drivername.startswith("sqlite")
        if self.sqlite and url.database:
            self._file: Path | None = Path(url.database)
        else:
            self._file = None
        self.engine = _engine(url)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- connections -------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction."""
        with self._errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction: on SQLite it holds the write lock from its first statement."""
        with (
            self._errors(),
            self.engine.connect().execution_options(journal_write=True) as conn,
            conn.begin(),
        ):
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except JournalError:
            raise
        except DBAPIError as error:
            raise JournalError(f"journal {self.shown}: {_first_line(error.orig)}") from None
        except (SQLAlchemyError, OSError) as error:
            raise JournalError(f"journal {self.shown}: {_first_line(error)}") from None
        except ModuleNotFoundError as error:
            raise JournalError(
                f"journal {self.shown}: the {error.name} driver is not installed "
                "(PostgreSQL: pip install 'crisiscomms[postgres]')"
            ) from None

    # ---- schema ------------------------------------------------------------------------

    def version(self) -> int | None:
        """The journal's schema version, or None when there is no journal here yet."""
        if self._file is not None and not self._file.exists():
            return None
        with self.reading() as conn:
            return _version(conn)

    def check_schema(self, *, create: bool = False, upgrade: bool = False) -> int:
        """Check (and with ``create``/``upgrade``, bring) the schema to :data:`LATEST`."""
        found = self.version()
        if found == schema.LATEST:
            return found
        if found is None and not create:
            where = f"no journal at {self._file}" if self._file else f"no journal in {self.shown}"
            raise JournalError(f"{where}: `crisiscomms journal publish` creates it")
        if found is not None and found > schema.LATEST:
            raise JournalError(
                f"journal {self.shown} has schema version {found}, newer than this crisiscomms "
                f"knows ({schema.LATEST}): upgrade crisiscomms"
            )
        if found is not None and not upgrade:
            raise JournalError(
                f"journal {self.shown} has schema version {found}, older than this crisiscomms "
                f"uses ({schema.LATEST}): run `crisiscomms journal upgrade`"
            )
        return self._migrate()

    def _migrate(self) -> int:
        if self._file is not None and not self._file.parent.is_dir():
            raise JournalError(f"cannot create the journal {self._file}: no such folder")
        with self.writing() as conn:
            if not self.sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
            found = _version(conn)  # again, under the lock: another process may have done it
            if found is None and _foreign_tables(conn):
                raise JournalError(
                    f"{self.shown} holds journal tables without a schema version: "
                    "not a crisiscomms journal"
                )
            start = found or 0
            if start > schema.LATEST:
                raise JournalError(f"journal {self.shown}: schema version {start} is too new")
            for step in schema.MIGRATIONS[start:]:
                step(conn)
            if start == 0:
                conn.execute(schema.schema_version.insert().values(version=schema.LATEST))
            elif start < schema.LATEST:
                conn.execute(schema.schema_version.update().values(version=schema.LATEST))
        return schema.LATEST

    # ---- data --------------------------------------------------------------------------

    def add(self, publication: Publication) -> int:
        """Record one publication and its commitments in one transaction; return its id."""
        return self.add_many([publication])[0]

    def add_many(self, publications: Iterable[Publication]) -> list[int]:
        """Record publications in one transaction (all or none); return their ids."""
        ids: list[int] = []
        recorded = datetime.now(UTC)
        listed = list(publications)
        if not listed:
            return ids
        table = schema.publications
        with self.writing() as conn:
            if len(listed) == 1:  # one publish: no executemany machinery
                # The statement is the same every time, the row its parameters: compiled once.
                result = conn.execute(_INSERT_PUBLICATION, _row(listed[0], recorded))
                key = result.inserted_primary_key
                ids = [] if key is None else [int(key[0])]
            else:
                insert = table.insert().returning(table.c.id, sort_by_parameter_order=True)
                result = conn.execute(insert, [_row(p, recorded) for p in listed])
                ids = [int(pid) for pid in result.scalars()]
            if len(ids) != len(listed):  # pragma: no cover - both dialects return new ids
                raise JournalError(f"journal {self.shown}: no id for a new publication")
            rows = [
                _commitment_row(pid, p.incident_id, c)
                for pid, p in zip(ids, listed, strict=True)
                for c in p.commitments
            ]
            if rows:
                conn.execute(_INSERT_COMMITMENT, rows)
        return ids

    def publications(self, incident_id: str | None = None) -> list[Publication]:
        """Every publication of the incident (or of all), oldest first, with commitments.

        The hot path of ``journal status``: plain SQL over the two tables, each row
        read straight into a tuple (no per-value type processing).
        """
        where = "" if incident_id is None else " WHERE incident_id = :incident"
        params = {} if incident_id is None else {"incident": incident_id}
        with self.reading() as conn:
            prow = conn.execute(text(_PUBLICATIONS + where + " ORDER BY published_at, id"), params)
            pubs = prow.all()
            crow = conn.execute(text(_COMMITMENTS + where + " ORDER BY id"), params).all()
        by_pub: dict[int, list[Commitment]] = {}
        as_time = schema.as_time
        for pid, type_, due, audience, field, confirmed, evidence in crow:
            by_pub.setdefault(pid, []).append(
                Commitment(type_, as_time(due), audience, field, bool(confirmed), evidence)
            )
        return [
            Publication(
                id=r[0],
                incident_id=r[1],
                kind=r[2],
                channel=r[3],
                lang=r[4],
                published_at=as_time(r[5]),
                recorded_at=as_time(r[6]),
                text_sha256=r[7],
                text_source=r[8],
                timezone=r[9],
                incident_status=r[10],
                severity=r[11],
                audiences=tuple(r[12].split(",")),
                data_status=r[13],
                funds_status=r[14],
                commitments=tuple(by_pub.get(r[0], ())),
            )
            for r in pubs
        ]


_INSERT_PUBLICATION = schema.publications.insert()
_INSERT_COMMITMENT = schema.commitments.insert()
_PUBLICATIONS = (
    "SELECT id, incident_id, kind, channel, lang, published_at, recorded_at, text_sha256, "
    "text_source, timezone, incident_status, severity, audiences, data_status, funds_status "
    "FROM journal_publications"
)
_COMMITMENTS = (
    "SELECT publication_id, type, due_at, audience, field, confirmed, evidence "
    "FROM journal_commitments"
)


def _engine(url: URL) -> Engine:
    try:
        if url.drivername.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": _BUSY_SECONDS})
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        args: dict[str, Any] = {}
        if "connect_timeout" not in url.query:
            args["connect_timeout"] = 10
        return create_engine(url, connect_args=args, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError, ImportError):
        raise JournalError(
            f"journal {url.render_as_string(hide_password=True)}: the PostgreSQL driver is not "
            "installed: pip install 'crisiscomms[postgres]'"
        ) from None
    except (ArgumentError, ValueError) as error:
        raise JournalError(f"journal database URL is not usable: {_first_line(error)}") from None


def _sqlite_connect(dbapi_connection: Any, record: Any) -> None:
    # Let SQLAlchemy's begin event start transactions (pysqlite's own handling defers
    # BEGIN and cannot take the write lock up front).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # Write-ahead log: readers never wait for a writer, and a commit needs no sync of the
    # database file; a process that dies mid-write leaves the journal as it was.
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    # Switching a file to WAL needs it to itself for a moment. When another connection holds
    # its write lock (a second process creating the journal at the same instant), SQLite
    # answers "database is locked" at once, without the busy timeout; wait for it here.
    deadline = time.monotonic() + _BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            busy = getattr(error, "sqlite_errorcode", 0) & 0xFF in _SQLITE_BUSY_CODES
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get("journal_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _version(conn: Connection) -> int | None:
    if not inspect(conn).has_table(schema.SCHEMA_TABLE):
        return None
    found = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
    return None if found is None else int(found)


def _foreign_tables(conn: Connection) -> bool:
    names = set(inspect(conn).get_table_names())
    return bool(names & {"journal_publications", "journal_commitments"})


def _first_line(error: object) -> str:
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def _row(p: Publication, recorded: datetime) -> dict[str, Any]:
    return {
        "incident_id": p.incident_id,
        "kind": p.kind,
        "channel": p.channel,
        "lang": p.lang,
        "published_at": p.published_at,
        "recorded_at": p.recorded_at or recorded,
        "text_sha256": p.text_sha256,
        "text_source": p.text_source,
        "timezone": p.timezone,
        "incident_status": p.incident_status,
        "severity": p.severity,
        "audiences": ",".join(p.audiences),
        "data_status": p.data_status,
        "funds_status": p.funds_status,
    }


def _commitment_row(pid: int, incident_id: str, c: Commitment) -> dict[str, Any]:
    return {
        "publication_id": pid,
        "incident_id": incident_id,
        "type": c.type,
        "due_at": c.due_at,
        "audience": c.audience,
        "field": c.field,
        "confirmed": c.confirmed,
        "evidence": c.evidence,
    }
