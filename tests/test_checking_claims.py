"""Every claim kind in templates/claims.toml fires on its own examples, and only there."""

from __future__ import annotations

from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.factcheck.checking import claim_families, family_matches, unsupported_claims
from crisiscomms.facts import parse_incident

# Facts that ground no claim: no cause, no data or funds statement, no compensation.
BARE: dict[str, Any] = MINIMAL

FAMILIES = {family["name"]: family for family in claim_families()}


@pytest.mark.parametrize(
    ("name", "example"),
    [(n, e) for n, f in FAMILIES.items() for e in f["should_fail"]],
)
def test_family_fires_on_its_should_fail_examples(name: str, example: str) -> None:
    assert list(family_matches(FAMILIES[name], example)), f"{name} missed: {example}"


@pytest.mark.parametrize(
    ("name", "example"),
    [(n, e) for n, f in FAMILIES.items() for e in f["should_pass"]],
)
def test_family_stays_quiet_on_its_should_pass_examples(name: str, example: str) -> None:
    assert not list(family_matches(FAMILIES[name], example)), f"{name} fired: {example}"


def test_every_family_has_examples_both_ways_in_both_languages() -> None:
    for name, family in FAMILIES.items():
        for key in ("should_fail", "should_pass"):
            examples = family[key]
            assert any(not e.isascii() for e in examples), (name, key, "zh")
            assert any(e.isascii() for e in examples), (name, key, "en")


def test_a_claim_the_facts_hold_is_not_reported() -> None:
    facts = {**BARE, "data": {"status": "intact"}, "funds": {"status": "intact"}}
    text = "用户数据与资金安全未受影响。"
    assert unsupported_claims(text, parse_incident(BARE))
    assert not unsupported_claims(text, parse_incident(facts))


def test_safe_data_never_grounds_safe_funds() -> None:
    facts = parse_incident({**BARE, "data": {"status": "intact"}})
    for text in ("用户数据与资金安全。", "Your data and funds are safe."):
        found = unsupported_claims(text, facts)
        assert [f.excerpt for f in found] in (["资金安全"], ["funds are safe"]), (text, found)


def test_every_claim_kind_of_the_issue_is_in_the_contract() -> None:
    expected = {
        "data", "funds", "count", "share", "error_rate", "cause", "rumour_denial", "eta",
        "eta_unknown", "next_update", "cadence", "duration", "resolution", "compensation",
        "required_actions", "workaround", "prevention", "contact", "not_affected",
    }  # fmt: skip
    assert expected <= set(FAMILIES)
    for family in FAMILIES.values():
        # Grounded by structured facts, or by the facts' own words (said_by: the refund).
        assert family["grounded_by"] or family.get("said_by"), family["name"]


def test_each_claim_is_reported_without_its_fact_and_not_with_it() -> None:
    grounded = parse_incident(
        {
            **BARE,
            "eta": "2026-03-29T22:00:00+08:00",
            "next_update_at": "2026-03-29T21:00:00+08:00",
            "update_every_minutes": 60,
            "required_actions": [{"zh": "重置密码", "en": "reset your password"}],
        }
    )
    for text in ("预计今晚22:00前恢复。", "Next update by 21:00 UTC+8.", "此后每小时更新一次。",
                 "Please reset your password."):  # fmt: skip
        assert unsupported_claims(text, parse_incident(BARE)), text
        assert not unsupported_claims(text, grounded), text


def test_a_cause_is_fine_once_the_facts_confirm_it() -> None:
    cause = {"status": "confirmed", "description": {"zh": "机房空调故障", "en": "cooling"}}
    text = "The outage was caused by a cooling failure."
    assert [f.rule for f in unsupported_claims(text, parse_incident(BARE))] == ["unsupported-claim"]
    assert not unsupported_claims(text, parse_incident({**BARE, "cause": cause}))


def test_words_the_engineer_wrote_into_the_facts_are_not_a_claim() -> None:
    facts = {**BARE, "workaround": {"zh": "可先使用优惠券小程序下单", "en": "Use the mini app"}}
    assert not unsupported_claims("可先使用优惠券小程序下单。", parse_incident(facts))


def test_what_the_facts_list_as_not_affected_may_be_called_unaffected() -> None:
    item = {"zh": "青鸟钱包的账户余额", "en": "Qingniao Wallet funds"}
    facts = {**BARE, "impact": {"not_affected": [item]}}
    for text in ("青鸟钱包的账户余额未受影响。", "Qingniao Wallet funds are safe."):
        assert unsupported_claims(text, parse_incident(BARE)), text
        assert unsupported_claims(text, parse_incident(facts)) == []
    assert unsupported_claims("用户资金安全未受影响。", parse_incident(facts))


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("用户数据已泄露。", "data"),
        ("Customer data was exposed.", "data"),
        ("部分客户的资金被重复扣款。", "funds"),
        ("Some customers were charged twice.", "funds"),
    ],
)
def test_a_text_that_says_the_opposite_of_the_facts_is_an_error(text: str, field: str) -> None:
    # The facts say intact: a text that says lost, leaked or charged twice contradicts them.
    intact = parse_incident({**BARE, field: {"status": "intact"}})
    found = [(f.rule, f.severity) for f in unsupported_claims(text, intact)]
    assert found == [("fact-mismatch", "error")], found
    # Still being checked: the text claims what the facts do not yet say.
    checking = parse_incident({**BARE, field: {"status": "under_investigation"}})
    found = [(f.rule, f.severity) for f in unsupported_claims(text, checking)]
    assert found == [("unsupported-claim", "warning")], found
    # The facts say so: nothing to report.
    harmed = {"data": "exposed", "funds": "affected"}[field]
    said = parse_incident(
        {**BARE, field: {"status": harmed, "description": {"zh": "见公告", "en": "see the notice"}}}
    )
    assert not unsupported_claims(text, said)


@pytest.mark.parametrize(
    ("text", "field", "harmed"),
    [
        ("该故障不会影响用户的资金安全。", "funds", "affected"),
        ("没有用户被重复扣款。", "funds", "affected"),
        ("No one was charged twice.", "funds", "affected"),
        ("用戶資料及資金安全。", "funds", "affected"),
        ("用户数据安全，未受影响。", "data", "exposed"),
        ("Your account data is safe.", "data", "lost"),
    ],
)
def test_calling_safe_what_the_facts_say_was_harmed_is_an_error(
    text: str, field: str, harmed: str
) -> None:
    # A trial's payment outage: money charged twice, and a statement that money is safe.
    said = parse_incident(
        {
            **BARE,
            field: {
                "status": harmed,
                "description": {"zh": "部分订单被重复扣款", "en": "some orders were charged twice"},
            },
        }
    )
    errors = [f for f in unsupported_claims(text, said) if f.severity == "error"]
    assert [f.rule for f in errors] == ["fact-mismatch"], errors
    assert f"{field}.status" in errors[0].messages["en"]
    # Not yet known: the text only claims more than the facts say.
    checking = parse_incident({**BARE, field: {"status": "under_investigation"}})
    found = [(f.rule, f.severity) for f in unsupported_claims(text, checking)]
    assert found and set(found) == {("unsupported-claim", "warning")}, found


@pytest.mark.parametrize(
    "text",
    [
        "所有重复扣款已全数退还。",
        "重复扣款将于24小时内原路退回。",
        "所有重複扣款已全數退還。",
        "All double charges have been refunded.",
        "We will refund every overcharge.",
    ],
)
def test_a_refund_is_stated_only_when_the_facts_hold_one(text: str) -> None:
    found = [f.rule for f in unsupported_claims(text, parse_incident(BARE))]
    assert "unsupported-claim" in found, found
    refund = {
        "zh": "多扣款项将于3个工作日内原路退回",
        "en": "overcharges go back to the card within 3 working days",
    }
    plan = {
        "overcharge_refund": refund,
        "items": [{"kind": "voucher", "amount": 5, "currency": "CNY"}],
        "valid_for_days": 30,
        "claim_method": {"zh": "自动发放", "en": "sent automatically"},
    }
    facts = parse_incident({**BARE, "compensation": [plan]})
    assert [f for f in unsupported_claims(text, facts) if f.rule == "unsupported-claim"] == []
