"""A cause the facts rule out, given as the cause, is a fact-mismatch (factcheck.ruledout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import MINIMAL

from crisiscomms.drafting import draft
from crisiscomms.factcheck import check_draft
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import parse_incident
from crisiscomms.kinds import DRAFT_LANGS, KINDS

ROOT = Path(__file__).resolve().parents[1]

FACTS = {
    **MINIMAL,
    "cause": {
        "status": "preliminary",
        "description": {"zh": "基础设施故障", "en": "an infrastructure failure"},
        "not_caused_by": [
            {
                "zh": "网传的“开发人员删库”",
                "en": "a developer deleting the database, as rumoured online",
            },
            {"zh": "机房问题", "en": "a data-centre problem"},
        ],
    },
}


def _ruled_out(text: str, facts: object = FACTS) -> list[str]:
    found = check_draft(text, parse_incident(facts), "auto")  # type: ignore[arg-type]
    return [f.excerpt for f in found if f.rule == "fact-mismatch"]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("本次故障由开发人员删库引起。", "由开发人员删库引起"),
        ("经排查，故障原因是机房问题。", "故障原因是"),
        ("本次故障由機房問題引起。", "由機房問題引起"),  # Traditional text, Simplified fact
        ("This was caused by a data-centre problem.", "was caused by"),
        ("The outage was caused by a developer deleting the database.", "was caused by"),
    ],
)
def test_a_ruled_out_cause_stated_as_the_cause_is_a_mismatch(text: str, excerpt: str) -> None:
    assert _ruled_out(text) == [excerpt]
    found = check_draft(text, parse_incident(FACTS), "auto")
    assert any("not_caused_by" in f.message for f in found)  # what the last test looks for


@pytest.mark.parametrize(
    "text",
    [
        "本次故障并非开发人员删库所致。",  # the correction the facts allow
        "本次故障不是机房问题引起的。",
        "本次故障由基础设施故障引起。",  # the cause the facts give
        "It was not caused by a data-centre problem.",
        "This was caused by an infrastructure failure.",
        "我们的机房运行正常。",  # names it, states no cause
    ],
)
def test_a_denial_or_the_facts_own_cause_is_no_mismatch(text: str) -> None:
    assert _ruled_out(text) == []


def test_without_ruled_out_causes_nothing_is_checked() -> None:
    facts = {**FACTS, "cause": {**FACTS["cause"], "not_caused_by": []}}  # type: ignore[dict-item]
    assert _ruled_out("本次故障由机房问题引起。", facts) == []


@pytest.mark.parametrize(
    "name", ["03-didi.apology.yaml", "17-visa.report.yaml", "11-optus.resolved.yaml"]
)
def test_our_own_drafts_correct_a_rumour_and_never_state_it(name: str) -> None:
    incident = read_facts(str(ROOT / "tests" / "incidents" / name))
    assert incident.cause.not_caused_by
    for kind in KINDS:
        for lang in DRAFT_LANGS:
            text = draft(incident, kind, lang).text
            found = check_draft(text, incident, "auto")
            stated = [f.excerpt for f in found if "not_caused_by" in f.message]
            assert stated == [], (kind, lang, stated)


def test_two_ruled_out_causes_read_as_one_english_sentence() -> None:
    # The facts may say how the rumour ran (", as rumoured online"): an "or" after it broke
    # the sentence ("…, as rumoured online or a data-centre problem").
    text = draft(parse_incident(FACTS), "apology", "en").text
    assert (
        "It was not caused by a developer deleting the database, as rumoured online, "
        "nor by a data-centre problem." in text
    ), text
