"""Short channel texts carry what a reader of that notice needs first (trial D).

A progress update's SMS, push, X post, Weibo post and WeChat digest say what changed (or
what is back) before anything else, in every written form; compensation texts say what an
item is and which tier applies to whom.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.channels import variants as v
from crisiscomms.drafting import draft
from crisiscomms.facts import Incident, parse_incident
from crisiscomms.formatting import Formatter
from crisiscomms.templating import get_template, render

LANGS = ("zh", "en")
# The part of each channel that speaks to the reader in sentences.
SENTENCE_PART = {"sms": "text", "push": "body", "x": "text", "weibo": "text", "wechat": "digest"}
PROGRESS = {
    "zh": "我们正在将服务切换至备用数据中心，ATM已恢复运作",
    "en": "we are moving services to our backup data centre, and our ATMs are working again",
}
START = {"zh": "3月29日20:00", "en": "Mar 29 at 20:00"}


def _bank_update(**changes: Any) -> Incident:
    """DBS, 2023-10-14, at 22:10: ATMs back, online banking still down."""
    facts: dict[str, Any] = {
        **MINIMAL,
        "service": {
            "zh": "网上银行、手机银行及ATM",
            "en": "online banking, mobile banking and ATMs",
        },
        "status": "recovering",
        "impact": {
            "kind": "outage",
            "symptoms": {
                "zh": "无法登录网上银行、ATM无法取款",
                "en": "no log-ins, no cash from ATMs",
            },
            "involves": ["logins", "payments", "balances"],
        },
        "progress": PROGRESS,
        "components": [
            {"name": {"zh": "ATM", "en": "ATMs"}, "state": "recovered"},
            {"name": {"zh": "网上银行", "en": "Online banking"}, "state": "down"},
        ],
        "data": {"status": "intact"},
        "funds": {"status": "intact"},
        "next_update_at": "2026-03-30T08:00:00+08:00",
        "eta": "unknown",
        "links": {"notice": "https://example.com/n/1"},
    }
    facts.update(changes)
    return parse_incident({k: val for k, val in facts.items() if val is not None})


def _forms(incident: Incident, kind: str, lang: str, channel: str) -> dict[str, str]:
    """Return each written form's sentence part, fullest first."""
    template = get_template(kind, lang, None, channel)  # type: ignore[arg-type]
    rendered = render(template, incident, lang)
    part = SENTENCE_PART[channel]
    return {
        form: split.parts[part]
        for form, split in v.split_forms(rendered, v.variant(channel), template.id)
        if part in split.parts
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", list(SENTENCE_PART))
def test_every_short_progress_update_says_what_changed_first(lang: str, channel: str) -> None:
    incident = _bank_update()
    forms = _forms(incident, "progress_update", lang, channel)
    assert forms
    for form, text in forms.items():
        if channel == "wechat" and form == "outline":
            # The briefest digest, for news longer than a digest holds: which outage the
            # article gives the latest on; the article states what changed, first.
            assert ("的最新进展" if lang == "zh" else "The latest on the") in text, text
            continue
        assert PROGRESS[lang] in text, (channel, form, text)
        # Before the outage and its start: the news is that the ATMs work again. (The
        # briefest WeChat digest leaves the start to the template message and the article.)
        if START[lang] in text:
            assert text.index(PROGRESS[lang]) < text.index(START[lang]), (channel, form, text)
    made = draft(incident, "progress_update", lang, channel=channel)
    assert PROGRESS[lang] in made.text
    assert not [f for f in made.findings if f.rule.startswith("missing-")], made.findings


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", ["sms", "push", "x", "weibo"])
def test_without_progress_a_short_update_shows_the_gap_and_what_is_back(
    lang: str, channel: str
) -> None:
    made = draft(_bank_update(progress=None), "progress_update", lang, channel=channel)
    assert "missing-progress" in {f.rule for f in made.findings}
    back = {"zh": "ATM已恢复", "en": "Back to normal: ATMs"}[lang]
    assert back in made.text, made.text


# Kakao, 2022: an in-kind item named by its basis, a qualifier, validity in days, and two
# cash tiers for one audience.
EMOTICONS = {"zh": "KakaoTalk表情包", "en": "KakaoTalk emoticon set"}
TIERS = {
    "zh": ("已申报损失不超过30万韩元的小商户", "已申报损失在30万至50万韩元之间的小商户"),
    "en": (
        "small businesses that reported losses of up to KRW 300,000",
        "small businesses that reported losses between KRW 300,000 and 500,000",
    ),
}


def _kakao_compensation(**changes: Any) -> Incident:
    merchants = {"zh": "商家", "en": "merchants"}
    tier = {
        "items": [{"kind": "cash", "amount": 30000, "currency": "KRW"}],
        "claim_method": {"zh": "在App内提交申请", "en": "apply in the app"},
        "claim_deadline": "2026-04-19T23:59:00+08:00",
    }
    facts: dict[str, Any] = {
        **MINIMAL,
        "status": "resolved",
        "resolved_at": "2026-03-29T20:20:00+08:00",
        "audiences": ["users", {"id": "merchants", "name": merchants}],
        "compensation": [
            {
                "audience": "users",
                "items": [
                    {
                        "kind": "voucher",
                        "quantity": 3,
                        "basis": EMOTICONS,
                        "description": {"zh": "其中1套永久有效", "en": "one is yours to keep"},
                    }
                ],
                "eligibility": {"zh": "全体用户", "en": "all users"},
                "automatic": True,
                "delivered_by": "2026-04-05T09:00:00+08:00",
                "valid_for_days": 90,
            },
            {
                **tier,
                "audience": "merchants",
                "eligibility": {"zh": TIERS["zh"][0], "en": TIERS["en"][0]},
            },
            {
                **tier,
                "audience": "merchants",
                "items": [{"kind": "cash", "amount": 50000, "currency": "KRW"}],
                "eligibility": {"zh": TIERS["zh"][1], "en": TIERS["en"][1]},
            },
        ],
        "links": {"notice": "https://example.com/n/1"},
    }
    facts.update(changes)
    return parse_incident(facts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", ["sms", "push", "x", "weibo", "statuspage"])
def test_short_compensation_says_what_an_item_is_and_which_tier_is_whose(
    lang: str, channel: str
) -> None:
    incident = _kakao_compensation()
    forms = (
        _forms(incident, "compensation_notice", lang, channel) if channel in SENTENCE_PART else {}
    )
    made = draft(incident, "compensation_notice", lang, channel=channel)
    left_to_notice = {  # forms that leave a plan's eligibility to the notice, tiers apart
        forms.get(name) for name in ("concise", "brief", "thread") if channel in ("x", "weibo")
    }
    for text in [*forms.values(), made.text]:
        assert EMOTICONS[lang] in text, text
        # Each tier's amount stands with its own eligibility, in that order.
        low, high = TIERS[lang]
        # As the installed Babel writes them: ₩30,000 (older CLDR data: ￦30,000), KRW 30,000.
        fmt = Formatter(lang, incident.timezone, incident.published_at)
        amounts = [fmt.money(Decimal(n), "KRW") for n in (30000, 50000)]
        assert text.index(low) < text.index(amounts[0]) < text.index(high) < text.index(amounts[1])
        # Eligibility said once, as the plan's lead, not "Eligible users ... Who gets it: ...".
        assert "Who gets it" not in text and "领取条件" not in text
        # Only a form that leaves the users' eligibility to the notice says "eligible" instead.
        assert "符合条件的" not in text or text.strip() in left_to_notice, text


@pytest.mark.parametrize("lang", LANGS)
def test_the_cs_script_says_what_an_item_is_and_how_long_it_is_valid(lang: str) -> None:
    from crisiscomms.commspack import build_pack

    docs = {
        f.name: f.text
        for f in build_pack(_kakao_compensation(), langs=[lang], channels=["notice"]).files
    }
    script = docs[f"cs-script.{lang}.txt"]
    assert EMOTICONS[lang] in script
    assert ("自发放之日起90天内有效" if lang == "zh" else "Valid for 90 days") in script


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", ["sms", "x", "weibo"])
def test_a_compensation_text_with_no_time_names_no_zone(lang: str, channel: str) -> None:
    # Cloudflare, 2025: only a referral to the account team; nothing dated.
    referral = {
        "zh": "企业客户可通过客户经理申请SLA服务抵扣",
        "en": "enterprise customers can request SLA credits through their account team",
    }
    incident = _kakao_compensation(compensation=[{"audience": "users", "referral": referral}])
    made = draft(incident, "compensation_notice", lang, channel=channel)
    assert referral[lang][1:] in made.text, made.text
    assert "Times are in" not in made.text and "时间均为" not in made.text, made.text
    # With a time shown, the zone is named once.
    dated = draft(_kakao_compensation(), "compensation_notice", lang, channel="sms").text
    assert ("以下时间均为北京时间" if lang == "zh" else "Times are in UTC+8.") in dated


LONG_PROGRESS = {
    # Kakao, 2022-10-16: the news is long, and it is the point of the post.
    "zh": "文字消息收发已于10月16日凌晨恢复，图片、视频和文件仍无法发送；"
    "受影响的3.2万台服务器中已有1.2万台恢复",
    "en": "text messages have worked again since early on Oct 16, but photos, videos and files "
    "still cannot be sent; 12,000 of the 32,000 affected servers are back",
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("channel", ["x", "weibo"])
def test_a_long_progress_still_fits_a_linked_post(lang: str, channel: str) -> None:
    incident = _bank_update(
        progress=LONG_PROGRESS,
        data={"status": "under_investigation", "result_by": "2026-03-30T08:00:00+08:00"},
        funds={"status": "under_investigation", "result_by": "2026-03-30T08:00:00+08:00"},
    )
    made = draft(incident, "progress_update", lang, channel=channel)
    assert LONG_PROGRESS[lang] in made.text, made.text
    assert not [f for f in made.findings if f.severity == "error"], made.findings
    if channel == "x":
        # The briefest post names the zone at its first time (the next update).
        assert (
            "下次进展北京时间3月30日08:00前发布"
            if lang == "zh"
            else "Next update by Mar 30, 08:00 UTC+8"
        ) in made.text


def test_a_refund_alone_is_what_the_short_compensation_texts_say() -> None:
    # A plan may be the refund of overcharges alone (trial E, Alipay): the short texts
    # said the referral it does not have. They say it as the notice does.
    refund = {"zh": "重复扣款将于3个工作日内原路退回", "en": "double charges go back to the card"}
    said = {"zh": "部分订单被重复扣款", "en": "some orders were charged twice"}
    facts = {**MINIMAL, "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    facts |= {"funds": {"status": "affected", "description": said}}
    facts["compensation"] = [{"overcharge_refund": refund}]
    for channel in ("sms", "x", "weibo", "statuspage"):
        text = draft(facts, "compensation_notice", "zh", channel=channel).text
        assert refund["zh"] in text and "补偿" not in text, (channel, text)
        text = draft(facts, "compensation_notice", "en", channel=channel).text
        assert "Double charges go back to the card" in text, (channel, text)
        assert "Your money" not in text and "ompensation" not in text, text


@pytest.mark.parametrize("channel", ["sms", "weibo", "push"])
def test_a_refund_alone_is_called_a_refund_and_follows_the_harm_it_puts_right(
    channel: str,
) -> None:
    # Trial F (Octopus's overcharged fares): "补偿方案如下：多扣费用退还：…", then the harm last.
    # Money taken by mistake is given back, not compensated; the reader learns what went
    # wrong with their money first, then how it is put right.
    refund = {"zh": "重复扣款将于3个工作日内原路退回", "en": "double charges go back to the card"}
    said = {"zh": "部分订单被重复扣款", "en": "some orders were charged twice"}
    facts = {**MINIMAL, "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    facts |= {"funds": {"status": "affected", "description": said}}
    facts["impact"] = {
        "symptoms": {"zh": "支付失败", "en": "payments fail"},
        "involves": ["payments"],
    }
    facts["compensation"] = [{"overcharge_refund": refund}]
    zh = draft(facts, "compensation_notice", "zh", channel=channel).text
    assert "退款安排" in zh and "补偿方案" not in zh and "：多扣费用退还：" not in zh, zh
    assert zh.index(said["zh"]) < zh.index(refund["zh"]), zh
    en = draft(facts, "compensation_notice", "en", channel=channel).text
    assert "Refunds for the" in en and "ompensation" not in en, en
    assert en.index(said["en"]) < en.index("Double charges go back"), en
    # A plan with something to give besides the refund is still compensation.
    voucher = {"kind": "voucher", "amount": 5, "currency": "CNY"}
    plan = {"overcharge_refund": refund, "items": [voucher], "automatic": True}
    facts["compensation"] = [plan | {"delivered_by": "2026-03-30T20:00:00+08:00"}]
    assert "补偿" in draft(facts, "compensation_notice", "zh", channel=channel).text


@pytest.mark.parametrize("channel", ["sms", "x", "push", "statuspage"])
def test_a_check_with_no_result_time_is_promised_no_result_in_short_texts(channel: str) -> None:
    # Trial E (HKeToll): the SMS and X said "results by 14:00" where the facts promised only
    # the next update at 14:00.
    checking = {"status": "under_investigation"}
    impact = {"symptoms": {"zh": "无法登录", "en": "log-ins fail"}, "involves": ["accounts"]}
    facts = {**MINIMAL, "data": checking, "impact": impact}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    zh = draft(facts, "first_statement", "zh", channel=channel).text
    en = draft(facts, "first_statement", "en", channel=channel).text
    assert "核查结果" not in zh and "将在下次进展中说明核查情况" in zh, zh
    assert "results by" not in en and "more in our next update" in en, en
    facts["data"] = {**checking, "result_by": "2026-03-29T23:00:00+08:00"}
    assert "将于23:00前公布核查结果" in draft(facts, "first_statement", "zh", channel=channel).text


@pytest.mark.parametrize("channel", ["sms", "x", "push", "weibo", "statuspage"])
def test_data_and_funds_checked_together_are_one_short_sentence(channel: str) -> None:
    # Trial F (PSN): the SMS said "more in our next update" once for data and once for
    # funds, then gave the next update's time. The notice says it once (trial E).
    checking = {"status": "under_investigation"}
    impact = {
        "symptoms": {"zh": "无法登录", "en": "sign-in fails"},
        "involves": ["accounts", "payments"],
    }
    facts = {**MINIMAL, "data": checking, "funds": checking, "impact": impact}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    zh = draft(facts, "first_statement", "zh", channel=channel).text
    assert zh.count("用户数据和资金是否受影响") == 1 and zh.count("下次进展中说明") == 1, zh
    en = draft(facts, "first_statement", "en", channel=channel).text
    assert en.count("whether any data or funds were affected") == 1, en
    assert en.count("more in our next update") == 1, en
    # Results due at different times: a sentence each, each with its own time.
    facts["funds"] = {**checking, "result_by": "2026-03-30T09:00:00+08:00"}
    en = draft(facts, "first_statement", "en", channel=channel).text
    assert "whether any data was affected" in en and "whether any funds were affected" in en, en


@pytest.mark.parametrize("channel", ["sms", "x", "push", "statuspage"])
def test_a_short_text_to_customers_asks_about_customer_data(channel: str) -> None:
    # Trial F (Google Cloud, customers only): the notice said "Customer data: [TO FILL ...]"
    # and its SMS, X post, push and status page "User data: [TO FILL ...]".
    impact = {"symptoms": {"zh": "接口报错", "en": "API requests fail"}, "involves": ["accounts"]}
    facts = {**MINIMAL, "audiences": ["enterprise_customers"], "impact": impact}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    text = draft(facts, "first_statement", "en", channel=channel).text
    assert "Customer data: [TO FILL" in text and "User data" not in text, text


@pytest.mark.parametrize("channel", ["sms", "x", "push", "weibo"])
def test_a_short_apology_states_the_refund_right_after_the_money_it_concerns(
    channel: str,
) -> None:
    # Trial G (CTBC): the SMS, X, push and Weibo apologies and the group-chat message said
    # money was taken and stopped there; the refund the facts hold was in the notice only.
    said = {
        "zh": "部分ATM提款未吐钞但已扣款",
        "en": "some ATM withdrawals were debited without cash",
    }
    refund = {"zh": "错误扣款将于11月11日前全数退回", "en": "wrong debits go back by Nov 11"}
    impact = {"symptoms": {"zh": "ATM无法取款", "en": "ATMs fail"}, "involves": ["payments"]}
    facts = {**MINIMAL, "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    facts |= {"impact": impact, "funds": {"status": "affected", "description": said}}
    facts["compensation"] = [{"overcharge_refund": refund}]
    zh = draft(facts, "apology", "zh", channel=channel).text
    assert f"{said['zh']}。{refund['zh']}。" in zh, zh
    en = draft(facts, "apology", "en", channel=channel).text
    assert f"{said['en']}. Wrong debits go back by Nov 11." in en, en
    # A compensation text says the refund once, as the plan.
    comp = draft(facts, "compensation_notice", "zh", channel=channel).text
    assert comp.count(refund["zh"]) == 1, comp


def test_the_community_message_states_the_refund_and_sends_no_one_to_a_compensation_notice() -> (
    None
):
    from crisiscomms.commspack import build_pack

    said = {
        "zh": "部分ATM提款未吐钞但已扣款",
        "en": "some ATM withdrawals were debited without cash",
    }
    refund = {"zh": "错误扣款将于11月11日前全数退回", "en": "wrong debits go back by Nov 11"}
    facts = {**MINIMAL, "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    facts |= {"funds": {"status": "affected", "description": said}}
    facts["compensation"] = [{"overcharge_refund": refund}]
    files = {
        f.name: f.text for f in build_pack(facts, langs=["zh", "en"], channels=["notice"]).files
    }
    assert refund["zh"] in files["community.zh.txt"] and "补偿" not in files["community.zh.txt"]
    assert "Wrong debits go back by Nov 11" in files["community.en.txt"]
    assert "compensation" not in files["community.en.txt"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_brief_weibo_compensation_post_says_how_and_by_when_to_claim(lang: str) -> None:
    # Trial G (NetEase Cloud Music): the brief Weibo post kept only who gets what, and lost
    # the keyword to search in the app and the deadline, while the SMS said both.
    method = {
        "zh": "在App内搜索“畅听补偿”领取",
        "en": 'search for "Listening compensation" in the app',
    }
    plan = {"items": [{"kind": "membership", "days": 7}], "claim_method": method}
    who = {
        "zh": "3月29日20:00至20:20期间使用过示例音乐App、网页版、桌面客户端或车机版的全部用户",
        "en": "everyone who used the Example Music app, website or desktop player that evening",
    }
    plan |= {"claim_deadline": "2026-04-05T23:59:00+08:00", "eligibility": who}
    facts = {**MINIMAL, "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    facts |= {"compensation": [plan], "links": {"notice": "https://example.com/n"}}
    made = draft(facts, "compensation_notice", lang, channel="weibo")
    assert made.length is not None and made.length["form"]["used"] != "full"
    assert method[lang] in made.text and ("4月5日" if lang == "zh" else "Apr 5") in made.text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_status_page_update_does_not_link_to_the_status_page(lang: str) -> None:
    # Trial G (Zoom): the status page's own update ended "Details: <the status page>".
    facts = {**MINIMAL, "links": {"status_page": "https://status.example.com"}}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    page = draft(facts, "first_statement", lang, channel="statuspage").text
    assert "status.example.com" not in page, page
    assert "status.example.com" in draft(facts, "first_statement", lang, channel="x").text
    facts["links"] = {
        "notice": "https://example.com/n",
        "status_page": "https://status.example.com",
    }
    assert (
        "https://example.com/n" in draft(facts, "first_statement", lang, channel="statuspage").text
    )
