"""The pack's documents at each stage say what the stage's notices say (trial D, 2025-11).

Resolved: the community message apologizes and gives the cause as the apology does, and the
briefing's one timetable carries the compensation times every channel repeats. Ongoing: the
documents ask for a contact only where the notices do; with a status page to point to,
they point there.
"""

from __future__ import annotations

from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.commspack import build_pack

LANGS = ("zh", "en")


def _docs(facts: dict[str, Any], lang: str) -> dict[str, Any]:
    made = build_pack(facts, langs=[lang], channels=["notice"])
    return {f.kind: f for f in made.files if f.role == "document"}


RESOLVED: dict[str, Any] = {
    **MINIMAL,
    "status": "resolved",
    "resolved_at": "2026-03-29T20:20:00+08:00",
    "cause": {
        "status": "confirmed",
        "description": {"zh": "一次配置变更错误", "en": "a faulty configuration change"},
    },
    "data": {"status": "intact"},
    "contacts": [{"channel": {"zh": "客服热线", "en": "Support hotline"}, "value": "400-000-0000"}],
    "compensation": [
        {
            "items": [{"kind": "voucher", "quantity": 1, "amount": 10, "currency": "CNY"}],
            "eligibility": {"zh": "全体用户", "en": "all users"},
            "claim_method": {"zh": "在App内领取", "en": "claim it in the app"},
            "claim_deadline": "2026-04-19T23:59:00+08:00",
        },
        {
            "audience": "users",
            "items": [{"kind": "credit", "amount": 5, "currency": "CNY"}],
            "eligibility": {"zh": "会员用户", "en": "members"},
            "automatic": True,
            "delivered_by": "2026-04-05T09:00:00+08:00",
        },
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_resolved_community_message_apologizes_and_gives_the_cause(lang: str) -> None:
    text = _docs(RESOLVED, lang)["community"].text
    sorry = "我们向所有受到影响的用户诚恳道歉" if lang == "zh" else "We apologize to all users"
    cause = "一次配置变更错误" if lang == "zh" else "a faulty configuration change"
    assert sorry in text and cause in text, text
    # A contact's label is a label, not a verb's object ("Contact Support hotline: ...").
    assert (
        "请通过客服热线联系我们：400-000-0000"
        if lang == "zh"
        else "Questions? Support hotline: 400-000-0000"
    ) in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_resolved_briefing_timetable_has_the_compensation_times(lang: str) -> None:
    text = _docs(RESOLVED, lang)["briefing"].text
    table = text.split("四、统一的时间表" if lang == "zh" else "One timetable", 1)[1]
    assert ("4月19日23:59" if lang == "zh" else "Apr 19, 23:59") in table, table
    assert ("4月5日09:00" if lang == "zh" else "Apr 5, 09:00") in table, table


ONGOING: dict[str, Any] = {
    **MINIMAL,
    "status": "recovering",
    "impact": {"symptoms": {"zh": "页面无法打开", "en": "pages not loading"}},
    "progress": {"zh": "部分地区已恢复", "en": "some regions are back"},
    "next_update_at": "2026-03-29T21:00:00+08:00",
    "data": {"status": "intact"},
    "links": {"status_page": "https://status.example.com"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_ongoing_documents_ask_for_no_contact_the_notices_do_not_need(lang: str) -> None:
    docs = _docs(ONGOING, lang)
    for doc in ("cs_script", "faq", "community", "briefing"):
        rules = {f.rule for f in docs[doc].findings}
        assert "missing-contact" not in rules, (doc, docs[doc].text)
        assert "https://status.example.com" in docs[doc].text, doc


@pytest.mark.parametrize("lang", LANGS)
def test_with_nothing_to_point_to_the_contact_is_still_asked_for(lang: str) -> None:
    docs = _docs({**ONGOING, "links": None}, lang)
    for doc in ("cs_script", "faq", "briefing"):
        assert "missing-contact" in {f.rule for f in docs[doc].findings}, doc
    # Once service is back the apology requires one, so the documents do too.
    resolved = _docs({**RESOLVED, "contacts": [], "links": ONGOING["links"]}, lang)
    assert "missing-contact" in {f.rule for f in resolved["community"].findings}


def test_money_taken_by_mistake_makes_the_pack_ask_how_it_is_refunded() -> None:
    # Trial F (Octopus, overcharged fares, no plan yet): the pack drafted the apology only,
    # the script told agents there was nothing else to say, and the briefing had nothing
    # left to confirm. The compensation notice is where a refund is stated or asked for.
    harm = {"zh": "66宗交易被多收车资", "en": "66 fares were overcharged"}
    facts: dict[str, Any] = {**MINIMAL, "status": "resolved"}
    facts |= {"resolved_at": "2026-03-29T20:20:00+08:00"}
    facts |= {"funds": {"status": "affected", "description": harm}}
    made = build_pack(facts, langs=["zh", "en"], channels=["notice"])
    assert made.kinds == ["apology", "compensation_notice"]
    files = {f.name: f for f in made.files}
    notice = files["compensation-notice.notice.zh.txt"]
    assert "missing-overcharge-refund" in [f.rule for f in notice.findings]
    assert "多扣费用退还：【待补充：" in files["cs-script.zh.txt"].text
    assert "If you were charged by mistake: [TO FILL:" in files["cs-script.en.txt"].text
    assert "如何退还多扣的费用：尚未确定" in files["briefing.zh.txt"].text
    assert "refunded: not yet decided" in files["briefing.en.txt"].text
    # Money not affected, and no plan: no compensation notice, nothing asked.
    facts["funds"] = {"status": "intact"}
    made = build_pack(facts, langs=["zh", "en"], channels=["notice"])
    assert made.kinds == ["apology"]
    assert "【待补充：多扣" not in "".join(f.text for f in made.files)
