"""The pack's script and FAQ say what the notices say: actions, staged recovery, recovery time.

From a trial on real incidents: the customer-service script left out what had been done
(学习通 had reported the matter to the police) and told agents there was nothing else to
tell; it could not say which region was back (KDDI: West Japan at 11:00, East Japan not
yet); and a resolved incident's FAQ still asked when it would be fixed.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.commspack import build_pack
from crisiscomms.factcheck.claims import unsupported_claims
from crisiscomms.facts import parse_incident

LANGS = ["zh", "en", "zh-Hant-HK", "zh-Hant-TW"]

POLICE = {
    "zh": "已向公安机关报案，公安机关已介入调查",
    "en": "we reported the matter to the police, who are now investigating",
}
LOCKED = {"zh": "已冻结可疑账户", "en": "we froze the suspicious accounts"}

STAGED: dict[str, Any] = {
    **MINIMAL,
    "status": "recovering",
    "impact": {"kind": "outage", "symptoms": {"zh": "无法通话", "en": "calls failing"}},
    "next_update_at": "2026-03-29T22:00:00+08:00",
    "progress": {"zh": "华南地区已恢复", "en": "South China is back"},
    "components": [
        {
            "name": {"zh": "华南", "en": "South China"},
            "state": "recovered",
            "since": "2026-03-29T20:10:00+08:00",
        },
        {
            "name": {"zh": "华东", "en": "East China"},
            "state": "recovering",
            "recovered_percent": 70,
        },
    ],
}


def _files(facts: dict[str, Any], langs: list[str] | None = None) -> dict[str, str]:
    made = build_pack(facts, langs=langs or LANGS)
    return {f.name: f.text for f in made.files}


def _section(script: str, lang: str) -> str:
    """The part of a script that lists the facts agents may state."""
    if lang == "en":
        return script.split("What you may tell users", 1)[1].split("Questions users ask", 1)[0]
    return script.split("\n一、", 1)[1].split("\n二、", 1)[0]


def _answer(text: str, question: str) -> str:
    """The answer given to ``question`` in a script or FAQ."""
    found = re.search(rf"{re.escape(question)}\n(?:答：|A: )(.*)", text)
    assert found, (question, text)
    return found.group(1)


# --- 1. what was done --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_script_states_what_was_done_as_a_fact(lang: str) -> None:
    facts = {**MINIMAL, "actions": [POLICE, LOCKED]}
    script = _files(facts, [lang])[f"cs-script.{lang}.txt"]
    stated = _section(script, lang)
    assert POLICE[lang] in stated and LOCKED[lang] in stated
    # ... and never tells agents there is nothing to tell while it lists what was done.
    bare = {"zh": "答：目前没有可以告知的其他安排", "en": "A: We have nothing more to announce"}
    assert bare[lang] not in script
    question = {"zh": "已经采取了哪些措施？", "en": "What have you done about it?"}[lang]
    assert POLICE[lang] in _answer(script, question)
    assert unsupported_claims(script, parse_incident(facts), lang) == []


def test_what_was_done_reads_as_one_sentence_in_each_language() -> None:
    files = _files({**MINIMAL, "actions": [POLICE, LOCKED]})
    assert "我们已采取以下措施：已向公安机关报案，公安机关已介入调查；已冻结可疑账户。" in _section(
        files["cs-script.zh.txt"], "zh"
    )
    assert (
        "What we have done: we reported the matter to the police, who are now investigating;"
        " we froze the suspicious accounts."
    ) in _section(files["cs-script.en.txt"], "en")
    for region in ("zh-Hant-HK", "zh-Hant-TW"):
        assert "我們已採取以下措施：已向公安機關報案" in files[f"cs-script.{region}.txt"]


def test_without_actions_the_script_names_none() -> None:
    files = _files(dict(MINIMAL), ["zh", "en"])
    assert "已采取以下措施" not in files["cs-script.zh.txt"]
    assert "What we have done" not in files["cs-script.en.txt"]
    assert "答：目前没有可以告知的其他安排" in files["cs-script.zh.txt"]


# --- 2. staged recovery --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_am_i_affected_names_what_is_back_in_the_notices_words(lang: str) -> None:
    files = _files(STAGED, [lang])
    notice = files[f"progress-update.notice.{lang}.txt"]
    back = {
        "zh": "北京时间3月29日20:10起，华南已恢复。仍受影响：华东（恢复中，已恢复70%）。",
        "en": "Back to normal: South China since Mar 29, 20:10 UTC+8. Still affected: East China"
        " — recovering, 70% back.",
        "zh-Hant-HK": "北京時間3月29日20:10起，華南已恢復。仍受影響：華東（恢復中，已恢復70%）。",
        "zh-Hant-TW": "北京時間3月29日20:10起，華南已恢復。仍受影響：華東（恢復中，已恢復70%）。",
    }[lang]
    assert back in notice
    question = {"zh": "我是否受到影响？", "en": "Am I affected?"}.get(lang, "我是否受到影響？")
    for doc in ("cs-script", "faq"):
        assert back in _answer(files[f"{doc}.{lang}.txt"], question), doc
    assert back in _section(files[f"cs-script.{lang}.txt"], lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_script_carries_the_latest_progress(lang: str) -> None:
    script = _files(STAGED, [lang])[f"cs-script.{lang}.txt"]
    assert STAGED["progress"][lang] in _section(script, lang)


# --- 3. after recovery ---------------------------------------------------------------------

RESOLVED: dict[str, Any] = {
    **MINIMAL,
    "status": "resolved",
    "resolved_at": "2026-03-29T20:20:00+08:00",
    "impact": {"symptoms": {"zh": "无法登录", "en": "logins failing"}},
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_resolved_faq_asks_when_service_was_restored(lang: str) -> None:
    files = _files(RESOLVED, [lang])
    hant = ("什麼時候恢復？", "服務是什麼時候恢復的？", "服務已於北京時間3月29日20:20全面恢復。")
    asked = {
        "zh": (
            "什么时候恢复？",
            "服务是什么时候恢复的？",
            "服务已于北京时间3月29日20:20全面恢复。",
        ),
        "en": (
            "When will it be fixed?",
            "When was service restored?",
            "Service was fully restored on Mar 29 at 20:20 UTC+8.",
        ),
        "zh-Hant-HK": hant,
        "zh-Hant-TW": hant,
    }[lang]
    future, past, restored = asked
    for doc in ("faq", "cs-script"):
        text = files[f"{doc}.{lang}.txt"]
        assert future not in text, doc
        assert _answer(text, past) == restored, doc


def test_an_ongoing_faq_still_asks_when_it_will_be_fixed() -> None:
    files = _files(STAGED, ["zh", "en"])
    assert "什么时候恢复？" in files["faq.zh.txt"]
    assert "When will it be fixed?" in files["faq.en.txt"]


# --- the briefing knows what the script says ------------------------------------------------


def test_the_briefing_lists_what_was_done_and_what_is_back() -> None:
    files = _files({**STAGED, "actions": [POLICE]}, ["zh", "en"])
    zh = files["briefing.zh.txt"].split("一、已掌握的情况", 1)[1].split("二、", 1)[0]
    assert "我们已采取以下措施：已向公安机关报案，公安机关已介入调查。" in zh
    assert "北京时间3月29日20:10起，华南已恢复。仍受影响：华东（恢复中，已恢复70%）。" in zh
    assert re.findall(r"^(\d+)\. ", zh, re.M) == [str(n) for n in range(1, 5)]
    en = files["briefing.en.txt"].split("What we know", 1)[1].split("What we do not know", 1)[0]
    assert "What we have done: we reported the matter to the police" in en
    assert "Back to normal: South China since Mar 29, 20:10 UTC+8." in en


@pytest.mark.parametrize("lang", LANGS)
def test_a_resolved_briefing_does_not_ask_for_an_update_no_channel_will_give(lang: str) -> None:
    # A trial's BOCOM pack: section 二 asked for 【待补充：下次更新时间】 while section 四 said no
    # further updates would come; and 第二部分的事项 drew vague-scope from our own linter.
    facts = {
        **MINIMAL,
        "status": "resolved",
        "resolved_at": "2026-03-29T21:00:00+08:00",
        "published_at": "2026-03-29T22:00:00+08:00",
        "cause": {
            "status": "confirmed",
            "description": {"zh": "网络故障", "en": "a network fault"},
        },
    }
    made = build_pack(parse_incident(facts), langs=[lang])
    briefing = made.file(f"briefing.{lang}.txt")
    rules = {f.rule for f in briefing.findings}
    assert "missing-next-update" not in rules and "vague-scope" not in rules, briefing.findings
    assert "missing-affected-count" in rules  # the count is still owed, by the notices too


def test_a_resolved_faq_asks_about_money_in_the_past() -> None:
    # "Is my money affected?" after recovery reads as if it still might be.
    facts = {
        **MINIMAL,
        "status": "resolved",
        "resolved_at": "2026-03-29T21:00:00+08:00",
        "published_at": "2026-03-29T22:00:00+08:00",
        "impact": {"involves": ["payments"]},
        "funds": {"status": "intact"},
    }
    faq = build_pack(parse_incident(facts), langs=["en"]).file("faq.en.txt").text
    assert "Q: Was my money affected?" in faq and "Is my money affected?" not in faq


def test_a_team_whose_readers_are_all_customers_calls_them_customers_in_every_document() -> None:
    # Trial E (AWS): audience customers, yet the English script and briefing said "give
    # users the same answers", "Users saw" and "User data", and the Chinese 可告知用户.
    from support import MINIMAL

    from crisiscomms.commspack import build_pack
    from crisiscomms.facts import parse_incident

    facts = {**MINIMAL, "audiences": ["customers"], "impact": {"involves": ["accounts"]}}
    made = build_pack(parse_incident(facts), langs=["zh", "en"])
    for f in made.files:
        if f.role == "document" and f.lang == "en":
            said = re.sub(r"\[TO FILL: [^\]]*\]", "", f.text)  # the questions keep their words
            assert "users" not in said.lower(), (f.name, said)
        if f.role == "document" and f.lang == "zh":
            assert "告知用户" not in f.text and "答复用户" not in f.text, f.name
    script = next(f.text for f in made.files if f.name == "cs-script.en.txt")
    assert "gives customers the same answers" in script


def test_a_contact_channel_without_a_number_reads_as_a_sentence_in_the_community_message() -> None:
    # Trial E (HKeToll): "Contact us via HKeToll customer service hotline", an article short,
    # because the channel's name is the facts' own words. A label needs none.
    facts = {
        **MINIMAL,
        "contacts": [
            {"channel": {"zh": "易通行客户服务热线", "en": "HKeToll customer service hotline"}}
        ],
    }
    community = _files(facts, ["en"])["community.en.txt"]
    assert "Questions? Contact us: HKeToll customer service hotline." in community, community
