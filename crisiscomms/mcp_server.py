"""Serve the chatbot tools over MCP on stdio: ``crisiscomms mcp``.

Built on the official MCP Python SDK (``pip install 'crisiscomms[mcp]'``),
imported only here and only when the server starts, so the core install and
the CLI's start-up never pay for it. The tools are exactly
:func:`crisiscomms.tools.tool_specs` ``("mcp")`` and answer through
:func:`crisiscomms.tools.call_tool`: a bad call comes back as a tool result
with ``isError`` set and the structured errors, never as a crash; a line that is
not JSON gets a JSON-RPC parse error (see :func:`screen`).

A desktop client starts it with::

    {"mcpServers": {"crisiscomms": {"command": "crisiscomms", "args": ["mcp"]}}}
"""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .tools import call_tool, tool_specs

INSTRUCTIONS = (
    "Draft, lint and fact-check crisis notices about platform outages in Simplified Chinese "
    "and English. Build facts only from what the on-call engineer tells you; when draft_notice "
    "returns missing_facts, ask the engineer those questions instead of filling the gaps. Run "
    "check_draft on every text you write before presenting it. Nothing is ever published by "
    "these tools: a person approves and publishes."
)


def tool_result(result: dict[str, Any]) -> dict[str, Any]:
    """Wrap a :func:`~crisiscomms.tools.call_tool` answer as an MCP ``CallToolResult``.

    The JSON goes both into ``structuredContent`` (checked against the tool's
    output schema) and, for older clients, into one text block.

    Examples:
        >>> wrapped = tool_result({"ok": False, "errors": [{"loc": ["text"], "msg": "x",
        ...                                                  "type": "missing"}]})
        >>> wrapped["isError"], wrapped["content"][0]["type"]
        (True, 'text')
    """
    text = json.dumps(result, ensure_ascii=False)
    return {
        "content": [{"type": "text", "text": text}],
        "structuredContent": result,
        "isError": not result.get("ok", False),
    }


def build_server() -> Any:
    """Return an MCP low-level ``Server`` exposing the tools (the SDK is imported here)."""
    import anyio.to_thread
    import mcp_types as types
    from mcp.server.lowlevel import Server

    tools = [types.Tool.model_validate(spec) for spec in tool_specs("mcp")]

    async def list_tools(ctx: Any, params: Any) -> Any:
        return types.ListToolsResult(tools=tools)

    async def call(ctx: Any, params: Any) -> Any:
        # Drafting and linting are CPU work: run them off the event loop.
        result = await anyio.to_thread.run_sync(call_tool, params.name, params.arguments)
        return types.CallToolResult.model_validate(tool_result(result))

    return Server(
        "crisiscomms",
        version=__version__,
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call,
    )


def screen(item: Any) -> Any:
    """Answer an incoming line the SDK would drop or refuse bare; ``None`` lets it through.

    The SDK's stdio transport hands a line it cannot read to the server as an
    exception, which the server only logs: the client waits forever. Here such a
    line gets its JSON-RPC error instead: ``-32700`` (parse error) for text that is
    not JSON, ``-32600`` (invalid request) for JSON that is not a JSON-RPC message.
    A ``tools/call`` whose ``name`` or ``arguments`` has the wrong type (which the
    SDK answers with a bare ``-32602``) gets the tool's documented structured
    failure, ``{ok: false, errors: [{loc, msg, type}]}``, like any other bad call.
    """
    import mcp_types as types
    from mcp.shared.message import SessionMessage
    from pydantic import ValidationError

    if isinstance(item, ValidationError):
        problems = item.errors(include_url=False)
        if any(p["type"] == "json_invalid" for p in problems):
            error = types.ErrorData(
                code=types.PARSE_ERROR, message="Parse error: the line is not valid JSON"
            )
            return SessionMessage(types.JSONRPCError(jsonrpc="2.0", id=None, error=error))
        error = types.ErrorData(
            code=types.INVALID_REQUEST, message="Invalid Request: not a JSON-RPC 2.0 message"
        )
        return SessionMessage(
            types.JSONRPCError(jsonrpc="2.0", id=_request_id(problems), error=error)
        )
    message = getattr(item, "message", None)
    if isinstance(message, types.JSONRPCRequest) and message.method == "tools/call":
        params = message.params or {}
        name, arguments = params.get("name"), params.get("arguments")
        if not isinstance(name, str) or not (arguments is None or isinstance(arguments, dict)):
            result = tool_result(call_tool(name, arguments))
            reply = types.JSONRPCResponse(jsonrpc="2.0", id=message.id, result=result)
            return SessionMessage(reply)
    return None


def _request_id(problems: list[Any]) -> int | str | None:
    """The ``id`` of a request that failed validation, when it can be read back."""
    for problem in problems:
        value = problem.get("input")
        if isinstance(value, dict):
            found = value.get("id")
            if isinstance(found, int | str) and not isinstance(found, bool):
                return found
    return None


def serve() -> None:
    """Run the MCP server on stdin/stdout until the client closes the connection."""
    import anyio
    from mcp.server.stdio import stdio_server

    async def main() -> None:
        server = build_server()
        async with stdio_server() as (read_stream, write_stream):
            forward, receive = anyio.create_memory_object_stream[Any](0)

            async def screened() -> None:
                async with forward:
                    async for item in read_stream:
                        reply = screen(item)
                        await (forward.send(item) if reply is None else write_stream.send(reply))

            async with anyio.create_task_group() as tasks:
                tasks.start_soon(screened)
                await server.run(receive, write_stream, server.create_initialization_options())

    anyio.run(main)


if __name__ == "__main__":
    serve()
