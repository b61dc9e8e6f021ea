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
