"""check_draft and check_parity: what a reader would catch, and nothing in our own drafts."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import incident_models
from support import MINIMAL
from tool_helpers import COMPLETE

from crisiscomms.drafting import draft
from crisiscomms.factcheck.checking import check_draft, check_parity
from crisiscomms.factcheck.quantities import find_mentions
from crisiscomms.facts import Incident, parse_incident
from crisiscomms.kinds import KINDS

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CHECKS = ("fact-mismatch", "unsupported-claim")


def _checked(text: str, facts: Any, lang: str = "auto") -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt) for f in check_draft(text, facts, lang) if f.rule in CHECKS]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("800万", 8_000_000),
        ("8,000,000", 8_000_000),
        ("8 million", 8_000_000),
        ("1.2亿", 120_000_000),
        ("一亿两千万", 120_000_000),
        ("835万", 8_350_000),
        ("8.35 million", 8_350_000),
    ],
)
def test_counts_read_the_same_in_both_languages(written: str, value: int) -> None:
    (mention,) = (
        find_mentions(f"{written}用户")
        if not written.isascii()
        else find_mentions(f"{written} users")
    )
    assert (mention.kind, mention.value) == ("count", Decimal(value))


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("两小时", 7200), ("2 hours", 7200), ("半小时", 1800), ("half an hour", 1800),
     ("一个半小时", 5400), ("1.5 hours", 5400), ("12小时5分钟", 43500),
     ("8 hours, 10 minutes", 29400), ("30分钟", 1800), ("7天", 604800)],
)  # fmt: skip
def test_durations_read_in_seconds(written: str, seconds: int) -> None:
    (mention,) = find_mentions(written)
    assert (mention.kind, mention.value) == ("duration", Decimal(seconds))


@pytest.mark.parametrize("written", ["10元", "CNY 10", "¥10", "10 yuan", "RMB 10", "人民币10元"])
def test_amounts_in_yuan_are_one_amount(written: str) -> None:
    (mention,) = find_mentions(written)
    assert (mention.kind, mention.value) == ("money", Decimal(10))
    assert "CNY" in (mention.currency or "").split("|")


@pytest.mark.parametrize(
    "text", ["7×24小时客服", "客服热线 400-000-1234", "版本 v2.3.1", "24 hours a day", "十分抱歉",
             "慢一点", "a user reported", "每一位用户"],
)  # fmt: skip
def test_things_that_are_not_figures_are_not_read_as_figures(text: str) -> None:
    assert find_mentions(text) == []


def test_clock_times_carry_period_and_zone() -> None:
    first, second = find_mentions("北京时间晚上十点半起，预计下午三点恢复")
    assert (first.hour, first.minute, first.offset) == (22, 30, 480)
    assert (second.hour, second.offset) == (15, 480)


def test_times_are_compared_in_the_zone_the_text_names() -> None:
    # The facts' ETA is 22:00 in Beijing: 14:00 UTC is the same moment, 22:00 UTC is not.
    assert _checked("We expect recovery by 14:00 UTC.", COMPLETE) == []
    assert _checked("We expect recovery by 22:00 UTC.", COMPLETE) == [
        ("fact-mismatch", "22:00 UTC")
    ]
    assert _checked("预计北京时间22:00恢复。", COMPLETE) == []


def test_an_eta_is_checked_against_the_eta_not_any_time_in_the_facts() -> None:
    # 21:00 is the next update in the facts, not the ETA.
    assert _checked("预计21:00前恢复。", COMPLETE) == [("fact-mismatch", "21:00")]
    assert _checked("我们将于21:00发布下一次进展。", COMPLETE) == []


def test_a_hedged_count_may_round_but_not_invent() -> None:
    assert _checked("约800万用户受影响", COMPLETE) == []
    assert _checked("超过500万用户受影响", COMPLETE) == []
    assert _checked("约500万用户受影响", COMPLETE) == [("fact-mismatch", "500万")]


def test_check_draft_also_reports_lint_findings() -> None:
    rules = [f.rule for f in check_draft("目前正在紧急修复中。", COMPLETE, "zh")]
    assert "vague-fix-no-timeline" in rules


def _load_accuracy() -> Any:
    path = ROOT / "benchmarks" / "check_draft_accuracy.py"
    spec = importlib.util.spec_from_file_location("check_draft_accuracy", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_labelled_cases_keep_precision_and_recall() -> None:
    accuracy = _load_accuracy()
    cases = accuracy.load_cases()
    planted = [c for c in cases if c.get("expect")]
    assert len(cases) >= 30 and len(planted) * 2 >= len(cases)
    assert {c["lang"] for c in planted} == {"zh", "en"}
    for rule, t in accuracy.score(cases).items():
        precision = t["tp"] / max(1, t["tp"] + t["fp"])
        recall = t["tp"] / max(1, t["tp"] + t["fn"])
        assert precision >= 0.9 and recall >= 0.9, (rule, t)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_our_drafts_of_the_examples_pass_their_own_facts(path: Path) -> None:
    incident = parse_incident(yaml.safe_load(path.read_text(encoding="utf-8")))
    for kind in KINDS:
        zh, en = draft(incident, kind, "zh"), draft(incident, kind, "en")
        assert _checked(zh.text, incident, "zh") == [], kind
        assert _checked(en.text, incident, "en") == [], kind
        assert check_parity(zh.text, en.text) == ((), ()), kind


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(incident_models(), st.sampled_from(KINDS))
def test_our_drafts_pass_their_own_facts_for_any_facts(incident: Incident, kind: str) -> None:
    for lang in ("zh", "en"):
        text = draft(incident, kind, lang).text
        assert _checked(text, incident, lang) == [], text


def test_parity_names_what_each_language_states_alone() -> None:
    zh = "约800万用户受影响，北京时间22:00恢复，每人补偿10元。"
    en = "About 8 million users were affected; restored at 14:00 UTC; each gets CNY 20."
    report = check_parity(zh, en)
    assert [f.excerpt for f in report.zh] == ["10元"]
    assert [f.excerpt for f in report.en] == ["CNY 20"]
    assert report.zh[0].rule == "parity-mismatch"


def test_a_wrong_outage_length_is_answered_with_the_outage_first() -> None:
    # A trial's Ctrip facts: 故障持续了10小时 was told "(facts: delivered_by 181h59m, ...)",
    # the compensation's deadline, not the outage's 12h20m.
    facts = {
        **MINIMAL,
        "status": "resolved",
        "resolved_at": "2026-03-29T22:20:00+08:00",
        "published_at": "2026-03-29T23:00:00+08:00",
        "compensation": [
            {
                "items": [{"kind": "voucher", "amount": 50, "currency": "CNY"}],
                "automatic": True,
                "delivered_by": "2026-04-05T23:59:00+08:00",
            }
        ],
    }
    found = [f for f in check_draft("故障持续了10小时。", facts, "zh") if f.rule == "fact-mismatch"]
    assert found and "（事实：故障持续2小时20分钟" in found[0].message, found
    # In each reader's words (trial F: "事实：outage 21h30m, delivered_by 148h59m").
    assert (
        found[0].messages["en"].startswith("“10小时” does not match the facts (facts: outage 2h20m")
    )
    assert "故障持續2小時20分鐘" in found[0].messages["zh-Hant-TW"]
    assert "delivered_by" not in found[0].message and "outage" not in found[0].message
