"""Shared facts and a schema check for the tool tests."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from support import MINIMAL

from crisiscomms.tool_schemas import output_schema

#: A first statement with everything it needs.
COMPLETE: dict[str, Any] = {
    **MINIMAL,
    "impact": {
        "symptoms": {"zh": "无法登录", "en": "log-in failures"},
        "scale": [{"count": 8000000, "precision": "estimate"}],
    },
    "eta": "2026-03-29T22:00:00+08:00",
    "next_update_at": "2026-03-29T21:00:00+08:00",
}


def assert_valid_output(name: str, result: dict[str, Any]) -> None:
    """Fail unless ``result`` matches the documented output schema of tool ``name``."""
    schema = output_schema(name) if name in _NAMES else _FAILURE_ONLY
    Draft202012Validator(schema).validate(result)


_NAMES = {"draft_notice", "lint_text", "check_draft", "incident_schema", "list_notice_kinds"}
_FAILURE_ONLY = {**output_schema("lint_text"), "anyOf": [{"$ref": "#/$defs/Failure"}]}
