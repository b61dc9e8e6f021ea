"""Serve the chatbot tools over MCP on stdio: ``crisiscomms mcp``.

Built on the official MCP Python SDK (``pip install 'crisiscomms[mcp]'``),
imported only here and only when the server starts, so the core install and
the CLI's start-up never pay for it. The tools are exactly
:func:`crisiscomms.tools.tool_specs` ``("mcp")`` and answer through
:func:`crisiscomms.tools.call_tool`: a bad call comes back as a tool result
with ``isError`` set and the structured errors, never as a crash.

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


def serve() -> None:
    """Run the MCP server on stdin/stdout until the client closes the connection."""
    import anyio
    from mcp.server.stdio import stdio_server

    async def main() -> None:
        server = build_server()
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())

    anyio.run(main)


if __name__ == "__main__":
    serve()
