"""Completeness: what each notice kind needs from the facts, and what it reports missing."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from strategies import incident_models

from crisiscomms.completeness import element_gap, elements, missing_facts
from crisiscomms.facts import Incident, parse_incident
from crisiscomms.kinds import KINDS

BASE: dict[str, Any] = {
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "started_at": "2026-03-29T20:00:00+08:00",
    "published_at": "2026-03-29T21:30:00+08:00",
}
TEXT = {"zh": "示例", "en": "example"}


def incident(**changes: Any) -> Incident:
    facts = json.loads(json.dumps(BASE))
    facts.update(changes)
    return parse_incident(facts)


def rules(inc: Incident, kind: str) -> list[str]:
    return [gap.rule for gap in missing_facts(inc, kind)]  # type: ignore[arg-type]


def paths(inc: Incident, kind: str) -> list[str]:
    return [gap.path for gap in missing_facts(inc, kind)]  # type: ignore[arg-type]


def test_bare_facts_lack_what_each_kind_needs() -> None:
    bare = incident()
    assert rules(bare, "first_statement") == ["missing-impact", "missing-next-update"]
    assert rules(bare, "progress_update") == ["missing-progress", "missing-next-update"]
    assert rules(bare, "apology") == [
        "missing-resolved-time",
        "missing-affected-count",
        "missing-cause",
        "missing-data-statement",
        "missing-prevention",
        "missing-contact",
    ]
    assert rules(bare, "compensation_notice") == ["missing-compensation"]


def test_next_update_is_satisfied_by_a_next_update_time_or_an_eta() -> None:
    with_next = incident(next_update_at="2026-03-29T22:00:00+08:00")
    with_eta = incident(eta="2026-03-29T23:00:00+08:00")
    for kind in ("first_statement", "progress_update"):
        assert "missing-next-update" not in rules(with_next, kind)
        assert "missing-next-update" not in rules(with_eta, kind)


def test_a_resolved_incident_needs_no_next_update() -> None:
    resolved = incident(status="resolved", resolved_at="2026-03-29T21:00:00+08:00")
    assert "missing-next-update" not in rules(resolved, "first_statement")
    assert "missing-next-update" not in rules(resolved, "progress_update")


def test_touching_accounts_or_payments_requires_a_data_statement() -> None:
    for sensitive in ("accounts", "logins", "orders", "personal_data"):
        hit = incident(impact={"involves": [sensitive]})
        assert "missing-data-statement" in rules(hit, "first_statement"), sensitive
        assert "missing-data-statement" in rules(hit, "progress_update"), sensitive
    untouched = incident()
    assert "missing-data-statement" not in rules(untouched, "first_statement")
    stated = incident(impact={"involves": ["orders"]}, data={"status": "intact"})
    assert "missing-data-statement" not in rules(stated, "first_statement")


def test_payments_balances_and_transfers_require_a_funds_statement_of_their_own() -> None:
    for area in ("payments", "balances", "transfers"):
        hit = incident(impact={"involves": [area]}, data={"status": "intact"})
        assert "missing-funds-statement" in rules(hit, "first_statement"), area
        assert "missing-funds-statement" in rules(hit, "apology"), area
        assert "missing-data-statement" not in rules(hit, "first_statement"), area
    logins = incident(impact={"involves": ["logins"]}, data={"status": "intact"})
    assert "missing-funds-statement" not in rules(logins, "first_statement")
    assert "missing-funds-statement" not in rules(logins, "apology")


def test_an_unknown_eta_commits_to_nothing_but_a_cadence_does() -> None:
    unknown = incident(eta="unknown")
    assert "missing-next-update" in rules(unknown, "first_statement")
    cadence = incident(eta="unknown", update_every_minutes=60)
    assert "missing-next-update" not in rules(cadence, "first_statement")


def test_an_apology_always_states_data_safety() -> None:
    assert "missing-data-statement" in rules(incident(), "apology")


def test_an_apology_with_data_still_under_investigation_needs_the_next_update() -> None:
    checking = incident(data={"status": "under_investigation"})
    assert "missing-next-update" in rules(checking, "apology")
    dated = incident(
        data={"status": "under_investigation"}, next_update_at="2026-03-29T22:00:00+08:00"
    )
    assert "missing-next-update" not in rules(dated, "apology")


def test_an_estimated_count_is_enough_for_an_apology() -> None:
    estimated = incident(impact={"scale": [{"count": 8_000_000, "precision": "estimate"}]})
    assert "missing-affected-count" not in rules(estimated, "apology")
    for known in ({"share_percent": 15, "precision": "estimate"}, {"all": True}):
        assert "missing-affected-count" not in rules(incident(impact={"scale": [known]}), "apology")
    later = incident(impact={"scale_final_by": "2026-03-30T12:00:00+08:00"})
    assert "missing-affected-count" not in rules(later, "apology")
    assert "missing-affected-count" in rules(incident(impact={"scale": [{}]}), "apology")


def _plan(**fields: Any) -> dict[str, Any]:
    return {"items": [{"kind": "voucher", "amount": 10, "currency": "CNY"}], **fields}


def test_a_claimed_compensation_needs_eligibility_method_deadline_validity_support() -> None:
    inc = incident(compensation=[_plan()])
    assert paths(inc, "compensation_notice") == [
        "compensation[0].eligibility",
        "compensation[0].claim_method",
        "compensation[0].claim_deadline",
        "compensation[0].valid_until",
        "compensation[0].if_not_received",
    ]
    assert rules(inc, "compensation_notice") == [
        "missing-eligibility",
        "missing-claim-method",
        "missing-claim-deadline",
        "missing-validity",
        "missing-support",
    ]


def test_an_automatic_compensation_needs_a_delivery_time_instead_of_a_claim() -> None:
    inc = incident(compensation=[_plan(automatic=True, eligibility=TEXT)])
    assert rules(inc, "compensation_notice") == [
        "missing-delivery-time",
        "missing-validity",
        "missing-support",
    ]


def test_a_refund_has_no_validity_and_contacts_cover_support() -> None:
    refund = {"kind": "refund", "amount": 5, "currency": "CNY"}
    inc = incident(
        compensation=[
            {
                "items": [refund],
                "eligibility": TEXT,
                "claim_method": TEXT,
                "claim_deadline": "2026-04-30T23:59:00+08:00",
            }
        ],
        contacts=[{"channel": TEXT}],
    )
    assert rules(inc, "compensation_notice") == []


def test_each_plan_is_checked_with_its_own_path() -> None:
    inc = incident(
        audiences=["users", "merchants"],
        compensation=[
            _plan(
                eligibility=TEXT,
                claim_method=TEXT,
                claim_deadline="2026-04-30T23:59:00+08:00",
                valid_until="2026-05-30T23:59:00+08:00",
                if_not_received=TEXT,
            ),
            _plan(audience="merchants"),
        ],
    )
    assert all(p.startswith("compensation[1].") for p in paths(inc, "compensation_notice"))


def test_every_element_has_a_rule_label_reason_and_question_in_both_languages() -> None:
    for name, spec in elements().items():
        assert spec["rule"] == "missing-" + name.replace("_", "-"), name
        for part in ("label", "why", "question"):
            assert spec[part]["zh"] and spec[part]["en"], (name, part)
        gap = element_gap(name)
        assert gap.to_dict()["rule"] == spec["rule"]


@settings(max_examples=60, deadline=None)
@given(incident_models(complete=True))
def test_complete_facts_miss_nothing_in_any_kind(inc: Incident) -> None:
    for kind in KINDS:
        assert missing_facts(inc, kind) == [], kind


def test_validity_is_asked_only_of_what_expires() -> None:
    base = {"eligibility": TEXT, "automatic": True, "delivered_by": "2026-04-01T00:00:00+08:00"}
    membership = {"items": [{"kind": "membership", "months": 1}], **base}
    sla = {"items": [{"kind": "sla_credit", "percent": 10, "of": TEXT}], **base}
    for plan in (membership, sla):
        inc = incident(compensation=[plan], contacts=[{"channel": TEXT}])
        assert rules(inc, "compensation_notice") == [], plan
    for validity in ({"valid_for_days": 7}, {"applies_to": "next_invoice"}):
        voucher = incident(compensation=[_plan(**base, **validity)], contacts=[{"channel": TEXT}])
        assert rules(voucher, "compensation_notice") == [], validity


def test_a_referral_alone_is_a_whole_plan() -> None:
    plan = {"audience": "enterprise_customers", "referral": TEXT}
    inc = incident(audiences=["users", "enterprise_customers"], compensation=[plan])
    assert rules(inc, "compensation_notice") == []


def test_a_check_still_running_after_recovery_asks_when_its_result_comes() -> None:
    # Facebook, 2021: service back, data still being checked, no time for the result. The
    # drafts asked for a "next update time" and an ETA for a service already restored.
    checking = {"status": "under_investigation", "description": TEXT}
    resolved = incident(status="resolved", resolved_at="2026-03-29T21:00:00+08:00", data=checking)
    for kind in ("apology", "resolution_notice", "post_incident_report", "progress_update"):
        assert "missing-result-time" in rules(resolved, kind), kind
        assert "missing-next-update" not in rules(resolved, kind), kind
    assert "data.result_by" in paths(resolved, "apology")
    funds = incident(status="resolved", resolved_at="2026-03-29T21:00:00+08:00", funds=checking)
    assert "funds.result_by" in paths(funds, "apology")
    # While service is down the next update is when the result comes: asked as before.
    ongoing = incident(data=checking)
    assert "missing-next-update" in rules(ongoing, "apology")
    assert "missing-result-time" not in rules(ongoing, "apology")
    # A time for the result, or a next update, answers it.
    timed = incident(
        status="resolved",
        resolved_at="2026-03-29T21:00:00+08:00",
        data={**checking, "result_by": "2026-04-02T18:00:00+08:00"},
    )
    assert "missing-result-time" not in rules(timed, "apology")


def test_money_taken_wrongly_asks_how_and_when_it_is_refunded() -> None:
    # Trial E (Alipay): orders charged several times, and no notice asked how the money
    # comes back; the facts could not even hold a refund without a voucher to go with it.
    charged = {"status": "affected", "description": {"zh": "部分订单被重复扣款", "en": "x"}}
    inc = incident(funds=charged)
    assert "missing-overcharge-refund" in rules(inc, "compensation_notice")
    assert "compensation[].overcharge_refund" in paths(inc, "compensation_notice")
    refund = {"zh": "多扣款项将于3个工作日内原路退回", "en": "refunded within 3 working days"}
    refunded = incident(funds=charged, compensation=[{"overcharge_refund": refund}])
    assert rules(refunded, "compensation_notice") == []  # a refund alone is a whole plan
    per_audience = incident(funds_per_audience=[{**charged, "audience": "users"}])
    assert "missing-overcharge-refund" in rules(per_audience, "compensation_notice")
    # Money not affected: nothing to refund, nothing asked.
    assert "missing-overcharge-refund" not in rules(incident(), "compensation_notice")
