"""``crisiscomms lint``: exit codes, text and JSON output, configs found upward, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from crisiscomms.cli import main
from crisiscomms.errors import ConfigError
from crisiscomms.lint import find_config, load_config

VAGUE = "系统故障。\n目前正在紧急修复中。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_names_file_line_column_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(VAGUE, encoding="utf-8")
    code, out, _ = run(capsys, str(notice), "--no-color")
    assert code == 1
    assert out.splitlines()[0].startswith(f"{notice}:2:1: error vague-fix-no-timeline ")
    assert "    | 目前正在紧急修复" in out


def test_clean_file_exits_zero_and_warnings_alone_exit_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "ok.txt"
    notice.write_text("正在修复，预计下午三点前恢复。我们将尽快通知。", encoding="utf-8")
    code, out, _ = run(capsys, str(notice))
    assert code == 0 and "warning vague-time" in out


def test_json_output_matches_the_published_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = tmp_path / "n.txt"
    notice.write_text(VAGUE + "给您带来的不便深表歉意。", encoding="utf-8")
    code, out, _ = run(capsys, str(notice), "--format", "json", "--kind", "first-statement")
    document = json.loads(out)
    schema_file = resources.files("crisiscomms").joinpath("schemas", "lint-output.v1.json")
    jsonschema.validate(document, json.loads(schema_file.read_text(encoding="utf-8")))
    assert code == 1 and document["summary"]["error"] == 2
    rules = [f["rule"] for f in document["files"][0]["findings"]]
    assert rules == ["missing-next-update", "vague-fix-no-timeline", "empty-apology"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"<!-- crisiscomms: disable=nope -->", "unknown rule id 'nope'"),
    ],
)
def test_bad_input_exits_two_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, str(bad))
    assert code == 2 and out == ""
    assert str(bad) in err and message in err


def test_missing_file_and_bad_kind_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, str(tmp_path / "nope.txt"))[0] == 2
    notice = tmp_path / "n.txt"
    notice.write_text("ok", encoding="utf-8")
    code, _, err = run(capsys, str(notice), "--kind", "memo")
    assert code == 2 and "memo" in err


def test_config_is_found_upward_and_can_be_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.crisiscomms.lint]\ndisable = ["vague-fix-no-timeline"]\n', encoding="utf-8"
    )
    sub = tmp_path / "notices" / "2026"
    sub.mkdir(parents=True)
    notice = sub / "n.txt"
    notice.write_text(VAGUE, encoding="utf-8")
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert run(capsys, str(notice))[0] == 0
    dotfile = tmp_path / "strict.toml"
    dotfile.write_text('[lint]\nseverity = { vague-time = "error" }\n', encoding="utf-8")
    code, out, _ = run(capsys, str(notice), "--config", str(dotfile))
    assert code == 1 and "vague-fix-no-timeline" in out


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[lint]\ndisable = ["vauge-time"]\n', "vauge-time"),
        ("[lint]\ndisabel = []\n", "disabel"),
        ("[lint\n", "cannot read"),
        ('[lint]\nseverity = { vague-time = "fatal" }\n', "severity"),
    ],
)
def test_malformed_config_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, message: str
) -> None:
    config = tmp_path / ".crisiscomms.toml"
    config.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(config)
    notice = tmp_path / "n.txt"
    notice.write_text("ok", encoding="utf-8")
    code, _, err = run(capsys, str(notice))
    assert code == 2 and str(config) in err


def test_stdin_through_the_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "crisiscomms", "lint", "-", "--lang", "en"],
        input=b"We are investigating.",
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.decode().startswith("<stdin>:1:4: error vague-fix-no-timeline")
    assert b"Traceback" not in done.stderr


FACTS = """\
organization: {zh: 示例科技, en: Example Tech}
service: {zh: 示例App, en: the Example app}
timezone: Asia/Shanghai
started_at: 2026-03-29T20:00:00+08:00
published_at: 2026-03-29T20:30:00+08:00
impact:
  scale: [{count: 8000000, precision: estimate}]
data: {status: intact}
"""


def test_facts_check_a_hand_written_statement_against_the_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A PR person's statement: a wrong number and a leak the facts rule out, in one run.
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    notice = tmp_path / "statement.txt"
    notice.write_text("约500万用户受影响。用户数据已泄露。\n", encoding="utf-8")
    code, out, _ = run(capsys, str(notice), "--facts", str(facts), "--format", "json")
    document = json.loads(out)
    schema_file = resources.files("crisiscomms").joinpath("schemas", "lint-output.v1.json")
    jsonschema.validate(document, json.loads(schema_file.read_text(encoding="utf-8")))
    found = [(f["rule"], f["excerpt"]) for f in document["files"][0]["findings"]]
    assert ("fact-mismatch", "500万") in found and ("fact-mismatch", "数据已泄露") in found
    assert code == 1 and document["facts"] == str(facts)
    # Without the facts, only the wording is checked.
    code, out, _ = run(capsys, str(notice), "--format", "json")
    assert "fact-mismatch" not in out


def test_facts_follow_the_teams_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    (tmp_path / ".crisiscomms.toml").write_text(
        '[lint]\ndisable = ["unsupported-claim"]\nseverity = {fact-mismatch = "warning"}\n',
        encoding="utf-8",
    )
    notice = tmp_path / "statement.txt"
    notice.write_text("约500万用户受影响，预计今晚22:00恢复。\n", encoding="utf-8")
    code, out, _ = run(capsys, str(notice), "--facts", str(facts), "--no-color")
    assert "unsupported-claim" not in out and "warning fact-mismatch" in out and code == 0


@pytest.mark.parametrize(
    ("facts", "stdin", "message"),
    [
        ("nope.yaml", False, "nope.yaml: no such file"),
        ("bad.yaml", False, "line 2: service"),
        ("-", True, "--facts -"),
    ],
)
def test_bad_facts_exit_two_naming_file_and_field(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    facts: str,
    stdin: bool,
    message: str,
) -> None:
    (tmp_path / "bad.yaml").write_text(FACTS.replace("service: {", "service: 3 #{"), "utf-8")
    monkeypatch.chdir(tmp_path)
    notice = tmp_path / "statement.txt"
    notice.write_text("约500万用户受影响。\n", encoding="utf-8")
    code, out, err = run(capsys, "-" if stdin else str(notice), "--facts", facts)
    assert code == 2 and out == "" and message in err, err
