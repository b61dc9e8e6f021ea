"""End to end: the MCP server as a subprocess, driven by the SDK's own stdio client."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from tool_helpers import COMPLETE, MINIMAL

pytest.importorskip("mcp")

import anyio
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from crisiscomms.tools import TOOL_NAMES

ROOT = Path(__file__).parent.parent

CALLS: list[tuple[str, dict[str, Any]]] = [
    ("list_notice_kinds", {}),
    ("incident_schema", {}),
    ("draft_notice", {"facts": MINIMAL, "kind": "first_statement", "langs": ["zh"]}),
    ("lint_text", {"text": "目前正在紧急修复中。"}),
    ("check_draft", {"text": "约500万用户无法登录。", "facts": COMPLETE}),
    ("draft_notice", {"facts": MINIMAL, "kind": "press_release"}),  # invalid: unknown kind
    ("no_such_tool", {}),  # invalid: unknown tool
]


async def _session_run() -> tuple[list[Any], list[Any]]:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "crisiscomms.mcp_server"], cwd=str(ROOT)
    )
    with anyio.fail_after(60):
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            listed = await session.list_tools()
            results = [await session.call_tool(name, args) for name, args in CALLS]
            return listed.tools, results


@pytest.fixture(scope="module")
def served() -> tuple[list[Any], list[Any]]:
    return anyio.run(_session_run)


def test_server_lists_the_five_tools_with_their_schemas(
    served: tuple[list[Any], list[Any]],
) -> None:
    tools, _ = served
    assert [t.name for t in tools] == list(TOOL_NAMES)
    for tool in tools:
        Draft202012Validator.check_schema(tool.input_schema)
        assert tool.output_schema["anyOf"]
        assert tool.description and "never" in " ".join(t.description for t in tools)


def test_every_tool_answers_over_stdio(served: tuple[list[Any], list[Any]]) -> None:
    tools, results = served
    schemas = {t.name: t.output_schema for t in tools}
    for (name, _), result in zip(CALLS[:5], results[:5], strict=True):
        assert result.is_error is False, (name, result)
        payload = result.structured_content
        assert payload["ok"] is True
        assert json.loads(result.content[0].text) == payload
        Draft202012Validator(schemas[name]).validate(payload)
    kinds, schema, drafted, linted, checked = (r.structured_content for r in results[:5])
    assert kinds["kinds"][0]["kind"] == "first_statement"
    assert "next_update_at" in schema["schema"]["properties"]
    assert "【待补充：" in drafted["drafts"][0]["text"]
    assert drafted["missing_facts"][0]["question"]["zh"]
    assert linted["findings"][0]["rule"] == "vague-fix-no-timeline"
    assert [f["excerpt"] for f in checked["findings"] if f["rule"] == "fact-mismatch"] == ["500万"]


def test_an_invalid_call_is_a_tool_error_not_a_crash(served: tuple[list[Any], list[Any]]) -> None:
    _, results = served
    bad_kind, bad_tool = results[5], results[6]
    assert bad_kind.is_error is True
    assert bad_kind.structured_content["errors"][0]["loc"] == ["kind"]
    assert bad_tool.is_error is True
    assert bad_tool.structured_content["errors"][0]["loc"] == ["name"]
