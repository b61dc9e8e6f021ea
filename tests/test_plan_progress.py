"""Which plan steps the published notices finish: the pure matching, without a database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from crisiscomms.facts import parse_incident
from crisiscomms.journal import Publication
from crisiscomms.plan import CommsPlan, plan
from crisiscomms.plan_progress import StepProgress, track

FACTS: dict[str, Any] = {
    "id": "2026-11-28-login",
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "severity": "P0",
    "audiences": ["users"],
    "started_at": "2026-11-28T15:40:00+08:00",
    "published_at": "2026-11-28T16:00:00+08:00",
    "next_update_at": "2026-11-28T16:30:00+08:00",
}
U1630, U1700 = "progress-update.20261128T0830Z", "progress-update.20261128T0900Z"


def at(hhmm: str, day: str = "2026-11-28") -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00+08:00")


@dataclass(frozen=True)
class Notice:
    kind: str
    channel: str
    published_at: datetime
    audiences: tuple[str, ...] = ("users",)
    id: int | None = None


def the_plan(**changes: Any) -> CommsPlan:
    facts = {**FACTS, **changes}
    return plan(parse_incident({k: v for k, v in facts.items() if v is not None}))


def states(progress: dict[str, StepProgress], *ids: str) -> list[str]:
    return [progress[i].state for i in ids]


def test_the_issue_first_statement_done_and_the_1630_update_overdue_at_1631() -> None:
    # A journal record, as `journal publish` makes it, is what the matching reads.
    first = Publication(
        incident_id="2026-11-28-login", kind="first_statement", channel="weibo", lang="zh",
        published_at=at("16:00"), text_sha256="0" * 64, text_source="drafted",
        timezone="Asia/Shanghai", incident_status="investigating", severity="P0",
        audiences=("users",), id=1,
    )  # fmt: skip
    p = the_plan()
    got = track(p.steps, [first], at("16:31"))
    assert got["first-statement.weibo"] == StepProgress("done", at("16:00"), 1)
    # The first statement was due 15:55: the other channels are still waiting for it.
    assert states(got, "first-statement.statuspage", "first-statement.x") == ["overdue"] * 2
    late = got[f"{U1630}.weibo"]
    assert late.state == "overdue" and late.overdue_by is not None
    assert late.overdue_by.total_seconds() == 60
    assert sorted(i for i, s in got.items() if s.next) == [
        f"{U1700}.statuspage",
        f"{U1700}.weibo",
        f"{U1700}.x",
    ]
    # Before 15:55 nothing is overdue, and the first statements are next.
    early = track(p.steps, [], at("15:50"))
    assert {s.state for s in early.values()} == {"pending"}
    assert {i.split(".")[0] for i, s in early.items() if s.next} == {"first-statement"}


def test_a_progress_update_finishes_the_step_of_its_window_only() -> None:
    steps = the_plan().steps
    # Two updates before 16:30: the first finishes the 16:30 step; the second was also
    # published before 16:30, so it does not finish the 17:00 one in advance.
    burst = [Notice("progress_update", "weibo", at("16:10")),
             Notice("progress_update", "weibo", at("16:25"))]  # fmt: skip
    got = track(steps, burst, at("17:01"))
    assert got[f"{U1630}.weibo"].done_at == at("16:10")
    assert got[f"{U1700}.weibo"].state == "overdue"
    # One every half hour: each step has its own.
    steady = [Notice("progress_update", "weibo", at("16:28")),
              Notice("progress_update", "weibo", at("16:58"))]  # fmt: skip
    got = track(steps, steady, at("17:01"))
    assert [got[f"{u}.weibo"].done_at for u in (U1630, U1700)] == [at("16:28"), at("16:58")]


def test_a_late_update_finishes_the_step_it_was_late_for() -> None:
    steps = the_plan().steps
    late = [Notice("progress_update", "weibo", at("16:35"))]
    got = track(steps, late, at("16:40"))
    assert got[f"{U1630}.weibo"] == StepProgress("done", at("16:35"))
    assert got[f"{U1700}.weibo"].state == "pending" and got[f"{U1700}.weibo"].next
    assert track(steps, late, at("17:01"))[f"{U1700}.weibo"].state == "overdue"


def test_only_the_same_kind_and_channel_count_and_later_notices_are_not_seen() -> None:
    steps = the_plan().steps
    notices = [
        Notice("first_statement", "statuspage", at("16:00")),
        Notice("progress_update", "x", at("16:20")),  # not Weibo
        Notice("apology", "weibo", at("16:20")),  # not an update
        Notice("progress_update", "weibo", at("16:40")),  # after --now
    ]
    got = track(steps, notices, at("16:31"))
    assert states(got, "first-statement.statuspage", "first-statement.weibo") == [
        "done",
        "overdue",
    ]
    assert states(got, f"{U1630}.x", f"{U1630}.weibo") == ["done", "overdue"]
    assert got["apology.weibo"].state == "done"  # an apology is an apology, even early
    assert got["apology.email"].state == "pending"  # waits for resolution: never overdue


def test_a_step_is_done_only_when_the_notice_reached_all_its_audiences() -> None:
    steps = the_plan(audiences=["users", "merchants"]).steps
    users_only = [Notice("first_statement", "weibo", at("16:00"), ("users",))]
    assert track(steps, users_only, at("16:01"))["first-statement.weibo"].state == "overdue"
    both = [Notice("first_statement", "weibo", at("16:00"), ("merchants", "users"))]
    assert track(steps, both, at("16:01"))["first-statement.weibo"].state == "done"
    unrecorded = [Notice("first_statement", "weibo", at("16:00"), ())]
    assert track(steps, unrecorded, at("16:01"))["first-statement.weibo"].state == "done"


def test_two_steps_of_one_kind_and_channel_take_the_notices_in_turn() -> None:
    p = the_plan(status="resolved", resolved_at="2026-11-28T18:00:00+08:00",
                 published_at="2026-11-28T18:10:00+08:00", next_update_at=None)  # fmt: skip
    report = Notice("post_incident_report", "notice", at("10:00", "2026-11-30"), id=7)
    progress = Notice("post_incident_report", "notice", at("10:00", "2027-01-10"), id=8)
    got = track(p.steps, [report], at("12:00", "2026-11-30"))
    assert (got["report.notice"].done_by, got["prevention-progress.notice"].state) == (
        7,
        "pending",
    )
    got = track(p.steps, [progress, report], at("12:00", "2027-01-10"))
    assert [got[i].done_by for i in ("report.notice", "prevention-progress.notice")] == [7, 8]


def test_next_is_the_soonest_waiting_step_when_nothing_dated_is_left() -> None:
    p = the_plan()
    done = [Notice(s.kind, s.channel, s.due) for s in p.steps if s.due is not None]
    got = track(p.steps, done, at("17:30"))
    nxt = {i for i, s in got.items() if s.next}
    assert nxt and all(i.startswith("resolution.") for i in nxt)
    everything = done + [Notice(s.kind, s.channel, at("17:30")) for s in p.steps if not s.due]
    assert not any(s.next for s in track(p.steps, everything, at("17:30")).values())
