"""The claims contract: a draft states a claim if and only if the facts hold it.

For any facts, every draft makes only claims its facts ground; and with the
facts behind one claim kind removed, that claim is gone from every draft —
replaced by a placeholder or by nothing, never by another claim.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import incidents

from crisiscomms.drafting import draft_all
from crisiscomms.factcheck.claims import (
    claim,
    claim_families,
    claims_made,
    in_facts_words,
    unsupported_claims,
)
from crisiscomms.facts import FactsError, Incident, parse_incident
from crisiscomms.resources import examples_root

Facts = dict[str, Any]


def _pop(*path: str) -> Callable[[Facts], None]:
    def remove(facts: Facts) -> None:
        holder: Any = facts
        for name in path[:-1]:
            holder = holder.get(name, {}) if isinstance(holder, dict) else {}
        if isinstance(holder, dict):
            holder.pop(path[-1], None)

    return remove


def _scale_without(field: str) -> Callable[[Facts], None]:
    def remove(facts: Facts) -> None:
        for entry in facts.get("impact", {}).get("scale", []):
            entry.pop(field, None)
            if "count" not in entry and "share_percent" not in entry:
                entry.pop("precision", None)

    return remove


def _unresolved(facts: Facts) -> None:
    facts.pop("resolved_at", None)
    if facts.get("status") == "resolved":
        facts["status"] = "monitoring"


def _cause_unknown(facts: Facts) -> None:
    rumours = facts.get("cause", {}).get("not_caused_by", [])
    facts["cause"] = {"status": "unknown", "not_caused_by": rumours}


def _only_if(value: Any, *path: str) -> Callable[[Facts], None]:
    def remove(facts: Facts) -> None:
        if facts.get(path[0]) == value:
            facts.pop(path[0])

    return remove


def _no_error_rates(facts: Facts) -> None:
    for name in ("requests_failing_percent", "error_rates"):
        facts.get("impact", {}).pop(name, None)


def _no_recovered_percent(facts: Facts) -> None:
    for component in facts.get("components", []):
        component.pop("recovered_percent", None)
        component.pop("as_of", None)


def _no_funds(facts: Facts) -> None:
    facts.pop("funds", None)
    facts.pop("funds_per_audience", None)


def _no_funds_harm(facts: Facts) -> None:
    _no_funds(facts)
    plans = facts.get("compensation", [])
    for plan in [plans] if isinstance(plans, dict) else plans:
        plan.pop("overcharge_refund", None)


def _no_refund(facts: Facts) -> None:
    plans = facts.get("compensation", [])
    for plan in [plans] if isinstance(plans, dict) else plans:
        plan.pop("overcharge_refund", None)
        plan["items"] = [i for i in plan.get("items", []) if i.get("kind") != "refund"]


def _plans(facts: Facts) -> list[dict[str, Any]]:
    plans = facts.get("compensation", [])
    return [plans] if isinstance(plans, dict) else list(plans)


def _not_automatic(facts: Facts) -> None:
    for plan in _plans(facts):
        plan["automatic"] = False
        plan.pop("delivered_by", None)


def _no_claim(facts: Facts) -> None:
    for plan in _plans(facts):
        plan.pop("claim_method", None)
        plan.pop("claim_deadline", None)


def _unsafe(facts: Facts) -> None:
    actions = [a for a in facts.get("required_actions", []) if not a.get("safety")]
    facts["required_actions"] = actions


def _eta_time(facts: Facts) -> None:
    if facts.get("eta") != "unknown":
        facts.pop("eta", None)


#: How to take away the facts that ground each claim kind, leaving valid facts.
REMOVE: dict[str, Callable[[Facts], None]] = {
    "data": _pop("data"),
    "funds": _no_funds,
    "data_harm": _pop("data"),
    "funds_harm": _no_funds_harm,
    "refund": _no_refund,
    "refund_done": _no_refund,
    "refund_window": _no_refund,
    "count": _scale_without("count"),
    "share": _scale_without("share_percent"),
    "error_rate": _no_error_rates,
    "recovery_progress": _no_recovered_percent,
    "cause": _cause_unknown,
    "rumour_denial": _pop("cause", "not_caused_by"),
    "cause_party": _pop("cause", "party"),
    "eta": _eta_time,
    "eta_unknown": _only_if("unknown", "eta"),
    "next_update": _pop("next_update_at"),
    "cadence": _pop("update_every_minutes"),
    "duration": _unresolved,
    "resolution": _unresolved,
    "compensation": _pop("compensation"),
    "automatic": _not_automatic,
    "claim_needed": _no_claim,
    "required_actions": _pop("required_actions"),
    "safety": _unsafe,
    "workaround": _pop("workaround"),
    "prevention": _pop("prevention"),
    "contact": _pop("contacts"),
    "not_affected": _pop("impact", "not_affected"),
    "timeline": _pop("timeline"),
    "actions": _pop("actions"),
}

PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_every_claim_kind_has_a_way_to_remove_its_facts() -> None:
    assert {c["name"] for c in claim_families()} == set(REMOVE)


def _unsupported(incident: Incident) -> list[tuple[str, str, str]]:
    return [
        (d.kind + "." + d.lang, f.excerpt, f.message)
        for d in draft_all(incident)
        for f in unsupported_claims(d.text, incident, d.lang)
    ]


@PROPERTY
@given(incidents())
def test_drafts_make_only_claims_their_facts_hold(facts: Facts) -> None:
    assert _unsupported(parse_incident(facts)) == []


@PROPERTY
@given(incidents(), st.sampled_from(sorted(REMOVE)))
def test_without_its_facts_a_claim_disappears_and_no_other_appears(facts: Facts, name: str) -> None:
    reduced = copy.deepcopy(facts)
    REMOVE[name](reduced)
    try:
        incident = parse_incident(reduced)
    except FactsError:
        return  # the removal left facts that are invalid on their own: nothing to draft
    kind = claim(name)
    for d in draft_all(incident):
        made = [
            d.text[s:e]
            for c, s, e in claims_made(d.text, incident)
            if c is kind and not in_facts_words(c, incident, d.text, s, e)
        ]
        assert made == [], (name, d.kind, d.lang, made, d.text)
    assert _unsupported(incident) == []


EXAMPLES = sorted(examples_root().glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_examples_state_every_claim_their_facts_ground(path: Any) -> None:
    from crisiscomms.factfiles import read_facts

    incident = read_facts(str(path))
    texts = [d.text for d in draft_all(incident)]
    stated = {c["name"] for text in texts for c, _, _ in claims_made(text, incident)}
    assert _unsupported(incident) == []
    # What the examples' facts hold and some notice is for, a notice says.
    from crisiscomms.factcheck.claims import supported

    grounded = {c["name"] for c in claim_families() if supported(c, incident)}
    assert grounded - stated == set(), (path.stem, grounded - stated)
