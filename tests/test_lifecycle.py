"""The two kinds that close the lifecycle: the resolution notice and the post-incident report."""

from __future__ import annotations

from typing import Any

import pytest
from support import MINIMAL, ROOT

from crisiscomms.drafting import draft
from crisiscomms.factcheck.checking import check_draft, check_parity
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import parse_incident
from crisiscomms.lint import lint

NEW_KINDS = ("resolution_notice", "post_incident_report")
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
RESOLVED_INCIDENTS = sorted((ROOT / "tests" / "incidents").glob("*.resolved.yaml")) + sorted(
    (ROOT / "tests" / "incidents").glob("*.report.yaml")
)


def t(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


TIMELINE = [
    {
        "at": "2026-03-29T20:00:00+08:00",
        "text": t("数据库主节点故障", "the primary database failed"),
    },
    {
        "at": "2026-03-29T21:40:00+08:00",
        "text": t("已切换至备用集群", "we moved to the standby cluster"),
    },
]
RESOLVED: dict[str, Any] = {
    **MINIMAL,
    "status": "resolved",
    "resolved_at": "2026-03-29T22:00:00+08:00",
    "published_at": "2026-03-29T22:30:00+08:00",
    "impact": {
        "symptoms": t("无法下单", "orders failing"),
        "scale": {"audience": "users", "count": 120000, "precision": "estimate"},
        "involves": ["orders"],
    },
    "data": {"status": "intact"},
    "cause": {"status": "confirmed", "description": t("数据库主节点故障", "a failed database")},
    "prevention": [t("4月30日前完成跨机房容灾演练", "rehearse failover by Apr 30")],
    "contacts": [{"channel": t("客服热线", "Support hotline"), "value": "400-000-1234"}],
    "required_actions": [t("重新提交失败的订单", "place again any order that failed")],
    "timeline": TIMELINE,
}


@pytest.mark.parametrize("kind", NEW_KINDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_complete_facts_draft_a_ready_notice_with_no_finding(kind: str, lang: str) -> None:
    d = draft(RESOLVED, kind, lang)
    assert d.findings == () and d.missing == () and d.vetted, d.text
    assert lint(d.text, lang=lang) == []


def test_the_resolution_notice_leads_with_the_time_service_came_back() -> None:
    zh, en = draft(RESOLVED, "resolution_notice", "zh"), draft(RESOLVED, "resolution_notice", "en")
    assert zh.text.split("\n\n")[2] == "示例App服务已于北京时间3月29日22:00全面恢复。"
    assert en.text.split("\n\n")[1] == "Service was fully restored on Mar 29 at 22:00 UTC+8."
    assert "约12万" in zh.text and "About 120,000 users were affected." in en.text
    assert "请您重新提交失败的订单。" in zh.text
    assert "Please place again any order that failed." in en.text


def test_the_report_numbers_its_sections_in_chinese_and_lists_the_timeline() -> None:
    zh = draft(RESOLVED, "post_incident_report", "zh").text
    headings = [line for line in zh.splitlines() if line[1:2] == "、"]
    assert headings == [
        "一、事件经过",
        "二、原因",
        "三、影响范围",
        "四、数据",  # the facts say nothing of money, and none is involved
        "五、改进措施",
    ]
    with_funds = draft({**RESOLVED, "funds": {"status": "intact"}}, "post_incident_report", "zh")
    assert "\n四、数据与资金\n" in with_funds.text
    assert "1. 3月29日20:00，数据库主节点故障；" in zh
    assert "- " not in zh  # Chinese notices number their lists
    en = draft(RESOLVED, "post_incident_report", "en").text
    assert "- Mar 29, 21:40 — We moved to the standby cluster" in en


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_without_resolution_the_time_is_asked_for_never_assumed(kind: str) -> None:
    facts = {**RESOLVED, "status": "monitoring"}
    facts.pop("resolved_at")
    shown_in = {"zh": "【待补充：服务恢复时间】", "en": "[TO FILL: time service was restored]"}
    for lang, shown in shown_in.items():
        d = draft(facts, kind, lang)
        assert shown in d.text and "missing-resolved-time" in [f.rule for f in d.findings]
        assert "全面恢复" not in d.text and "fully restored" not in d.text


def test_a_report_without_a_timeline_shows_its_placeholder_and_error() -> None:
    facts = {k: v for k, v in RESOLVED.items() if k != "timeline"}
    d = draft(facts, "post_incident_report", "zh")
    assert "处置经过：【待补充：事件时间线】。" in d.text
    assert [f.rule for f in d.findings] == ["missing-timeline"]
    assert [f.rule for f in draft(facts, "resolution_notice", "zh").findings] == []


def test_the_report_states_compensation_only_from_its_facts() -> None:
    plan = {
        "audience": "users",
        "items": [{"kind": "voucher", "amount": 10, "currency": "CNY"}],
        "eligibility": t("故障期间下单失败的用户", "users whose orders failed"),
        "automatic": True,
        "delivered_by": "2026-03-31T23:59:00+08:00",
        "valid_until": "2026-04-30T23:59:00+08:00",
    }
    zh = draft({**RESOLVED, "compensation": [plan]}, "post_incident_report", "zh").text
    assert "六、补偿进展" in zh and "补偿将于北京时间3月31日23:59前自动发放" in zh
    assert "补偿" not in draft(RESOLVED, "post_incident_report", "zh").text


@pytest.mark.parametrize("path", EXAMPLES + RESOLVED_INCIDENTS, ids=lambda p: p.stem)
def test_drafts_agree_across_languages_and_with_their_facts(path: Any) -> None:
    incident = read_facts(str(path))
    for kind in NEW_KINDS:
        zh, en = draft(incident, kind, "zh"), draft(incident, kind, "en")
        assert check_parity(zh.text, en.text) == ((), ()), (kind, zh.text, en.text)
        for d in (zh, en):
            checked = [f for f in check_draft(d.text, incident, d.lang)
                       if f.rule in ("fact-mismatch", "unsupported-claim")]  # fmt: skip
            assert checked == [], (kind, d.lang, checked)
            # Wording: our sentences add no finding. The real incidents' own words (their
            # facts) draw a few, the same in the notices of the first four kinds.
            ours = {(f.rule, f.excerpt) for f in d.findings if not f.rule.startswith("missing-")}
            assert ours <= _facts_wording(incident, d.lang), (kind, d.lang, ours)


def _facts_wording(incident: Any, lang: str) -> set[tuple[str, str]]:
    kinds = ("first_statement", "progress_update", "apology", "compensation_notice")
    return {(f.rule, f.excerpt) for k in kinds for f in draft(incident, k, lang).findings}


def test_minimal_facts_still_draft_both_kinds() -> None:
    for kind in NEW_KINDS:
        for lang in ("zh", "en"):
            d = draft(parse_incident(MINIMAL), kind, lang)
            assert not d.ready and d.text.endswith("\n")
