"""Amounts in every currency Babel knows are facts: symbol, ISO code and local word.

A trial's Kakao compensation notice (₩30,000 / 30,000韩元 / KRW 30,000) failed
check_draft with fact-mismatch errors on the library's own text, because the
won was read as no currency at all and 30,000 as a count; the same amount in
CNY, HKD, JPY or USD passed.
"""

from __future__ import annotations

from typing import Any

import pytest
from babel.numbers import list_currencies
from support import MINIMAL

from crisiscomms.drafting import draft
from crisiscomms.factcheck import check_draft
from crisiscomms.facts import parse_incident
from crisiscomms.text.currencies import currency_forms
from crisiscomms.text.quantities import find_quantities


def _facts(currency: str, amounts: tuple[int, ...] = (30000, 50000)) -> dict[str, Any]:
    plan = {
        "eligibility": {"zh": "已申报损失的小商户", "en": "small businesses that reported losses"},
        "claim_method": {"zh": "在App内提交申请", "en": "apply in the app"},
        "claim_deadline": "2026-04-19T23:59:00+08:00",
    }
    return {
        **MINIMAL,
        "status": "resolved",
        "resolved_at": "2026-03-29T22:00:00+08:00",
        "published_at": "2026-04-01T10:00:00+08:00",
        "impact": {"scale": [{"count": 100000, "precision": "at_least"}]},
        "compensation": [
            {**plan, "items": [{"kind": "cash", "amount": amount, "currency": currency}]}
            for amount in amounts
        ],
    }


def _mismatches(text: str, facts: dict[str, Any], lang: str = "auto") -> list[str]:
    found = check_draft(text, parse_incident(facts), lang)
    return [f.excerpt for f in found if f.rule == "fact-mismatch"]


#: The currencies a notice pays in that the trial and the review named, plus a few more.
NAMED = ("KRW", "JPY", "CNY", "USD", "EUR", "GBP", "HKD", "TWD", "SGD", "MOP", "INR",
         "THB", "VND", "AUD", "CAD", "CHF", "BRL", "PHP", "MYR", "IDR", "KPW", "ILS")  # fmt: skip


@pytest.mark.parametrize("currency", NAMED)
@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant-HK", "zh-Hant-TW"])
def test_our_compensation_notice_in_any_currency_passes_its_own_facts(
    currency: str, lang: str
) -> None:
    facts = _facts(currency)
    text = draft(parse_incident(facts), "compensation_notice", lang).text
    assert _mismatches(text, facts, lang) == [], text


def _current_currencies() -> list[str]:
    forms = currency_forms()
    return sorted(c for c in list_currencies() if c.lower() in forms.codes)


def test_every_currency_babel_knows_is_read_in_our_zh_and_en_drafts() -> None:
    failed = []
    for currency in _current_currencies():
        facts = _facts(currency, (30000,))
        incident = parse_incident(facts)
        for lang in ("zh", "en"):
            text = draft(incident, "compensation_notice", lang).text
            if _mismatches(text, facts, lang):
                failed.append((currency, lang))
    assert failed == []


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("商家可获得现金补偿₩30,000。", "KRW"),
        ("商家可获得现金补偿￦30,000。", "KRW"),
        ("商家可获得现金补偿30,000韩元。", "KRW"),
        ("商家可獲得現金補償30,000韓元。", "KRW"),
        ("商家可获得现金补偿3万韩元。", "KRW"),
        ("商家可获得3万韩币现金补偿。", "KRW"),
        ("Merchants get KRW 30,000 in cash.", "KRW"),
        ("Merchants get 30,000 won in cash.", "KRW"),
        ("Merchants get 30,000 South Korean won in cash.", "KRW"),
        ("商家可获得30,000日元。", "JPY"),
        ("Merchants get JPY 30,000 or 30,000 yen.", "JPY"),
        ("商家可获得新台幣30,000元。", "TWD"),
        ("Merchants get NT$30,000.", "TWD"),
        ("商家可获得30,000新台币。", "TWD"),
        ("Merchants get ₹30,000.", "INR"),
        ("商家可获得30,000印度卢比。", "INR"),
        ("Merchants get 30,000 rupees.", "INR"),
        ("商家可获得30,000泰铢。", "THB"),
        ("Merchants get THB 30,000 (30,000 baht).", "THB"),
        ("Merchants get ₫30,000.", "VND"),
        ("商家可获得30,000越南盾。", "VND"),
        ("商家可获得3万澳门币。", "MOP"),
        ("Merchants get MOP 30,000.", "MOP"),
        ("Merchants get CHF 30,000.", "CHF"),
        ("商家可获得30,000瑞士法郎。", "CHF"),
        ("Merchants get R$30,000.", "BRL"),
        ("Merchants get €30,000.", "EUR"),
        ("商家可获得30,000欧元。", "EUR"),
        ("商家可获得HK$30,000。", "HKD"),
        ("商家可获得30,000港元。", "HKD"),
    ],
)
def test_an_amount_in_any_form_of_its_currency_is_a_fact(text: str, currency: str) -> None:
    assert _mismatches(text, _facts(currency)) == []
    # …and the same amount in another currency is not (so the currency was read).
    other = "GBP" if currency != "GBP" else "USD"
    assert _mismatches(text, _facts(other)) != [], text


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("商家可获得现金补偿₩40,000。", "₩40,000"),
        ("商家可获得现金补偿4万韩元。", "4万韩元"),
        ("Merchants get KRW 40,000 in cash.", "KRW 40,000"),
        ("Merchants get $30,000 in cash.", "$30,000"),  # the right number, the wrong currency
    ],
)
def test_a_wrong_amount_is_named_with_the_amounts_of_the_facts_only(
    text: str, excerpt: str
) -> None:
    found = check_draft(text, parse_incident(_facts("KRW")))
    found = [f for f in found if f.rule == "fact-mismatch"]
    assert [f.excerpt for f in found] == [excerpt]
    message = found[0].messages["en"]
    assert "30,000 KRW, 50,000 KRW" in message
    assert "100,000" not in message  # the merchants' count is no amount


@pytest.mark.parametrize(
    "text",
    ["All 3 vouchers arrive by Friday.", "our top 10 merchants", "Cup 2 of the series"],
)
def test_a_word_that_is_also_an_iso_code_is_no_currency_in_lower_case(text: str) -> None:
    assert [q for q in find_quantities(text) if q.kind == "money"] == []


def test_a_code_in_capitals_is_one() -> None:
    (q,) = find_quantities("Merchants get ALL 3,000.")
    assert (q.kind, q.currency, q.value) == ("money", "ALL", 3000)


def test_the_currency_table_is_what_babel_gives() -> None:
    import babel

    from crisiscomms.text.currencies import TABLE, build_forms, table_text

    written = TABLE.read_text(encoding="utf-8")
    if f"Babel {babel.__version__}." not in written.splitlines()[1]:
        pytest.skip("generated with another Babel release: regenerate to compare")
    assert written == table_text(build_forms())
