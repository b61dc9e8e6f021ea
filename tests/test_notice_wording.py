"""Notices read as a careful team writes them: nothing said twice in a row."""

from __future__ import annotations

import pytest
from support import MINIMAL

from crisiscomms.drafting import draft
from crisiscomms.facts import parse_incident


@pytest.mark.parametrize("lang", ["zh", "zh-Hant-HK", "zh-Hant-TW"])
def test_a_description_that_opens_like_our_sentence_does_not_repeat_it(lang: str) -> None:
    # A trial's Ctrip facts: 经核查，用户数据未丢失、未泄露。经核查，用户信息和订单数据完整。
    facts = {
        **MINIMAL,
        "data": {"status": "intact", "description": {"zh": "经核查，用户订单数据完整"}},
        "funds": {"status": "intact", "description": {"zh": "经核对，支付记录无重复扣款"}},
    }
    text = draft(parse_incident(facts), "first_statement", lang).text
    checked, reconciled = ("经核查", "经核对") if lang == "zh" else ("經核查", "經核對")
    assert text.count(checked) == 1 and text.count(reconciled) == 1, text
    assert ("订单数据完整" if lang == "zh" else "訂單") in text  # the fact itself stays


@pytest.mark.parametrize(
    ("lang", "once"),
    [("zh", "全部用户和开发者均受到影响。"), ("en", "All users and developers are affected.")],
)
def test_every_audience_affected_in_full_is_one_sentence(lang: str, once: str) -> None:
    # A trial's GitHub facts: 全部用户均受到影响。全部开发者均受到影响。
    facts = {
        **MINIMAL,
        "audiences": ["users", "developers"],
        "impact": {
            "scale": [{"audience": "users", "all": True}, {"audience": "developers", "all": True}]
        },
    }
    text = draft(parse_incident(facts), "first_statement", lang).text
    assert once in text, text


@pytest.mark.parametrize(
    ("lang", "lead", "to_users"),
    [
        ("zh", "可告知用户的咨询渠道：", "如有疑问"),
        ("en", "Channels you can give users:", "Questions?"),
    ],
)
def test_the_script_gives_agents_the_channels_once_in_its_own_words(
    lang: str, lead: str, to_users: str
) -> None:
    # The script said 用户可使用的咨询渠道如下。 and then 如有疑问，请通过以下渠道联系我们：
    from crisiscomms.commspack import build_pack

    contact = {"channel": {"zh": "客服热线", "en": "Support hotline"}, "value": "400-000-6789"}
    made = build_pack(parse_incident({**MINIMAL, "contacts": [contact]}), langs=[lang])
    script = made.file(f"cs-script.{lang}.txt").text
    assert lead in script and to_users not in script, script
    assert "400-000-6789" in script
