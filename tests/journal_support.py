"""What the journal tests share: facts of one incident, both backends, the CLI without env."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

PG_ENV = "CRISISCOMMS_TEST_PG_URL"

#: A first statement at 16:00 promising the next update at 16:30, recovery by 18:00 and the
#: result of the data check by 20:00.
FIRST: dict[str, Any] = {
    "id": "2026-11-28-login",
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "severity": "P0",
    "audiences": ["users"],
    "started_at": "2026-11-28T15:40:00+08:00",
    "published_at": "2026-11-28T16:00:00+08:00",
    "impact": {"symptoms": {"zh": "无法登录", "en": "logins failing"}},
    "eta": "2026-11-28T18:00:00+08:00",
    "next_update_at": "2026-11-28T16:30:00+08:00",
    "data": {"status": "under_investigation", "result_by": "2026-11-28T20:00:00+08:00"},
}


def facts(**changes: Any) -> dict[str, Any]:
    """FIRST with fields changed (a value of None removes the field)."""
    out = {**FIRST, **changes}
    return {k: v for k, v in out.items() if v is not None}


def write_facts(folder: Path, name: str = "facts.json", **changes: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(facts(**changes), ensure_ascii=False), encoding="utf-8")
    return path


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Any:
    """``python -m crisiscomms ARGS`` with no CRISISCOMMS_DB from the caller's environment."""
    clean = {k: v for k, v in os.environ.items() if k != "CRISISCOMMS_DB"}
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "crisiscomms", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        env=clean,
        check=False,
    )


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str) -> Ran:
    """The command line in this process (fast); ``run`` for a real process."""
    from crisiscomms.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("CRISISCOMMS_DB", None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        if saved is not None:
            os.environ["CRISISCOMMS_DB"] = saved
    return Ran(code, out.getvalue(), err.getvalue())


def pg_url() -> str:
    """The test PostgreSQL URL; skips locally without one, fails on CI (it must run there)."""
    url = os.environ.get(PG_ENV, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must run the PostgreSQL journal tests")
        pytest.skip(f'no PostgreSQL: set {PG_ENV} (eval "$(bash .ci/postgres start)")')
    return url


def reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "DROP TABLE IF EXISTS journal_commitments, journal_publications, "
                "crisiscomms_journal_schema CASCADE"
            )
        )
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def journal_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty journal's URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'journal.sqlite3'}"
        return
    url = pg_url()
    reset_pg(url)
    yield url
    reset_pg(url)
