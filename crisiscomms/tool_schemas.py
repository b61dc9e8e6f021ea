"""Input and output models of the chatbot tools; their JSON Schemas are generated, never copied.

Every tool takes one JSON object and returns one: ``{"ok": true, ...}`` on success,
``{"ok": false, "errors": [{"loc", "msg", "type"}]}`` when the call cannot be
served. The committed files ``crisiscomms/schemas/tool-<name>.output.json`` are
:func:`output_schema` written out (``python -m crisiscomms.tool_schemas``); a test
regenerates and compares them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from .kinds import Channel, DraftLang, NoticeKind

#: The most a single tool call may carry: its arguments as UTF-8 JSON. The CLI and
#: the Python API have no limit; a chatbot tool call is capped so that one bad call
#: cannot hold a server for long.
MAX_CALL_BYTES = 1_000_000

SCHEMA_VERSION = "1"


def _kind_name(value: Any) -> Any:
    """Accept ``first-statement`` as well as ``first_statement``."""
    return value.strip().lower().replace("-", "_") if isinstance(value, str) else value


Kind = Annotated[NoticeKind, BeforeValidator(_kind_name)]
KindOrAll = Annotated[Literal[NoticeKind, "all"], BeforeValidator(_kind_name)]
Text = Annotated[
    str,
    Field(
        max_length=MAX_CALL_BYTES,
        description="The notice text, as published or as drafted (at most 1 MB per call).",
    ),
]
Facts = Annotated[
    dict[str, Any],
    Field(
        description=(
            "The incident facts as a JSON object, exactly as the on-call engineer gave them "
            '(call incident_schema for every field). Free-text facts are {"zh": ..., "en": '
            "...}; times are ISO 8601 with a UTC offset. Leave out what you were not told: "
            "never guess a cause, a count, a time or a compensation."
        )
    ),
]


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DraftNoticeArgs(_Args):
    """Arguments of ``draft_notice``."""

    facts: Facts
    kind: KindOrAll = Field(
        description="Which notice to draft; 'all' drafts every kind.",
    )
    langs: list[Literal["zh", "en", "zh-Hant-HK", "zh-Hant-TW", "zh-Hant"]] = Field(
        default=["zh", "en"],
        min_length=1,
        max_length=5,
        description=(
            "Languages to draft: 'zh' (Simplified Chinese), 'en' (English), 'zh-Hant-HK' / "
            "'zh-Hant-TW' (Traditional Chinese for Hong Kong / Taiwan; 'zh-Hant' is "
            "'zh-Hant-TW'). Traditional drafts convert facts given only in zh and list them "
            "in converted_facts for a person to check."
        ),
    )
    channel: Channel = Field(
        default="notice",
        description="Where it is published: 'notice' (the long form), 'sms', 'weibo', 'x', "
        "'push', 'wechat', 'email' or 'statuspage'. Each is written for its channel and "
        "checked against its length limit (an 'over-length' finding, never cut); the parts "
        "of a structured channel (an e-mail's subject, body and html; a push title and body; "
        "WeChat template fields and article) are in 'parts', a status-page update in 'payload'.",
    )


class LintTextArgs(_Args):
    """Arguments of ``lint_text``."""

    text: Text
    lang: Literal["zh", "zh-Hant", "zh-Hant-HK", "zh-Hant-TW", "en", "auto"] = Field(
        default="auto",
        description=(
            "Language of the text; 'auto' detects it (mixed is fine). A draft's own "
            "'zh-Hant-HK' / 'zh-Hant-TW' reads as 'zh-Hant'."
        ),
    )
    kind: Kind | None = Field(
        default=None, description="The notice kind, to add its completeness checks."
    )


class CheckDraftArgs(_Args):
    """Arguments of ``check_draft``."""

    text: Text
    facts: Facts
    lang: Literal["zh", "zh-Hant", "zh-Hant-HK", "zh-Hant-TW", "en", "auto"] = Field(
        default="auto",
        description=(
            "Language of the text; 'auto' detects it. A draft's own 'zh-Hant-HK' / "
            "'zh-Hant-TW' reads as 'zh-Hant'."
        ),
    )
    kind: Kind | None = Field(
        default=None, description="The notice kind, to add its completeness checks."
    )


class NoArgs(_Args):
    """Arguments of a tool that takes none."""


def _channel(value: str) -> str:
    from .errors import InputError
    from .journal.publish import normalize_channel

    try:
        return normalize_channel(value)
    except InputError as error:
        raise ValueError(str(error)) from None


def _channel_names() -> list[str]:
    from .journal.publish import channel_names

    return list(channel_names())


JournalChannel = Annotated[
    str,
    AfterValidator(_channel),
    Field(
        json_schema_extra={"enum": _channel_names()},
        description="Where the notice was published (notice: the full notice, e.g. on the "
        "website).",
    ),
]
IncidentId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=128,
        description="The incident's id, as in the facts' `id` (e.g. 2026-03-29-cooling).",
    ),
]


class JournalStatusArgs(_Args):
    """Arguments of ``journal_status``."""

    incident: IncidentId
    now: AwareDatetime | None = Field(
        default=None,
        description="Judge at this time (ISO 8601 with offset); default: the current time.",
    )


class JournalPublishArgs(_Args):
    """Arguments of ``journal_publish``."""

    facts: Facts
    kind: Kind = Field(description="The kind of notice that was published.")
    channel: JournalChannel = "notice"
    lang: Literal["zh", "en", "zh-Hant-HK", "zh-Hant-TW", "zh-Hant"] = Field(
        description="The language published (zh-Hant: Taiwan's, as in draft_notice)."
    )
    at: AwareDatetime | None = Field(
        default=None,
        description="When it was published (ISO 8601 with offset); default: the facts' "
        "published_at.",
    )
    text: Text | None = Field(
        default=None,
        description="The text exactly as published; default: the text drafted from the facts.",
    )


# ---- outputs ----------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bilingual(_Out):
    """A short text in both languages."""

    zh: str
    en: str


class FindingOut(_Out):
    """A finding: rule id, severity, message and the span of text it points at."""

    rule: str = Field(description="Stable kebab-case id, e.g. fact-mismatch, vague-time.")
    severity: Literal["info", "warning", "error"]
    message: str = Field(description="In the language of the text.")
    messages: dict[str, str] = Field(description="The message in zh and en.")
    start: Annotated[int, Field(ge=0)] = Field(description="Code-point index, inclusive.")
    end: Annotated[int, Field(ge=0)] = Field(description="Code-point index, exclusive.")
    line: Annotated[int, Field(ge=1)]
    column: Annotated[int, Field(ge=1)]
    excerpt: str
    suggestion: str


class MissingFactOut(_Out):
    """A fact the notice needs and the facts lack: ask the engineer the question."""

    path: str = Field(description="Where the fact goes, e.g. next_update_at.")
    rule: str = Field(description="The missing-<element> finding it causes.")
    element: str
    question: Bilingual = Field(description="What to ask the on-call engineer.")
    kinds: list[NoticeKind] = Field(description="The notice kinds that need it.")


class ConvertedOut(_Out):
    """A fact a Traditional draft converted from its Simplified text: check it before publishing."""

    path: str = Field(description="The fact, e.g. impact.symptoms.")
    from_: str = Field(alias="from", description="The Simplified text given.")
    text: str = Field(description="The Traditional text the draft uses.")
    opencc: Literal["s2hk", "s2twp"]


class DraftOut(_Out):
    """One drafted notice; placeholders 【待补充：…】 / [TO FILL: …] mark missing facts."""

    kind: NoticeKind
    lang: DraftLang
    channel: Channel = Field(description="The channel it is written for; 'notice' = long form.")
    title: str
    text: str
    parts: dict[str, str] = Field(
        description="A channel draft's parts by name (subject, body, html, title, ...); "
        "empty for the long-form notice."
    )
    payload: dict[str, Any] | None = Field(
        description="What the channel posts, when it takes JSON: a Statuspage incident update."
    )
    ready: bool = Field(description="False while any finding is at error severity.")
    findings: list[FindingOut]
    missing_facts: list[MissingFactOut]
    converted_facts: list[ConvertedOut] = Field(
        default=[],
        description="Facts given only in Simplified Chinese that a Traditional draft converted.",
    )


class Summary(_Out):
    """How many findings at each severity."""

    error: Annotated[int, Field(ge=0)]
    warning: Annotated[int, Field(ge=0)]
    info: Annotated[int, Field(ge=0)]


class ErrorOut(_Out):
    """Why a call could not be served; ``loc`` names the argument (and field) at fault."""

    loc: list[str | int]
    msg: str
    type: str


class Failure(_Out):
    """A call that could not be served: correct the arguments named in ``errors``."""

    ok: Literal[False]
    errors: Annotated[list[ErrorOut], Field(min_length=1)]


class DraftNoticeOut(_Out):
    """``draft_notice``: the drafts, and the facts to ask for."""

    ok: Literal[True]
    drafts: list[DraftOut]
    missing_facts: list[MissingFactOut] = Field(
        description="Every fact the drafts lack, once each; ask the engineer these questions."
    )


class FindingsOut(_Out):
    """``lint_text`` and ``check_draft``: findings in text order."""

    ok: Literal[True]
    findings: list[FindingOut]
    summary: Summary


class IncidentSchemaOut(_Out):
    """``incident_schema``: the JSON Schema of the facts."""

    ok: Literal[True]
    schema_: dict[str, Any] = Field(alias="schema")


class KindOut(_Out):
    """One notice kind."""

    kind: NoticeKind
    name: Bilingual
    purpose: str
    needs: list[str] = Field(description="Fact paths this kind asks for.")


class ListNoticeKindsOut(_Out):
    """``list_notice_kinds``: what can be drafted, in which languages."""

    ok: Literal[True]
    kinds: list[KindOut]
    langs: list[DraftLang]


class PromiseOut(_Out):
    """A time a published notice promised, as recorded."""

    type: str = Field(description="next_update, eta, data_result, funds_result, "
                      "compensation_delivery or claim_deadline.")  # fmt: skip
    due_at: str
    audience: str
    field: str = Field(description="The fact it came from, e.g. next_update_at.")
    confirmed: bool = Field(description="False when the text does not state it: not tracked.")
    evidence: str = Field(description="The words of the text that state it.")


class PublicationOut(_Out):
    """A notice recorded in the journal."""

    id: int | None
    incident: str
    kind: str
    channel: str
    lang: str
    published_at: str
    text_sha256: str
    text_source: Literal["drafted", "given"]
    incident_status: str
    severity: str
    audiences: list[str]
    commitments: list[PromiseOut]


class PublicationRef(_Out):
    """Which notice: its journal id, kind and time."""

    id: int | None
    kind: str
    published_at: str


class StandingOut(_Out):
    """A promise at ``now``: pending, kept (by which notice) or overdue (by how much)."""

    type: str
    label: Bilingual
    due_at: str
    deadline: str = Field(description="When readers must have heard (a notice's lead for "
                          "compensation deadlines).")  # fmt: skip
    channel: str
    audience: str
    lang: str
    field: str
    evidence: str
    promised_in: PublicationRef
    state: Literal["pending", "kept", "overdue"]
    overdue_minutes: int | None
    kept_by: PublicationRef | None


class JournalStatusOut(_Out):
    """``journal_status``: the incident's notices, its promises, and what is overdue."""

    ok: Literal[True]
    schema_: str = Field(alias="schema")
    incident: str
    now: str
    timezone: str
    publications: list[PublicationOut]
    commitments: list[StandingOut]
    overdue: list[StandingOut] = Field(description="Tell the team each of these now.")
    summary: str = Field(description="The status as a person reads it (one line per overdue "
                         "promise first).")  # fmt: skip


class NotInTextOut(_Out):
    """A time the facts hold that the published text does not state."""

    type: str
    due_at: str
    field: str
    audience: str


class JournalPublishOut(_Out):
    """``journal_publish``: the notice as recorded, and the promised times its text lacks."""

    ok: Literal[True]
    publication: PublicationOut
    not_in_text: list[NotInTextOut] = Field(
        description="Times in the facts the text does not state: readers were not told them."
    )


ARGUMENTS: dict[str, type[_Args]] = {
    "draft_notice": DraftNoticeArgs,
    "lint_text": LintTextArgs,
    "check_draft": CheckDraftArgs,
    "incident_schema": NoArgs,
    "list_notice_kinds": NoArgs,
    "journal_status": JournalStatusArgs,
    "journal_publish": JournalPublishArgs,
}
RESULTS: dict[str, type[_Out]] = {
    "draft_notice": DraftNoticeOut,
    "lint_text": FindingsOut,
    "check_draft": FindingsOut,
    "incident_schema": IncidentSchemaOut,
    "list_notice_kinds": ListNoticeKindsOut,
    "journal_status": JournalStatusOut,
    "journal_publish": JournalPublishOut,
}


def input_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema of a tool's arguments (generated from its pydantic model).

    Examples:
        >>> sorted(input_schema("check_draft")["properties"])
        ['facts', 'kind', 'lang', 'text']
        >>> input_schema("check_draft")["required"]
        ['text', 'facts']
    """
    schema = ARGUMENTS[name].model_json_schema()
    schema.pop("title", None)
    schema.pop("description", None)
    for prop in schema.get("properties", {}).values():
        prop.pop("title", None)
    schema.setdefault("properties", {})
    return schema


def output_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema of what a tool returns: its success shape or a failure.

    Examples:
        >>> [branch["$ref"] for branch in output_schema("lint_text")["anyOf"]]
        ['#/$defs/FindingsOut', '#/$defs/Failure']
    """
    success, failure = RESULTS[name], Failure
    defs: dict[str, Any] = {}
    for model in (success, failure):
        schema = model.model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://crisiscomms.invalid/schemas/tool-{name}.output.v{SCHEMA_VERSION}.json",
        "title": f"crisiscomms {name} result (v{SCHEMA_VERSION})",
        "type": "object",
        "anyOf": [{"$ref": f"#/$defs/{success.__name__}"}, {"$ref": "#/$defs/Failure"}],
        "$defs": defs,
    }


def schema_files() -> dict[str, str]:
    """Return the committed output-schema files' names and exact contents."""
    return {
        f"tool-{name}.output.json": json.dumps(output_schema(name), ensure_ascii=False, indent=2)
        + "\n"
        for name in RESULTS
    }


def main() -> int:
    """Write the output schemas into ``crisiscomms/schemas/``."""
    folder = Path(__file__).with_name("schemas")
    folder.mkdir(exist_ok=True)
    for filename, content in schema_files().items():
        (folder / filename).write_text(content, encoding="utf-8")
        print(folder / filename, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
