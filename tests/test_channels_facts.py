"""Short channel texts say fewer facts, never different ones: compensation states who
qualifies and what each item is worth; an over-long post says what would let a shorter
form be used."""

from __future__ import annotations

from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.drafting import draft
from crisiscomms.facts import parse_incident

SHORT = ("sms", "weibo", "x", "push", "email", "statuspage")


def _facts(plan: dict[str, Any]) -> Any:
    facts = {
        **MINIMAL,
        "status": "resolved",
        "audiences": ["subscribers"],
        "resolved_at": "2026-03-29T22:00:00+08:00",
        "published_at": "2026-03-29T23:00:00+08:00",
        "compensation": [plan],
    }
    return parse_incident(facts)


EVERYONE = {
    "audience": "subscribers",
    "items": [{"kind": "refund", "amount": 200, "currency": "CNY"}],
    "eligibility": {
        "zh": "全部订阅用户，无论是否受到影响",
        "en": "every subscriber, affected or not",
    },
    "automatic": True,
    "delivered_by": "2026-04-05T00:00:00+08:00",
}


@pytest.mark.parametrize("channel", SHORT)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_short_text_states_the_plans_eligibility_not_affected_users(
    channel: str, lang: str
) -> None:
    # Everyone gets it: "affected subscribers get…" would tell the unaffected they do not.
    text = draft(_facts(EVERYONE), "compensation_notice", lang, channel=channel).text
    assert EVERYONE["eligibility"][lang] in text
    assert ("受影响的订阅用户" if lang == "zh" else "Affected subscribers") not in text


@pytest.mark.parametrize("channel", SHORT)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_brief_text_with_a_link_does_not_call_everyone_affected(channel: str, lang: str) -> None:
    # With a link, X and Weibo may use the brief form, which leaves who qualifies to the
    # linked notice: it says "eligible", never "affected", when the facts give eligibility.
    # X's concise form (link or no link) leaves it to the notice in the same words.
    facts = _facts(EVERYONE).model_dump(mode="json", exclude_none=True)
    facts["links"] = {"notice": "https://status.example.com/2026-03-29"}
    facts["compensation"][0]["eligibility"] = {  # too long for a full or compact X post
        "zh": "3月1日至3月31日期间开通、续费或升级任一套餐的全部订阅用户，" * 6,
        "en": "every subscriber who opened, renewed or upgraded any plan in March, " * 6,
    }
    found = draft(parse_incident(facts), "compensation_notice", lang, channel=channel)
    assert ("受影响的订阅用户" if lang == "zh" else "Affected subscribers") not in found.text
    if channel == "x":
        assert found.length["form"]["used"] in ("concise", "brief")  # the forms this is about
        assert ("符合条件的订阅用户" if lang == "zh" else "Eligible subscribers") in found.text


BY_RULE = {
    "audience": "subscribers",
    "items": [
        {
            "kind": "fee_waiver",
            "quantity": 6,
            "basis": {"zh": "按合同条款计算的手续费", "en": "the fee our terms set"},
        }
    ],
    "automatic": True,
    "delivered_by": "2026-04-05T00:00:00+08:00",
}


@pytest.mark.parametrize("channel", SHORT)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_item_without_an_amount_says_how_it_is_worked_out_and_how_many(
    channel: str, lang: str
) -> None:
    text = draft(_facts(BY_RULE), "compensation_notice", lang, channel=channel).text
    assert BY_RULE["items"][0]["basis"][lang] in text
    assert ("费用减免6次" if lang == "zh" else "6 fee waivers") in text


def test_an_over_long_post_says_a_link_would_allow_the_brief_form() -> None:
    # A trial's Ctrip facts had no link: the English post was 291 of 280 and its compact
    # form too, and nothing told the PR person the brief form needs only links.notice.
    symptoms = {
        "zh": "网站和App无法打开、无法预订机票和酒店、已有订单无法显示、客服热线无法接通",
        "en": "the website and app not opening, no flight or hotel bookings, existing "
        "bookings not showing, and the support hotline not answering",
    }
    facts = {**MINIMAL, "impact": {"symptoms": symptoms, "involves": ["orders", "payments"]}}
    facts["next_update_at"] = "2026-03-29T22:00:00+08:00"
    bare = draft(parse_incident(facts), "first_statement", "en", channel="x")
    over = [f for f in bare.findings if f.rule == "over-length"]
    assert over and all("links.notice" in f.suggestion for f in over)
    linked = {**facts, "links": {"notice": "https://status.example.com/1"}}
    text = draft(parse_incident(linked), "first_statement", "en", channel="x")
    assert not any("links.notice" in f.suggestion for f in text.findings)


@pytest.mark.parametrize("channel", ["sms", "x"])
def test_who_qualifies_follows_what_they_get_before_how_to_claim(channel: str) -> None:
    # Stated last, Visa's eligibility ("… because payments failed.") ran into the next
    # plan ("Visa is waiving …") and our own text drew blame-shift across the two.
    from support import ROOT

    from crisiscomms.factfiles import read_facts

    incident = read_facts(str(ROOT / "tests" / "incidents" / "17-visa.report.yaml"))
    found = draft(incident, "compensation_notice", "en", channel=channel)
    text = found.text
    # The eligibility leads the plan (trial D: said once, as its lead); a concise X post or
    # a thread, which leave it to the notice, lead with the eligible readers.
    lead = "For cardholders who had extra costs" if channel == "sms" else "Eligible cardholders get"
    if channel == "x" and found.length["form"]["used"] not in ("concise", "thread"):
        lead = "For cardholders who had extra costs"
    assert text.index(lead) < text.index("How to claim:")
    assert not [f for f in found.findings if f.rule == "blame-shift" and "Visa" in f.excerpt]
