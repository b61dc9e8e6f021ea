"""The journal's storage: concurrent writers, a killed writer, schema versions, bad URLs.

On SQLite and PostgreSQL alike (``journal_db``); every problem a person can fix is one
line and exit 2.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from journal_support import cli, journal_db, write_facts
from journal_workers import die_while_writing, publish_many

from crisiscomms.journal import open_journal, schema
from crisiscomms.journal.store import JournalError, resolve_url

__all__ = ["journal_db"]


def test_two_processes_publishing_at_once_lose_nothing(journal_db: str) -> None:
    context = multiprocessing.get_context("spawn")
    open_journal(journal_db, create=True).close()  # both start on an existing journal
    start = context.Manager().Event()
    with context.Pool(2) as pool:
        jobs = [
            pool.apply_async(publish_many, (journal_db, f"writer-{n}", 25, start)) for n in (1, 2)
        ]
        start.set()
        ids = [job.get(timeout=300) for job in jobs]
    assert len(set(ids[0]) | set(ids[1])) == 50
    with open_journal(journal_db) as journal:
        for n in (1, 2):
            found = journal.publications(f"writer-{n}")
            assert len(found) == 25
            assert all(len(p.commitments) == 3 for p in found)


def test_two_processes_creating_the_journal_at_once_both_succeed(journal_db: str) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Manager().Event()
    with context.Pool(2) as pool:
        jobs = [pool.apply_async(publish_many, (journal_db, f"new-{n}", 3, start)) for n in (1, 2)]
        start.set()
        assert [len(job.get(timeout=300)) for job in jobs] == [3, 3]


def test_opening_while_another_program_switches_the_file_waits_for_it(tmp_path: Path) -> None:
    # SQLite answers a journal-mode switch that meets another connection's write lock with
    # "database is locked" at once, without the busy timeout: the race two processes creating
    # the journal together can lose. Here the other writer holds its lock for 0.3 s.
    path = tmp_path / "journal.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE other_program (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO other_program VALUES (1)")
    release = threading.Timer(0.3, other.execute, ("COMMIT",))
    release.start()
    try:
        with open_journal(str(path), create=True) as journal:
            assert journal.version() == schema.LATEST
    finally:
        release.join()
        other.close()


def test_a_writer_killed_mid_transaction_leaves_a_readable_journal(
    journal_db: str, tmp_path: Path
) -> None:
    assert cli("journal", "publish", str(write_facts(tmp_path)), "--db", journal_db,
               "--kind", "first-statement", "--lang", "zh").returncode == 0  # fmt: skip
    process = multiprocessing.get_context("spawn").Process(
        target=die_while_writing, args=(journal_db,)
    )
    process.start()
    process.join(timeout=300)
    assert process.exitcode == -9
    with open_journal(journal_db) as journal:
        assert [p.incident_id for p in journal.publications()] == ["2026-11-28-login"]
    # and writable again: the killed writer's lock is gone
    assert cli("journal", "publish", str(write_facts(tmp_path)), "--db", journal_db,
               "--kind", "first-statement", "--lang", "en").returncode == 0  # fmt: skip


def _set_version(db: str, version: int) -> None:
    with open_journal(db) as journal, journal.writing() as conn:
        conn.execute(schema.schema_version.update().values(version=version))


def test_a_journal_of_a_newer_schema_is_refused_in_one_line(journal_db: str) -> None:
    open_journal(journal_db, create=True).close()
    _set_version(journal_db, schema.LATEST + 1)
    result = cli("journal", "status", "x", "--db", journal_db)
    assert result.returncode == 2
    assert "newer than this crisiscomms knows" in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_older_journal_is_upgraded_by_journal_upgrade_keeping_its_data(
    journal_db: str, tmp_path: Path
) -> None:
    # Take the journal back to version 1, as an earlier crisiscomms left it.
    with open_journal(journal_db, create=True) as journal, journal.writing() as conn:
        for name in ("ix_journal_publications_incident", "ix_journal_commitments_incident"):
            conn.exec_driver_sql(f"DROP INDEX {name}")
    _set_version(journal_db, 1)
    result = cli("journal", "list", "--db", journal_db)
    assert result.returncode == 2 and "run `crisiscomms journal upgrade`" in result.stderr
    assert cli("journal", "upgrade", "--db", journal_db).returncode == 0
    assert cli("journal", "publish", str(write_facts(tmp_path)), "--db", journal_db,
               "--kind", "first-statement", "--lang", "zh").returncode == 0  # fmt: skip
    with open_journal(journal_db) as journal:
        assert journal.version() == schema.LATEST
        assert len(journal.publications()) == 1


def test_status_of_an_unknown_incident_is_bad_input(journal_db: str) -> None:
    open_journal(journal_db, create=True).close()
    result = cli("journal", "status", "no-such-incident", "--db", journal_db)
    assert result.returncode == 2 and "no publication of incident" in result.stderr


@pytest.mark.parametrize(
    ("db", "says"),
    [
        ("mysql://u@127.0.0.1/db", "is not supported"),
        ("postgresql+psycopg://u@127.0.0.1:1/db", "journal postgresql+psycopg://u@127.0.0.1:1/db"),
        ("postgresql://u:secret@127.0.0.1:1/db", "u:***@127.0.0.1"),
        ("sqlite:///no/such/folder/journal.sqlite3", "no journal at"),
        ("sqlite://", "needs a file"),
        ("postgresql+psycopg://u@127.0.0.1:notaport/db", "is not valid"),
        ("://x", "is not valid"),
    ],
)
def test_a_bad_or_unreachable_database_is_one_line_and_exit_2(
    db: str, says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("journal", "status", "x", "--db", db)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "secret" not in result.stderr


def test_publish_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'missing' / 'journal.sqlite3'}"
    result = cli("journal", "publish", str(write_facts(tmp_path)), "--db", db,
                 "--kind", "first-statement", "--lang", "zh")  # fmt: skip
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_a_sqlite_file_that_is_not_a_journal_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE journal_publications (x)")
    result = cli("journal", "publish", str(write_facts(tmp_path)), "--db", str(other),
                 "--kind", "first-statement", "--lang", "zh")  # fmt: skip
    assert result.returncode == 2 and "not a crisiscomms journal" in result.stderr
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    result = cli("journal", "list", "--db", str(garbage))
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr


def test_the_default_journal_is_a_file_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CRISISCOMMS_DB", raising=False)
    result = cli("journal", "list")
    assert result.returncode == 2 and "crisiscomms journal publish` creates it" in result.stderr
    assert not (tmp_path / "crisiscomms-journal.sqlite3").exists()  # reading creates nothing
    facts = write_facts(tmp_path)
    assert cli("journal", "publish", str(facts), "--kind", "first-statement",
               "--lang", "zh").returncode == 0  # fmt: skip
    assert (tmp_path / "crisiscomms-journal.sqlite3").is_file()
    monkeypatch.setenv("CRISISCOMMS_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_url().database == str(tmp_path / "env.sqlite3")


def test_bad_publish_input_is_exit_2_and_records_nothing(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'j.sqlite3'}"
    cases = [
        (write_facts(tmp_path, "noid.json", id=None), ["--kind", "first-statement"], "no id"),
        (write_facts(tmp_path), ["--kind", "first-statement", "--channel", "fax"], "channel"),
        (write_facts(tmp_path), ["--kind", "memo"], "unknown notice kind"),
        (write_facts(tmp_path), ["--kind", "apology", "--at", "16:00"], "--at"),
        (write_facts(tmp_path), ["--kind", "first-statement", "--at", "2026-11-28T16:00"],
         "no time zone"),
        (write_facts(tmp_path, "gap.json", next_update_at=None, eta=None),
         ["--kind", "first-statement"], "placeholders for: next_update_at"),
    ]  # fmt: skip
    for facts, args, says in cases:
        result = cli("journal", "publish", str(facts), "--db", db, "--lang", "zh", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert says in result.stderr, result.stderr
    assert not (tmp_path / "j.sqlite3").exists()
    result = cli("journal", "status", "x", "--db", db, "--now", "tomorrow")
    assert result.returncode == 2 and "--now" in result.stderr


def test_the_command_line_starts_without_sqlalchemy() -> None:
    code = (
        "import sys, crisiscomms.cli as c; c._parser(); "
        "print(any(m.split('.')[0] in ('sqlalchemy', 'psycopg') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_resolve_url_never_prints_a_password() -> None:
    with pytest.raises(JournalError) as error:
        resolve_url("oracle://scott:tiger@127.0.0.1/db")
    assert "tiger" not in str(error.value)
