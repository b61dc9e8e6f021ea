"""The chatbot tools journal_publish and journal_status, on both backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from journal_support import facts, journal_db
from jsonschema import Draft202012Validator

from crisiscomms.tool_schemas import output_schema
from crisiscomms.tools import call_tool

__all__ = ["journal_db"]


def _call(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    result = call_tool(name, arguments)
    Draft202012Validator(output_schema(name)).validate(result)
    return result


def test_an_assistant_records_a_notice_and_hears_the_update_is_overdue(
    journal_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRISISCOMMS_DB", journal_db)
    published = _call(
        "journal_publish",
        {"facts": facts(), "kind": "first-statement", "channel": "Weibo", "lang": "zh"},
    )
    assert published["ok"], published
    assert published["publication"]["channel"] == "weibo"
    assert published["not_in_text"] == []
    answer = _call(
        "journal_status", {"incident": "2026-11-28-login", "now": "2026-11-28T16:35:00+08:00"}
    )
    assert answer["ok"], answer
    (late,) = answer["overdue"]
    assert (late["type"], late["channel"], late["audience"], late["overdue_minutes"]) == (
        "next_update",
        "weibo",
        "users",
        5,
    )
    assert "OVERDUE 5 min: next update due 16:30 on weibo" in answer["summary"]


def test_tool_errors_are_structured(journal_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISISCOMMS_DB", journal_db)
    cases: list[tuple[str, dict[str, Any], list[str | int]]] = [
        ("journal_status", {"incident": "nothing-yet"}, []),
        ("journal_status", {"incident": "x", "now": "2026-11-28T16:35:00"}, ["now"]),
        ("journal_publish", {"facts": facts(id=None), "kind": "apology", "lang": "zh"},
         ["facts", "id"]),
        ("journal_publish", {"facts": facts(), "kind": "first_statement", "lang": "zh",
                             "channel": "fax"}, ["channel"]),
        ("journal_publish", {"facts": facts(), "kind": "first_statement", "lang": "zh",
                             "text": "【待补充：下次更新时间】"}, ["text"]),
        ("journal_publish", {"facts": {**facts(), "eta": "soon"}, "kind": "first_statement",
                             "lang": "zh"}, ["facts", "eta"]),
    ]  # fmt: skip
    for name, arguments, loc in cases:
        result = _call(name, arguments)
        assert result["ok"] is False, (name, arguments)
        assert result["errors"][0]["loc"][: len(loc)] == loc, result
    # once the journal exists, an unknown incident is named by its argument
    assert _call("journal_publish", {"facts": facts(), "kind": "first_statement", "lang": "en"})[
        "ok"
    ]
    result = _call("journal_status", {"incident": "nothing-yet"})
    assert result["errors"][0]["loc"] == ["incident"]


def test_a_bad_journal_url_is_a_structured_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CRISISCOMMS_DB", "mysql://u@127.0.0.1/db")
    result = _call("journal_status", {"incident": "x"})
    assert result["ok"] is False and "not supported" in result["errors"][0]["msg"]


@pytest.mark.parametrize("lang", ["zh-Hant-TW", "zh-Hant-HK", "zh-Hant"])
def test_an_assistant_records_a_traditional_notice(
    lang: str, journal_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Trial G (CTBC): the CLI journal took zh-Hant-TW, the tool refused it ('zh' or 'en').
    monkeypatch.setenv("CRISISCOMMS_DB", journal_db)
    published = _call(
        "journal_publish", {"facts": facts(), "kind": "first_statement", "lang": lang}
    )
    assert published["ok"], published
    assert published["publication"]["lang"] == ("zh-Hant-TW" if lang == "zh-Hant" else lang)
