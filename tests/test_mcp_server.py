"""End to end: the MCP server as a subprocess, driven by the SDK's own stdio client."""

from __future__ import annotations

import json
import os
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

from crisiscomms.tool_schemas import output_schema as tool_output_schema
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


# ---- lines the SDK would drop or refuse bare, sent raw over a real stdio pipe ------------

INIT = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "raw", "version": "1"},
    },
}


def _call(id: int, name: Any, arguments: Any) -> str:
    params = {"name": name, "arguments": arguments}
    return json.dumps({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})


RAW_LINES: list[tuple[str, str]] = [
    ("not-json", "{this is not json"),
    ("truncated", '{"jsonrpc": "2.0", "id": 5, "method": "tools/li'),
    ("array", "[1, 2]"),
    ("method-not-a-string", '{"jsonrpc": "2.0", "id": 7, "method": 5}'),
    ("arguments-a-string", _call(9, "lint_text", "x")),
    ("arguments-a-list", _call(10, "lint_text", ["text"])),
    ("name-a-number", _call(11, 5, {})),
    ("still-serving", _call(12, "lint_text", {"text": "正在紧急修复中。"})),
]


def _read_line(fd: int, pending: bytearray, wait: float) -> bytes | None:
    """One line from ``fd``, or ``None`` when none comes within ``wait`` seconds (a hang guard,
    so that a server that drops a line fails these tests instead of stalling them)."""
    import select

    while b"\n" not in pending:
        ready, _, _ = select.select([fd], [], [], wait)
        chunk = os.read(fd, 65536) if ready else b""
        if not chunk:
            return None
        pending += chunk
    line, _, rest = bytes(pending).partition(b"\n")
    pending[:] = rest
    return line


@pytest.fixture(scope="module")
def raw_replies() -> list[dict[str, Any] | None]:
    import subprocess

    process = subprocess.Popen(
        [sys.executable, "-m", "crisiscomms.mcp_server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    assert process.stdin is not None and process.stdout is not None
    fd, pending = process.stdout.fileno(), bytearray()
    note = {"jsonrpc": "2.0", "method": "notifications/initialized"}
    try:
        replies: list[dict[str, Any] | None] = []
        for line in [json.dumps(INIT), *(raw for _, raw in RAW_LINES)]:
            process.stdin.write(line.encode("utf-8") + b"\n")
            process.stdin.flush()
            reply = _read_line(fd, pending, 30)
            replies.append(None if reply is None else json.loads(reply))
            if line == json.dumps(INIT):
                process.stdin.write(json.dumps(note).encode() + b"\n")
                process.stdin.flush()
        return replies[1:]
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _reply(replies: list[dict[str, Any] | None], case: str) -> dict[str, Any]:
    reply = replies[[name for name, _ in RAW_LINES].index(case)]
    assert reply is not None, f"no reply to {case}"
    return reply


@pytest.mark.parametrize("case", ["not-json", "truncated"])
def test_a_line_that_is_not_json_gets_a_parse_error(
    raw_replies: list[dict[str, Any] | None], case: str
) -> None:
    reply = _reply(raw_replies, case)
    assert reply["id"] is None
    assert reply["error"]["code"] == -32700


@pytest.mark.parametrize(("case", "id"), [("array", None), ("method-not-a-string", 7)])
def test_json_that_is_not_a_request_gets_invalid_request(
    raw_replies: list[dict[str, Any] | None], case: str, id: int | None
) -> None:
    reply = _reply(raw_replies, case)
    assert reply["id"] == id
    assert reply["error"]["code"] == -32600


@pytest.mark.parametrize(
    ("case", "loc"),
    [("arguments-a-string", ["arguments"]), ("arguments-a-list", ["arguments"]),
     ("name-a-number", ["name"])],
)  # fmt: skip
def test_badly_typed_call_gets_the_structured_tool_failure(
    raw_replies: list[dict[str, Any] | None], case: str, loc: list[str]
) -> None:
    result = _reply(raw_replies, case)["result"]
    assert result["isError"] is True
    payload = result["structuredContent"]
    assert payload["ok"] is False
    assert payload["errors"][0]["loc"] == loc and payload["errors"][0]["msg"]
    assert json.loads(result["content"][0]["text"]) == payload
    Draft202012Validator(tool_output_schema("lint_text")).validate(payload)


def test_the_server_keeps_serving_after_bad_lines(raw_replies: list[dict[str, Any] | None]) -> None:
    result = _reply(raw_replies, "still-serving")["result"]
    assert result["structuredContent"]["findings"][0]["rule"] == "vague-fix-no-timeline"
