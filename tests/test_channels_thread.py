"""An X compensation notice that no single post holds goes out as a thread.

Two of our own examples (session 12's KNOWN_OVER) had no post within 280 in English: each
plan's own words, its claim method and two dated times, with no link to leave them to. The
thread states what the concise post states, one plan per post, and X takes each post on
its own: each is measured on its own, and an over-length finding points into its post.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from support import MINIMAL, ROOT

from crisiscomms.channels import count_x
from crisiscomms.channels import variants as v
from crisiscomms.drafting import draft
from crisiscomms.factfiles import read_facts

EXAMPLES = ROOT / "examples"
NUMBERED = {"en": r"\((\d)/(\d)\) ", "zh": r"（(\d)/(\d)）"}


def _plans(**changes: Any) -> dict[str, Any]:
    """Facts with two plans whose texts are too long for one post together."""
    facts: dict[str, Any] = {**MINIMAL, "status": "resolved", "audiences": ["users", "merchants"]}
    facts["resolved_at"] = "2026-03-29T20:20:00+08:00"
    voucher = {"kind": "voucher", "amount": 10, "currency": "CNY", "quantity": 2}
    voucher["description"] = {
        "zh": "满20元可用，仅限本次故障期间下单失败的账户使用",
        "en": "for orders of CNY 20 or more",
    }
    credit = {"kind": "credit", "amount": 200, "currency": "CNY"}
    credit["description"] = {
        "zh": "可抵扣推广费用，不可提现，有效期至年底",
        "en": "usable for promotion fees only, not withdrawable",
    }
    facts["compensation"] = [
        {
            "audience": "users",
            "items": [voucher],
            "eligibility": {"zh": "下单失败的用户", "en": "users whose orders failed"},
            "claim_method": {
                "zh": "在App首页点击“故障补偿”领取",
                "en": 'tap "Outage compensation" on the home screen of the app',
            },
            "claim_deadline": "2026-04-05T23:59:00+08:00",
        },
        {
            "audience": "merchants",
            "items": [credit],
            "eligibility": {"zh": "停业的商家", "en": "merchants who could not trade"},
            "automatic": True,
            "delivered_by": "2026-04-02T23:59:00+08:00",
        },
    ]
    return facts | changes


def _posts(text: str, lang: str) -> list[str]:
    return [post for _, post in v.thread_posts(text)] if text.strip() else []


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant-HK", "zh-Hant-TW"])
@pytest.mark.parametrize("example", ["delivery-platform-outage", "ride-hailing-degradation"])
def test_our_two_longest_compensation_notices_fit_x_as_a_thread_or_one_post(
    example: str, lang: str
) -> None:
    incident = read_facts(str(EXAMPLES / f"{example}.yaml"))
    made = draft(incident, "compensation_notice", lang, channel="x")
    assert made.length is not None
    assert not [f for f in made.findings if f.rule == "over-length"], made.text
    used = made.length["form"]["used"]
    # English needs the thread; a language whose concise post (the same facts) is within
    # 280 publishes that one post instead.
    assert used == "thread" if lang == "en" else used in ("thread", "concise"), used
    if used != "thread":
        assert made.length["text"]["weighted"] <= 280 and "posts" not in made.length
        return
    posts = _posts(made.text, lang)
    # One post per plan, numbered in order; each within 280 as X weighs it, and the
    # figures say so post by post.
    assert len(posts) == len(incident.compensation) == len(made.length["posts"])
    numbering = NUMBERED["en" if lang == "en" else "zh"]
    for k, post in enumerate(posts, start=1):
        assert re.match(numbering, post).groups() == (str(k), str(len(posts))), post  # type: ignore[union-attr]
        assert count_x(post).weighted == made.length["posts"][k - 1]["weighted"] <= 280
    assert made.length["text"]["weighted"] == max(p["weighted"] for p in made.length["posts"])
    # The whole thread is longer than one post may be: it is not a single post cut short.
    assert count_x(" ".join(posts)).weighted > 280


def test_chinese_publishes_one_post_where_the_concise_post_fits() -> None:
    # Suda's English needs a thread; its Chinese concise post (211 of 280) states the same
    # facts in one post, and a reader should not have to follow a thread for it.
    incident = read_facts(str(EXAMPLES / "delivery-platform-outage.yaml"))
    en, zh = (draft(incident, "compensation_notice", lang, channel="x") for lang in ("en", "zh"))
    assert en.length is not None and zh.length is not None
    assert (en.length["form"]["used"], zh.length["form"]["used"]) == ("thread", "concise")
    assert "thread" in zh.length["form"]["written"] and "（1/2）" not in zh.text


def test_a_thread_states_each_plan_with_how_and_when_as_the_concise_post_does() -> None:
    made = draft(_plans(), "compensation_notice", "en", channel="x")
    assert made.length is not None and made.length["form"]["used"] == "thread", made.text
    first, second = _posts(made.text, "en")
    assert "2 vouchers" in first and "Outage compensation" in first and "Apr 5, 23:59" in first
    assert "CNY 200" in second and "Apr 2, 23:59" in second
    assert not made.findings, [(f.rule, f.excerpt) for f in made.findings]
    # The Chinese draft states the same facts (in one post where it fits).
    zh = draft(_plans(), "compensation_notice", "zh", channel="x").text
    for said in ("优惠券2张", "故障补偿", "4月5日23:59", "200元", "4月2日23:59前自动发放"):
        assert said in zh, (said, zh)


def test_a_post_past_the_limit_has_its_finding_in_that_post() -> None:
    # The second plan's own text alone is past 280: the thread is still the most compact
    # form, and its finding points into the second post, not the first.
    facts = _plans()
    long = "usable for promotion fees only and for nothing else whatsoever " * 4
    facts["compensation"][1]["items"][0]["description"] = {"zh": "可抵扣推广费用" * 12, "en": long}
    made = draft(facts, "compensation_notice", "en", channel="x")
    assert made.length is not None and made.length["form"]["used"] == "thread"
    over = [f for f in made.findings if f.rule == "over-length"]
    assert len(over) == 1, over
    second_start = made.text.index("(2/2)")
    assert over[0].start > second_start
    assert made.text[over[0].start : over[0].end] == over[0].excerpt
    assert over[0].line == made.text[:second_start].count("\n") + 1
    assert made.length["posts"][0]["weighted"] <= 280 < made.length["posts"][1]["weighted"]


def test_one_plan_writes_no_thread() -> None:
    facts = _plans()
    facts["compensation"] = facts["compensation"][:1]
    made = draft(facts, "compensation_notice", "en", channel="x")
    assert made.length is not None and "thread" not in made.length["form"]["written"]


def test_posts_are_cut_at_blank_lines_only() -> None:
    text = "(1/2) First line\nsame post.\n \n(2/2) Second post."
    assert v.thread_posts(text) == [(0, "(1/2) First line\nsame post."), (30, "(2/2) Second post.")]


@pytest.mark.parametrize("channel", ["sms", "x", "weibo"])
def test_a_referral_that_names_no_one_says_whose_it_is_in_a_short_text(channel: str) -> None:
    # Trial of session 13: Xinglu's X post ended "Your account manager will contact you by
    # Dec 5", read by passengers and drivers alike. The notice puts it under its heading.
    incident = read_facts(str(EXAMPLES / "ride-hailing-degradation.yaml"))
    en = draft(incident, "compensation_notice", "en", channel=channel).text
    assert "For enterprise customers: your account manager will contact you" in en, en
    # The Chinese fact names its readers (企业客户的补偿将由……): it is not said twice.
    zh = draft(incident, "compensation_notice", "zh", channel=channel).text
    assert "企业客户的补偿将由您的客户经理" in zh and "关于企业客户的补偿" not in zh, zh
