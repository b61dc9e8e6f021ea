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

from crisiscomms.factcheck import check_draft
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
