"""What the structured facts settle the other way is a fact-mismatch (factcheck.contradictions).

A blind trial (Kakao 2022, DBS 2023, Cloudflare 2025) found check_draft silent on
"DBS PayLah! is back to normal" (component down), "ATMs remain unavailable"
(recovered), "KakaoBank was also affected" (impact.not_affected), "the root cause
has been confirmed" (cause preliminary), "The root cause was a DDoS attack" (a
cyber attack ruled out: only a lint warning) and "All systems are operational
again" / "Cloudflare已完全恢复" while the outage was still being investigated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.drafting import draft
from crisiscomms.factcheck import check_draft
from crisiscomms.factcheck.contradictions import contradictions, families
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import parse_incident
from crisiscomms.kinds import KINDS
from crisiscomms.text import normalize

ROOT = Path(__file__).resolve().parents[1]

#: Facts that contradict every statement of templates/contradictions.toml's examples.
FACTS: dict[str, Any] = {
    **MINIMAL,
    "status": "mitigating",
    "components": [
        {"name": {"zh": "ATM", "en": "ATMs"}, "state": "recovered"},
        {"name": {"zh": "DBS PayLah!", "en": "DBS PayLah!"}, "state": "down"},
        {"name": {"zh": "CDN与核心代理", "en": "CDN and core proxy"}, "state": "recovering",
         "recovered_percent": 95},
        {"name": {"zh": "控制台", "en": "Dashboard"}, "state": "degraded"},
        {"name": {"zh": "Access与WARP", "en": "Access and WARP"}, "state": "recovered"},
    ],
    "impact": {"not_affected": [{"zh": "KakaoBank", "en": "KakaoBank"}]},
    "cause": {
        "status": "preliminary",
        "description": {"zh": "配置文件异常增大", "en": "a configuration file that grew too large"},
        "not_caused_by": [{"zh": "网络攻击", "en": "a cyber attack"}],
    },
    # Compensation for paid members only (PSN's 5 days of PS Plus, trial F).
    "audiences": ["players", "paid_members"],
    "compensation": [
        {"audience": "paid_members",
         "items": [{"kind": "membership", "days": 5,
                    "tier": {"zh": "PlayStation Plus", "en": "PlayStation Plus"}}],
         "eligibility": {"zh": "所有PlayStation Plus会员", "en": "every PlayStation Plus member"},
         "automatic": True, "delivered_by": "2026-04-05T09:00:00+08:00"},
    ],
}  # fmt: skip


def _found(text: str, facts: dict[str, Any] = FACTS) -> list[tuple[str, str]]:
    return [
        (f.rule, f.excerpt)
        for f in check_draft(text, parse_incident(facts), "auto")
        if f.rule in ("fact-mismatch", "unsupported-claim")
    ]


EXAMPLES = [(f["name"], e, True) for f in families() for e in f["should_fail"]]
EXAMPLES += [(f["name"], e, False) for f in families() for e in f["should_pass"]]


@pytest.mark.parametrize(("name", "text", "fires"), EXAMPLES)
def test_each_statement_fires_on_its_examples_and_only_there(
    name: str, text: str, fires: bool
) -> None:
    found = contradictions(normalize(text), parse_incident(FACTS), "en")
    assert bool(found) is fires, (name, text, [f.excerpt for f in found])


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("DBS PayLah! is back to normal.", "DBS PayLah! is back to normal"),
        ("DBS PayLah!已恢复正常。", "DBS PayLah!已恢复正常"),
        ("DBS PayLah!已恢復正常。", "DBS PayLah!已恢復正常"),  # folded to Simplified
        ("ATMs remain unavailable.", "ATMs remain unavailable"),
        ("ATM目前仍无法使用。", "ATM目前仍无法使用"),
        ("The CDN has fully recovered.", "CDN has fully recovered"),
        ("The dashboard is back to normal.", "dashboard is back to normal"),
        ("控制台已恢复。", "控制台已恢复"),
        ("ATMs and DBS PayLah! are working again.", "ATMs and DBS PayLah! are working again"),
        ("KakaoBank was also affected.", "KakaoBank was also affected"),
        ("KakaoBank也受到影响。", "KakaoBank也受到影响"),
        ("The root cause has been confirmed as X.", "The root cause has been confirmed"),
        ("经排查，故障原因已查明。", "故障原因已查明"),
        ("我们已查明故障原因：配置文件异常。", "已查明故障原因"),
        ("The root cause was a DDoS attack.", "The root cause was"),
        ("本次故障由黑客攻击引起。", "由黑客攻击引起"),
    ],
)  # fmt: skip
def test_a_statement_the_facts_settle_the_other_way_is_a_mismatch(text: str, excerpt: str) -> None:
    assert ("fact-mismatch", excerpt) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "ATMs are back to normal.",  # recovered: true
        "ATM已恢复。",
        "DBS PayLah! remains unavailable.",  # down: true
        "DBS PayLah!暂不可用。",
        "We expect DBS PayLah! to be back to normal soon.",
        "预计DBS PayLah!将于今晚恢复正常。",
        "CDN与核心代理已恢复95%。",  # recovering, and says how far
        "CDN and core proxy: 95% back.",
        "Back to normal: ATMs. Still affected: DBS PayLah!, the dashboard.",
        "已恢复：Access与WARP；仍受影响：控制台（仍有异常）。",
        "ATMs were unavailable earlier today.",
        "KakaoBank was not affected.",
        "Not affected: KakaoBank.",
        "KakaoBank未受影响。",
        "Our first finding: the cause is a configuration file. It is not yet confirmed.",
        "初步判断，本次故障与配置文件异常有关，具体原因尚待最终确认。",
        "The root cause was a configuration file; it was not a DDoS attack.",
        "本次故障并非网络攻击所致。",
    ],
)
def test_what_agrees_with_the_facts_or_hedges_is_no_mismatch(text: str) -> None:
    assert [r for r in _found(text) if r[0] == "fact-mismatch"] == []


@pytest.mark.parametrize(
    "text",
    [
        "All systems are operational again.",
        "Cloudflare已完全恢复。",
        "Cloudflare已完全恢復。",
        "所有服务均已恢复。",
        "Everything is back to normal.",
        "服务已全面恢复。",  # caught before; the other forms now alike
    ],
)
def test_a_whole_recovery_before_the_facts_hold_one_is_unsupported(text: str) -> None:
    assert [rule for rule, _ in _found(text)] == ["unsupported-claim"]


def test_a_whole_recovery_is_fine_once_the_facts_hold_one() -> None:
    resolved = {**FACTS, "status": "resolved", "resolved_at": "2026-03-29T22:00:00+08:00",
                "published_at": "2026-03-29T22:30:00+08:00", "components": []}  # fmt: skip
    assert _found("All systems are operational again.", resolved) == []
    assert _found("Cloudflare已完全恢复。", resolved) == []


def test_a_confirmed_cause_may_be_called_confirmed() -> None:
    confirmed = {**FACTS, "cause": {**FACTS["cause"], "status": "confirmed"}}
    assert _found("The root cause has been confirmed.", confirmed) == []
    assert _found("故障原因已查明。", confirmed) == []


FACT_FILES = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "incidents").glob("*.yaml")
)


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: p.stem)
def test_our_own_drafts_state_nothing_their_facts_contradict(path: Path) -> None:
    incident = read_facts(str(path))
    for kind in KINDS:
        for lang in ("zh", "en", "zh-Hant-HK", "zh-Hant-TW"):
            text = draft(incident, kind, lang).text
            found = [
                (f.rule, f.excerpt)
                for f in check_draft(text, incident, lang)
                if f.rule in ("fact-mismatch", "unsupported-claim")
            ]
            assert found == [], (kind, lang, found)


VOUCHERS: dict[str, Any] = {
    **MINIMAL,
    "status": "resolved",
    "resolved_at": "2026-03-29T22:00:00+08:00",
    "published_at": "2026-04-01T10:00:00+08:00",
    "compensation": [
        {
            "items": [{"kind": "voucher", "quantity": 3, "amount": 10, "currency": "CNY"}],
            "eligibility": {"zh": "全体用户", "en": "all users"},
            "automatic": True,
            "delivered_by": "2026-04-05T09:00:00+08:00",
        }
    ],
}


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("用户可获得优惠券5张。", "5张"),
        ("用户可获得5张优惠券。", "5"),
        ("Every user gets 5 vouchers.", "5"),
    ],
)
def test_a_wrong_number_of_vouchers_is_a_mismatch(text: str, excerpt: str) -> None:
    assert _found(text, VOUCHERS) == [("fact-mismatch", excerpt)]


@pytest.mark.parametrize(
    "text",
    ["用户可获得10元优惠券3张。", "用户可获得3张10元优惠券。", "Every user gets 3 vouchers."],
)
def test_the_right_number_of_vouchers_is_no_mismatch(text: str) -> None:
    assert _found(text, VOUCHERS) == []
