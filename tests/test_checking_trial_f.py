"""Trial F (Octopus, Google Cloud, PlayStation Network): what check_draft and check_parity
got wrong on real outages, each with a near sentence that must still behave.

The facts are the trial's own, in ``check_draft_cases/facts.yaml`` (octopus, gcp_update,
psn_resolved).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import MINIMAL

from crisiscomms.factbase import audience_vocabulary
from crisiscomms.factcheck import check_draft, check_parity
from crisiscomms.factcheck.quantities import find_mentions
from crisiscomms.facts import Incident, parse_incident

CASES = Path(__file__).parent / "check_draft_cases"
CHECKS = ("fact-mismatch", "unsupported-claim")


@cache
def _facts(name: str) -> Incident:
    data = yaml.safe_load((CASES / "facts.yaml").read_text(encoding="utf-8"))
    return parse_incident(data[name])


def _checked(text: str, facts: Incident | dict[str, Any], lang: str) -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt) for f in check_draft(text, facts, lang) if f.rule in CHECKS]


# --- #3: a bare $ is the facts' own dollar (Hong Kong writes $2 for HK$2) ---------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("未能享用每程$2的票價優惠。", "zh-Hant-HK"),  # the facts' own zh-Hant-HK words
        ("受影響的八達通共65張，多收車資合共$251.7。", "zh-Hant-HK"),
        ("Eligible passengers were charged the adult fare instead of $2.", "en"),
        ("We overcharged $251.70 in all.", "en"),
        ("未能享用每程HK$2的票價優惠，多收車資合共港幣251.7元。", "zh-Hant-HK"),
    ],
)
def test_a_hong_kong_dollar_amount_written_with_a_bare_dollar_sign_is_a_fact(
    text: str, lang: str
) -> None:
    assert _checked(text, _facts("octopus"), lang) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("未能享用每程$3的票價優惠。", "$3"),
        ("多收車資合共$261.7。", "$261.7"),
        # The facts' own $251.7 is their Hong Kong dollar (HK$251.70 in English), not any:
        ("多收車資合共US$251.7。", "US$251.7"),
        ("多收車資合共NT$251.7。", "NT$251.7"),
        ("多收車資合共₩251.7。", "₩251.7"),
    ],
)
def test_another_amount_or_another_currency_is_still_a_mismatch(text: str, excerpt: str) -> None:
    assert _checked(text, _facts("octopus"), "zh-Hant-HK") == [("fact-mismatch", excerpt)]


def test_the_real_octopus_statement_has_no_dollar_mismatch() -> None:
    statement = (
        "受影響的八達通共65張，多收車資合共$251.7。八達通發現其中66宗交易的合資格乘客"
        "未能獲得每程$2的優惠。"
    )
    assert _checked(statement, _facts("octopus"), "zh-Hant-HK") == []


def _plan(amount: int, currency: str) -> dict[str, Any]:
    return {
        **MINIMAL,
        "timezone": "Asia/Hong_Kong",
        "status": "resolved",
        "resolved_at": "2026-03-29T22:00:00+08:00",
        "published_at": "2026-04-01T10:00:00+08:00",
        "compensation": [
            {
                "items": [{"kind": "credit", "amount": amount, "currency": currency}],
                "eligibility": {"zh": "全体用户", "en": "all users"},
                "automatic": True,
                "delivered_by": "2026-04-05T09:00:00+08:00",
            }
        ],
    }


@pytest.mark.parametrize("currency", ["HKD", "USD", "TWD", "SGD"])
def test_a_bare_dollar_matches_the_facts_amount_in_any_dollar(currency: str) -> None:
    assert _checked("每位用戶可獲$20額度。", _plan(20, currency), "zh-Hant-HK") == []
    assert _checked("Every user gets 20 dollars in credit.", _plan(20, currency), "en") == []


@pytest.mark.parametrize("currency", ["KRW", "JPY", "CNY", "EUR"])
def test_a_bare_dollar_is_no_amount_in_another_currency(currency: str) -> None:
    assert _checked("每位用戶可獲$20額度。", _plan(20, currency), "zh-Hant-HK") == [
        ("fact-mismatch", "$20")
    ]


def test_two_open_currencies_agree_when_they_share_one() -> None:
    # ¥ is the yuan or the yen in the facts' words and in the text's alike.
    workaround = {"zh": "先用¥10的现金券下单", "en": "order with a ¥10 coupon"}
    facts = {**MINIMAL, "workaround": workaround}
    assert _checked("可先用¥10的现金券下单。", facts, "zh") == []
    assert _checked("可先用¥12的现金券下单。", facts, "zh") == [("fact-mismatch", "¥12")]


# --- #4: a count of any shipped audience is a count, in every language ------------------


def test_the_trials_cardholders_pair_agrees() -> None:
    for en in (
        "65 cardholders were affected.",
        "65 card holders were affected.",
        "About 65 cardholders were affected.",
    ):
        report = check_parity("受影响的持卡人共65名。", en)
        assert (report.zh, report.en) == ((), ()), en
    report = check_parity("受影響的持卡人共65名。", "66 cardholders were affected.", "zh-Hant-HK")
    assert [f.excerpt for f in report.zh] == ["65"]
    assert [f.excerpt for f in report.en] == ["66"]


def _counts(text: str) -> list[int]:
    return [int(m.value) for m in find_mentions(text) if m.kind == "count"]


@pytest.mark.parametrize("audience", sorted(audience_vocabulary()))
def test_a_count_of_every_shipped_audience_is_read(audience: str) -> None:
    entry = audience_vocabulary()[audience]
    names = entry["name"]
    assert _counts(f"{names['en']} affected: 65 {names['en']}.") == [65]
    assert _counts(f"Only 1 {names['en'].removesuffix('s')} was affected.") == [1]
    measure = entry.get("measure", "名")
    for lang in ("zh", "zh-Hant-HK", "zh-Hant-TW"):
        name = names.get(lang, names["zh"])
        assert _counts(f"共有65{measure}{name}受到影响。") == [65], (lang, name)


def test_a_number_of_things_no_audience_names_is_still_no_count() -> None:
    assert _counts("65 cards were affected.") == []
    assert _counts("共有65名持卡人、66张卡受到影响。") == [65]


# --- #7: claims a chatbot writes that the facts do not hold -----------------------------


@pytest.mark.parametrize(
    ("facts", "text", "expected"),
    [
        # us-central1 still recovering, status recovering: no full recovery, in either language.
        ("gcp_update", "All regions have fully recovered.", ["All regions have fully recovered"]),
        ("gcp_update", "所有区域已全面恢复。", ["所有区域已全面恢复"]),
        ("gcp_update", "All other regions have recovered; us-central1 is still recovering.", []),
        ("gcp_update", "除us-central1外，其他区域已全部恢复。", []),
        ("psn_resolved", "Network services have fully recovered from an operational issue.", []),
        # Billing is money: safe only once the facts' funds check says so.
        ("gcp_update", "Your billing is safe.", ["billing is safe"]),
        ("gcp_update", "We are checking whether billing was affected.", []),
        ("psn_resolved", "Your billing is safe.", []),
        # A refund promised in English, as 已全數退還 is in Chinese.
        (
            "psn_resolved",
            "All affected players will get a full refund of their PlayStation Plus fee.",
            ["will get a full refund"],
        ),
        ("psn_resolved", "所有玩家的會費已全數退還。", ["已全數退還"]),
        ("psn_resolved", "Players can ask for a refund through the store's usual process.", []),
        ("octopus", "Affected cardholders will get a full refund.", []),
    ],
)
def test_unsupported_claims_of_the_trial(facts: str, text: str, expected: list[str]) -> None:
    found = _checked(text, _facts(facts), "auto")
    assert found == [("unsupported-claim", excerpt) for excerpt in expected]


def test_the_chatbots_reply_is_flagged_once_per_claim() -> None:
    text = (
        "All regions have fully recovered and your data and billing are safe. "
        "Next update by 14:00 PDT."
    )
    assert _checked(text, _facts("gcp_update"), "en") == [
        ("unsupported-claim", "All regions have fully recovered"),
        ("unsupported-claim", "billing are safe"),
    ]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("所有玩家将自动获得5天PlayStation Plus会员。", "所有玩家将自动获得"),
        ("Every player will automatically receive 5 days of PlayStation Plus.",
         "Every player will automatically receive"),
        ("全體玩家將於2月14日前自動獲得5天PlayStation Plus會員", "全體玩家將於2月14日前自動獲得"),
    ],
)  # fmt: skip
def test_compensation_for_an_audience_no_plan_is_for_is_a_mismatch(text: str, excerpt: str) -> None:
    # PSN's only plan is for paid_members; players got nothing (the real controversy).
    assert ("fact-mismatch", excerpt) in _checked(text, _facts("psn_resolved"), "auto")


@pytest.mark.parametrize(
    "text",
    [
        "All PlayStation Plus members will automatically receive an additional 5 days of service.",
        "所有付费会员将自动获得5天PlayStation Plus会员。",
        "All paying members will automatically receive 5 days of PlayStation Plus.",
        "所有玩家中，只有付费会员可获得5天会员。",
        "Every player can check the status page for updates.",
    ],
)
def test_compensation_for_the_audience_a_plan_is_for_is_no_mismatch(text: str) -> None:
    assert _checked(text, _facts("psn_resolved"), "auto") == []


def test_the_audience_check_needs_a_plan_to_compare_with() -> None:
    # No plan at all: the claims contract's [compensation] speaks, not a mismatch.
    facts = _facts("psn_resolved").model_copy(update={"compensation": []})
    found = _checked("所有玩家将获得5天会员补偿。", facts, "zh")
    assert ("unsupported-claim", "补偿") in found
    assert not [excerpt for _, excerpt in found if "玩家" in excerpt]


@pytest.mark.parametrize(
    "text",
    ["除us-central1外，各区域已恢复。", "Every region except us-central1 has recovered."],
)
def test_a_part_named_as_the_exception_to_what_is_back_is_not_said_to_be_back(text: str) -> None:
    # The facts' own progress text, which our progress update drafts: us-central1 recovering.
    assert _checked(text, _facts("gcp_update"), "auto") == []
    assert _checked("us-central1 has recovered.", _facts("gcp_update"), "en") == [
        ("fact-mismatch", "us-central1 has recovered")
    ]
