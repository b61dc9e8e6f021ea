"""The hostile-input suite: every case in ``cases/*.yaml`` is one thing a hostile or careless
user can send, with the exit code (or ``ok: false``) and message fragment it must get.

Case files (read them for the fields; each field is optional unless said):

- ``facts.yaml``: a facts file, either ``set`` (top-level fields replacing those of
  ``base``, written out as ``format``: yaml or json) or raw ``text`` / ``text_py`` (a
  Python expression giving str or bytes). Run as ``crisiscomms draft KIND FILE --out
  DIR`` (``args`` overrides the arguments after FILE); expects ``exit`` (default 2),
  every ``says`` fragment on stderr, ``field`` followed by ``:``, ``line`` as ``line N:``
  or ``FILE:N``, no ``not_says`` fragment, no traceback and nothing written.
  A ``set`` case with a ``field`` also runs through the ``draft_notice`` tool and must
  get ``ok: false`` with ``loc`` = ``["facts", *field]`` (``tool: false`` skips that, for
  values JSON cannot carry, such as NaN).
- ``cli.yaml``, ``lint.yaml``, ``packs.yaml``: command lines (``args``, with ``{tmp}``,
  ``{example}``, ``{minimal}`` and ``{pack}`` filled in), optional ``files`` to create
  first (``{name: text}``; ``fifo: [names]``; ``folders: [names]``), ``stdin`` or
  ``stdin_py``; ``process: true`` runs it as a real subprocess (for closed or odd
  standard streams), otherwise in-process through :func:`crisiscomms.cli.main`;
  ``stdout_says`` / ``stdout_not_says`` check standard output, ``unchanged`` and
  ``absent`` the files left behind; ``needs: PACKAGE`` skips a case where it is not
  installed (the MCP cases, in CI's minimum-versions run).
- ``tools.yaml``: ``tool`` and ``arguments`` (or ``arguments_py``) for
  :func:`crisiscomms.tools.call_tool`; expects ``ok: false`` and an error at ``loc``
  whose message holds ``says``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
import yaml

from crisiscomms.cli import main
from crisiscomms.facts import format_loc
from crisiscomms.tools import call_tool

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "examples" / "login-outage.yaml"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((HERE / "cases" / name).read_text("utf-8"))
    ids = [case["id"] for case in data["cases"]]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"{name}: case ids given twice: {duplicates}"
    return data


FACTS = _load("facts.yaml")
BASE: dict[str, Any] = FACTS["base"]
COMMANDS = [
    pytest.param(case, id=f"{file.removesuffix('.yaml')}:{case['id']}")
    for file in ("cli.yaml", "lint.yaml", "packs.yaml")
    for case in _load(file)["cases"]
]
TOOLS = _load("tools.yaml")["cases"]


def _evaluate(expression: str) -> Any:
    """A case's generated input: a Python expression over a few helpers."""
    helpers = {"json": json, "BASE": BASE, "deep": _deep}
    return eval(expression, {"__builtins__": {"len": len, "dict": dict, "range": range}}, helpers)


def _deep(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = {"k": value}
    return value


def _facts_bytes(case: dict[str, Any]) -> bytes:
    if "text_py" in case:
        made = _evaluate(case["text_py"])
        return made if isinstance(made, bytes) else made.encode("utf-8")
    if "text" in case:
        text: str = case["text"]
        return text.encode("utf-8")
    facts = {**BASE, **case.get("set", {})}
    for key in case.get("drop", []):
        facts.pop(key)
    if case.get("format", "yaml") == "json":
        return json.dumps(facts, ensure_ascii=False, indent=1).encode("utf-8")
    return yaml.safe_dump(facts, allow_unicode=True, sort_keys=False).encode("utf-8")


def _run_main(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run the CLI in this process; return its exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        status = main(args)
    except SystemExit as exit:  # argparse's own usage errors
        status = int(exit.code or 0)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def _check_message(case: dict[str, Any], err: str) -> None:
    assert "Traceback" not in err, err
    says = case.get("says", [])
    for fragment in [says] if isinstance(says, str) else says:
        assert fragment in err, (fragment, err)
    for fragment in case.get("not_says", []):
        assert fragment not in err, (fragment, err)


FACT_CASES = [pytest.param(case, id=case["id"]) for case in FACTS["cases"]]


@pytest.mark.parametrize("case", FACT_CASES)
def test_facts_file(case: dict[str, Any], tmp_path: Path) -> None:
    suffix = {"yaml": ".yaml", "json": ".json", "toml": ".toml"}[case.get("format", "yaml")]
    source = tmp_path / f"facts{suffix}"
    source.write_bytes(_facts_bytes(case))
    out = tmp_path / "out"
    args = case.get("args", ["--lang", "zh,en"])
    kind = case.get("kind", "all")
    status, stdout, err = _run_main(["draft", kind, str(source), *args, "--out", str(out)])
    assert status == case.get("exit", 2), (status, err)
    _check_message(case, err)
    if status == 2:
        assert str(source) in err, err
        assert stdout == "" and (not out.exists() or not list(out.iterdir()))
    if "field" in case:
        assert f"{case['field']}:" in err, err
    if "line" in case:
        line = case["line"]
        assert f"line {line}:" in err or f"{source}:{line}:" in err, (line, err)


TOOL_FROM_FACTS = [
    pytest.param(case, id=case["id"])
    for case in FACTS["cases"]
    if "set" in case and "field" in case and case.get("exit", 2) == 2 and case.get("tool", True)
]


@pytest.mark.parametrize("case", TOOL_FROM_FACTS)
def test_facts_through_the_tool(case: dict[str, Any]) -> None:
    facts = {**BASE, **case["set"]}
    for key in case.get("drop", []):
        facts.pop(key)
    answer = call_tool("draft_notice", {"facts": facts, "kind": "all"})
    assert answer["ok"] is False
    paths = {format_loc(tuple(e["loc"][1:])): e for e in answer["errors"]}
    assert all(e["loc"] and e["loc"][0] == "facts" for e in answer["errors"]), answer
    assert case["field"] in paths, (case["field"], answer["errors"])
    assert all(e["type"] != "internal" for e in answer["errors"])


def _fill(value: str, tmp: Path) -> str:
    return (
        value.replace("{tmp}", str(tmp))
        .replace("{example}", str(EXAMPLE))
        .replace("{minimal}", str(tmp / "minimal.yaml"))
        .replace("{pack}", str(tmp / "pack"))
    )


def _prepare(case: dict[str, Any], tmp: Path) -> None:
    (tmp / "minimal.yaml").write_text(yaml.safe_dump(BASE, allow_unicode=True), "utf-8")
    for folder in case.get("folders", []):
        (tmp / folder).mkdir(parents=True, exist_ok=True)
    for name, text in case.get("files", {}).items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for name, expression in case.get("files_py", {}).items():
        made = _evaluate(expression)
        (tmp / name).write_bytes(made if isinstance(made, bytes) else made.encode("utf-8"))
    for name in case.get("fifo", []):
        os.mkfifo(tmp / name)
    for name, target in case.get("symlinks", {}).items():
        (tmp / name).symlink_to(_fill(target, tmp))


@pytest.mark.parametrize("case", COMMANDS)
def test_command(case: dict[str, Any], tmp_path: Path) -> None:
    if "needs" in case and find_spec(case["needs"]) is None:
        pytest.skip(f"needs the {case['needs']} package")
    _prepare(case, tmp_path)
    args = [_fill(a, tmp_path) for a in case["args"]]
    stdin: bytes | None = None
    if "stdin" in case:
        stdin = case["stdin"].encode("utf-8")
    elif "stdin_py" in case:
        made = _evaluate(case["stdin_py"])
        stdin = made if isinstance(made, bytes) else made.encode("utf-8")
    if case.get("process"):
        status, stdout, err = _run_process(args, case.get("shell_stdio", ""), stdin, tmp_path)
    else:
        status, stdout, err = _run_main(args, stdin)
    assert status == case.get("exit", 2), (status, err)
    _check_message(case, err)
    if case.get("exit", 2) == 2 and not case.get("stdout_ok"):
        assert stdout == "", stdout
    for fragment in case.get("stdout_says", []):
        assert fragment in stdout, (fragment, stdout)
    for fragment in case.get("stdout_not_says", []):
        assert fragment not in stdout, (fragment, stdout)
    for name, text in case.get("unchanged", {}).items():
        assert (tmp_path / name).read_text("utf-8") == text
    for name in case.get("absent", []):
        assert not (tmp_path / name).exists(), name


def _run_process(
    args: list[str], redirect: str, stdin: bytes | None, tmp: Path
) -> tuple[int, str, str]:
    """Run the real command under a shell, so a case can close or redirect its streams."""
    quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)
    command = f"'{sys.executable}' -m crisiscomms {quoted} {redirect}"
    result = subprocess.run(
        ["/bin/sh", "-c", command],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        cwd=tmp,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return result.returncode, result.stdout.decode(), result.stderr.decode()


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in TOOLS])
def test_tool_call(case: dict[str, Any]) -> None:
    arguments = _evaluate(case["arguments_py"]) if "arguments_py" in case else case["arguments"]
    answer = call_tool(case["tool"], arguments)
    assert answer["ok"] is False, answer
    errors = answer["errors"]
    assert all(e["type"] != "internal" for e in errors), errors
    found = [e for e in errors if e["loc"] == case["loc"]]
    assert found, (case["loc"], errors)
    assert any(case.get("says", "") in e["msg"] for e in found), found


def test_the_suite_is_large_enough() -> None:
    rows = len(FACT_CASES) + len(COMMANDS) + len(TOOLS)
    assert rows >= 150, rows
