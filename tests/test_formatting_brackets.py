"""No stacked brackets: a service named with brackets of its own reads cleanly in every draft.

A trial on KDDI's outage ("au mobile services (including UQ mobile and povo)") drafted
"... povo) (61 hours, 25 minutes): voice calls ...", "... povo) (voice calls ...)" and
"... povo) (times in JST): ...". No sentence may put two bracketed groups back to back,
nor the outage's length or symptoms in brackets or after a colon behind a bracket.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ROOT, changed

from crisiscomms.drafting import draft, written_for
from crisiscomms.kinds import CHANNELS, KINDS

BASE: dict[str, Any] = yaml.safe_load(
    Path(ROOT / "examples" / "delivery-platform-outage.yaml").read_text("utf-8")
)
SERVICE = {
    "zh": "au移动通信服务（含UQ mobile和povo）",
    "en": "au mobile services (including UQ mobile and povo)",
}
SYMPTOMS = {
    "zh": "语音通话和数据通信难以使用，部分紧急电话（110、119）无法接通",
    "en": "voice calls and mobile data hard to use, and some emergency calls (110, 119) failing",
}
STAGES: dict[str, dict[str, Any]] = {
    "recovering": {},
    "monitoring": {"status": "monitoring", "eta": None, "next_update_at": None},
    "resolved": {
        "status": "resolved",
        "resolved_at": "2026-07-14T15:00:00+08:00",
        "published_at": "2026-07-14T16:00:00+08:00",
        "eta": None,
        "next_update_at": None,
        "components": [
            {**part, "state": "recovered"} for part in BASE["components"]
        ],  # every part is back once it is resolved
    },
}
LANGS = ("en", "zh", "zh-Hant-HK", "zh-Hant-TW")
WRITTEN = [(k, c) for k in KINDS for c in CHANNELS if written_for(k, c)]

#: Two bracketed groups back to back: "povo) (61 hours" / "povo）（".
BACK_TO_BACK = re.compile(r"[)）]\s*[(（]")


def facts(stage: str, kind: str = "outage") -> dict[str, Any]:
    impact = {**BASE["impact"], "symptoms": SYMPTOMS, "kind": kind}
    return changed(BASE, service=SERVICE, impact=impact, **STAGES[stage])


@pytest.mark.parametrize("impact", ["outage", "degradation"])
@pytest.mark.parametrize("stage", sorted(STAGES))
@pytest.mark.parametrize(("kind", "channel"), WRITTEN)
def test_no_sentence_stacks_brackets_behind_a_bracketed_name(
    kind: str, channel: str, stage: str, impact: str
) -> None:
    for lang in LANGS:
        text = draft(facts(stage, impact), kind, lang, channel=channel).text
        assert not BACK_TO_BACK.search(text), (lang, BACK_TO_BACK.search(text), text)
        # The length of the outage is never a bracketed aside: "(61 hours, 25 minutes)".
        assert not re.search(r"\(\d+ (days?|hours?|minutes?)[,)]", text), (lang, text)
        # What users saw never hangs off a bracket: "povo): voice calls" / "povo) (voice".
        symptoms = SYMPTOMS["en"] if lang == "en" else "语音通话"
        assert not re.search(r"[)）]\s*[:：(（]?\s*" + re.escape(symptoms[:12]), text), (lang, text)


def test_the_english_apology_says_how_long_and_what_users_saw_in_sentences_of_their_own() -> None:
    text = draft(facts("resolved"), "apology", "en").text
    assert (
        "there was an outage of au mobile services (including UQ mobile and povo)."
        " This lasted 51 hours, 28 minutes."
        f" What you may have noticed: {SYMPTOMS['en']}."
    ) in text


def test_the_english_compensation_summary_names_the_zone_in_a_sentence_of_its_own() -> None:
    text = draft(facts("resolved"), "compensation_notice", "en", channel="sms").text
    assert text.startswith(
        "Compensation for the outage of au mobile services (including UQ mobile and povo)."
        " Times are in UTC+8. "
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_component_named_with_brackets_is_not_followed_by_brackets(lang: str) -> None:
    stage = facts("recovering")
    stage["components"] = [
        {
            "name": {"zh": "西日本（关西）", "en": "West Japan (Kansai)"},
            "state": "recovered",
            "since": "2026-07-12T12:50:00+08:00",
        },
        {"name": {"zh": "东日本（关东）", "en": "East Japan (Kanto)"}, "state": "recovering"},
    ]
    text = draft(stage, "progress_update", lang).text
    assert not BACK_TO_BACK.search(text), text
