"""Measure the incident journal: status of a long incident, loading many publications.

Run: ``python benchmarks/bench_journal.py`` (SQLite in a temporary folder; with
``CRISISCOMMS_TEST_PG_URL`` set, PostgreSQL too — its tables are dropped first). Prints:

1. ``journal status`` of an incident with 1,000 publications (3 promises each):
   the library call (open, read, judge; target under 100 ms on SQLite) and the whole
   command in a new process (Python start-up included);
2. 10,000 publications across 100 incidents written to the journal, one transaction
   each (as 10,000 ``journal publish`` would; target under 10 s), and in one
   transaction (``Journal.add_many``);
3. ``journal list`` over those 10,000 publications.

Nothing is asserted: machines are shared and timings drift.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from crisiscomms.facts import parse_incident
from crisiscomms.journal import Publication, incidents, open_journal, prepare, status

FACTS = {
    "id": "bench-0",
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "started_at": "2026-11-28T15:40:00+08:00",
    "published_at": "2026-11-28T16:00:00+08:00",
    "impact": {"symptoms": {"zh": "无法登录", "en": "logins failing"}},
    "eta": "2026-11-28T18:00:00+08:00",
    "next_update_at": "2026-11-28T16:30:00+08:00",
    "data": {"status": "under_investigation", "result_by": "2026-11-28T20:00:00+08:00"},
}
CHANNELS = ("notice", "weibo", "statuspage", "wechat")


def best(fn: Callable[[], object], times: int = 5) -> float:
    """The best wall time of ``fn()`` in seconds."""
    return best_with_cpu(fn, times)[0]


def best_with_cpu(fn: Callable[[], object], times: int = 5) -> tuple[float, float]:
    """The best wall time and the best CPU time of this process for ``fn()``, in seconds.

    On a shared machine the wall time includes waiting for a core; the CPU time does not.
    """
    walls, cpus = [], []
    for _ in range(times):
        began, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def publications(incident_id: str, count: int) -> list[Publication]:
    """``count`` publications of one incident, every 5 minutes, each promising 3 times."""
    base = prepare(parse_incident({**FACTS, "id": incident_id}), "first_statement").publication
    out = []
    for i in range(count):
        shift = timedelta(minutes=5 * i)
        promises = tuple(replace(c, due_at=c.due_at + shift) for c in base.commitments)
        out.append(
            replace(
                base,
                channel=CHANNELS[i % len(CHANNELS)],
                published_at=base.published_at + shift,
                commitments=promises,
            )
        )
    return out


def reset(db: str) -> None:
    if db.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(db)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "DROP TABLE IF EXISTS journal_commitments, journal_publications, "
                    "crisiscomms_journal_schema CASCADE"
                )
            )
        engine.dispose()


def run(name: str, db: str) -> None:
    print(f"== {name}")
    reset(db)
    with open_journal(db, create=True) as journal:
        journal.add_many(publications("long-incident", 1000))
    now = publications("long-incident", 1000)[-1].published_at + timedelta(minutes=1)
    report = status("long-incident", now=now, db=db)
    took, cpu = best_with_cpu(lambda: status("long-incident", now=now, db=db))
    print(
        f"status, 1,000 publications ({len(report.standings)} promises): "
        f"{took * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU (target < 100 ms)"
    )
    env = {**os.environ, "CRISISCOMMS_DB": db}
    command = [sys.executable, "-m", "crisiscomms", "journal", "status", "long-incident",
               "--now", now.isoformat()]  # fmt: skip
    took = best(lambda: subprocess.run(command, env=env, capture_output=True, check=False), 3)
    print(f"  the whole command, new process: {took * 1000:.0f} ms")

    reset(db)
    batches = [publications(f"incident-{n:03}", 100) for n in range(100)]
    with open_journal(db, create=True) as journal:
        began, cpu = time.perf_counter(), time.process_time()
        for batch in batches:
            for p in batch:
                journal.add(p)
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(f"load 10,000 publications / 100 incidents, one transaction each: {took:.2f} s wall, "
          f"{cpu:.2f} s CPU (target < 10 s)")  # fmt: skip
    reset(db)
    with open_journal(db, create=True) as journal:
        began = time.perf_counter()
        journal.add_many(p for batch in batches for p in batch)
        took = time.perf_counter() - began
    print(f"  in one transaction (add_many): {took:.2f} s")
    took = best(lambda: incidents(db=db, now=now), 3)
    print(f"list over 10,000 publications / 100 incidents: {took * 1000:.0f} ms")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
    pg = os.environ.get("CRISISCOMMS_TEST_PG_URL")
    if pg:
        run("PostgreSQL", pg)
        reset(pg)
    else:
        print("(PostgreSQL skipped: set CRISISCOMMS_TEST_PG_URL, see .ci/postgres)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
