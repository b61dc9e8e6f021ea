"""Strict fact types: what a lax reading would turn into a silently wrong draft is refused.

Numbers as times (Unix times), booleans as counts, counts and amounts too large
to format, amounts finer than a currency's smallest unit, and control or
bidirectional-override characters in any text: each is a field error naming
the field, never a draft and never a crash.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from support import MINIMAL

from crisiscomms.facts import FactsError, format_loc, parse_incident
from crisiscomms.facttypes import MAX_AMOUNT, MAX_COUNT, unsafe_character


def _with(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = json.loads(json.dumps(MINIMAL))
    facts.update(changes)
    return facts


def _affected(count: Any) -> dict[str, Any]:
    return {"scale": [{"count": count, "precision": "exact"}]}


def _item(**item: Any) -> dict[str, Any]:
    return {"items": [{"kind": "voucher", "amount": 10, "currency": "CNY", **item}]}


REFUSED: list[tuple[str, dict[str, Any], str, str]] = [
    # (id, facts, field path named, fragment of the message)
    ("unix-time-int", _with(started_at=0), "started_at", "not as a number"),
    ("unix-time-float", _with(published_at=1774785600.0), "published_at", "Unix"),
    ("time-as-true", _with(started_at=True), "started_at", "not as a number"),
    ("eta-as-number", _with(eta=1774785600), "eta.latest", "not as a number"),
    ("count-true", _with(impact=_affected(True)), "impact.scale[0].count", "not true or false"),
    ("count-false", _with(impact=_affected(False)), "impact.scale[0].count", "not true or false"),
    ("count-1e40", _with(impact=_affected(1e40)), "impact.scale[0].count", "at most"),
    ("count-10**40", _with(impact=_affected(10**40)), "impact.scale[0].count", "less than"),
    ("count-fraction", _with(impact=_affected(2.5)), "impact.scale[0].count", "integer"),
    (
        "share-true",
        _with(impact={"scale": [{"share_percent": True, "precision": "exact"}]}),
        "impact.scale[0].share_percent",
        "not true or false",
    ),
    (
        "amount-1e300",
        _with(compensation=_item(amount=1e300)),
        "compensation[0].items[0].amount",
        "less than",
    ),
    (
        "amount-true",
        _with(compensation=_item(amount=True)),
        "compensation[0].items[0].amount",
        "not true or false",
    ),
    (
        "amount-nan",
        _with(compensation=_item(amount="NaN")),
        "compensation[0].items[0].amount",
        "finite",
    ),
    (
        "amount-below-fen",
        _with(compensation=_item(amount=0.001)),
        "compensation[0].items[0].amount",
        "0.001 CNY cannot be paid exactly",
    ),
    (
        "yen-with-decimals",
        _with(compensation=_item(amount="1.5", currency="JPY")),
        "compensation[0].items[0].amount",
        "no decimal places",
    ),
    (
        "days-true",
        _with(compensation={"items": [{"kind": "membership", "days": True}]}),
        "compensation[0].items[0].days",
        "not true or false",
    ),
    (
        "quantity-huge",
        _with(compensation=_item(quantity=10**11)),
        "compensation[0].items[0].quantity",
        "less than",
    ),
    ("nul", _with(service={"zh": "示例\x00App"}), "service.zh", "U+0000"),
    ("ansi-escape", _with(service={"en": "\x1b[2Jgone"}), "service.en", "U+001B"),
    ("c1-csi", _with(service={"en": "a\x9b31mb"}), "service.en", "U+009B"),
    ("carriage-return", _with(service={"en": "ok\rEvil"}), "service.en", "U+000D"),
    ("bidi-override", _with(organization={"zh": "示例\u202e科技"}), "organization.zh", "U+202E"),
    ("bidi-isolate", _with(organization={"en": "Ex\u2066ample"}), "organization.en", "U+2066"),
    ("rlm", _with(organization={"en": "Ex\u200fample"}), "organization.en", "U+200F"),
    ("line-separator", _with(service={"en": "a\u2028b"}), "service.en", "U+2028"),
    ("lone-surrogate", _with(service={"en": "a\ud800b"}), "service.en", "unicode"),
    (
        "contact-value",
        _with(contacts=[{"channel": {"zh": "热线"}, "value": "400\x07"}]),
        "contacts[0].value",
        "U+0007",
    ),
    (
        "deep-text",
        _with(impact={"features": [{"zh": "下单"}, {"zh": "支付\x1b"}]}),
        "impact.features[1].zh",
        "U+001B",
    ),
]


@pytest.mark.parametrize(
    ("facts", "path", "fragment"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_surprising_values_are_refused_by_field(
    facts: dict[str, Any], path: str, fragment: str
) -> None:
    with pytest.raises(FactsError) as caught:
        parse_incident(facts)
    problems = {p.path: p.msg for p in caught.value.problems}
    assert path in problems, problems
    assert fragment in problems[path], problems[path]


ACCEPTED: list[tuple[str, dict[str, Any]]] = [
    ("count-at-the-bound", _with(impact=_affected(MAX_COUNT))),
    ("whole-float-count", _with(impact=_affected(8_000_000.0))),
    ("amount-at-the-bound", _with(compensation=_item(amount=MAX_AMOUNT))),
    ("fen", _with(compensation=_item(amount="0.01"))),
    ("trailing-zeros", _with(compensation=_item(amount="12.50"))),
    ("whole-yen", _with(compensation=_item(amount=500, currency="jpy"))),
    ("tab-and-newline", _with(service={"zh": "第一行\n第二行\t！", "en": "x"})),
    ("zero-width-joiner-emoji", _with(service={"en": "app 👩\u200d💻"})),
]


@pytest.mark.parametrize("facts", [c[1] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_ordinary_values_next_to_the_limits_are_accepted(facts: dict[str, Any]) -> None:
    parse_incident(facts)


def test_a_whole_amount_keeps_its_value() -> None:
    incident = parse_incident(_with(compensation=_item(amount="12.50")))
    assert incident.compensation[0].items[0].amount == Decimal("12.50")


def test_an_unknown_key_with_a_terminal_escape_is_named_without_the_escape() -> None:
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(**{"\x1b[2Jx": 1}))
    assert "\x1b" not in str(caught.value)
    assert r"'\x1b[2Jx'" in str(caught.value)


def test_format_loc_escapes_only_unsafe_keys() -> None:
    assert format_loc(("a\x00", 0, "zh")) == r"'a\x00'[0].zh"
    assert format_loc(("影响", 0)) == "影响[0]"


def test_unsafe_character_names_the_first_one() -> None:
    assert unsafe_character("ok") is None
    assert unsafe_character("a\x7fb") == "control character U+007F at position 1"
