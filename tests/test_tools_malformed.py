"""Malformed tool calls: each one comes back as a structured error naming where it is wrong."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from tool_helpers import MINIMAL, assert_valid_output

from crisiscomms.tools import call_tool


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


EN_MISSING = {**MINIMAL, "service": {"zh": "示例App"}}
# (tool name, arguments, the location the error must name, its type or None)
CASES: list[tuple[Any, Any, list[Any], str | None]] = [
    ("send_notice", {}, ["name"], "unknown_tool"),
    ("Draft_Notice", {}, ["name"], "unknown_tool"),
    (42, {}, ["name"], "unknown_tool"),
    ("lint_text", ["text"], ["arguments"], "object_type"),
    ("lint_text", "正在紧急修复中", ["arguments"], "object_type"),
    ("lint_text", {}, ["text"], "missing"),
    ("lint_text", {"text": 12}, ["text"], "string_type"),
    ("lint_text", {"text": None}, ["text"], "string_type"),
    ("lint_text", {"text": "x", "txt": "y"}, ["txt"], "extra_forbidden"),
    ("lint_text", {"text": "x", "lang": "fr"}, ["lang"], "literal_error"),
    ("lint_text", {"text": "x", "kind": "press_release"}, ["kind"], "literal_error"),
    ("lint_text", {"text": "x" * 1_000_001}, ["text"], "too_large"),
    # 400,000 Chinese characters are 1.2 MB of UTF-8: the limit is in bytes.
    ("lint_text", {"text": "修" * 400_000}, ["text"], "too_large"),
    ("lint_text", {"text": "x", "junk": _nested(5000)}, ["arguments"], "json"),
    # A value JSON cannot hold is named where it is (trial F: a developer who loads a YAML
    # facts file hands over Python datetimes, and was told only "arguments").
    ("lint_text", {"text": "x", "junk": {1, 2}}, ["junk"], "json"),
    ("lint_text", {"text": float("nan")}, ["text"], "json"),
    (
        "draft_notice",
        {
            "facts": {**MINIMAL, "started_at": datetime(2026, 3, 29, 20, tzinfo=UTC)},
            "kind": "apology",
        },
        ["facts", "started_at"],
        "json",
    ),
    ("lint_text", {"text": "修复中<!-- crisiscomms: disable=no-such-rule -->"}, ["text"], "lint"),
    ("draft_notice", {"kind": "apology"}, ["facts"], "missing"),
    ("draft_notice", {"facts": "organization: x", "kind": "apology"}, ["facts"], "dict_type"),
    ("draft_notice", {"facts": MINIMAL}, ["kind"], "missing"),
    ("draft_notice", {"facts": MINIMAL, "kind": "apology", "langs": "zh"}, ["langs"], "list_type"),
    ("draft_notice", {"facts": MINIMAL, "kind": "apology", "langs": []}, ["langs"], "too_short"),
    (
        "draft_notice",
        {"facts": MINIMAL, "kind": "apology", "langs": ["zh", "fr"]},
        ["langs", 1],
        None,
    ),
    (
        "draft_notice",
        {"facts": MINIMAL, "kind": "apology", "lang": "zh"},
        ["lang"],
        "extra_forbidden",
    ),
    (
        "draft_notice",
        {"facts": {**MINIMAL, "next_udpate_at": "2026-03-29T21:00:00+08:00"}, "kind": "apology"},
        ["facts", "next_udpate_at"],
        "extra_forbidden",
    ),
    (
        "draft_notice",
        {"facts": {**MINIMAL, "started_at": "2026-03-29T20:00:00"}, "kind": "apology"},
        ["facts", "started_at"],
        None,
    ),
    (
        "draft_notice",
        {"facts": {k: v for k, v in MINIMAL.items() if k != "service"}, "kind": "apology"},
        ["facts", "service"],
        "missing",
    ),
    (
        "draft_notice",
        {"facts": EN_MISSING, "kind": "first_statement", "langs": ["en"]},
        ["facts", "service", "en"],
        "missing_translation",
    ),
    (
        "draft_notice",
        {"facts": {**MINIMAL, "timezone": "Mars/Olympus"}, "kind": "apology"},
        ["facts", "timezone"],
        None,
    ),
    (
        "check_draft",
        {"text": "x", "facts": {**MINIMAL, "impact": {"scale": [{"count": -5}]}}},
        ["facts", "impact", "scale", 0, "count"],
        None,
    ),
    (
        "check_draft",
        {"text": "x", "facts": {**MINIMAL, "impact": {"scale": [{"count": [[[{}]]]}]}}},
        ["facts", "impact", "scale", 0, "count"],
        None,
    ),
    (
        "check_draft",
        {
            "text": "x",
            "facts": {
                **MINIMAL,
                "compensation": {"items": [{"kind": "voucher", "amount": 10, "currency": "XYZ"}]},
            },
        },
        ["facts", "compensation", 0, "items", 0, "currency"],
        None,
    ),
    ("check_draft", {"text": "x"}, ["facts"], "missing"),
    ("check_draft", {"text": ["x"], "facts": MINIMAL}, ["text"], "string_type"),
    ("check_draft", {"text": "x", "facts": [MINIMAL]}, ["facts"], "dict_type"),
    (
        "check_draft",
        {"text": "x", "facts": {f"k{i}": "v" * 20 for i in range(40_000)}},
        ["facts"],
        "too_large",
    ),
    ("incident_schema", {"format": "yaml"}, ["format"], "extra_forbidden"),
    ("list_notice_kinds", [], ["arguments"], "object_type"),
]


@pytest.mark.parametrize(("name", "arguments", "loc", "type_"), CASES)
def test_malformed_call_is_a_structured_error_naming_its_location(
    name: Any, arguments: Any, loc: list[Any], type_: str | None
) -> None:
    result = call_tool(name, arguments)
    assert result["ok"] is False
    assert loc in [error["loc"] for error in result["errors"]], result["errors"]
    if type_ is not None:
        assert type_ in [e["type"] for e in result["errors"] if e["loc"] == loc]
    assert all(error["msg"] for error in result["errors"])
    assert_valid_output(name if isinstance(name, str) else "", result)


def test_there_are_at_least_twenty_malformed_calls() -> None:
    assert len(CASES) >= 20


def test_every_invalid_fact_is_reported_at_once() -> None:
    facts = {**MINIMAL, "timezone": "Nowhere/Town", "severity": "P9", "next_udpate_at": "x"}
    result = call_tool("draft_notice", {"facts": facts, "kind": "apology"})
    locs = sorted(tuple(map(str, e["loc"])) for e in result["errors"])
    assert locs == [("facts", "next_udpate_at"), ("facts", "severity"), ("facts", "timezone")]


def test_a_missing_translation_tells_the_model_what_to_do() -> None:
    result = call_tool("draft_notice", {"facts": EN_MISSING, "kind": "apology"})
    (error,) = result["errors"]
    assert "ask the engineer for the en text, or draft only in zh" in error["msg"]
    only_zh = call_tool("draft_notice", {"facts": EN_MISSING, "kind": "apology", "langs": ["zh"]})
    assert only_zh["ok"] is True
