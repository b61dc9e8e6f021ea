"""The README shows what the tool really prints, and the command CI really runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from crisiscomms import draft, lint
from crisiscomms.factfiles import read_facts
from crisiscomms.lint import load_config
from crisiscomms.report import format_findings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    setup, tests = _blocks("sh")[:2]
    assert "crisiscomms draft all examples/" in setup
    command = tests.strip().split(" && ")[-1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert ci.strip().splitlines()[-1] == command


def test_the_drafts_shown_are_what_the_example_drafts_today() -> None:
    incident = read_facts(str(ROOT / "examples" / "ride-hailing-degradation.yaml"))
    shown = [block.strip() for block in _blocks("text")]
    for lang in ("zh", "en"):
        assert draft(incident, "first_statement", lang).text.strip() in shown
    assert draft(incident, "compensation_notice", "en").text.strip() in shown


def test_the_lint_session_shown_is_what_lint_prints() -> None:
    session = next(b for b in _blocks("text") if b.startswith("$ cat notice.txt"))
    notice, printed = session.removeprefix("$ cat notice.txt\n").split(
        "$ crisiscomms lint notice.txt\n"
    )
    findings = lint(notice, lang="auto")
    assert format_findings(findings, "notice.txt").strip() == printed.strip()


def test_the_config_shown_is_a_valid_config(tmp_path: Path) -> None:
    (config,) = [b for b in _blocks("toml") if "[tool.crisiscomms.lint]" in b]
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    loaded = load_config(tmp_path / "pyproject.toml")
    assert "minimizing" in loaded.disable


def test_the_cli_reference_lists_every_subcommand() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crisiscomms", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("draft", "example", "schema", "lint", "mcp", "plan"):
        assert command in result.stdout
        assert f"crisiscomms {command}" in README


def test_the_chatbot_answers_shown_are_what_the_tools_answer_today() -> None:
    # The section on chatbots showed a draft, a check and an error from an older release
    # (a count promised for the next update, "eta 03-29 18:00", four kinds).
    import json

    from crisiscomms.tools import call_tool

    facts = {
        "organization": {"zh": "青鸟科技", "en": "Qingniao Tech"},
        "service": {"zh": "青鸟聊天", "en": "Qingniao Chat"},
        "timezone": "Asia/Shanghai",
        "started_at": "2026-03-29T15:05:00+08:00",
        "published_at": "2026-03-29T15:40:00+08:00",
        "impact": {"symptoms": {"zh": "无法登录", "en": "cannot log in"}},
    }
    drafted = call_tool(
        "draft_notice", {"facts": facts, "kind": "first_statement", "langs": ["zh"]}
    )
    assert drafted["drafts"][0]["text"].strip() in [b.strip() for b in _blocks("text")]
    shown = _blocks("json")
    asked = json.dumps(drafted["missing_facts"], ensure_ascii=False, indent=2)
    assert asked.strip() in [b.strip() for b in shown]
    facts["eta"] = "2026-03-29T18:00:00+08:00"
    facts["impact"] = {**facts["impact"], "involves": ["accounts"]}
    text = "青鸟聊天正在紧急修复，预计今晚22:00前恢复，用户数据安全。"
    checked = call_tool("check_draft", {"text": text, "facts": facts, "lang": "zh"})
    keys = ("rule", "severity", "excerpt", "message")
    said = [{k: f[k] for k in keys} for f in checked["findings"]]
    assert json.dumps(said, ensure_ascii=False, indent=2).strip() in [b.strip() for b in shown]
    refused = call_tool("draft_notice", {"facts": {}, "kind": "press_release"})
    assert json.dumps(refused, ensure_ascii=False, indent=2).strip() in [b.strip() for b in shown]


def test_the_sms_shown_is_what_the_login_example_drafts_today() -> None:
    incident = read_facts(str(ROOT / "examples" / "login-outage.yaml"))
    sms = draft(incident, "first_statement", "zh", channel="sms")
    assert sms.text.strip() in [block.strip() for block in _blocks("text")]
    assert sms.length is not None
    figures = sms.length["text"]
    said = f"an SMS: {figures['chars']} characters, {figures['characters']} with 【青鸟科技】"
    assert said in README and figures["parts"] == 1
