"""Short channel texts carry what a reader of that notice needs first (trial D).

A progress update's SMS, push, X post, Weibo post and WeChat digest say what changed (or
what is back) before anything else, in every written form; compensation texts say what an
item is and which tier applies to whom.
"""

from __future__ import annotations

from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.channels import variants as v
from crisiscomms.drafting import draft
from crisiscomms.facts import Incident, parse_incident
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
        "service": {"zh": "网上银行、手机银行及ATM", "en": "online banking, mobile banking and ATMs"},
        "status": "recovering",
        "impact": {
            "kind": "outage",
            "symptoms": {"zh": "无法登录网上银行、ATM无法取款", "en": "no log-ins, no cash from ATMs"},
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
        assert PROGRESS[lang] in text, (channel, form, text)
        # Before the outage and its start: the news is that the ATMs work again.
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
