"""The tool layer: one set of generated schemas in three formats, and answers that keep to them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from tool_helpers import COMPLETE, MINIMAL, assert_valid_output

from crisiscomms.factcheck import check_draft
from crisiscomms.kinds import KINDS
from crisiscomms.tool_schemas import input_schema, schema_files
from crisiscomms.tools import TOOL_NAMES, call_tool, tool_specs

SCHEMAS = Path(__file__).parent.parent / "crisiscomms" / "schemas"


def _schemas(format: str) -> dict[str, dict[str, Any]]:
    specs = tool_specs(format)  # type: ignore[arg-type]
    if format == "openai":
        return {s["function"]["name"]: s["function"]["parameters"] for s in specs}
    key = "input_schema" if format == "anthropic" else "inputSchema"
    return {s["name"]: s[key] for s in specs}


def test_the_three_formats_carry_the_same_schemas_for_the_same_tools() -> None:
    openai, anthropic, mcp = (_schemas(f) for f in ("openai", "anthropic", "mcp"))
    assert list(openai) == list(anthropic) == list(mcp) == list(TOOL_NAMES)
    assert openai == anthropic == mcp == {name: input_schema(name) for name in TOOL_NAMES}


@pytest.mark.parametrize("format", ["openai", "anthropic", "mcp"])
def test_specs_are_valid_json_schema_with_actionable_descriptions(format: str) -> None:
    for spec in tool_specs(format):  # type: ignore[arg-type]
        Draft202012Validator.check_schema(
            spec.get("inputSchema") or spec.get("input_schema") or spec["function"]["parameters"]
        )
    descriptions = json.dumps(tool_specs(format), ensure_ascii=False)  # type: ignore[arg-type]
    assert "never invent" in descriptions
    assert "Ask the engineer each `question`" in descriptions


def test_mcp_specs_document_output_schemas() -> None:
    for spec in tool_specs("mcp"):
        Draft202012Validator.check_schema(spec["outputSchema"])
        # Only journal_publish writes (a record in the incident journal).
        assert spec["annotations"]["readOnlyHint"] is (spec["name"] != "journal_publish")


def test_unknown_spec_format_is_refused() -> None:
    with pytest.raises(ValueError, match="openai, anthropic or mcp"):
        tool_specs("gemini")  # type: ignore[arg-type]


def test_committed_output_schema_files_match_the_models() -> None:
    expected = schema_files()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("tool-*.json")}
    assert committed == expected, "run: python -m crisiscomms.tool_schemas"


def test_draft_notice_asks_for_missing_facts_and_invents_none() -> None:
    result = call_tool("draft_notice", {"facts": MINIMAL, "kind": "first-statement"})
    assert_valid_output("draft_notice", result)
    paths = {m["path"]: m for m in result["missing_facts"]}
    assert paths["next_update_at"]["question"]["zh"].startswith("下一次进展计划在什么时间发布")
    assert paths["next_update_at"]["question"]["en"].startswith("When will the next update")
    assert paths["next_update_at"]["kinds"] == ["first_statement"]
    zh, en = result["drafts"]
    assert (zh["lang"], en["lang"]) == ("zh", "en")
    assert "【待补充：" in zh["text"] and "[TO FILL: " in en["text"]
    assert not zh["ready"] and not en["ready"]
    # Nothing the facts do not hold: the only times stated are start and publication.
    times = set(re.findall(r"\d{1,2}:\d{2}", zh["text"] + en["text"]))
    assert times <= {"20:00", "20:30"}
    for d in result["drafts"]:
        assert not [
            f
            for f in check_draft(d["text"], MINIMAL, d["lang"])
            if f.rule in ("fact-mismatch", "unsupported-claim")
        ]


def test_draft_notice_with_complete_facts_is_ready_and_asks_nothing() -> None:
    result = call_tool(
        "draft_notice", {"facts": COMPLETE, "kind": "first_statement", "langs": ["en"]}
    )
    assert_valid_output("draft_notice", result)
    assert result["missing_facts"] == []
    (en,) = result["drafts"]
    assert en["ready"] and "8 million" in en["text"] and "21:00" in en["text"]


def test_draft_notice_all_kinds_lists_each_missing_fact_once_with_its_kinds() -> None:
    result = call_tool("draft_notice", {"facts": MINIMAL, "kind": "all"})
    assert_valid_output("draft_notice", result)
    assert len(result["drafts"]) == 2 * len(KINDS)
    paths = [m["path"] for m in result["missing_facts"]]
    assert len(paths) == len(set(paths))
    next_update = next(m for m in result["missing_facts"] if m["path"] == "next_update_at")
    assert next_update["kinds"] == ["first_statement", "progress_update"]


def test_lint_text_finds_the_textbook_vague_notice() -> None:
    result = call_tool(
        "lint_text", {"text": "目前正在紧急修复中，给您带来不便深表歉意。", "lang": "zh"}
    )
    assert_valid_output("lint_text", result)
    assert "vague-fix-no-timeline" in [f["rule"] for f in result["findings"]]
    assert result["summary"]["error"] >= 1


def test_check_draft_reports_a_planted_mismatch_with_its_span() -> None:
    text = "About 5 million users cannot log in. We expect service back by 22:00 UTC+8."
    result = call_tool("check_draft", {"text": text, "facts": COMPLETE, "lang": "en"})
    assert_valid_output("check_draft", result)
    (mismatch,) = [f for f in result["findings"] if f["rule"] == "fact-mismatch"]
    assert text[mismatch["start"] : mismatch["end"]] == "5 million"
    assert "8,000,000" in mismatch["messages"]["en"]


def test_incident_schema_is_the_facts_schema() -> None:
    result = call_tool("incident_schema", {})
    assert_valid_output("incident_schema", result)
    assert {"organization", "service", "timezone", "next_update_at"} <= set(
        result["schema"]["properties"]
    )


def test_list_notice_kinds_names_each_kind_and_what_it_needs() -> None:
    result = call_tool("list_notice_kinds")
    assert_valid_output("list_notice_kinds", result)
    kinds = {k["kind"]: k for k in result["kinds"]}
    assert list(kinds) == list(KINDS)
    assert kinds["post_incident_report"]["name"]["zh"] == "复盘报告"
    assert "timeline" in kinds["post_incident_report"]["needs"]
    assert "next_update_at" in kinds["first_statement"]["needs"]
    assert kinds["compensation_notice"]["name"]["zh"] == "补偿方案"
    assert result["langs"] == ["zh", "en", "zh-Hant-HK", "zh-Hant-TW"]


def test_answers_are_plain_json() -> None:
    for name, args in [
        ("draft_notice", {"facts": COMPLETE, "kind": "all"}),
        ("list_notice_kinds", {}),
        ("incident_schema", {}),
    ]:
        result = call_tool(name, args)
        assert json.loads(json.dumps(result, ensure_ascii=False)) == result


@pytest.mark.parametrize("tool", ["check_draft", "lint_text"])
@pytest.mark.parametrize("lang", ["zh-Hant-HK", "zh-Hant-TW"])
def test_a_drafts_own_regional_tag_is_a_language_the_checks_accept(tool: str, lang: str) -> None:
    # draft_notice tags a Traditional draft zh-Hant-HK; a chatbot passes the tag straight on.
    args: dict[str, Any] = {"text": "我們會盡快修復。", "lang": lang}
    if tool == "check_draft":
        args["facts"] = MINIMAL
    result = call_tool(tool, args)
    assert result["ok"], result
    messages = [f["message"] for f in result["findings"] if f["rule"] == "vague-time"]
    assert messages and "時間" in messages[0]  # spoken in Traditional, as zh-Hant is


def test_draft_notice_in_both_languages_reports_a_number_only_one_states() -> None:
    facts = {
        **MINIMAL,
        "status": "recovering",
        "progress": {"zh": "1.2万台服务器已恢复供电", "en": "power is back to 13,000 servers"},
    }
    result = call_tool(
        "draft_notice", {"facts": facts, "kind": "progress_update", "langs": ["zh", "en"]}
    )
    found = {d["lang"]: [f["excerpt"] for f in d["findings"] if f["rule"] == "parity-mismatch"]
             for d in result["drafts"]}  # fmt: skip
    assert found == {"zh": ["1.2万"], "en": ["13,000"]}
    assert not any(d["ready"] for d in result["drafts"])
