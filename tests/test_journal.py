"""The incident journal as a PR person uses it: publish, then ask what is overdue.

Every test here runs on SQLite and on PostgreSQL (``journal_db``); PostgreSQL is
skipped locally without ``CRISISCOMMS_TEST_PG_URL`` and required on CI.
"""

from __future__ import annotations

import json
from pathlib import Path

from journal_support import cli, journal_db, run, write_facts

__all__ = ["journal_db"]

ID = "2026-11-28-login"


def publish(db: str, facts: Path, *args: str) -> None:
    result = cli("journal", "publish", str(facts), "--db", db, *args)
    assert result.returncode == 0, result.stderr


def status(db: str, now: str, *args: str) -> tuple[int, str, str]:
    result = cli("journal", "status", ID, "--db", db, "--now", now, *args)
    return result.returncode, result.stdout, result.stderr


def test_the_1630_update_is_overdue_at_1631_naming_commitment_channel_and_audience(
    journal_db: str, tmp_path: Path
) -> None:
    # As a person runs it: the installed command, in its own process.
    first = write_facts(tmp_path)
    result = run("journal", "publish", str(first), "--db", journal_db, "--kind",
                 "first-statement", "--channel", "weibo", "--lang", "zh")  # fmt: skip
    assert result.returncode == 0, result.stderr
    result = run("journal", "status", ID, "--db", journal_db, "--now", "2026-11-28T16:31+08:00")
    code, out, err = result.returncode, result.stdout, result.stderr
    assert code == 1, err
    overdue = [line for line in out.splitlines() if line.startswith("OVERDUE")]
    assert len(overdue) == 1
    assert "next update" in overdue[0] and "16:30" in overdue[0]
    assert "weibo" in overdue[0] and "users" in overdue[0] and "(zh)" in overdue[0]

    code, out, _ = status(journal_db, "2026-11-28T16:29:00+08:00")
    assert code == 0 and "OVERDUE" not in out

    code, out, _ = status(journal_db, "2026-11-28T16:31:00+08:00", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["incident"] == ID
    (late,) = data["overdue"]
    assert (late["type"], late["channel"], late["audience"], late["lang"]) == (
        "next_update",
        "weibo",
        "users",
        "zh",
    )
    assert late["due_at"] == "2026-11-28T16:30:00+08:00" and late["overdue_minutes"] == 1
    assert {c["type"] for c in data["commitments"]} == {"next_update", "eta", "data_result"}


def test_an_update_keeps_the_promise_only_for_the_readers_it_reaches(
    journal_db: str, tmp_path: Path
) -> None:
    first = write_facts(tmp_path)
    for channel, lang in (("weibo", "zh"), ("statuspage", "en"), ("statuspage", "zh")):
        publish(journal_db, first, "--kind", "first-statement", "--channel", channel,
                "--lang", lang)  # fmt: skip
    update = write_facts(
        tmp_path,
        "update.json",
        status="identified",
        published_at="2026-11-28T16:25:00+08:00",
        next_update_at="2026-11-28T17:00:00+08:00",
        progress={"zh": "已定位到登录服务故障", "en": "the login service fault is found"},
    )
    publish(journal_db, update, "--kind", "progress-update", "--channel", "weibo", "--lang", "zh")
    publish(journal_db, update, "--kind", "progress-update", "--channel", "statuspage",
            "--lang", "zh")  # fmt: skip

    code, out, _ = status(journal_db, "2026-11-28T16:40:00+08:00", "--format", "json")
    late = json.loads(out)["overdue"]
    assert code == 1
    # Only the English status-page readers were not told anything after 16:00.
    assert [(o["type"], o["channel"], o["lang"]) for o in late] == [
        ("next_update", "statuspage", "en")
    ]
    # At 17:01 the 17:00 promises made on Weibo and the zh status page are broken too.
    code, out, _ = status(journal_db, "2026-11-28T17:01:00+08:00", "--format", "json")
    late = {(o["type"], o["channel"], o["lang"], o["due_at"]) for o in json.loads(out)["overdue"]}
    assert ("next_update", "weibo", "zh", "2026-11-28T17:00:00+08:00") in late
    assert ("next_update", "statuspage", "zh", "2026-11-28T17:00:00+08:00") in late


def test_a_passed_eta_needs_an_update_or_the_resolution(journal_db: str, tmp_path: Path) -> None:
    first = write_facts(tmp_path, next_update_at="2026-11-28T19:00:00+08:00")
    publish(journal_db, first, "--kind", "first-statement", "--lang", "en")
    code, out, _ = status(journal_db, "2026-11-28T18:05:00+08:00", "--format", "json")
    assert code == 1
    assert [o["type"] for o in json.loads(out)["overdue"]] == ["eta"]

    resolved = write_facts(
        tmp_path,
        "resolved.json",
        status="resolved",
        resolved_at="2026-11-28T18:10:00+08:00",
        published_at="2026-11-28T18:20:00+08:00",
        eta=None,
        next_update_at=None,
        data={"status": "intact"},
        impact={
            "symptoms": {"zh": "无法登录", "en": "logins failing"},
            "scale": {"audience": "users", "count": 12000, "precision": "estimate"},
        },
        progress={"zh": "登录服务已恢复", "en": "logins work again"},
    )
    publish(journal_db, resolved, "--kind", "progress-update", "--lang", "en")
    code, out, _ = status(journal_db, "2026-11-28T20:30:00+08:00", "--format", "json")
    data = json.loads(out)
    assert code == 0, data["overdue"]
    states = {c["type"]: c["state"] for c in data["commitments"]}
    assert states == {"next_update": "kept", "eta": "kept", "data_result": "kept"}


def test_a_compensation_deadline_near_with_no_compensation_notice_is_overdue(
    journal_db: str, tmp_path: Path
) -> None:
    plan = {
        "audience": "users",
        "items": [{"kind": "voucher", "amount": 20, "currency": "CNY"}],
        "eligibility": {"zh": "故障期间登录失败的用户", "en": "users who could not log in"},
        "automatic": True,
        "delivered_by": "2026-11-30T23:59:00+08:00",
        "valid_until": "2026-12-31T23:59:00+08:00",
        "if_not_received": {"zh": "请致电客服热线", "en": "call the support hotline"},
    }
    facts = write_facts(tmp_path, compensation=[plan], eta=None, data=None)
    post = tmp_path / "post.txt"
    post.write_text(
        "示例App登录故障：我们将于北京时间16:30前发布下一次进展。"
        "补偿券将于11月30日23:59前发放到账户。",
        encoding="utf-8",
    )
    publish(journal_db, facts, "--kind", "first-statement", "--channel", "weibo", "--lang",
            "zh", "--text", str(post))  # fmt: skip
    # 24 hours before delivery, Weibo readers have had no compensation notice.
    code, out, _ = status(journal_db, "2026-11-30T00:00:00+08:00", "--format", "json")
    types = [o["type"] for o in json.loads(out)["overdue"]]
    assert code == 1 and "compensation_delivery" in types

    notice = write_facts(tmp_path, "comp.json", compensation=[plan], eta=None, data=None,
                         next_update_at=None, status="resolved",
                         resolved_at="2026-11-28T18:00:00+08:00",
                         published_at="2026-11-29T10:00:00+08:00")  # fmt: skip
    result = cli("journal", "publish", str(notice), "--db", journal_db, "--kind",
                 "compensation-notice", "--channel", "weibo", "--lang", "zh")  # fmt: skip
    assert result.returncode == 0, result.stderr
    code, out, _ = status(journal_db, "2026-11-30T00:00:00+08:00", "--format", "json")
    types = [o["type"] for o in json.loads(out)["overdue"]]
    assert "compensation_delivery" not in types


def test_a_time_the_text_does_not_state_is_reported_and_not_tracked(
    journal_db: str, tmp_path: Path
) -> None:
    facts = write_facts(tmp_path)
    text = tmp_path / "published.txt"
    text.write_text("示例App登录异常，正在排查，预计北京时间18:00前恢复。", encoding="utf-8")
    result = cli("journal", "publish", str(facts), "--db", journal_db, "--kind",
                 "first-statement", "--lang", "zh", "--text", str(text))  # fmt: skip
    assert result.returncode == 1
    assert "not in the text: next update" in result.stderr
    assert "not in the text: data check result" in result.stderr
    code, out, _ = status(journal_db, "2026-11-28T16:45:00+08:00")
    assert code == 0, out
    assert "not stated in the text: next update 16:30" in out
    code, out, _ = status(journal_db, "2026-11-28T18:01:00+08:00")
    assert code == 1 and "estimated recovery (ETA) due 18:00" in out


def test_show_and_list(journal_db: str, tmp_path: Path) -> None:
    publish(journal_db, write_facts(tmp_path), "--kind", "first-statement", "--lang", "zh")
    closed = write_facts(
        tmp_path,
        "closed.json",
        id="2026-11-01-cdn",
        status="resolved",
        started_at="2026-11-01T09:00:00+08:00",
        resolved_at="2026-11-01T10:00:00+08:00",
        published_at="2026-11-01T11:00:00+08:00",
        eta=None,
        next_update_at=None,
        data=None,
    )
    apology = tmp_path / "apology.txt"
    apology.write_text("The CDN outage of Nov 1 is over. We are sorry.\n", encoding="utf-8")
    publish(journal_db, closed, "--kind", "apology", "--lang", "en", "--text", str(apology))
    result = cli("journal", "list", "--db", journal_db, "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [i["id"] for i in listed] == [ID, "2026-11-01-cdn"]
    assert [i["open"] for i in listed] == [True, False]
    result = cli("journal", "list", "--open", "--db", journal_db, "--format", "json")
    assert [i["id"] for i in json.loads(result.stdout)] == [ID]
    result = cli("journal", "show", ID, "--db", journal_db, "--format", "json")
    shown = json.loads(result.stdout)
    assert result.returncode == 0
    assert [(p["kind"], p["channel"], p["lang"]) for p in shown["publications"]] == [
        ("first_statement", "notice", "zh")
    ]
    assert len(shown["publications"][0]["text_sha256"]) == 64


def test_a_promise_written_in_us_eastern_time_is_tracked(journal_db: str, tmp_path: Path) -> None:
    # Zoom's statements write ET: 16:30 in Shanghai on Nov 28 is 3:30 AM Eastern (EST then).
    facts = write_facts(tmp_path, eta=None, data=None)
    text = tmp_path / "published.txt"
    text.write_text(
        "Example app log-ins are failing. We are investigating. Next update by 3:30 AM ET.\n",
        encoding="utf-8",
    )
    result = cli("journal", "publish", str(facts), "--db", journal_db, "--kind",
                 "first-statement", "--lang", "en", "--text", str(text))  # fmt: skip
    assert "not in the text: next update" not in result.stderr, result.stderr
