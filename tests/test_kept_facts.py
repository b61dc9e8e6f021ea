"""What is kept per facts object (views, Traditional copies, channel forms) follows the facts.

A frozen model's fields cannot be set again, but its lists can change in place; a
draft after such a change reads as a draft of facts written that way from the start.
"""

from __future__ import annotations

from support import ROOT

from crisiscomms import templating
from crisiscomms.commspack import build_pack
from crisiscomms.drafting import draft
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import parse_incident
from crisiscomms.keptfor import KeptFor, State

EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"


def test_a_list_changed_in_place_is_drafted_as_it_is_now() -> None:
    incident = read_facts(str(EXAMPLE))
    before = {lang: draft(incident, "apology", lang).text for lang in ("zh", "zh-Hant-HK", "en")}
    sms_before = draft(incident, "apology", "zh", channel="sms").text
    view = templating.facts_view(incident)
    incident.actions.append(incident.actions[0])
    assert templating.facts_view(incident) is not view
    written = parse_incident(incident.model_dump(mode="json", exclude_none=True))
    for lang, text in before.items():
        now = draft(incident, "apology", lang).text
        assert now == draft(written, "apology", lang).text
        assert now != text
    sms = draft(incident, "apology", "zh", channel="sms").text
    assert sms == draft(written, "apology", "zh", channel="sms").text
    assert sms_before == draft(read_facts(str(EXAMPLE)), "apology", "zh", channel="sms").text


def test_an_item_replaced_by_an_equal_one_is_read_again() -> None:
    incident = read_facts(str(EXAMPLE))
    state = State(incident)
    assert state.holds()
    incident.actions[0] = incident.actions[0].model_copy()  # equal, not the same object
    assert not state.holds()


def test_a_pack_after_a_change_matches_a_pack_of_the_changed_facts() -> None:
    incident = read_facts(str(EXAMPLE))
    build_pack(incident)
    incident.timeline.pop()
    written = parse_incident(incident.model_dump(mode="json", exclude_none=True))
    again, fresh = build_pack(incident), build_pack(written)
    assert [f.text for f in again.files] == [f.text for f in fresh.files]


def test_kept_results_are_for_the_object_as_it_is() -> None:
    kept: KeptFor[int] = KeptFor(4)
    facts = {"items": [1]}
    assert kept.get(facts, "n", lambda: len(facts["items"])) == 1
    assert kept.kept(facts, "n") == 1
    facts["items"].append(2)
    assert kept.kept(facts, "n") is None
    assert kept.get(facts, "n", lambda: len(facts["items"])) == 2
