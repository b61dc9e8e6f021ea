"""The plan marks what the journal shows published: the issue's 16:30 scenario, end to end.

Runs on SQLite and on PostgreSQL (``journal_db``; PostgreSQL skips locally without
``CRISISCOMMS_TEST_PG_URL``).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from journal_support import cli, journal_db, run, write_facts

__all__ = ["journal_db"]

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "crisiscomms" / "schemas" / "plan-output.v1.json").read_text("utf-8"))
ID = "2026-11-28-login"
AT_1631 = "2026-11-28T16:31:00+08:00"
U1630, U1700 = "progress-update.20261128T0830Z", "progress-update.20261128T0900Z"


def line(out: str, step_id: str) -> str:
    (found,) = [row for row in out.splitlines() if f"[{step_id}]" in row]
    return found


def test_at_1631_the_plan_shows_the_first_statement_done_and_the_1630_update_overdue(
    journal_db: str, tmp_path: Path
) -> None:
    first = write_facts(tmp_path)
    published = cli("journal", "publish", str(first), "--db", journal_db, "--kind",
                    "first-statement", "--channel", "weibo", "--lang", "zh")  # fmt: skip
    assert published.returncode == 0, published.stderr

    shown = cli("plan", str(first), "--db", journal_db, "--now", AT_1631)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "1 done, 7 overdue" in out
    assert line(out, "first-statement.weibo").endswith("done 16:00, 5 min late")
    assert line(out, f"{U1630}.weibo").endswith("OVERDUE 1 min")
    assert line(out, f"{U1700}.weibo").endswith("next")
    assert "Next: progress-update on statuspage, weibo, x by 2026-11-28 17:00 +08:00." in out

    as_json = cli("plan", str(first), "--db", journal_db, "--now", AT_1631, "--format", "json")
    data = json.loads(as_json.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["tracked"]["now"] == AT_1631 and data["tracked"]["overdue"] == 7
    steps = {s["id"]: s["progress"] for s in data["steps"]}
    assert steps["first-statement.weibo"]["state"] == "done"
    assert steps["first-statement.weibo"]["done_at"] == "2026-11-28T16:00:00+08:00"
    assert steps[f"{U1630}.weibo"]["state"] == "overdue"
    assert steps[f"{U1630}.weibo"]["overdue_minutes"] == 1
    assert steps[f"{U1700}.weibo"]["next"] is True

    # The journal says the same promise is late, and pages (exit 1).
    status = cli("journal", "status", ID, "--db", journal_db, "--now", AT_1631)
    assert status.returncode == 1
    assert any("OVERDUE" in row and "weibo" in row for row in status.stdout.splitlines())

    # A progress update on Weibo at 16:28 finishes the 16:30 step there.
    update = write_facts(
        tmp_path,
        "update.json",
        status="identified",
        published_at="2026-11-28T16:28:00+08:00",
        next_update_at="2026-11-28T17:00:00+08:00",
        progress={"zh": "已定位到登录服务故障", "en": "the login service fault is found"},
    )
    published = cli("journal", "publish", str(update), "--db", journal_db, "--kind",
                    "progress-update", "--channel", "weibo", "--lang", "zh")  # fmt: skip
    assert published.returncode == 0, published.stderr
    shown = cli("plan", str(first), "--db", journal_db, "--now", AT_1631)
    assert line(shown.stdout, f"{U1630}.weibo").endswith("done 16:28")
    assert line(shown.stdout, f"{U1630}.x").endswith("OVERDUE 1 min")


def test_the_journal_in_the_working_directory_is_used_without_db(tmp_path: Path) -> None:
    first = write_facts(tmp_path)
    default = tmp_path / "crisiscomms-journal.sqlite3"
    published = cli("journal", "publish", str(first), "--db", str(default), "--kind",
                    "first-statement", "--channel", "weibo", "--lang", "zh")  # fmt: skip
    assert published.returncode == 0, published.stderr
    shown = run("plan", str(first), "--now", AT_1631, "--lang", "zh", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "对照日志sqlite:///crisiscomms-journal.sqlite3" in shown.stdout
    assert "已完成（16:00，迟5分钟）" in line(shown.stdout, "first-statement.weibo")
    assert "下一步：2026-11-28 17:00 +08:00前在statuspage、weibo、x发布progress-update。" in (
        shown.stdout
    )


def test_without_a_journal_or_now_the_plan_is_not_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no crisiscomms-journal.sqlite3 here
    first = write_facts(tmp_path)
    plain = cli("plan", str(first), "--format", "json")
    data = json.loads(plain.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["tracked"] is None and all(s["progress"] is None for s in data["steps"])
    # --now alone judges against nothing published.
    judged = json.loads(cli("plan", str(first), "--format", "json", "--now", AT_1631).stdout)
    assert judged["tracked"]["journal"] is None and judged["tracked"]["done"] == 0
    # $CRISISCOMMS_DB naming no journal yet, or facts without an id: not judged, not an error.
    env = {"CRISISCOMMS_DB": str(tmp_path / "later.sqlite3")}
    anonymous = write_facts(tmp_path, "anonymous.json", id=None)
    for facts in (first, anonymous):
        quiet = run("plan", str(facts), "--format", "json", env=env)
        assert quiet.returncode == 0, quiet.stderr
        assert json.loads(quiet.stdout)["tracked"] is None


def test_a_bad_journal_or_facts_without_id_are_exit_2(tmp_path: Path) -> None:
    first = write_facts(tmp_path)
    missing = cli("plan", str(first), "--db", str(tmp_path / "none.sqlite3"))
    assert missing.returncode == 2 and "no journal at" in missing.stderr
    assert missing.stdout == "" and "Traceback" not in missing.stderr
    anonymous = write_facts(tmp_path, "anonymous.json", id=None)
    no_id = cli("plan", str(anonymous), "--db", str(tmp_path / "none.sqlite3"))
    assert no_id.returncode == 2 and "no id" in no_id.stderr
    bad_now = cli("plan", str(first), "--now", "16:31")
    assert bad_now.returncode == 2 and "--now" in bad_now.stderr


def test_the_readme_shows_what_plan_prints_against_the_journal(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    command = "$ crisiscomms plan first.yaml --db journal.sqlite3 --now 2026-11-28T16:31:00+08:00\n"
    shown = readme.split(command)[1].split("```")[0].splitlines()
    first = write_facts(tmp_path, "first.yaml")
    db = ("--db", "journal.sqlite3")
    kind = ("--kind", "first-statement", "--channel", "weibo", "--lang", "zh")
    published = run("journal", "publish", first.name, *db, *kind, cwd=tmp_path)
    assert published.returncode == 0, published.stderr
    printed = run("plan", first.name, *db, "--now", AT_1631, cwd=tmp_path)
    lines = printed.stdout.splitlines()
    expected = [row for row in shown if row not in ("  ...", "")]
    assert [row for row in lines if row in expected] == expected and len(expected) > 8
