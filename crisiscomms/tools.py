"""JSON in, JSON out: the library as tools for chatbots and LLM agents.

Seven tools: ``draft_notice``, ``lint_text``, ``check_draft``, ``incident_schema``,
``list_notice_kinds``, and the incident journal's ``journal_status`` and
``journal_publish`` (on the journal ``CRISISCOMMS_DB`` names, else the default file).
:func:`tool_specs` describes them in the OpenAI, Anthropic or MCP format from the
same generated schemas; :func:`call_tool` runs one and never raises for anything
a caller can send. A call carries at most
:data:`~crisiscomms.tool_schemas.MAX_CALL_BYTES` (1 MB) of arguments; the CLI
and the Python API have no such limit.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from .errors import InputError
from .facts import FactsError, Incident, incident_json_schema, parse_incident
from .findings import Finding
from .kinds import DRAFT_LANGS, KINDS, NoticeKind, normalize_lang
from .tool_schemas import (
    ARGUMENTS,
    MAX_CALL_BYTES,
    CheckDraftArgs,
    DraftNoticeArgs,
    JournalPublishArgs,
    JournalStatusArgs,
    LintTextArgs,
    input_schema,
    output_schema,
)

SpecFormat = Literal["openai", "anthropic", "mcp"]
TOOL_NAMES: tuple[str, ...] = tuple(ARGUMENTS)


@cache
def _text() -> dict[str, Any]:
    return tomllib.loads(Path(__file__).with_name("tools.toml").read_text(encoding="utf-8"))


def tool_specs(format: SpecFormat = "openai") -> list[dict[str, Any]]:
    """Return the tool definitions in the format a chatbot platform expects.

    Args:
        format: ``"openai"`` (function calling), ``"anthropic"`` (Messages API
            tools) or ``"mcp"`` (MCP tool definitions, with output schemas).

    Returns:
        One definition per tool, each with the same generated input schema.

    Raises:
        ValueError: for an unknown format.

    Examples:
        >>> [spec["function"]["name"] for spec in tool_specs("openai")][:2]
        ['draft_notice', 'lint_text']
        >>> sorted(tool_specs("anthropic")[2])
        ['description', 'input_schema', 'name']
        >>> tool_specs("mcp")[4]["annotations"]["readOnlyHint"]
        True
    """
    specs = []
    for name in TOOL_NAMES:
        about = _text()["tools"][name]
        schema = input_schema(name)
        if format == "openai":
            function = {"name": name, "description": about["description"], "parameters": schema}
            specs.append({"type": "function", "function": function})
        elif format == "anthropic":
            specs.append(
                {"name": name, "description": about["description"], "input_schema": schema}
            )
        elif format == "mcp":
            specs.append(
                {
                    "name": name,
                    "title": about["title"],
                    "description": about["description"],
                    "inputSchema": schema,
                    "outputSchema": output_schema(name),
                    # Nothing is sent anywhere: every tool but journal_publish only reads
                    # (its arguments, or the journal); journal_publish adds a record.
                    "annotations": {
                        "readOnlyHint": not about.get("writes", False),
                        "destructiveHint": False,
                        "idempotentHint": not about.get("writes", False),
                        "openWorldHint": False,
                    },
                }
            )
        else:
            raise ValueError(f"unknown tool-spec format {format!r}; use openai, anthropic or mcp")
    return specs


def call_tool(name: Any, arguments: Any = None) -> dict[str, Any]:
    """Run one tool on JSON arguments and return a JSON-ready answer; never raise.

    Args:
        name: one of :data:`TOOL_NAMES`.
        arguments: the arguments object (``None`` is taken as ``{}``).

    Returns:
        ``{"ok": True, ...}`` as documented by the tool's output schema, or
        ``{"ok": False, "errors": [{"loc": [...], "msg": ..., "type": ...}]}``
        naming what to correct.

    Examples:
        >>> answer = call_tool("lint_text", {"text": "系统故障，目前正在紧急修复中。"})
        >>> answer["findings"][0]["rule"]
        'vague-fix-no-timeline'
        >>> call_tool("draft_notice", {"facts": {}, "kind": "apology", "lang": "zh"})["errors"][0]
        {'loc': ['lang'], 'msg': 'Extra inputs are not permitted', 'type': 'extra_forbidden'}
        >>> call_tool("send_notice", {})["errors"][0]["type"]
        'unknown_tool'
    """
    try:
        return _call(name, arguments)
    except _Refused as refused:
        return {"ok": False, "errors": refused.errors}
    except Exception as error:  # a caller must get an answer, never a traceback
        return _failure(
            [], f"internal error ({type(error).__name__}); please report it", "internal"
        )


class _Refused(Exception):
    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


def _failure(loc: list[str | int], msg: str, type: str) -> dict[str, Any]:
    return {"ok": False, "errors": [{"loc": loc, "msg": msg, "type": type}]}


def _refuse(loc: list[str | int], msg: str, type: str) -> _Refused:
    return _Refused(_failure(loc, msg, type)["errors"])


def _call(name: Any, arguments: Any) -> dict[str, Any]:
    if not isinstance(name, str) or name not in ARGUMENTS:
        shown = repr(name)[:80]
        raise _refuse(
            ["name"],
            f"unknown tool {shown}; choose one of: {', '.join(TOOL_NAMES)}",
            "unknown_tool",
        )
    arguments = {} if arguments is None else arguments
    if not isinstance(arguments, Mapping):
        raise _refuse(["arguments"], "arguments must be a JSON object", "object_type")
    _check_size(arguments)
    try:
        args = ARGUMENTS[name].model_validate(dict(arguments))
    except ValidationError as error:
        raise _Refused(
            [
                {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]}
                for e in error.errors(include_url=False, include_input=False)
            ]
        ) from None
    return _HANDLERS[name](args)


def _check_size(arguments: Mapping[Any, Any]) -> None:
    """Refuse arguments that are not plain JSON or that exceed :data:`MAX_CALL_BYTES`."""
    try:
        sizes = {key: _json_size(value) for key, value in arguments.items()}
        total = _json_size(arguments)
    except (TypeError, ValueError, RecursionError):
        try:
            where, what = _not_json(arguments)
        except RecursionError:  # nested past what Python walks, or a value that holds itself
            where, what = [], ": nested too deeply"
        raise _refuse(
            where or ["arguments"],
            f"arguments must be plain JSON (objects, arrays, strings, numbers){what}",
            "json",
        ) from None
    if total > MAX_CALL_BYTES:
        biggest = max(sizes, key=lambda k: sizes[k]) if sizes else None
        loc: list[str | int] = [biggest] if isinstance(biggest, str) else ["arguments"]
        msg = f"a call may carry at most {MAX_CALL_BYTES:,} bytes of JSON; this one has {total:,}"
        raise _refuse(loc, msg, "too_large")


def _not_json(value: Any, loc: tuple[str | int, ...] = ()) -> tuple[list[str | int], str]:
    """Return where in ``value`` the first value JSON cannot hold is, and what it is.

    A developer who loads a YAML facts file hands over dates and times as Python objects:
    the answer names the field and says how to send it.
    """
    import datetime as dt  # only on this error path

    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                return [*loc] or ["arguments"], f": a key is a {type(key).__name__}, not a string"
            found = _not_json(item, (*loc, key))
            if found[1]:
                return found
        return [], ""
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            found = _not_json(item, (*loc, i))
            if found[1]:
                return found
        return [], ""
    if value is None or isinstance(value, str | bool | int):
        return [], ""
    if isinstance(value, float):
        return (
            ([], "")
            if value == value and abs(value) != float("inf")
            else ([*loc], ": not a finite number")
        )
    where = [*loc] or ["arguments"]
    if isinstance(value, dt.date | dt.time):
        return where, f": a Python {type(value).__name__}; send it as text, value.isoformat()"
    return where, f": a Python {type(value).__name__}"


def _json_size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8"))


def _incident(facts: Mapping[str, Any]) -> Incident:
    try:
        return parse_incident(facts)
    except FactsError as error:
        raise _Refused([_problem(p.to_dict()) for p in error.problems]) from None


def _problem(problem: dict[str, Any]) -> dict[str, Any]:
    if problem["type"] == "missing_translation":
        lang = problem["loc"][-1]
        if str(lang).startswith("zh-Hant"):
            problem["msg"] += "; ask the engineer for the zh text (converted) or the zh-Hant text"
        else:
            other = "zh" if lang == "en" else "en"
            problem["msg"] += f"; ask the engineer for the {lang} text, or draft only in {other}"
    return {**problem, "loc": ["facts", *problem["loc"]]}


def _draft_notice(args: BaseModel) -> dict[str, Any]:
    from .drafting import draft, no_variant, with_parity, written_for

    assert isinstance(args, DraftNoticeArgs)
    incident = _incident(args.facts)
    kinds: tuple[NoticeKind, ...] = KINDS if args.kind == "all" else (args.kind,)
    # 'all' on a channel: the kinds that go out there (no SMS post-incident report).
    written = tuple(kind for kind in kinds if written_for(kind, args.channel))
    if not written:
        message = no_variant(kinds[0], args.channel)
        raise _Refused([{"loc": ["channel"], "msg": message, "type": "value_error"}])
    kinds = written
    asked = {normalize_lang(lang) for lang in args.langs}  # zh-Hant is zh-Hant-TW
    langs = [lang for lang in DRAFT_LANGS if lang in asked]
    drafts, problems = [], []
    for kind in kinds:
        for lang in langs:
            try:
                drafts.append(draft(incident, kind, lang, channel=args.channel))
            except FactsError as error:
                problems += [_problem(p.to_dict()) for p in error.problems]
    if problems:
        unique = {json.dumps(p, sort_keys=True): p for p in problems}
        raise _Refused(list(unique.values()))
    drafts = with_parity(drafts, incident)  # a number only one language states is a finding in both
    missing: dict[str, dict[str, Any]] = {}
    out = []
    for d in drafts:
        gaps = [_missing(m, [d.kind]) for m in d.missing]
        for gap in gaps:
            entry = missing.setdefault(gap["path"], {**gap, "kinds": []})
            if d.kind not in entry["kinds"]:
                entry["kinds"].append(d.kind)
        out.append(
            {
                "kind": d.kind,
                "lang": d.lang,
                "channel": d.channel,
                "title": d.title,
                "text": d.text,
                "parts": dict(d.parts),
                "payload": None if d.payload is None else dict(d.payload),
                "ready": d.ready,
                "findings": [f.to_dict() for f in d.findings],
                "missing_facts": gaps,
                "converted_facts": [c.to_dict() for c in d.converted],
            }
        )
    return {"ok": True, "drafts": out, "missing_facts": list(missing.values())}


def _missing(fact: Any, kinds: list[str]) -> dict[str, Any]:
    question = {"zh": fact.question["zh"], "en": fact.question["en"]}
    return {
        "path": fact.path,
        "rule": fact.rule,
        "element": fact.element,
        "question": question,
        "kinds": kinds,
    }


def _lint_text(args: BaseModel) -> dict[str, Any]:
    from .lint import lint

    assert isinstance(args, LintTextArgs)
    try:
        findings = lint(args.text, lang=args.lang, kind=args.kind)
    except InputError as error:  # e.g. an unknown rule id in a suppression comment
        raise _refuse(["text"], str(error), "lint") from None
    return _findings(findings)


def _check_draft(args: BaseModel) -> dict[str, Any]:
    from .factcheck import check_draft

    assert isinstance(args, CheckDraftArgs)
    incident = _incident(args.facts)
    try:
        findings = check_draft(args.text, incident, lang=args.lang, kind=args.kind)
    except InputError as error:
        raise _refuse(["text"], str(error), "lint") from None
    return _findings(findings)


def _findings(findings: list[Finding]) -> dict[str, Any]:
    summary = {severity: 0 for severity in ("error", "warning", "info")}
    for finding in findings:
        summary[finding.severity] += 1
    return {"ok": True, "findings": [f.to_dict() for f in findings], "summary": summary}


def _incident_schema(args: BaseModel) -> dict[str, Any]:
    return {"ok": True, "schema": incident_json_schema()}


def _list_notice_kinds(args: BaseModel) -> dict[str, Any]:
    kinds = [
        {
            "kind": kind,
            "name": dict(_text()["kinds"][kind]["name"]),
            "purpose": _text()["kinds"][kind]["purpose"],
            "needs": _needs(kind),
        }
        for kind in KINDS
    ]
    return {"ok": True, "kinds": kinds, "langs": list(DRAFT_LANGS)}


@cache
def _needs(kind: NoticeKind) -> list[str]:
    """The facts a kind asks for: what it reports missing from the least facts allowed."""
    from .completeness import missing_facts

    least = parse_incident(
        {
            "organization": {"zh": "-", "en": "-"},
            "service": {"zh": "-", "en": "-"},
            "timezone": "UTC",
            "started_at": "2026-01-01T00:00:00Z",
            "published_at": "2026-01-01T00:10:00Z",
        }
    )
    return list(dict.fromkeys(m.path for m in missing_facts(least, kind)))


def _journal_status(args: BaseModel) -> dict[str, Any]:
    from .journal import status
    from .journal.report import format_status

    assert isinstance(args, JournalStatusArgs)
    try:
        report = status(args.incident, now=args.now)
    except InputError as error:
        loc: list[str | int] = ["incident"] if "no publication" in str(error) else []
        raise _refuse(loc, str(error), "journal") from None
    return {"ok": True, **report.to_dict(), "summary": format_status(report)}


def _journal_publish(args: BaseModel) -> dict[str, Any]:
    from .journal import publish

    assert isinstance(args, JournalPublishArgs)
    incident = _incident(args.facts)
    try:
        lang = normalize_lang(args.lang)  # zh-Hant: the default region, as draft_notice reads it
        done = publish(incident, args.kind, args.channel, lang, at=args.at, text=args.text)
    except FactsError as error:
        raise _Refused([_problem(p.to_dict()) for p in error.problems]) from None
    except InputError as error:
        message = str(error)
        loc: list[str | int] = ["facts"]
        if message.startswith("the facts have no id"):
            loc = ["facts", "id"]
        elif message.startswith("the text still"):
            loc = ["text"]
        elif message.startswith("journal") or message.startswith("cannot create"):
            loc = []
        raise _refuse(loc, message, "journal") from None
    not_in_text = [
        {"type": c.type, "due_at": c.due_at.isoformat(), "field": c.field, "audience": c.audience}
        for c in done.missing
    ]
    return {"ok": True, "publication": done.publication.to_dict(), "not_in_text": not_in_text}


_HANDLERS: dict[str, Callable[[BaseModel], dict[str, Any]]] = {
    "draft_notice": _draft_notice,
    "lint_text": _lint_text,
    "check_draft": _check_draft,
    "incident_schema": _incident_schema,
    "list_notice_kinds": _list_notice_kinds,
    "journal_status": _journal_status,
    "journal_publish": _journal_publish,
}
