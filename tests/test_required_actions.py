"""What users must do reaches every long-form notice that may be the one they read."""

from __future__ import annotations

import pytest
from support import MINIMAL

from crisiscomms.drafting import draft
from crisiscomms.facts import parse_incident

ACTION = {"zh": "核对故障期间的转账记录后再重新发起转账", "en": "check your transfer history first"}


@pytest.mark.parametrize(
    "kind", ["first_statement", "progress_update", "apology", "resolution_notice"]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_notice_of_the_incident_states_what_users_must_do(kind: str, lang: str) -> None:
    # The pack publishes the apology after recovery: an instruction that only the
    # customer-service script gave would be one that agents say and the notice does not.
    facts = {
        **MINIMAL,
        "status": "resolved",
        "resolved_at": "2026-03-29T21:00:00+08:00",
        "published_at": "2026-03-29T22:00:00+08:00",
        "required_actions": [
            {"text": ACTION, "condition": {"zh": "转账时收到失败提示", "en": "a transfer failed"}}
        ],
    }
    text = draft(parse_incident(facts), kind, lang).text
    assert ACTION[lang] in text
