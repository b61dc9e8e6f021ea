"""The communication plan: what to publish, where and by when, from severity, status, audiences."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from support import MINIMAL, ROOT, run_cli

from crisiscomms.errors import ConfigError
from crisiscomms.facts import Incident, parse_incident
from crisiscomms.plan import CommsPlan, plan
from crisiscomms.plan_config import (
    PlanConfig,
    find_plan_config,
    load_plan_config,
    plan_config_from_table,
)

SCHEMA = json.loads((ROOT / "crisiscomms" / "schemas" / "plan-output.v1.json").read_text("utf-8"))
STATUSES = ("investigating", "identified", "mitigating", "recovering", "monitoring", "resolved")
DETECTED = datetime.fromisoformat("2026-03-29T20:05:00+08:00")
RESOLVED = "2026-03-29T23:00:00+08:00"


def incident(**changes: Any) -> Incident:
    facts = {**MINIMAL, "detected_at": DETECTED.isoformat(), **changes}
    if facts.get("status") == "resolved":
        facts.setdefault("resolved_at", RESOLVED)
        facts["published_at"] = max(facts["published_at"], facts["resolved_at"])
    return parse_incident(facts)


def dues(p: CommsPlan, kind: str) -> list[datetime]:
    return sorted({s.due for s in p.steps if s.kind == kind and s.due is not None})


@pytest.mark.parametrize(
    ("severity", "first", "every"), [("P0", 15, 30), ("P1", 30, 60), ("P2", 60, 120)]
)
def test_first_statement_and_cadence_follow_the_severity(
    severity: str, first: int, every: int
) -> None:
    p = plan(incident(severity=severity))
    assert (p.first_statement_minutes, p.update_every_minutes) == (first, every)
    assert dues(p, "first_statement") == [DETECTED + timedelta(minutes=first)]
    updates = dues(p, "progress_update")
    assert len(updates) == 3
    assert all(b - a == timedelta(minutes=every) for a, b in pairwise(updates))
    # The first update listed is one cadence after the first statement, or the first one
    # due at or after the facts' published_at, whichever is later.
    step, first_due = timedelta(minutes=every), DETECTED + timedelta(minutes=first)
    published = incident().published_at
    assert updates[0] == first_due + step or updates[0] - step < published <= updates[0]


def test_without_detected_at_the_clock_starts_when_users_were_affected() -> None:
    facts = {**MINIMAL, "severity": "P0"}
    p = plan(parse_incident(facts))
    assert dues(p, "first_statement") == [datetime.fromisoformat("2026-03-29T20:15:00+08:00")]


def test_a_promised_next_update_anchors_the_updates() -> None:
    promised = "2026-03-29T21:10:00+08:00"
    p = plan(incident(severity="P1", next_update_at=promised))
    updates = [s for s in p.steps if s.kind == "progress_update"]
    assert updates[0].due == datetime.fromisoformat(promised)
    assert updates[0].anchor == "commitment"
    assert {s.anchor for s in updates[len(updates) // 3 :]} >= {"cadence"}


def test_a_shorter_cadence_promised_to_readers_is_kept() -> None:
    assert plan(incident(severity="P2", update_every_minutes=45)).update_every_minutes == 45
    assert plan(incident(severity="P0", update_every_minutes=45)).update_every_minutes == 30


@pytest.mark.parametrize("status", STATUSES)
def test_each_status_plans_updates_only_while_service_is_down(status: str) -> None:
    p = plan(incident(severity="P1", status=status))
    kinds = {s.kind for s in p.steps}
    assert "first_statement" in kinds
    assert ("progress_update" in kinds) == (status != "resolved")
    waiting = [s for s in p.steps if s.due is None]
    if status == "resolved":
        assert waiting == []
        resolution = [s for s in p.steps if s.kind == "resolution_notice"]
        assert {s.due for s in resolution} == {
            datetime.fromisoformat(RESOLVED) + timedelta(minutes=30)
        }
    else:
        assert waiting and all(s.waits_for == "resolution" for s in waiting)
        assert {"resolution_notice", "apology", "post_incident_report"} <= {s.kind for s in waiting}


def test_the_follow_up_stages_of_a_resolved_incident() -> None:
    p = plan(incident(status="resolved"))
    stages = {s.id.split(".")[0]: s.stage for s in p.steps}
    assert stages["resolution"] == "0-24h"
    assert stages["apology"] == "0-24h"
    assert stages["report"] == "24-72h"
    assert stages["prevention-progress"] == "2-8w"
    # Steps come stage by stage, each stage in deadline order.
    order = ["0-24h", "24-72h", "1-2w", "2-8w"]
    assert [order.index(s.stage) for s in p.steps] == sorted(order.index(s.stage) for s in p.steps)


def test_compensation_steps_come_with_a_plan_and_name_its_audiences() -> None:
    plan_facts = {
        "audience": "merchants",
        "items": [{"kind": "cash", "amount": 50, "currency": "CNY"}],
        "automatic": True,
        "delivered_by": "2026-04-20T23:59:00+08:00",
    }
    without = plan(incident(status="resolved", audiences=["users", "merchants"]))
    assert "compensation_notice" not in {s.kind for s in without.steps}
    with_plan = plan(
        incident(status="resolved", audiences=["users", "merchants"], compensation=[plan_facts])
    )
    steps = [s for s in with_plan.steps if s.kind == "compensation_notice"]
    assert steps and all(s.audiences == ("merchants",) for s in steps)
    delivered = [s for s in steps if s.id.startswith("compensation-delivered.")]
    # The promised delivery (3 weeks away) is later than resolution + 2 weeks: it wins.
    assert {s.due for s in delivered} == {datetime.fromisoformat(plan_facts["delivered_by"])}
    notice = [s for s in steps if s.id.startswith("compensation.")]
    assert {s.due for s in notice} == {datetime.fromisoformat(RESOLVED) + timedelta(days=3)}


def test_the_compensation_notice_is_due_before_claims_open() -> None:
    # Trial G (NetEase): claims opened Aug 20, the plan put the compensation notice on Aug 22.
    opens = datetime.fromisoformat(RESOLVED) + timedelta(days=1)
    plan_facts = {
        "items": [{"kind": "membership", "days": 7}],
        "claim_method": {"zh": "在App内领取", "en": "claim it in the app"},
        "claim_deadline": (opens + timedelta(days=6)).isoformat(),
        "available_from": opens.isoformat(),
    }
    steps = plan(incident(status="resolved", compensation=[plan_facts])).steps
    notice = [s for s in steps if s.id.startswith("compensation.")]
    assert notice and {s.due for s in notice} == {opens}


def test_every_step_names_kind_channel_audience_and_a_deadline_in_the_facts_zone() -> None:
    p = plan(incident(status="resolved", timezone="Europe/Berlin"))
    for s in p.steps:
        assert s.kind and s.channel and s.audiences == ("users",)
        assert s.due is not None and s.due.utcoffset() == timedelta(hours=2)  # CEST on 29 March


def test_step_ids_are_unique_and_stable() -> None:
    facts = incident(severity="P0", audiences=["users", "merchants"])
    first, again = plan(facts), plan(facts)
    ids = [s.id for s in first.steps]
    assert len(ids) == len(set(ids))
    assert ids == [s.id for s in again.steps]
    assert first.step("first-statement.weibo").channel == "weibo"
    with pytest.raises(KeyError):
        first.step("no-such-step")


def test_json_output_matches_its_schema() -> None:
    for status in STATUSES:
        jsonschema.validate(plan(incident(status=status)).to_dict(), SCHEMA)


def test_the_examples_plan_and_validate() -> None:
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        result = run_cli("plan", str(path), "--format", "json")
        assert result.returncode == 0, result.stderr
        jsonschema.validate(json.loads(result.stdout), SCHEMA)


# Configuration: defaults as data, changed per organisation, every key checked.


def test_an_organisation_changes_the_cadence_and_channels() -> None:
    config = plan_config_from_table(
        {
            "update-every-minutes": {"P0": 20},
            "first-statement-minutes": {"P0": 10},
            "updates-ahead": 2,
            "kind-channels": {"progress_update": ["statuspage"], "first_statement": ["sms"]},
        }
    )
    p = plan(incident(severity="P0"), config)
    assert (p.first_statement_minutes, p.update_every_minutes) == (10, 20)
    updates = [s for s in p.steps if s.kind == "progress_update"]
    assert [s.channel for s in updates] == ["statuspage", "statuspage"]
    assert {s.channel for s in p.steps if s.kind == "first_statement"} == {"sms"}
    # What the table does not name keeps its default.
    assert config.update_every_minutes["P1"] == PlanConfig.defaults().update_every_minutes["P1"]


def test_a_kind_with_no_channels_is_left_out() -> None:
    config = plan_config_from_table({"kind-channels": {"post_incident_report": []}})
    assert "post_incident_report" not in {s.kind for s in plan(incident(), config).steps}


@pytest.mark.parametrize(
    ("table", "named"),
    [
        ({"cadence": {"P0": 30}}, "unknown key 'cadence'"),
        ({"update-every-minutes": {"P0": 0}}, "update-every-minutes.P0"),
        ({"update-every-minutes": {"P0": "30"}}, "update-every-minutes.P0"),
        ({"update-every-minutes": {"P0": True}}, "update-every-minutes.P0"),
        ({"update-every-minutes": {"P9": 30}}, "update-every-minutes.P9: not a severity"),
        ({"update-every-minutes": 30}, "update-every-minutes: must be a table"),
        ({"first-statement-minutes": {"P1": 2000}}, "first-statement-minutes.P1"),
        ({"updates-ahead": 0}, "updates-ahead"),
        ({"kind-channels": {"press_release": ["notice"]}}, "kind-channels.press_release"),
        ({"kind-channels": {"apology": ["fax"]}}, "unknown channel 'fax'"),
        ({"kind-channels": {"apology": "weibo"}}, "kind-channels.apology: must be a list"),
        ({"kind-channels": {"apology": ["weibo", "weibo"]}}, "listed twice"),
        ("P0 = 30", "[plan] must be a table"),
    ],
)
def test_bad_configuration_names_the_key(table: Any, named: str) -> None:
    with pytest.raises(ConfigError, match="^" + r"\[plan\]") as caught:
        plan_config_from_table(table)
    assert named in str(caught.value)


def test_config_file_is_found_upwards_and_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / ".crisiscomms.toml").write_text(
        "[lint]\ndisable = []\n\n[plan]\nupdate-every-minutes = { P1 = 15 }\n", "utf-8"
    )
    deeper = tmp_path / "incidents" / "2026"
    deeper.mkdir(parents=True)
    assert find_plan_config(deeper) == tmp_path / ".crisiscomms.toml"
    assert load_plan_config(tmp_path / ".crisiscomms.toml").update_every_minutes["P1"] == 15
    bad = tmp_path / "bad.toml"
    bad.write_text("[plan]\nupdates-ahead = 99\n", "utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml: \[plan\] updates-ahead"):
        load_plan_config(bad)


def test_pyproject_plan_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.crisiscomms.plan]\nupdate-every-minutes = { P2 = 90 }\n", "utf-8"
    )
    found = find_plan_config(tmp_path)
    assert found is not None and load_plan_config(found).update_every_minutes["P2"] == 90


def test_cli_uses_the_nearest_config_and_exits_2_on_a_bad_one(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({**MINIMAL, "severity": "P1"}), "utf-8")
    (tmp_path / ".crisiscomms.toml").write_text("[plan]\nupdate-every-minutes = { P1 = 15 }\n")
    shown = run_cli("plan", str(facts), "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["update_every_minutes"] == 15
    (tmp_path / ".crisiscomms.toml").write_text("[plan]\nupdate-every-minutes = { P1 = -5 }\n")
    failed = run_cli("plan", str(facts))
    assert failed.returncode == 2
    assert "update-every-minutes.P1" in failed.stderr and ".crisiscomms.toml" in failed.stderr
    assert "Traceback" not in failed.stderr and failed.stdout == ""


def test_cli_text_output_lists_each_step_with_its_id() -> None:
    result = run_cli("plan", str(ROOT / "examples" / "ecommerce-cooling-failure.yaml"))
    assert result.returncode == 0, result.stderr
    assert "2026-03-29 00:35 +08:00" in result.stdout  # detected 00:20, P0: 15 minutes
    assert "[first-statement.statuspage]" in result.stdout
    assert "[report.notice]" in result.stdout
    zh = run_cli("plan", str(ROOT / "examples" / "login-outage.yaml"), "--lang", "zh")
    assert "恢复后30分钟内" in zh.stdout and "0–24小时" in zh.stdout


def test_cli_bad_facts_exit_2_naming_the_field(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({**MINIMAL, "severity": "P7"}), "utf-8")
    result = run_cli("plan", str(facts))
    assert result.returncode == 2 and "severity" in result.stderr


def test_a_long_incident_lists_the_updates_still_to_come() -> None:
    p = plan(incident(severity="P0", published_at="2026-03-29T23:40:00+08:00"))
    # Detected 20:05, first statement by 20:20, then every 30 minutes: 23:50 is next.
    assert dues(p, "progress_update")[0] == datetime.fromisoformat("2026-03-29T23:50:00+08:00")


def test_the_readme_plan_config_is_a_valid_config(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    (block,) = [b for b in readme.split("```ini\n")[1:] if b.startswith("[plan]")]
    (tmp_path / ".crisiscomms.toml").write_text(block.split("```")[0], "utf-8")
    config = load_plan_config(tmp_path / ".crisiscomms.toml")
    assert config.update_every_minutes["P1"] == 45 and config.updates_ahead == 4
    assert "update-every-minutes.P0: must be a whole number of minutes from 1 to 1440" in readme


def test_every_step_the_plan_lists_can_be_drafted() -> None:
    # Trial G (CTBC): the plan listed the resolution notice on the status page, Weibo, X, push
    # and WeChat, and `draft --channel statuspage` answered that no such variant existed.
    from crisiscomms.drafting import draft

    facts = incident(status="resolved")
    for step in plan(facts).steps:
        made = draft(facts, step.kind, "zh", channel=step.channel)
        assert made.text.strip(), (step.kind, step.channel)
