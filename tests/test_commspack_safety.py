"""The pack's own documents state the facts' safety instructions while service is down.

An agent reading the customer-service script, a user reading the FAQ or the group-chat
message must learn how to reach emergency services before anything else, as the notices
say (required_actions with ``safety: true``); and the FAQ never asks a question it leaves
unanswered.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml
from support import ROOT

from crisiscomms.commspack import CommsPack, build_pack
from crisiscomms.facts import parse_incident

OPTUS = ROOT / "tests" / "incidents" / "11-optus.update.yaml"


def _facts() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(OPTUS.read_text("utf-8"))
    return data


@cache
def _pack(resolved: bool = False) -> CommsPack:
    facts = _facts()
    if resolved:
        facts = {**facts, "status": "resolved", "resolved_at": "2023-11-08T13:20:00+11:00"}
    return build_pack(parse_incident(facts), langs=("zh", "en"))


def _safety_texts(lang: str) -> list[str]:
    return [
        a["text"][lang] if isinstance(a["text"], dict) else a["text"]
        for a in _facts()["required_actions"]
        if a.get("safety")
    ]


def _doc(pack: CommsPack, kind: str, lang: str) -> str:
    (text,) = [f.text for f in pack.files if f.kind == kind and f.lang == lang]
    return text


def test_the_incident_has_a_safety_instruction_to_state() -> None:
    assert _safety_texts("zh") and _safety_texts("en")


def test_script_faq_and_community_message_state_it_while_service_is_down() -> None:
    pack = _pack()
    for lang in ("zh", "en"):
        for kind in ("cs_script", "faq", "community"):
            text = _doc(pack, kind, lang)
            for instruction in _safety_texts(lang):
                assert instruction in text, (kind, lang)


def test_the_script_and_the_community_message_state_it_first() -> None:
    pack = _pack()
    for lang in ("zh", "en"):
        for kind in ("cs_script", "community"):
            text = _doc(pack, kind, lang)
            first = min(text.index(i) for i in _safety_texts(lang))
            assert first < text.index("04:05"), (kind, lang)


def test_no_faq_answer_is_left_empty() -> None:
    for resolved in (False, True):
        for lang in ("zh", "en"):
            faq = _doc(_pack(resolved), "faq", lang)
            assert not re.search(r"^(答：|A:)\s*$", faq, re.MULTILINE), (resolved, lang, faq)


def test_once_service_is_back_the_documents_no_longer_carry_it() -> None:
    pack = _pack(resolved=True)
    for lang in ("zh", "en"):
        for kind in ("cs_script", "faq", "community"):
            text = _doc(pack, kind, lang)
            assert not any(i in text for i in _safety_texts(lang)), (kind, lang)


#: Where the internal briefing starts on what is known (its first section).
KNOWN = {"zh": "一、已掌握的情况", "en": "What we know"}
#: The notice's own safety line, as every channel leads with it.
LEAD = {"zh": "安全提示：", "en": "For your safety:"}


def _notice_line(pack: CommsPack, lang: str) -> str:
    notice = next(f.text for f in pack.files if f.channel == "notice" and f.lang == lang)
    (line,) = [line for line in notice.splitlines() if line.startswith(LEAD[lang])]
    return line.strip()


def test_the_briefing_gives_agents_the_safety_instruction_every_channel_leads_with() -> None:
    pack = _pack()
    for lang in ("zh", "en"):
        briefing = _doc(pack, "briefing", lang)
        # The notice's own words, before anything else the briefing says about the incident.
        line = _notice_line(pack, lang)
        assert line in briefing, lang
        assert briefing.index(line) < briefing.index(KNOWN[lang]) < briefing.index("04:05")
        for instruction in _safety_texts(lang):
            assert instruction in briefing, lang
    # It says what the line is for: every channel leads with it; agents say it first.
    assert "各渠道发布的内容均以下面的安全提示为先" in _doc(pack, "briefing", "zh")
    assert "every channel leads with this safety advice" in _doc(pack, "briefing", "en")


def test_the_briefing_drops_it_once_service_is_back() -> None:
    pack = _pack(resolved=True)
    for lang in ("zh", "en"):
        briefing = _doc(pack, "briefing", lang)
        assert LEAD[lang] not in briefing
        assert not any(i in briefing for i in _safety_texts(lang)), lang


def test_the_briefing_s_safety_lines_pass_our_own_linter() -> None:
    pack = _pack()
    for lang in ("zh", "en"):
        (briefing,) = [f for f in pack.files if f.kind == "briefing" and f.lang == lang]
        # Only what the Optus facts lack as published: the next update and the contact.
        assert {f.rule for f in briefing.findings} <= {"missing-next-update", "missing-contact"}
