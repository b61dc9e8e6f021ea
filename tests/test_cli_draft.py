"""The ``crisiscomms`` command as a user runs it: files written, formats, stdin, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import run_cli

from crisiscomms import __version__
from crisiscomms.kinds import KINDS, kind_slug

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
NAMES = sorted(f"{kind_slug(kind)}.{lang}.txt" for kind in KINDS for lang in ("zh", "en"))

# Facts lacking the next-update time a first statement needs.
NO_NEXT_UPDATE = """\
organization: {zh: 示例科技, en: Example Tech}
service: {zh: 示例App, en: the Example app}
timezone: Asia/Shanghai
started_at: 2026-03-29T20:00:00+08:00
published_at: 2026-03-29T20:30:00+08:00
impact:
  symptoms: {zh: 无法登录, en: log-in failures}
"""


def test_draft_all_writes_one_file_per_kind_and_language(tmp_path: Path) -> None:
    result = run_cli("draft", "all", str(EXAMPLE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == NAMES
    zh = (tmp_path / "first-statement.zh.txt").read_text("utf-8")
    en = (tmp_path / "first-statement.en.txt").read_text("utf-8")
    assert "北京时间3月29日00:14" in zh
    assert "Mar 29, 00:14 to 12:20 UTC+8" in en
    assert "Traceback" not in result.stderr


def test_the_complete_example_drafts_cleanly_to_stdout() -> None:
    result = run_cli("draft", "all", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    for name in NAMES:
        assert f"==> {name} <==" in result.stdout
    assert "【待补充" not in result.stdout and "[TO FILL" not in result.stdout


def test_one_kind_in_one_language_prints_just_that_draft() -> None:
    result = run_cli("draft", "apology", str(EXAMPLE), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Outage on Mar 29")
    assert "==>" not in result.stdout
    assert "致歉" not in result.stdout


def test_snake_case_kind_is_accepted() -> None:
    kebab = run_cli("draft", "first-statement", str(EXAMPLE), "--lang", "zh")
    snake = run_cli("draft", "first_statement", str(EXAMPLE), "--lang", "zh")
    assert kebab.returncode == snake.returncode == 0
    assert kebab.stdout == snake.stdout


def test_markdown_files_carry_a_heading(tmp_path: Path) -> None:
    result = run_cli("draft", "all", str(EXAMPLE), "--format", "markdown", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == sorted(n.replace(".txt", ".md") for n in NAMES)
    assert (tmp_path / "apology.zh.md").read_text("utf-8").startswith("# 关于3月29日")


def test_json_output_has_every_draft_with_kind_lang_text_and_findings() -> None:
    result = run_cli("draft", "all", str(EXAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    drafts = document["drafts"]
    assert len(drafts) == 2 * len(KINDS)
    assert {(d["kind"], d["lang"]) for d in drafts} == {
        (k, lang) for k in KINDS for lang in ("zh", "en")
    }
    for d in drafts:
        assert d["text"].strip() and d["findings"] == []


def test_json_files_each_parse(tmp_path: Path) -> None:
    result = run_cli("draft", "all", str(EXAMPLE), "--format", "json", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for path in tmp_path.iterdir():
        assert path.suffix == ".json"
        assert json.loads(path.read_text("utf-8"))["text"]


def test_facts_from_stdin() -> None:
    result = run_cli(
        "draft", "first-statement", "-", "--lang", "zh", stdin=EXAMPLE.read_text("utf-8")
    )
    assert result.returncode == 0, result.stderr
    assert "优品汇" in result.stdout


def test_json_facts_from_a_json_file(tmp_path: Path) -> None:
    facts = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    source = tmp_path / "facts.json"
    source.write_text(json.dumps(facts, default=str, ensure_ascii=False), "utf-8")
    result = run_cli("draft", "apology", str(source), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert result.stdout == run_cli("draft", "apology", str(EXAMPLE), "--lang", "zh").stdout


def test_missing_fact_exits_1_reports_it_and_still_writes_the_placeholder(
    tmp_path: Path,
) -> None:
    source = tmp_path / "facts.yaml"
    source.write_text(NO_NEXT_UPDATE, "utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", "first-statement", str(source), "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert "missing-next-update" in result.stderr
    assert "error" in result.stderr
    assert "Traceback" not in result.stderr
    assert "【待补充：下次更新时间】" in (out / "first-statement.zh.txt").read_text("utf-8")
    assert "[TO FILL: next update time]" in (out / "first-statement.en.txt").read_text("utf-8")


def test_findings_on_stderr_point_at_the_placeholder_line(tmp_path: Path) -> None:
    source = tmp_path / "facts.yaml"
    source.write_text(NO_NEXT_UPDATE, "utf-8")
    result = run_cli("draft", "first-statement", str(source), "--lang", "zh")
    assert result.returncode == 1
    draft_lines = result.stdout.split("\n")
    # "first-statement.zh:LINE:COL: error missing-next-update ..."
    head = next(x for x in result.stderr.split("\n") if "missing-next-update" in x)
    line, column = (int(n) for n in head.split(":")[1:3])
    assert draft_lines[line - 1][column - 1 :].startswith("【待补充：下次更新时间】")


def test_example_command_prints_facts_that_draft_cleanly_through_stdin() -> None:
    example = run_cli("example")
    assert example.returncode == 0
    assert example.stdout.lstrip().startswith("#")  # commented for a new user
    drafted = run_cli("draft", "all", "-", stdin=example.stdout)
    assert drafted.returncode == 0, drafted.stderr
    assert drafted.stdout.count("==> ") == 2 * len(KINDS)


def _schema() -> dict[str, Any]:
    result = run_cli("schema")
    assert result.returncode == 0
    schema: dict[str, Any] = json.loads(result.stdout)
    return schema


def _as_json(facts: Any) -> Any:
    # JSON Schema sees the facts as JSON would carry them: times as ISO strings.
    return json.loads(json.dumps(facts, default=lambda t: t.isoformat()))


def _example_params() -> list[Any]:
    params = []
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        params.append(pytest.param(example, id=example.stem))
    return params


def test_schema_command_prints_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(_schema())


@pytest.mark.parametrize("example", _example_params())
def test_schema_validates_the_example(example: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    facts = _as_json(yaml.safe_load(example.read_text("utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(facts)]
    assert not errors


def test_schema_accepts_a_bare_eta_as_the_model_does() -> None:
    facts = _as_json(yaml.safe_load(EXAMPLE.read_text("utf-8")))
    facts["eta"] = "2026-03-29T14:00:00+08:00"
    assert jsonschema.Draft202012Validator(_schema()).is_valid(facts)


def test_schema_rejects_a_misspelt_key() -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    facts = _as_json(yaml.safe_load(EXAMPLE.read_text("utf-8")))
    assert validator.is_valid(facts)
    facts["next_udpate_at"] = "2026-03-29T14:00:00+08:00"
    assert not validator.is_valid(facts)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"crisiscomms {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["draft"],
        ["draft", "all"],
        ["draft", "all", str(EXAMPLE), "--format", "pdf"],
        ["frobnicate"],
    ],
    ids=["no-command", "no-kind", "no-facts", "bad-format", "unknown-command"],
)
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert "usage" in result.stderr.lower()


def test_out_folder_that_cannot_be_created_is_bad_input(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    result = run_cli("draft", "all", str(EXAMPLE), "--out", str(blocker / "sub"))
    assert result.returncode == 2
    assert "--out" in result.stderr and "Traceback" not in result.stderr


def test_empty_lang_list_is_bad_input() -> None:
    result = run_cli("draft", "all", str(EXAMPLE), "--lang", ",")
    assert result.returncode == 2
    assert "--lang" in result.stderr


def test_runs_from_any_directory(tmp_path: Path) -> None:
    result = run_cli("draft", "first-statement", str(EXAMPLE), "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_mcp_without_the_extra_is_a_clear_message_not_a_traceback() -> None:
    # Hide the SDK the test environment has, as on a core install.
    code = (
        "import importlib.util, sys; real = importlib.util.find_spec;"
        "importlib.util.find_spec = lambda n, *a: None if n in ('mcp', 'anyio') else real(n, *a);"
        "from crisiscomms.cli import main; sys.exit(main(['mcp']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "pip install 'crisiscomms[mcp]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_language_asked_twice_is_drafted_once(tmp_path: Path) -> None:
    example = ROOT / "examples" / "login-outage.yaml"
    result = run_cli(
        "draft", "first-statement", str(example), "--lang", "zh,en,zh", "--out", str(tmp_path)
    )
    # What this checks is the repeated language, not the drafts' wording: exit 1 (lint
    # findings in the drafts) is the template and lint tests' business, so it is allowed
    # here; a usage or facts error (2) or an internal one (3) is not.
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "first-statement.en.txt",
        "first-statement.zh.txt",
    ]
    assert result.stderr.count("wrote ") == 2


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (["draft", "apologies", str(EXAMPLE)], "(did you mean apology?)"),
        (["draft", "apology", str(EXAMPLE), "--lang", "zh-HK"], "(did you mean zh-Hant-HK?)"),
        (["draft", "apology", str(EXAMPLE), "--lang", "zh-TW"], "(did you mean zh-Hant-TW?)"),
    ],
)
def test_a_misspelt_kind_or_language_gets_a_suggestion(args: list[str], suggested: str) -> None:
    # Trial F: facts fields got "did you mean", the command line's kind and language did not.
    result = run_cli(*args)
    assert result.returncode == 2 and suggested in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
