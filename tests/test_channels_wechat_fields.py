"""The WeChat template message's keywords as drafted: within 20 characters, never cut.

A template message shows its five keywords together, and the since keyword names the
date and the zone of the start. The next keyword (when service came back, the next
update, or the estimate) names neither again, as the short channels write a later time:
no zone, no date on the day the incident began, and a shorter lead where a time on
another day carries its date (Mar 30, 09:00 is 13 of the 20 characters). Written that
way, not cut: the English keyword used to run over in 131 of our 144 real-incident drafts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from support import MINIMAL, ROOT

from crisiscomms.drafting import draft
from crisiscomms.factfiles import read_facts

KEYWORD = 20
FACTS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "incidents").glob("*.yaml")
)
KINDS = ("first_statement", "progress_update", "apology", "compensation_notice")


def _facts(**more: Any) -> dict[str, Any]:
    return {
        **MINIMAL,
        "impact": {"symptoms": {"zh": "页面无法打开", "en": "pages not loading"}},
        **more,
    }


RESOLVED = {"status": "resolved"}
LATE, NEXT_DAY = "2026-03-29T23:00:00+08:00", "2026-03-30T10:00:00+08:00"


@pytest.mark.parametrize(
    ("more", "kind", "zh", "en"),
    [
        (
            {"next_update_at": "2026-03-29T21:00:00+08:00"},
            "first_statement",
            "21:00前发布进展",
            "Update by 21:00",
        ),
        (
            {"next_update_at": "2026-03-30T09:00:00+08:00"},
            "first_statement",
            "3月30日09:00前发布进展",
            "Next: Mar 30, 09:00",
        ),
        (
            {"eta": "2026-03-29T23:00:00+08:00"},
            "first_statement",
            "预计23:00前恢复",
            "Expected by 23:00",
        ),
        (
            {"eta": "2026-03-30T09:00:00+08:00"},
            "first_statement",
            "预计3月30日09:00前恢复",
            "Est. Mar 30, 09:00",
        ),
        (
            {**RESOLVED, "resolved_at": "2026-03-29T22:15:00+08:00", "published_at": LATE},
            "apology",
            "已于22:15恢复",
            "Restored at 22:15",
        ),
        (
            {**RESOLVED, "resolved_at": "2026-03-30T09:00:00+08:00", "published_at": NEXT_DAY},
            "apology",
            "已于3月30日09:00恢复",
            "Back Mar 30, 09:00",
        ),
    ],
)
def test_the_next_keyword_names_the_time_as_a_later_time_of_the_same_message(
    more: dict[str, Any], kind: str, zh: str, en: str
) -> None:
    for lang, expected in (("zh", zh), ("en", en)):
        d = draft(_facts(**more), kind, lang, channel="wechat")
        assert d.parts["next"] == expected
        assert len(expected) <= KEYWORD
        # The since keyword, shown with it, gives the date and the zone.
        assert d.parts["since"] in ("北京时间3月29日20:00", "Mar 29, 20:00 UTC+8")


def test_the_longest_date_still_fits() -> None:
    # Two-digit days and a three-letter month: the widest date English writes this year.
    facts = _facts(
        started_at="2026-09-29T20:00:00+08:00",
        published_at="2026-09-29T20:30:00+08:00",
        next_update_at="2026-09-30T23:00:00+08:00",
    )
    en = draft(facts, "first_statement", "en", channel="wechat").parts["next"]
    assert en == "Next: Sep 30, 23:00" and len(en) <= KEYWORD


@pytest.mark.parametrize("path", FACTS, ids=lambda p: Path(p).stem)
def test_every_real_incident_s_next_keyword_fits_unless_a_fact_is_missing(path: Path) -> None:
    incident = read_facts(str(path))
    for kind in KINDS:
        for lang in ("zh", "en"):
            d = draft(incident, kind, lang, channel="wechat")
            text = d.parts["next"]
            if "【待补充" in text or "[TO FILL" in text:
                continue  # the missing fact is the finding; no one publishes a placeholder
            if re.search(r"\b\d{4}\b", text):
                continue  # a date in another year than the notice's carries its year
            assert len(text) <= KEYWORD, (kind, lang, text)


def test_an_apology_s_issue_keyword_leaves_the_day_to_the_since_keyword() -> None:
    facts = _facts(
        impact={"kind": "outage", "symptoms": {"zh": "页面无法打开", "en": "pages not loading"}},
        **RESOLVED,
        resolved_at="2026-03-29T22:15:00+08:00",
        published_at=LATE,
    )
    zh = draft(facts, "apology", "zh", channel="wechat").parts
    en = draft(facts, "apology", "en", channel="wechat").parts
    assert (zh["issue"], en["issue"]) == ("服务中断致歉", "Apology: outage")
    assert "3月29日" in zh["since"] and "Mar 29" in en["since"]


def test_the_status_field_calls_a_first_finding_a_likely_cause() -> None:
    from support import MINIMAL

    from crisiscomms.drafting import draft

    cause = {"status": "preliminary", "description": {"zh": "DNS问题", "en": "a DNS problem"}}
    facts = {**MINIMAL, "status": "identified", "cause": cause}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    zh, en = (
        draft(facts, "progress_update", lang, channel="wechat").parts for lang in ("zh", "en")
    )
    assert zh["status"] == "已初步定位原因"
    assert en["status"] == "Likely cause found"
