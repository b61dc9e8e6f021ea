"""call_tool answers anything a caller can send, and every answer keeps to its schema."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tool_helpers import MINIMAL, assert_valid_output

from crisiscomms.tools import TOOL_NAMES, call_tool

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(["text", "facts", "kind", "lang", "langs", "extra"])
names = st.sampled_from([*TOOL_NAMES, "", "draft", "check-draft"]) | st.text(max_size=12)
kind_values = st.sampled_from(["apology", "first-statement", "all", "APOLOGY", "x"]) | json_values


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names, st.dictionaries(keys, json_values, max_size=5) | json_values)
def test_arbitrary_json_never_raises_and_keeps_to_the_schema(name: Any, arguments: Any) -> None:
    result = call_tool(name, arguments)
    assert isinstance(result["ok"], bool)
    assert "internal" not in [e["type"] for e in result.get("errors", [])]
    assert_valid_output(name if name in TOOL_NAMES else "", result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["draft_notice", "check_draft"]),
    st.dictionaries(st.sampled_from([*MINIMAL, "impact", "eta", "data"]), json_values),
    kind_values,
    st.text(max_size=80),
)
def test_arbitrary_facts_never_raise(
    name: str, facts: dict[str, Any], kind: Any, text: str
) -> None:
    args = {"facts": {**MINIMAL, **facts}, "kind": kind}
    if name == "check_draft":
        args = {"facts": args["facts"], "text": text}
    result = call_tool(name, args)
    assert result["ok"] or all(e["loc"] for e in result["errors"])
    assert_valid_output(name, result)
