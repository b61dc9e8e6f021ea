"""Trial G (NetEase Cloud Music, Zoom, CTBC Bank): chatbot rewrites check_draft passed,
each with near sentences that must still pass, and the library's own drafts of the
trial's facts, which must make no claim the facts do not hold.

The facts are the trial's own, in ``check_draft_cases/facts.yaml`` (netease_update,
netease_resolved, ctbc_resolved, zoom_update, zoom_report); psn_resolved is trial F's.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms.channels.check import CHANNELS
from crisiscomms.drafting import draft_all
from crisiscomms.factcheck import check_draft
from crisiscomms.facts import Incident, parse_incident

CASES = Path(__file__).parent / "check_draft_cases"
CHECKS = ("fact-mismatch", "unsupported-claim")


@cache
def _data(name: str) -> dict[str, Any]:
    data = yaml.safe_load((CASES / "facts.yaml").read_text(encoding="utf-8"))
    return dict(data[name])


@cache
def _facts(name: str) -> Incident:
    return parse_incident(_data(name))


def _checked(text: str, facts: Incident, lang: str) -> list[tuple[str, str]]:
    return [(f.rule, f.excerpt) for f in check_draft(text, facts, lang) if f.rule in CHECKS]


# --- #1: how and when people get their compensation or their money back ---------------


@pytest.mark.parametrize(
    ("text", "lang", "excerpts"),
    [
        ("所有用户的7天黑胶VIP已自动发放到账，无需领取。", "zh", ["自动发放", "无需领取"]),
        (
            "All users have already received 7 days of Black Vinyl VIP automatically;"
            " there is nothing to claim.",
            "en",
            ["received 7 days of Black Vinyl VIP automatically", "nothing to claim"],
        ),
        ("补偿已自动发放至您的账户。", "zh", ["自动发放"]),
        (
            "No action is needed: the 7 days will be added to your account.",
            "en",
            ["No action is needed"],
        ),
    ],
)
def test_a_plan_that_must_be_claimed_called_automatic_is_an_error(
    text: str, lang: str, excerpts: list[str]
) -> None:
    assert _checked(text, _facts("netease_resolved"), lang) == [
        ("fact-mismatch", e) for e in excerpts
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "全体用户可获得7天黑胶VIP，8月20日起在App内搜索“畅听补偿”领取，截止时间为8月26日23:59。",
            "zh",
        ),
        (
            'Every user gets 7 days of Black Vinyl VIP: from Aug 20, search the app for "畅听补偿"'
            " and claim it by Aug 26.",
            "en",
        ),
        ("如未收到补偿，请在App内“我的—在线客服”反馈。", "zh"),
        ("Our systems switched to a second data centre automatically.", "en"),
    ],
)
def test_the_plan_told_as_the_facts_give_it_passes(text: str, lang: str) -> None:
    assert _checked(text, _facts("netease_resolved"), lang) == []


def test_an_automatic_plan_is_fine_to_call_automatic() -> None:
    psn = _facts("psn_resolved")  # automatic: true, delivered_by Feb 14
    assert _checked("所有PlayStation Plus会员将自动获得5天会员，无需领取。", psn, "zh") == []
    assert _checked("PlayStation Plus members get 5 days automatically.", psn, "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "excerpt"),
    [
        (
            "所有PlayStation Plus会员请在PlayStation Store领取5天会员。",
            "zh",
            "请在PlayStation Store领取",
        ),
        (
            "PlayStation Plus members must claim the 5 days in the PlayStation Store.",
            "en",
            "must claim",
        ),
    ],
)
def test_an_automatic_plan_said_to_need_claiming_is_an_error(
    text: str, lang: str, excerpt: str
) -> None:
    assert _checked(text, _facts("psn_resolved"), lang) == [("fact-mismatch", excerpt)]


def test_without_a_claim_method_or_automatic_either_is_only_unsupported() -> None:
    data = copy.deepcopy(_data("netease_resolved"))
    for plan in data["compensation"]:
        plan.pop("claim_method")
        plan.pop("claim_deadline")
    facts = parse_incident(data)
    assert _checked("补偿将自动发放，无需领取。", facts, "zh") == [
        ("unsupported-claim", "自动发放"),
        ("unsupported-claim", "无需领取"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "excerpt"),
    [
        ("所有錯誤扣款已於今日全數退還。", "zh-Hant-TW", "已於今日全數退還"),
        ("All mistaken debits were refunded today.", "en", "were refunded"),
        ("錯誤扣款將於3個工作天內退還。", "zh-Hant-TW", "3個工作天內退還"),
        (
            "Mistaken debits will be refunded within 3 business days.",
            "en",
            "refunded within 3 business days",
        ),
        ("錯誤扣款今日即可退還。", "zh-Hant-TW", "今日即可退還"),
    ],
)
def test_a_refund_done_or_timed_other_than_the_facts_say_is_an_error(
    text: str, lang: str, excerpt: str
) -> None:
    found = _checked(text, _facts("ctbc_resolved"), lang)
    assert ("fact-mismatch", excerpt) in found
    # The number checks may object to the figure too ("3 business days"); nothing else.
    assert {rule for rule, _ in found} == {"fact-mismatch"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("錯誤扣除的款項自11月8日起陸續返還，11月11日前全數入帳。", "zh-Hant-TW"),
        ("錯誤扣款將於11月11日前全數退還。", "zh-Hant-TW"),
        ("Money debited by mistake goes back from Nov 8 and is all back by Nov 11.", "en"),
        ("Money debited by mistake will be refunded by Nov 11.", "en"),
        ("如11月11日前仍未收到退款，請致電24小時客服專線(02)2745-8080。", "zh-Hant-TW"),
    ],
)
def test_the_refund_told_as_the_facts_give_it_passes(text: str, lang: str) -> None:
    assert _checked(text, _facts("ctbc_resolved"), lang) == []


def test_a_refund_the_facts_say_is_done_may_be_called_done() -> None:
    data = copy.deepcopy(_data("ctbc_resolved"))
    data["compensation"][0]["overcharge_refund"] = {
        "zh": "错误扣除的款项已全部原路退回",
        "en": "all money debited by mistake has been refunded",
    }
    facts = parse_incident(data)
    assert _checked("所有錯誤扣款已全數退還。", facts, "zh-Hant-TW") == []
    assert _checked("All mistaken debits were refunded.", facts, "en") == []
    # Done is not a time span: "within 3 working days" is still not in the facts.
    assert _checked("錯誤扣款將於3個工作天內退還。", facts, "zh-Hant-TW") == [
        ("fact-mismatch", "3個工作天內退還")
    ]


def test_a_refund_window_the_facts_give_may_be_repeated() -> None:
    data = copy.deepcopy(_data("ctbc_resolved"))
    data["compensation"][0]["overcharge_refund"] = {
        "zh": "错误扣除的款项将于3个工作日内原路退回",
        "en": "money debited by mistake goes back within 3 working days",
    }
    facts = parse_incident(data)
    assert _checked("錯誤扣款將於3個工作天內退還。", facts, "zh-Hant-TW") == []
    assert _checked("Mistaken debits will be refunded within 3 working days.", facts, "en") == []


def test_without_any_refund_only_the_refund_claim_speaks() -> None:
    data = copy.deepcopy(_data("ctbc_resolved"))
    data["compensation"][0].pop("overcharge_refund")
    data["compensation"][0]["referral"] = {"zh": "请致电客服", "en": "call us"}
    facts = parse_incident(data)
    assert _checked("所有錯誤扣款已於今日全數退還。", facts, "zh-Hant-TW") == [
        ("unsupported-claim", "全數退還")  # [refund]: the facts hold no refund at all
    ]


# --- our own drafts of the trial's facts ----------------------------------------------


@pytest.mark.parametrize(
    "name", ["netease_update", "netease_resolved", "ctbc_resolved", "zoom_update", "zoom_report"]
)
def test_our_drafts_of_the_trial_facts_make_no_claim_the_facts_do_not_hold(name: str) -> None:
    facts = _facts(name)
    found = [
        (d.kind, d.lang, d.channel, rule, excerpt)
        for d in draft_all(facts, langs=["zh", "en", "zh-Hant-TW"], channels=list(CHANNELS))
        for rule, excerpt in _checked(d.text, facts, d.lang)
    ]
    assert found == []


# --- #5: English ETAs and recovery, as the Chinese ones are read -----------------------


@pytest.mark.parametrize(
    ("facts", "text", "excerpt"),
    [
        ("netease_update", "We expect service back within the hour.", "expect service back"),
        ("netease_update", "We expect to restore service within 2 hours.", "expect to restore"),
        ("netease_update", "We expect service back by 16:45.", "expect service back"),
        ("netease_update", "Service should be back within 30 minutes.", "should be back within"),
        ("zoom_update", "Zoom expects to restore service within the hour.", "expects to restore"),
        ("netease_update", "All features are back to normal.", "All features are back to normal"),
        (
            "netease_update",
            "All functions are working normally again.",
            "All functions are working normally",
        ),
    ],
)
def test_an_english_eta_or_recovery_the_facts_do_not_hold_is_unsupported(
    facts: str, text: str, excerpt: str
) -> None:
    assert ("unsupported-claim", excerpt) in _checked(text, _facts(facts), "en")


@pytest.mark.parametrize(
    ("text", "lang", "excerpt"),
    [
        ("预计半小时内恢复。", "zh", "预计半小时内恢复"),
        ("目前所有功能均已恢复正常。", "zh", "所有功能均已恢复"),
    ],
)
def test_the_chinese_equivalents_stay_unsupported(text: str, lang: str, excerpt: str) -> None:
    assert ("unsupported-claim", excerpt) in _checked(text, _facts("netease_update"), lang)


@pytest.mark.parametrize(
    "text",
    [
        "We cannot yet estimate when service will be back. Next update by 16:45.",
        "We are working to bring service back and will say when we expect it.",
        "Song playback is 80% back; the home page, search and sign-in are still failing.",
        "Once all features are back to normal, we will publish a full report.",
        "We expect to share more by 16:45.",
    ],
)
def test_near_english_sentences_still_pass(text: str) -> None:
    assert _checked(text, _facts("netease_update"), "en") == []


def test_an_eta_the_facts_hold_may_be_given() -> None:
    data = copy.deepcopy(_data("netease_update"))
    data["eta"] = "2024-08-19T17:30:00+08:00"
    facts = parse_incident(data)
    assert _checked("We expect service back by 17:30 Beijing time.", facts, "en") == []
    assert _checked("We expect to restore service by 17:30 Beijing time.", facts, "en") == []


# --- #6: a cause of a kind the facts' cause is not -------------------------------------


@pytest.mark.parametrize(
    ("facts", "text", "lang", "excerpt"),
    [
        ("ctbc_resolved", "本次異常係遭駭客攻擊所致。", "zh-Hant-TW", "本次異常係遭駭客攻擊所致"),
        ("ctbc_resolved", "The outage was caused by a cyber attack.", "en", "was caused by"),
        ("netease_resolved", "本次故障系机房停电所致。", "zh", "本次故障系机房停电所致"),
        ("netease_resolved", "The outage was caused by a power cut.", "en", "was caused by"),
        ("netease_resolved", "Service failed due to a fibre cut.", "en", "due to "),
    ],
)
def test_a_cause_of_a_kind_the_facts_do_not_give_is_unsupported(
    facts: str, text: str, lang: str, excerpt: str
) -> None:
    assert _checked(text, _facts(facts), lang) == [("unsupported-claim", excerpt)]


@pytest.mark.parametrize(
    ("facts", "text", "lang"),
    [
        ("ctbc_resolved", "本次異常係內部系統交易量過高所致。", "zh-Hant-TW"),
        ("ctbc_resolved", "The outage was caused by very high transaction volumes.", "en"),
        ("netease_resolved", "本次故障系基础设施故障所致，我们将加强防攻击能力。", "zh"),
        (
            "netease_resolved",
            "The outage was caused by a firewall fault in our infrastructure.",
            "en",
        ),
        # Of the facts' own kind, in other words: the registry's block is the facts' cause.
        (
            "zoom_update",
            "The outage was caused by a server block GoDaddy Registry put on zoom.us.",
            "en",
        ),
    ],
)
def test_the_facts_cause_in_other_words_passes(facts: str, text: str, lang: str) -> None:
    assert _checked(text, _facts(facts), lang) == []


def test_a_kind_the_facts_rule_out_stays_a_mismatch_and_is_said_once() -> None:
    found = _checked("This outage was caused by a DDoS attack.", _facts("zoom_report"), "en")
    assert found == [("fact-mismatch", "was caused by")]


def test_a_kind_the_facts_cause_names_may_be_given() -> None:
    data = copy.deepcopy(_data("ctbc_resolved"))
    data["cause"]["description"] = {"zh": "遭受DDoS攻击", "en": "a DDoS attack"}
    data["cause"].pop("zh-Hant-TW", None)
    facts = parse_incident(data)
    assert _checked("本次異常係遭駭客攻擊所致。", facts, "zh-Hant-TW") == []
    assert _checked("The outage was caused by a cyber attack.", facts, "en") == []
